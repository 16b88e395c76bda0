//! The method's fourteen checklists as data (our own wording of the guide's questions), the
//! answers a group gives them each year, and the rule that starts a new year from last year's
//! answers. Only the keys are stored in the workbook.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Tr;
mod planning_and_analysis;
use planning_and_analysis::*;
mod decisions;
use decisions::*;

/// The step of the cycle a checklist belongs to; the window shows it where that step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Before the cycle: the municipality's culture and structure.
    Culture,
    Assignment,
    Goals,
    Resources,
    ActionPlan,
    /// *Förutsättningar för analys*: the analysis group, its mandate and work plan.
    Prerequisites,
    Collect,
    Focus,
    Causes,
    Conclusions,
    Consequences,
    Prioritise,
    Decision,
    Communication,
}

/// One item of a checklist: a question (or a statement to tick) with an optional hint, and the
/// block it belongs to where a checklist has blocks.
#[derive(Debug, Clone, Copy)]
pub struct ChecklistItem {
    pub key: &'static str,
    pub text: Tr,
    pub hint: Option<Tr>,
    pub block: Option<Tr>,
}

/// A checklist of the method: a stable key (the command line prints it), its title, its step
/// and its items.
#[derive(Debug, Clone, Copy)]
pub struct Checklist {
    pub key: &'static str,
    pub title: Tr,
    pub step: Step,
    pub items: &'static [ChecklistItem],
}

const fn item(key: &'static str, sv: &'static str, en: &'static str) -> ChecklistItem {
    ChecklistItem {
        key,
        text: Tr::new(sv, en),
        hint: None,
        block: None,
    }
}

const fn hinted(
    key: &'static str,
    text: (&'static str, &'static str),
    hint: (&'static str, &'static str),
) -> ChecklistItem {
    ChecklistItem {
        key,
        text: Tr::new(text.0, text.1),
        hint: Some(Tr::new(hint.0, hint.1)),
        block: None,
    }
}

const fn in_block(
    block: Tr,
    key: &'static str,
    sv: &'static str,
    en: &'static str,
) -> ChecklistItem {
    ChecklistItem {
        key,
        text: Tr::new(sv, en),
        hint: None,
        block: Some(block),
    }
}

const INFORM: Tr = Tr::new(
    "Steg 1 Information: vi berättar om resultaten",
    "Step 1 Information: we tell about the results",
);
const CONSULT: Tr = Tr::new(
    "Steg 2 Konsultation: vi frågar om synpunkter",
    "Step 2 Consultation: we ask for views",
);
const DIALOGUE: Tr = Tr::new(
    "Steg 3 Dialog: vi samtalar om orsaker och förbättringar",
    "Step 3 Dialogue: we talk about causes and improvements",
);
const INVOLVE: Tr = Tr::new(
    "Steg 4 Delaktighet: fler är med och planerar och genomför",
    "Step 4 Participation: more people plan and carry out",
);
const CODECIDE: Tr = Tr::new(
    "Steg 5 Medbeslutande: fler är med från analys till beslut",
    "Step 5 Co-decision: more people take part from analysis to decision",
);

/// The fourteen checklists in the guide's order.
pub const CHECKLISTS: &[Checklist] = &[
    KULTUR_OCH_STRUKTUR,
    BESKRIV_UPPDRAG,
    SATTA_MAL,
    RESURSFORDELNING,
    HANDLINGSPLAN,
    UPPFOLJNING_OCH_ANALYS,
    SAMLA_INFORMATION,
    FOKUSERA,
    SOK_ORSAKER,
    DRA_SLUTSATSER,
    KONSEKVENSBESKRIVNING,
    PRIORITERA,
    BESLUT,
    KOMMUNIKATIONSPLAN,
];

/// The checklist with this key.
pub fn checklist(key: &str) -> Option<&'static Checklist> {
    CHECKLISTS.iter().find(|c| c.key == key)
}

