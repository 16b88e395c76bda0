//! The demo's SWOT and Toppnyhet sessions.

use super::*;

/// A finished SWOT on the group's steering: four fields, headings with the room's dots, the
/// notes behind them, the analysis answered. Returns the next free note id.
pub(super) fn demo_swot(tx: &rusqlite::Transaction<'_>) -> Result<i64, crate::store::StoreError> {
    use crate::model::board::{BoardKind, Field, Group, Heading, MakeUp, Note, Workshop};
    use crate::store::shape::Record;
    let year = *YEARS.end();
    Workshop {
        id: 1,
        kind: BoardKind::Swot,
        question: "Hur gör vi vår styrning med mål och resultat bättre?".into(),
        date: format!("{year}-02-12"),
        facilitator: "Kvalitetssamordnaren".into(),
        participants: 9,
        groups: vec![Group {
            name: "Ledningsgruppen och två enhetschefer".into(),
            size: 9,
            make_up: MakeUp::Mixed,
            roles: "Förvaltningschefer, enhetschefer, en facklig företrädare".into(),
        }],
        answers: vec![
            "Låt de erfarna medarbetarna leda analysgruppens arbete i varje förvaltning.".into(),
            "Använd nätverket av jämförelsekommuner för att hitta goda exempel.".into(),
            "Inför en gemensam mall för mål och uppföljning i alla nämnder.".into(),
            "Visa resultaten öppet, så att bilden i media bygger på fakta.".into(),
        ],
        ..Workshop::default()
    }
    .save(tx)?;
    // (field, heading, dots, notes)
    let fields: [(Field, DemoHeadings); 4] = [
        (
            Field::Opportunity,
            &[
                (
                    "Jämförelser med andra kommuner",
                    6,
                    &["Nätverk i länet", "Öppen statistik i Kolada"],
                ),
                (
                    "Medborgare som vill tycka till",
                    3,
                    &["Medborgarpanel", "Brukarenkäter"],
                ),
                ("Nationellt stöd", 1, &["Stöd från SKR"]),
            ],
        ),
        (
            Field::Threat,
            &[
                (
                    "Svårt att rekrytera",
                    5,
                    &["Pensionsavgångar", "Konkurrens om chefer"],
                ),
                (
                    "Kort politisk horisont",
                    3,
                    &["Mål byts varje mandatperiod"],
                ),
            ],
        ),
        (
            Field::Strength,
            &[
                (
                    "Kunniga medarbetare som vill utveckla",
                    5,
                    &[
                        "Hög kompetens",
                        "Vilja att förändra",
                        "Goda idéer i verksamheten",
                    ],
                ),
                (
                    "Ett kvalitetsarbete som redan finns",
                    3,
                    &["Systematiskt arbete i skolan"],
                ),
            ],
        ),
        (
            Field::Weakness,
            &[
                (
                    "Otydlig styrning",
                    11,
                    &["För många mål", "Mål utan mått", "Ingen röd tråd"],
                ),
                ("Stuprör mellan förvaltningar", 3, &["Vi delar inte data"]),
                ("Resultaten används inte", 2, &["Rapporter läses inte"]),
            ],
        ),
    ];
    let (mut heading_id, mut note_id) = (1, 1);
    for (field, headings) in fields {
        for (title, dots, notes) in headings {
            Heading {
                id: heading_id,
                workshop_id: 1,
                field,
                title: (*title).into(),
                dots: *dots,
            }
            .save(tx)?;
            for text in *notes {
                Note {
                    id: note_id,
                    workshop_id: 1,
                    field,
                    text: (*text).into(),
                    heading: Some(heading_id),
                    ..Note::default()
                }
                .save(tx)?;
                note_id += 1;
            }
            heading_id += 1;
        }
    }
    Ok(note_id)
}

/// A Toppnyhet on home care: two groups' sheets and the themes drawn from them.
pub(super) fn demo_top_news(
    tx: &rusqlite::Transaction<'_>,
    mut note_id: i64,
) -> Result<(), crate::store::StoreError> {
    use crate::model::board::{BoardKind, Field, Group, Note, Sheet, Workshop};
    use crate::store::shape::Record;
    let year = *YEARS.end();
    Workshop {
        id: 2,
        kind: BoardKind::TopNews,
        question: "Hemtjänsten".into(),
        date: format!("{year}-03-05"),
        facilitator: "Verksamhetsutvecklaren".into(),
        participants: 11,
        groups: vec![
            Group {
                name: "Grupp 1".into(),
                size: 6,
                ..Group::default()
            },
            Group {
                name: "Grupp 2".into(),
                size: 5,
                ..Group::default()
            },
        ],
        agenda: vec![10, 5, 40, 20, 15],
        reflection: "Båda grupperna såg kontinuitet som nyckeln.".into(),
        ..Workshop::default()
    }
    .save(tx)?;
    let sheets = [
        (
            "Grupp 1",
            "Hemtjänsten får högsta betyg av brukarna",
            "Samma ansikten varje vecka",
            &[
                (
                    Field::NewsItem,
                    "",
                    "Nio av tio brukare möter högst tio personal på två veckor",
                ),
                (
                    Field::Quote,
                    "En brukare",
                    "Jag vet vem som kommer, och hon vet hur jag vill ha det.",
                ),
                (Field::Activity, "", "Fasta team per område"),
            ][..],
        ),
        (
            "Grupp 2",
            "Ingen väntar längre på sin insats",
            "Snabb start när beslutet är fattat",
            &[
                (Field::NewsItem, "", "Insatsen startar inom två dagar"),
                (
                    Field::Quote,
                    "En biståndshandläggare",
                    "Vi planerar tillsammans från första dagen.",
                ),
                (
                    Field::Activity,
                    "",
                    "Gemensam planering med biståndshandläggarna",
                ),
            ][..],
        ),
    ];
    for (n, (group, top_news, headline, notes)) in (1..).zip(sheets) {
        Sheet {
            id: n,
            workshop_id: 2,
            group: group.into(),
            top_news: top_news.into(),
            headline: headline.into(),
            interview: String::new(),
        }
        .save(tx)?;
        for (field, author, text) in notes {
            Note {
                id: note_id,
                workshop_id: 2,
                field: *field,
                text: (*text).into(),
                author: (*author).into(),
                sheet: Some(n),
                ..Note::default()
            }
            .save(tx)?;
            note_id += 1;
        }
    }
    for (field, text) in [
        (Field::Theme, "Kontinuitet för brukaren"),
        (Field::SuccessFactor, "Små team med eget ansvar"),
        (
            Field::SummaryActivity,
            "Pröva fasta team i ett område under ett halvår",
        ),
    ] {
        Note {
            id: note_id,
            workshop_id: 2,
            field,
            text: text.into(),
            ..Note::default()
        }
        .save(tx)?;
        note_id += 1;
    }
    Ok(())
}
