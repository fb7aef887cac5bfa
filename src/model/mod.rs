//! The input types: what each file of a programme directory holds, as the input format
//! (`docs/input-format.md`) defines it.
//!
//! Every type denies unknown keys, so a misspelt key is an error with a did-you-mean rather than
//! a silently ignored value. References between files are ids (`String`), resolved and checked
//! by `validate` and `document`.

/// An enum of keywords written in the input files and on the command line, each keyword spelt
/// once: serde reads it, clap parses it (`--status proposed`), [`as_str`](StepStatus::as_str)
/// writes it back (`add-step`), `ALL` lists the choices (the questions of `add-*`) and the JSON
/// Schema lists every keyword in `enum`, each with its description (`crate::schema`).
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $keyword:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Deserialize, serde::Serialize, clap::ValueEnum, schemars::JsonSchema,
        )]
        #[schemars(transform = crate::schema::keyword_enum)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $keyword)] #[value(name = $keyword)] $variant, )+
        }

        impl $name {
            /// Every value, in the order of the definition.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The keyword as written in the files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $keyword,)+
                }
            }
        }
    };
}
pub(crate) use keyword_enum;

mod case;
pub(crate) mod date;
mod indicator;
mod organisation;
mod participant;
mod period;
mod programme;
mod session;
mod step;

pub use case::{Case, Problem, Proposal, ProposalStatus};
pub use date::{Date, DateField, MONTHS_EN, date_hint, days_in_month, is_leap};
pub use indicator::{Actual, Baseline, Direction, Indicator, NUMBER_OR_ACTUAL};
pub use organisation::{OrgKind, Organisation};
pub use participant::{Participant, Role};
pub use period::{PeriodError, PeriodKey, ReportPeriod};
pub use programme::{
    AbbreviationEntry, Approval, DATE_OR_REVISION, Format, Locale, Output, Period, Programme,
    Revision, Risk, SignOff, SourceNames, Status,
};
pub use session::{Agreement, Session};
pub use step::{
    AMOUNT_DECIMALS, Funding, FundingSource, ID_OR_LIST, OneOrMany, Progress, ProgressStatus,
    RawDeadline, Step, StepStatus, decimals,
};

/// True when `s` is a valid id: `[a-z0-9][a-z0-9-]*`.
pub fn is_valid_id(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

fn yes() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["asi", "kursk-admin", "partnership-3", "i4", "2027"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "Asi", "a_b", "a b", "ид", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
