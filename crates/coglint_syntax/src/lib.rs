//! Located value trees.
//!
//! The YAML and JSON parsers produce the same [`Node`] tree, in which every map key and every
//! value carries its byte range. CloudFormation's YAML short-form tags (`!Ref x`) become the long
//! form (`{Ref: x}`) with the tag token's range on the key, so a front end reads one shape.
//! HCL keeps hcl-edit's own spanned tree ([`parse_hcl`]), with duplicate object keys resolved as
//! Terraform resolves them.

mod hcl;
mod json;
mod tree;
mod yaml;

pub use hcl::{hcl_edit, parse_hcl, HclFile};
pub use json::parse_json;
pub use tree::{Comment, Document, DuplicateKey, Entry, Key, Node, NodeKind, Scalar, ScalarStyle};
pub use yaml::parse_yaml;

use coglint_source::TextRange;

/// Bounds that keep a hostile file from exhausting the stack or memory.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of collections (CloudFormation templates rarely pass 15).
    pub max_depth: usize,
    /// Most nodes that YAML aliases may add to a document by repeating their anchors.
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 128,
            max_alias_nodes: 100_000,
        }
    }
}

/// Why a file could not be read as YAML or JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub range: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The text is not well-formed YAML or JSON.
    Malformed,
    /// Collections are nested deeper than [`Limits::max_depth`].
    TooDeep,
    /// Aliases would add more than [`Limits::max_alias_nodes`] nodes.
    AliasExpansion,
    /// A construct that is valid YAML but has no meaning in a template (a mapping used as a key).
    Unsupported,
}

impl SyntaxError {
    pub(crate) fn new(kind: SyntaxErrorKind, message: impl Into<String>, range: TextRange) -> Self {
        Self {
            kind,
            message: message.into(),
            range,
        }
    }
}