/// A group's answer to one checklist item in one year: ticked or not, a note, who and when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub done: bool,
    pub note: String,
    /// Who answered (a name or a role).
    pub by: String,
    /// When it was ticked, `YYYY-MM-DD`.
    pub on: String,
}

impl Answer {
    /// Whether the answer says nothing (not ticked, no note, no name): stored as no answer.
    pub fn is_empty(&self) -> bool {
        !self.done && self.note.trim().is_empty() && self.by.trim().is_empty()
    }

    /// The answer with `done` set; ticking dates it `today`, unticking keeps the note.
    pub fn ticked(&self, done: bool, today: &str) -> Answer {
        Answer {
            done,
            on: if done {
                today.to_string()
            } else {
                String::new()
            },
            ..self.clone()
        }
    }
}

/// A year's answers by checklist and item key.
pub type Answers = BTreeMap<(String, String), Answer>;

/// How many items of `list` are ticked in `answers`, and how many it has.
pub fn progress(list: &Checklist, answers: &Answers) -> (usize, usize) {
    let done = list
        .items
        .iter()
        .filter(|i| {
            answers
                .get(&(list.key.to_string(), i.key.to_string()))
                .is_some_and(|a| a.done)
        })
        .count();
    (done, list.items.len())
}

/// The items of `list` not ticked in `answers`, in order.
pub fn open_items<'a>(list: &'a Checklist, answers: &Answers) -> Vec<&'a ChecklistItem> {
    list.items
        .iter()
        .filter(|i| {
            !answers
                .get(&(list.key.to_string(), i.key.to_string()))
                .is_some_and(|a| a.done)
        })
        .collect()
}

/// Next year's answers, started from last year's: every item the checklists still have keeps
/// its tick, note, name and date; items no longer in the checklists are left behind; new items
/// start unanswered.
pub fn copy_forward(lists: &[Checklist], previous: &Answers) -> Answers {
    previous
        .iter()
        .filter(|((list, item), _)| {
            lists
                .iter()
                .any(|c| c.key == list && c.items.iter().any(|i| i.key == item))
        })
        .map(|(k, a)| (k.clone(), a.clone()))
        .collect()
}

