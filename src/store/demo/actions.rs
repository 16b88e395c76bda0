//! The demo's chain from proposal through consequence, decision and action plan.

use super::*;
use crate::model::id::{HypothesisId, ProposalId};

/// One whole chain through Åtgärder, in our own words: a telephone deviation, its cause, a
/// proposal with consequences, its place on the matrix, the decision, and a plan of three
/// activities of which one is overdue.
pub(super) fn demo_action_chain(
    tx: &rusqlite::Transaction<'_>,
) -> Result<(), crate::store::StoreError> {
    use crate::model::action::{
        Activity, ActivityStatus, Body, Consequence, Decision, Outcome, Plan, Purpose,
        ResourceKind, ResourceLine,
    };
    use crate::model::analysis::{
        Analysis, Hypothesis, HypothesisState, Influence, KnowledgeSource, Proposal, item_key,
    };
    use crate::store::shape::Record;
    let year = *YEARS.end();
    Analysis {
        id: 2,
        indicator: "U07451".into(),
        municipality: HOME.into(),
        period: year,
        gender: Gender::Total,
        conclusion: "Samtalen når fram men bemötandet brister när köerna är långa.".into(),
    }
    .save(tx)?;
    for (item, relevance) in [
        (item_key("activities", "way"), "relevant"),
        (item_key("activities", "resources"), "relevant"),
    ] {
        tx.execute(
            "INSERT INTO analysis_answer (analysis_id, item, relevance, note) VALUES (2, ?1, ?2, '')",
            rusqlite::params![item, relevance],
        )?;
    }
    Hypothesis {
        id: HypothesisId(3),
        analysis_id: 2,
        heading: "activities".into(),
        statement: "Växeln saknar stöd för vanliga frågor, så samtal kopplas runt.".into(),
        origin: "Intervjuer med växeln".into(),
        state: HypothesisState::Confirmed,
        reason: "Samtalsloggar visar att fyra av tio samtal kopplas vidare.".into(),
        decided_on: Some(format!("{year}-03-15")),
        influence: Some(Influence::Large),
        position: 0,
    }
    .save(tx)?;
    Proposal {
        id: ProposalId(2),
        analysis_id: 2,
        text: "Inrätta en kundtjänst med svar på vanliga frågor.".into(),
        causes: vec![HypothesisId(3)],
        sources: vec![KnowledgeSource::GoodExamples, KnowledgeSource::Staff],
        reference: "Jämförelsekommunernas kundtjänster".into(),
    }
    .save(tx)?;
    let line = |kind, amount, yearly| ResourceLine {
        kind,
        amount,
        yearly,
        note: String::new(),
    };
    Consequence {
        id: 1,
        proposal_id: ProposalId(2),
        resources: vec![
            line(ResourceKind::Money, 750_000.0, false),
            line(ResourceKind::Staff, 0.5, true),
        ],
        service: "Växeln och kundtjänsten slås ihop; fler frågor besvaras direkt.".into(),
        reorganisation: true,
        citizens: "Fler får svar i första samtalet.".into(),
        goals: Vec::new(),
    }
    .save(tx)?;
    tx.execute(
        "INSERT INTO proposal_place (proposal_id, effort, effect, position) VALUES (2, 4, 5, 0)",
        [],
    )?;
    Decision {
        id: 1,
        body: Body::Executive,
        body_name: String::new(),
        meeting: format!("{year}-05-20"),
        reference: "KS § 112".into(),
        outcomes: vec![(ProposalId(2), Outcome::Adopted)],
        assignment: "Kommunledningsförvaltningen inrättar en kundtjänst.".into(),
        inform_services: "På chefsforum och intranätet.".into(),
        inform_others: "Analysgruppen och medarbetarna i växeln återkopplas.".into(),
        implementation_follow_up: "Rapport varje kvartal till kommunstyrelsen.".into(),
        effect_follow_up: format!("{}-03-31", year + 1),
        needs_resources: true,
        changes_goals: false,
    }
    .save(tx)?;
    Plan {
        id: 1,
        decision_id: 1,
        area: "Tillgänglighet per telefon".into(),
        current_state: "För få får ett gott bemötande när de ringer.".into(),
        indicator: Some("U07451".into()),
        target: "Fler än tidigare året får ett gott bemötande.".into(),
        owner: "Medborgarkontoret".into(),
        follow_up: "Rapport".into(),
        when: "Varje kvartal".into(),
        to_whom: "Kommunstyrelsen".into(),
        goal_id: Some(4),
    }
    .save(tx)?;
    let activity = |id, text: &str, owner: &str, due: String, status| Activity {
        id,
        plan_id: 1,
        parent: None,
        text: text.into(),
        purpose: Purpose::ImproveResults,
        resources: Vec::new(),
        owner: owner.into(),
        follow_up: "Rapport på intranätet".into(),
        schedule: "Varje månad".into(),
        due: Some(due),
        status,
        why: "Orsaken: samtal kopplas runt i växeln.".into(),
    };
    activity(
        1,
        "Kartlägg de vanligaste frågorna i växeln",
        "Stöd och resurs",
        format!("{year}-06-30"),
        ActivityStatus::Done,
    )
    .save(tx)?;
    activity(
        2,
        "Inrätta kundtjänsten",
        "Ledningsgruppen",
        format!("{year}-09-30"),
        ActivityStatus::Ongoing,
    )
    .save(tx)?;
    // Due half a year after the demo is made, so it is never overdue in a fresh demo.
    activity(
        3,
        "Utbilda medarbetarna i bemötande",
        "HR-avdelningen",
        crate::model::value::days_from_today(180),
        ActivityStatus::NotStarted,
    )
    .save(tx)?;
    Ok(())
}
