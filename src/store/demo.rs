//! The demo workbook: made-up values for the real list of Swedish municipalities, built by
//! this code from `assets/demo/`, so the app shows something on first start.

use std::path::{Path, PathBuf};

use rusqlite::params;

use super::setting::Setting;
use super::{OpenError, Workbook};
use crate::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use crate::model::{Comparison, Gender, MunicipalityKind};

const AREAS: &str = include_str!("../../assets/municipalities.csv");
const INDICATORS: &str = include_str!("../../assets/demo/indicators.csv");

/// First and last year of the demo series.
pub const YEARS: std::ops::RangeInclusive<i32> = 2015..=2024;
/// Home municipality of the demo (Jönköping).
pub const HOME: &str = "0680";
/// Its hand-picked comparison municipalities.
pub const PEERS: [&str; 6] = ["0580", "1283", "1380", "1880", "1980", "2180"];
/// The demo's municipality group.
pub const GROUP_ID: &str = "GDEMO1";

/// Deterministic pseudo-random numbers (SplitMix64), so the demo is the same on every machine.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal, mean 0 and standard deviation 1 (sum of uniforms).
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.next()).sum::<f64>() - 3.0
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

/// Where the demo workbook lives: the user's data folder, or `STYRSNURRA_DATA_DIR` if set.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("STYRSNURRA_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("se", "Styrsnurra", "Styrsnurra")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("styrsnurra"))
}

/// The user's copy of the demo workbook, built on first use. A copy from an older version
/// that nobody has changed is built again, so the demo shows what this version does; the old
/// file is kept beside it under a name that says its format.
pub fn open_user_demo() -> Result<Workbook, OpenError> {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).map_err(|e| OpenError::Io(dir.clone(), e))?;
    let path = dir.join("demo.styrsnurra");
    if !path.exists() {
        return build(&path);
    }
    let wb = Workbook::open(&path)?;
    let version = wb
        .format_version()
        .unwrap_or(super::schema::CURRENT_VERSION);
    let untouched = matches!(wb.next_undo(), Ok(None)) && matches!(wb.next_redo(), Ok(None));
    if version >= super::schema::CURRENT_VERSION || !untouched {
        return Ok(wb);
    }
    drop(wb);
    let kept = dir.join(format!("demo-format-{version}.styrsnurra"));
    if kept.exists() || std::fs::rename(&path, &kept).is_err() {
        return Workbook::open(&path);
    }
    build(&path)
}

/// Builds the demo workbook at `path` (which must not exist).
pub fn build(path: &Path) -> Result<Workbook, OpenError> {
    let mut workbook = Workbook::create(path)?;
    fill(&mut workbook).map_err(|e| OpenError::Sqlite(path.to_path_buf(), e))?;
    Ok(workbook)
}

