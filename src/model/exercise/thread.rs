//! The red thread exercise, for officials and for elected members.

use super::*;

pub(super) const OFFICIALS: usize = 0;

pub(super) const MEMBERS: usize = 1;

pub(super) const THREAD: &[Section] = &[
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
