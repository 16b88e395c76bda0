//! An example of every edit, and the check that an edit round-trips: apply, undo and redo each
//! leave the workbook's own tables exactly as they should. The same examples pin the undo
//! log's JSON (`tests/undo_log_format.rs`) and are applied to the demo workbook
//! (`tests/edit_round_trip.rs`), so a new edit is added here once and is checked both ways.

use std::path::Path;
use styrsnurra::model::id::{HypothesisId, ProposalId};

use styrsnurra::model::action::{
    Activity, ActivityStatus, Body, Consequence, Decision, Outcome, Placement, Plan, ResourceKind,
    ResourceLine,
};
use styrsnurra::model::analysis::{
    Answer, Evidence, ExampleSource, GoodExample, Hypothesis, KnowledgeSource, OwnQuestion,
    Proposal, Relevance,
};
use styrsnurra::model::board::{BoardKind, Field, Group, Heading, MakeUp, Note, Sheet, Workshop};
use styrsnurra::model::checklist::Answer as ItemState;
use styrsnurra::model::exercise::Respondent;
use styrsnurra::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use styrsnurra::model::planning::{
    Allocation, Assignment, AssignmentTopic, Attachment, Charter, CycleEvent, KnowledgeCard,
    Member, WorkEvent,
};
use styrsnurra::model::{Comparison, Direction, Gender};
use styrsnurra::store::action::ActionEdit;
use styrsnurra::store::analysis::AnalysisEdit;
use styrsnurra::store::board::{BoardEdit, Picture, WorkshopSnapshot};
use styrsnurra::store::checklist::{ChecklistEdit, ItemAnswer};
use styrsnurra::store::comment::CommentEdit;
use styrsnurra::store::exercise::{Cell, Exercise, ExerciseEdit, ExerciseSnapshot};
use styrsnurra::store::goal::{ChecklistEntry, GoalEdit, GoalSubtree};
use styrsnurra::store::indicator::IndicatorEdit;
use styrsnurra::store::planning::PlanningEdit;
use styrsnurra::store::setting::SettingEdit;
use styrsnurra::store::shape::Change;
use styrsnurra::store::{Edit, Workbook};

/// The edit's name as written in the log. The matches are exhaustive, so a new edit does not
/// compile until it is named here (and then needs an example below).
pub fn variant(edit: &Edit) -> &'static str {
    match edit {
        Edit::Batch(_) => "Batch",
        Edit::Action(e) => match e {
            ActionEdit::Consequence(_) => "Consequence",
            ActionEdit::Place { .. } => "Place",
            ActionEdit::Decision(_) => "Decision",
            ActionEdit::Plan(_) => "Plan",
            ActionEdit::Activity(_) => "Activity",
            ActionEdit::NewPlan { .. } => "NewPlan",
        },
        Edit::Board(e) => match e {
            BoardEdit::Workshop(_) => "Workshop",
            BoardEdit::Note(_) => "Note",
            BoardEdit::Heading(_) => "Heading",
            BoardEdit::Sheet(_) => "Sheet",
            BoardEdit::Picture(_) => "Picture",
            BoardEdit::Group { .. } => "Group",
            BoardEdit::Restore(_) => "Restore",
        },
        Edit::Analysis(e) => match e {
            AnalysisEdit::Analysis(_) => "Analysis",
            AnalysisEdit::Answer { .. } => "Answer",
            AnalysisEdit::Conclusion { .. } => "Conclusion",
            AnalysisEdit::Question(_) => "Question",
            AnalysisEdit::Hypothesis(_) => "Hypothesis",
            AnalysisEdit::Evidence(_) => "Evidence",
            AnalysisEdit::Proposal(_) => "Proposal",
            AnalysisEdit::Example(_) => "Example",
        },
        Edit::Setting(SettingEdit::SetSetting { .. }) => "SetSetting",
        Edit::Indicator(e) => match e {
            IndicatorEdit::SetIndicatorDirection { .. } => "SetIndicatorDirection",
            IndicatorEdit::SetIndicatorDirections(_) => "SetIndicatorDirections",
        },
        Edit::Goal(e) => match e {
            GoalEdit::InsertGoals(_) => "InsertGoals",
            GoalEdit::DeleteGoal { .. } => "DeleteGoal",
            GoalEdit::SetGoalText { .. } => "SetGoalText",
            GoalEdit::SwapGoals { .. } => "SwapGoals",
            GoalEdit::SetGoalIndicator { .. } => "SetGoalIndicator",
            GoalEdit::SetChecklist { .. } => "SetChecklist",
        },
        Edit::Comment(CommentEdit::SetComment { .. }) => "SetComment",
        Edit::Checklist(e) => match e {
            ChecklistEdit::Answer { .. } => "ChecklistAnswer",
            ChecklistEdit::Year { .. } => "ChecklistYear",
        },
        Edit::Exercise(e) => match e {
            ExerciseEdit::Exercise(_) => "Exercise",
            ExerciseEdit::Answer { .. } => "ExerciseAnswer",
            ExerciseEdit::Restore(_) => "ExerciseRestore",
        },
        Edit::Planning(e) => match e {
            PlanningEdit::Assignment(_) => "Assignment",
            PlanningEdit::Allocation(_) => "Allocation",
            PlanningEdit::Charter(_) => "Charter",
            PlanningEdit::WorkEvent(_) => "WorkEvent",
            PlanningEdit::Knowledge { .. } => "Knowledge",
        },
    }
}

