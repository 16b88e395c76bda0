//! The guide's exercises and communication tools as data: each a form of sections and
//! questions with their answer scales, answered by the group or by each participant (and then
//! agreed), once or per row (a goal, an indicator, a KKiK measure, or rows the group adds such
//! as a focus group's factors). One engine renders and sums them all; the sums, shares,
//! spreads and weighted totals here are plain functions. Texts are our own wording; only keys
//! are stored in the workbook.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::checklist::Step;
use crate::i18n::Tr;
mod scales;
pub use scales::*;
mod annual;
pub use annual::*;
mod compass;
use compass::*;
mod thread;
use thread::*;
mod tools;
use tools::*;
mod catalogue;
pub use catalogue::*;
mod kkik;
pub use kkik::*;
mod sums;
pub use sums::*;

/// How a question is answered. Stored as text: a choice's index, channels' indices joined by
/// commas, shares joined by semicolons, a cross as `1`, points and grades as numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// One of ordered options, the weakest first.
    Choice(&'static [Tr]),
    /// Any of the options; the one at `never` ("never received any") excludes the others.
    Channels {
        options: &'static [Tr],
        never: usize,
    },
    /// Shares in percent of the named parts, which must add up to 100.
    Shares(&'static [Tr]),
    /// A cross in a grid: yes when set.
    Cross,
    /// Points a participant gives (a focus group's weights).
    Points,
    /// A grade from 1 (does not work at all) to 5 (works very well).
    Grade,
    Text,
}

impl Scale {
    /// The options a count is made over: a choice's or the channels'; a cross is one option,
    /// a grade five.
    pub fn options(self) -> Vec<Tr> {
        match self {
            Scale::Choice(o) | Scale::Channels { options: o, .. } => o.to_vec(),
            Scale::Cross => vec![Tr::new("Kryss", "Cross")],
            Scale::Grade => GRADES.to_vec(),
            Scale::Shares(_) | Scale::Points | Scale::Text => Vec::new(),
        }
    }
}

const GRADES: [Tr; 5] = [
    Tr::new("1 Fungerar inte alls", "1 Does not work at all"),
    Tr::new("2", "2"),
    Tr::new("3", "3"),
    Tr::new("4", "4"),
    Tr::new("5 Fungerar mycket bra", "5 Works very well"),
];

/// One question of a form.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub key: &'static str,
    pub text: Tr,
    pub scale: Scale,
    /// Asks for an example beside the answer (the self-assessment's "Exempel").
    pub example: bool,
    /// The same question in the other questionnaire, for comparing the two groups.
    pub pair: Option<&'static str>,
}

/// Who answers a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// The group, once.
    Group,
    /// Every participant alone.
    Each,
    /// Every participant alone, then the group agrees (its answer is the consensus).
    EachThenGroup,
}

/// A part of a form: its questions, whether they are asked once or for every row, who
/// answers, whether it ends with a comment, and (in a survey with two questionnaires) which
/// respondent group it is for.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    pub key: &'static str,
    pub title: Tr,
    pub questions: &'static [Question],
    pub per_row: bool,
    pub by: By,
    pub comment: bool,
    pub audience: Option<usize>,
}

/// What an exercise's rows are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rows {
    None,
    /// The workbook's goals.
    Goals,
    /// The indicators under the workbook's goals.
    Indicators,
    /// The KKiK measures (the built-in list).
    Measures,
    /// Rows the group writes itself (factors, contacts, ideas, target groups), named so.
    Own(Tr),
}

/// Whether an exercise is one of the guide's exercises or a communication tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Exercise,
    Communication,
}

/// An exercise or communication tool: its form and what it is for.
#[derive(Debug, Clone, Copy)]
pub struct ExerciseDef {
    pub key: &'static str,
    pub title: Tr,
    pub purpose: Tr,
    pub family: Family,
    /// The steps of the cycle the guide ties it to.
    pub steps: &'static [Step],
    pub rows: Rows,
    pub sections: &'static [Section],
    /// The respondent groups of a survey with one questionnaire each (empty: one group).
    pub groups: &'static [Tr],
    /// The step on the participation ladder (1–5) a communication tool serves.
    pub ladder: Option<u8>,
    /// Minutes of the facilitator's timer for a round or phase, where the method is timed
    /// (a café's table rounds, a future workshop's strict phases).
    pub timer: Option<u32>,
}

