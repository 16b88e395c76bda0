//! The follow-up and annual-report exercises and the clarity grid: their sections and questions.

use super::*;

/// The three questions every communication tool ends with.
pub(super) const FOLLOW_UP: Section = section(
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

pub(super) const ANNUAL_REPORT: &[Section] = &[
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

pub(super) const CLARITY: &[Section] = &[
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
