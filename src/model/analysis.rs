//! Sök orsaker: an analysis of one deviation — the cause checklist (our wording of the guide's
//! seven headings), hypotheses tested in a deepened analysis, evidence for and against, the
//! causes that are confirmed and how much they weigh, and the improvement proposals. Plain
//! types and rules; the store keeps them and the page draws them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Gender;
pub use super::id::{HypothesisId, ProposalId};

/// One heading of the cause checklist with its questions, as `(key, sv, en)`.
#[derive(Debug, Clone, Copy)]
pub struct CauseHeading {
    pub key: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
    pub questions: &'static [(&'static str, &'static str, &'static str)],
}

/// The key of the heading the others lead into; its questions gate the conclusions.
pub const ACTIVITIES: &str = "activities";

/// The guide's seven cause headings and their questions, in our own words. Only the keys are
/// stored in the workbook.
pub const CAUSE_CHECKLIST: &[CauseHeading] = &[
    CauseHeading {
        key: "measurement",
        sv: "Mätfel",
        en: "Measurement error",
        questions: &[
            (
                "definition",
                "Har frågan eller definitionen tolkats på annat sätt än avsett?",
                "Was the question or definition read differently than meant?",
            ),
            (
                "counting",
                "Har något räknats eller rapporterats fel?",
                "Was something counted or reported wrongly?",
            ),
            (
                "missing",
                "Saknas viktiga mätvärden?",
                "Are important measurements missing?",
            ),
            (
                "timing",
                "Mättes det vid en olämplig tidpunkt?",
                "Was it measured at an unsuitable time?",
            ),
        ],
    },
    CauseHeading {
        key: "environment",
        sv: "Omvärld",
        en: "External environment",
        questions: &[
            (
                "law",
                "Har lagar eller regler ändrats?",
                "Have laws or regulations changed?",
            ),
            (
                "labour",
                "Har sysselsättningen eller arbetslösheten förändrats?",
                "Has employment or unemployment changed?",
            ),
            (
                "economy",
                "Har den ekonomiska situationen förändrats?",
                "Has the economic situation changed?",
            ),
            (
                "competition",
                "Har konkurrensen förändrats?",
                "Has competition changed?",
            ),
            (
                "population",
                "Har befolkningen förändrats (utbildning, ålder, födda utomlands …)?",
                "Has the population changed (education, age, born abroad …)?",
            ),
        ],
    },
    CauseHeading {
        key: "citizens",
        sv: "Medborgare",
        en: "Citizens",
        questions: &[
            (
                "expectations",
                "Väntar sig invånarna något annat av kommunen nu?",
                "Do residents now expect something else of the municipality?",
            ),
            (
                "image",
                "Ser invånarna annorlunda på kommunen nu?",
                "Do residents now see the municipality differently?",
            ),
        ],
    },
    CauseHeading {
        key: "culture",
        sv: "Samspel och kultur",
        en: "Interplay and culture",
        questions: &[
            (
                "loyal",
                "Håller chefer och medarbetare fast vid de beslutade målen och uppdragen?",
                "Do managers and staff hold to the goals and assignments decided?",
            ),
            (
                "known",
                "Känner man till de beslutade målen och uppdragen?",
                "Are the goals and assignments decided known?",
            ),
            (
                "results",
                "Delar alla ett sätt att arbeta med och tala om resultat?",
                "Does everyone share a way of working with and talking about results?",
            ),
            (
                "centre",
                "Står invånaren eller brukaren i centrum för alla?",
                "Is the resident or service user at the centre for everyone?",
            ),
        ],
    },
    CauseHeading {
        key: "equipment",
        sv: "Utrustning och materiel",
        en: "Equipment and materials",
        questions: &[(
            "tools",
            "Saknar vi rätt utrustning för uppgifterna?",
            "Do we lack the right equipment for the tasks?",
        )],
    },
    CauseHeading {
        key: "users",
        sv: "Brukare",
        en: "Service users",
        questions: &[
            (
                "needs",
                "Har brukarnas behov förändrats?",
                "Have the users' needs changed?",
            ),
            (
                "expect",
                "Väntar sig brukarna något annat nu?",
                "Do the users now expect something else?",
            ),
            (
                "engagement",
                "Deltar brukarna mer eller mindre än förut?",
                "Do the users take part more or less than before?",
            ),
        ],
    },
    CauseHeading {
        key: ACTIVITIES,
        sv: "Aktiviteter och prestationer",
        en: "Activities and outputs",
        questions: &[
            (
                "way",
                "Arbetar vi på fel sätt, och kan det göras bättre?",
                "Do we work the wrong way, and can it be done better?",
            ),
            (
                "resources",
                "Är pengar, arbetstid och kompetens fördelade fel?",
                "Are money, working time and skills allocated wrongly?",
            ),
        ],
    },
];