impl Question {
    /// A stored answer in words: a choice's or the channels' labels, shares in percent, a
    /// cross as "X", numbers and text as they are.
    pub fn display(&self, value: &str, lang: crate::i18n::Lang) -> String {
        let label =
            |o: &[Tr], i: usize| o.get(i).map_or(String::new(), |t| t.get(lang).to_string());
        match self.scale {
            Scale::Choice(options) => chosen(value)
                .first()
                .map_or(String::new(), |i| label(options, *i)),
            Scale::Channels { options, .. } => chosen(value)
                .into_iter()
                .map(|i| label(options, i))
                .collect::<Vec<_>>()
                .join(", "),
            Scale::Shares(parts) => {
                let (values, _) = shares(value);
                parts
                    .iter()
                    .zip(values)
                    .map(|(p, v)| format!("{} {} %", p.get(lang), lang.number(v, 0)))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Scale::Cross => {
                if value == "1" {
                    "X".into()
                } else {
                    String::new()
                }
            }
            Scale::Points | Scale::Grade | Scale::Text => value.to_string(),
        }
    }
}

impl ExerciseDef {
    pub fn questions(&self) -> impl Iterator<Item = (&'static Section, &'static Question)> + '_ {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    pub fn question(&self, key: &str) -> Option<(&'static Section, &'static Question)> {
        self.questions().find(|(_, q)| q.key == key)
    }

    /// Whether the form is a grid of crosses, one row per goal (Hur tydlig): summed per row and
    /// per question rather than per option.
    pub fn is_grid(&self) -> bool {
        self.questions().all(|(_, q)| q.scale == Scale::Cross)
            && self.sections.iter().all(|s| s.per_row)
    }

    /// Whether anyone but the group answers.
    pub fn has_participants(&self) -> bool {
        self.sections.iter().any(|s| s.by != By::Group)
    }
}

const fn q(key: &'static str, sv: &'static str, en: &'static str, scale: Scale) -> Question {
    Question {
        key,
        text: Tr::new(sv, en),
        scale,
        example: false,
        pair: None,
    }
}

const fn paired(
    key: &'static str,
    sv: &'static str,
    en: &'static str,
    scale: Scale,
    pair: &'static str,
) -> Question {
    Question {
        key,
        text: Tr::new(sv, en),
        scale,
        example: false,
        pair: Some(pair),
    }
}

const fn rated(key: &'static str, sv: &'static str, en: &'static str) -> Question {
    Question {
        key,
        text: Tr::new(sv, en),
        scale: Scale::Choice(&COMPASS),
        example: true,
        pair: None,
    }
}

const fn section(
    key: &'static str,
    title: Tr,
    questions: &'static [Question],
    by: By,
    comment: bool,
) -> Section {
    Section {
        key,
        title,
        questions,
        per_row: false,
        by,
        comment,
        audience: None,
    }
}

const fn row_section(
    key: &'static str,
    title: Tr,
    questions: &'static [Question],
    by: By,
) -> Section {
    Section {
        key,
        title,
        questions,
        per_row: true,
        by,
        comment: false,
        audience: None,
    }
}

const fn for_group(
    key: &'static str,
    title: Tr,
    questions: &'static [Question],
    audience: usize,
) -> Section {
    Section {
        key,
        title,
        questions,
        per_row: false,
        by: By::Each,
        comment: false,
        audience: Some(audience),
    }
}

// The answer scales, weakest first.

/// What the group's agreed answer on a row means for the steering, where the guide says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follows {
    /// Hardly influenced: followed for information, without a target.
    InformationMeasure,
    /// A KKiK measure that could serve a current goal now (B).
    QuickWin,
    /// A KKiK measure better reported as a key figure (D).
    KeyFigure,
}

