//! The method's fourteen checklists as data (our own wording of the guide's questions), the
//! answers a group gives them each year, and the rule that starts a new year from last year's
//! answers. Only the keys are stored in the workbook.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Tr;

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
    Checklist {
        key: "kultur-och-struktur",
        title: Tr::new("Kultur och struktur", "Culture and structure"),
        step: Step::Culture,
        items: &[
            item(
                "values",
                "Har kommunen gemensamma värderingar för alla anställda, med medborgaren och brukaren i centrum?",
                "Does the municipality have shared values for all staff, centred on the citizen and user?",
            ),
            item(
                "leaders",
                "Lever kommunens ledning som den lär när det gäller värderingarna?",
                "Does the municipality's leadership act on those values itself?",
            ),
            item(
                "training",
                "Får chefer och medarbetare utbildning i värderingar, tillgänglighet, bemötande och medborgarfokus?",
                "Are managers and staff trained in values, accessibility, treatment of people and citizen focus?",
            ),
            item(
                "pay",
                "Väger måluppfyllelse och resultat tungt i lönekriterierna?",
                "Do goal attainment and results weigh heavily in the pay criteria?",
            ),
            item(
                "survey",
                "Frågar medarbetarenkäten regelbundet om inställningen till värderingar, mål och resultat?",
                "Does the staff survey regularly ask about attitudes to values, goals and results?",
            ),
            item(
                "recruiting",
                "Väger värderingar och resultatfokus in när vi rekryterar?",
                "Do values and a focus on results count when we recruit?",
            ),
            item(
                "commitments",
                "Har varje anställd ett skrivet åtagande som kopplar uppdraget till mål, resultat och värderingar?",
                "Does every employee have a written commitment linking their task to goals, results and values?",
            ),
            item(
                "appraisal",
                "Tas mål, resultat och värderingar upp i varje medarbetarsamtal?",
                "Are goals, results and values raised in every appraisal talk?",
            ),
            item(
                "workplace",
                "Diskuterar alla anställda mål och resultat regelbundet på sin arbetsplats?",
                "Do all staff discuss goals and results regularly at their workplace?",
            ),
        ],
    },
    Checklist {
        key: "beskriv-uppdrag",
        title: Tr::new("Beskriv uppdrag", "Describe the assignment"),
        step: Step::Assignment,
        items: &[
            item(
                "vision",
                "Har kommunen en vision?",
                "Does the municipality have a vision?",
            ),
            item(
                "programme",
                "Vad står i den styrande majoritetens program?",
                "What does the governing majority's programme say?",
            ),
            item(
                "strategies",
                "Finns fler övergripande strategiska dokument att ta hänsyn till?",
                "Are there further overall strategic documents to take into account?",
            ),
            hinted(
                "legislation",
                (
                    "Vilka nationella lagar behöver vi ta hänsyn till?",
                    "Which national laws must we take into account?",
                ),
                (
                    "Och vad betyder de för oss?",
                    "And what do they mean for us?",
                ),
            ),
            hinted(
                "groups",
                (
                    "Analyserar vi hur olika befolkningsgrupper har det?",
                    "Do we analyse how different population groups fare?",
                ),
                (
                    "Kön, ålder, socioekonomi med mera: vad visar analysen?",
                    "Gender, age, socio-economics and so on: what does it show?",
                ),
            ),
            hinted(
                "environment",
                (
                    "Har vi en omvärldsanalys?",
                    "Do we have an analysis of the world around us?",
                ),
                (
                    "Vad visar den, och vad berör oss mest?",
                    "What does it show, and what affects us most?",
                ),
            ),
            item(
                "decisions",
                "Vilka politiska beslut har följt av tidigare uppföljningar och analyser?",
                "Which political decisions followed from earlier follow-ups and analyses?",
            ),
            item(
                "dialogue",
                "Har vi fört dialog med medborgare och brukare, och vad kom fram?",
                "Have we held dialogues with citizens and users, and what came out of them?",
            ),
        ],
    },
    Checklist {
        key: "satta-mal",
        title: Tr::new("Sätta mål", "Set goals"),
        step: Step::Goals,
        items: &[
            item(
                "strategic",
                "Vet vi vilka områden som är strategiskt viktiga för oss?",
                "Do we know which areas are strategically important to us?",
            ),
            hinted(
                "influence",
                (
                    "Går det att sätta mål inom de områdena?",
                    "Can goals be set in those areas?",
                ),
                (
                    "Hur mycket kan vi själva påverka?",
                    "How much can we influence ourselves?",
                ),
            ),
            item(
                "reach",
                "Gäller målen alla eller de flesta verksamheter?",
                "Do the goals concern all or most services?",
            ),
            item(
                "indicators",
                "Vet vi vilka indikatorer som kan följa upp målen?",
                "Do we know which indicators can follow up the goals?",
            ),
            hinted(
                "understood",
                (
                    "Förstår vi vad indikatorerna faktiskt mäter?",
                    "Do we understand what the indicators actually measure?",
                ),
                (
                    "Resurser, produktion eller resultat för dem verksamheten finns till för",
                    "Resources, production or results for those the service exists for",
                ),
            ),
            item(
                "citizen",
                "Kan varje mål följas upp med mätbara indikatorer sett från medborgarens eller brukarens håll?",
                "Can every goal be followed up with measurable indicators seen from the citizen's or user's side?",
            ),
            item(
                "comparable",
                "Kan vi jämföra oss med andra kommuner?",
                "Can we compare ourselves with other municipalities?",
            ),
            item(
                "target",
                "Har varje resultatindikator en målnivå som säger vad vi vill nå?",
                "Does every result indicator have a target level saying what we want to reach?",
            ),
            item(
                "budget",
                "Står både mål och indikatorer i kommunens budgetdokument?",
                "Are both goals and indicators in the municipality's budget document?",
            ),
        ],
    },
    Checklist {
        key: "resursfordelning",
        title: Tr::new("Resursfördelning", "Resource allocation"),
        step: Step::Resources,
        items: &[
            item(
                "link",
                "Hur kopplar vi resursfördelningen till målen så att pengarna ger de resultat vi vill ha?",
                "How do we tie resource allocation to the goals so the money gives the results we want?",
            ),
            item(
                "volumes",
                "Hur hanterar vi att volymerna ändras?",
                "How do we handle changes in volumes?",
            ),
            item(
                "unforeseen",
                "Hur tar resursfördelningen hand om det oväntade?",
                "How does the allocation deal with the unexpected?",
            ),
            item(
                "long-term",
                "Håller resursfördelningen på längre sikt?",
                "Does the allocation hold over the longer term?",
            ),
            item(
                "follow-up",
                "Hur följer vi upp vart resurserna går, till exempel fördelat på kön?",
                "How do we follow up where the resources go, for example by gender?",
            ),
        ],
    },
    Checklist {
        key: "handlingsplan",
        title: Tr::new("Handlingsplan", "Action plan"),
        step: Step::ActionPlan,
        items: &[
            item(
                "area",
                "Är det klart vilket område planen gäller?",
                "Is it clear which area the plan covers?",
            ),
            item(
                "owner",
                "Är det bestämt vem som ansvarar för planen?",
                "Is it settled who is responsible for the plan?",
            ),
            hinted(
                "how",
                (
                    "Vet vi hur planen ska genomföras?",
                    "Do we know how the plan will be carried out?",
                ),
                (
                    "Behövs särskilda resurser? Ska medborgare eller brukare vara med?",
                    "Are special resources needed? Should citizens or users take part?",
                ),
            ),
            hinted(
                "activities",
                (
                    "Vet vi vilka aktiviteter som behövs, och när de ska göras?",
                    "Do we know which activities are needed, and when?",
                ),
                (
                    "För att nå målen, förbättra resultaten eller utveckla verksamheten",
                    "To reach the goals, improve the results or develop the service",
                ),
            ),
            item(
                "activity-owner",
                "Har varje aktivitet en ansvarig?",
                "Does every activity have someone responsible?",
            ),
            item(
                "follow-up",
                "Vet vi hur planen ska följas upp?",
                "Do we know how the plan will be followed up?",
            ),
        ],
    },
    Checklist {
        key: "uppfoljning-och-analys",
        title: Tr::new("Uppföljning och analys", "Follow-up and analysis"),
        step: Step::Prerequisites,
        items: &[
            item(
                "leader",
                "Är det bestämt vem som leder analysgruppen?",
                "Is it settled who leads the analysis group?",
            ),
            item(
                "members",
                "Är det bestämt vilka som ingår i gruppen?",
                "Is it settled who is in the group?",
            ),
            item(
                "mandate",
                "Vet gruppen vilket mandat den har?",
                "Does the group know what mandate it has?",
            ),
            item(
                "roles",
                "Vet varje medlem vilken roll den har?",
                "Does every member know their role?",
            ),
            item(
                "skills",
                "Har alla i gruppen kunskap om mått och analys?",
                "Does everyone in the group know about measures and analysis?",
            ),
            item(
                "perspectives",
                "Har gruppen kunskap om de tvärgående perspektiven, som jämställdhet och folkhälsa?",
                "Does the group know the cross-cutting perspectives, such as gender equality and public health?",
            ),
            hinted(
                "work-plan",
                (
                    "Har gruppen en arbetsplan?",
                    "Does the group have a work plan?",
                ),
                (
                    "Vad ska analyseras, hur och när?",
                    "What is to be analysed, how and when?",
                ),
            ),
        ],
    },
    Checklist {
        key: "samla-information",
        title: Tr::new("Samla information", "Collect information"),
        step: Step::Collect,
        items: &[
            item(
                "goals",
                "Resultatindikatorerna jämförs med de mål kommunen har beslutat.",
                "The result indicators are set against the goals the municipality has decided.",
            ),
            item(
                "annual-report",
                "Indikatorernas utfall redovisas i årsredovisningen.",
                "The indicators' outcomes are reported in the annual report.",
            ),
            item(
                "in-year",
                "Utfallen följs upp löpande, en del även under året, till exempel i delårsbokslut och tertialrapporter.",
                "Outcomes are followed up continuously, some also during the year, for example in interim and four-monthly reports.",
            ),
            item(
                "costs",
                "Resultaten ställs mot vad de kostat.",
                "The results are set against what they cost.",
            ),
            item(
                "others",
                "Resultat och kostnader jämförs med andra kommuners.",
                "Results and costs are compared with other municipalities'.",
            ),
            item(
                "leaders",
                "Ledande politiker och tjänstemän får se resultaten mot målen.",
                "Leading politicians and officials see the results against the goals.",
            ),
            item(
                "staff",
                "Medarbetarna i verksamheterna får se dem.",
                "Staff in the services see them.",
            ),
            item("citizens", "Medborgarna får se dem.", "Citizens see them."),
        ],
    },
    Checklist {
        key: "fokusera",
        title: Tr::new("Fokusera", "Focus"),
        step: Step::Focus,
        items: &[
            hinted(
                "clear",
                (
                    "Visar styrsystemet tydligt vad vi jämför med?",
                    "Does the steering system show clearly what we compare with?",
                ),
                (
                    "Målnivån vi vill nå, andra kommuner, och trenden de senaste två till tre åren",
                    "The target level we aim for, other municipalities, and the trend of the last two to three years",
                ),
            ),
            item(
                "deviations",
                "Är avvikelserna från mål och förväntningar lätta att se?",
                "Are the deviations from goals and expectations easy to see?",
            ),
            item(
                "graphics",
                "Hjälper diagram, färger och bilder oss att se var förbättringsarbetet behövs?",
                "Do charts, colours and pictures help us see where improvement is needed?",
            ),
        ],
    },
    Checklist {
        key: "sok-orsaker",
        title: Tr::new("Sök orsaker", "Search for causes"),
        step: Step::Causes,
        items: &[
            item(
                "measurement",
                "Har vi prövat om resultatet kan bero på mätfel?",
                "Have we tested whether the result could be a measurement error?",
            ),
            item(
                "environment",
                "Har vi sett över förändringar i omvärlden (lagar, arbetsmarknad, ekonomi, konkurrens, befolkning)?",
                "Have we looked at changes around us (laws, jobs, economy, competition, population)?",
            ),
            item(
                "citizens",
                "Har vi frågat oss om medborgarnas förväntningar eller bild av kommunen har ändrats?",
                "Have we asked whether citizens' expectations or image of the municipality changed?",
            ),
            item(
                "culture",
                "Har vi sett på samspelet och kulturen i organisationen?",
                "Have we looked at the interplay and culture in the organisation?",
            ),
            item(
                "equipment",
                "Har vi prövat om utrustning eller material brister?",
                "Have we tested whether equipment or materials fall short?",
            ),
            item(
                "users",
                "Har vi frågat oss om brukarnas behov, förväntningar eller engagemang har ändrats?",
                "Have we asked whether users' needs, expectations or engagement changed?",
            ),
            hinted(
                "activities",
                (
                    "Kan vi svara på om vi arbetar på rätt sätt och fördelar resurserna rätt?",
                    "Can we answer whether we work the right way and allocate resources rightly?",
                ),
                (
                    "Hit leder de andra rubrikerna; utan svar här går det inte att dra slutsatser",
                    "The other headings lead here; without answers here no conclusions can be drawn",
                ),
            ),
        ],
    },
    Checklist {
        key: "dra-slutsatser",
        title: Tr::new(
            "Dra slutsatser och föreslå åtgärder",
            "Draw conclusions and propose actions",
        ),
        step: Step::Conclusions,
        items: &[
            item(
                "research",
                "Bygger förslagen på aktuell forskning?",
                "Do the proposals rest on current research?",
            ),
            hinted(
                "examples",
                (
                    "Bygger de på goda exempel?",
                    "Do they rest on good examples?",
                ),
                (
                    "Vad gör de som lyckas bäst, och hur?",
                    "What do the most successful do, and how?",
                ),
            ),
            item(
                "staff",
                "Bygger de på vad chefer och medarbetare vet?",
                "Do they rest on what managers and staff know?",
            ),
            item(
                "users",
                "Bygger de på brukares och medborgares kunskap och erfarenhet?",
                "Do they rest on users' and citizens' knowledge and experience?",
            ),
        ],
    },
    Checklist {
        key: "konsekvensbeskrivning",
        title: Tr::new("Konsekvensbeskrivning", "Consequence assessment"),
        step: Step::Consequences,
        items: &[
            item(
                "resources",
                "Vet vi om åtgärden kräver mer resurser, och i så fall vilka?",
                "Do we know whether the action needs more resources, and if so which?",
            ),
            item(
                "service",
                "Vet vi vad åtgärden betyder för verksamheten, till exempel för organisationen?",
                "Do we know what the action means for the service, for example its organisation?",
            ),
            item(
                "citizens",
                "Vet vi vad den betyder för medborgare och brukare?",
                "Do we know what it means for citizens and users?",
            ),
            item(
                "goals",
                "Vet vi om den kräver att övergripande mål ändras?",
                "Do we know whether it requires overall goals to change?",
            ),
        ],
    },
    Checklist {
        key: "prioritera",
        title: Tr::new("Prioritera", "Prioritise"),
        step: Step::Prioritise,
        items: &[
            item(
                "matrix",
                "Prioriterar vi med prioriteringsmatrisen?",
                "Do we prioritise with the prioritisation matrix?",
            ),
            item(
                "other",
                "Eller har vi valt en annan modell, och vilken?",
                "Or have we chosen another model, and which?",
            ),
            item(
                "who",
                "Är det bestämt vilka som deltar när vi prioriterar?",
                "Is it settled who takes part when we prioritise?",
            ),
        ],
    },
    Checklist {
        key: "beslut",
        title: Tr::new("Beslut", "Decision"),
        step: Step::Decision,
        items: &[
            hinted(
                "body",
                (
                    "Vet vi var beslutet om åtgärden ska fattas?",
                    "Do we know where the decision on the action is to be taken?",
                ),
                (
                    "Fullmäktige, kommunstyrelsen eller en nämnd",
                    "The council, the executive board or a committee",
                ),
            ),
            item(
                "services",
                "Vet vi hur verksamheten får veta beslutet?",
                "Do we know how the service learns of the decision?",
            ),
            item(
                "feedback",
                "Vet vi hur analysgruppen, medarbetare, medborgare och brukare får återkoppling?",
                "Do we know how the analysis group, staff, citizens and users get feedback?",
            ),
            item(
                "implemented",
                "Vet vi hur vi följer upp att åtgärderna blev gjorda?",
                "Do we know how we check that the actions were carried out?",
            ),
            item(
                "effect",
                "Vet vi när vi följer upp om de önskade effekterna nåddes?",
                "Do we know when we check whether the intended effects were reached?",
            ),
        ],
    },
    Checklist {
        key: "kommunikationsplan",
        title: Tr::new("Kommunikationsplan", "Communication plan"),
        step: Step::Communication,
        items: &[
            in_block(
                INFORM,
                "inform-who",
                "Vilka ska informationen nå (förtroendevalda, medarbetare, medborgare, brukare …)?",
                "Whom should the information reach (elected members, staff, citizens, users …)?",
            ),
            in_block(
                INFORM,
                "inform-simple",
                "Hur gör vi informationen enkel nog för den som inte känner frågan?",
                "How do we make the information simple enough for someone new to the question?",
            ),
            in_block(
                INFORM,
                "inform-method",
                "Vilken metod väljer vi (möte, sociala medier, webb, broschyr …)?",
                "Which method do we choose (meeting, social media, web, brochure …)?",
            ),
            in_block(
                CONSULT,
                "consult-who",
                "Vilka ska vi fråga?",
                "Whom should we ask?",
            ),
            in_block(
                CONSULT,
                "consult-how",
                "Hur ska vi fråga (fokusgrupp, mystery shopping …)?",
                "How should we ask (focus group, mystery shopping …)?",
            ),
            in_block(
                CONSULT,
                "consult-feedback",
                "Hur redovisar vi svaren och återkopplar till dem vi frågade?",
                "How do we report the answers and get back to those we asked?",
            ),
            in_block(
                DIALOGUE,
                "dialogue-who",
                "Med vilka vill vi samtala?",
                "With whom do we want to talk?",
            ),
            in_block(
                DIALOGUE,
                "dialogue-how",
                "Hur ska samtalet gå till (dialogcafé, SWOT …)?",
                "How will the conversation be held (dialogue café, SWOT …)?",
            ),
            in_block(
                DIALOGUE,
                "dialogue-feedback",
                "Hur redovisar vi och återkopplar det som kom fram?",
                "How do we report and feed back what came out?",
            ),
            in_block(
                INVOLVE,
                "involve-who",
                "Vilka ska vara med (medarbetare, medborgare, brukare, föreningar …)?",
                "Who should take part (staff, citizens, users, associations …)?",
            ),
            in_block(
                INVOLVE,
                "involve-how",
                "Hur ska vi göra det (rådslag, framtidsverkstad …)?",
                "How will we do it (deliberation, future workshop …)?",
            ),
            in_block(
                INVOLVE,
                "involve-feedback",
                "Hur redovisar vi och återkopplar resultatet?",
                "How do we report and feed back the result?",
            ),
            in_block(
                CODECIDE,
                "codecide-who",
                "Vilka ska vara med hela vägen?",
                "Who should take part all the way?",
            ),
            in_block(
                CODECIDE,
                "codecide-how",
                "Hur ska vi genomföra det?",
                "How will we carry it out?",
            ),
            in_block(
                CODECIDE,
                "codecide-decision",
                "Hur fattas besluten om åtgärder?",
                "How are the decisions on actions taken?",
            ),
            in_block(
                CODECIDE,
                "codecide-feedback",
                "Hur redovisar vi och återkopplar resultatet?",
                "How do we report and feed back the result?",
            ),
        ],
    },
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