fn fill(workbook: &mut Workbook) -> rusqlite::Result<()> {
    let tx = workbook.conn.transaction()?;
    let mut municipalities = Vec::new();
    for line in AREAS.lines().skip(1) {
        let mut f = line.splitn(3, ',');
        let (id, title, kind) = (
            f.next().unwrap_or(""),
            f.next().unwrap_or(""),
            f.next().unwrap_or(""),
        );
        let kind = MunicipalityKind::from_kolada(id, kind);
        tx.execute(
            "INSERT OR REPLACE INTO municipality (id, title, kind) VALUES (?1, ?2, ?3)",
            params![id, title, kind.code()],
        )?;
        if kind == MunicipalityKind::Municipality {
            municipalities.push(id.to_string());
        }
    }
    let mut reader = csv::Reader::from_reader(INDICATORS.as_bytes());
    let mut insert = tx.prepare(
        "INSERT INTO value (indicator_id, municipality_id, period, gender, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (n, record) in reader.records().enumerate() {
        let r = record.expect("bundled demo indicators are valid CSV");
        let num = |i: usize| r[i].parse::<f64>().expect("bundled demo numbers are valid");
        let (id, title, unit, direction, by_gender) = (&r[0], &r[1], &r[2], &r[3], &r[4] == "1");
        let (base, spread, trend, gap) = (num(5), num(6), num(7), num(8));
        let (decimals, min, max) = (num(9) as i32, num(10), num(11));
        tx.execute(
            "INSERT INTO indicator (id, title, description, unit, direction, divided_by_gender, source, operating_area, perspective)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Demodata (påhittade värden)', 'Demo', 'Kvalitet och resultat')",
            params![id, title, &r[12], unit, direction, by_gender],
        )?;
        let mut noise = Noise(0x5354_5952 + n as u64 * 7919);
        let mut riket: Vec<Vec<f64>> = vec![Vec::new(); YEARS.count()];
        for m in &municipalities {
            let level = base + spread * noise.normal();
            let own_trend = trend * (1.0 + 0.8 * noise.normal());
            for (y, year) in YEARS.enumerate() {
                let value =
                    (level + own_trend * y as f64 + spread * 0.25 * noise.normal()).clamp(min, max);
                riket[y].push(value);
                insert.execute(params![
                    id,
                    m,
                    year,
                    Gender::Total.code(),
                    round(value, decimals)
                ])?;
                if by_gender {
                    let women = (value + gap / 2.0 + spread * 0.1 * noise.normal()).clamp(min, max);
                    let men = (2.0 * value - women).clamp(min, max);
                    insert.execute(params![
                        id,
                        m,
                        year,
                        Gender::Women.code(),
                        round(women, decimals)
                    ])?;
                    insert.execute(params![
                        id,
                        m,
                        year,
                        Gender::Men.code(),
                        round(men, decimals)
                    ])?;
                }
            }
        }
        for (y, year) in YEARS.enumerate() {
            let mean = riket[y].iter().sum::<f64>() / riket[y].len() as f64;
            insert.execute(params![
                id,
                "0000",
                year,
                Gender::Total.code(),
                round(mean, decimals)
            ])?;
        }
    }
    drop(insert);
    tx.execute(
        "INSERT INTO municipality_group (id, title) VALUES (?1, 'Demo: liknande kommuner')",
        [GROUP_ID],
    )?;
    for peer in PEERS.iter().chain([&HOME]) {
        tx.execute(
            "INSERT INTO municipality_group_member (group_id, municipality_id) VALUES (?1, ?2)",
            [GROUP_ID, peer],
        )?;
    }
    demo_goals(&tx)
        .and_then(|()| demo_analysis(&tx))
        .and_then(|()| demo_action_chain(&tx))
        .and_then(|()| demo_swot(&tx))
        .and_then(|next_note| demo_top_news(&tx, next_note))
        .and_then(|()| demo_planning(&tx))
        .and_then(|()| demo_exercises(&tx))
        .map_err(|e| match e {
            super::StoreError::Sqlite(e) => e,
            other => rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(
                other.to_string(),
            ))),
        })?;
    let comparison = serde_json::to_string(&Comparison::Group(GROUP_ID.to_string()))
        .expect("comparison serialises");
    for (setting, value) in [
        (Setting::Demo, "1".to_string()),
        (Setting::HomeMunicipality, HOME.to_string()),
        (Setting::Comparison, comparison),
    ] {
        super::setting::write(&tx, &setting, &value)?;
    }
    super::summary::recount_all(&tx)?;
    tx.commit()
}

fn target(indicator: &str, target: TargetLevel, genders: &[Gender]) -> GoalIndicator {
    GoalIndicator {
        indicator: indicator.to_string(),
        target: Some(target),
        genders: genders.to_vec(),
        direction: None,
    }
}

fn demo_goal(
    id: i64,
    parent: Option<i64>,
    position: i64,
    title: &str,
    indicators: Vec<GoalIndicator>,
) -> Goal {
    Goal {
        id,
        parent,
        position,
        title: title.to_string(),
        description: String::new(),
        indicators,
    }
}

