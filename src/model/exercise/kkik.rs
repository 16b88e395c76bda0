//! The KKiK measures by area, as the guide names them.

use super::*;

/// A KKiK measure on the built-in list (the 2014 guide's numbering).
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub id: &'static str,
    pub area: Tr,
    pub text: Tr,
}

pub(super) const fn m(id: &'static str, area: Tr, sv: &'static str, en: &'static str) -> Measure {
    Measure {
        id,
        area,
        text: Tr::new(sv, en),
    }
}

pub(super) const ACCESS: Tr = Tr::new("Tillgänglighet", "Accessibility");

pub(super) const SAFETY: Tr = Tr::new("Trygghet", "Safety");

pub(super) const VOICE: Tr = Tr::new(
    "Delaktighet och information",
    "Participation and information",
);

pub(super) const EFFICIENCY: Tr = Tr::new("Effektivitet", "Efficiency");

pub(super) const SOCIETY: Tr = Tr::new("Samhällsutvecklare", "Community developer");

pub(super) const ACCESS_MORE: Tr = Tr::new(
    "Tillgänglighet, kompletterande",
    "Accessibility, supplementary",
);

pub(super) const SAFETY_MORE: Tr = Tr::new("Trygghet, kompletterande", "Safety, supplementary");

pub(super) const EFFICIENCY_MORE: Tr =
    Tr::new("Effektivitet, kompletterande", "Efficiency, supplementary");

pub(super) const SOCIETY_MORE: Tr = Tr::new(
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