/// How many kinds of edit there are (the names in [`variant`]).
pub const VARIANTS: usize = 42;

/// The first features' edits: settings, indicators, goals, comments, a batch.
fn first_examples() -> Vec<Edit> {
    let indicator = GoalIndicator {
        indicator: "N15428".into(),
        target: Some(TargetLevel::Value {
            value: 86.0,
            year: 2024,
        }),
        genders: vec![Gender::Total, Gender::Women],
        direction: Some(Direction::HigherIsBetter),
    };
    let comment = CommentEdit::SetComment {
        indicator: "N15428".into(),
        municipality: "0180".into(),
        period: 2022,
        text: Some("Lägre än väntat".into()),
    };
    vec![
        Edit::set_home_municipality("0180"),
        Edit::set_comparison(Some(&Comparison::Picked(vec![
            "1480".into(),
            "1280".into(),
        ]))),
        IndicatorEdit::SetIndicatorDirection {
            indicator: "U23401".into(),
            direction: Some(Direction::Neutral),
        }
        .into(),
        IndicatorEdit::SetIndicatorDirections(vec![
            ("N00914".into(), Some(Direction::Neutral)),
            ("N15505".into(), None),
        ])
        .into(),
        GoalEdit::InsertGoals(GoalSubtree {
            goals: vec![Goal {
                id: 1,
                parent: None,
                position: 0,
                title: "Fler elever behöriga".into(),
                description: "Vårt mål".into(),
                indicators: vec![indicator.clone()],
            }],
            checklist: vec![ChecklistEntry {
                goal_id: 1,
                item: "matbart".into(),
                checked: true,
                note: "ja".into(),
            }],
        })
        .into(),
        GoalEdit::DeleteGoal { id: 1 }.into(),
        GoalEdit::SetGoalText {
            id: 1,
            title: "Ny titel".into(),
            description: String::new(),
        }
        .into(),
        GoalEdit::SwapGoals { a: 1, b: 3 }.into(),
        GoalEdit::SetGoalIndicator {
            goal_id: 1,
            indicator: "U07414".into(),
            value: Some((
                2,
                GoalIndicator {
                    indicator: "U07414".into(),
                    target: Some(TargetLevel::Change(ChangeTarget::Increase)),
                    genders: vec![Gender::Total],
                    direction: None,
                },
            )),
        }
        .into(),
        GoalEdit::SetChecklist {
            goal_id: 1,
            item: "kopplat".into(),
            value: Some((false, "se protokoll".into())),
        }
        .into(),
        comment.clone().into(),
        Edit::Batch(vec![Edit::set_target_tolerance(0.1), comment.into()]),
    ]
}

