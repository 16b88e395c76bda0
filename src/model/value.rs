//! One result value: which indicator, area, year and gender, and the number or why it is missing.

/// Kolada splits many results by gender: total, women (`K`) and men (`M`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Gender {
    Total,
    Women,
    Men,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Total, Gender::Women, Gender::Men];

    /// The Kolada code stored in the workbook.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Total => "T",
            Gender::Women => "K",
            Gender::Men => "M",
        }
    }

    pub fn from_code(code: &str) -> Option<Gender> {
        match code.trim() {
            "T" | "t" | "" => Some(Gender::Total),
            "K" | "k" | "W" | "w" => Some(Gender::Women),
            "M" | "m" => Some(Gender::Men),
            _ => None,
        }
    }
}

/// Why a value is missing. Kolada's web tables use `-`, `.` and `..`; an empty cell says nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissingCode {
    /// Empty cell or `null`.
    Empty,
    /// `-`: no data.
    NoData,
    /// `.`: not applicable.
    NotApplicable,
    /// `..`: withheld for confidentiality.
    Confidential,
}

impl MissingCode {
    pub fn code(self) -> &'static str {
        match self {
            MissingCode::Empty => "",
            MissingCode::NoData => "-",
            MissingCode::NotApplicable => ".",
            MissingCode::Confidential => "..",
        }
    }

    pub fn from_code(code: &str) -> Option<MissingCode> {
        match code.trim() {
            "" => Some(MissingCode::Empty),
            "-" | "–" => Some(MissingCode::NoData),
            "." => Some(MissingCode::NotApplicable),
            ".." => Some(MissingCode::Confidential),
            _ => None,
        }
    }
}

/// A value or the reason it is missing; missing is never the same as zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Value(f64),
    Missing(MissingCode),
}

impl Outcome {
    pub fn value(self) -> Option<f64> {
        match self {
            Outcome::Value(v) => Some(v),
            Outcome::Missing(_) => None,
        }
    }

    /// Reads a cell as written in a CSV file: decimal point or comma, spaces as thousands
    /// separators, or one of the missing-value codes.
    pub fn parse_cell(cell: &str) -> Result<Outcome, String> {
        let text = cell.trim();
        if let Some(code) = MissingCode::from_code(text) {
            return Ok(Outcome::Missing(code));
        }
        if let Ok(v) = text.parse::<f64>() {
            return if v.is_finite() {
                Ok(Outcome::Value(v))
            } else {
                Err(text.to_string())
            };
        }
        let cleaned: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| match c {
                ',' => '.',
                '−' => '-',
                other => other,
            })
            .collect();
        match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Outcome::Value(v)),
            _ => Err(text.to_string()),
        }
    }
}

/// One stored result.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub indicator: String,
    pub municipality: String,
    pub period: i32,
    pub gender: Gender,
    pub outcome: Outcome,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_parse_with_comma_or_point_and_missing_codes() {
        assert_eq!(Outcome::parse_cell("12,5"), Ok(Outcome::Value(12.5)));
        assert_eq!(Outcome::parse_cell(" 12.5 "), Ok(Outcome::Value(12.5)));
        assert_eq!(Outcome::parse_cell("1 234,5"), Ok(Outcome::Value(1234.5)));
        assert_eq!(Outcome::parse_cell("0"), Ok(Outcome::Value(0.0)));
        assert_eq!(Outcome::parse_cell("−3"), Ok(Outcome::Value(-3.0)));
        assert_eq!(
            Outcome::parse_cell(""),
            Ok(Outcome::Missing(MissingCode::Empty))
        );
        assert_eq!(
            Outcome::parse_cell("-"),
            Ok(Outcome::Missing(MissingCode::NoData))
        );
        assert_eq!(
            Outcome::parse_cell("."),
            Ok(Outcome::Missing(MissingCode::NotApplicable))
        );
        assert_eq!(
            Outcome::parse_cell(".."),
            Ok(Outcome::Missing(MissingCode::Confidential))
        );
        assert!(Outcome::parse_cell("abc").is_err());
        assert!(Outcome::parse_cell("NaN").is_err());
        assert!(Outcome::parse_cell("1,2,3").is_err());
    }

    #[test]
    fn missing_is_not_zero() {
        assert_eq!(Outcome::parse_cell("-").unwrap().value(), None);
        assert_eq!(Outcome::parse_cell("0").unwrap().value(), Some(0.0));
    }

    #[test]
    fn gender_codes() {
        assert_eq!(Gender::from_code("K"), Some(Gender::Women));
        assert_eq!(Gender::from_code("T"), Some(Gender::Total));
        assert_eq!(Gender::from_code("X"), None);
    }
}