/// The heading with this key.
pub fn heading(key: &str) -> Option<&'static CauseHeading> {
    CAUSE_CHECKLIST.iter().find(|h| h.key == key)
}

/// The answer to a checklist question (or to the group's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relevance {
    Relevant,
    NotRelevant,
    Unknown,
}

/// A checklist answer: the relevance and a note.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub relevance: Option<Relevance>,
    pub note: String,
}

/// The analysis of one deviation: an indicator for a municipality, a year and a gender.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Analysis {
    pub id: i64,
    pub indicator: String,
    pub municipality: String,
    pub period: i32,
    pub gender: Gender,
    /// The conclusions, written once the gate is passed.
    pub conclusion: String,
}

/// A question the group added under a heading; answered like the checklist's own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnQuestion {
    pub id: i64,
    pub analysis_id: i64,
    pub heading: String,
    pub text: String,
}

impl OwnQuestion {
    /// The key its answer is stored under, beside the checklist's keys.
    pub fn item(&self) -> String {
        format!("own:{}", self.id)
    }
}

crate::enum_with_all! {
    /// Where a hypothesis stands in the deepened analysis.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum HypothesisState {
        #[default]
        Proposed,
        Investigating,
        /// Established as a cause.
        Confirmed,
        Rejected,
    }
}

impl HypothesisState {
    /// Whether the group has decided on it.
    pub fn is_decided(self) -> bool {
        matches!(self, HypothesisState::Confirmed | HypothesisState::Rejected)
    }
}

/// Why a hypothesis cannot move as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// Confirming or rejecting needs the reason written down.
    ReasonNeeded,
    /// Already there.
    Unchanged,
}

crate::enum_with_all! {
    /// How much a confirmed cause weighs on the result (the guide's *påverkansgrad* words).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Influence {
        Large,
        Some,
        Small,
    }
}

/// A possible cause of the deviation, under one checklist heading.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Hypothesis {
    pub id: HypothesisId,
    pub analysis_id: i64,
    /// The checklist heading's key.
    pub heading: String,
    pub statement: String,
    /// Where the idea came from: a good example, research, a dialogue (with whom).
    pub origin: String,
    pub state: HypothesisState,
    /// Why it was confirmed or rejected.
    pub reason: String,
    /// When it was decided (YYYY-MM-DD).
    pub decided_on: Option<String>,
    /// For a confirmed cause: how much it weighs.
    pub influence: Option<Influence>,
    /// The group's order among the confirmed causes (lower first).
    pub position: i64,
}

impl Hypothesis {
    /// Moves it to `to`, checking the rule: a decision (confirmed or rejected) needs its
    /// reason, and stamps the date; going back to an open state clears the decision. Any
    /// state may follow any other: the group may reopen what new evidence questions.
    pub fn move_to(
        &self,
        to: HypothesisState,
        reason: &str,
        today: &str,
    ) -> Result<Hypothesis, TransitionError> {
        if to == self.state {
            return Err(TransitionError::Unchanged);
        }
        let mut next = self.clone();
        next.state = to;
        if to.is_decided() {
            if reason.trim().is_empty() {
                return Err(TransitionError::ReasonNeeded);
            }
            next.reason = reason.trim().to_string();
            next.decided_on = Some(today.to_string());
        } else {
            next.reason.clear();
            next.decided_on = None;
        }
        if to != HypothesisState::Confirmed {
            next.influence = None;
        }
        Ok(next)
    }

    /// Whether it is a measurement error that was confirmed: the result itself is in doubt.
    pub fn is_confirmed_measurement_error(&self) -> bool {
        self.state == HypothesisState::Confirmed && self.heading == "measurement"
    }
}

/// What another indicator shows, drawn live inside a piece of evidence.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DataView {
    pub indicator: String,
    /// The gender split instead of the total.
    pub by_gender: bool,
    /// The comparison group's median beside the municipality.
    pub with_group: bool,
}

