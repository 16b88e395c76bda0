//! An exercise's summary: what the group answered, summed by the kind of question.

use super::*;

/// The sums and charts of a session: the grid's crosses, a focus group's factors, the two
/// survey groups side by side, and for every question with options how the answers fall
/// (the group's agreed answer where there is one, else everyone's).
pub(super) fn summary(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &ExerciseView,
    previous: Option<&ExerciseView>,
) {
    let lang = ctx.lang;
    let def = view.def;
    if def.is_grid() {
        grid_summary(ui, ctx, view, previous);
        return;
    }
    if def.key == "fokusgrupp" {
        factor_summary(ui, ctx, view);
    }
    if !def.groups.is_empty() {
        survey_summary(ui, ctx, view);
        return;
    }
    section_profile(ui, lang, view);
    row_table(ui, ctx, view);
    for section in def.sections {
        let rated: Vec<&Question> = section.questions.iter().filter(|q| q.example).collect();
        if !rated.is_empty() {
            ui.add_space(8.0);
            ui.strong(section.title.get(lang));
            let rows: Vec<(String, Vec<usize>, Option<usize>)> = rated
                .iter()
                .map(|q| {
                    let s = crate::model::exercise::spread(
                        &view.answers,
                        &view.exercise.participants,
                        "",
                        q.key,
                    );
                    (q.text.get(lang).to_string(), s.answers, s.consensus)
                })
                .collect();
            let words: Vec<&str> = rated[0]
                .scale
                .options()
                .iter()
                .map(|o| o.get(lang))
                .collect();
            crate::ui::widgets::bars::spread(ui, &rows, &words);
            ui.small(lang.t("Prickar: var och ens svar (större prick, fler). Ring: gruppens gemensamma svar.", "Dots: each person's answer (larger, more people). Ring: the group's agreed answer."));
            continue;
        }
        for q in section
            .questions
            .iter()
            .filter(|q| !q.scale.options().is_empty() && q.scale != Scale::Cross)
        {
            let (counts, shares) = answered(view, section, q);
            let before = previous.map(|p| answered(p, section, q).1);
            ui.add_space(8.0);
            ui.strong(q.text.get(lang));
            let bars: Vec<crate::ui::widgets::bars::Bar> = q
                .scale
                .options()
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    let (n, pc) = (counts[o], shares[o]);
                    let mut text = format!("{n} ({} %)", lang.number(pc, 0));
                    let mut values = vec![pc];
                    if let Some(b) = before.as_ref().and_then(|b| b.get(o)) {
                        values.push(*b);
                        text.push_str(&format!(" · {} %", lang.number(*b, 0)));
                    }
                    crate::ui::widgets::bars::Bar {
                        label: opt.get(lang).to_string(),
                        values,
                        text,
                    }
                })
                .collect();
            crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::OTHERS]);
            // A tabled session already shows the group's answer per row.
            if section.per_row && section.by != By::Each && view.row_table(lang).is_none() {
                agreed_rows(ui, lang, view, q);
            }
        }
        for q in section
            .questions
            .iter()
            .filter(|q| matches!(q.scale, Scale::Shares(_)))
        {
            shares_summary(ui, lang, view, q);
        }
    }
    previous_caption(ui, lang, previous);
    texts_summary(ui, lang, view);
}

/// The sections' profile (the annual report's A–F): each section's mean place on its
/// scales, with no total.
pub(super) fn section_profile(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView) {
    let profile =
        crate::model::exercise::profile(view.def, &view.exercise.participants, &view.answers);
    if profile.len() < 2 {
        return;
    }
    ui.strong(lang.t("Profil per avsnitt", "Profile per section"));
    let bars: Vec<crate::ui::widgets::bars::Bar> = profile
        .iter()
        .map(|(key, mean)| crate::ui::widgets::bars::Bar {
            label: view
                .def
                .sections
                .iter()
                .find(|s| s.key == *key)
                .map_or(String::new(), |s| s.title.get(lang).to_string()),
            values: vec![mean.unwrap_or(0.0)],
            text: mean.map_or_else(
                || lang.t("inga svar", "no answers").to_string(),
                |m| format!("{} %", lang.number(m, 0)),
            ),
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::GROUP]);
    ui.small(lang.t(
        "0 % är svagaste svaret på varje fråga, 100 % det starkaste; gruppens svar där den enats, annars medel av deltagarnas.",
        "0 % is each question's weakest answer, 100 % its strongest; the group's answer where it agreed, else the participants' mean.",
    ));
}

