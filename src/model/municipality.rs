//! Municipalities, regions, Riket, and the groups the home municipality is compared with.

use serde::{Deserialize, Serialize};

/// Kolada's id for the whole country.
pub const RIKET_ID: &str = "0000";

/// Whether an area is the country, a region or a municipality; only municipalities are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MunicipalityKind {
    Country,
    Region,
    Municipality,
}

impl MunicipalityKind {
    pub fn code(self) -> &'static str {
        match self {
            MunicipalityKind::Country => "riket",
            MunicipalityKind::Region => "L",
            MunicipalityKind::Municipality => "K",
        }
    }

    /// Kolada types: `K` municipality, `L`/`R` region; `0000` is the country whatever its type.
    pub fn from_kolada(id: &str, kind: &str) -> MunicipalityKind {
        if id == RIKET_ID || kind.eq_ignore_ascii_case("riket") {
            return MunicipalityKind::Country;
        }
        match kind.trim() {
            "K" | "k" => MunicipalityKind::Municipality,
            "L" | "R" | "l" | "r" => MunicipalityKind::Region,
            _ => Self::guess_from_id(id),
        }
    }

    /// Kolada ids `0001`–`0025` are regions; four-digit ids above are municipalities.
    pub fn guess_from_id(id: &str) -> MunicipalityKind {
        match id.parse::<u32>() {
            Ok(0) => MunicipalityKind::Country,
            Ok(n) if n < 100 => MunicipalityKind::Region,
            _ => MunicipalityKind::Municipality,
        }
    }
}

/// An area that has results: a municipality, a region or Riket.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub id: String,
    pub title: String,
    pub kind: MunicipalityKind,
}

/// A named set of municipalities, e.g. Kolada's "liknande kommuner" groups.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityGroup {
    pub id: String,
    pub title: String,
    pub members: Vec<String>,
}

/// Which municipalities the home municipality is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    /// A group imported from Kolada, by id.
    Group(String),
    /// Municipalities picked by hand.
    Picked(Vec<String>),
}

impl Comparison {
    /// The member ids, resolving a group against the known groups.
    pub fn members(&self, groups: &[MunicipalityGroup]) -> Vec<String> {
        match self {
            Comparison::Picked(ids) => ids.clone(),
            Comparison::Group(id) => groups
                .iter()
                .find(|g| &g.id == id)
                .map(|g| g.members.clone())
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_kolada_types_and_ids() {
        assert_eq!(
            MunicipalityKind::from_kolada("0000", "L"),
            MunicipalityKind::Country
        );
        assert_eq!(
            MunicipalityKind::from_kolada("0001", "R"),
            MunicipalityKind::Region
        );
        assert_eq!(
            MunicipalityKind::from_kolada("0180", "K"),
            MunicipalityKind::Municipality
        );
        assert_eq!(
            MunicipalityKind::from_kolada("0025", ""),
            MunicipalityKind::Region
        );
        assert_eq!(
            MunicipalityKind::from_kolada("2584", ""),
            MunicipalityKind::Municipality
        );
    }

    #[test]
    fn comparison_resolves_group_members() {
        let groups = vec![MunicipalityGroup {
            id: "G1".into(),
            title: "Grupp".into(),
            members: vec!["0180".into(), "1480".into()],
        }];
        assert_eq!(
            Comparison::Group("G1".into()).members(&groups),
            vec!["0180", "1480"]
        );
        assert!(Comparison::Group("G2".into()).members(&groups).is_empty());
        assert_eq!(
            Comparison::Picked(vec!["1280".into()]).members(&groups),
            vec!["1280"]
        );
    }
}

/// The official list of Swedish municipality and region codes with their names (Riket, 21
/// regions, 290 municipalities), shipped with the program so that every workbook knows them.
const OFFICIAL: &str = include_str!("../../assets/municipalities.csv");

/// Every area of the official list.
pub fn official() -> Vec<Municipality> {
    OFFICIAL
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let (id, title, kind) = (f.next()?, f.next()?, f.next()?);
            Some(Municipality {
                id: id.to_string(),
                title: title.to_string(),
                kind: MunicipalityKind::from_kolada(id, kind),
            })
        })
        .collect()
}

