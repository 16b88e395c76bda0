//! One result value: which indicator, area, year and gender, and the number or why it is missing.

crate::enum_with_all! {
    /// Kolada splits many results by gender: total, women (`K`) and men (`M`).
    #[derive(
        Debug,
        Clone,
        Copy,
        PartialEq,
        Eq,
        Hash,
        PartialOrd,
        Ord,
        Default,
        serde::Serialize,
        serde::Deserialize,
    )]
    pub enum Gender {
        #[default]
        Total,
        Women,
        Men,
    }
}

impl Gender {
    /// The Kolada code stored in the workbook.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Total => "T",
            Gender::Women => "K",
            Gender::Men => "M",
        }
    }

    /// Reads Kolada's code: `T`, `K` or `M` (`None` for anything else, an empty cell too).
    pub fn from_code(code: &str) -> Option<Gender> {
        match code.trim() {
            "T" | "t" => Some(Gender::Total),
            "K" | "k" | "W" | "w" => Some(Gender::Women),
            "M" | "m" => Some(Gender::Men),
            _ => None,
        }
    }
}

/// The years a result may belong to. Every importer refuses others, so that no year far
/// outside this range reaches the views (which lay out one column or tick per year).
pub const PERIODS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A year as written in a file (`2022`, ` 2022 `), if it is one of [`PERIODS`].
pub fn parse_period(text: &str) -> Option<i32> {
    text.trim().parse::<i64>().ok().and_then(period_from)
}

/// A year given as a number, if it is one of [`PERIODS`].
pub fn period_from(year: i64) -> Option<i32> {
    i32::try_from(year).ok().filter(|y| PERIODS.contains(y))
}

/// The years from `first` to `last`, clamped to [`PERIODS`]: a bounded list whatever the data.
pub fn year_span(first: i32, last: i32) -> Vec<i32> {
    let (a, b) = (first.max(*PERIODS.start()), last.min(*PERIODS.end()));
    (a..=b).collect()
}

/// The longest indicator or municipality id a workbook takes. Kolada's are 4–7 characters;
/// a group's own ids get room, a pasted paragraph does not.
pub const MAX_ID_CHARS: usize = 64;

/// Whether `id` can name an indicator or a municipality: 1 to [`MAX_ID_CHARS`] characters,
/// none of them a control character (line breaks, tabs, NUL), not starting with `=`, `+`, `-`
/// or `@` (a spreadsheet opening the command line's output would run it as a formula).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && !id.chars().any(char::is_control)
        && !id.starts_with(['=', '+', '-', '@'])
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

    /// The code of a cell that holds no number. R's and Excel's markers for "no value" (`NA`,
    /// `NaN`, `n/a`, `#N/A`) say nothing more than an empty cell, and are stored as one.
    pub fn from_code(code: &str) -> Option<MissingCode> {
        match code.trim() {
            "" | "NA" | "N/A" | "n/a" | "NaN" | "nan" | "#N/A" => Some(MissingCode::Empty),
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
    /// The number, when there is one.
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

/// Whether a cell such as `1,234` could mean either 1.234 (decimal comma) or 1234 (thousands
/// comma). It is read as a decimal comma; the import says so, line by line.
pub fn is_ambiguous_decimal(cell: &str) -> bool {
    let t = cell.trim();
    let t = t.strip_prefix(['-', '−']).unwrap_or(t);
    match t.split_once(',') {
        Some((int, frac)) => {
            (1..=3).contains(&int.len())
                && int.bytes().all(|b| b.is_ascii_digit())
                && int != "0"
                && frac.len() == 3
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
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
        for na in ["NA", "NaN", "n/a", "N/A", "#N/A", " NA "] {
            assert_eq!(
                Outcome::parse_cell(na),
                Ok(Outcome::Missing(MissingCode::Empty)),
                "{na}"
            );
        }
        assert!(Outcome::parse_cell("inf").is_err());
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
        assert_eq!(Gender::from_code(""), None, "an empty cell is not a gender");
    }

    #[test]
    fn periods_are_bounded() {
        assert_eq!(parse_period("2022"), Some(2022));
        assert_eq!(parse_period(" 1900 "), Some(1900));
        assert_eq!(parse_period("2200"), Some(2200));
        for bad in ["-5", "99999", "2147483647", "1899", "2201", "20x2", ""] {
            assert_eq!(parse_period(bad), None, "{bad}");
        }
        assert_eq!(period_from(2_147_483_647), None);
        assert_eq!(period_from(i64::MIN), None);
        assert_eq!(year_span(-5, 2_147_483_647).len(), 301);
        assert_eq!(year_span(2020, 2022), vec![2020, 2021, 2022]);
        assert!(year_span(2022, 2020).is_empty());
    }

    #[test]
    fn ids_are_bounded_and_printable() {
        assert!(is_valid_id("N15428"));
        assert!(is_valid_id("0180"));
        assert!(is_valid_id("Vår egen mätning; 2"));
        assert!(is_valid_id(&"x".repeat(64)));
        assert!(!is_valid_id(&"x".repeat(65)));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("A\nB"));
        assert!(!is_valid_id("A\tB"));
        assert!(!is_valid_id("A\0B"));
    }

    #[test]
    fn thousands_or_decimal_comma() {
        assert!(is_ambiguous_decimal("1,234"));
        assert!(is_ambiguous_decimal("-12,500"));
        assert!(is_ambiguous_decimal(" 123,456 "));
        assert!(
            !is_ambiguous_decimal("0,125"),
            "a leading zero is a decimal"
        );
        assert!(!is_ambiguous_decimal("1,5"));
        assert!(!is_ambiguous_decimal("1,2345"));
        assert!(!is_ambiguous_decimal("1234,567"));
        assert!(!is_ambiguous_decimal("1.234"));
        assert!(!is_ambiguous_decimal("1 234,5"));
    }
}

/// Whether `text` is a date written `YYYY-MM-DD` with a real month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(y, 4), number(m, 2), number(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Today's date, `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    days_from_today(0)
}

/// The date `days` after today (before, when negative), `YYYY-MM-DD` (UTC).
pub fn days_from_today(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_date(i64::try_from(now).unwrap_or_default() + days)
}

/// The date `days` after 1970-01-01 (Howard Hinnant's civil-from-days).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (for placing it on the timeline).
pub fn days_since_1970(date: &str) -> Option<i64> {
    if !is_iso_date(date) {
        return None;
    }
    let y: i64 = date[0..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    // Howard Hinnant's days-from-civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn dates_are_read_and_counted_from_1970() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_517), "2026-03-05");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert!(is_iso_date("2026-11-25"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("26-11-25"));
        assert!(!is_iso_date("2026-11-25x"));
        assert_eq!(days_since_1970("1970-01-01"), Some(0));
        assert_eq!(days_since_1970("2000-02-29"), Some(11_016));
        assert_eq!(days_since_1970("2026-03-05"), Some(20_517));
        assert_eq!(days_since_1970("2026-13-01"), None);
    }
}
