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
const SOME_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Några få", "A few"),
    Tr::new("En stor del", "A large part"),
    Tr::new("Ja, alla", "Yes, all"),
];
const HALF_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Färre än hälften", "Fewer than half"),
    Tr::new("Fler än hälften", "More than half"),
    Tr::new("Ja, alla", "Yes, all"),
];
const PART_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, alla", "Yes, all"),
];
const PART_GOALS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, för alla mål", "Yes, for every goal"),
];
const PART_INDICATORS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, för alla indikatorer", "Yes, for every indicator"),
];
const PART_WHOLLY: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, helt", "Yes, wholly"),
];
const PART_FULLY: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, fullt ut", "Yes, fully"),
];
const NO_YES: [Tr; 2] = [Tr::new("Nej", "No"), Tr::new("Ja", "Yes")];
const YES_NO: [Tr; 2] = [Tr::new("Ja", "Yes"), Tr::new("Nej", "No")];
const COMPASS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till viss del", "To some extent"),
    Tr::new("Ja, nästan helt", "Yes, almost wholly"),
];
/// Påverkansgrad: how far the municipality can influence an indicator, the least first.
pub const INFLUENCE: [Tr; 3] = [
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till viss del", "To some extent"),
    Tr::new("Till stor del", "To a large extent"),
];
/// The influence answer that makes an indicator an information measure.
pub const LOW_INFLUENCE: usize = 0;

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

/// The Kategorisering columns the guide warns about when they carry a target.
pub const CATEGORY_RESOURCES: usize = 0;
pub const CATEGORY_INFORMATION: usize = 4;
/// Kategorisering: the five columns of the guide's form.
pub const CATEGORIES: [Tr; 5] = [
    Tr::new("Resurser", "Resources"),
    Tr::new("Aktiviteter/prestationer", "Activities/outputs"),
    Tr::new("Resultat, subjektivt", "Result, subjective"),
    Tr::new("Resultat, objektivt", "Result, objective"),
    Tr::new("Viktig information", "Important information"),
];
const CATEGORY_SHARES: [Tr; 4] = [
    Tr::new("Resurser", "Resources"),
    Tr::new("Resultat", "Results"),
    Tr::new("Aktiviteter/prestationer", "Activities/outputs"),
    Tr::new("Viktig information", "Important information"),
];
const PAGE_SHARES: [Tr; 3] = [
    Tr::new("Ekonomi", "Finance"),
    Tr::new("Verksamhetsuppföljning", "Service follow-up"),
    Tr::new("Annat", "Other"),
];
const FOUR_STEPS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till viss del", "To some extent"),
    Tr::new("Till stor del", "To a large extent"),
];
const FREQUENCY: [Tr; 4] = [
    Tr::new("Nej, aldrig", "No, never"),
    Tr::new("En gång om året", "Once a year"),
    Tr::new("Två–tre gånger om året", "Two or three times a year"),
    Tr::new(
        "Fyra gånger om året eller oftare",
        "Four times a year or more",
    ),
];
const STAFF_CHANNELS: [Tr; 8] = [
    Tr::new("Kommunens webbplats", "The municipality's website"),
    Tr::new("Intranätet", "The intranet"),
    Tr::new(
        "Budget, verksamhetsplan och liknande",
        "Budget, operational plan and the like",
    ),
    Tr::new("Stora informationsmöten", "Large information meetings"),
    Tr::new("Arbetsplatsträffar", "Workplace meetings"),
    Tr::new("Min chef", "My manager"),
    Tr::new(
        "Har aldrig fått någon information",
        "Never received any information",
    ),
    Tr::new("På annat sätt", "Some other way"),
];
const MEMBER_CHANNELS_1: [Tr; 7] = [
    Tr::new("Intranätet", "The intranet"),
    Tr::new(
        "Budget, verksamhetsplan och liknande",
        "Budget, operational plan and the like",
    ),
    Tr::new("Stora informationsmöten", "Large information meetings"),
    Tr::new("Partiets möten", "Party meetings"),
    Tr::new(
        "Mitt partis gruppledare i nämnden",
        "My party's group leader on the committee",
    ),
    Tr::new(
        "Har aldrig fått någon information",
        "Never received any information",
    ),
    Tr::new("På annat sätt", "Some other way"),
];
const MEMBER_CHANNELS_2: [Tr; 8] = [
    Tr::new("Kommunens webbplats", "The municipality's website"),
    Tr::new("Intranätet", "The intranet"),
    Tr::new(
        "Budget, verksamhetsplan och liknande",
        "Budget, operational plan and the like",
    ),
    Tr::new("Stora informationsmöten", "Large information meetings"),
    Tr::new("Partiets möten", "Party meetings"),
    Tr::new(
        "Mitt partis gruppledare i nämnden",
        "My party's group leader on the committee",
    ),
    Tr::new(
        "Har aldrig fått någon information",
        "Never received any information",
    ),
    Tr::new("På annat sätt", "Some other way"),
];
const KKIK_USE: [Tr; 4] = [
    Tr::new("A Används redan för ett mål", "A Already used for a goal"),
    Tr::new(
        "B Kan användas för ett av dagens mål",
        "B Could serve a current goal",
    ),
    Tr::new(
        "C Kan bli grund för ett nytt mål",
        "C Could ground a new goal",
    ),
    Tr::new(
        "D Följ hellre omvärlden med det",
        "D Rather follows the world around",
    ),
];
/// The participation ladder's five steps.
pub const LADDER: [Tr; 5] = [
    Tr::new("1 Information", "1 Information"),
    Tr::new("2 Konsultation", "2 Consultation"),
    Tr::new("3 Dialog", "3 Dialogue"),
    Tr::new("4 Delaktighet", "4 Participation"),
    Tr::new("5 Medbeslutande", "5 Co-decision"),
];
const INSIDE_OUTSIDE: [Tr; 2] = [
    Tr::new("Internt", "Internal"),
    Tr::new("Externt", "External"),
];
const SERVICE: [Tr; 3] = [
    Tr::new("Dåligt", "Poor"),
    Tr::new("Medelgott", "Fair"),
    Tr::new("Gott", "Good"),
];
const MAIL_DAYS: [Tr; 5] = [
    Tr::new("Inget svar inom två veckor", "No answer within two weeks"),
    Tr::new("Inom två veckor", "Within two weeks"),
    Tr::new("Inom 2–5 arbetsdagar", "Within 2–5 working days"),
    Tr::new("Inom 1–2 arbetsdagar", "Within 1–2 working days"),
    Tr::new("Inom en arbetsdag", "Within a working day"),
];
const CAFE_PHASES: [Tr; 3] = [
    Tr::new("Analys", "Analysis"),
    Tr::new("Fördjupad analys", "Deeper analysis"),
    Tr::new("Förslag", "Proposals"),
];

/// The three questions every communication tool ends with.
const FOLLOW_UP: Section = section(
    "follow-up",
    Tr::new("Efteråt", "Afterwards"),
    &[
        q(
            "worked",
            "Hur fungerade verktyget?",
            "How did the tool work?",
            Scale::Text,
        ),
        q(
            "differently",
            "Gör vi på något annat sätt nästa gång?",
            "Do we do anything differently next time?",
            Scale::Text,
        ),
        q(
            "participants",
            "Vad tyckte deltagarna?",
            "What did the participants think?",
            Scale::Text,
        ),
    ],
    By::Group,
    false,
);

