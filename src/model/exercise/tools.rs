//! The communication tools: KKiK's use, the communication plan, focus group, mystery shopping, dialogue café, deliberation and future workshop.

use super::*;

pub(super) const KKIK_FORM: &[Section] = &[row_section(
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

pub(super) const COMMUNICATION_PLAN: &[Section] = &[row_section(
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

pub(super) const FOCUS_GROUP: &[Section] = &[
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

pub(super) const MYSTERY: &[Section] = &[
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

pub(super) const CAFE: &[Section] = &[
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

pub(super) const DELIBERATION: &[Section] = &[
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

pub(super) const FUTURE: &[Section] = &[
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