/// What follows from the agreed `choice` of exercise `kind`.
pub fn follows(kind: &str, choice: usize) -> Option<Follows> {
    match (kind, choice) {
        ("paverkansgrad", LOW_INFLUENCE) => Some(Follows::InformationMeasure),
        ("kkik", 1) => Some(Follows::QuickWin),
        ("kkik", 3) => Some(Follows::KeyFigure),
        _ => None,
    }
}

/// Whether an indicator the group categorised as `category` should not carry a target: the
/// guide advises against resources and important information as result indicators.
pub fn category_warns(category: usize) -> bool {
    category == CATEGORY_RESOURCES || category == CATEGORY_INFORMATION
}

/// The exercise with this key.
pub fn exercise(key: &str) -> Option<&'static ExerciseDef> {
    EXERCISES.iter().find(|e| e.key == key)
}

/// The answers of an exercise by (respondent, row, question), as stored.
pub type Answers = BTreeMap<(String, String, String), String>;

#[cfg(test)]
mod tests {
    use super::*;

    fn who(key: &str) -> Respondent {
        Respondent {
            key: key.into(),
            name: key.into(),
            ..Respondent::default()
        }
    }

    fn key(r: &str, row: &str, q: &str) -> (String, String, String) {
        (r.into(), row.into(), q.into())
    }