/// Sök orsaker's edits.
fn analysis_examples() -> Vec<Edit> {
    vec![
        AnalysisEdit::open("N15428", "0680", 2024, Gender::Total).into(),
        AnalysisEdit::Answer {
            analysis_id: 1,
            item: "activities.resources".into(),
            value: Some(Answer {
                relevance: Some(Relevance::NotRelevant),
                note: "Budgeten räcker".into(),
            }),
        }
        .into(),
        AnalysisEdit::Conclusion {
            analysis_id: 1,
            text: "Samordningen brister.".into(),
        }
        .into(),
        AnalysisEdit::Question(Change::Put(OwnQuestion {
            id: 0,
            analysis_id: 1,
            heading: "users".into(),
            text: "Söker fler med demens?".into(),
        }))
        .into(),
        AnalysisEdit::Hypothesis(Change::Put(Hypothesis {
            id: HypothesisId(0),
            analysis_id: 1,
            heading: "culture".into(),
            statement: "Rutinen är inte känd".into(),
            origin: "Intervju".into(),
            ..Hypothesis::default()
        }))
        .into(),
        AnalysisEdit::Evidence(Change::Put(Evidence {
            id: 0,
            analysis_id: 1,
            text: "Enkät till enhetschefer".into(),
            view: None,
            ratings: vec![(HypothesisId(2), -1)],
        }))
        .into(),
        AnalysisEdit::Proposal(Change::Put(Proposal {
            id: ProposalId(0),
            analysis_id: 1,
            text: "Utbilda i rutinen".into(),
            causes: vec![HypothesisId(1)],
            sources: vec![KnowledgeSource::Research],
            reference: String::new(),
        }))
        .into(),
        AnalysisEdit::Example(Change::Put(GoodExample {
            id: 0,
            analysis_id: 1,
            who: "1283".into(),
            what: "Samordnare för platser".into(),
            source: ExampleSource::Call,
            contact: "enhetschef".into(),
            date: "2026-11-20".into(),
            adaptation: "Halvtid räcker hos oss".into(),
            hypotheses: vec![HypothesisId(1)],
            proposals: vec![ProposalId(1)],
        }))
        .into(),
    ]
}

/// Åtgärder's edits.
fn action_examples() -> Vec<Edit> {
    vec![
        ActionEdit::Consequence(Change::Put(Consequence {
            id: 0,
            proposal_id: ProposalId(1),
            resources: vec![ResourceLine {
                kind: ResourceKind::Staff,
                amount: 0.2,
                yearly: true,
                note: "samordnare".into(),
            }],
            service: "Schemat ändras".into(),
            reorganisation: false,
            citizens: "Mer tid för samtal".into(),
            goals: vec![3],
        }))
        .into(),
        ActionEdit::Place {
            proposal_id: ProposalId(1),
            value: Some(Placement {
                effort: 2,
                effect: 4,
                position: 0,
            }),
        }
        .into(),
        ActionEdit::Decision(Change::Put(Decision {
            id: 0,
            body: Body::Committee,
            body_name: "Socialnämnden".into(),
            meeting: "2026-12-10".into(),
            reference: "SN § 7".into(),
            outcomes: vec![(ProposalId(1), Outcome::Amended)],
            ..Decision::default()
        }))
        .into(),
        ActionEdit::Plan(Change::Put(Plan {
            id: 0,
            decision_id: 1,
            area: "Särskilt boende".into(),
            owner: "Äldreomsorgen".into(),
            ..Plan::default()
        }))
        .into(),
        ActionEdit::Activity(Change::Put(Activity {
            id: 0,
            plan_id: 1,
            text: "Nytt schema".into(),
            due: Some("2027-01-31".into()),
            status: ActivityStatus::Ongoing,
            ..Activity::default()
        }))
        .into(),
        ActionEdit::NewPlan {
            plan: Plan {
                id: 0,
                decision_id: 1,
                area: "Kundtjänst".into(),
                ..Plan::default()
            },
            activities: vec![
                Activity {
                    text: "Rekrytera".into(),
                    ..Activity::default()
                },
                Activity {
                    text: "Utbilda".into(),
                    ..Activity::default()
                },
            ],
        }
        .into(),
    ]
}

