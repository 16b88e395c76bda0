//! What views read from the workbook, kept between frames: [`Cached`] on the UI thread and
//! [`Background`] on a worker. A read that fails is shown where the value would be: a view
//! has no way to take a cached value without that (`Cached::get_or_show`).

use crate::i18n::Lang;
use crate::ui::job::Job;
use crate::ui::{ViewContext, theme};

/// Something a view read from the workbook, kept until its key (the revision, maybe with the
/// year shown) changes; a failed read keeps its message for the view to show.
pub struct Cached<K, T> {
    entry: Option<(K, Result<T, String>)>,
}

impl<K, T> Default for Cached<K, T> {
    fn default() -> Self {
        Cached { entry: None }
    }
}

impl<K: PartialEq, T> Cached<K, T> {
    /// The value for `key`, reading it with `load` when the key has changed. Private: a
    /// view reads through [`Cached::get_or_show`], so a failed read is always shown.
    fn get(
        &mut self,
        key: K,
        lang: Lang,
        load: impl FnOnce() -> Result<T, crate::store::StoreError>,
    ) -> Result<&T, &str> {
        if self.entry.as_ref().is_none_or(|(k, _)| *k != key) {
            self.entry = Some((key, load().map_err(|e| e.message(lang))));
        }
        match &self.entry.as_ref().expect("just filled").1 {
            Ok(value) => Ok(value),
            Err(message) => Err(message),
        }
    }

    /// The value for `key`, read with `load` when the key has changed; a failed read's
    /// message is shown in `ui`, where the value would have been, and gives `None`.
    #[must_use = "a read that failed has been shown; draw nothing in its place"]
    pub fn get_or_show(
        &mut self,
        ui: &mut egui::Ui,
        key: K,
        lang: Lang,
        load: impl FnOnce() -> Result<T, crate::store::StoreError>,
    ) -> Option<&T> {
        match self.get(key, lang, load) {
            Ok(value) => Some(value),
            Err(message) => {
                ui.colored_label(theme::palette::ERROR, message);
                None
            }
        }
    }

    /// The value last read, if it was read without error.
    pub fn value(&self) -> Option<&T> {
        self.entry.as_ref().and_then(|(_, v)| v.as_ref().ok())
    }
}

/// Something a view reads from the workbook on a worker thread of its own (with its own
/// read-only connection), so that no read, however large the workbook, holds up a frame.
/// Kept until its key changes; while a new key is read, the last value stays on screen and the
/// view can show a spinner beside it (`is_loading`). A read for an older key that arrives late
/// is dropped with its job.
pub struct Background<K, T> {
    key: Option<K>,
    last: Option<Result<T, String>>,
    pending: Option<Job<Result<T, String>>>,
}

impl<K, T> Default for Background<K, T> {
    fn default() -> Self {
        Background {
            key: None,
            last: None,
            pending: None,
        }
    }
}

/// A read a view hands to [`Background`]: it runs on the worker thread.
pub type Load<T> =
    Box<dyn FnOnce(&crate::store::Workbook) -> Result<T, crate::store::StoreError> + Send>;

impl<K: PartialEq, T: Send + 'static> Background<K, T> {
    /// The value for `key` (or the last one while it is read), `None` before any has
    /// arrived. A new key starts a new read; a read for an older key that arrives late is
    /// dropped with its thread.
    pub fn get(
        &mut self,
        key: K,
        ctx: &ViewContext<'_>,
        egui_ctx: &egui::Context,
        load: Load<T>,
    ) -> Option<Result<&T, &str>> {
        self.request(key, ctx, egui_ctx, load);
        self.current()
    }

    /// Starts the read for `key` if it is new, and takes in a read that has arrived.
    pub fn request(
        &mut self,
        key: K,
        ctx: &ViewContext<'_>,
        egui_ctx: &egui::Context,
        load: Load<T>,
    ) {
        let lang = ctx.lang;
        if self.key.as_ref() != Some(&key) {
            self.key = Some(key);
            self.pending = None;
            match ctx.workbook.reader() {
                // An upgraded copy in memory: only this connection sees it; read here.
                None => self.last = Some(load(ctx.workbook).map_err(|e| e.message(lang))),
                Some(Err(e)) => self.last = Some(Err(e.message(lang))),
                Some(Ok(reader)) => {
                    let read = move |_: &()| load(&reader).map_err(|e| e.message(lang));
                    match Job::spawn("view-read", (), Some(egui_ctx.clone()), read) {
                        Ok(job) => self.pending = Some(job),
                        Err(e) => self.last = Some(Err(e.to_string())),
                    }
                }
            }
        }
        match Job::take_finished(&mut self.pending) {
            Some(Ok(result)) => self.last = Some(result),
            Some(Err(_)) => {
                self.last = Some(Err(lang
                    .t("Läsningen avbröts.", "The read was interrupted.")
                    .to_string()));
            }
            None => {}
        }
    }

    /// The last value read (or its error), `None` before any has arrived.
    pub fn current(&self) -> Option<Result<&T, &str>> {
        self.last.as_ref().map(|r| match r {
            Ok(value) => Ok(value),
            Err(message) => Err(message.as_str()),
        })
    }

    /// Whether a read for the current key is still under way.
    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// The value last read, if it was read without error (it may be for an older key while a
    /// new read is under way).
    pub fn value(&self) -> Option<&T> {
        self.last.as_ref().and_then(|r| r.as_ref().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_reads_again_only_when_the_key_changes() {
        let mut cache: Cached<u64, u32> = Cached::default();
        let reads = std::cell::Cell::new(0);
        let read = |v: u32| {
            let reads = &reads;
            move || {
                reads.set(reads.get() + 1);
                Ok(v)
            }
        };
        assert_eq!(cache.get(1, Lang::Sv, read(10)), Ok(&10));
        assert_eq!(cache.get(1, Lang::Sv, read(20)), Ok(&10), "same key: kept");
        assert_eq!(
            cache.get(2, Lang::Sv, read(30)),
            Ok(&30),
            "new key: read again"
        );
        assert_eq!(reads.get(), 2, "the loader runs only when the key changes");
        let failed = cache.get(3, Lang::Sv, || {
            Err(crate::store::StoreError::ReadOnly {
                path: "wb.styrsnurra".into(),
                reason: crate::store::ReadOnlyReason::FilePermissions,
                holder: None,
            })
        });
        assert!(failed.unwrap_err().contains("skrivskyddad"));
        assert_eq!(cache.value(), None);
    }
}
