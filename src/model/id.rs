//! Record ids by kind. A hypothesis id cannot be passed where a proposal id is meant; in the
//! workbook and the undo log they are the plain numbers they always were (transparent JSON).
//!
//! ```compile_fail
//! use styrsnurra::model::id::{HypothesisId, ProposalId};
//! fn decide(_: ProposalId) {}
//! decide(HypothesisId(1));
//! ```

/// Declares an id type for one kind of record.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// An id of this kind of record only: the number stored in the workbook.
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            Default,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The number stored in the workbook.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type! {
    /// A hypothesis of an analysis.
    HypothesisId
}

id_type! {
    /// A proposal for improvement (åtgärdsförslag).
    ProposalId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_number_in_json() {
        let ratings = vec![(HypothesisId(7), -1i8)];
        let json = serde_json::to_string(&ratings).unwrap();
        assert_eq!(json, "[[7,-1]]");
        let back: Vec<(HypothesisId, i8)> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ratings);
        assert_eq!(ProposalId::from(3).get(), 3);
    }
}
