//! The rules' own fixes as code actions: the hook where a finding's `Fix` (title, safety, edits)
//! becomes quick fixes. The rule crate offers no fixes yet (they are being built on the `fixes`
//! branch): until they land, no finding has one.

use std::path::PathBuf;

use coglint_rules::Finding;
use coglint_source::{FileId, SourceDb};

use crate::check::Edit;
use crate::convert::Encoding;

/// One fix of a finding, as a code action offers it.
#[derive(Clone, Debug, PartialEq)]
pub struct FixAction {
    pub title: String,
    /// Safe to apply without review: offered as the preferred action.
    pub preferred: bool,
    pub edits: Vec<Edit>,
}

/// The fixes the rule offers for `finding`, their byte spans turned into ranges.
pub fn actions(
    _finding: &Finding,
    _sources: &SourceDb,
    _encoding: Encoding,
    _path_of: &mut impl FnMut(FileId) -> PathBuf,
) -> Vec<FixAction> {
    Vec::new()
}
