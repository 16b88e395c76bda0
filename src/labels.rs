//! Every label of a domain value (gender, direction, target kind, target signal, trend, band),
//! once. Pages, widgets and the reports call these instead of writing the words again, so a
//! word is translated one way everywhere — on screen and on paper. (No egui here: the command
//! line writes reports without the window.)

use crate::i18n::{Lang, Tr};
use crate::model::action::{
    ActivityStatus, Body, EffectSignal, Outcome, Purpose, Quadrant, ResourceKind,
};
use crate::model::analysis::{
    ExampleSource, HypothesisState, Influence, KnowledgeSource, Relevance,
};
use crate::model::board::{AGENDA, Field, SwotStep};
use crate::model::deviation::{Band, Trend};
use crate::model::goal::{ChangeTarget, TargetLevel, TargetSignal};
use crate::model::{Direction, Gender};

/// The word for a target level, in every table and heading.
pub const TARGET_LEVEL: Tr = Tr::new("Målnivå", "Target level");

pub fn gender(g: Gender) -> Tr {
    match g {
        Gender::Total => Tr::new("Totalt", "Total"),
        Gender::Women => Tr::new("Kvinnor", "Women"),
        Gender::Men => Tr::new("Män", "Men"),
    }
}

pub fn direction(d: Option<Direction>) -> Tr {
    match d {
        Some(Direction::HigherIsBetter) => Tr::new("Högre är bättre", "Higher is better"),
        Some(Direction::LowerIsBetter) => Tr::new("Lägre är bättre", "Lower is better"),
        Some(Direction::Neutral) => Tr::new("Neutral", "Neutral"),
        None => Tr::new("Inte angiven", "Not set"),
    }
}

/// The kind of a target level (the choice in the goal editor).
pub fn target_kind(t: Option<TargetLevel>) -> Tr {
    match t {
        Some(TargetLevel::Value { .. }) => Tr::new("Värde", "Value"),
        Some(TargetLevel::Change(change)) => change_target(change),
        None => Tr::new("Ingen", "None"),
    }
}

pub fn change_target(c: ChangeTarget) -> Tr {
    match c {
        ChangeTarget::Increase => Tr::new("Öka", "Increase"),
        ChangeTarget::Decrease => Tr::new("Minska", "Decrease"),
        ChangeTarget::Unchanged => Tr::new("Oförändrat", "Unchanged"),
    }
}

/// A target level in words, with its unit: "86,0 % (2024)", "öka".
pub fn target_text(lang: Lang, t: Option<TargetLevel>, unit: &str) -> String {
    match t {
        Some(TargetLevel::Value { value, year }) => {
            format!("{} ({year})", lang.value_with_unit(value, unit))
        }
        Some(TargetLevel::Change(ChangeTarget::Increase)) => lang.t("öka", "increase").into(),
        Some(TargetLevel::Change(ChangeTarget::Decrease)) => lang.t("minska", "decrease").into(),
        Some(TargetLevel::Change(ChangeTarget::Unchanged)) => {
            lang.t("oförändrat", "unchanged").into()
        }
        None => lang.t("ingen målnivå", "no target").into(),
    }
}

pub fn target_signal(s: Option<TargetSignal>) -> Tr {
    match s {
        Some(TargetSignal::Met) => Tr::new("Nått", "Met"),
        Some(TargetSignal::Close) => Tr::new("Nära", "Close"),
        Some(TargetSignal::NotMet) => Tr::new("Ej nått", "Not met"),
        None => Tr::new("Ingen signal", "No signal"),
    }
}

pub fn trend(t: Option<Trend>) -> Tr {
    match t {
        Some(Trend::Improving) => Tr::new("Bättre", "Improving"),
        Some(Trend::Stable) => Tr::new("Oförändrat", "Stable"),
        Some(Trend::Worsening) => Tr::new("Sämre", "Worsening"),
        None => Tr::new("Ingen trend", "No trend"),
    }
}

