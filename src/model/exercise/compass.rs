//! The compass exercises: the areas, the degree of influence and the categories.

use super::*;

pub(super) const COMPASS_AREAS: &[Section] = &[
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

pub(super) const INFLUENCE_FORM: &[Section] = &[row_section(
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

pub(super) const CATEGORY_FORM: &[Section] = &[row_section(
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