/// Something known that speaks for or against the hypotheses: free text, a data view, or both,
/// rated against each hypothesis from −2 (strongly against) to +2 (strongly for).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub id: i64,
    pub analysis_id: i64,
    pub text: String,
    pub view: Option<DataView>,
    /// (hypothesis id, rating −2 … 2), one per hypothesis rated. A list, not a map: the
    /// undo log's JSON must read back through serde's buffered enums, which cannot read
    /// number keys.
    pub ratings: Vec<(HypothesisId, i8)>,
}

impl Evidence {
    /// Its rating of one hypothesis, if it has one.
    pub fn rating(&self, hypothesis: HypothesisId) -> Option<i8> {
        self.ratings
            .iter()
            .find(|(h, _)| *h == hypothesis)
            .map(|(_, r)| *r)
    }

    /// Rates (`Some`) or unrates one hypothesis.
    pub fn rate(&mut self, hypothesis: HypothesisId, rating: Option<i8>) {
        self.ratings.retain(|(h, _)| *h != hypothesis);
        if let Some(r) = rating {
            self.ratings.push((hypothesis, r.clamp(-2, 2)));
            self.ratings.sort_unstable();
        }
    }
}

/// The ratings' symbols, −2 to +2.
pub fn rating_symbol(rating: i8) -> &'static str {
    match rating {
        i8::MIN..=-2 => "−−",
        -1 => "−",
        0 => "0",
        1 => "+",
        _ => "++",
    }
}

/// A hypothesis's balance of evidence: the sum of its ratings.
pub fn evidence_balance(evidence: &[Evidence], hypothesis: HypothesisId) -> i32 {
    evidence
        .iter()
        .filter_map(|e| e.rating(hypothesis))
        .map(i32::from)
        .sum()
}

crate::enum_with_all! {
    /// Where knowledge for a proposal comes from (the guide's four kinds).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum KnowledgeSource {
        Research,
        GoodExamples,
        Staff,
        Citizens,
    }
}

/// An improvement proposal (*åtgärdsförslag*): what to do, which causes it meets, and what
/// knowledge it rests on. The Åtgärder step takes these over to assess, rank and decide.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Proposal {
    pub id: ProposalId,
    /// The analysis it came from; 0 when entered directly (from a workshop, say).
    pub analysis_id: i64,
    pub text: String,
    /// Ids of the confirmed hypotheses (causes) it addresses.
    pub causes: Vec<HypothesisId>,
    pub sources: Vec<KnowledgeSource>,
    /// The report, example, dialogue or idea behind it.
    pub reference: String,
}

crate::enum_with_all! {
    /// Where a good example was found.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum ExampleSource {
        #[default]
        KkikComparison,
        Kolada,
        OwnUnit,
        Publication,
        Visit,
        Call,
    }
}

/// A good example (*goda exempel*): what a better municipality or unit does, where the group
/// learnt it, whom to ask, and how it must change to work here; linked to what it inspired.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoodExample {
    pub id: i64,
    pub analysis_id: i64,
    /// A municipality id, or a unit's name.
    pub who: String,
    pub what: String,
    pub source: ExampleSource,
    pub contact: String,
    /// When it was learnt (YYYY-MM-DD).
    pub date: String,
    /// How it must be reshaped for our own conditions.
    pub adaptation: String,
    pub hypotheses: Vec<HypothesisId>,
    pub proposals: Vec<ProposalId>,
}

/// The guide's gate before conclusions: both questions under *Aktiviteter och prestationer*
/// answered as relevant or not (a "don't know" is not yet an answer).
pub fn conclusions_open(answers: &BTreeMap<String, Answer>) -> bool {
    heading(ACTIVITIES).is_some_and(|h| {
        h.questions.iter().all(|(key, _, _)| {
            answers
                .get(&item_key(ACTIVITIES, key))
                .and_then(|a| a.relevance)
                .is_some_and(|r| r != Relevance::Unknown)
        })
    })
}

/// The stored key of a checklist question: heading and question.
pub fn item_key(heading: &str, question: &str) -> String {
    format!("{heading}.{question}")
}

