//! The demo's planning: the assignment, resources, checklists and the analysis group.

use super::*;

/// Planering and the analysis group in the demo: some answers in every checklist for this year
/// and the year before (so changes show), the assignment, resources per goal, the group's
/// charter and work plan for this year, and two knowledge cards.
pub(super) fn demo_planning(
    tx: &rusqlite::Transaction<'_>,
) -> Result<(), crate::store::StoreError> {
    use crate::model::planning::{Allocation, Assignment, AssignmentTopic, KnowledgeCard};
    use crate::store::shape::Record;
    let year: i32 = crate::model::value::today()[..4].parse().unwrap_or(2026);
    crate::store::setting::write(tx, &Setting::CycleYear, &year.to_string())?;
    demo_checklists(tx, year)?;
    demo_group(tx, year)?;
    let topic = |key: &str, text: &str, links: &[&str], sessions: &[i64]| AssignmentTopic {
        topic: key.into(),
        text: text.into(),
        links: links.iter().map(|l| (*l).to_string()).collect(),
        sessions: sessions.to_vec(),
        ..AssignmentTopic::default()
    };
    Assignment {
        id: crate::store::planning::SINGLE,
        topics: vec![
            topic("vision", "En kommun där alla kan växa: barn, unga och äldre ska kunna lita på välfärden och på varandra.", &[], &[]),
            topic("programme", "Majoriteten lovar kortare väntan på äldreomsorg, fler behöriga elever och en kommun som svarar snabbt.", &["https://demo.example/majoritetsprogram"], &[]),
            topic("environment", "Fler äldre de närmaste tio åren och svårt att rekrytera undersköterskor. Arbetslösheten bland unga sjunker.", &[], &[1]),
            topic("dialogue", "Brukarmöten i hemtjänsten våren före: kontinuitet och bemötande kom upp mest.", &[], &[2]),
        ],
    }
    .save(tx)?;
    for (id, goal, board, kr, fte, how) in [
        (
            1,
            2,
            "Barn- och utbildningsnämnden",
            1_200_000.0,
            2.0,
            "Två speciallärare till årskurs 7–9 där behörigheten sjunkit",
        ),
        (
            2,
            3,
            "Vård- och omsorgsnämnden",
            800_000.0,
            1.5,
            "Fasta team i hemtjänsten så att färre personer besöker varje brukare",
        ),
    ] {
        Allocation {
            id,
            year: i64::from(year),
            goal: Some(goal),
            board: board.into(),
            kr: Some(kr),
            fte: Some(fte),
            connection: how.into(),
            from_decision: None,
        }
        .save(tx)?;
    }
    for (indicator, answers) in [
        (
            "U07451",
            [
                (
                    "goal",
                    "Visar direkt om det är lätt att få kontakt med kommunen.",
                ),
                (
                    "what",
                    "Andel som får svar på en enkel fråga via e-post inom en dag.",
                ),
                ("affects", "Kontaktcenter och förvaltningarnas handläggare."),
            ],
        ),
        (
            "U23401",
            [
                ("why", "Väntetiden är det äldre och anhöriga märker först."),
                (
                    "what",
                    "Dagar från ansökan till erbjuden plats på särskilt boende.",
                ),
                (
                    "background",
                    "Hur många äldre som bor i kommunen och hur friska de är.",
                ),
            ],
        ),
    ] {
        let card = answers
            .iter()
            .fold(KnowledgeCard::default(), |c, (k, a)| c.with_answer(k, a));
        tx.execute(
            "INSERT INTO indicator_knowledge (indicator_id, data) VALUES (?1, ?2)",
            params![indicator, serde_json::to_string(&card)?],
        )?;
    }
    Ok(())
}

/// Some answers in every checklist of the demo for `year` and the year before, so the overview
/// has content and a change since last year shows.
pub(super) fn demo_checklists(
    tx: &rusqlite::Transaction<'_>,
    year: i32,
) -> Result<(), crate::store::StoreError> {
    use crate::model::checklist::CHECKLISTS;
    for (n, list) in CHECKLISTS.iter().enumerate() {
        // Last year about half was done; this year a little more, and one tick taken back.
        for (i, item) in list.items.iter().enumerate() {
            let last = i * 2 < list.items.len();
            let now = (i * 3 < list.items.len() * 2 || last) && !(i == 0 && n % 4 == 1);
            for (y, done) in [(year - 1, last), (year, now)] {
                if !done {
                    continue;
                }
                tx.execute(
                    "INSERT INTO checklist_answer (year, checklist, item, done, note, by_whom, done_on)
                     VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)",
                    params![
                        y,
                        list.key,
                        item.key,
                        if i == 0 { "Gick igenom på gruppens möte" } else { "" },
                        "Analysgruppen",
                        format!("{y}-03-1{}", i % 10)
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// The demo's analysis group: its charter and its work plan for `year`.
pub(super) fn demo_group(
    tx: &rusqlite::Transaction<'_>,
    year: i32,
) -> Result<(), crate::store::StoreError> {
    use crate::model::planning::{Charter, CycleEvent, Member, WorkEvent};
    use crate::store::shape::Record;
    Charter {
        id: crate::store::planning::SINGLE,
        leader: "Kvalitetsstrategen".into(),
        members: vec![
            Member { name: "Anna".into(), service: "Barn och utbildning".into(), role: "Resultat i skolan".into() },
            Member { name: "Bertil".into(), service: "Vård och omsorg".into(), role: "Äldreomsorgens mått".into() },
            Member { name: "Cecilia".into(), service: "Ekonomi".into(), role: "Kostnader och budget".into() },
            Member { name: "David".into(), service: "Kommunledningskontoret".into(), role: "Jämställdhet och folkhälsa".into() },
        ],
        mandate: "Analyserar avvikelser från kommunens övergripande mål och lämnar underlag till ledningsgruppen.".into(),
        mandate_from: "Kommundirektören".into(),
    }
    .save(tx)?;
    for (id, event, date, what, how) in [
        (
            1,
            CycleEvent::AnnualAccounts,
            format!("{year}-02-15"),
            "Alla målindikatorer mot målnivåerna",
            "Avvikelser i fokus, jämförelse med liknande kommuner",
        ),
        (
            2,
            CycleEvent::FourMonthly,
            format!("{year}-05-10"),
            "Väntetider och behörighet",
            "Trend sedan årsskiftet",
        ),
        (
            3,
            CycleEvent::InterimReport,
            format!("{year}-09-15"),
            "Målen till delårsbokslutet",
            "Prognos för helåret och orsaker till avvikelser",
        ),
        (
            4,
            CycleEvent::Monthly,
            format!("{year}-11-30"),
            "Hemtjänstens kontinuitet",
            "Månadens siffror mot handlingsplanen",
        ),
        (
            5,
            CycleEvent::Monthly,
            format!("{year}-12-20"),
            "Kontakt med kommunen",
            "Telefon och e-post mot servicemålen",
        ),
    ] {
        WorkEvent {
            id,
            event,
            date,
            what: what.into(),
            how: how.into(),
        }
        .save(tx)?;
    }
    Ok(())
}