const ANNUAL_REPORT: &[Section] = &[
    section(
        "a",
        Tr::new("A Måluppfyllelse", "A Goal attainment"),
        &[
            q(
                "1",
                "Står kommunens övergripande mål i årsredovisningen?",
                "Are the municipality-wide goals in the annual report?",
                Scale::Choice(&SOME_ALL),
            ),
            q(
                "2",
                "Täcker de i så fall de flesta verksamheter?",
                "If so, do they cover most services?",
                Scale::Choice(&HALF_ALL),
            ),
            q(
                "3",
                "Redovisas hur de övergripande målen följts upp?",
                "Is the follow-up of the municipality-wide goals reported?",
                Scale::Choice(&PART_ALL),
            ),
            q(
                "4",
                "Står nämndernas mål där?",
                "Are the committees' goals there?",
                Scale::Choice(&PART_ALL),
            ),
            q(
                "5",
                "Redovisas hur nämndmålen följts upp?",
                "Is the follow-up of the committee goals reported?",
                Scale::Choice(&PART_ALL),
            ),
        ],
        By::EachThenGroup,
        true,
    ),
    section(
        "b",
        Tr::new("B Tydlighet", "B Clarity"),
        &[
            q(
                "6",
                "Visas måluppfyllelsen med resultatindikatorer?",
                "Is goal attainment shown with result indicators?",
                Scale::Choice(&PART_GOALS),
            ),
            q(
                "7",
                "Jämförs resultaten med andra kommuners?",
                "Are results compared with other municipalities'?",
                Scale::Choice(&PART_INDICATORS),
            ),
            q(
                "8",
                "Visas utvecklingen över två år eller fler?",
                "Is the development over two years or more shown?",
                Scale::Choice(&PART_INDICATORS),
            ),
            q(
                "9",
                "Hur fördelar sig indikatorerna på kategorierna, i procent?",
                "How are the indicators spread over the categories, in percent?",
                Scale::Shares(&CATEGORY_SHARES),
            ),
        ],
        By::EachThenGroup,
        true,
    ),
    section(
        "c",
        Tr::new("C Analys", "C Analysis"),
        &[
            q(
                "10",
                "Går det att se om målen nåtts?",
                "Can one see whether the goals were reached?",
                Scale::Choice(&PART_GOALS),
            ),
            q(
                "11",
                "Kommenteras måluppfyllelsen i text?",
                "Is goal attainment commented on in text?",
                Scale::Choice(&PART_GOALS),
            ),
            q(
                "12",
                "Finns en analys av orsaker och av vad som ska göras härnäst?",
                "Is there an analysis of causes and of what to do next?",
                Scale::Choice(&PART_GOALS),
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "d",
        Tr::new("D Resurser och resultat", "D Resources and results"),
        &[
            q(
                "13",
                "Hur fördelar sig sidorna, i procent?",
                "How are the pages spread, in percent?",
                Scale::Shares(&PAGE_SHARES),
            ),
            q(
                "14",
                "Är resurser och resultat tydligt kopplade till varandra?",
                "Are resources and results clearly linked?",
                Scale::Choice(&PART_WHOLLY),
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "e",
        Tr::new("E Enkelhet", "E Simplicity"),
        &[
            q(
                "15",
                "Redovisas nämndernas resultat på samma sätt?",
                "Are the committees' results reported the same way?",
                Scale::Choice(&PART_WHOLLY),
            ),
            q(
                "16",
                "Används diagram och symboler för måluppfyllelse och utveckling?",
                "Are charts and symbols used for attainment and development?",
                Scale::Choice(&PART_FULLY),
            ),
            q(
                "17",
                "Finns en sammanfattning eller kortversion?",
                "Is there a summary or short version?",
                Scale::Choice(&NO_YES),
            ),
        ],
        By::EachThenGroup,
        true,
    ),
    section(
        "f",
        Tr::new("F Helhetssyn", "F Whole view"),
        &[q(
            "18",
            "Ger årsredovisningen en helhet sedd från medborgaren, med en röd tråd från kommun till verksamhet?",
            "Does the report give a whole seen from the citizen, with a common thread from municipality to service?",
            Scale::Choice(&PART_WHOLLY),
        )],
        By::EachThenGroup,
        true,
    ),
];

const CLARITY: &[Section] = &[
    Section {
        per_row: true,
        ..section(
            "steering",
            Tr::new("Styrning", "Steering"),
            &[
                q(
                    "1",
                    "Gäller målet alla eller de flesta verksamheter?",
                    "Does the goal concern all or most services?",
                    Scale::Cross,
                ),
                q(
                    "2",
                    "Gäller målet bara en verksamhet?",
                    "Does the goal concern only one service?",
                    Scale::Cross,
                ),
                q(
                    "3",
                    "Kan målet följas upp med mätbara resultatindikatorer?",
                    "Can the goal be followed up with measurable result indicators?",
                    Scale::Cross,
                ),
                q(
                    "4",
                    "Går indikatorerna att jämföra med fler än tio kommuner?",
                    "Can the indicators be compared with more than ten municipalities?",
                    Scale::Cross,
                ),
                q(
                    "5",
                    "Finns en målnivå (eller åtminstone en riktning)?",
                    "Is there a target level (or at least a direction)?",
                    Scale::Cross,
                ),
            ],
            By::Group,
            false,
        )
    },
    Section {
        per_row: true,
        ..section(
            "follow-up",
            Tr::new("Uppföljning", "Follow-up"),
            &[
                q(
                    "6",
                    "Följs mål och indikatorer upp i delårsbokslutet?",
                    "Are goals and indicators followed up in the interim report?",
                    Scale::Cross,
                ),
                q(
                    "7",
                    "Redovisas både mål och resultat i årsredovisningen?",
                    "Are both goals and results in the annual accounts?",
                    Scale::Cross,
                ),
                q(
                    "8",
                    "Jämförs indikatorerna med andra kommuner?",
                    "Are the indicators compared with other municipalities?",
                    Scale::Cross,
                ),
                q(
                    "9",
                    "Redovisas måttet minst två år med samma definition?",
                    "Is the measure reported for at least two years on the same definition?",
                    Scale::Cross,
                ),
                q(
                    "10",
                    "Redovisas vad resultatet betyder för kommande strategi?",
                    "Is it reported what the result means for future strategy?",
                    Scale::Cross,
                ),
            ],
            By::Group,
            false,
        )
    },
];

/// The clarity grid's two questions that exclude each other (all or most services, or only one).
pub const CLARITY_EITHER: (&str, &str) = ("1", "2");

const COMPASS_AREAS: &[Section] = &[
    section(
        "1",
        Tr::new(
            "1 Politisk styrning och kontroll",
            "1 Political steering and control",
        ),
        &[
            rated(
                "1a",
                "Präglas organisationen av ett helhetstänkande kring styrning och leverans?",
                "Is the organisation marked by whole-system thinking on steering and delivery?",
            ),
            rated(
                "1b",
                "Finns en beskriven värdegrund och kultur som genomsyrar organisationen?",
                "Is there a described set of values and culture that pervades the organisation?",
            ),
            rated(
                "1c",
                "Finns en tydlig styrmodell med röd tråd från fullmäktige till enhet?",
                "Is there a clear steering model with a thread from council to unit?",
            ),
            q(
                "1d",
                "Sammanfatta: vad bör utvecklas?",
                "Sum up: what should be developed?",
                Scale::Text,
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "2",
        Tr::new(
            "2 Styrs kommunen av tydliga politiska mål?",
            "2 Is the municipality steered by clear political goals?",
        ),
        &[
            rated(
                "2a",
                "Styrs kommunen av tydliga, mätbara övergripande mål?",
                "Is the municipality steered by clear, measurable overall goals?",
            ),
            rated(
                "2b",
                "Har verksamhetsplanen resultatindikatorer för målområdena?",
                "Does the operational plan hold result indicators for the goal areas?",
            ),
            rated(
                "2c",
                "Syns målen och indikatorerna i varje nämnds egen plan?",
                "Do the goals and indicators show in each committee's own plan?",
            ),
            rated(
                "2d",
                "Syns de i ägardirektiv och upphandlingar?",
                "Do they show in owner directives and procurement?",
            ),
            rated(
                "2e",
                "Hänger målsättning och resursfördelning ihop?",
                "Are goal-setting and resource allocation linked?",
            ),
            q(
                "2f",
                "Sammanfatta: vad bör utvecklas?",
                "Sum up: what should be developed?",
                Scale::Text,
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "3",
        Tr::new(
            "3 Förvaltningens rapporter till politiken",
            "3 The administration's reports to the politicians",
        ),
        &[
            rated(
                "3a",
                "Visar rapporterna både hur pengarna använts och resultaten mot målen?",
                "Do the reports show both how money was spent and results against goals?",
            ),
            rated(
                "3b",
                "Kommer rapporter om ekonomi och resultat minst var fjärde månad?",
                "Do reports on finance and results come at least every four months?",
            ),
            rated(
                "3c",
                "Bygger rapporterna på resultat från enheterna?",
                "Do the reports build on the units' results?",
            ),
            rated(
                "3d",
                "Jämförs resultaten med andra kommuner eller utförare?",
                "Are results compared with other municipalities or providers?",
            ),
            q(
                "3e",
                "Sammanfatta: vad bör utvecklas?",
                "Sum up: what should be developed?",
                Scale::Text,
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "4",
        Tr::new("4 Resultat till medborgarna", "4 Results for citizens"),
        &[
            rated(
                "4a",
                "Får invånarna en samlad och lättläst redovisning av mål och resultat?",
                "Do residents get a collected, easy-to-read account of goals and results?",
            ),
            rated(
                "4b",
                "Visas resultaten från brukarundersökningar för invånarna?",
                "Are user-survey results shown to residents?",
            ),
            rated(
                "4c",
                "Visas jämförelser med andra kommuner?",
                "Are comparisons with other municipalities shown?",
            ),
            rated(
                "4d",
                "Gör digitala verktyg resultaten lätta att hitta och använda?",
                "Do digital tools make results easy to find and use?",
            ),
            rated(
                "4e",
                "Bjuder kommunen in invånarna att diskutera resultaten?",
                "Does the municipality invite residents to discuss the results?",
            ),
            rated(
                "4f",
                "Kan enheter jämföras ur brukarens synvinkel?",
                "Can units be compared from the user's view?",
            ),
            q(
                "4g",
                "Sammanfatta: vad bör utvecklas?",
                "Sum up: what should be developed?",
                Scale::Text,
            ),
        ],
        By::EachThenGroup,
        false,
    ),
    section(
        "5",
        Tr::new(
            "5 Utveckling av uppföljning och kontroll",
            "5 Developing follow-up and control",
        ),
        &[
            rated(
                "5a",
                "Följs avvikelser upp systematiskt på förvaltningsnivå?",
                "Are deviations followed up systematically at administration level?",
            ),
            rated(
                "5b",
                "Följs avvikelser upp systematiskt på enhetsnivå?",
                "Are deviations followed up systematically at unit level?",
            ),
            q(
                "5c",
                "Sammanfatta: vad bör utvecklas?",
                "Sum up: what should be developed?",
                Scale::Text,
            ),
        ],
        By::EachThenGroup,
        false,
    ),
];

const INFLUENCE_FORM: &[Section] = &[row_section(
    "influence",
    Tr::new("Påverkansgrad", "Degree of influence"),
    &[q(
        "influence",
        "Hur mycket kan kommunen påverka indikatorn?",
        "How much can the municipality influence the indicator?",
        Scale::Choice(&INFLUENCE),
    )],
    By::EachThenGroup,
)];

const CATEGORY_FORM: &[Section] = &[row_section(
    "category",
    Tr::new("Kategori", "Category"),
    &[q(
        "category",
        "Vad mäter indikatorn?",
        "What does the indicator measure?",
        Scale::Choice(&CATEGORIES),
    )],
    By::EachThenGroup,
)];

const OFFICIALS: usize = 0;
const MEMBERS: usize = 1;

const THREAD: &[Section] = &[
    for_group(
        "t-info",
        Tr::new("Tjänstemän: information", "Officials: information"),
        &[
            paired(
                "t1",
                "Hur får du veta kommunens övergripande mål?",
                "How do you learn the municipality's overall goals?",
                Scale::Channels {
                    options: &STAFF_CHANNELS,
                    never: 6,
                },
                "f1",
            ),
            paired(
                "t2",
                "Hur får du veta målen för din arbetsplats?",
                "How do you learn the goals for your workplace?",
                Scale::Channels {
                    options: &STAFF_CHANNELS,
                    never: 6,
                },
                "f2",
            ),
        ],
        OFFICIALS,
    ),
    for_group(
        "t-thread",
        Tr::new("Tjänstemän: röda tråden", "Officials: the common thread"),
        &[
            paired(
                "t3",
                "Finns en sammanhållen helhet, som en vision eller strategi?",
                "Is there a coherent whole, such as a vision or strategy?",
                Scale::Choice(&YES_NO),
                "f3",
            ),
            paired(
                "t4",
                "Kan du i så fall beskriva vad den innehåller?",
                "If so, can you describe what it holds?",
                Scale::Choice(&FOUR_STEPS),
                "f4",
            ),
            paired(
                "t5",
                "Kan du beskriva nämndens mål för din verksamhet?",
                "Can you describe the committee's goals for your service?",
                Scale::Choice(&FOUR_STEPS),
                "f5",
            ),
            paired(
                "t6",
                "Känner du dig berörd av de övergripande målen i ditt arbete?",
                "Do you feel concerned by the overall goals in your work?",
                Scale::Choice(&FOUR_STEPS),
                "f6",
            ),
            q(
                "t7",
                "Kan du beskriva målen för din enhet?",
                "Can you describe your unit's goals?",
                Scale::Choice(&FOUR_STEPS),
            ),
            q(
                "t8",
                "Känner du dig berörd av enhetens mål?",
                "Do you feel concerned by your unit's goals?",
                Scale::Choice(&FOUR_STEPS),
            ),
            q(
                "t9",
                "Har du tydliga egna mål?",
                "Do you have clear goals of your own?",
                Scale::Choice(&YES_NO),
            ),
        ],
        OFFICIALS,
    ),
    for_group(
        "t-results",
        Tr::new("Tjänstemän: resultat", "Officials: results"),
        &[
            paired(
                "t10",
                "Är du med och analyserar resultat och följer upp verksamhetens mål?",
                "Do you take part in analysing results and following up the service's goals?",
                Scale::Choice(&FOUR_STEPS),
                "f7",
            ),
            paired(
                "t11",
                "Diskuterar ni mål och resultat på arbetsplatsträffar eller liknande?",
                "Do you discuss goals and results at workplace meetings or similar?",
                Scale::Choice(&FREQUENCY),
                "f8",
            ),
            q(
                "t12",
                "Talar du och din chef om mål i medarbetarsamtalet?",
                "Do you and your manager talk about goals in your appraisal?",
                Scale::Choice(&FOUR_STEPS),
            ),
            paired(
                "t13",
                "Används uppföljning och resultat för att förbättra på din arbetsplats?",
                "Are follow-up and results used to improve at your workplace?",
                Scale::Choice(&FOUR_STEPS),
                "f9",
            ),
        ],
        OFFICIALS,
    ),
    for_group(
        "t-view",
        Tr::new(
            "Tjänstemän: synen på styrningen",
            "Officials: view of the steering",
        ),
        &[
            paired(
                "t14",
                "Har kommunen en gemensam riktning som präglar alla verksamheter?",
                "Does the municipality have a common direction that marks all services?",
                Scale::Choice(&FOUR_STEPS),
                "f10",
            ),
            paired(
                "t15",
                "Har kommunen en bra styrmodell med tydliga mål?",
                "Does the municipality have a good steering model with clear goals?",
                Scale::Choice(&FOUR_STEPS),
                "f11",
            ),
            paired(
                "t16",
                "Har kommunen en bra modell för att följa upp resultat?",
                "Does the municipality have a good model for following up results?",
                Scale::Choice(&FOUR_STEPS),
                "f12",
            ),
            paired(
                "t17",
                "Vad fungerar bra i dagens styrning med mål?",
                "What works well in today's steering by goals?",
                Scale::Text,
                "f13",
            ),
            paired(
                "t18",
                "Vad fungerar mindre bra?",
                "What works less well?",
                Scale::Text,
                "f14",
            ),
        ],
        OFFICIALS,
    ),
    for_group(
        "f-info",
        Tr::new(
            "Förtroendevalda: information",
            "Elected members: information",
        ),
        &[
            paired(
                "f1",
                "Hur får du veta kommunens övergripande mål?",
                "How do you learn the municipality's overall goals?",
                Scale::Channels {
                    options: &MEMBER_CHANNELS_1,
                    never: 5,
                },
                "t1",
            ),
            paired(
                "f2",
                "Hur får du veta målen inom ditt område?",
                "How do you learn the goals in your area?",
                Scale::Channels {
                    options: &MEMBER_CHANNELS_2,
                    never: 6,
                },
                "t2",
            ),
        ],
        MEMBERS,
    ),
    for_group(
        "f-thread",
        Tr::new(
            "Förtroendevalda: röda tråden",
            "Elected members: the common thread",
        ),
        &[
            paired(
                "f3",
                "Finns en sammanhållen helhet, som en vision eller strategi?",
                "Is there a coherent whole, such as a vision or strategy?",
                Scale::Choice(&YES_NO),
                "t3",
            ),
            paired(
                "f4",
                "Kan du i så fall beskriva vad den innehåller?",
                "If so, can you describe what it holds?",
                Scale::Choice(&FOUR_STEPS),
                "t4",
            ),
            paired(
                "f5",
                "Kan du beskriva nämndens mål för verksamheten?",
                "Can you describe the committee's goals for the service?",
                Scale::Choice(&FOUR_STEPS),
                "t5",
            ),
            paired(
                "f6",
                "Känner du dig berörd av kommunens övergripande mål?",
                "Do you feel concerned by the municipality's overall goals?",
                Scale::Choice(&FOUR_STEPS),
                "t6",
            ),
        ],
        MEMBERS,
    ),
    for_group(
        "f-results",
        Tr::new("Förtroendevalda: resultat", "Elected members: results"),
        &[
            paired(
                "f7",
                "Är du med och analyserar resultat inom ditt område?",
                "Do you take part in analysing results in your area?",
                Scale::Choice(&FOUR_STEPS),
                "t10",
            ),
            paired(
                "f8",
                "Diskuterar ni mål och resultat på partimöten eller liknande?",
                "Do you discuss goals and results at party meetings or similar?",
                Scale::Choice(&FREQUENCY),
                "t11",
            ),
            paired(
                "f9",
                "Använder du uppföljning och resultat för att förbättra verksamheten?",
                "Do you use follow-up and results to improve the service?",
                Scale::Choice(&FOUR_STEPS),
                "t13",
            ),
        ],
        MEMBERS,
    ),
    for_group(
        "f-view",
        Tr::new(
            "Förtroendevalda: synen på styrningen",
            "Elected members: view of the steering",
        ),
        &[
            paired(
                "f10",
                "Har kommunen en gemensam riktning som präglar alla verksamheter?",
                "Does the municipality have a common direction that marks all services?",
                Scale::Choice(&FOUR_STEPS),
                "t14",
            ),
            paired(
                "f11",
                "Har kommunen en bra styrmodell med tydliga mål?",
                "Does the municipality have a good steering model with clear goals?",
                Scale::Choice(&FOUR_STEPS),
                "t15",
            ),
            paired(
                "f12",
                "Har kommunen en bra modell för att följa upp resultat?",
                "Does the municipality have a good model for following up results?",
                Scale::Choice(&FOUR_STEPS),
                "t16",
            ),
            paired(
                "f13",
                "Vad fungerar bra i dagens styrning med mål?",
                "What works well in today's steering by goals?",
                Scale::Text,
                "t17",
            ),
            paired(
                "f14",
                "Vad fungerar mindre bra?",
                "What works less well?",
                Scale::Text,
                "t18",
            ),
        ],
        MEMBERS,
    ),
];

const KKIK_FORM: &[Section] = &[row_section(
    "use",
    Tr::new("Användbarhet", "Usefulness"),
    &[
        q(
            "use",
            "Hur kan måttet användas i styrningen?",
            "How can the measure be used in the steering?",
            Scale::Choice(&KKIK_USE),
        ),
        q(
            "goals",
            "Vilka nya mål (för C), eller en anteckning",
            "Which new goals (for C), or a note",
            Scale::Text,
        ),
    ],
    By::EachThenGroup,
)];

const COMMUNICATION_PLAN: &[Section] = &[row_section(
    "entry",
    Tr::new("Planen", "The plan"),
    &[
        q("purpose", "Syfte", "Purpose", Scale::Text),
        q(
            "step",
            "Steg på delaktighetstrappan",
            "Step on the participation ladder",
            Scale::Choice(&LADDER),
        ),
        q(
            "where",
            "Internt eller externt",
            "Internal or external",
            Scale::Choice(&INSIDE_OUTSIDE),
        ),
        q("method", "Metod", "Method", Scale::Text),
        q("when", "När", "When", Scale::Text),
        q("who", "Vem ansvarar", "Who is responsible", Scale::Text),
        q(
            "feedback",
            "Hur återkopplar vi",
            "How we report back",
            Scale::Text,
        ),
    ],
    By::Group,
)];

const FOCUS_GROUP: &[Section] = &[
    section(
        "head",
        Tr::new("Gruppintervjun", "The group interview"),
        &[
            q("question", "Huvudfrågan", "The main question", Scale::Text),
            q("audience", "Målgrupp", "Target group", Scale::Text),
            q("moderator", "Samtalsledare", "Moderator", Scale::Text),
            q("secretary", "Sekreterare", "Secretary", Scale::Text),
            q(
                "budget",
                "Poäng per deltagare att fördela",
                "Points per participant to spread",
                Scale::Points,
            ),
        ],
        By::Group,
        false,
    ),
    row_section(
        "factors",
        Tr::new("Faktorerna", "The factors"),
        &[
            q("weight", "Vikt (poäng)", "Weight (points)", Scale::Points),
            q("grade", "Betyg i dag", "Grade today", Scale::Grade),
        ],
        By::Each,
    ),
    FOLLOW_UP,
];

const MYSTERY: &[Section] = &[
    section(
        "head",
        Tr::new("Studien", "The study"),
        &[
            q(
                "service",
                "Verksamhet som studeras",
                "Service studied",
                Scale::Text,
            ),
            q(
                "scenario",
                "Uppdraget eller scenariot",
                "The task or scenario",
                Scale::Text,
            ),
            q(
                "training",
                "Utbildning av testpersonerna",
                "Training of the shoppers",
                Scale::Text,
            ),
        ],
        By::Group,
        false,
    ),
    row_section(
        "contact",
        Tr::new("Kontakterna", "The contacts"),
        &[
            q(
                "channel",
                "Datum och kanal",
                "Date and channel",
                Scale::Text,
            ),
            q(
                "mail",
                "Svar på e-post",
                "E-mail answered",
                Scale::Choice(&MAIL_DAYS),
            ),
            q(
                "accommodating",
                "Tillmötesgående",
                "Accommodating",
                Scale::Choice(&SERVICE),
            ),
            q("friendly", "Trevligt", "Friendly", Scale::Choice(&SERVICE)),
            q("helpful", "Hjälpsamt", "Helpful", Scale::Choice(&SERVICE)),
            q("seen", "Iakttagelser", "Observations", Scale::Text),
        ],
        By::Group,
    ),
    FOLLOW_UP,
];

const CAFE: &[Section] = &[
    section(
        "head",
        Tr::new("Caféet", "The café"),
        &[
            q(
                "theme",
                "Tema och frågor",
                "Theme and questions",
                Scale::Text,
            ),
            q("moderator", "Samtalsledare", "Moderator", Scale::Text),
            q(
                "rules",
                "Enkla regler för samtalen",
                "Simple rules for the talks",
                Scale::Text,
            ),
        ],
        By::Group,
        false,
    ),
    row_section(
        "ideas",
        Tr::new("Idéer och förslag", "Ideas and proposals"),
        &[
            q("table", "Bord och omgång", "Table and round", Scale::Text),
            q("phase", "Fas", "Phase", Scale::Choice(&CAFE_PHASES)),
        ],
        By::Group,
    ),
    FOLLOW_UP,
];

const DELIBERATION: &[Section] = &[
    section(
        "head",
        Tr::new("Rådslaget", "The deliberation"),
        &[
            q(
                "case",
                "Frågan (ett verkligt ärende)",
                "The question (a real case)",
                Scale::Text,
            ),
            q(
                "room",
                "Vad deltagarna kan påverka",
                "What participants can influence",
                Scale::Text,
            ),
            q("rules", "Regler och ramar", "Rules and frames", Scale::Text),
            q("invited", "Inbjudna", "Invited", Scale::Text),
        ],
        By::Group,
        false,
    ),
    row_section(
        "alternatives",
        Tr::new("Alternativ och förslag", "Alternatives and proposals"),
        &[
            q("pros", "Fördelar", "Pros", Scale::Text),
            q("cons", "Nackdelar", "Cons", Scale::Text),
            q(
                "consequences",
                "Möjliga följder",
                "Possible consequences",
                Scale::Text,
            ),
            q(
                "rank",
                "Prioritet (1 först)",
                "Priority (1 first)",
                Scale::Points,
            ),
        ],
        By::Group,
    ),
    section(
        "handover",
        Tr::new(
            "Till de förtroendevalda och tillbaka",
            "To the elected members and back",
        ),
        &[
            q(
                "handed",
                "Lämnat till (organ och datum)",
                "Handed to (body and date)",
                Scale::Text,
            ),
            q(
                "feedback",
                "Återkoppling: vad beslutades och varför",
                "Feedback: what was decided and why",
                Scale::Text,
            ),
        ],
        By::Group,
        false,
    ),
    FOLLOW_UP,
];

const FUTURE: &[Section] = &[
    section(
        "head",
        Tr::new("Verkstaden", "The workshop"),
        &[
            q("theme", "Tema", "Theme", Scale::Text),
            q("moderator", "Samtalsledare", "Moderator", Scale::Text),
            q("phases", "Faser och tider", "Phases and times", Scale::Text),
        ],
        By::Group,
        false,
    ),
    row_section(
        "outcomes",
        Tr::new(
            "Problem, idéer och arbetsgrupper",
            "Problems, ideas and working groups",
        ),
        &[
            q("what", "Vad ska göras", "What is to be done", Scale::Text),
            q("how", "Hur och av vem", "How and by whom", Scale::Text),
        ],
        By::Group,
    ),
    FOLLOW_UP,
];

/// The guide's exercises and communication tools, in the guide's order.
pub const EXERCISES: &[ExerciseDef] = &[
    ExerciseDef {
        key: "arsberattelse",
        title: Tr::new("Analys av årsberättelsen", "Analysis of the annual report"),
        purpose: Tr::new(
            "Hur väl visar årsredovisningen vad som uppnåtts mot budgetens mål och resurser?",
            "How well does the annual report show what was achieved against the budget's goals and resources?",
        ),
        family: Family::Exercise,
        steps: &[Step::Collect],
        rows: Rows::None,
        sections: ANNUAL_REPORT,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "handlingsplan",
        title: Tr::new("Skapa en handlingsplan", "Create an action plan"),
        purpose: Tr::new(
            "Vem gör vad, hur, när och varför: planen fylls i under Handlingsplan.",
            "Who does what, how, when and why: the plan is filled in under Action plan.",
        ),
        family: Family::Exercise,
        steps: &[Step::Goals, Step::ActionPlan, Step::Decision],
        rows: Rows::None,
        sections: &[],
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "hur-tydlig",
        title: Tr::new("Hur tydlig är styrningen?", "How clear is the steering?"),
        purpose: Tr::new(
            "Ett kryss för varje fråga ett mål klarar; fler kryss, bättre mål.",
            "A cross for each question a goal meets; more crosses, better goals.",
        ),
        family: Family::Exercise,
        steps: &[Step::Goals],
        rows: Rows::Goals,
        sections: CLARITY,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "kommunkompassen",
        title: Tr::new(
            "Styr- och uppföljningssystemet (Kommunkompassen)",
            "The steering and follow-up system (Kommunkompassen)",
        ),
        purpose: Tr::new(
            "Var och en svarar först själv, sedan enas gruppen om var kommunen står och vad som bör utvecklas.",
            "Each answers alone first, then the group agrees where the municipality stands and what should be developed.",
        ),
        family: Family::Exercise,
        steps: &[Step::Goals],
        rows: Rows::None,
        sections: COMPASS_AREAS,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "paverkansgrad",
        title: Tr::new("Påverkansgrad", "Degree of influence"),
        purpose: Tr::new(
            "Hur mycket kan kommunen påverka varje målindikator? Det kommunen knappt påverkar blir informationsmått.",
            "How much can the municipality influence each goal indicator? What it hardly influences becomes an information measure.",
        ),
        family: Family::Exercise,
        steps: &[Step::Goals],
        rows: Rows::Indicators,
        sections: INFLUENCE_FORM,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "kategorisering",
        title: Tr::new("Kategorisering av indikatorer", "Categorising indicators"),
        purpose: Tr::new(
            "Mäter indikatorerna resultat, eller något annat?",
            "Do the indicators measure results, or something else?",
        ),
        family: Family::Exercise,
        steps: &[Step::Goals],
        rows: Rows::Indicators,
        sections: CATEGORY_FORM,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "roda-traden",
        title: Tr::new("Röda tråden (enkät)", "The common thread (survey)"),
        purpose: Tr::new(
            "Har styrmodellen fått fäste? Tjänstemän och förtroendevalda svarar var för sig och jämförs.",
            "Has the steering model taken hold? Officials and elected members answer apart and are compared.",
        ),
        family: Family::Exercise,
        steps: &[],
        rows: Rows::None,
        sections: THREAD,
        groups: &[
            Tr::new("Tjänstemän", "Officials"),
            Tr::new("Förtroendevalda", "Elected members"),
        ],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "kkik",
        title: Tr::new(
            "Hur användbara är KKiK-måtten?",
            "How useful are the KKiK measures?",
        ),
        purpose: Tr::new(
            "Vilka mått kan användas i styrningen (A–C) och vilka följer hellre omvärlden (D)?",
            "Which measures can serve the steering (A–C) and which rather follow the world around (D)?",
        ),
        family: Family::Exercise,
        steps: &[],
        rows: Rows::Measures,
        sections: KKIK_FORM,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "kommunikationsplan",
        title: Tr::new("Kommunikationsplan", "Communication plan"),
        purpose: Tr::new(
            "Per målgrupp: syfte, steg på delaktighetstrappan, metod, när och vem.",
            "Per target group: purpose, step on the ladder, method, when and who.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication, Step::Prerequisites],
        rows: Rows::Own(Tr::new("Målgrupp", "Target group")),
        sections: COMMUNICATION_PLAN,
        groups: &[],
        ladder: None,
        timer: None,
    },
    ExerciseDef {
        key: "fokusgrupp",
        title: Tr::new("Fokusgrupp", "Focus group"),
        purpose: Tr::new(
            "Gruppen bestämmer faktorerna, viktar dem med poäng och sätter betyg på hur de fungerar i dag.",
            "The group decides the factors, weights them with points and grades how they work today.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication, Step::Causes],
        rows: Rows::Own(Tr::new("Faktor", "Factor")),
        sections: FOCUS_GROUP,
        groups: &[],
        ladder: Some(2),
        timer: Some(30),
    },
    ExerciseDef {
        key: "mystery-shopping",
        title: Tr::new("Mystery shopping", "Mystery shopping"),
        purpose: Tr::new(
            "Utbildade testpersoner kontaktar verksamheten och fyller i samma protokoll efter varje kontakt.",
            "Trained shoppers contact the service and fill in the same protocol after each contact.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication],
        rows: Rows::Own(Tr::new("Kontakt", "Contact")),
        sections: MYSTERY,
        groups: &[],
        ladder: Some(2),
        timer: None,
    },
    ExerciseDef {
        key: "dialogcafe",
        title: Tr::new("Dialogcafé", "Dialogue café"),
        purpose: Tr::new(
            "Samtal vid små bord som byts vid bestämda tider: analys, fördjupning, förslag.",
            "Talks at small tables that change at set times: analysis, deeper analysis, proposals.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication],
        rows: Rows::Own(Tr::new("Idé eller förslag", "Idea or proposal")),
        sections: CAFE,
        groups: &[],
        ladder: Some(3),
        timer: Some(20),
    },
    ExerciseDef {
        key: "radslag",
        title: Tr::new("Rådslag", "Deliberation"),
        purpose: Tr::new(
            "Alternativ vägs med för- och nackdelar; förslagen prioriteras och lämnas till de förtroendevalda, som beslutar.",
            "Alternatives are weighed with pros and cons; the proposals are ranked and handed to the elected members, who decide.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication],
        rows: Rows::Own(Tr::new("Alternativ", "Alternative")),
        sections: DELIBERATION,
        groups: &[],
        ladder: Some(4),
        timer: Some(30),
    },
    ExerciseDef {
        key: "framtidsverkstad",
        title: Tr::new("Framtidsverkstad", "Future workshop"),
        purpose: Tr::new(
            "Från problem till idéer och handlingsplaner, i strikt tidsatta faser.",
            "From problems to ideas and action plans, in strictly timed phases.",
        ),
        family: Family::Communication,
        steps: &[Step::Communication],
        rows: Rows::Own(Tr::new("Resultat", "Outcome")),
        sections: FUTURE,
        groups: &[],
        ladder: Some(4),
        timer: Some(45),
    },
];

/// The exercise with this key.
pub fn exercise(key: &str) -> Option<&'static ExerciseDef> {
    EXERCISES.iter().find(|e| e.key == key)
}

/// A KKiK measure on the built-in list (the 2014 guide's numbering).
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub id: &'static str,
    pub area: Tr,
    pub text: Tr,
}

const fn m(id: &'static str, area: Tr, sv: &'static str, en: &'static str) -> Measure {
    Measure {
        id,
        area,
        text: Tr::new(sv, en),
    }
}

const ACCESS: Tr = Tr::new("Tillgänglighet", "Accessibility");
const SAFETY: Tr = Tr::new("Trygghet", "Safety");
const VOICE: Tr = Tr::new(
    "Delaktighet och information",
    "Participation and information",
);
const EFFICIENCY: Tr = Tr::new("Effektivitet", "Efficiency");
const SOCIETY: Tr = Tr::new("Samhällsutvecklare", "Community developer");
const ACCESS_MORE: Tr = Tr::new(
    "Tillgänglighet, kompletterande",
    "Accessibility, supplementary",
);
const SAFETY_MORE: Tr = Tr::new("Trygghet, kompletterande", "Safety, supplementary");
const EFFICIENCY_MORE: Tr = Tr::new("Effektivitet, kompletterande", "Efficiency, supplementary");
const SOCIETY_MORE: Tr = Tr::new(
    "Samhällsutvecklare, kompletterande",
    "Community developer, supplementary",
);

/// The KKiK measures of the usefulness exercise: 41 main rows and 19 supplementary ones.
pub const KKIK_MEASURES: &[Measure] = &[
    m(
        "1",
        ACCESS,
        "E-post besvarad inom två arbetsdagar",
        "E-mail answered within two working days",
    ),
    m(
        "2",
        ACCESS,
        "Direkt svar på en enkel fråga i telefon",
        "Direct answer to a simple question by phone",
    ),
    m(
        "3",
        ACCESS,
        "Gott bemötande i telefon",
        "Good treatment on the phone",
    ),
    m(
        "4",
        ACCESS,
        "Öppettider utanför kontorstid (bibliotek, bad, återvinning)",
        "Opening hours outside office hours (library, pool, recycling)",
    ),
    m(
        "5",
        ACCESS,
        "Plats i förskolan på önskat datum",
        "Preschool place on the desired date",
    ),
    m(
        "6",
        ACCESS,
        "Väntedagar för dem som inte fick plats på önskat datum",
        "Waiting days for those who did not get the desired date",
    ),
    m(
        "7",
        ACCESS,
        "Väntetid till särskilt boende",
        "Waiting time for a nursing-home place",
    ),
    m(
        "8",
        ACCESS,
        "Handläggningstid för ekonomiskt bistånd vid nybesök",
        "Handling time for financial aid at a new visit",
    ),
    m(
        "9",
        SAFETY,
        "Hur trygga invånarna känner sig",
        "How safe residents feel",
    ),
    m(
        "10",
        SAFETY,
        "Antal personal som besöker en äldre med hemtjänst under 14 dagar",
        "Number of staff visiting an older person with home care in 14 days",
    ),
    m(
        "11",
        SAFETY,
        "Barn per personal i förskolan",
        "Children per staff member in preschool",
    ),
    m(
        "12A",
        VOICE,
        "Valdeltagande i senaste kommunvalet",
        "Turnout in the last municipal election",
    ),
    m(
        "12B",
        VOICE,
        "Valdeltagande i senaste EU-valet",
        "Turnout in the last EU election",
    ),
    m(
        "13",
        VOICE,
        "Informationen på webbplatsen",
        "The information on the website",
    ),
    m(
        "14",
        VOICE,
        "Hur kommunen ger invånarna möjlighet att delta",
        "How the municipality lets residents take part",
    ),
    m(
        "15",
        VOICE,
        "Hur mycket inflytande invånarna känner att de har",
        "How much influence residents feel they have",
    ),
    m(
        "16",
        EFFICIENCY,
        "Kostnad per inskrivet barn i förskolan",
        "Cost per enrolled preschool child",
    ),
    m(
        "17A",
        EFFICIENCY,
        "Nationella prov, årskurs 6",
        "National tests, year 6",
    ),
    m(
        "17B",
        EFFICIENCY,
        "Nationella prov, årskurs 3",
        "National tests, year 3",
    ),
    m(
        "18",
        EFFICIENCY,
        "Behöriga till ett nationellt gymnasieprogram",
        "Eligible for a national upper-secondary programme",
    ),
    m(
        "19A",
        EFFICIENCY,
        "Elevernas syn på skolan, årskurs 8",
        "Pupils' view of school, year 8",
    ),
    m(
        "20A",
        EFFICIENCY,
        "Kostnad per betygspoäng",
        "Cost per grade point",
    ),
    m(
        "21",
        EFFICIENCY,
        "Fullföljd gymnasieutbildning",
        "Upper-secondary school completed",
    ),
    m(
        "22",
        EFFICIENCY,
        "Kostnad för elever som inte fullföljer",
        "Cost of pupils who do not complete",
    ),
    m(
        "23",
        EFFICIENCY,
        "Kvalitet i särskilt boende",
        "Quality in nursing homes",
    ),
    m(
        "24",
        EFFICIENCY,
        "Kostnad för en plats i särskilt boende",
        "Cost of a nursing-home place",
    ),
    m(
        "25",
        EFFICIENCY,
        "Nöjda med sitt särskilda boende",
        "Satisfied with their nursing home",
    ),
    m(
        "26",
        EFFICIENCY,
        "Utbud i hemtjänsten",
        "Range of home-care services",
    ),
    m(
        "27",
        EFFICIENCY,
        "Kostnad per brukare i hemtjänsten",
        "Cost per home-care user",
    ),
    m(
        "28",
        EFFICIENCY,
        "Nöjda med hemtjänsten",
        "Satisfied with home care",
    ),
    m(
        "29",
        EFFICIENCY,
        "Kvalitet i LSS-boende",
        "Quality in LSS housing",
    ),
    m(
        "30",
        EFFICIENCY,
        "Unga som inte kommit tillbaka ett år efter insats",
        "Young people not back a year after an intervention",
    ),
    m(
        "31",
        SOCIETY,
        "Förvärvsarbetande invånare",
        "Residents in gainful employment",
    ),
    m(
        "32",
        SOCIETY,
        "Invånare med ekonomiskt bistånd",
        "Residents on financial support",
    ),
    m(
        "33",
        SOCIETY,
        "Nya företag per 1 000 invånare",
        "New companies per 1,000 residents",
    ),
    m(
        "34A",
        SOCIETY,
        "Företagens omdöme om kommunens service",
        "Businesses' rating of the municipality's service",
    ),
    m("35", SOCIETY, "Sjukpenningtal", "Sickness benefit rate"),
    m(
        "36",
        SOCIETY,
        "Återvinning av hushållsavfall",
        "Recycling of household waste",
    ),
    m(
        "37",
        SOCIETY,
        "Miljöbilar i kommunens organisation",
        "Green cars in the municipal organisation",
    ),
    m("38", SOCIETY, "Ekologiska livsmedel", "Organic food"),
    m(
        "39",
        SOCIETY,
        "Invånarnas syn på kommunen som plats att bo på",
        "Residents' view of the municipality as a place to live",
    ),
    m(
        "7B",
        ACCESS_MORE,
        "Väntetid till särskilt boende, de längsta",
        "Waiting time for a nursing home, the longest",
    ),
    m(
        "1-1A",
        ACCESS_MORE,
        "LSS: dagar från ansökan till beslut (medel)",
        "LSS: days from application to decision (mean)",
    ),
    m(
        "1-1B",
        ACCESS_MORE,
        "LSS: dagar från ansökan till beslut (median)",
        "LSS: days from application to decision (median)",
    ),
    m(
        "1-2A",
        ACCESS_MORE,
        "LSS-boende: dagar från beslut till verkställighet (medel)",
        "LSS housing: days from decision to delivery (mean)",
    ),
    m(
        "1-2B",
        ACCESS_MORE,
        "LSS-boende: dagar från beslut till verkställighet (median)",
        "LSS housing: days from decision to delivery (median)",
    ),
    m(
        "1-3A",
        ACCESS_MORE,
        "LSS-kontaktperson: dagar från beslut till verkställighet (medel)",
        "LSS contact person: days from decision to delivery (mean)",
    ),
    m(
        "1-3B",
        ACCESS_MORE,
        "LSS-kontaktperson: dagar från beslut till verkställighet (median)",
        "LSS contact person: days from decision to delivery (median)",
    ),
    m(
        "10B",
        SAFETY_MORE,
        "Personalkontinuitet i hemtjänsten, de svåraste fallen",
        "Home-care staff continuity, the hardest cases",
    ),
    m(
        "17C-E",
        EFFICIENCY_MORE,
        "Nationella prov årskurs 6, per ämne",
        "National tests year 6, per subject",
    ),
    m(
        "17F-G",
        EFFICIENCY_MORE,
        "Nationella prov årskurs 3, per ämne",
        "National tests year 3, per subject",
    ),
    m(
        "19B",
        EFFICIENCY_MORE,
        "Elevernas syn på skolan, årskurs 5",
        "Pupils' view of school, year 5",
    ),
    m(
        "20B",
        EFFICIENCY_MORE,
        "Grundskolans effektivitet jämfört med andra",
        "The compulsory school's efficiency compared with others",
    ),
    m(
        "4-1",
        EFFICIENCY_MORE,
        "Långvarigt ekonomiskt bistånd bland vuxna",
        "Long-term financial aid among adults",
    ),
    m(
        "4-2",
        EFFICIENCY_MORE,
        "Deltagare i arbetsmarknadsinsatser som fått arbete",
        "Labour-market participants who found work",
    ),
    m(
        "5-1",
        SOCIETY_MORE,
        "Svenskt Näringslivs ranking",
        "Svenskt Näringsliv's ranking",
    ),
    m(
        "5-2",
        SOCIETY_MORE,
        "Miljöbilar i hela kommunen",
        "Green cars in the whole municipality",
    ),
    m(
        "5-3",
        SOCIETY_MORE,
        "Befolkningens förändring senaste fem åren",
        "Population change over five years",
    ),
    m("5-4", SOCIETY_MORE, "Utpendling", "Out-commuting"),
    m(
        "5-5",
        SOCIETY_MORE,
        "Förändring av antalet förvärvsarbetande",
        "Change in the number in gainful employment",
    ),
];

/// The key the group's (or the agreed) answers are stored under.
pub const GROUP: &str = "";

/// A participant or respondent: a name or a number, the respondent group (for a survey), and
/// whether the row is a tally of many paper answers rather than one person's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Respondent {
    pub key: String,
    pub name: String,
    pub group: usize,
    pub tally: bool,
    /// How many paper answers a tally row holds.
    pub count: usize,
}

impl Respondent {
    /// How many people the row stands for.
    pub fn people(&self) -> usize {
        if self.tally { self.count } else { 1 }
    }
}

/// The answers of an exercise by (respondent, row, question), as stored.
pub type Answers = BTreeMap<(String, String, String), String>;

/// Choice indices in a stored answer (one for a choice, any for channels).
pub fn chosen(value: &str) -> Vec<usize> {
    value
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect()
}

/// The counts a tally row holds, one per option.
pub fn tally(value: &str, options: usize) -> Vec<usize> {
    let mut out: Vec<usize> = value
        .split(';')
        .map(|v| v.trim().parse().unwrap_or(0))
        .collect();
    out.resize(options, 0);
    out
}

/// The shares of a stored answer, and whether they add up to 100.
pub fn shares(value: &str) -> (Vec<f64>, bool) {
    let parts: Vec<f64> = value
        .split(';')
        .map(|v| v.trim().replace(',', ".").parse().unwrap_or(0.0))
        .collect();
    let sum: f64 = parts.iter().sum();
    (parts, (sum - 100.0).abs() < 0.05)
}

/// Channels picked: "never received" takes the others away, and the others take it away.
pub fn pick_channel(value: &str, option: usize, on: bool, never: usize) -> String {
    let mut picked = chosen(value);
    picked.retain(|p| *p != option);
    if on {
        if option == never {
            picked.clear();
        } else {
            picked.retain(|p| *p != never);
        }
        picked.push(option);
    }
    picked.sort_unstable();
    picked
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// How many answers fall on each option of `question`, over the given answers (a tally row
/// counts its numbers). Zero counts are kept, so every option has its place.
pub fn counts<'a>(
    question: &Question,
    answers: impl IntoIterator<Item = (&'a Respondent, &'a str)>,
) -> Vec<usize> {
    let options = question.scale.options().len();
    let mut out = vec![0; options];
    for (who, value) in answers {
        if who.tally {
            for (o, n) in tally(value, options).into_iter().enumerate() {
                out[o] += n;
            }
            continue;
        }
        match question.scale {
            Scale::Cross => out[0] += usize::from(value == "1"),
            Scale::Grade => {
                if let Ok(g @ 1..=5) = value.trim().parse::<usize>() {
                    out[g - 1] += 1;
                }
            }
            _ => {
                for c in chosen(value) {
                    if c < options {
                        out[c] += 1;
                    }
                }
            }
        }
    }
    out
}

/// Each count as a share of their total, in percent (0 when there is nothing).
pub fn percent(counts: &[usize]) -> Vec<f64> {
    let total: usize = counts.iter().sum();
    counts
        .iter()
        .map(|c| {
            if total == 0 {
                0.0
            } else {
                *c as f64 * 100.0 / total as f64
            }
        })
        .collect()
}

/// The clarity grid summed: crosses per goal (out of nine, since questions 1 and 2 exclude
/// each other), per question, and each question's share of the goals.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSums {
    pub per_row: Vec<(String, usize)>,
    pub per_question: Vec<(String, usize)>,
    pub share: Vec<(String, f64)>,
    /// What a goal can score at most.
    pub most: usize,
}

/// Sums the grid of a crosses-per-row exercise over `rows`.
pub fn grid(def: &ExerciseDef, rows: &[String], answers: &Answers) -> GridSums {
    let crossed = |row: &str, q: &str| {
        answers
            .get(&(GROUP.to_string(), row.to_string(), q.to_string()))
            .is_some_and(|v| v == "1")
    };
    let questions: Vec<&Question> = def.questions().map(|(_, q)| q).collect();
    let per_row = rows
        .iter()
        .map(|r| {
            (
                r.clone(),
                questions.iter().filter(|q| crossed(r, q.key)).count(),
            )
        })
        .collect();
    let per_question: Vec<(String, usize)> = questions
        .iter()
        .map(|q| {
            (
                q.key.to_string(),
                rows.iter().filter(|r| crossed(r, q.key)).count(),
            )
        })
        .collect();
    let share = per_question
        .iter()
        .map(|(k, n)| {
            let s = if rows.is_empty() {
                0.0
            } else {
                *n as f64 * 100.0 / rows.len() as f64
            };
            (k.clone(), s)
        })
        .collect();
    let either = usize::from(def.key == "hur-tydlig");
    GridSums {
        per_row,
        per_question,
        share,
        most: questions.len() - either,
    }
}

/// Crosses a grid cell; in the clarity grid, crossing question 1 or 2 clears the other.
/// Returns the cells to set: (question, value).
pub fn cross(def: &ExerciseDef, question: &str, on: bool) -> Vec<(String, Option<String>)> {
    let value = on.then(|| "1".to_string());
    let mut out = vec![(question.to_string(), value)];
    if on && def.key == "hur-tydlig" {
        let (a, b) = CLARITY_EITHER;
        if question == a {
            out.push((b.to_string(), None));
        } else if question == b {
            out.push((a.to_string(), None));
        }
    }
    out
}

/// How the participants' answers to one rated question spread around the group's.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub answers: Vec<usize>,
    pub consensus: Option<usize>,
    /// The largest distance between two participants, in scale steps.
    pub range: usize,
    /// How many participants answered the same as the group.
    pub agree: usize,
}

/// The spread of `question` (in `row`) over the participants, against the group's answer.
pub fn spread(answers: &Answers, participants: &[Respondent], row: &str, question: &str) -> Spread {
    let get = |who: &str| {
        answers
            .get(&(who.to_string(), row.to_string(), question.to_string()))
            .and_then(|v| chosen(v).first().copied())
    };
    let given: Vec<usize> = participants
        .iter()
        .filter(|p| !p.tally)
        .filter_map(|p| get(&p.key))
        .collect();
    let consensus = get(GROUP);
    let range = match (given.iter().min(), given.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    };
    Spread {
        agree: given.iter().filter(|a| Some(**a) == consensus).count(),
        answers: given,
        consensus,
        range,
    }
}

/// A form's profile: per section with choice questions asked once, the answers' mean place on
/// their scales (0 the weakest option, 100 the strongest), from the group's answer where it
/// gave one, else the participants' mean. `None` for a section nobody answered. No total is
/// made: the guide defines none.
pub fn profile(
    def: &ExerciseDef,
    participants: &[Respondent],
    answers: &Answers,
) -> Vec<(&'static str, Option<f64>)> {
    def.sections
        .iter()
        .filter(|s| {
            !s.per_row
                && s.questions
                    .iter()
                    .any(|q| matches!(q.scale, Scale::Choice(_)))
        })
        .map(|s| {
            let mut places = Vec::new();
            for q in s.questions {
                let Scale::Choice(options) = q.scale else {
                    continue;
                };
                let steps = options.len().saturating_sub(1).max(1) as f64;
                let place = |who: &str| {
                    answers
                        .get(&(who.to_string(), String::new(), q.key.to_string()))
                        .and_then(|v| chosen(v).first().copied())
                        .map(|c| c as f64 * 100.0 / steps)
                };
                if let Some(p) = place(GROUP) {
                    places.push(p);
                    continue;
                }
                let own: Vec<f64> = participants
                    .iter()
                    .filter(|p| !p.tally)
                    .filter_map(|p| place(&p.key))
                    .collect();
                if !own.is_empty() {
                    places.push(own.iter().sum::<f64>() / own.len() as f64);
                }
            }
            let mean =
                (!places.is_empty()).then(|| places.iter().sum::<f64>() / places.len() as f64);
            (s.key, mean)
        })
        .collect()
}

/// A focus group's factor summed: its total weight, the participants' mean grade, and how
/// many graded it.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorSum {
    pub row: String,
    pub weight: f64,
    pub grade: Option<f64>,
    pub graded: usize,
}

impl FactorSum {
    /// Important and working badly: the weight's share of all weight times the grade's distance
    /// from 5, so the factors to work on first come out on top.
    pub fn priority(&self, total_weight: f64) -> f64 {
        if total_weight <= 0.0 {
            return 0.0;
        }
        self.weight / total_weight * (5.0 - self.grade.unwrap_or(5.0))
    }
}

/// Totals each factor's weight points and averages its grades (the method's "medelbetyg"),
/// heaviest first.
pub fn factors(rows: &[String], participants: &[Respondent], answers: &Answers) -> Vec<FactorSum> {
    let mut out: Vec<FactorSum> = rows
        .iter()
        .map(|row| {
            let values = |q: &str| -> Vec<f64> {
                participants
                    .iter()
                    .filter_map(|p| answers.get(&(p.key.clone(), row.clone(), q.to_string())))
                    .filter_map(|v| v.trim().replace(',', ".").parse::<f64>().ok())
                    .collect()
            };
            let grades: Vec<f64> = values("grade")
                .into_iter()
                .filter(|g| (1.0..=5.0).contains(g))
                .collect();
            FactorSum {
                row: row.clone(),
                weight: values("weight").iter().sum(),
                grade: (!grades.is_empty())
                    .then(|| grades.iter().sum::<f64>() / grades.len() as f64),
                graded: grades.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    out
}

/// Points a participant has given over the factors, against the budget.
pub fn points_given(rows: &[String], who: &str, answers: &Answers) -> f64 {
    rows.iter()
        .filter_map(|r| answers.get(&(who.to_string(), r.clone(), "weight".to_string())))
        .filter_map(|v| v.trim().replace(',', ".").parse::<f64>().ok())
        .sum()
}

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
