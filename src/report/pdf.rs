//! Placeholder replaced below.
pub fn render(_r: &super::Report, _l: crate::i18n::Lang) -> Result<Vec<u8>, super::ReportError> {
    Err(super::ReportError::Refused("pdf".into()))
}
