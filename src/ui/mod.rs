//! Views: one per step of the steering cycle that is built. A view reads the workbook and
//! returns `Action`s; the app carries them out (edits go through the store's commands).

pub mod cockpit;
pub mod collect;
pub mod goals;
pub mod municipality;
pub mod results;
pub mod scan;
pub mod theme;
pub mod widgets;
pub mod workbook_view;

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::store::Command;

/// The screens, grouped by the phase of the steering cycle they belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Planering: whose results are followed and against whom.
    Municipality,
    /// Planering: goals with target levels.
    Goals,
    /// Uppföljning och analys: fokusera, the deviation cockpit.
    Cockpit,
    /// Uppföljning och analys: samla in.
    Collect,
    /// Uppföljning och analys: the results of one indicator.
    Results,
    /// Uppföljning och analys: every indicator's signals, to spot what needs goals.
    Scan,
    /// Verktyg: the workbook file itself.
    Workbook,
}

/// A phase of the steering cycle with the steps built so far.
pub struct Phase {
    pub title: &'static str,
    pub steps: Vec<(View, &'static str)>,
}

impl View {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            View::Municipality => lang.t("Hemkommun och jämförelse", "Home and comparison"),
            View::Goals => lang.t("Mål och målnivåer", "Goals and targets"),
            View::Cockpit => lang.t("Fokusera: avvikelser", "Focus: deviations"),
            View::Collect => lang.t("Samla in", "Collect"),
            View::Results => lang.t("Resultat", "Results"),
            View::Scan => lang.t("Alla nyckeltal", "All indicators"),
            View::Workbook => lang.t("Arbetsbok", "Workbook"),
        }
    }
}

/// The navigation in the order of the cycle. Phases without built steps are left out.
pub fn phases(lang: Lang) -> Vec<Phase> {
    vec![
        Phase {
            title: lang.t("Planering", "Planning"),
            steps: vec![
                (View::Municipality, View::Municipality.title(lang)),
                (View::Goals, View::Goals.title(lang)),
            ],
        },
        Phase {
            title: lang.t("Uppföljning och analys", "Follow-up and analysis"),
            steps: vec![
                (View::Collect, View::Collect.title(lang)),
                (View::Cockpit, View::Cockpit.title(lang)),
                (View::Results, View::Results.title(lang)),
                (View::Scan, View::Scan.title(lang)),
            ],
        },
        Phase {
            title: lang.t("Verktyg", "Tools"),
            steps: vec![(View::Workbook, View::Workbook.title(lang))],
        },
    ]
}

/// What a view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Apply(Command),
    Undo,
    Redo,
    Navigate(View),
    /// Opens the results of one indicator for a year.
    ShowIndicator(String, i32),
    OpenPath(PathBuf),
    CreatePath(PathBuf),
    OpenDemo,
    PickOpen,
    PickCreate,
    PickSaveCopy,
    /// Reads the whole file once more for damage (in the background).
    CheckIntegrity,
    PickImportFiles,
    PickImportFolder,
    /// Reads the files and shows what an import would do, changing nothing.
    PreviewImport(Vec<PathBuf>),
    StartImport(Vec<PathBuf>),
    /// Drops a preview without importing.
    DiscardPreview,
    /// Remembers the columns chosen for a CSV header and previews the import again.
    UseColumns {
        header: String,
        mapping: crate::store::import::ColumnMapping,
    },
    CancelImport,
    TogglePresentation,
    SetLang(Lang),
}

/// What every view gets to read.
pub struct ViewContext<'a> {
    pub workbook: &'a crate::store::Workbook,
    pub lang: Lang,
    pub presentation: bool,
    /// Changes whenever the workbook's content changes; views key their caches on it.
    pub revision: u64,
}

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
    /// The value for `key`, reading it with `load` when the key has changed.
    pub fn get(
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

    /// The value last read, if it was read without error.
    pub fn value(&self) -> Option<&T> {
        self.entry.as_ref().and_then(|(_, v)| v.as_ref().ok())
    }
}

/// Something a view reads from the workbook on a worker thread of its own (with its own
/// read-only connection), so that no read, however large the workbook, holds up a frame.
/// Kept until its key changes; while a new key is read, the last value stays on screen and the
/// view can show a spinner beside it (`is_loading`).
pub struct Background<K, T> {
    key: Option<K>,
    last: Option<Result<T, String>>,
    pending: Option<std::sync::mpsc::Receiver<Result<T, String>>>,
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
                    let (tx, rx) = std::sync::mpsc::channel();
                    let repaint = egui_ctx.clone();
                    let spawned =
                        std::thread::Builder::new()
                            .name("view-read".into())
                            .spawn(move || {
                                let _ = tx.send(load(&reader).map_err(|e| e.message(lang)));
                                repaint.request_repaint();
                            });
                    match spawned {
                        Ok(_) => self.pending = Some(rx),
                        Err(e) => self.last = Some(Err(e.to_string())),
                    }
                }
            }
        }
        if let Some(rx) = &self.pending {
            match rx.try_recv() {
                Ok(result) => {
                    self.last = Some(result);
                    self.pending = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.last = Some(Err(lang
                        .t("Läsningen avbröts.", "The read was interrupted.")
                        .to_string()));
                    self.pending = None;
                }
            }
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
