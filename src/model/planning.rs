//! Planering around the goals, and what the analysis group needs before it analyses: the
//! described assignment, the resources set aside per goal, the group's charter and its work
//! plan over the budget year, and the knowledge card of an indicator. Plain types and rules.

use serde::{Deserialize, Serialize};

use crate::i18n::Tr;

/// The topics of *Beskriv uppdrag*, keyed as the items of its checklist, with a short title.
pub const ASSIGNMENT_TOPICS: &[(&str, Tr)] = &[
    ("vision", Tr::new("Vision", "Vision")),
    (
        "programme",
        Tr::new("Majoritetens program", "The majority's programme"),
    ),
    (
        "strategies",
        Tr::new("Andra strategiska dokument", "Other strategic documents"),
    ),
    (
        "legislation",
        Tr::new("Lagstiftning att ta hänsyn till", "Legislation to consider"),
    ),
    (
        "groups",
        Tr::new(
            "Analys per befolkningsgrupp",
            "Analysis by population group",
        ),
    ),
    (
        "environment",
        Tr::new("Omvärldsanalys", "External analysis"),
    ),
    (
        "decisions",
        Tr::new(
            "Beslut efter tidigare uppföljningar",
            "Decisions from earlier follow-ups",
        ),
    ),
    (
        "dialogue",
        Tr::new(
            "Dialog med medborgare och brukare",
            "Citizen and user dialogue",
        ),
    ),
];

/// A file kept in the workbook beside a topic (its bytes in the blob table).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    pub name: String,
    pub blob: i64,
    pub bytes: u64,
}

/// What the group wrote about one topic of the assignment, with its sources.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AssignmentTopic {
    pub topic: String,
    pub text: String,
    /// Web addresses or paths to documents kept elsewhere.
    pub links: Vec<String>,
    pub files: Vec<Attachment>,
    /// SWOT and Toppnyhet sessions that informed it.
    pub sessions: Vec<i64>,
}

/// *Beskriv uppdrag*: the assignment the cycle starts from, one entry per topic written to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Assignment {
    pub id: i64,
    pub topics: Vec<AssignmentTopic>,
}

impl Assignment {
    /// The entry of a topic (empty when nothing is written yet).
    pub fn topic(&self, key: &str) -> AssignmentTopic {
        self.topics
            .iter()
            .find(|t| t.topic == key)
            .cloned()
            .unwrap_or_else(|| AssignmentTopic {
                topic: key.to_string(),
                ..AssignmentTopic::default()
            })
    }

    /// The assignment with one topic's entry replaced, in the topics' order.
    pub fn with_topic(&self, entry: AssignmentTopic) -> Assignment {
        let mut topics: Vec<AssignmentTopic> = self
            .topics
            .iter()
            .filter(|t| t.topic != entry.topic)
            .cloned()
            .collect();
        topics.push(entry);
        let rank = |k: &str| ASSIGNMENT_TOPICS.iter().position(|(t, _)| *t == k);
        topics.sort_by_key(|t| rank(&t.topic));
        Assignment {
            id: self.id,
            topics,
        }
    }
}

/// Resources set aside for a goal in a budget year, and how they are meant to reach it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Allocation {
    pub id: i64,
    pub year: i64,
    pub goal: Option<i64>,
    /// The committee (*nämnd*) that receives it.
    pub board: String,
    /// Kronor.
    pub kr: Option<f64>,
    /// Full-time equivalents.
    pub fte: Option<f64>,
    /// How the resources connect to the goal.
    pub connection: String,
    /// The decision whose consequences this line takes care of.
    pub from_decision: Option<i64>,
}

/// Kronor and full-time equivalents summed over lines.
pub fn totals(lines: &[Allocation]) -> (f64, f64) {
    lines.iter().fold((0.0, 0.0), |(k, f), l| {
        (k + l.kr.unwrap_or(0.0), f + l.fte.unwrap_or(0.0))
    })
}

/// A member of the analysis group: who, from which service, in what role.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Member {
    pub name: String,
    pub service: String,
    pub role: String,
}