/// An example of every edit, each of which changes the demo workbook.
pub fn examples() -> Vec<Edit> {
    [
        first_examples(),
        analysis_examples(),
        action_examples(),
        board_examples(),
        planning_examples(),
        exercise_examples(),
    ]
    .concat()
}

/// Exercise edits on the demo's sessions (1 Påverkansgrad, 3 the focus group).
fn exercise_examples() -> Vec<Edit> {
    let cell = |respondent: &str, row: &str, question: &str, value: Option<&str>| Cell {
        respondent: respondent.into(),
        row: row.into(),
        question: question.into(),
        value: value.map(Into::into),
    };
    vec![
        ExerciseEdit::Exercise(Change::Put(Exercise {
            id: 0,
            kind: "roda-traden".into(),
            name: "Enkät till chefer".into(),
            date: "2030-03-01".into(),
            participants: vec![Respondent {
                key: "p1".into(),
                name: "Pappersenkäter".into(),
                group: 0,
                tally: true,
                count: 12,
            }],
            rows: Vec::new(),
        }))
        .into(),
        ExerciseEdit::Answer {
            exercise: 1,
            cells: vec![
                cell("", "U21468", "influence", Some("0")),
                cell("p1", "U21468", "influence", None),
            ],
        }
        .into(),
        ExerciseEdit::Exercise(Change::Remove(3)).into(),
        ExerciseEdit::Restore(ExerciseSnapshot {
            exercise: Exercise {
                id: 9,
                kind: "kkik".into(),
                name: "KKiK".into(),
                date: "2030-01-01".into(),
                ..Exercise::default()
            },
            answers: vec![cell("", "7", "use", Some("1"))],
        })
        .into(),
    ]
}

/// Checklist answers and Planering on the demo workbook (its assignment, charter and work plan).
fn planning_examples() -> Vec<Edit> {
    let answer = |done, note: &str| ItemState {
        done,
        note: note.into(),
        by: "Eva".into(),
        on: if done {
            "2030-02-01".into()
        } else {
            String::new()
        },
    };
    vec![
        ChecklistEdit::Answer {
            year: 2030,
            checklist: "resursfordelning".into(),
            item: "volumes".into(),
            answer: Some(answer(true, "Volymer räknas om varje tertial")),
        }
        .into(),
        ChecklistEdit::Year {
            year: 2031,
            answers: vec![ItemAnswer {
                checklist: "beslut".into(),
                item: "body".into(),
                answer: answer(false, "Oklart om KS eller nämnd"),
            }],
        }
        .into(),
        PlanningEdit::Assignment(Change::Put(Assignment {
            id: 1,
            topics: vec![AssignmentTopic {
                topic: "legislation".into(),
                text: "Socialtjänstlagen och skollagen".into(),
                links: vec!["https://example.org/lag".into()],
                files: vec![Attachment {
                    name: "lagar.pdf".into(),
                    blob: 1,
                    bytes: 2048,
                }],
                sessions: vec![1],
            }],
        }))
        .into(),
        PlanningEdit::Allocation(Change::Put(Allocation {
            id: 0,
            year: 2030,
            goal: Some(4),
            board: "Kommunstyrelsen".into(),
            kr: Some(250_000.0),
            fte: Some(0.5),
            connection: "Kundtjänst".into(),
            from_decision: Some(1),
        }))
        .into(),
        PlanningEdit::Charter(Change::Put(Charter {
            id: 1,
            leader: "Eva".into(),
            members: vec![Member {
                name: "Ali".into(),
                service: "Skola".into(),
                role: "Mått".into(),
            }],
            mandate: "Analysera avvikelser".into(),
            mandate_from: "Kommundirektören".into(),
        }))
        .into(),
        PlanningEdit::WorkEvent(Change::Put(WorkEvent {
            id: 0,
            event: CycleEvent::FourMonthly,
            date: "2030-05-15".into(),
            what: "Väntetider".into(),
            how: "Trend".into(),
        }))
        .into(),
        PlanningEdit::WorkEvent(Change::Remove(1)).into(),
        PlanningEdit::Knowledge {
            indicator: "U21468".into(),
            card: Some(KnowledgeCard {
                answers: vec![("why".into(), "Brukarnas egen röst".into())],
            }),
        }
        .into(),
    ]
}