    #[test]
    fn every_exercise_and_tool_of_the_guide_is_there_with_its_questions_in_both_languages() {
        let keys: Vec<&str> = EXERCISES.iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            [
                "arsberattelse",
                "handlingsplan",
                "hur-tydlig",
                "kommunkompassen",
                "paverkansgrad",
                "kategorisering",
                "roda-traden",
                "kkik",
                "kommunikationsplan",
                "fokusgrupp",
                "mystery-shopping",
                "dialogcafe",
                "radslag",
                "framtidsverkstad"
            ]
        );
        let count = |k: &str, f: &dyn Fn(&Question) -> bool| {
            exercise(k)
                .unwrap()
                .questions()
                .filter(|(_, q)| f(q))
                .count()
        };
        assert_eq!(count("arsberattelse", &|_| true), 18);
        assert_eq!(count("hur-tydlig", &|q| q.scale == Scale::Cross), 10);
        assert_eq!(count("kommunkompassen", &|q| q.example), 20);
        assert_eq!(count("kommunkompassen", &|q| q.scale == Scale::Text), 5);
        let thread = exercise("roda-traden").unwrap();
        let by_group = |g| {
            thread
                .sections
                .iter()
                .filter(|s| s.audience == Some(g))
                .map(|s| s.questions.len())
                .sum::<usize>()
        };
        assert_eq!((by_group(0), by_group(1)), (18, 14));
        assert_eq!(KKIK_MEASURES.len(), 60);
        assert_eq!(
            KKIK_MEASURES
                .iter()
                .filter(|m| m.area.sv.contains("kompletterande"))
                .count(),
            19
        );
        for e in EXERCISES {
            assert!(
                !e.title.is_incomplete() && !e.purpose.is_incomplete(),
                "{}",
                e.key
            );
            if e.family == Family::Communication && e.key != "kommunikationsplan" {
                assert!(
                    e.sections.iter().any(|s| s.key == "follow-up"),
                    "{} ends with the three questions",
                    e.key
                );
            }
            for (s, q) in e.questions() {
                assert!(
                    !s.title.is_incomplete() && !q.text.is_incomplete(),
                    "{}.{}",
                    e.key,
                    q.key
                );
                for o in q.scale.options() {
                    assert!(!o.is_incomplete(), "{}.{}", e.key, q.key);
                }
                if let Scale::Shares(parts) | Scale::Choice(parts) = q.scale {
                    assert!(parts.iter().all(|p| !p.is_incomplete()));
                }
                if let Some(p) = q.pair {
                    assert_eq!(
                        e.question(p).unwrap().1.pair,
                        Some(q.key),
                        "pairs point at each other"
                    );
                }
            }
            let mut qkeys: Vec<&str> = e.questions().map(|(_, q)| q.key).collect();
            qkeys.sort_unstable();
            let n = qkeys.len();
            qkeys.dedup();
            assert_eq!(qkeys.len(), n, "{}: question keys are unique", e.key);
        }
        for m in KKIK_MEASURES {
            assert!(!m.text.is_incomplete() && !m.area.is_incomplete());
        }
    }

    #[test]
    fn what_follows_from_an_agreed_answer() {
        assert_eq!(
            follows("paverkansgrad", 0),
            Some(Follows::InformationMeasure)
        );
        assert_eq!(follows("paverkansgrad", 2), None);
        assert_eq!(follows("kkik", 1), Some(Follows::QuickWin));
        assert_eq!(follows("kkik", 3), Some(Follows::KeyFigure));
        assert_eq!(follows("kategorisering", 0), None);
        assert_eq!(CATEGORIES[CATEGORY_RESOURCES].sv, "Resurser");
        assert_eq!(CATEGORIES[CATEGORY_INFORMATION].sv, "Viktig information");
        assert!(category_warns(0) && category_warns(4) && !category_warns(3));
        assert!(exercise("hur-tydlig").unwrap().is_grid());
        assert!(!exercise("paverkansgrad").unwrap().is_grid());
    }

    #[test]
    fn an_answer_reads_in_words() {
        use crate::i18n::Lang;
        let plan = exercise("kommunikationsplan").unwrap();
        let (_, step) = plan.question("step").unwrap();
        assert_eq!(step.display("2", Lang::Sv), "3 Dialog");
        let thread = exercise("roda-traden").unwrap();
        let (_, channels) = thread.question("t1").unwrap();
        assert_eq!(
            channels.display("0,4", Lang::En),
            "The municipality's website, Workplace meetings"
        );
        let (_, shares_q) = exercise("arsberattelse").unwrap().question("13").unwrap();
        assert_eq!(
            shares_q.display("50;40;10", Lang::Sv),
            "Ekonomi 50 %, Verksamhetsuppföljning 40 %, Annat 10 %"
        );
        let (_, text) = plan.question("who").unwrap();
        assert_eq!(text.display("Kommunikatören", Lang::Sv), "Kommunikatören");
    }

    #[test]
    fn counts_keep_every_option_and_add_tallies() {
        let (_, q) = exercise("roda-traden").unwrap().question("t3").unwrap();
        let (a, b, t) = (
            who("a"),
            who("b"),
            Respondent {
                tally: true,
                ..who("paper")
            },
        );
        let answers = [(&a, "0"), (&b, "0"), (&t, "4;3")];
        assert_eq!(counts(q, answers), vec![6, 3]);
        let (_, channels) = exercise("roda-traden").unwrap().question("t1").unwrap();
        assert_eq!(
            counts(channels, [(&a, "0,4"), (&b, "6")]),
            vec![1, 0, 0, 0, 1, 0, 1, 0]
        );
        assert_eq!(percent(&[1, 3, 0]), vec![25.0, 75.0, 0.0]);
        assert_eq!(percent(&[0, 0]), vec![0.0, 0.0]);
    }

    #[test]
    fn never_received_excludes_the_other_channels() {
        assert_eq!(pick_channel("0,4", 6, true, 6), "6");
        assert_eq!(pick_channel("6", 1, true, 6), "1");
        assert_eq!(pick_channel("1,3", 3, false, 6), "1");
        assert_eq!(pick_channel("", 2, true, 6), "2");
    }

    #[test]
    fn shares_must_add_up_to_a_hundred() {
        assert_eq!(shares("40;30;20;10"), (vec![40.0, 30.0, 20.0, 10.0], true));
        assert!(!shares("50;30;10").1);
        assert!(shares("33,3;33,3;33,4").1);
    }

    #[test]
    fn the_clarity_grid_scores_a_goal_out_of_nine_and_questions_one_and_two_exclude_each_other() {
        let def = exercise("hur-tydlig").unwrap();
        let rows = vec!["1".to_string(), "2".to_string()];
        let mut answers = Answers::new();
        for q in ["1", "3", "4", "5", "6", "7", "8", "9", "10"] {
            answers.insert(key(GROUP, "1", q), "1".into());
        }
        answers.insert(key(GROUP, "2", "2"), "1".into());
        let sums = grid(def, &rows, &answers);
        assert_eq!(sums.most, 9);
        assert_eq!(sums.per_row, vec![("1".into(), 9), ("2".into(), 1)]);
        assert_eq!(sums.per_question[0], ("1".into(), 1));
        assert_eq!(sums.share[0], ("1".into(), 50.0));
        assert_eq!(sums.share[2], ("3".into(), 50.0));
        assert_eq!(
            cross(def, "2", true),
            vec![("2".into(), Some("1".into())), ("1".into(), None)]
        );
        assert_eq!(cross(def, "3", true).len(), 1);
        assert_eq!(cross(def, "1", false), vec![("1".into(), None)]);
        // Another grid has no either/or.
        assert_eq!(
            grid(exercise("kategorisering").unwrap(), &rows, &answers).most,
            1
        );
    }

    #[test]
    fn the_annual_report_profile_is_per_section_without_a_total() {
        let def = exercise("arsberattelse").unwrap();
        let people = [who("a"), who("b")];
        let mut answers = Answers::new();
        // A: the group says "Ja, alla" (3 of 3) on question 1; question 2 by the two, 1 and 2.
        answers.insert(key(GROUP, "", "1"), "3".into());
        answers.insert(key("a", "", "2"), "1".into());
        answers.insert(key("b", "", "2"), "2".into());
        // E: question 17 has two options; "Ja" is the strongest.
        answers.insert(key(GROUP, "", "17"), "1".into());
        let p = profile(def, &people, &answers);
        let keys: Vec<&str> = p.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(p[0].1, Some((100.0 + 50.0) / 2.0));
        assert_eq!(p[1].1, None);
        assert_eq!(p[4].1, Some(100.0));
    }

    #[test]
    fn the_elected_members_first_channel_list_lacks_the_website_as_in_the_guide() {
        let def = exercise("roda-traden").unwrap();
        let options = |k: &str| def.question(k).unwrap().1.scale.options().len();
        assert_eq!((options("t1"), options("f1"), options("f2")), (8, 7, 8));
    }

    #[test]
    fn the_spread_is_measured_against_the_groups_answer() {
        let people = [who("a"), who("b"), who("c")];
        let mut answers = Answers::new();
        answers.insert(key("a", "", "1a"), "0".into());
        answers.insert(key("b", "", "1a"), "3".into());
        answers.insert(key("c", "", "1a"), "2".into());
        answers.insert(key(GROUP, "", "1a"), "2".into());
        let s = spread(&answers, &people, "", "1a");
        assert_eq!(s.answers, vec![0, 3, 2]);
        assert_eq!((s.consensus, s.range, s.agree), (Some(2), 3, 1));
        let none = spread(&answers, &people, "", "1b");
        assert_eq!((none.consensus, none.range), (None, 0));
    }

    #[test]
    fn focus_group_weights_are_totalled_and_grades_averaged_heaviest_first() {
        let people = [who("a"), who("b")];
        let rows = vec!["f1".to_string(), "f2".to_string()];
        let mut answers = Answers::new();
        for (p, r, w, g) in [
            ("a", "f1", "3", "2"),
            ("b", "f1", "4", "3"),
            ("a", "f2", "7", "5"),
            ("b", "f2", "6", ""),
        ] {
            answers.insert(key(p, r, "weight"), w.into());
            answers.insert(key(p, r, "grade"), g.into());
        }
        let sums = factors(&rows, &people, &answers);
        assert_eq!(sums[0].row, "f2");
        assert_eq!(
            (sums[0].weight, sums[0].grade, sums[0].graded),
            (13.0, Some(5.0), 1)
        );
        assert_eq!((sums[1].weight, sums[1].grade), (7.0, Some(2.5)));
        assert!(
            sums[1].priority(20.0) > sums[0].priority(20.0),
            "important and weak comes first"
        );
        assert_eq!(points_given(&rows, "a", &answers), 10.0);
    }
}