/// A few example goals with target levels, so the cockpit shows something on first start.
fn demo_goals(tx: &rusqlite::Transaction<'_>) -> Result<(), super::StoreError> {
    let value = |value: f64| TargetLevel::Value {
        value,
        year: *YEARS.end(),
    };
    let t = [Gender::Total];
    let goals = vec![
        demo_goal(
            1,
            None,
            1,
            "Barn och unga får en skola som rustar dem för livet",
            vec![],
        ),
        demo_goal(
            2,
            Some(1),
            1,
            "Fler elever går ut grundskolan behöriga till gymnasiet",
            vec![
                target("N15428", value(86.0), &t),
                target("N15505", value(88.0), &t),
            ],
        ),
        demo_goal(
            3,
            None,
            2,
            "Äldre får trygg omsorg och hjälp i tid",
            vec![
                target("U23401", value(45.0), &t),
                target("U23471", value(90.0), &[Gender::Women, Gender::Men]),
                target("U21468", TargetLevel::Change(ChangeTarget::Increase), &t),
            ],
        ),
        demo_goal(
            4,
            None,
            3,
            "Det är lätt att komma i kontakt med kommunen",
            vec![
                target("U07414", value(85.0), &t),
                target("U07451", TargetLevel::Change(ChangeTarget::Increase), &t),
            ],
        ),
    ];
    super::goal::insert_subtree(
        tx,
        &super::goal::GoalSubtree {
            goals,
            checklist: Vec::new(),
        },
    )
}

/// An analysis already begun on a demo deviation (how satisfied residents of special housing
/// are), so the Sök orsaker step shows the method at work on first start.
fn demo_analysis(tx: &rusqlite::Transaction<'_>) -> Result<(), super::StoreError> {
    use super::shape::Record;
    use crate::model::analysis::{
        Analysis, DataView, Evidence, Hypothesis, HypothesisState, KnowledgeSource, Proposal,
        item_key,
    };
    Analysis {
        id: 1,
        indicator: "U21468".into(),
        municipality: HOME.into(),
        period: *YEARS.end(),
        gender: Gender::Total,
        conclusion: String::new(),
    }
    .save(tx)?;
    for (item, relevance, note) in [
        (
            item_key("measurement", "counting"),
            "not_relevant",
            "Kontrollerat mot verksamhetssystemet.",
        ),
        (
            item_key("environment", "population"),
            "relevant",
            "Fler över 85 år sedan 2020.",
        ),
        (item_key("activities", "way"), "relevant", ""),
    ] {
        tx.execute(
            "INSERT INTO analysis_answer (analysis_id, item, relevance, note) VALUES (1, ?1, ?2, ?3)",
            rusqlite::params![item, relevance, note],
        )?;
    }
    Hypothesis {
        id: 1,
        analysis_id: 1,
        heading: "activities".into(),
        statement: "Personalen hinner inte samtala med de boende, eftersom schemat styrs av de praktiska uppgifterna.".into(),
        origin: "Dialog med äldreomsorgens enhetschefer".into(),
        state: HypothesisState::Investigating,
        ..Hypothesis::default()
    }
    .save(tx)?;
    Hypothesis {
        id: 2,
        analysis_id: 1,
        heading: "users".into(),
        statement: "De boende är sjukare när de flyttar in och orkar mindre av det sociala livet."
            .into(),
        origin: "Brukarundersökningens fritextsvar".into(),
        ..Hypothesis::default()
    }
    .save(tx)?;
    Evidence {
        id: 1,
        analysis_id: 1,
        text: "Väntetiden till särskilt boende har ökat: de som flyttar in är sjukare.".into(),
        view: Some(DataView {
            indicator: "U23401".into(),
            ..DataView::default()
        }),
        ratings: vec![(1, 0), (2, 1)],
    }
    .save(tx)?;
    Proposal {
        id: 1,
        analysis_id: 1,
        text: "Schemalägg en stund för samtal med varje boende varje dag.".into(),
        causes: vec![1],
        sources: vec![KnowledgeSource::Staff, KnowledgeSource::GoodExamples],
        reference: "Besök i en jämförelsekommun".into(),
    }
    .save(tx)?;
    Ok(())
}

