//! Workshops: the SWOT and Toppnyhet boards a facilitator runs for a room. One board shape
//! serves both — notes in fields, grouped under headings, headings given dots — and the rules
//! of the guide as pure functions: the dot budget (about two thirds of the headings), the
//! ranking, the tally of dots against the budget, the split of a room into groups of 4–6, and
//! the check of a Toppnyhet agenda against its 90 minutes.

use serde::{Deserialize, Serialize};

/// Which of the guide's two workshop methods a session follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BoardKind {
    #[default]
    Swot,
    TopNews,
}

crate::enum_with_all! {
    /// A field of a board: a SWOT quadrant, or a list on a Toppnyhet sheet or its summary.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum Field {
        #[default]
        Opportunity,
        Threat,
        Strength,
        Weakness,
        /// C: news items on a sheet.
        NewsItem,
        /// D: quotes on a sheet (the note's `author` says who).
        Quote,
        /// E: activities the group identified on a sheet.
        Activity,
        /// The session's consolidated common themes.
        Theme,
        /// The session's consolidated success factors.
        SuccessFactor,
        /// The session's consolidated activities.
        SummaryActivity,
    }
}

impl Field {
    /// The SWOT quadrants in the summary grid's order: external positive, external negative,
    /// internal positive, internal negative.
    pub const SWOT: [Field; 4] = [
        Field::Opportunity,
        Field::Threat,
        Field::Strength,
        Field::Weakness,
    ];

    /// The letter written by `styrsnurra swot` (S, W, O, T).
    pub fn code(self) -> &'static str {
        match self {
            Field::Opportunity => "O",
            Field::Threat => "T",
            Field::Strength => "S",
            Field::Weakness => "W",
            Field::NewsItem => "C",
            Field::Quote => "D",
            Field::Activity => "E",
            Field::Theme => "theme",
            Field::SuccessFactor => "factor",
            Field::SummaryActivity => "activity",
        }
    }
}

impl Field {
    /// The letter a note is marked with on paper (the guide's M and H; S and Sv are ours).
    pub fn letter(self) -> &'static str {
        match self {
            Field::Opportunity => "M",
            Field::Threat => "H",
            Field::Strength => "S",
            Field::Weakness => "Sv",
            _ => "",
        }
    }
}

/// Reads a note typed in the entry row: a leading field letter of one of `fields` followed by
/// a space or a colon ("H: Dålig ekonomi", "sv brister") chooses the field; otherwise the
/// note goes to `current`. Returns the field and the text without the letter.
pub fn parse_entry(text: &str, fields: &[Field], current: Field) -> (Field, String) {
    let text = text.trim();
    // Longer letters first, so that "Sv" is not read as "S".
    let mut by_length: Vec<Field> = fields.to_vec();
    by_length.sort_by_key(|f| std::cmp::Reverse(f.letter().len()));
    for field in by_length {
        let letter = field.letter();
        if letter.is_empty() || text.len() <= letter.len() {
            continue;
        }
        let (head, rest) = text.split_at(letter.len());
        if head.eq_ignore_ascii_case(letter) && rest.starts_with([' ', ':']) {
            let rest = rest.trim_start_matches([' ', ':']).trim();
            if !rest.is_empty() {
                return (field, rest.to_string());
            }
        }
    }
    (current, text.to_string())
}

crate::enum_with_all! {
    /// The SWOT's four steps; the first two each run A–D on their pair of fields.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum SwotStep {
        /// Step 1: opportunities and threats (external).
        #[default]
        External,
        /// Step 2: strengths and weaknesses (internal).
        Internal,
        /// Step 3: the summary grid.
        Summary,
        /// Step 4: the four analysis questions.
        Analysis,
    }
}

impl SwotStep {
    /// The two fields the step collects notes in, for steps 1 and 2.
    pub fn fields(self) -> Option<[Field; 2]> {
        match self {
            SwotStep::External => Some([Field::Opportunity, Field::Threat]),
            SwotStep::Internal => Some([Field::Strength, Field::Weakness]),
            SwotStep::Summary | SwotStep::Analysis => None,
        }
    }
}

