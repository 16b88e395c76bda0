//! The answer scales of the guide's exercises, weakest first, and the lists the questions offer.

use super::*;

pub(super) const SOME_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Några få", "A few"),
    Tr::new("En stor del", "A large part"),
    Tr::new("Ja, alla", "Yes, all"),
];

pub(super) const HALF_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Färre än hälften", "Fewer than half"),
    Tr::new("Fler än hälften", "More than half"),
    Tr::new("Ja, alla", "Yes, all"),
];

pub(super) const PART_ALL: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, alla", "Yes, all"),
];

pub(super) const PART_GOALS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, för alla mål", "Yes, for every goal"),
];

pub(super) const PART_INDICATORS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, för alla indikatorer", "Yes, for every indicator"),
];

pub(super) const PART_WHOLLY: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, helt", "Yes, wholly"),
];

pub(super) const PART_FULLY: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till stor del", "To a large extent"),
    Tr::new("Ja, fullt ut", "Yes, fully"),
];

pub(super) const NO_YES: [Tr; 2] = [Tr::new("Nej", "No"), Tr::new("Ja", "Yes")];

pub(super) const YES_NO: [Tr; 2] = [Tr::new("Ja", "Yes"), Tr::new("Nej", "No")];

pub(super) const COMPASS: [Tr; 4] = [
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

pub(super) const CATEGORY_SHARES: [Tr; 4] = [
    Tr::new("Resurser", "Resources"),
    Tr::new("Resultat", "Results"),
    Tr::new("Aktiviteter/prestationer", "Activities/outputs"),
    Tr::new("Viktig information", "Important information"),
];

pub(super) const PAGE_SHARES: [Tr; 3] = [
    Tr::new("Ekonomi", "Finance"),
    Tr::new("Verksamhetsuppföljning", "Service follow-up"),
    Tr::new("Annat", "Other"),
];

pub(super) const FOUR_STEPS: [Tr; 4] = [
    Tr::new("Nej", "No"),
    Tr::new("Till liten del", "To a small extent"),
    Tr::new("Till viss del", "To some extent"),
    Tr::new("Till stor del", "To a large extent"),
];

pub(super) const FREQUENCY: [Tr; 4] = [
    Tr::new("Nej, aldrig", "No, never"),
    Tr::new("En gång om året", "Once a year"),
    Tr::new("Två–tre gånger om året", "Two or three times a year"),
    Tr::new(
        "Fyra gånger om året eller oftare",
        "Four times a year or more",
    ),
];

pub(super) const STAFF_CHANNELS: [Tr; 8] = [
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

pub(super) const MEMBER_CHANNELS_1: [Tr; 7] = [
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

pub(super) const MEMBER_CHANNELS_2: [Tr; 8] = [
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

pub(super) const KKIK_USE: [Tr; 4] = [
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

pub(super) const INSIDE_OUTSIDE: [Tr; 2] = [
    Tr::new("Internt", "Internal"),
    Tr::new("Externt", "External"),
];

pub(super) const SERVICE: [Tr; 3] = [
    Tr::new("Dåligt", "Poor"),
    Tr::new("Medelgott", "Fair"),
    Tr::new("Gott", "Good"),
];

pub(super) const MAIL_DAYS: [Tr; 5] = [
    Tr::new("Inget svar inom två veckor", "No answer within two weeks"),
    Tr::new("Inom två veckor", "Within two weeks"),
    Tr::new("Inom 2–5 arbetsdagar", "Within 2–5 working days"),
    Tr::new("Inom 1–2 arbetsdagar", "Within 1–2 working days"),
    Tr::new("Inom en arbetsdag", "Within a working day"),
];

pub(super) const CAFE_PHASES: [Tr; 3] = [
    Tr::new("Analys", "Analysis"),
    Tr::new("Fördjupad analys", "Deeper analysis"),
    Tr::new("Förslag", "Proposals"),
];