pub fn band(b: Option<Band>) -> Tr {
    match b {
        Some(Band::Best25) => Tr::new("Bästa 25 %", "Best 25 %"),
        Some(Band::Middle50) => Tr::new("Mellersta 50 %", "Middle 50 %"),
        Some(Band::Worst25) => Tr::new("Sämsta 25 %", "Worst 25 %"),
        None => Tr::new("Ingen jämförelse", "No comparison"),
    }
}

pub fn relevance(r: Relevance) -> Tr {
    match r {
        Relevance::Relevant => Tr::new("Relevant", "Relevant"),
        Relevance::NotRelevant => Tr::new("Inte relevant", "Not relevant"),
        Relevance::Unknown => Tr::new("Vet inte", "Don't know"),
    }
}

pub fn hypothesis_state(s: HypothesisState) -> Tr {
    match s {
        HypothesisState::Proposed => Tr::new("Föreslagen", "Proposed"),
        HypothesisState::Investigating => Tr::new("Under utredning", "Under investigation"),
        HypothesisState::Confirmed => Tr::new("Fastställd", "Confirmed"),
        HypothesisState::Rejected => Tr::new("Förkastad", "Rejected"),
    }
}

/// How much a cause weighs on the result.
pub fn influence(i: Influence) -> Tr {
    match i {
        Influence::Large => Tr::new("Stor påverkan", "Large influence"),
        Influence::Some => Tr::new("Viss påverkan", "Some influence"),
        Influence::Small => Tr::new("Liten påverkan", "Small influence"),
    }
}

pub fn knowledge_source(k: KnowledgeSource) -> Tr {
    match k {
        KnowledgeSource::Research => Tr::new("Forskning", "Research"),
        KnowledgeSource::GoodExamples => Tr::new("Goda exempel", "Good examples"),
        KnowledgeSource::Staff => Tr::new("Chefer och medarbetare", "Managers and staff"),
        KnowledgeSource::Citizens => Tr::new("Medborgare och brukare", "Citizens and users"),
    }
}

pub fn example_source(e: ExampleSource) -> Tr {
    match e {
        ExampleSource::KkikComparison => Tr::new("KKiK-jämförelse", "KKiK comparison"),
        ExampleSource::Kolada => Tr::new("Kolada", "Kolada"),
        ExampleSource::OwnUnit => Tr::new("Egen enhet", "Own unit"),
        ExampleSource::Publication => Tr::new("Skrift", "Publication"),
        ExampleSource::Visit => Tr::new("Besök", "Visit"),
        ExampleSource::Call => Tr::new("Samtal", "Call"),
    }
}

/// A quadrant of the prioritisation matrix.
pub fn quadrant(q: Quadrant) -> Tr {
    match q {
        Quadrant::DoFirst => Tr::new("Gör först", "Do first"),
        Quadrant::PlanAndWeigh => Tr::new("Planera och väg", "Plan and weigh"),
        Quadrant::DoIfCheap => Tr::new("Gör om det är billigt", "Do if cheap"),
        Quadrant::Lowest => Tr::new("Lägst prioritet", "Lowest priority"),
    }
}

/// What an activity is for.
pub fn purpose(p: Purpose) -> Tr {
    match p {
        Purpose::ReachGoal => Tr::new("Nå ett mål", "Reach a goal"),
        Purpose::ImproveResults => Tr::new("Förbättra resultaten", "Improve the results"),
        Purpose::DevelopService => Tr::new("Utveckla verksamheten", "Develop the service"),
    }
}

/// The unit of a kind of resource.
pub fn resource_unit(k: ResourceKind) -> Tr {
    match k {
        ResourceKind::Staff => Tr::new("årsarbetare", "FTE"),
        ResourceKind::Money => Tr::new("kr", "SEK"),
        ResourceKind::Other => Tr::new("annat", "other"),
    }
}

/// The body that decides.
pub fn body(b: Body) -> Tr {
    match b {
        Body::Council => Tr::new("Kommunfullmäktige", "Municipal council"),
        Body::Executive => Tr::new("Kommunstyrelsen", "Executive board"),
        Body::Committee => Tr::new("Nämnd", "Committee"),
    }
}