/// How a group is made up (the guide: same roles show differences; mixed gives dialogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MakeUp {
    #[default]
    Mixed,
    SameRole,
}

/// A group of participants in a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    pub name: String,
    pub size: u32,
    pub make_up: MakeUp,
    /// Which roles take part (politicians, managers, staff…), in the group's words.
    pub roles: String,
}

/// A workshop session: one SWOT or one Toppnyhet, with what the room decided about it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Workshop {
    pub id: i64,
    pub kind: BoardKind,
    /// The opening question (SWOT) or the area or service (Toppnyhet).
    pub question: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub facilitator: String,
    pub participants: u32,
    pub groups: Vec<Group>,
    /// The facilitator's dot budget per participant for a field, overriding the ⅔ rule.
    pub budgets: Vec<(Field, u32)>,
    /// How many voted on a field, when not everyone did.
    pub voters: Vec<(Field, u32)>,
    /// SWOT step 4: answers to the four questions, in [`ANALYSIS_QUESTIONS`] order.
    pub answers: Vec<String>,
    /// Toppnyhet: the planned minutes of each agenda item, in [`AGENDA`] order.
    pub agenda: Vec<u32>,
    /// Toppnyhet: the group's reflection on the result.
    pub reflection: String,
}

/// The four questions of SWOT step 4, as keys (the pages word them).
pub const ANALYSIS_QUESTIONS: [&str; 4] = [
    "use_strengths",
    "use_opportunities",
    "fix_weaknesses",
    "neutralise_threats",
];

impl Workshop {
    /// How many take part in a new session, before the facilitator says: as many as in the
    /// last session of `earlier`, else a group of eight (the guide's 7–10).
    pub fn participants_for_next(earlier: &[Workshop]) -> u32 {
        earlier.last().map_or(8, |w| w.participants)
    }

    /// The dot budget per participant for a field: the facilitator's, or the ⅔ rule.
    pub fn budget(&self, field: Field, headings: usize) -> u32 {
        self.budgets
            .iter()
            .find(|(f, _)| *f == field)
            .map_or_else(|| dot_budget(headings), |(_, b)| *b)
    }

    /// How many voted on a field: as set for it, or everyone.
    pub fn voters(&self, field: Field) -> u32 {
        self.voters
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(self.participants, |(_, n)| *n)
    }

    /// Sets a field's dots per participant and how many vote; what equals the rule (⅔ of the
    /// `headings`) or the whole room is not kept as an override, so it follows them later.
    pub fn set_vote(&mut self, field: Field, headings: usize, budget: u32, voters: u32) {
        self.budgets.retain(|(x, _)| *x != field);
        self.voters.retain(|(x, _)| *x != field);
        if budget != dot_budget(headings) {
            self.budgets.push((field, budget));
        }
        if voters != self.participants {
            self.voters.push((field, voters));
        }
    }

    /// The answer to one of the four analysis questions.
    pub fn answer(&self, index: usize) -> &str {
        self.answers.get(index).map_or("", String::as_str)
    }
}

/// A note on a board: one idea on one post-it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    pub id: i64,
    pub workshop_id: i64,
    pub field: Field,
    pub text: String,
    /// Who said it, for a quote.
    pub author: String,
    /// The heading it is grouped under.
    pub heading: Option<i64>,
    /// The Toppnyhet sheet it is on (none on a SWOT board or in the summary).
    pub sheet: Option<i64>,
}

impl Note {
    /// A note is grouped only with what stands in its own field: a weakness never lands
    /// under a strength's heading by a slip of the keys.
    pub fn may_join(&self, field: Field) -> bool {
        self.field == field
    }
}

/// A heading that groups notes on a subject; the room gives it dots.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Heading {
    pub id: i64,
    pub workshop_id: i64,
    pub field: Field,
    pub title: String,
    pub dots: u32,
}

/// A Toppnyhet sheet: one group's cover story (A, B; C–E are notes, F images).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Sheet {
    pub id: i64,
    pub workshop_id: i64,
    pub group: String,
    /// A: the big news about the success.
    pub top_news: String,
    /// B: the headline.
    pub headline: String,
    /// Notes from the presentation or the journalist's interview.
    pub interview: String,
}

