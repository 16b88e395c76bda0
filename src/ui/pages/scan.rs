//! Uppföljning: every imported indicator for the home municipality with its comparison and
//! trend signals, so the group can spot what to set goals on.

use std::collections::BTreeSet;

use crate::model::deviation::IndicatorSignals;
use crate::model::{Direction, Indicator};
use crate::store::indicator::IndicatorEdit;
use crate::store::scan::Scan;
use crate::store::{Edit, Workbook};
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::{picker, signal};
use crate::ui::{Background, Intent, Page, PageId, Route, ViewContext};

/// State of the scan page.
#[derive(Default)]
pub struct ScanPage {
    year: Option<i32>,
    query: String,
    loaded: Background<(u64, Option<i32>), Scan>,
    /// Indicators ticked for a direction set in bulk.
    selected: BTreeSet<String>,
    bulk_direction: Option<Direction>,
}

impl Page for ScanPage {
    fn busy(&self) -> bool {
        self.loaded.is_loading() || self.loaded.current().is_none()
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::Scan.title(lang));
        ui.label(lang.t(
            "Hemkommunens läge bland alla kommuner och trenden för varje importerat nyckeltal, sämst först. Nyckeltal utan riktning får ingen plats eller trend: markera dem och ange riktning här, eller under Resultat.",
            "The home municipality's place among all municipalities and the trend for every imported indicator, worst first. Indicators without a direction get no place or trend: tick them and set the direction here, or under Results.",
        ));
        let year = self.year;
        self.loaded.request(
            (ctx.revision, year),
            ctx,
            ui.ctx(),
            Box::new(move |wb: &Workbook| wb.scan(year)),
        );
        let loading = self.loaded.is_loading();
        let loaded = match self.loaded.current() {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(lang.t("Läser nyckeltalen …", "Reading the indicators …"));
                });
                return;
            }
            Some(Err(message)) => {
                ui.colored_label(palette::ERROR, message);
                return;
            }
            Some(Ok(loaded)) => loaded,
        };
        if loaded.home.is_none() {
            super::municipality::ask_for_home(ui, lang, None, intents);
            return;
        }
        let mut year = loaded.year;
        ui.horizontal_wrapped(|ui| {
            if let Some(y) = picker::year_picker(ui, "scan_year", lang, &loaded.years, year) {
                year = Some(y);
            }
            if loading {
                ui.spinner();
            }
        });
        picker::search_field(
            ui,
            lang.t("Sök nyckeltal", "Search indicators"),
            &mut self.query,
        );
        let rows: Vec<&(Indicator, IndicatorSignals)> = loaded
            .rows
            .iter()
            .filter(|(i, _)| picker::matches(&self.query, &format!("{} {}", i.id, i.title)))
            .collect();
        let editable = ctx.editable();
        if editable {
            bulk_direction_bar(
                ui,
                lang,
                &rows,
                &mut self.selected,
                &mut self.bulk_direction,
                intents,
            );
        }
        let size = ui.text_style_height(&egui::TextStyle::Body) * 1.3;
        let row_height = size + ui.spacing().item_spacing.y + 4.0;
        let widths = Columns::new(ui, editable);
        // A view too narrow for every column scrolls sideways, the heads with the rows.
        egui::ScrollArea::horizontal()
            .id_salt("scan_sideways")
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    header_row(ui, lang, &widths);
                    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
                        ui,
                        row_height,
                        rows.len(),
                        |ui, range| {
                            for row in &rows[range] {
                                indicator_row(
                                    ui,
                                    ctx,
                                    loaded,
                                    row,
                                    &widths,
                                    &mut self.selected,
                                    intents,
                                );
                            }
                        },
                    );
                });
            });
        if year != loaded.year {
            self.year = year;
        }
    }
}

/// One indicator's row: tick, name (a link to its results), value, rank, comparison, trend,
/// Riket, and the button that starts an analysis.
fn indicator_row(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    loaded: &Scan,
    (ind, s): &(Indicator, IndicatorSignals),
    widths: &Columns,
    selected: &mut BTreeSet<String>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let editable = ctx.editable();
    let size = widths.size;
    ui.horizontal(|ui| {
        ui.set_height(size);
        if editable {
            let mut ticked = selected.contains(&ind.id);
            let response = ui.add_sized(
                [widths.tick, size],
                egui::Checkbox::without_text(&mut ticked),
            );
            let name = match lang {
                crate::i18n::Lang::Sv => format!("Markera {}", ind.id),
                crate::i18n::Lang::En => format!("Tick {}", ind.id),
            };
            crate::ui::widgets::form::name(ui, &response, &name);
            if response.changed() {
                if ticked {
                    selected.insert(ind.id.clone());
                } else {
                    selected.remove(&ind.id);
                }
            }
        }
        let title = format!("{}  {}", ind.id, ind.title);
        let link = ui
            .scope(|ui| {
                ui.set_width(widths.indicator);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                ui.link(title).on_hover_text(&ind.title)
            })
            .inner;
        if link.clicked()
            && let Some(y) = loaded.year
        {
            intents.push(Intent::Go(Route::Indicator {
                indicator: ind.id.clone(),
                year: y,
            }));
        }
        cell(ui, widths.number, lang.value_with_unit(s.value, &ind.unit));
        cell(
            ui,
            widths.number,
            match s.ranking {
                Some(r) => format!("{} {} {}", r.rank, lang.t("av", "of"), r.of),
                None => String::new(),
            },
        );
        ui.scope(|ui| {
            ui.set_width(widths.signal);
            signal::band_box(ui, s.ranking.map(|r| r.band), size);
            ui.label(labels::band(s.ranking.map(|r| r.band)).get(lang));
        });
        ui.scope(|ui| {
            ui.set_width(widths.signal);
            signal::arrow(ui, s.trend, size);
            ui.label(labels::trend(s.trend).get(lang));
        });
        cell(
            ui,
            widths.number,
            s.riket
                .map(|r| lang.value_with_unit(r, &ind.unit))
                .unwrap_or_default(),
        );
        if editable {
            analyse_button(ui, lang, loaded, &ind.id, intents);
        }
    });
}

