//! Planering: which municipality's results the group follows and whom it compares with.

use crate::model::{Comparison, MunicipalityGroup};
use crate::store::Edit;
use crate::store::municipality::MunicipalityChoice;
use crate::ui::theme::palette;
use crate::ui::widgets::picker;
use crate::ui::{Cached, Intent, Page, PageId, ViewContext};

/// State of the home-and-comparison page.
#[derive(Default)]
pub struct MunicipalityPage {
    home_query: String,
    group_query: String,
    pick_query: String,
    choice: Cached<u64, MunicipalityChoice>,
}

impl Page for MunicipalityPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self {
            home_query,
            group_query,
            pick_query,
            choice,
        } = self;
        let Some(loaded) = choice.get_or_show(ui, ctx.revision, lang, || {
            ctx.workbook.municipality_choice()
        }) else {
            return;
        };
        let editable = ctx.editable();
        let title_of = |id: &str| loaded.title_of(id);
        ui.heading(PageId::Municipality.title(lang));
        ui.label(lang.t(
            "Välj vilken kommun analysgruppen följer upp och vilka kommuner resultaten jämförs med. Valet sparas i arbetsboken.",
            "Choose which municipality the analysis group follows up and which municipalities its results are compared with. The choice is stored in the workbook.",
        ));
        if loaded.municipalities.is_empty() {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Arbetsboken har inga kommuner ännu. Importera Kolada-kommuner eller resultat först.",
                    "The workbook has no municipalities yet. Import Kolada municipalities or results first.",
                ),
            );
            return;
        }
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.strong(match &loaded.home {
                Some(h) => format!("{} {}", lang.t("Hemkommun:", "Home municipality:"), title_of(h)),
                None => lang.t("Ingen hemkommun vald", "No home municipality chosen").to_string(),
            });
            if editable {
                picker::search_field(ui, lang.t("Sök kommun", "Search municipality"), home_query);
                egui::ScrollArea::vertical()
                    .id_salt("home_list")
                    .max_height(ui.available_height() - 20.0)
                    .show(ui, |ui| {
                        for m in loaded
                            .municipalities
                            .iter()
                            .filter(|m| picker::matches(&*home_query, &format!("{} {}", m.id, m.title)))
                        {
                            let selected = loaded.home.as_deref() == Some(m.id.as_str());
                            if ui
                                .selectable_label(selected, format!("{}  {}", m.title, m.id))
                                .clicked()
                                && !selected
                            {
                                intents.push(Intent::Edit(Edit::set_home_municipality(&m.id)));
                            }
                        }
                    });
            }

            let ui = &mut cols[1];
            let members = loaded
                .comparison
                .as_ref()
                .map(|c| c.members(&loaded.groups))
                .unwrap_or_default();
            let described = match &loaded.comparison {
                Some(Comparison::Group(id)) => loaded
                    .groups
                    .iter()
                    .find(|g| &g.id == id)
                    .map(|g| g.title.clone())
                    .unwrap_or(id.clone()),
                Some(Comparison::Picked(_)) => lang.t("egna val", "picked by hand").to_string(),
                None => lang.t("ingen vald", "none chosen").to_string(),
            };
            ui.strong(format!("{} {described}", lang.t("Jämförelsegrupp:", "Comparison group:")));
            if !members.is_empty() {
                let names: Vec<String> = members.iter().map(|m| title_of(m)).collect();
                ui.label(names.join(", "));
            }
            if !editable {
                return;
            }
            let mut picked_mode = matches!(loaded.comparison, Some(Comparison::Picked(_)));
            ui.horizontal(|ui| {
                if ui
                    .radio(!picked_mode, lang.t("Kommungrupp från Kolada", "Kolada municipality group"))
                    .clicked()
                {
                    picked_mode = false;
                }
                if ui.radio(picked_mode, lang.t("Välj kommuner själv", "Pick municipalities")).clicked()
                    && !picked_mode
                {
                    intents.push(Intent::Edit(Edit::set_comparison(Some(&Comparison::Picked(members.clone())))));
                }
            });
            if picked_mode {
                picker::search_field(ui, lang.t("Sök kommun att jämföra med", "Search municipality to compare with"), pick_query);
                egui::ScrollArea::vertical().id_salt("pick_list").show(ui, |ui| {
                    for m in loaded.municipalities.iter().filter(|m| {
                        Some(&m.id) != loaded.home.as_ref()
                            && picker::matches(&*pick_query, &format!("{} {}", m.id, m.title))
                    }) {
                        let mut checked = members.contains(&m.id);
                        if ui.checkbox(&mut checked, format!("{}  {}", m.title, m.id)).changed() {
                            let mut next: Vec<String> = members.iter().filter(|x| *x != &m.id).cloned().collect();
                            if checked {
                                next.push(m.id.clone());
                                next.sort();
                            }
                            intents.push(Intent::Edit(Edit::set_comparison(Some(&Comparison::Picked(next)))));
                        }
                    }
                });
            } else {
                picker::search_field(ui, lang.t("Sök kommungrupp", "Search municipality group"), group_query);
                if loaded.groups.is_empty() {
                    ui.label(lang.t(
                        "Inga kommungrupper importerade. Importera Koladas kommungrupper (JSON) eller välj kommuner själv.",
                        "No municipality groups imported. Import Kolada's groups (JSON) or pick municipalities yourself.",
                    ));
                }
                let home = loaded.home.clone().unwrap_or_default();
                let mut groups: Vec<&MunicipalityGroup> = loaded
                    .groups
                    .iter()
                    .filter(|g| picker::matches(&*group_query, &g.title))
                    .collect();
                // Groups the home municipality belongs to come first: they are the natural peers.
                groups.sort_by_key(|g| !g.members.contains(&home));
                egui::ScrollArea::vertical().id_salt("group_list").show_rows(
                    ui,
                    ui.text_style_height(&egui::TextStyle::Body) * 1.6,
                    groups.len(),
                    |ui, range| {
                        for g in &groups[range] {
                            let selected = loaded.comparison == Some(Comparison::Group(g.id.clone()));
                            let text = format!("{} ({})", g.title, g.members.len());
                            if ui.add(egui::Button::selectable(selected, text).truncate()).clicked() && !selected {
                                intents.push(Intent::Edit(Edit::set_comparison(Some(&Comparison::Group(g.id.clone())))));
                            }
                        }
                    },
                );
            }
        });
    }
}

/// Where a page needs the home municipality and none is chosen: says so (`note`) and links to
/// this page.
pub fn ask_for_home(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    note: Option<&str>,
    intents: &mut Vec<Intent>,
) {
    if let Some(note) = note {
        ui.colored_label(palette::NOTICE, note);
    }
    if ui
        .button(lang.t("Välj hemkommun", "Choose home municipality"))
        .clicked()
    {
        intents.push(Intent::Go(crate::ui::Route::Page(PageId::Municipality)));
    }
}