/// Workshop edits on the demo's SWOT (session 1) and Toppnyhet (session 2).
fn board_examples() -> Vec<Edit> {
    let heading = |id, title: &str, dots| Heading {
        id,
        workshop_id: 1,
        field: Field::Opportunity,
        title: title.into(),
        dots,
    };
    vec![
        BoardEdit::Workshop(Change::Put(Workshop {
            id: 0,
            kind: BoardKind::Swot,
            question: "Hur blir vi bättre?".into(),
            date: "2026-11-25".into(),
            participants: 7,
            groups: vec![Group {
                name: "Alla".into(),
                size: 7,
                make_up: MakeUp::SameRole,
                roles: "Chefer".into(),
            }],
            budgets: vec![(Field::Threat, 2)],
            voters: vec![(Field::Threat, 6)],
            ..Workshop::default()
        }))
        .into(),
        BoardEdit::Workshop(Change::Remove(2)).into(),
        BoardEdit::Note(Change::Put(Note {
            id: 0,
            workshop_id: 1,
            field: Field::Opportunity,
            text: "Ny lapp".into(),
            ..Note::default()
        }))
        .into(),
        BoardEdit::Heading(Change::Put(heading(1, "Jämförelser", 7))).into(),
        BoardEdit::Sheet(Change::Put(Sheet {
            id: 0,
            workshop_id: 2,
            group: "Grupp 3".into(),
            top_news: "Alla får hjälp i tid".into(),
            headline: "Rubrik".into(),
            interview: "Svar".into(),
        }))
        .into(),
        BoardEdit::Picture(Change::Put(Picture {
            id: 0,
            sheet_id: 1,
            name: "skiss.png".into(),
            blob: 1,
        }))
        .into(),
        BoardEdit::Group {
            heading: Some(heading(0, "Nätverk", 0)),
            notes: vec![(1, Some(0)), (2, Some(0))],
            remove: None,
        }
        .into(),
        BoardEdit::Restore(WorkshopSnapshot {
            workshop: Workshop {
                id: 9,
                kind: BoardKind::TopNews,
                ..Workshop::default()
            },
            ..WorkshopSnapshot::default()
        })
        .into(),
    ]
}

/// Every row of every table the group's work lives in (all but the undo log), as text.
pub fn user_tables(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name <> 'command_log' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names.sort();
    names
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells: Vec<String> = (0..columns)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect();
                    Ok(cells.join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// Applies `edit` to the workbook at `path`, undoes it and redoes it: the edit must change
/// the user tables, undo must give them back exactly, and redo must give the edited state
/// again. The workbook is left with the edit applied.
pub fn assert_undo_round_trip(wb: &mut Workbook, path: &Path, edit: &Edit) {
    let name = variant(edit);
    let before = user_tables(path);
    wb.apply(edit.clone())
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let after = user_tables(path);
    assert_ne!(
        changed(&before, &after),
        Vec::<&str>::new(),
        "{name} changed nothing"
    );
    let undone = wb.undo().unwrap().expect("something to undo");
    // The same edit, with the ids the store gave new records.
    assert_eq!(variant(&undone), name, "{name}: undo names the edit");
    let undone = user_tables(path);
    assert_eq!(
        changed(&before, &undone),
        Vec::<&str>::new(),
        "{name}: undo left these changed"
    );
    wb.redo().unwrap().expect("something to redo");
    let redone = user_tables(path);
    assert_eq!(
        changed(&after, &redone),
        Vec::<&str>::new(),
        "{name}: redo differs here"
    );
}

/// The tables whose rows differ between two dumps.
fn changed<'a>(a: &'a [(String, Vec<String>)], b: &[(String, Vec<String>)]) -> Vec<&'a str> {
    a.iter()
        .zip(b)
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x.0.as_str())
        .collect()
}