/// Column widths: fixed for the numbers and signals, the rest for the indicator's name, so
/// columns stay put while only the visible rows are laid out.
struct Columns {
    /// A row's height.
    size: f32,
    tick: f32,
    indicator: f32,
    number: f32,
    signal: f32,
}

impl Columns {
    fn new(ui: &egui::Ui, editable: bool) -> Columns {
        let em = ui.text_style_height(&egui::TextStyle::Body);
        let spacing = ui.spacing().item_spacing.x;
        let tick = if editable { em * 1.5 } else { 0.0 };
        // The Analysera button at the end of an editable row.
        let analyse = if editable { em * 6.0 } else { 0.0 };
        let number = em * 5.5;
        let signal = em * 8.5;
        // Six gaps between seven cells, and room for the scroll bar.
        let fixed = tick + analyse + 3.0 * number + 2.0 * signal + 7.0 * spacing + 3.0 * em;
        Columns {
            size: em * 1.3,
            tick,
            indicator: (ui.available_width() - fixed).max(em * 8.0),
            number,
            signal,
        }
    }
}

fn cell(ui: &mut egui::Ui, width: f32, text: String) {
    ui.scope(|ui| {
        ui.set_width(width);
        ui.label(text);
    });
}

fn header_row(ui: &mut egui::Ui, lang: crate::i18n::Lang, w: &Columns) {
    ui.horizontal(|ui| {
        if w.tick > 0.0 {
            ui.add_space(w.tick + ui.spacing().item_spacing.x);
        }
        for (text, width) in [
            (lang.t("Nyckeltal", "Indicator"), w.indicator),
            (lang.t("Utfall", "Outcome"), w.number),
            (lang.t("Plats", "Rank"), w.number),
            (lang.t("Jämförelse", "Comparison"), w.signal),
            (lang.t("Trend", "Trend"), w.signal),
            (lang.t("Riket", "Sweden"), w.number),
        ] {
            ui.scope(|ui| {
                ui.set_width(width);
                ui.strong(text);
            });
        }
    });
}

/// Tick all shown / none, pick a direction, and set it for every ticked indicator as one edit.
fn bulk_direction_bar(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    rows: &[&(Indicator, IndicatorSignals)],
    selected: &mut BTreeSet<String>,
    direction: &mut Option<Direction>,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(lang.t("Markera alla som visas", "Tick all shown"))
            .clicked()
        {
            selected.extend(rows.iter().map(|(i, _)| i.id.clone()));
        }
        if ui
            .add_enabled(
                !selected.is_empty(),
                egui::Button::new(lang.t("Avmarkera alla", "Untick all")),
            )
            .clicked()
        {
            selected.clear();
        }
        egui::ComboBox::new("bulk_direction", lang.t("Riktning", "Direction"))
            .selected_text(labels::direction(*direction).get(lang))
            .show_ui(ui, |ui| {
                for d in Direction::ALL.map(Some).into_iter().chain([None]) {
                    ui.selectable_value(direction, d, labels::direction(d).get(lang));
                }
            });
        let label = format!(
            "{} {} {}",
            lang.t("Sätt riktning för", "Set direction for"),
            lang.count(selected.len() as u64),
            lang.t("markerade", "ticked")
        );
        if ui
            .add_enabled(!selected.is_empty(), egui::Button::new(label))
            .clicked()
        {
            intents.push(Intent::Edit(Edit::from(
                IndicatorEdit::SetIndicatorDirections(
                    selected.iter().map(|id| (id.clone(), *direction)).collect(),
                ),
            )));
            selected.clear();
        }
    });
}

/// Starts (or opens) the analysis of an indicator's result for the home municipality.
fn analyse_button(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    loaded: &Scan,
    indicator: &str,
    intents: &mut Vec<Intent>,
) {
    let (Some(home), Some(period)) = (&loaded.home, loaded.year) else {
        return;
    };
    let target = (
        indicator,
        home.as_str(),
        period,
        crate::model::Gender::Total,
    );
    super::analysis::analyse_button(ui, lang, target, intents);
}
