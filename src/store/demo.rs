//! The demo workbook. (built below)
use super::{OpenError, Workbook};
use std::path::Path;
pub fn build(path: &Path) -> Result<Workbook, OpenError> {
    Workbook::create(path)
}