/// What a decision said about a proposal.
pub fn outcome(o: Outcome) -> Tr {
    match o {
        Outcome::Adopted => Tr::new("Bifall", "Adopted"),
        Outcome::Amended => Tr::new("Ändrat", "Amended"),
        Outcome::Rejected => Tr::new("Avslag", "Rejected"),
        Outcome::Postponed => Tr::new("Bordlagt", "Postponed"),
    }
}

pub fn activity_status(s: ActivityStatus) -> Tr {
    match s {
        ActivityStatus::NotStarted => Tr::new("Ej påbörjad", "Not started"),
        ActivityStatus::Ongoing => Tr::new("Pågår", "Ongoing"),
        ActivityStatus::Done => Tr::new("Klar", "Done"),
        ActivityStatus::Delayed => Tr::new("Försenad", "Delayed"),
        ActivityStatus::Cancelled => Tr::new("Avbruten", "Cancelled"),
    }
}

/// How an action's indicator has moved since the decision.
pub fn effect(e: Option<EffectSignal>) -> Tr {
    match e {
        Some(EffectSignal::Reached) => Tr::new("Målet nått", "Target reached"),
        Some(EffectSignal::Better) => Tr::new("Bättre", "Better"),
        Some(EffectSignal::Unchanged) => Tr::new("Oförändrat", "Unchanged"),
        Some(EffectSignal::Worse) => Tr::new("Sämre", "Worse"),
        None => Tr::new("Ingen bedömning", "No judgement"),
    }
}

/// A cause checklist heading.
pub fn cause_heading(key: &str) -> Tr {
    crate::model::analysis::heading(key).map_or(Tr::new("Egen", "Own"), |h| Tr::new(h.sv, h.en))
}

/// A gender as a suffix after an indicator's name: nothing for the total.
pub fn gender_suffix(lang: Lang, g: Gender) -> String {
    match g {
        Gender::Total => String::new(),
        _ => format!(" ({})", gender(g).get(lang).to_lowercase()),
    }
}

/// A board's field: its name on the board.
pub fn field(f: Field) -> Tr {
    match f {
        Field::Opportunity => Tr::new("Möjligheter", "Opportunities"),
        Field::Threat => Tr::new("Hot", "Threats"),
        Field::Strength => Tr::new("Styrkor", "Strengths"),
        Field::Weakness => Tr::new("Svagheter", "Weaknesses"),
        Field::NewsItem => Tr::new("C Notiser", "C News items"),
        Field::Quote => Tr::new("D Citat", "D Quotes"),
        Field::Activity => Tr::new("E Aktiviteter", "E Activities"),
        Field::Theme => Tr::new("Gemensamma teman", "Common themes"),
        Field::SuccessFactor => Tr::new("Framgångsfaktorer", "Success factors"),
        Field::SummaryActivity => Tr::new("Aktiviteter", "Activities"),
    }
}

/// What a field asks the room, in our words (the SWOT's supporting questions, the sheet's
/// categories).
pub fn field_help(f: Field) -> Tr {
    match f {
        Field::Opportunity => Tr::new(
            "Vad i omvärlden gör det lättare för oss? Vilka trender kan vi dra nytta av?",
            "What outside us makes it easier? Which trends can we use?",
        ),
        Field::Threat => Tr::new(
            "Vad i omvärlden kan slå mot oss om vi inte styr med resultat?",
            "What outside us could hurt us if we do not steer by results?",
        ),
        Field::Strength => Tr::new(
            "Vad gör vi bra i dag? Vilka förutsättningar gör det möjligt att utvecklas?",
            "What do we do well today? What makes development possible?",
        ),
        Field::Weakness => Tr::new(
            "Vad måste vi stärka? Vad hindrar oss i dag?",
            "What must we strengthen? What holds us back today?",
        ),
        Field::NewsItem => Tr::new(
            "Intressanta fakta om framgången",
            "Interesting facts about the success",
        ),
        Field::Quote => Tr::new(
            "Vem sa vad? Citaten hör ihop med toppnyheten",
            "Who said what? The quotes belong to the top news",
        ),
        Field::Activity => Tr::new(
            "Vad gjorde vi för att lyckas?",
            "What did we do to succeed?",
        ),
        Field::Theme => Tr::new(
            "Det som återkom i gruppernas nyheter",
            "What recurred in the groups' news",
        ),
        Field::SuccessFactor => Tr::new(
            "Det som gjorde framgången möjlig",
            "What made the success possible",
        ),
        Field::SummaryActivity => Tr::new(
            "Aktiviteter att gå vidare med: gör dem till förslag eller aktiviteter",
            "Activities to take further: make them proposals or activities",
        ),
    }
}