/// The items whose answer this year differs from last year's (ticked or unticked, or a new
/// note), so the group sees what changed since the cycle started over.
pub fn changed_since(previous: &Answers, current: &Answers) -> Vec<(String, String)> {
    let empty = Answer::default();
    let mut keys: Vec<&(String, String)> = previous.keys().chain(current.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| {
            let (before, now) = (
                previous.get(*k).unwrap_or(&empty),
                current.get(*k).unwrap_or(&empty),
            );
            before.done != now.done || before.note.trim() != now.note.trim()
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(list: &str, item: &str) -> (String, String) {
        (list.to_string(), item.to_string())
    }

    #[test]
    fn the_fourteen_checklists_hold_the_guides_ninety_four_items_in_both_languages() {
        assert_eq!(CHECKLISTS.len(), 14);
        let total: usize = CHECKLISTS.iter().map(|c| c.items.len()).sum();
        assert_eq!(total, 94);
        let mut list_keys: Vec<&str> = CHECKLISTS.iter().map(|c| c.key).collect();
        list_keys.dedup();
        assert_eq!(list_keys.len(), 14, "checklist keys are unique");
        for c in CHECKLISTS {
            assert!(!c.items.is_empty(), "{} has items", c.key);
            assert!(!c.title.is_incomplete(), "{} has both titles", c.key);
            let mut keys: Vec<&str> = c.items.iter().map(|i| i.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(
                keys.len(),
                c.items.len(),
                "{}'s item keys are unique",
                c.key
            );
            for i in c.items {
                assert!(
                    !i.text.is_incomplete(),
                    "{}.{} in both languages",
                    c.key,
                    i.key
                );
                assert!(i.hint.is_none_or(|h| !h.is_incomplete()));
                assert!(i.block.is_none_or(|b| !b.is_incomplete()));
            }
        }
        let sizes: Vec<usize> = CHECKLISTS.iter().map(|c| c.items.len()).collect();
        assert_eq!(sizes, [9, 8, 9, 5, 6, 7, 8, 3, 7, 4, 4, 3, 5, 16]);
        assert_eq!(CHECKLISTS[0].key, "kultur-och-struktur");
    }

    #[test]
    fn the_cause_checklist_items_are_the_seven_cause_headings() {
        let causes = checklist("sok-orsaker").unwrap();
        let keys: Vec<&str> = causes.items.iter().map(|i| i.key).collect();
        let headings: Vec<&str> = crate::model::analysis::CAUSE_CHECKLIST
            .iter()
            .map(|h| h.key)
            .collect();
        assert_eq!(keys, headings);
    }

    const OLD: &[Checklist] = &[Checklist {
        key: "a",
        title: Tr::new("A", "A"),
        step: Step::Goals,
        items: &[item("kept", "k", "k"), item("dropped", "d", "d")],
    }];
    const NEW: &[Checklist] = &[Checklist {
        key: "a",
        title: Tr::new("A", "A"),
        step: Step::Goals,
        items: &[item("kept", "k", "k"), item("added", "n", "n")],
    }];

    fn answer(done: bool, note: &str) -> Answer {
        Answer {
            done,
            note: note.into(),
            by: "Eva".into(),
            on: if done {
                "2025-03-01".into()
            } else {
                String::new()
            },
        }
    }

    #[test]
    fn a_new_year_carries_ticks_and_notes_of_items_that_remain() {
        let mut last = Answers::new();
        last.insert(key("a", "kept"), answer(true, "i budgeten"));
        last.insert(key("a", "dropped"), answer(true, "gammal fråga"));
        last.insert(key("gone", "x"), answer(false, "borttagen lista"));
        let next = copy_forward(NEW, &last);
        assert_eq!(next.len(), 1, "{next:?}");
        assert_eq!(next[&key("a", "kept")], answer(true, "i budgeten"));
        assert!(
            !next.contains_key(&key("a", "added")),
            "new items start open"
        );
        assert_eq!(progress(&NEW[0], &next), (1, 2));
        let open: Vec<&str> = open_items(&NEW[0], &next).iter().map(|i| i.key).collect();
        assert_eq!(open, ["added"]);
        assert_eq!(progress(&OLD[0], &last), (2, 2));
    }

    #[test]
    fn a_note_without_a_tick_is_carried_too() {
        let mut last = Answers::new();
        last.insert(key("a", "kept"), answer(false, "saknas ännu"));
        let next = copy_forward(OLD, &last);
        assert_eq!(next[&key("a", "kept")].note, "saknas ännu");
        assert!(!next[&key("a", "kept")].done);
    }

    #[test]
    fn changes_since_last_year_are_ticks_and_notes_that_differ() {
        let mut last = Answers::new();
        last.insert(key("a", "kept"), answer(true, "x"));
        last.insert(key("a", "dropped"), answer(false, "y"));
        let mut now = copy_forward(OLD, &last);
        assert!(changed_since(&last, &now).is_empty());
        now.insert(key("a", "kept"), answer(false, "x"));
        now.insert(key("a", "dropped"), answer(false, "y, nu klart"));
        now.insert(
            key("a", "added"),
            Answer {
                by: "Ali".into(),
                ..Answer::default()
            },
        );
        assert_eq!(
            changed_since(&last, &now),
            vec![key("a", "dropped"), key("a", "kept")]
        );
    }

    #[test]
    fn ticking_dates_the_answer_and_unticking_keeps_the_note() {
        let a = Answer {
            note: "n".into(),
            ..Answer::default()
        };
        let t = a.ticked(true, "2026-01-02");
        assert!(t.done && t.on == "2026-01-02" && t.note == "n");
        let u = t.ticked(false, "2026-01-03");
        assert!(!u.done && u.on.is_empty() && u.note == "n");
        assert!(Answer::default().is_empty() && !u.is_empty());
    }
}