/// Whether `id` is a Kolada municipality group id: `G` followed by digits only (so Göteborg,
/// Gävle and Gotland are not).
pub fn is_group_id(id: &str) -> bool {
    id.strip_prefix('G')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// What a municipality cell in an import file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A known area, by its code.
    Area(String),
    /// An average over municipalities, such as "Alla kommuner (ovägt medel)".
    Average,
    /// A Kolada municipality group.
    Group,
    /// Neither a known code nor a known name.
    Unknown,
}

/// Finds the area a file means by a code or a name, the way people and Kolada's exports write
/// them: exact codes; names after case folding and trimming (indented Excel names too); a
/// municipality as `X`, `X kommun`, `Xs kommun`, `X stad`, `Xs stad`; a region as `Region X`,
/// `X`, `X län`, `Xs län`, `X läns landsting`; Riket as `Riket`, `Hela landet` or `Sverige`.
/// Where a bare name is both (Gotland, Stockholm), the municipality is meant.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    ids: std::collections::HashSet<String>,
    names: std::collections::HashMap<String, String>,
}

/// Lower case with runs of white space as one space, trimmed, in Unicode's composed form (NFC):
/// `Göteborg` typed on a Mac or copied from a PDF may spell ö as o and a combining diaeresis.
fn fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect::<String>()
        .to_lowercase()
}

/// Region names the counties' names do not lead to by the usual endings.
const REGION_ALIASES: [(&str, &str); 3] = [
    ("Region Sörmland", "Södermanland"),
    ("Region Jämtland Härjedalen", "Jämtland"),
    ("Region Jämtland Härjedalen", "Jämtland Härjedalen"),
];

impl NameIndex {
    pub fn new(areas: &[Municipality]) -> NameIndex {
        let mut index = NameIndex::default();
        // Municipalities first: their bare names win over a region's.
        let mut sorted: Vec<&Municipality> = areas.iter().collect();
        sorted.sort_by_key(|m| match m.kind {
            MunicipalityKind::Municipality => 0,
            MunicipalityKind::Country => 1,
            MunicipalityKind::Region => 2,
        });
        for m in sorted {
            index.add(m);
        }
        for (region, alias) in REGION_ALIASES {
            if let Some(id) = index.names.get(&fold(region)).cloned() {
                for variant in Self::county_variants(alias) {
                    index.names.entry(variant).or_insert(id.clone());
                }
            }
        }
        index
    }

    fn county_variants(name: &str) -> Vec<String> {
        let genitive = if name.ends_with('s') {
            name.to_string()
        } else {
            format!("{name}s")
        };
        vec![
            fold(name),
            fold(&format!("{name} län")),
            fold(&format!("{genitive} län")),
            fold(&format!("{name} läns landsting")),
            fold(&format!("{genitive} läns landsting")),
            fold(&format!("landstinget {name}")),
            fold(&format!("region {name}")),
        ]
    }

    /// Adds one area (also used for areas a file's own metadata brings in).
    pub fn add(&mut self, m: &Municipality) {
        self.ids.insert(m.id.clone());
        let mut variants = vec![fold(&m.title)];
        match m.kind {
            MunicipalityKind::Municipality => {
                let genitive = if m.title.ends_with('s') {
                    m.title.clone()
                } else {
                    format!("{}s", m.title)
                };
                for suffix in ["kommun", "stad"] {
                    variants.push(fold(&format!("{} {suffix}", m.title)));
                    variants.push(fold(&format!("{genitive} {suffix}")));
                }
            }
            MunicipalityKind::Region => {
                // "Region Dalarna", "Region Jönköpings län", "Västra Götalandsregionen".
                let bare = m.title.strip_prefix("Region ").unwrap_or(&m.title);
                let bare = bare
                    .strip_suffix("sregionen")
                    .or_else(|| {
                        bare.strip_suffix(" län")
                            .map(|b| b.strip_suffix('s').unwrap_or(b))
                    })
                    .unwrap_or(bare);
                variants.extend(Self::county_variants(bare));
            }
            MunicipalityKind::Country => {
                variants.extend(["riket", "hela landet", "sverige"].map(String::from));
            }
        }
        for v in variants {
            self.names.entry(v).or_insert(m.id.clone());
        }
    }