/// The analysis group's charter: who leads it, who is in it, and the mandate it works under.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Charter {
    pub id: i64,
    pub leader: String,
    pub members: Vec<Member>,
    pub mandate: String,
    /// Who gave the mandate (the guide advises directly under the chief executive).
    pub mandate_from: String,
}

crate::enum_with_all! {
    /// The points of the budget cycle the work plan ties the analysis to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum CycleEvent {
        AnnualAccounts,
        #[default]
        InterimReport,
        FourMonthly,
        Monthly,
        Other,
    }
}

impl CycleEvent {
    pub fn label(self) -> Tr {
        match self {
            CycleEvent::AnnualAccounts => Tr::new("Årsbokslut", "Annual accounts"),
            CycleEvent::InterimReport => Tr::new("Delårsbokslut", "Interim report"),
            CycleEvent::FourMonthly => Tr::new("Tertialrapport", "Four-monthly report"),
            CycleEvent::Monthly => Tr::new("Månadsuppföljning", "Monthly follow-up"),
            CycleEvent::Other => Tr::new("Annat", "Other"),
        }
    }
}

/// One entry of the group's work plan: at a point of the budget cycle, what is analysed and how.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkEvent {
    pub id: i64,
    pub event: CycleEvent,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub what: String,
    pub how: String,
}

impl WorkEvent {
    /// The event's year and month (1–12), when its date is a date.
    pub fn month(&self) -> Option<(i32, u32)> {
        if !crate::model::value::is_iso_date(&self.date) {
            return None;
        }
        Some((self.date[..4].parse().ok()?, self.date[5..7].parse().ok()?))
    }
}

/// The work plan's next entry on or after `today` (dates compare as text in `YYYY-MM-DD`).
pub fn next_event<'a>(events: &'a [WorkEvent], today: &str) -> Option<&'a WorkEvent> {
    events
        .iter()
        .filter(|e| e.month().is_some() && e.date.as_str() >= today)
        .min_by(|a, b| a.date.cmp(&b.date))
}

/// The work plan's entries in `year`, by month (index 0 is January), each month by date.
pub fn calendar(events: &[WorkEvent], year: i32) -> [Vec<&WorkEvent>; 12] {
    let mut months: [Vec<&WorkEvent>; 12] = Default::default();
    for e in events {
        if let Some((y, m)) = e.month()
            && y == year
            && (1..=12).contains(&m)
        {
            months[m as usize - 1].push(e);
        }
    }
    for m in &mut months {
        m.sort_by(|a, b| a.date.cmp(&b.date));
    }
    months
}

/// The eight questions the group answers to know an indicator, in our own words.
pub const KNOWLEDGE_QUESTIONS: &[(&str, Tr)] = &[
    (
        "goal",
        Tr::new(
            "Hur hänger indikatorn ihop med målet?",
            "How does the indicator relate to the goal?",
        ),
    ),
    (
        "why",
        Tr::new(
            "Varför mäter vi just detta?",
            "Why do we measure exactly this?",
        ),
    ),
    (
        "what",
        Tr::new(
            "Vad mäter den egentligen?",
            "What does it actually measure?",
        ),
    ),
    (
        "affects",
        Tr::new(
            "Vilkas arbete påverkar resultatet?",
            "Whose work affects the result?",
        ),
    ),
    (
        "not",
        Tr::new(
            "Vilka processer påverkar det inte?",
            "Which processes do not affect it?",
        ),
    ),
    (
        "chain",
        Tr::new(
            "Hur hänger resurser, processer och resultat ihop här?",
            "How do resources, processes and results connect here?",
        ),
    ),
    (
        "background",
        Tr::new(
            "Vilka bakgrundsfaktorer utanför kommunens kontroll spelar in?",
            "Which background factors outside the municipality's control play a part?",
        ),
    ),
    (
        "culture",
        Tr::new(
            "Hur spelar attityder, värderingar och kultur in?",
            "How do attitudes, values and culture play a part?",
        ),
    ),
];

/// What the group knows about an indicator: an answer per knowledge question, by key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct KnowledgeCard {
    pub answers: Vec<(String, String)>,
}

