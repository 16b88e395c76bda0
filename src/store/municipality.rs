//! Planering: the home municipality and the comparison group, as the page and the command
//! line read them.

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::{Comparison, Municipality, MunicipalityGroup, MunicipalityKind};

/// Who the group follows and whom it compares with, with everything it can choose from.
#[derive(Debug, Clone, Default)]
pub struct MunicipalityChoice {
    /// The municipalities proper (no groups, no Riket).
    pub municipalities: Vec<Municipality>,
    pub groups: Vec<MunicipalityGroup>,
    pub home: Option<String>,
    pub comparison: Option<Comparison>,
}

impl MunicipalityChoice {
    /// A municipality's name, or its code when the workbook does not know it.
    pub fn title_of(&self, id: &str) -> String {
        self.municipalities
            .iter()
            .find(|m| m.id == id)
            .map_or(id.to_string(), |m| m.title.clone())
    }
}

impl Workbook {
    /// The read model of the home-and-comparison page.
    pub fn municipality_choice(&self) -> Result<MunicipalityChoice, StoreError> {
        Ok(MunicipalityChoice {
            municipalities: self
                .municipalities()?
                .into_iter()
                .filter(|m| m.kind == MunicipalityKind::Municipality)
                .collect(),
            groups: self.groups()?,
            home: self.home_municipality()?,
            comparison: self.comparison()?,
        })
    }
}
