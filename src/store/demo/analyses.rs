//! The demo's analysis of a deviation, with causes, hypotheses and proposals.

use super::*;
use crate::model::id::{HypothesisId, ProposalId};

/// An analysis already begun on a demo deviation (how satisfied residents of special housing
/// are), so the Sök orsaker step shows the method at work on first start.
pub(super) fn demo_analysis(
    tx: &rusqlite::Transaction<'_>,
) -> Result<(), crate::store::StoreError> {
    use crate::model::analysis::{
        Analysis, DataView, Evidence, Hypothesis, HypothesisState, KnowledgeSource, Proposal,
        item_key,
    };
    use crate::store::shape::Record;
    Analysis {
        id: 1,
        indicator: "U21468".into(),
        municipality: HOME.into(),
        period: *YEARS.end(),
        gender: Gender::Total,
        conclusion: String::new(),
    }
    .save(tx)?;
    for (item, relevance, note) in [
        (
            item_key("measurement", "counting"),
            "not_relevant",
            "Kontrollerat mot verksamhetssystemet.",
        ),
        (
            item_key("environment", "population"),
            "relevant",
            "Fler över 85 år sedan 2020.",
        ),
        (item_key("activities", "way"), "relevant", ""),
    ] {
        tx.execute(
            "INSERT INTO analysis_answer (analysis_id, item, relevance, note) VALUES (1, ?1, ?2, ?3)",
            rusqlite::params![item, relevance, note],
        )?;
    }
    Hypothesis {
        id: HypothesisId(1),
        analysis_id: 1,
        heading: "activities".into(),
        statement: "Personalen hinner inte samtala med de boende, eftersom schemat styrs av de praktiska uppgifterna.".into(),
        origin: "Dialog med äldreomsorgens enhetschefer".into(),
        state: HypothesisState::Investigating,
        ..Hypothesis::default()
    }
    .save(tx)?;
    Hypothesis {
        id: HypothesisId(2),
        analysis_id: 1,
        heading: "users".into(),
        statement: "De boende är sjukare när de flyttar in och orkar mindre av det sociala livet."
            .into(),
        origin: "Brukarundersökningens fritextsvar".into(),
        ..Hypothesis::default()
    }
    .save(tx)?;
    Evidence {
        id: 1,
        analysis_id: 1,
        text: "Väntetiden till särskilt boende har ökat: de som flyttar in är sjukare.".into(),
        view: Some(DataView {
            indicator: "U23401".into(),
            ..DataView::default()
        }),
        ratings: vec![(HypothesisId(1), 0), (HypothesisId(2), 1)],
    }
    .save(tx)?;
    Proposal {
        id: ProposalId(1),
        analysis_id: 1,
        text: "Schemalägg en stund för samtal med varje boende varje dag.".into(),
        causes: vec![HypothesisId(1)],
        sources: vec![KnowledgeSource::Staff, KnowledgeSource::GoodExamples],
        reference: "Besök i en jämförelsekommun".into(),
    }
    .save(tx)?;
    Ok(())
}
