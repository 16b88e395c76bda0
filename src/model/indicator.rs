//! Indicators (Kolada KPIs and the like) and which way is better.

use serde::{Deserialize, Serialize};

crate::enum_with_all! {
    /// Which way a result indicator should move. Kolada does not say, so the group sets it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Direction {
        HigherIsBetter,
        LowerIsBetter,
        Neutral,
    }
}

impl Direction {
    /// The code stored in the workbook (`higher`, `lower`, `neutral`).
    pub fn code(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
            Direction::Neutral => "neutral",
        }
    }

    /// Reads `higher`, `lower` or `neutral`, as stored and as typed on the command line.
    pub fn from_code(code: &str) -> Option<Direction> {
        match code.trim().to_ascii_lowercase().as_str() {
            "higher" => Some(Direction::HigherIsBetter),
            "lower" => Some(Direction::LowerIsBetter),
            "neutral" => Some(Direction::Neutral),
            _ => None,
        }
    }
}

/// A measure whose values the group follows: its identity, meaning and unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Indicator {
    pub id: String,
    pub title: String,
    pub description: String,
    pub unit: String,
    pub operating_area: String,
    pub perspective: String,
    /// `None` while nobody has said which way is better.
    pub direction: Option<Direction>,
    pub divided_by_gender: bool,
    pub source: String,
}

impl Indicator {
    /// A stand-in for an indicator that has values but no imported metadata yet.
    pub fn placeholder(id: &str) -> Indicator {
        Indicator {
            id: id.to_string(),
            title: id.to_string(),
            ..Indicator::default()
        }
    }
}

/// Reads the unit from a Kolada title, which names it after the last comma
/// (`"Elever i åk 9 ..., andel (%)"` gives `%`, `"Kostnad ..., kr/inv"` gives `kr/inv`).
pub fn unit_from_title(title: &str) -> String {
    let tail = match title.rsplit_once(',') {
        Some((_, tail)) => tail.trim(),
        None => return String::new(),
    };
    if tail.contains("(%)") || tail.ends_with('%') {
        return "%".to_string();
    }
    if let (Some(open), Some(close)) = (tail.rfind('('), tail.rfind(')'))
        && open < close
    {
        let inner = tail[open + 1..close].trim();
        if !inner.is_empty() && inner.split_whitespace().count() <= 3 {
            return inner.to_string();
        }
    }
    let lower = tail.to_lowercase();
    const KNOWN: [&str; 8] = [
        "kr/inv", "kr", "antal", "dagar", "år", "timmar", "minuter", "procent",
    ];
    for unit in KNOWN {
        if lower.starts_with(unit) || lower.ends_with(unit) {
            return if unit == "procent" { "%" } else { unit }.to_string();
        }
    }
    if tail.split_whitespace().count() <= 3 && tail.len() <= 24 {
        tail.to_string()
    } else {
        String::new()
    }
}

/// A Kolada KPI id (a letter and five digits) in its usual upper case: `n15428` → `N15428`.
pub fn kolada_id(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (b.len() == 6 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit))
        .then(|| text.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_is_read_from_kolada_titles() {
        assert_eq!(
            unit_from_title("Elever i åk 9 som är behöriga till yrkesprogram, andel (%)"),
            "%"
        );
        assert_eq!(unit_from_title("Personalkostnader, kr/inv"), "kr/inv");
        assert_eq!(
            unit_from_title(
                "Väntetid i antal dagar från ansökningsdatum till erbjudet inträdesdatum till särskilt boende, medelvärde"
            ),
            "medelvärde"
        );
        assert_eq!(unit_from_title("Invånare totalt, antal"), "antal");
        assert_eq!(unit_from_title("Utan komma"), "");
    }

    #[test]
    fn direction_codes_round_trip() {
        for d in Direction::ALL {
            assert_eq!(Direction::from_code(d.code()), Some(d));
        }
        assert_eq!(Direction::from_code("bigger"), None);
    }
}