/// Confirmed causes in the group's order: by influence (large first), then by position.
pub fn ranked_causes(hypotheses: &[Hypothesis]) -> Vec<&Hypothesis> {
    let mut causes: Vec<&Hypothesis> = hypotheses
        .iter()
        .filter(|h| h.state == HypothesisState::Confirmed)
        .collect();
    causes.sort_by_key(|h| (h.influence.unwrap_or(Influence::Small), h.position, h.id));
    causes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checklist_has_seven_headings_and_unique_keys() {
        assert_eq!(CAUSE_CHECKLIST.len(), 7);
        let questions: usize = CAUSE_CHECKLIST.iter().map(|h| h.questions.len()).sum();
        assert_eq!(questions, 21, "the guide's 21 items");
        let mut keys: Vec<String> = CAUSE_CHECKLIST
            .iter()
            .flat_map(|h| h.questions.iter().map(|(k, _, _)| item_key(h.key, k)))
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 21);
        assert_eq!(heading(ACTIVITIES).map(|h| h.questions.len()), Some(2));
    }

    #[test]
    fn the_gate_opens_when_both_activity_questions_are_answered() {
        let mut answers = BTreeMap::new();
        let set = |answers: &mut BTreeMap<String, Answer>, q: &str, r: Relevance| {
            answers.insert(
                item_key(ACTIVITIES, q),
                Answer {
                    relevance: Some(r),
                    note: String::new(),
                },
            );
        };
        assert!(!conclusions_open(&answers));
        set(&mut answers, "way", Relevance::Relevant);
        assert!(!conclusions_open(&answers), "one of two");
        set(&mut answers, "resources", Relevance::Unknown);
        assert!(!conclusions_open(&answers), "don't know is not an answer");
        set(&mut answers, "resources", Relevance::NotRelevant);
        assert!(conclusions_open(&answers));
    }

    #[test]
    fn a_decision_needs_a_reason_and_reopening_clears_it() {
        let h = Hypothesis {
            id: HypothesisId(1),
            heading: "activities".into(),
            ..Hypothesis::default()
        };
        assert_eq!(
            h.move_to(HypothesisState::Confirmed, "  ", "2026-11-25"),
            Err(TransitionError::ReasonNeeded)
        );
        assert_eq!(
            h.move_to(HypothesisState::Proposed, "", "2026-11-25"),
            Err(TransitionError::Unchanged)
        );
        let confirmed = h
            .move_to(HypothesisState::Confirmed, "Intervjuer", "2026-11-25")
            .unwrap();
        assert_eq!(confirmed.decided_on.as_deref(), Some("2026-11-25"));
        assert_eq!(confirmed.reason, "Intervjuer");
        let weighted = Hypothesis {
            influence: Some(Influence::Large),
            ..confirmed
        };
        let reopened = weighted
            .move_to(HypothesisState::Investigating, "", "2026-11-26")
            .unwrap();
        assert_eq!(reopened.decided_on, None);
        assert!(reopened.reason.is_empty() && reopened.influence.is_none());
    }

    #[test]
    fn causes_are_ranked_by_influence_then_by_the_groups_order() {
        let cause = |id, influence, position| Hypothesis {
            id,
            state: HypothesisState::Confirmed,
            influence,
            position,
            ..Hypothesis::default()
        };
        let rejected = Hypothesis {
            id: HypothesisId(9),
            state: HypothesisState::Rejected,
            ..Hypothesis::default()
        };
        let list = vec![
            cause(HypothesisId(1), Some(Influence::Small), 0),
            cause(HypothesisId(2), Some(Influence::Large), 5),
            cause(HypothesisId(3), Some(Influence::Large), 1),
            rejected,
            cause(HypothesisId(4), None, 0),
        ];
        let ids: Vec<i64> = ranked_causes(&list).iter().map(|h| h.id.get()).collect();
        assert_eq!(ids, [3, 2, 1, 4]);
    }

    #[test]
    fn evidence_balance_sums_the_ratings_for_one_hypothesis() {
        let e = |ratings: &[(i64, i8)]| Evidence {
            ratings: ratings.iter().map(|&(h, r)| (HypothesisId(h), r)).collect(),
            ..Evidence::default()
        };
        let evidence = vec![e(&[(1, 2), (2, -1)]), e(&[(1, -1)]), e(&[(2, -2)])];
        assert_eq!(evidence_balance(&evidence, HypothesisId(1)), 1);
        assert_eq!(evidence_balance(&evidence, HypothesisId(2)), -3);
        assert_eq!(evidence_balance(&evidence, HypothesisId(3)), 0);
        assert_eq!(rating_symbol(-2), "−−");
        assert_eq!(rating_symbol(2), "++");
    }
}
