//! Leaving out the IAM policies of a Terraform module that no rule can use, before they are
//! parsed. A monorepo's roots hold thousands of `aws_iam_policy` blocks; parsing and lowering
//! them was most of the scan's time, and almost none of them matters to a Cognito rule.
//!
//! A policy document matters to two rules: COG408, when it grants both
//! `cognito-identity:SetIdentityPoolRoles` and `iam:PassRole`, and COG405, when it is attached
//! to a role that an identity pool hands out. A block is left out only when neither can hold:
//!
//! - its document is a `jsonencode({...})` object or JSON in a heredoc without templates, its
//!   statements are written out, and no `Action` of it, a plain string, can match one of the
//!   two actions (no `NotAction`, no action computed from a variable, a local or a function);
//! - and it cannot be attached to an identity pool's role: nothing of the module names it
//!   (`aws_iam_policy.NAME`), or nothing the root reaches attaches roles to an identity pool
//!   (`aws_cognito_identity_pool_roles_attachment`);
//! - and it holds no suppression comment.
//!
//! An `aws_iam_policy_document` data source is left out when nothing of its module reads it.
//! The scan is lexical and fails safe: anything it does not recognise keeps the block.

use std::collections::HashSet;

use coglint_model::iam::{wildcard_match, PASS_ROLE, SET_IDENTITY_POOL_ROLES};
use coglint_syntax::hcl_identifier as identifier;

use super::policy_document::DATA_TYPE;

/// The resource type that attaches roles to identity pools.
const POOL_ROLES_ATTACHMENT: &str = "aws_cognito_identity_pool_roles_attachment";

/// What the files of a module (and of the root it is read for) say about its IAM policies: which
/// are named, and whether any identity pool gets roles.
#[derive(Debug, Default)]
pub struct PolicyUse {
    /// Whether anything the root reaches attaches roles to an identity pool.
    pub pool_roles: bool,
    /// The names `aws_iam_policy.NAME` that the module's files write.
    policies: HashSet<String>,
    /// The names `data.aws_iam_policy_document.NAME` that the module's files write.
    documents: HashSet<String>,
    /// Whether a block's text may hold a suppression: such a block is kept.
    pub may_suppress: Option<fn(&str) -> bool>,
}

impl PolicyUse {
    /// Whether one of `texts` (every file a root reaches) attaches roles to an identity pool.
    pub fn attaches_pool_roles<'t>(texts: impl IntoIterator<Item = &'t str>) -> bool {
        let finder = memchr::memmem::Finder::new(POOL_ROLES_ATTACHMENT);
        texts
            .into_iter()
            .any(|t| finder.find(t.as_bytes()).is_some())
    }

    /// The names the files of one module (`texts`) give to policies and policy documents.
    pub fn of_module<'t>(texts: impl IntoIterator<Item = &'t str>, pool_roles: bool) -> Self {
        let mut use_ = PolicyUse {
            pool_roles,
            ..PolicyUse::default()
        };
        for text in texts {
            names_after(text, "aws_iam_policy.", &mut use_.policies);
            names_after(text, "aws_iam_policy_document.", &mut use_.documents);
        }
        use_
    }

    /// Whether the model can do without the top-level block `ident labels { ... }` (`text`).
    pub fn leaves_out(&self, ident: &str, labels: &[String], text: &str) -> bool {
        if self.may_suppress.is_some_and(|f| f(text)) {
            return false;
        }
        match (ident, labels) {
            ("data", [type_name, name]) if type_name == DATA_TYPE => !self.documents.contains(name),
            ("resource", [type_name, name]) if type_name == "aws_iam_policy" => {
                (!self.pool_roles || !self.policies.contains(name)) && cannot_escalate(text)
            }
            ("resource", [type_name, _]) if type_name == "aws_iam_role_policy" => {
                !self.pool_roles && cannot_escalate(text)
            }
            _ => false,
        }
    }
}

/// Adds to `names` the identifier after each `prefix` of `text` (`aws_iam_policy.` then
/// `deploy`): a reference, or something that looks like one, which only keeps more.
fn names_after(text: &str, prefix: &str, names: &mut HashSet<String>) {
    for at in memchr::memmem::find_iter(text.as_bytes(), prefix) {
        let rest = &text.as_bytes()[at + prefix.len()..];
        let len = rest
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'-'))
            .unwrap_or(rest.len());
        // ASCII bytes only: the name is whole characters.
        let name = &text[at + prefix.len()..at + prefix.len() + len];
        if len > 0 && !names.contains(name) {
            names.insert(name.to_string());
        }
    }
}