/// The dot budget per participant for a field with `headings` headings: about two thirds of
/// them (the guide says "roughly"), rounded to the nearest whole number, at least 1; none when
/// there is nothing to vote on.
pub fn dot_budget(headings: usize) -> u32 {
    if headings == 0 {
        return 0;
    }
    let budget = (headings as f64 * 2.0 / 3.0).round() as u32;
    budget.max(1)
}

/// The headings of one field in rank order: most dots first, ties in the order they were made
/// (by id).
pub fn ranked(headings: &[Heading], field: Field) -> Vec<&Heading> {
    let mut list: Vec<&Heading> = headings.iter().filter(|h| h.field == field).collect();
    list.sort_by_key(|h| (std::cmp::Reverse(h.dots), h.id));
    list
}

/// The dots of a field against what the room could give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DotTally {
    /// Dots given to the field's headings.
    pub given: u32,
    /// Budget per participant × participants voting.
    pub available: u32,
}

impl DotTally {
    /// More dots given than the room had: a miscount to check (not every dot must be spent).
    pub fn over(&self) -> bool {
        self.given > self.available
    }
}

/// Tallies the dots of one field; the other fields' dots do not count (each field is voted on
/// apart).
pub fn tally(workshop: &Workshop, headings: &[Heading], field: Field) -> DotTally {
    let mine: Vec<&Heading> = headings.iter().filter(|h| h.field == field).collect();
    DotTally {
        given: mine.iter().map(|h| h.dots).sum(),
        available: workshop.budget(field, mine.len()) * workshop.voters(field),
    }
}

/// How a room can be split into Toppnyhet groups, and what is wrong with it if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSplit {
    /// Group sizes, largest first.
    pub sizes: Vec<u32>,
    pub warning: Option<SplitWarning>,
}

/// Why a split does not follow the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitWarning {
    /// Fewer than 5 or more than 20 in the room (the guide's range).
    OutsideRange,
    /// Seven people cannot be split into groups of 4–6: one group of 7, or 3 and 4.
    Seven,
}

/// Splits `participants` into ⌈n/6⌉ groups of near-equal size (4–6 each for every n from 5 to
/// 20 except 7, which is kept as one group with a warning).
pub fn split_groups(participants: u32) -> GroupSplit {
    if participants == 0 {
        return GroupSplit {
            sizes: Vec::new(),
            warning: Some(SplitWarning::OutsideRange),
        };
    }
    let groups = participants.div_ceil(6);
    let (base, extra) = (participants / groups, participants % groups);
    let sizes = (0..groups).map(|i| base + u32::from(i < extra)).collect();
    let warning = if !(5..=20).contains(&participants) {
        Some(SplitWarning::OutsideRange)
    } else if participants == 7 {
        Some(SplitWarning::Seven)
    } else {
        None
    };
    GroupSplit { sizes, warning }
}

/// The Toppnyhet agenda's items with the guide's times: introduction, thinking alone (5),
/// group work (30–45), presentations and interviews, themes and reflection.
pub const AGENDA: [AgendaItem; 5] = [
    AgendaItem {
        key: "intro",
        minutes: 10,
        range: None,
    },
    AgendaItem {
        key: "alone",
        minutes: 5,
        range: Some((5, 5)),
    },
    AgendaItem {
        key: "groups",
        minutes: 35,
        range: Some((30, 45)),
    },
    AgendaItem {
        key: "present",
        minutes: 20,
        range: None,
    },
    AgendaItem {
        key: "themes",
        minutes: 15,
        range: None,
    },
];

/// The guide's limit for a whole Toppnyhet session.
pub const AGENDA_LIMIT: u32 = 90;

/// One item of the Toppnyhet agenda: its default minutes and the guide's range if it gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaItem {
    pub key: &'static str,
    pub minutes: u32,
    pub range: Option<(u32, u32)>,
}

