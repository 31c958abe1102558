//! The rules' own fixes as quick fixes: a finding's `Fix` (title, applicability, byte edits
//! rendered by `coglint_linter::fix::render_in` after the scan) becomes one code action; a safe
//! fix is the preferred action, an unsafe one says so in its title.

use std::path::PathBuf;

use coglint_rules::{Applicability, Finding};
use coglint_source::{FileId, SourceDb};

use crate::check::Edit;
use crate::convert::{self, Encoding};

/// One fix of a finding, as a code action offers it.
#[derive(Clone, Debug, PartialEq)]
pub struct FixAction {
    pub title: String,
    /// Safe to apply without review: offered as the preferred action.
    pub preferred: bool,
    pub edits: Vec<Edit>,
}

/// The fix the rule offers for `finding`, its byte spans turned into ranges; none when the
/// rule offers none or it could not be rendered (a generated file, an ambiguous structure).
pub fn actions(
    finding: &Finding,
    sources: &SourceDb,
    encoding: Encoding,
    path_of: &mut impl FnMut(FileId) -> PathBuf,
) -> Vec<FixAction> {
    let Some(fix) = finding.fix.as_ref().filter(|f| f.is_rendered()) else {
        return Vec::new();
    };
    let mut edits = Vec::with_capacity(fix.edits.len());
    for edit in &fix.edits {
        let Some(file) = sources.get(edit.span.file) else {
            return Vec::new();
        };
        edits.push(Edit {
            path: path_of(edit.span.file),
            range: convert::range(file, edit.span.range, encoding),
            text: edit.replacement.clone(),
        });
    }
    let safe = fix.applicability == Applicability::Safe;
    vec![FixAction {
        title: if safe {
            fix.title.clone()
        } else {
            format!("{} (unsafe fix: review it)", fix.title)
        },
        preferred: safe,
        edits,
    }]
}