/// One whole chain through Åtgärder, in our own words: a telephone deviation, its cause, a
/// proposal with consequences, its place on the matrix, the decision, and a plan of three
/// activities of which one is overdue.
fn demo_action_chain(tx: &rusqlite::Transaction<'_>) -> Result<(), super::StoreError> {
    use super::shape::Record;
    use crate::model::action::{
        Activity, ActivityStatus, Body, Consequence, Decision, Outcome, Plan, Purpose,
        ResourceKind, ResourceLine,
    };
    use crate::model::analysis::{
        Analysis, Hypothesis, HypothesisState, Influence, KnowledgeSource, Proposal, item_key,
    };
    let year = *YEARS.end();
    Analysis {
        id: 2,
        indicator: "U07451".into(),
        municipality: HOME.into(),
        period: year,
        gender: Gender::Total,
        conclusion: "Samtalen når fram men bemötandet brister när köerna är långa.".into(),
    }
    .save(tx)?;
    for (item, relevance) in [
        (item_key("activities", "way"), "relevant"),
        (item_key("activities", "resources"), "relevant"),
    ] {
        tx.execute(
            "INSERT INTO analysis_answer (analysis_id, item, relevance, note) VALUES (2, ?1, ?2, '')",
            rusqlite::params![item, relevance],
        )?;
    }
    Hypothesis {
        id: 3,
        analysis_id: 2,
        heading: "activities".into(),
        statement: "Växeln saknar stöd för vanliga frågor, så samtal kopplas runt.".into(),
        origin: "Intervjuer med växeln".into(),
        state: HypothesisState::Confirmed,
        reason: "Samtalsloggar visar att fyra av tio samtal kopplas vidare.".into(),
        decided_on: Some(format!("{year}-03-15")),
        influence: Some(Influence::Large),
        position: 0,
    }
    .save(tx)?;
    Proposal {
        id: 2,
        analysis_id: 2,
        text: "Inrätta en kundtjänst med svar på vanliga frågor.".into(),
        causes: vec![3],
        sources: vec![KnowledgeSource::GoodExamples, KnowledgeSource::Staff],
        reference: "Jämförelsekommunernas kundtjänster".into(),
    }
    .save(tx)?;
    let line = |kind, amount, yearly| ResourceLine {
        kind,
        amount,
        yearly,
        note: String::new(),
    };
    Consequence {
        id: 1,
        proposal_id: 2,
        resources: vec![
            line(ResourceKind::Money, 750_000.0, false),
            line(ResourceKind::Staff, 0.5, true),
        ],
        service: "Växeln och kundtjänsten slås ihop; fler frågor besvaras direkt.".into(),
        reorganisation: true,
        citizens: "Fler får svar i första samtalet.".into(),
        goals: Vec::new(),
    }
    .save(tx)?;
    tx.execute(
        "INSERT INTO proposal_place (proposal_id, effort, effect, position) VALUES (2, 4, 5, 0)",
        [],
    )?;
    Decision {
        id: 1,
        body: Body::Executive,
        body_name: String::new(),
        meeting: format!("{year}-05-20"),
        reference: "KS § 112".into(),
        outcomes: vec![(2, Outcome::Adopted)],
        assignment: "Kommunledningsförvaltningen inrättar en kundtjänst.".into(),
        inform_services: "På chefsforum och intranätet.".into(),
        inform_others: "Analysgruppen och medarbetarna i växeln återkopplas.".into(),
        implementation_follow_up: "Rapport varje kvartal till kommunstyrelsen.".into(),
        effect_follow_up: format!("{}-03-31", year + 1),
        needs_resources: true,
        changes_goals: false,
    }
    .save(tx)?;
    Plan {
        id: 1,
        decision_id: 1,
        area: "Tillgänglighet per telefon".into(),
        current_state: "För få får ett gott bemötande när de ringer.".into(),
        indicator: Some("U07451".into()),
        target: "Fler än tidigare året får ett gott bemötande.".into(),
        owner: "Medborgarkontoret".into(),
        follow_up: "Rapport".into(),
        when: "Varje kvartal".into(),
        to_whom: "Kommunstyrelsen".into(),
        goal_id: Some(4),
    }
    .save(tx)?;
    let activity = |id, text: &str, owner: &str, due: String, status| Activity {
        id,
        plan_id: 1,
        parent: None,
        text: text.into(),
        purpose: Purpose::ImproveResults,
        resources: Vec::new(),
        owner: owner.into(),
        follow_up: "Rapport på intranätet".into(),
        schedule: "Varje månad".into(),
        due: Some(due),
        status,
        why: "Orsaken: samtal kopplas runt i växeln.".into(),
    };
    activity(
        1,
        "Kartlägg de vanligaste frågorna i växeln",
        "Stöd och resurs",
        format!("{year}-06-30"),
        ActivityStatus::Done,
    )
    .save(tx)?;
    activity(
        2,
        "Inrätta kundtjänsten",
        "Ledningsgruppen",
        format!("{year}-09-30"),
        ActivityStatus::Ongoing,
    )
    .save(tx)?;
    // Due half a year after the demo is made, so it is never overdue in a fresh demo.
    activity(
        3,
        "Utbilda medarbetarna i bemötande",
        "HR-avdelningen",
        crate::model::value::days_from_today(180),
        ActivityStatus::NotStarted,
    )
    .save(tx)?;
    Ok(())
}

