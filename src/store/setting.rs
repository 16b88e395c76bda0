//! The workbook's settings (home municipality, comparison group, tolerance, remembered import
//! columns …): their keys in one place, their reads, and the edit that sets or clears one.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::Comparison;

/// A setting of the workbook, stored under its key in the `setting` table. In the undo log it
/// is written as that key, so the log reads as it always has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Setting {
    HomeMunicipality,
    /// The comparison group, as JSON of a [`Comparison`].
    Comparison,
    /// Present in the bundled demo workbook, whose values are made up.
    Demo,
    /// How far from the target still counts as close, as a fraction (default 0.05).
    TargetTolerance,
    /// The columns the group chose for CSV files with this header line, as JSON.
    ImportColumns(String),
    /// Who took part in prioritising the proposals and by what method, as JSON of a
    /// `model::action::Prioritisation`.
    Prioritisation,
    /// The year the steering cycle is in (its checklists are answered for it).
    CycleYear,
    /// A key this version does not know (from a newer version): kept and undone as it is.
    Other(String),
}

const IMPORT_COLUMNS_PREFIX: &str = "import_columns:";

impl Setting {
    /// The key in the `setting` table.
    pub fn key(&self) -> String {
        match self {
            Setting::HomeMunicipality => "home_municipality".into(),
            Setting::Comparison => "comparison".into(),
            Setting::Demo => "demo".into(),
            Setting::TargetTolerance => "target_tolerance".into(),
            Setting::Prioritisation => "prioritisation".into(),
            Setting::CycleYear => "cycle_year".into(),
            Setting::ImportColumns(header) => format!("{IMPORT_COLUMNS_PREFIX}{header}"),
            Setting::Other(key) => key.clone(),
        }
    }

    /// The setting stored under `key`; a key this version does not know is kept as it is.
    pub fn from_key(key: &str) -> Setting {
        match key {
            "home_municipality" => Setting::HomeMunicipality,
            "comparison" => Setting::Comparison,
            "demo" => Setting::Demo,
            "target_tolerance" => Setting::TargetTolerance,
            "prioritisation" => Setting::Prioritisation,
            "cycle_year" => Setting::CycleYear,
            _ => match key.strip_prefix(IMPORT_COLUMNS_PREFIX) {
                Some(header) => Setting::ImportColumns(header.to_string()),
                None => Setting::Other(key.to_string()),
            },
        }
    }

    /// What the setting is called in a sentence about it.
    fn noun(&self, lang: Lang) -> String {
        match self {
            Setting::Comparison => lang.t("jämförelsegrupp", "comparison group").to_string(),
            Setting::TargetTolerance => lang
                .t("gräns för nära målet", "close-to-target tolerance")
                .to_string(),
            Setting::Prioritisation => lang
                .t(
                    "prioriteringens deltagare och metod",
                    "who prioritised and how",
                )
                .to_string(),
            other => format!("«{}»", other.key()),
        }
    }

    /// What changing it is called on the undo button.
    fn label(&self, lang: Lang) -> String {
        match self {
            Setting::HomeMunicipality => lang.t("byte av hemkommun", "change of home municipality"),
            Setting::Comparison => lang.t("byte av jämförelsegrupp", "change of comparison group"),
            Setting::Demo => lang.t("demomarkering", "demo marking"),
            Setting::TargetTolerance => lang.t("gräns för nära målet", "close-to-target tolerance"),
            Setting::Prioritisation => lang.t(
                "prioriteringens deltagare och metod",
                "who prioritised and how",
            ),
            Setting::CycleYear => lang.t("byte av år i styrsnurran", "change of the cycle's year"),
            Setting::ImportColumns(_) => {
                lang.t("val av kolumner för import", "columns chosen for import")
            }
            Setting::Other(key) => {
                return match lang {
                    Lang::Sv => format!("inställningen {key}"),
                    Lang::En => format!("the setting {key}"),
                };
            }
        }
        .to_string()
    }
}

impl From<String> for Setting {
    fn from(key: String) -> Setting {
        Setting::from_key(&key)
    }
}

impl From<Setting> for String {
    fn from(setting: Setting) -> String {
        setting.key()
    }
}

