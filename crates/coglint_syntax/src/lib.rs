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

pub use hcl::{
    hcl_edit, identifier as hcl_identifier, parse_hcl, parse_hcl_selected, HclFile, SkippedBlock,
};
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

/// `text` with a leading byte order mark replaced by three spaces, its length in UTF-8: the JSON
/// and HCL parsers reject the mark (YAML's accepts it), and every offset into the text, and so
/// every location, stays the same.
pub(crate) fn without_bom(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_source::FileId;

    #[test]
    fn json_and_hcl_with_a_byte_order_mark_parse_at_the_same_offsets() {
        let text = "\u{feff}{\"Resources\": {\"Pool\": 1}}";
        let doc = match parse_json(FileId(0), text, Limits::default()) {
            Ok(d) => d,
            Err(e) => panic!("{e:?}"),
        };
        let pool = doc.root.get("Resources").and_then(|r| r.entry("Pool"));
        assert_eq!(
            pool.map(|e| &text[e.key.range.as_usize()]),
            Some("\"Pool\"")
        );

        let text = "\u{feff}resource \"aws_cognito_user_pool\" \"p\" {\n  mfa_configuration = \"OFF\"\n}\n";
        let body = match parse_hcl(text, Limits::default()) {
            Ok(file) => file.body,
            Err(e) => panic!("{e:?}"),
        };
        let value = body
            .get_blocks("resource")
            .next()
            .and_then(|b| b.body.get_attribute("mfa_configuration"))
            .and_then(|a| hcl_edit::Span::span(&a.value));
        assert_eq!(value.map(|r| &text[r]), Some("\"OFF\""));
        // YAML took it already.
        assert!(parse_yaml(FileId(0), "\u{feff}a: 1\n", Limits::default()).is_ok());
    }

    #[test]
    fn a_second_yaml_document_is_noted_not_read() {
        let doc = |text: &str| match parse_yaml(FileId(0), text, Limits::default()) {
            Ok(d) => d,
            Err(e) => panic!("{e:?}"),
        };
        let text = "a: 1\n---\nResources: {}\n";
        let first = doc(text);
        assert_eq!(first.root.get("Resources"), None);
        let at = first.next_document.map(|r| r.start as usize);
        assert_eq!(at, text.find("---"));
        // Explicit markers around one document, or an end marker alone: one document.
        for one in [
            "a: 1\n",
            "---\na: 1\n...\n",
            "a: 1\n...\n",
            "# c\n---\na: 1\n",
        ] {
            assert_eq!(doc(one).next_document, None, "{one:?}");
        }
        let text = "a: 1\n...\n---\nb: 2\n";
        assert_eq!(
            doc(text).next_document.map(|r| r.start as usize),
            text.rfind("---")
        );
    }
}
