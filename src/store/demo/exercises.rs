//! The demo's exercise sessions.

use super::*;

/// Three exercises held in the demo: Påverkansgrad on the goal indicators (each participant,
/// then the group), Hur tydlig on the goals, and a focus group on home care.
pub(super) fn demo_exercises(
    tx: &rusqlite::Transaction<'_>,
) -> Result<(), crate::store::StoreError> {
    use crate::model::exercise::Respondent;
    use crate::store::exercise::Exercise;
    use crate::store::shape::Record;
    let year: i32 = crate::model::value::today()[..4].parse().unwrap_or(2026);
    let person = |key: &str, name: &str| Respondent {
        key: key.into(),
        name: name.into(),
        ..Respondent::default()
    };
    let mut insert = tx.prepare(
        "INSERT INTO exercise_answer (exercise_id, respondent, row_key, question, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    Exercise {
        id: 1,
        kind: "paverkansgrad".into(),
        name: "Påverkansgrad inför budgeten".into(),
        date: format!("{year}-02-20"),
        participants: vec![
            person("p1", "Anna"),
            person("p2", "Bertil"),
            person("p3", "Cecilia"),
        ],
        rows: Vec::new(),
    }
    .save(tx)?;
    // 0 small, 1 some, 2 large: (indicator, Anna, Bertil, Cecilia, the group).
    for (row, a, b, c, group) in [
        ("N15428", "2", "1", "2", "2"),
        ("N15505", "1", "1", "2", "1"),
        ("U23401", "2", "2", "2", "2"),
        ("U23471", "1", "2", "1", "1"),
        ("U21468", "0", "1", "1", "1"),
        ("U07414", "2", "2", "1", "2"),
        ("U07451", "2", "1", "2", "2"),
    ] {
        for (who, v) in [("p1", a), ("p2", b), ("p3", c), ("", group)] {
            insert.execute(params![1, who, row, "influence", v])?;
        }
    }
    Exercise {
        id: 2,
        kind: "hur-tydlig".into(),
        name: "Hur tydliga är våra mål?".into(),
        date: format!("{year}-02-20"),
        ..Exercise::default()
    }
    .save(tx)?;
    for (goal, crosses) in [
        ("1", &["1", "3", "5", "6", "7"][..]),
        ("2", &["2", "3", "4", "5", "6", "7", "8", "9"][..]),
        ("3", &["1", "3", "4", "5", "6", "7", "9"][..]),
        ("4", &["1", "3", "4", "6", "7", "8", "9", "10"][..]),
    ] {
        for q in crosses {
            insert.execute(params![2, "", goal, q, "1"])?;
        }
    }
    let factors = [
        ("r1", "Samma personal hos brukaren varje vecka"),
        ("r2", "Tid att prata vid besöken"),
        ("r3", "Att veta när hemtjänsten kommer"),
        ("r4", "Hur man tas emot i telefon"),
        ("r5", "Maten"),
    ];
    Exercise {
        id: 3,
        kind: "fokusgrupp".into(),
        name: "Brukare i hemtjänsten".into(),
        date: format!("{year}-03-12"),
        participants: (1..=6)
            .map(|n| person(&format!("p{n}"), &format!("Deltagare {n}")))
            .collect(),
        rows: factors
            .iter()
            .map(|(k, t)| ((*k).to_string(), (*t).to_string()))
            .collect(),
    }
    .save(tx)?;
    for (q, v) in [
        (
            "question",
            "Vad gör att man känner sig trygg med hemtjänsten?",
        ),
        ("audience", "Brukare och anhöriga"),
        ("moderator", "Kvalitetsutvecklaren"),
        ("secretary", "Analysgruppens sekreterare"),
        ("budget", "10"),
        ("worked", "Bra; gruppen kom snabbt överens om faktorerna."),
        ("participants", "Uppskattade att bli tillfrågade."),
    ] {
        insert.execute(params![3, "", "", q, v])?;
    }
    // Weights (10 points each) and grades 1–5 per participant, factor by factor.
    let weights = [
        [4, 3, 2, 1, 0],
        [5, 2, 2, 1, 0],
        [3, 3, 3, 0, 1],
        [4, 2, 2, 1, 1],
        [5, 3, 1, 1, 0],
        [4, 4, 1, 0, 1],
    ];
    let grades = [
        [2, 3, 3, 4, 4],
        [1, 3, 2, 4, 3],
        [2, 2, 3, 5, 4],
        [2, 3, 2, 4, 4],
        [1, 2, 3, 4, 5],
        [2, 3, 3, 3, 4],
    ];
    for (p, (w, g)) in weights.iter().zip(&grades).enumerate() {
        let who = format!("p{}", p + 1);
        for (f, (row, _)) in factors.iter().enumerate() {
            if w[f] > 0 {
                insert.execute(params![3, who, row, "weight", w[f].to_string()])?;
            }
            insert.execute(params![3, who, row, "grade", g[f].to_string()])?;
        }
    }
    Ok(())
}