/// A SWOT step's title.
pub fn swot_step(step: SwotStep) -> Tr {
    match step {
        SwotStep::External => Tr::new("1 Möjligheter och hot", "1 Opportunities and threats"),
        SwotStep::Internal => Tr::new("2 Styrkor och svagheter", "2 Strengths and weaknesses"),
        SwotStep::Summary => Tr::new("3 Sammanfattning", "3 Summary"),
        SwotStep::Analysis => Tr::new("4 Analys", "4 Analysis"),
    }
}

/// The four analysis questions of SWOT step 4, in `ANALYSIS_QUESTIONS` order.
pub fn analysis_question(index: usize) -> Tr {
    match index {
        0 => Tr::new(
            "Hur använder vi våra styrkor?",
            "How do we use our strengths?",
        ),
        1 => Tr::new(
            "Hur tar vi vara på möjligheterna omkring oss?",
            "How do we seize the opportunities around us?",
        ),
        2 => Tr::new(
            "Hur rättar vi till våra svagheter?",
            "How do we fix our weaknesses?",
        ),
        _ => Tr::new(
            "Hur möter vi hoten utifrån?",
            "How do we counter the threats from outside?",
        ),
    }
}

/// A Toppnyhet agenda item, by its key in `model::board::AGENDA`.
pub fn agenda_item(key: &str) -> Tr {
    match key {
        "intro" => Tr::new("Genomgång av övningen", "Introducing the exercise"),
        "alone" => Tr::new("Var och en tänker själv", "Everyone thinks alone"),
        "groups" => Tr::new("Grupperna skapar sin nyhet", "The groups create their news"),
        "present" => Tr::new(
            "Grupperna berättar, intervjuer",
            "The groups present, interviews",
        ),
        _ => Tr::new(
            "Teman, framgångsfaktorer och reflektion",
            "Themes, success factors and reflection",
        ),
    }
}

/// Every label above, for the test that no translation is empty.
pub fn all() -> Vec<Tr> {
    let directions = [
        Some(Direction::HigherIsBetter),
        Some(Direction::LowerIsBetter),
        Some(Direction::Neutral),
        None,
    ];
    let changes = [
        ChangeTarget::Increase,
        ChangeTarget::Decrease,
        ChangeTarget::Unchanged,
    ];
    let signals = [
        Some(TargetSignal::Met),
        Some(TargetSignal::Close),
        Some(TargetSignal::NotMet),
        None,
    ];
    let trends = [
        Some(Trend::Improving),
        Some(Trend::Stable),
        Some(Trend::Worsening),
        None,
    ];
    let bands = [
        Some(Band::Best25),
        Some(Band::Middle50),
        Some(Band::Worst25),
        None,
    ];
    let mut all = vec![TARGET_LEVEL, target_kind(None)];
    all.extend(
        [
            Relevance::Relevant,
            Relevance::NotRelevant,
            Relevance::Unknown,
        ]
        .map(relevance),
    );
    all.extend(HypothesisState::ALL.map(hypothesis_state));
    all.extend(Influence::ALL.map(influence));
    all.extend(KnowledgeSource::ALL.map(knowledge_source));
    all.extend(ExampleSource::ALL.map(example_source));
    all.extend(Quadrant::ALL.map(quadrant));
    all.extend(Field::ALL.map(field));
    all.extend(Field::ALL.map(field_help));
    all.extend(SwotStep::ALL.map(swot_step));
    all.extend((0..4).map(analysis_question));
    all.extend(AGENDA.iter().map(|a| agenda_item(a.key)));
    all.extend(Purpose::ALL.map(purpose));
    all.extend(
        [
            ResourceKind::Staff,
            ResourceKind::Money,
            ResourceKind::Other,
        ]
        .map(resource_unit),
    );
    all.extend([Body::Council, Body::Executive, Body::Committee].map(body));
    all.extend(
        [
            Outcome::Adopted,
            Outcome::Amended,
            Outcome::Rejected,
            Outcome::Postponed,
        ]
        .map(outcome),
    );
    all.extend(ActivityStatus::ALL.map(activity_status));
    all.extend(
        [
            Some(EffectSignal::Reached),
            Some(EffectSignal::Better),
            Some(EffectSignal::Unchanged),
            Some(EffectSignal::Worse),
            None,
        ]
        .map(effect),
    );
    for h in crate::model::analysis::CAUSE_CHECKLIST {
        all.push(Tr::new(h.sv, h.en));
        all.extend(h.questions.iter().map(|(_, sv, en)| Tr::new(sv, en)));
    }
    all.extend(Gender::ALL.map(gender));
    all.extend(directions.map(direction));
    all.extend(changes.map(change_target));
    all.extend(signals.map(target_signal));
    all.extend(trends.map(trend));
    all.extend(bands.map(band));
    all
}