/// What is wrong with a planned agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaCheck {
    pub total: u32,
    /// The plan is longer than 90 minutes.
    pub too_long: bool,
    /// Items outside the guide's range (their keys).
    pub off_range: Vec<&'static str>,
}

/// The planned minutes (in [`AGENDA`] order; missing items take the default) checked against
/// the guide.
pub fn check_agenda(planned: &[u32]) -> AgendaCheck {
    let minutes: Vec<u32> = AGENDA
        .iter()
        .enumerate()
        .map(|(i, item)| planned.get(i).copied().unwrap_or(item.minutes))
        .collect();
    let total = minutes.iter().sum();
    let off_range = AGENDA
        .iter()
        .zip(&minutes)
        .filter(|(item, m)| item.range.is_some_and(|(lo, hi)| **m < lo || **m > hi))
        .map(|(item, _)| item.key)
        .collect();
    AgendaCheck {
        total,
        too_long: total > AGENDA_LIMIT,
        off_range,
    }
}

/// A phase timer for the facilitator. Not part of the workbook: it lives while the page does.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Timer {
    /// The length set, in seconds.
    pub length: f64,
    /// Seconds run before the current start.
    pub banked: f64,
    /// When it was started (seconds on the caller's clock), while running.
    pub started: Option<f64>,
}

impl Timer {
    pub fn new(minutes: u32) -> Timer {
        Timer {
            length: f64::from(minutes) * 60.0,
            ..Timer::default()
        }
    }

