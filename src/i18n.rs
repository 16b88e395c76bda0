//! Swedish and English UI text, and number formats for each language.

use serde::{Deserialize, Serialize};

/// The UI language. Swedish is the default; English is a switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

/// A text in both languages, for the tables declared as constants (page titles, domain labels,
/// checklist items): the one place such a text exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub sv: &'static str,
    pub en: &'static str,
}

impl Tr {
    /// The text in Swedish and in English.
    pub const fn new(sv: &'static str, en: &'static str) -> Tr {
        Tr { sv, en }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.t(self.sv, self.en)
    }

    /// Whether either language is missing (a test walks every table with this).
    pub fn is_incomplete(self) -> bool {
        self.sv.trim().is_empty() || self.en.trim().is_empty()
    }
}

impl Lang {
    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    /// Picks the text for this language. Strings stay next to where they are shown.
    pub fn t(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// A number with `decimals` decimals in this language's format:
    /// Swedish `1 234,5` (no-break space between thousands, decimal comma), English `1,234.5`.
    ///
    /// ```
    /// use styrsnurra::i18n::Lang;
    /// assert_eq!(Lang::Sv.number(12.5, 1), "12,5");
    /// assert_eq!(Lang::Sv.number(1234.5, 1), "1\u{a0}234,5");
    /// assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
    /// ```
    pub fn number(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let formatted = format!("{:.*}", decimals, value.abs());
        let (int_part, frac_part) = match formatted.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (formatted.as_str(), None),
        };
        let (group_sep, decimal_sep) = match self {
            Lang::Sv => ('\u{a0}', ','),
            Lang::En => (',', '.'),
        };
        let mut grouped = String::new();
        let digits: Vec<char> = int_part.chars().collect();
        for (i, c) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(group_sep);
            }
            grouped.push(*c);
        }
        let negative = value < 0.0 && formatted.chars().any(|c| c.is_ascii_digit() && c != '0');
        let mut out = String::new();
        if negative {
            out.push('−');
        }
        out.push_str(&grouped);
        if let Some(frac) = frac_part {
            out.push(decimal_sep);
            out.push_str(frac);
        }
        out
    }

    /// A value with its unit, e.g. `12,5 %` or `45 300 kr/inv`. Decimals follow the size of the value.
    ///
    /// ```
    /// use styrsnurra::i18n::Lang;
    /// assert_eq!(Lang::Sv.value_with_unit(12.5, "%"), "12,5\u{a0}%");
    /// ```
    pub fn value_with_unit(self, value: f64, unit: &str) -> String {
        let decimals = if value.abs() >= 1000.0 {
            0
        } else if value.abs() >= 100.0 || value.fract() == 0.0 {
            usize::from(value.fract() != 0.0)
        } else {
            1
        };
        let number = self.number(value, decimals);
        if unit.is_empty() {
            number
        } else {
            format!("{number}\u{a0}{unit}")
        }
    }

    /// An integer count with thousands separators.
    pub fn count(self, n: u64) -> String {
        self.number(n as f64, 0)
    }
}

/// What went wrong with a file, in the user's words: the common operating-system errors said
/// in the language of the window (never the system's English alone); others keep the
/// system's text after a general phrase.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let said = match e.kind() {
        K::NotFound => lang.t(
            "filen eller mappen finns inte",
            "the file or folder does not exist",
        ),
        K::PermissionDenied => lang.t(
            "du saknar behörighet till filen eller mappen",
            "you lack permission for the file or folder",
        ),
        K::IsADirectory => lang.t("det är en mapp, inte en fil", "it is a folder, not a file"),
        K::NotADirectory => lang.t(
            "en del av sökvägen är en fil, inte en mapp",
            "part of the path is a file, not a folder",
        ),
        K::ReadOnlyFilesystem => lang.t("platsen är skrivskyddad", "the location is read-only"),
        K::StorageFull | K::QuotaExceeded => lang.t("disken är full", "the disk is full"),
        K::AlreadyExists => lang.t("filen finns redan", "the file already exists"),
        K::FileTooLarge => lang.t("filen är för stor", "the file is too large"),
        _ => {
            return match lang {
                Lang::Sv => format!("systemet svarade: {e}"),
                Lang::En => format!("the system said: {e}"),
            };
        }
    };
    said.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_file_errors_are_said_in_swedish() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(
            io_reason(&e, Lang::Sv),
            "du saknar behörighet till filen eller mappen"
        );
        let e = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(io_reason(&e, Lang::Sv), "disken är full");
        let e = std::io::Error::other("udda");
        assert!(io_reason(&e, Lang::Sv).starts_with("systemet svarade"));
    }

    #[test]
    fn swedish_numbers_use_decimal_comma_and_space_groups() {
        assert_eq!(Lang::Sv.number(12.5, 1), "12,5");
        assert_eq!(Lang::Sv.number(1234567.25, 2), "1\u{a0}234\u{a0}567,25");
        assert_eq!(Lang::Sv.number(-3.0, 0), "−3");
        assert_eq!(Lang::Sv.number(-0.01, 1), "0,0");
        assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Lang::Sv.value_with_unit(12.5, "%"), "12,5\u{a0}%");
        assert_eq!(
            Lang::Sv.value_with_unit(45300.0, "kr/inv"),
            "45\u{a0}300\u{a0}kr/inv"
        );
        assert_eq!(Lang::Sv.count(9_500_000), "9\u{a0}500\u{a0}000");
        assert_eq!(Lang::Sv.number(f64::NAN, 1), "–");
    }
}
