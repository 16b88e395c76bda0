//! Styrsnurra: a workbook for a municipality's analysis group, following SKL's steering cycle.

// No unwrap outside tests: an error is shown to the user once, or an invariant is named in an
// `expect`. (Tests and benches may unwrap; they are separate crates.)
#![warn(clippy::unwrap_used)]

/// Declares a fieldless enum together with its `ALL`: every variant in the order declared, so
/// the list cannot leave one out.
macro_rules! enum_with_all {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every variant, in the order declared.
            pub const ALL: [$name; [$(stringify!($variant)),*].len()] = [$($name::$variant,)*];
        }
    };
}
pub(crate) use enum_with_all;

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod labels;
pub mod model;
pub mod report;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
