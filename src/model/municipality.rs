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