/// Whether the policy block `text` (`resource "..." "..." { ... }`) surely grants
/// `SetIdentityPoolRoles` or `PassRole` in no statement: its `policy` is a written-out
/// `jsonencode` object or JSON in a heredoc, and the plain-string actions of its statements
/// match one of them at most. False whenever the scan is unsure.
pub fn cannot_escalate(text: &str) -> bool {
    let Some(open) = text.find('{') else {
        return false;
    };
    let mut cursor = Cursor {
        text,
        at: open + 1,
        newlines: true,
    };
    let Some(items) = cursor.items(b'}', true) else {
        return false;
    };
    if cursor.rest().trim() != "" {
        return false;
    }
    let policies: Vec<&Shape> = items
        .iter()
        .filter(|(key, _)| *key == "policy")
        .map(|(_, shape)| shape)
        .collect();
    let document = match policies.as_slice() {
        [Shape::Call("jsonencode", Some(argument))] => Some(argument.as_ref()),
        // JSON written out in a heredoc, without templates: an interpolated value is inserted
        // as it is, quotes and all, and could write statements of its own.
        [Shape::Heredoc(body)] if !body.contains("${") && !body.contains("%{") => {
            let mut json = Cursor {
                text: body,
                at: 0,
                newlines: false,
            };
            match json.value() {
                Some(document) if json.blank().is_some() && json.rest().is_empty() => {
                    return read_grants(&document);
                }
                _ => None,
            }
        }
        _ => None,
    };
    document.is_some_and(read_grants)
}

/// Whether the statements of `document` are written out and grant at most one of the two
/// actions.
fn read_grants(document: &Shape) -> bool {
    let mut grants = Grants::default();
    grants.read_document(document) && !(grants.set_roles && grants.pass_role)
}

/// The actions a document's statements may grant, of the two that matter.
#[derive(Default)]
struct Grants {
    set_roles: bool,
    pass_role: bool,
}

impl Grants {
    /// Reads a document's statements; false when one is not written out.
    fn read_document(&mut self, document: &Shape) -> bool {
        let Shape::Object(items) = document else {
            return false;
        };
        items.iter().all(|(key, value)| {
            if !key.eq_ignore_ascii_case("statement") {
                return true;
            }
            match value {
                Shape::Object(_) => self.read_statement(value),
                Shape::Tuple(statements) => statements.iter().all(|s| self.read_statement(s)),
                _ => false,
            }
        })
    }

    fn read_statement(&mut self, statement: &Shape) -> bool {
        let Shape::Object(items) = statement else {
            return false;
        };
        items.iter().all(|(key, value)| {
            if key.eq_ignore_ascii_case("notaction") {
                return false;
            }
            if !key.eq_ignore_ascii_case("action") {
                return true;
            }
            match value {
                Shape::Text(action) => self.read_action(action),
                Shape::Tuple(actions) => actions.iter().all(|a| match a {
                    Shape::Text(action) => self.read_action(action),
                    _ => false,
                }),
                _ => false,
            }
        })
    }

    fn read_action(&mut self, action: &str) -> bool {
        self.set_roles |= wildcard_match(action, SET_IDENTITY_POOL_ROLES);
        self.pass_role |= wildcard_match(action, PASS_ROLE);
        true
    }
}