/// A field's headings in the demo SWOT: (title, dots, the notes behind it).
type DemoHeadings = &'static [(&'static str, u32, &'static [&'static str])];

/// A finished SWOT on the group's steering: four fields, headings with the room's dots, the
/// notes behind them, the analysis answered. Returns the next free note id.
fn demo_swot(tx: &rusqlite::Transaction<'_>) -> Result<i64, super::StoreError> {
    use super::shape::Record;
    use crate::model::board::{BoardKind, Field, Group, Heading, MakeUp, Note, Workshop};
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
fn demo_top_news(
    tx: &rusqlite::Transaction<'_>,
    mut note_id: i64,
) -> Result<(), super::StoreError> {
    use super::shape::Record;
    use crate::model::board::{BoardKind, Field, Group, Note, Sheet, Workshop};
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

/// Planering and the analysis group in the demo: some answers in every checklist for this year
/// and the year before (so changes show), the assignment, resources per goal, the group's
/// charter and work plan for this year, and two knowledge cards.
fn demo_planning(tx: &rusqlite::Transaction<'_>) -> Result<(), super::StoreError> {
    use super::shape::Record;
    use crate::model::planning::{Allocation, Assignment, AssignmentTopic, KnowledgeCard};
    let year: i32 = crate::model::value::today()[..4].parse().unwrap_or(2026);
    super::setting::write(tx, &Setting::CycleYear, &year.to_string())?;
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
        id: super::planning::SINGLE,
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
fn demo_checklists(tx: &rusqlite::Transaction<'_>, year: i32) -> Result<(), super::StoreError> {
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
fn demo_group(tx: &rusqlite::Transaction<'_>, year: i32) -> Result<(), super::StoreError> {
    use super::shape::Record;
    use crate::model::planning::{Charter, CycleEvent, Member, WorkEvent};
    Charter {
        id: super::planning::SINGLE,
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

/// Three exercises held in the demo: Påverkansgrad on the goal indicators (each participant,
/// then the group), Hur tydlig on the goals, and a focus group on home care.
fn demo_exercises(tx: &rusqlite::Transaction<'_>) -> Result<(), super::StoreError> {
    use super::exercise::Exercise;
    use super::shape::Record;
    use crate::model::exercise::Respondent;
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