    pub fn resolve(&self, cell: &str) -> Resolved {
        let cell = cell.trim();
        if self.ids.contains(cell) {
            return Resolved::Area(cell.to_string());
        }
        if is_group_id(cell) {
            return Resolved::Group;
        }
        let folded = fold(cell);
        if let Some(id) = self.names.get(&folded) {
            return Resolved::Area(id.clone());
        }
        if folded.contains("medel") || folded.contains("genomsnitt") {
            return Resolved::Average;
        }
        Resolved::Unknown
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    fn resolve(cell: &str) -> Resolved {
        NameIndex::new(&official()).resolve(cell)
    }

    fn area(id: &str) -> Resolved {
        Resolved::Area(id.to_string())
    }

    #[test]
    fn the_official_list_is_complete() {
        let list = official();
        assert_eq!(list.len(), 312);
        let count = |k| list.iter().filter(|m| m.kind == k).count();
        assert_eq!(count(MunicipalityKind::Municipality), 290);
        assert_eq!(count(MunicipalityKind::Region), 21);
        assert_eq!(count(MunicipalityKind::Country), 1);
    }

    #[test]
    fn decomposed_letters_are_the_same_name() {
        assert_eq!(
            resolve("Go\u{308}teborg"),
            area("1480"),
            "o + combining diaeresis"
        );
        assert_eq!(resolve("Ga\u{308}vle kommun"), area("2180"));
        assert_eq!(
            resolve("Region Ja\u{308}mtland Ha\u{308}rjedalen"),
            area("0023")
        );
    }

    #[test]
    fn names_and_their_usual_variants_find_their_codes() {
        assert_eq!(resolve("0180"), area("0180"));
        assert_eq!(resolve("Stockholm"), area("0180"), "the municipality wins");
        assert_eq!(resolve("Göteborg"), area("1480"));
        assert_eq!(resolve("Göteborgs stad"), area("1480"));
        assert_eq!(resolve("  GÄVLE "), area("2180"));
        assert_eq!(resolve("Gävle kommun"), area("2180"));
        assert_eq!(resolve("Gotland"), area("0980"));
        assert_eq!(resolve("Gnosjö"), area("0617"));
        assert_eq!(resolve("Malmö stad"), area("1280"));
        assert_eq!(resolve("Region Gotland"), area("0009"));
        assert_eq!(resolve("Gotlands län"), area("0009"));
        assert_eq!(resolve("Dalarnas län"), area("0020"));
        assert_eq!(resolve("Region Dalarna"), area("0020"));
        assert_eq!(resolve("Stockholms läns landsting"), area("0001"));
        assert_eq!(resolve("Södermanlands län"), area("0004"));
        assert_eq!(resolve("Jämtlands län"), area("0023"));
        assert_eq!(resolve("Gävleborgs län"), area("0021"));
        assert_eq!(resolve("Västra Götalands län"), area("0014"));
        assert_eq!(resolve("Region Västra Götaland"), area("0014"));
        assert_eq!(resolve("Jönköpings län"), area("0006"));
        assert_eq!(resolve("Jönköping"), area("0680"), "the municipality wins");
        assert_eq!(resolve("Örebro läns landsting"), area("0018"));
        assert_eq!(resolve("Riket"), area("0000"));
        assert_eq!(resolve("Hela landet"), area("0000"));
    }

    #[test]
    fn every_official_area_is_found_by_its_code_and_its_name() {
        let list = official();
        let index = NameIndex::new(&list);
        for m in &list {
            assert_eq!(index.resolve(&m.id), area(&m.id), "{}", m.id);
            assert_eq!(index.resolve(&m.title), area(&m.id), "{}", m.title);
        }
    }

    #[test]
    fn averages_groups_and_strangers_are_told_apart() {
        assert_eq!(resolve("Alla kommuner (ovägt medel)"), Resolved::Average);
        assert_eq!(resolve("G124018"), Resolved::Group);
        assert!(!is_group_id("G"));
        assert!(!is_group_id("Gotland"));
        for unknown in ["9999", "180", "01800", "Ankeborg", ""] {
            assert_eq!(resolve(unknown), Resolved::Unknown, "{unknown}");
        }
    }
}
