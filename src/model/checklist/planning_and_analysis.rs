//! The checklists from culture and structure through the consequence assessment, as the guide
//! words them.

use super::*;

pub(super) const KULTUR_OCH_STRUKTUR: Checklist = Checklist {
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
};

pub(super) const BESKRIV_UPPDRAG: Checklist = Checklist {
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
};

pub(super) const SATTA_MAL: Checklist = Checklist {
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
};

pub(super) const RESURSFORDELNING: Checklist = Checklist {
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
};

pub(super) const HANDLINGSPLAN: Checklist = Checklist {
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
};

pub(super) const UPPFOLJNING_OCH_ANALYS: Checklist = Checklist {
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
};

pub(super) const SAMLA_INFORMATION: Checklist = Checklist {
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
};

pub(super) const FOKUSERA: Checklist = Checklist {
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
};

pub(super) const SOK_ORSAKER: Checklist = Checklist {
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
};

pub(super) const DRA_SLUTSATSER: Checklist = Checklist {
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
};

pub(super) const KONSEKVENSBESKRIVNING: Checklist = Checklist {
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
};