/// The rows the group wrote with its answers, as a table (a communication plan by ladder
/// step, a mystery shop's contacts, a café's ideas, a deliberation's alternatives).
pub(super) fn row_table(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let Some((columns, lines)) = view.row_table(ctx.lang) else {
        return;
    };
    if ctx.presentation {
        // On the projector a row reads as a short block, not a table wider than the wall.
        for line in &lines {
            ui.strong(&line[0]);
            let parts: Vec<String> = columns[1..]
                .iter()
                .zip(&line[1..])
                .filter(|(_, v)| !v.is_empty())
                .map(|(c, v)| format!("{c}: {v}"))
                .collect();
            ui.add(egui::Label::new(parts.join(" · ")).wrap());
            ui.add_space(6.0);
        }
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt(("row_table_scroll", view.exercise.id))
        .show(ui, |ui| {
            egui::Grid::new(("row_table", view.exercise.id))
                .striped(true)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for c in &columns {
                        ui.scope(|ui| {
                            ui.set_max_width(260.0);
                            ui.add(egui::Label::new(egui::RichText::new(c).strong()).wrap());
                        });
                    }
                    ui.end_row();
                    for line in &lines {
                        for cell in line {
                            ui.scope(|ui| {
                                ui.set_max_width(260.0);
                                ui.add(egui::Label::new(cell).wrap());
                            });
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(8.0);
}

/// Says which earlier session the grey bars are.
pub(super) fn previous_caption(ui: &mut egui::Ui, lang: Lang, previous: Option<&ExerciseView>) {
    if let Some(p) = previous {
        let (date, name) = (&p.exercise.date, &p.exercise.name);
        ui.small(match lang {
            Lang::Sv => format!("Grått: förra gången, {date} {name}."),
            Lang::En => format!("Grey: the time before, {date} {name}."),
        });
    }
}

/// How a question's options were answered in a session: counts and shares.
pub(super) fn answered(
    view: &ExerciseView,
    section: &Section,
    q: &Question,
) -> (Vec<usize>, Vec<f64>) {
    let counts = view.counted(section, q);
    let shares = crate::model::exercise::percent(&counts);
    (counts, shares)
}

/// Per row, the group's agreed answer, with what follows from it (an information measure,
/// a quick win, a measure to follow the world with).
pub(super) fn agreed_rows(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView, q: &Question) {
    let options = q.scale.options();
    let mut lines = Vec::new();
    for (row, label) in &view.rows {
        let label = row_label(view, row, label, lang);
        let Some(choice) = view
            .answer(GROUP, row, q.key)
            .and_then(|v| chosen(v).first().copied())
        else {
            continue;
        };
        let mut text = format!(
            "{label}: {}",
            options.get(choice).map_or("", |o| o.get(lang))
        );
        use crate::model::exercise::{Follows, follows};
        let consequence = follows(view.def.key, choice).map(|f| match f {
            Follows::InformationMeasure => lang.t(
                " · informationsmått, utan målnivå i Fokusera",
                " · information measure, without a target in Focus",
            ),
            Follows::QuickWin => lang.t(
                " · kan kopplas till ett mål redan nu",
                " · can be tied to a goal right away",
            ),
            Follows::KeyFigure => lang.t(" · redovisa som nyckeltal", " · report as a key figure"),
        });
        text.push_str(consequence.unwrap_or_default());
        lines.push((choice, text));
    }
    // By answer, so the most useful (or the least influenced) read together.
    lines.sort_by_key(|(choice, _)| *choice);
    if lines.is_empty() {
        ui.weak(lang.t(
            "Gruppen har inte enats om någon rad ännu.",
            "The group has not agreed on any row yet.",
        ));
        return;
    }
    egui::CollapsingHeader::new(lang.t("Gruppens svar per rad", "The group's answer per row"))
        .default_open(true)
        .id_salt(("agreed", q.key))
        .show(ui, |ui| {
            for (_, l) in lines {
                ui.label(l);
            }
        });
}

/// The clarity grid: crosses per goal out of nine, per question, and each question's share.
pub(super) fn grid_summary(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &ExerciseView,
    previous: Option<&ExerciseView>,
) {
    let lang = ctx.lang;
    let sums = crate::model::exercise::grid(view.def, &view.row_keys(), &view.answers);
    let before = previous.map(|p| crate::model::exercise::grid(p.def, &p.row_keys(), &p.answers));
    egui::Grid::new(("grid_sums", ctx.projector))
        .striped(true)
        .show(ui, |ui| {
            ui.strong(lang.t("Mål", "Goal"));
            ui.strong(lang.t("Kryss", "Crosses"));
            ui.end_row();
            for ((_, label), (_, n)) in view.rows.iter().zip(&sums.per_row) {
                ui.label(label);
                ui.label(format!("{n} / {}", sums.most));
                ui.end_row();
            }
        });
    ui.small(lang.t(
        "Fråga 1 och 2 utesluter varandra, så ett mål kan få högst 9 kryss.",
        "Questions 1 and 2 exclude each other, so a goal can get at most 9 crosses.",
    ));
    ui.add_space(8.0);
    ui.strong(lang.t(
        "Andel av målen per fråga",
        "Share of the goals per question",
    ));
    let bars: Vec<crate::ui::widgets::bars::Bar> = sums
        .per_question
        .iter()
        .zip(&sums.share)
        .enumerate()
        .map(|(i, ((key, n), (_, pc)))| {
            let b = before
                .as_ref()
                .and_then(|b| b.share.get(i))
                .map(|(_, v)| *v);
            crate::ui::widgets::bars::Bar {
                label: format!(
                    "{key} {}",
                    view.def.question(key).map_or("", |(_, q)| q.text.get(lang))
                ),
                values: b.map_or(vec![*pc], |b| vec![*pc, b]),
                text: match b {
                    Some(b) => format!("{n} ({} %) · {} %", lang.number(*pc, 0), lang.number(b, 0)),
                    None => format!("{n} ({} %)", lang.number(*pc, 0)),
                },
            }
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::OTHERS]);
    previous_caption(ui, lang, previous);
}

/// A focus group's factors: total weight, mean grade, and importance against grade.
pub(super) fn factor_summary(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let lang = ctx.lang;
    let people = &view.exercise.participants;
    let sums = crate::model::exercise::factors(&view.row_keys(), people, &view.answers);
    let total: f64 = sums.iter().map(|f| f.weight).sum();
    let label = |row: &str| {
        view.rows
            .iter()
            .find(|(k, _)| k == row)
            .map_or(String::new(), |(_, t)| t.clone())
    };
    // The heavy factor that works worst is where the guide's analysis starts.
    let first = sums
        .iter()
        .filter(|f| f.grade.is_some())
        .max_by(|a, b| a.priority(total).total_cmp(&b.priority(total)))
        .map(|f| f.row.clone());
    ui.strong(lang.t("Faktorerna, tyngst först", "The factors, heaviest first"));
    egui::Grid::new(("factor_sums", ctx.projector))
        .striped(true)
        .show(ui, |ui| {
            for h in [
                lang.t("Faktor", "Factor"),
                lang.t("Vikt", "Weight"),
                lang.t("Medelbetyg", "Mean grade"),
                lang.t("Betygsatt av", "Graded by"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (n, f) in sums.iter().enumerate() {
                ui.label(format!("{}. {}", n + 1, label(&f.row)));
                ui.label(lang.number(f.weight, 0));
                ui.label(f.grade.map_or("–".into(), |g| lang.number(g, 1)));
                ui.label(f.graded.to_string());
                if first.as_ref() == Some(&f.row) {
                    ui.colored_label(palette::NOTICE, lang.t("Börja här", "Start here"))
                        .on_hover_text(lang.t(
                            "Tyngst vikt gånger hur långt betyget är från 5",
                            "The weight times how far the grade is from 5",
                        ));
                }
                ui.end_row();
            }
        });
    if let Some(budget) = view
        .answer(GROUP, "", "budget")
        .and_then(|b| b.parse::<f64>().ok())
    {
        for p in people {
            let given =
                crate::model::exercise::points_given(&view.row_keys(), &p.key, &view.answers);
            if (given - budget).abs() > 0.01 {
                ui.colored_label(
                    palette::NOTICE,
                    match lang {
                        Lang::Sv => format!(
                            "{} har gett {} av {} poäng.",
                            p.name,
                            lang.number(given, 0),
                            lang.number(budget, 0)
                        ),
                        Lang::En => format!(
                            "{} has given {} of {} points.",
                            p.name,
                            lang.number(given, 0),
                            lang.number(budget, 0)
                        ),
                    },
                );
            }
        }
    }
    let points: Vec<(String, f64, f64)> = sums
        .iter()
        .enumerate()
        .filter_map(|(n, f)| Some(((n + 1).to_string(), f.weight, f.grade?)))
        .collect();
    if !points.is_empty() && total > 0.0 {
        crate::ui::widgets::bars::importance(ui, &points, lang);
    }
}

/// The survey: each question's answers in percent, officials and elected members side by side.
pub(super) fn survey_summary(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let lang = ctx.lang;
    let def = view.def;
    let people = &view.exercise.participants;
    let of_group = |g: usize| people.iter().filter(move |p| p.group == g);
    let n = |g: usize| -> usize { of_group(g).map(Respondent::people).sum() };
    ui.label(match lang {
        Lang::Sv => format!(
            "{}: {} svar · {}: {} svar",
            def.groups[0].sv,
            n(0),
            def.groups[1].sv,
            n(1)
        ),
        Lang::En => format!(
            "{}: {} answers · {}: {} answers",
            def.groups[0].en,
            n(0),
            def.groups[1].en,
            n(1)
        ),
    });
    for section in def.sections.iter().filter(|s| s.audience == Some(0)) {
        for q in section.questions {
            let options = q.scale.options();
            if options.is_empty() {
                continue;
            }
            let counts_of = |g: usize, key: &str| {
                let question = def.question(key).map(|(_, q)| q);
                let answers: Vec<(&Respondent, &str)> = of_group(g)
                    .filter_map(|p| view.answer(&p.key, "", key).map(|v| (p, v)))
                    .collect();
                question
                    .map(|q| crate::model::exercise::counts(q, answers))
                    .unwrap_or_default()
            };
            let officials = crate::model::exercise::percent(&counts_of(0, q.key));
            let members = q
                .pair
                .map(|p| crate::model::exercise::percent(&counts_of(1, p)));
            ui.add_space(8.0);
            ui.strong(format!("{} {}", q.key, q.text.get(lang)));
            let bars: Vec<crate::ui::widgets::bars::Bar> = options
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    let a = officials.get(o).copied().unwrap_or(0.0);
                    let b = members.as_ref().map(|m| m.get(o).copied().unwrap_or(0.0));
                    crate::ui::widgets::bars::Bar {
                        label: opt.get(lang).to_string(),
                        values: b.map_or(vec![a], |b| vec![a, b]),
                        text: b.map_or(format!("{} %", lang.number(a, 0)), |b| {
                            format!("{} / {} %", lang.number(a, 0), lang.number(b, 0))
                        }),
                    }
                })
                .collect();
            crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::GROUP]);
        }
    }
    ui.small(match lang {
        Lang::Sv => format!(
            "Blått: {}. Gult: {}, samma fråga i deras enkät.",
            def.groups[0].sv, def.groups[1].sv
        ),
        Lang::En => format!(
            "Blue: {}. Yellow: {}, the same question in their survey.",
            def.groups[0].en, def.groups[1].en
        ),
    });
    texts_summary(ui, lang, view);
}

/// A shares question: the mean of the final answers, and whether each adds up to 100.
pub(super) fn shares_summary(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView, q: &Question) {
    let Scale::Shares(parts) = q.scale else {
        return;
    };
    let group = crate::store::exercise::group_respondent();
    let given = view.final_answers(&group, "", q.key);
    if given.is_empty() {
        return;
    }
    let mut sums = vec![0.0; parts.len()];
    let mut wrong = 0;
    for (_, v) in &given {
        let (values, ok) = shares(v);
        wrong += usize::from(!ok);
        for (s, v) in sums.iter_mut().zip(values) {
            *s += v;
        }
    }
    ui.add_space(8.0);
    ui.strong(q.text.get(lang));
    let bars: Vec<crate::ui::widgets::bars::Bar> = parts
        .iter()
        .zip(&sums)
        .map(|(p, s)| {
            let mean = s / given.len() as f64;
            crate::ui::widgets::bars::Bar {
                label: p.get(lang).to_string(),
                values: vec![mean],
                text: format!("{} %", lang.number(mean, 0)),
            }
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::GROUP]);
    if wrong > 0 {
        ui.colored_label(
            palette::ERROR,
            match lang {
                Lang::Sv => format!("{wrong} svar blir inte 100 %."),
                Lang::En => format!("{wrong} answers do not add up to 100 %."),
            },
        );
    }
}

/// The written answers: comments, summaries, the follow-up questions, the survey's texts.
pub(super) fn texts_summary(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView) {
    let names: HashMap<&str, &str> = view
        .exercise
        .participants
        .iter()
        .map(|p| (p.key.as_str(), p.name.as_str()))
        .collect();
    let mut any = false;
    let tabled = view.row_table(lang).is_some();
    for ((who, row, question), value) in &view.answers {
        if tabled && who == GROUP && !row.is_empty() {
            continue;
        }
        let text_question = view
            .def
            .question(question)
            .is_some_and(|(_, q)| q.scale == Scale::Text);
        if !(text_question || question.ends_with(":comment")) || value.trim().is_empty() {
            continue;
        }
        if !any {
            ui.add_space(8.0);
            ui.strong(lang.t("Skrivna svar", "Written answers"));
            any = true;
        }
        let title = view.def.question(question).map_or_else(
            || lang.t("Kommentar", "Comment").to_string(),
            |(_, q)| q.text.get(lang).to_string(),
        );
        let row = view
            .rows
            .iter()
            .find(|(k, _)| k == row && !k.is_empty())
            .map_or(String::new(), |(_, l)| format!(" ({l})"));
        let by = names
            .get(who.as_str())
            .map_or(String::new(), |n| format!(" [{n}]"));
        // A question already ends in its mark; a heading gets a colon.
        let sep = if title.ends_with('?') { " " } else { ": " };
        ui.label(format!("{title}{row}{by}{sep}{value}"));
    }
}