/// Sets (or with `None` removes) a workbook setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SettingEdit {
    SetSetting { key: Setting, value: Option<String> },
}

impl FeatureEdit for SettingEdit {
    fn label(&self, lang: Lang) -> String {
        let SettingEdit::SetSetting { key, .. } = self;
        key.label(lang)
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        let SettingEdit::SetSetting { key, .. } = self;
        Ok(SettingEdit::SetSetting {
            key: key.clone(),
            value: read(tx, key)?,
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        let SettingEdit::SetSetting { key, value } = self;
        match value {
            Some(v) => write(tx, key, v)?,
            None => {
                tx.execute("DELETE FROM setting WHERE key = ?1", [key.key()])?;
            }
        }
        Ok(())
    }
}

/// A setting's parsed value, or the error that names the setting when it did not parse.
fn damaged_unless<T>(setting: &Setting, parsed: Option<T>) -> Result<T, StoreError> {
    parsed.ok_or_else(|| StoreError::DamagedSetting {
        name: (setting.noun(Lang::Sv), setting.noun(Lang::En)),
    })
}

fn read(conn: &rusqlite::Connection, setting: &Setting) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [setting.key()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Stores a setting's value (also used when the demo workbook is built).
pub(super) fn write(
    conn: &rusqlite::Connection,
    setting: &Setting,
    value: &str,
) -> Result<(), rusqlite::Error> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![setting.key(), value],
    )?;
    Ok(())
}

impl Workbook {
    /// A setting's stored value.
    pub fn setting(&self, setting: &Setting) -> Result<Option<String>, StoreError> {
        read(&self.conn, setting)
    }

    pub fn home_municipality(&self) -> Result<Option<String>, StoreError> {
        self.setting(&Setting::HomeMunicipality)
    }

    /// The comparison group, if one is chosen; a stored value that does not read is an error
    /// that names the setting, never "none chosen".
    pub fn comparison(&self) -> Result<Option<Comparison>, StoreError> {
        self.setting(&Setting::Comparison)?
            .map(|json| damaged_unless(&Setting::Comparison, serde_json::from_str(&json).ok()))
            .transpose()
    }

    /// True for the bundled demo workbook, whose values are made up.
    pub fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self.setting(&Setting::Demo)?.is_some())
    }

    /// The tolerance for "close to target" the group has set, or the default 5 %.
    pub fn target_tolerance(&self) -> Result<f64, StoreError> {
        match self.setting(&Setting::TargetTolerance)? {
            Some(v) => damaged_unless(&Setting::TargetTolerance, v.parse().ok()),
            None => Ok(crate::model::goal::DEFAULT_TOLERANCE),
        }
    }

    /// Who prioritised the proposals and how (empty when not recorded).
    pub fn prioritisation(&self) -> Result<crate::model::action::Prioritisation, StoreError> {
        match self.setting(&Setting::Prioritisation)? {
            Some(json) => {
                damaged_unless(&Setting::Prioritisation, serde_json::from_str(&json).ok())
            }
            None => Ok(Default::default()),
        }
    }

    /// The columns the group chose for CSV headers the importer does not know, by header line.
    pub fn remembered_columns(
        &self,
    ) -> Result<Vec<(String, crate::store::import::ColumnMapping)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM setting WHERE substr(key, 1, ?2) = ?1")?;
        let prefix = IMPORT_COLUMNS_PREFIX;
        let rows = stmt.query_map(params![prefix, prefix.len() as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, json) = row?;
            if let (Setting::ImportColumns(header), Ok(mapping)) =
                (Setting::from_key(&key), serde_json::from_str(&json))
            {
                out.push((header, mapping));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_key_reads_back_as_the_same_setting() {
        for setting in [
            Setting::HomeMunicipality,
            Setting::Comparison,
            Setting::Demo,
            Setting::TargetTolerance,
            Setting::Prioritisation,
            Setting::CycleYear,
            Setting::ImportColumns("Område;Tid;Antal".into()),
            Setting::Other("from_a_newer_version".into()),
        ] {
            assert_eq!(Setting::from_key(&setting.key()), setting);
        }
    }
}
