//! The located value tree shared by every parser.

use std::collections::HashMap;

use coglint_source::{FileId, Span, TextRange};

/// How a scalar was written. Front ends need it: CloudFormation reads an unquoted YAML `ON` as a
/// boolean, but a quoted `"ON"` as the string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    /// A plain (unquoted) YAML scalar: its type is decided by the reader.
    Plain,
    /// A quoted or block YAML scalar, or a JSON string: always a string.
    Quoted,
    /// A JSON number, kept as written (no precision is lost).
    Number,
    /// A JSON `true` or `false`.
    Bool,
    /// A JSON `null`.
    Null,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scalar {
    pub text: String,
    pub style: ScalarStyle,
}

impl Scalar {
    /// Whether the scalar denotes null: JSON `null`, or a YAML plain `null`, `~` or empty value.
    pub fn is_null(&self) -> bool {
        match self.style {
            ScalarStyle::Null => true,
            ScalarStyle::Plain => matches!(self.text.as_str(), "" | "~" | "null" | "Null" | "NULL"),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub text: String,
    /// The file the key was written in: a tree may join several files (a Serverless service
    /// and the files it includes).
    pub file: FileId,
    pub range: TextRange,
}

impl Key {
    pub fn span(&self) -> Span {
        Span::new(self.file, self.range)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: Key,
    pub value: Node,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Scalar(Scalar),
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
}

/// A value with the byte range it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The file the value was written in (see [`Key::file`]).
    pub file: FileId,
    pub range: TextRange,
    pub kind: NodeKind,
}

impl Node {
    pub fn span(&self) -> Span {
        Span::new(self.file, self.range)
    }

    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The scalar's text, whatever its style.
    pub fn as_str(&self) -> Option<&str> {
        self.scalar().map(|s| s.text.as_str())
    }

    pub fn entries(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Mapping(e) => Some(e),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Sequence(i) => Some(i),
            _ => None,
        }
    }

    /// The entry for `key` in a mapping (the last one when a key is duplicated).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries()?.iter().rev().find(|e| e.key.text == key)
    }

    /// The value for `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The number of nodes in this subtree, itself included.
    pub fn count(&self) -> usize {
        match &self.kind {
            NodeKind::Scalar(_) => 1,
            NodeKind::Sequence(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            NodeKind::Mapping(entries) => {
                1 + entries.iter().map(|e| e.value.count()).sum::<usize>()
            }
        }
    }
}

/// A comment and its range, `#` included (kept for inline suppressions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub range: TextRange,
}

/// A key written twice in one mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    pub first: TextRange,
    pub second: TextRange,
}

/// A parsed file: its root value, its comments and the duplicated keys found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub root: Node,
    pub comments: Vec<Comment>,
    pub duplicate_keys: Vec<DuplicateKey>,
    /// Where a second YAML document of the stream starts, if there is one: only the first is
    /// read.
    pub next_document: Option<TextRange>,
}

/// Builds a mapping's entries and notices duplicate keys without quadratic cost on large maps.
#[derive(Default)]
pub(crate) struct MappingBuilder {
    entries: Vec<Entry>,
    index: Option<HashMap<String, usize>>,
}

const INDEX_THRESHOLD: usize = 16;

impl MappingBuilder {
    pub(crate) fn push(&mut self, entry: Entry, duplicates: &mut Vec<DuplicateKey>) {
        let previous = match &mut self.index {
            Some(index) => index.get(&entry.key.text).copied(),
            None => self
                .entries
                .iter()
                .position(|e| e.key.text == entry.key.text),
        };
        if let Some(i) = previous {
            duplicates.push(DuplicateKey {
                key: entry.key.text.clone(),
                first: self.entries[i].key.range,
                second: entry.key.range,
            });
        }
        if let Some(index) = &mut self.index {
            index.insert(entry.key.text.clone(), self.entries.len());
        }
        self.entries.push(entry);
        if self.index.is_none() && self.entries.len() > INDEX_THRESHOLD {
            let mut index = HashMap::with_capacity(self.entries.len() * 2);
            for (i, e) in self.entries.iter().enumerate() {
                index.insert(e.key.text.clone(), i);
            }
            self.index = Some(index);
        }
    }

    pub(crate) fn finish(self) -> Vec<Entry> {
        self.entries
    }
}