impl KnowledgeCard {
    pub fn answer(&self, key: &str) -> &str {
        self.answers
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, a)| a.as_str())
    }

    /// The card with one answer set (an empty text removes it), in the questions' order.
    pub fn with_answer(&self, key: &str, text: &str) -> KnowledgeCard {
        let answers = KNOWLEDGE_QUESTIONS
            .iter()
            .filter_map(|(k, _)| {
                let a = if *k == key { text } else { self.answer(k) };
                (!a.trim().is_empty()).then(|| ((*k).to_string(), a.trim().to_string()))
            })
            .collect();
        KnowledgeCard { answers }
    }

    /// How many of the eight questions are answered.
    pub fn answered(&self) -> usize {
        self.answers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_assignment_topics_are_the_items_of_its_checklist() {
        let list = crate::model::checklist::checklist("beskriv-uppdrag").unwrap();
        let items: Vec<&str> = list.items.iter().map(|i| i.key).collect();
        let topics: Vec<&str> = ASSIGNMENT_TOPICS.iter().map(|(k, _)| *k).collect();
        assert_eq!(items, topics);
        assert_eq!(KNOWLEDGE_QUESTIONS.len(), 8);
        for (_, t) in ASSIGNMENT_TOPICS.iter().chain(KNOWLEDGE_QUESTIONS) {
            assert!(!t.is_incomplete());
        }
    }

    #[test]
    fn a_topic_replaced_keeps_the_order_of_the_topics() {
        let a = Assignment::default()
            .with_topic(AssignmentTopic {
                topic: "dialogue".into(),
                text: "d".into(),
                ..AssignmentTopic::default()
            })
            .with_topic(AssignmentTopic {
                topic: "vision".into(),
                text: "v".into(),
                ..AssignmentTopic::default()
            });
        let order: Vec<&str> = a.topics.iter().map(|t| t.topic.as_str()).collect();
        assert_eq!(order, ["vision", "dialogue"]);
        assert_eq!(a.topic("vision").text, "v");
        assert_eq!(a.topic("groups").text, "");
        let b = a.with_topic(AssignmentTopic {
            topic: "vision".into(),
            text: "ny".into(),
            ..AssignmentTopic::default()
        });
        assert_eq!(b.topics.len(), 2);
        assert_eq!(b.topic("vision").text, "ny");
    }

    fn event(id: i64, date: &str) -> WorkEvent {
        WorkEvent {
            id,
            date: date.into(),
            ..WorkEvent::default()
        }
    }

    #[test]
    fn the_next_date_is_the_first_on_or_after_today_and_the_calendar_is_by_month() {
        let events = [
            event(1, "2026-02-15"),
            event(2, "2026-08-31"),
            event(3, "2026-04-30"),
            event(4, "inte ett datum"),
            event(5, "2027-02-15"),
        ];
        assert_eq!(next_event(&events, "2026-03-01").map(|e| e.id), Some(3));
        assert_eq!(next_event(&events, "2026-04-30").map(|e| e.id), Some(3));
        assert_eq!(next_event(&events, "2028-01-01"), None);
        let months = calendar(&events, 2026);
        assert_eq!(months[1].len(), 1);
        assert_eq!(months[3][0].id, 3);
        assert_eq!(months.iter().map(Vec::len).sum::<usize>(), 3);
    }

    #[test]
    fn a_knowledge_answer_set_or_cleared_keeps_the_questions_order() {
        let card = KnowledgeCard::default()
            .with_answer("culture", "Attityder till hemtjänst")
            .with_answer("goal", " Mäter målet direkt ");
        assert_eq!(
            card.answers[0],
            ("goal".into(), "Mäter målet direkt".into())
        );
        assert_eq!(card.answered(), 2);
        let cleared = card.with_answer("goal", "  ");
        assert_eq!(cleared.answered(), 1);
        assert_eq!(cleared.answer("goal"), "");
    }

    #[test]
    fn allocation_totals_skip_missing_amounts() {
        let lines = [
            Allocation {
                kr: Some(500.0),
                fte: Some(1.5),
                ..Allocation::default()
            },
            Allocation {
                kr: Some(250.0),
                ..Allocation::default()
            },
        ];
        assert_eq!(totals(&lines), (750.0, 1.5));
    }
}