/// An expression as far as the scan tells it apart.
#[derive(Debug, PartialEq)]
enum Shape<'t> {
    /// `{ key = value, ... }` (or a block's body): keys as written, unquoted.
    Object(Vec<(&'t str, Shape<'t>)>),
    /// `[ value, ... ]`.
    Tuple(Vec<Shape<'t>>),
    /// A quoted string without escapes or template sequences.
    Text(&'t str),
    /// A heredoc's body, as written (a policy in JSON, say).
    Heredoc(&'t str),
    /// `name(argument)` with one argument, read if it is an object or a tuple.
    Call(&'t str, Option<Box<Shape<'t>>>),
    /// Anything else: a reference, an operation, a template, a number, a nested block.
    Other,
}

/// A position in the text being scanned.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
    /// Whether a line break ends an item (in an object or a body, not in a tuple or call).
    newlines: bool,
}

impl<'t> Cursor<'t> {
    fn rest(&self) -> &'t str {
        self.text.get(self.at..).unwrap_or("")
    }

    /// Moves past one character.
    fn step(&mut self) {
        self.at += 1;
        while self.at < self.text.len() && !self.text.is_char_boundary(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips spaces and comments, and line breaks unless they end items here. None on a
    /// comment that never closes.
    fn trivia(&mut self) -> Option<()> {
        loop {
            let rest = self.rest();
            let b = rest.as_bytes();
            match b.first() {
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') if !self.newlines => self.at += 1,
                Some(b'#') => self.at += rest.find('\n').unwrap_or(rest.len()),
                Some(b'/') if b.get(1) == Some(&b'/') => {
                    self.at += rest.find('\n').unwrap_or(rest.len())
                }
                Some(b'/') if b.get(1) == Some(&b'*') => self.at += rest.find("*/")? + 2,
                _ => return Some(()),
            }
        }
    }

    /// Skips spaces, comments and line breaks.
    fn blank(&mut self) -> Option<()> {
        let newlines = std::mem::replace(&mut self.newlines, false);
        let done = self.trivia();
        self.newlines = newlines;
        done
    }

    /// The items of an object or body up to its `close` (consumed): `key = value` or `key:
    /// value`, and, in a body (`blocks`), nested blocks, read as [`Shape::Other`].
    fn items(&mut self, close: u8, blocks: bool) -> Option<Vec<(&'t str, Shape<'t>)>> {
        let newlines = std::mem::replace(&mut self.newlines, true);
        let mut items = Vec::new();
        loop {
            self.blank()?;
            match self.peek()? {
                b if b == close => {
                    self.at += 1;
                    break;
                }
                b',' if !blocks => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let key = self.key()?;
            self.trivia()?;
            let value = match self.peek()? {
                b'=' if self.rest().as_bytes().get(1) != Some(&b'=') => {
                    self.at += 1;
                    self.value()?
                }
                b':' if !blocks => {
                    self.at += 1;
                    self.value()?
                }
                // A nested block: `key "label" ... {`.
                b'{' | b'"' if blocks => {
                    while self.peek()? == b'"' {
                        self.string()?;
                        self.trivia()?;
                    }
                    if self.peek()? != b'{' {
                        return None;
                    }
                    self.skip_balanced()?;
                    Shape::Other
                }
                _ => return None,
            };
            items.push((key, value));
            // The item ends at a line break, a comma (in an object) or the close.
            self.trivia()?;
            match self.peek()? {
                b'\n' => self.at += 1,
                b',' if !blocks => self.at += 1,
                b if b == close => {}
                _ => return None,
            }
        }
        self.newlines = newlines;
        Some(items)
    }

    /// An identifier or a quoted key without escapes or templates.
    fn key(&mut self) -> Option<&'t str> {
        if self.peek()? == b'"' {
            return match self.string()? {
                Shape::Text(text) => Some(text),
                _ => None,
            };
        }
        let len = identifier(self.rest());
        (len > 0).then(|| {
            let key = &self.rest()[..len];
            self.at += len;
            key
        })
    }

    /// One expression, up to (not including) what ends it.
    fn value(&mut self) -> Option<Shape<'t>> {
        self.trivia()?;
        let start = self.at;
        let shape = match self.peek()? {
            b'{' => {
                self.at += 1;
                Shape::Object(self.items(b'}', false)?)
            }
            b'[' => {
                self.at += 1;
                Shape::Tuple(self.elements()?)
            }
            b'"' => self.string()?,
            b'<' if self.rest().starts_with("<<") => Shape::Heredoc(self.heredoc()?),
            _ => {
                let len = identifier(self.rest());
                let name = &self.rest()[..len];
                self.at += len;
                self.trivia()?;
                if len > 0 && self.peek() == Some(b'(') {
                    self.at += 1;
                    let argument = self.argument()?;
                    Shape::Call(name, argument.map(Box::new))
                } else {
                    self.at = start;
                    Shape::Other
                }
            }
        };
        // Anything after it but the end of the item makes it an operation: skipped whole.
        self.trivia()?;
        let ended = matches!(self.peek(), None | Some(b'\n' | b',' | b'}' | b']' | b')'));
        if shape == Shape::Other || !ended {
            self.at = start;
            self.skip_expression()?;
            // Nothing to skip (a stray closing bracket): not an expression.
            return (self.at > start).then_some(Shape::Other);
        }
        Some(shape)
    }

    /// A tuple's elements, up to its `]` (consumed). A `for` expression is not read.
    fn elements(&mut self) -> Option<Vec<Shape<'t>>> {
        let newlines = std::mem::replace(&mut self.newlines, false);
        let mut elements = Vec::new();
        loop {
            self.trivia()?;
            match self.peek()? {
                b']' => {
                    self.at += 1;
                    break;
                }
                b',' => self.at += 1,
                _ if self.rest().starts_with("for ") => return None,
                _ => elements.push(self.value()?),
            }
        }
        self.newlines = newlines;
        Some(elements)
    }

    /// A call's argument when there is exactly one, up to its `)` (consumed); None inside
    /// when it is not an object or a tuple.
    fn argument(&mut self) -> Option<Option<Shape<'t>>> {
        let newlines = std::mem::replace(&mut self.newlines, false);
        let value = self.value()?;
        self.trivia()?;
        let single = self.peek()? == b')';
        if !single {
            // More arguments: skipped, and the call read as unknown.
            while self.peek()? != b')' {
                match self.peek()? {
                    b',' => self.at += 1,
                    b'}' | b']' => return None,
                    _ => self.skip_expression()?,
                }
                self.trivia()?;
            }
        }
        self.at += 1;
        self.newlines = newlines;
        Some(match value {
            Shape::Object(_) | Shape::Tuple(_) if single => Some(value),
            _ => None,
        })
    }

    /// A quoted string from its `"`: its text when it has no escape and no template sequence.
    fn string(&mut self) -> Option<Shape<'t>> {
        let start = self.at + 1;
        self.at = start;
        let mut plain = true;
        loop {
            let b = self.peek()?;
            let next = self.text.as_bytes().get(self.at + 1).copied();
            match (b, next) {
                (b'"', _) => {
                    self.at += 1;
                    break;
                }
                (b'\n', _) => return None,
                (b'\\', _) => {
                    plain = false;
                    self.at += 1;
                    self.step();
                }
                // `$${` and `%%{` are written out, not templates.
                (b'$' | b'%', Some(n)) if n == b => {
                    plain = false;
                    self.at += 2;
                }
                (b'$' | b'%', Some(b'{')) => {
                    plain = false;
                    self.at += 2;
                    self.skip_until(b'}')?;
                }
                _ => self.step(),
            }
        }
        Some(match plain {
            true => Shape::Text(&self.text[start..self.at - 1]),
            false => Shape::Other,
        })
    }

    /// A heredoc from its `<<` (`<<EOF` or `<<-EOF`, then lines up to one holding only the
    /// delimiter): its body. The cursor ends after the delimiter, before its line break.
    fn heredoc(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let header = rest.strip_prefix("<<")?;
        let header = header.strip_prefix('-').unwrap_or(header);
        let len = identifier(header);
        let after = &header[len..];
        if len == 0 || !after.starts_with(['\n', '\r']) {
            return None;
        }
        let delimiter = &header[..len];
        let body_start = self.text.len() - after.len();
        let body_start = body_start + self.text[body_start..].find('\n')? + 1;
        let mut offset = body_start;
        for line in self.text[body_start..].split_inclusive('\n') {
            if line.trim() == delimiter {
                self.at = offset + line.trim_end().len();
                return Some(&self.text[body_start..offset]);
            }
            offset += line.len();
        }
        None
    }

    /// Skips an expression up to what ends it at its depth: a line break (where they end items),
    /// a comma or a closing bracket. None on a heredoc or an unbalanced bracket.
    fn skip_expression(&mut self) -> Option<()> {
        loop {
            self.trivia()?;
            match self.peek() {
                None | Some(b'\n' | b',' | b'}' | b']' | b')') => return Some(()),
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'{' | b'[' | b'(') => self.skip_balanced()?,
                Some(b'<') if self.rest().starts_with("<<") => {
                    self.heredoc()?;
                }
                Some(_) => self.step(),
            }
        }
    }

    /// Skips a bracketed expression from its opening bracket to its closing one (consumed).
    fn skip_balanced(&mut self) -> Option<()> {
        let close = match self.peek()? {
            b'{' => b'}',
            b'[' => b']',
            _ => b')',
        };
        self.at += 1;
        self.skip_until(close)
    }

    /// Skips to the `close` of the current bracket (consumed), line breaks included.
    fn skip_until(&mut self, close: u8) -> Option<()> {
        let newlines = std::mem::replace(&mut self.newlines, false);
        loop {
            self.trivia()?;
            match self.peek()? {
                b if b == close => {
                    self.at += 1;
                    break;
                }
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' | b'(' => self.skip_balanced()?,
                b'}' | b']' | b')' => return None,
                b'<' if self.rest().starts_with("<<") => {
                    self.heredoc()?;
                }
                _ => self.step(),
            }
        }
        self.newlines = newlines;
        Some(())
    }
}

#[cfg(test)]
mod tests;