/// An action plan's activities in a few words, in the right number:
/// "3 aktiviteter, 1 klar, 1 försenad".
pub fn activity_tally(lang: Lang, total: usize, done: usize, late: usize) -> String {
    match lang {
        Lang::Sv => format!(
            "{total} {}, {done} {}, {late} {}",
            if total == 1 {
                "aktivitet"
            } else {
                "aktiviteter"
            },
            if done == 1 { "klar" } else { "klara" },
            if late == 1 { "försenad" } else { "försenade" },
        ),
        Lang::En => format!(
            "{total} {}, {done} done, {late} overdue",
            if total == 1 { "activity" } else { "activities" }
        ),
    }
}

/// A number of dots in the right number: "1 pinne", "3 pinnar".
pub fn dots(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 pinne".to_string(),
        (Lang::Sv, n) => format!("{n} pinnar"),
        (Lang::En, 1) => "1 dot".to_string(),
        (Lang::En, n) => format!("{n} dots"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::{PageId, Phase};

    #[test]
    fn no_label_title_or_phase_lacks_a_translation() {
        let titles = PageId::ALL.iter().map(|p| p.info().title);
        let phases = Phase::ALL.iter().map(|p| p.title());
        let texts: Vec<Tr> = all()
            .into_iter()
            .chain(titles)
            .chain(phases)
            .chain(
                crate::model::checklist::CHECKLISTS
                    .iter()
                    .flat_map(|c| c.items.iter().map(|i| i.text)),
            )
            .chain(crate::model::planning::CycleEvent::ALL.map(|e| e.label()))
            .collect();
        for text in &texts {
            assert!(!text.is_incomplete(), "an empty translation: {text:?}");
        }
        assert!(texts.len() > 30);
    }

    #[test]
    fn every_page_is_in_a_phase_shown_in_the_navigation() {
        let listed: usize = Phase::ALL
            .iter()
            .map(|ph| PageId::of_phase(*ph).count())
            .sum();
        assert_eq!(listed, PageId::ALL.len());
    }

    #[test]
    fn activity_counts_take_the_right_number() {
        assert_eq!(
            super::activity_tally(Lang::Sv, 3, 1, 1),
            "3 aktiviteter, 1 klar, 1 försenad"
        );
        assert_eq!(
            super::activity_tally(Lang::Sv, 1, 0, 2),
            "1 aktivitet, 0 klara, 2 försenade"
        );
    }

    #[test]
    fn one_dot_is_a_pinne() {
        assert_eq!(super::dots(Lang::Sv, 1), "1 pinne");
        assert_eq!(super::dots(Lang::Sv, 0), "0 pinnar");
        assert_eq!(super::dots(Lang::En, 2), "2 dots");
    }
}