    pub fn start(&mut self, now: f64) {
        if self.started.is_none() {
            self.started = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if let Some(s) = self.started.take() {
            self.banked += now - s;
        }
    }

    pub fn add_minute(&mut self) {
        self.length += 60.0;
    }

    /// Seconds left (negative once over).
    pub fn left(&self, now: f64) -> f64 {
        let run = self.banked + self.started.map_or(0.0, |s| now - s);
        self.length - run
    }

    pub fn is_running(&self) -> bool {
        self.started.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_session_starts_with_last_time_s_group() {
        assert_eq!(Workshop::participants_for_next(&[]), 8);
        let last = Workshop {
            participants: 11,
            ..Workshop::default()
        };
        assert_eq!(
            Workshop::participants_for_next(&[Workshop::default(), last]),
            11
        );
    }

    fn heading(id: i64, field: Field, dots: u32) -> Heading {
        Heading {
            id,
            field,
            dots,
            title: format!("h{id}"),
            ..Heading::default()
        }
    }

    #[test]
    fn the_budget_is_two_thirds_of_the_headings_rounded_at_least_one() {
        let budgets: Vec<u32> = (0..=9).map(dot_budget).collect();
        assert_eq!(budgets, [0, 1, 1, 2, 3, 3, 4, 5, 5, 6]);
        let mut w = Workshop::default();
        assert_eq!(w.budget(Field::Threat, 5), 3);
        w.budgets.push((Field::Threat, 2));
        assert_eq!(w.budget(Field::Threat, 5), 2, "the facilitator's own");
        assert_eq!(
            w.budget(Field::Opportunity, 6),
            4,
            "other fields keep the rule"
        );
    }

    #[test]
    fn a_vote_setting_equal_to_the_rule_is_not_kept_as_an_override() {
        let mut w = Workshop {
            participants: 9,
            ..Workshop::default()
        };
        w.set_vote(Field::Threat, 5, 2, 7);
        assert_eq!(
            (w.budget(Field::Threat, 5), w.voters(Field::Threat)),
            (2, 7)
        );
        w.set_vote(Field::Threat, 5, 3, 9);
        assert!(
            w.budgets.is_empty() && w.voters.is_empty(),
            "back to the rule and the room"
        );
        assert_eq!(
            w.budget(Field::Threat, 8),
            5,
            "and follows the headings again"
        );
    }

    #[test]
    fn the_seed_example_ranks_by_dots_and_does_not_fit_one_budget() {
        // The guide's worked example, Hot: 8, 3, 2, 2, 1 (16 dots over five headings).
        let threats = [
            heading(1, Field::Threat, 3),
            heading(2, Field::Threat, 8),
            heading(3, Field::Threat, 2),
            heading(4, Field::Threat, 2),
            heading(5, Field::Threat, 1),
            heading(6, Field::Opportunity, 7),
        ];
        let order: Vec<i64> = ranked(&threats, Field::Threat)
            .iter()
            .map(|h| h.id)
            .collect();
        assert_eq!(order, [2, 1, 3, 4, 5], "ties by the order they were made");
        let mut w = Workshop {
            participants: 8,
            ..Workshop::default()
        };
        let t = tally(&w, &threats, Field::Threat);
        assert_eq!((t.given, t.available), (16, 3 * 8));
        assert!(!t.over(), "not every dot has to be spent");
        w.voters.push((Field::Threat, 5));
        assert!(
            tally(&w, &threats, Field::Threat).over(),
            "5 × 3 < 16: a miscount"
        );
        let o = tally(&w, &threats, Field::Opportunity);
        assert_eq!(o.given, 7, "each field is voted on apart");
    }

    #[test]
    fn a_room_splits_into_groups_of_four_to_six_except_seven() {
        for n in 5..=20 {
            let split = split_groups(n);
            assert_eq!(split.sizes.iter().sum::<u32>(), n);
            if n == 7 {
                assert_eq!(split.warning, Some(SplitWarning::Seven));
                continue;
            }
            assert!(
                split.sizes.iter().all(|s| (4..=6).contains(s)),
                "{n}: {:?}",
                split.sizes
            );
            assert_eq!(split.warning, None);
        }
        assert_eq!(split_groups(13).sizes, [5, 4, 4]);
        assert_eq!(split_groups(3).warning, Some(SplitWarning::OutsideRange));
        assert_eq!(split_groups(24).warning, Some(SplitWarning::OutsideRange));
        assert!(split_groups(0).sizes.is_empty());
    }

    #[test]
    fn the_agenda_is_checked_against_ninety_minutes_and_the_guides_ranges() {
        let default = check_agenda(&[]);
        assert_eq!(default.total, 85);
        assert!(!default.too_long && default.off_range.is_empty());
        let long = check_agenda(&[15, 5, 45, 20, 15]);
        assert_eq!(long.total, 100);
        assert!(long.too_long);
        let short = check_agenda(&[10, 3, 25]);
        assert_eq!(short.off_range, ["alone", "groups"]);
    }

    #[test]
    fn a_leading_letter_chooses_the_field_of_a_typed_note() {
        let external = [Field::Opportunity, Field::Threat];
        let internal = [Field::Strength, Field::Weakness];
        let parse = |t, f: &[Field]| parse_entry(t, f, f[0]);
        assert_eq!(
            parse("H: Dålig ekonomi", &external),
            (Field::Threat, "Dålig ekonomi".into())
        );
        assert_eq!(
            parse("m nätverk", &external),
            (Field::Opportunity, "nätverk".into())
        );
        assert_eq!(
            parse("Sv brister", &internal),
            (Field::Weakness, "brister".into())
        );
        assert_eq!(
            parse("S: bra ledning", &internal),
            (Field::Strength, "bra ledning".into())
        );
        assert_eq!(
            parse("Hög arbetsbelastning", &external),
            (Field::Opportunity, "Hög arbetsbelastning".into()),
            "a word that begins with the letter is not a mark"
        );
        assert_eq!(parse("H:", &external), (Field::Opportunity, "H:".into()));
        assert_eq!(
            parse("H Hot", &internal),
            (Field::Strength, "H Hot".into()),
            "only this step's letters"
        );
    }

    #[test]
    fn the_timer_runs_pauses_and_gains_a_minute() {
        let mut t = Timer::new(5);
        assert_eq!(t.left(100.0), 300.0);
        t.start(100.0);
        assert_eq!(t.left(160.0), 240.0);
        t.pause(160.0);
        assert_eq!(t.left(1000.0), 240.0, "paused");
        t.add_minute();
        t.start(1000.0);
        assert_eq!(t.left(1300.0), 0.0);
        assert!(t.left(1310.0) < 0.0, "over");
    }
}
