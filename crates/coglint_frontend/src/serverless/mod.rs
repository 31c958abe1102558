//! Serverless Framework services: a service's `resources`, with its `${file(...)}` includes and
//! its variables resolved, assembled into one CloudFormation template, so that the
//! CloudFormation front end and the rules read it unchanged.
//!
//! Pure: files come through [`Includes`], which the caller implements (and which decides which
//! paths may be read). A variable whose value is a scalar is left in the template as
//! `{Ref: name}` and its value goes to [`Service::variables`], so that a finding on it points at
//! the use and at the line the value was written on.

mod resolve;
mod syntax;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use coglint_source::{Span, TextRange};
use coglint_syntax::{Document, Entry, Key, Node, NodeKind};

use crate::cloudformation::{Variable, Variables};
use resolve::Resolver;

/// Reads the files that a service includes with `${file(path)}`.
pub trait Includes {
    /// The parsed document of `path` as written in `${file(path)}`, relative to `from_dir`.
    /// `Err(message)` when it cannot be read or parsed (the implementation decides whether the
    /// path may be read at all). The document's nodes carry their own
    /// [`FileId`](coglint_source::FileId), the same one each time the same file is loaded.
    fn load(&mut self, from_dir: &Path, path: &str) -> Result<Arc<Document>, IncludeError>;
}

/// Why an include gives no document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncludeError {
    /// It cannot be read (missing, malformed, outside the scanned directories): a problem at
    /// the reference.
    Unreadable(String),
    /// Its value is computed when the Framework runs (a JavaScript file): unknown, not a
    /// problem.
    Computed(String),
}

/// A service assembled: its CloudFormation template, the values of the variables the template
/// refers to with `Ref`, and what went wrong on the way.
#[derive(Clone, Debug)]
pub struct Service {
    pub template: Node,
    pub variables: Variables,
    pub problems: Vec<ServiceProblem>,
}

/// Something in a service that could not be assembled (an include that cannot be read, a cycle,
/// a `resources` of the wrong shape), located at the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceProblem {
    pub at: Span,
    pub message: String,
}

/// Whether a document is a Serverless service: a mapping with top-level `service` and
/// `provider`. Decided by content: a fragment named `serverless.yml` is not a service.
pub fn is_service(root: &Node) -> bool {
    root.get("service").is_some() && root.get("provider").is_some()
}

/// The CloudFormation sections a service's `resources` may hold, in template order.
const SECTIONS: [&str; 5] = [
    "Parameters",
    "Mappings",
    "Conditions",
    "Resources",
    "Outputs",
];
/// Other keys of `resources` that are not resources.
const OTHER_KEYS: [&str; 5] = [
    "extensions",
    "Description",
    "AWSTemplateFormatVersion",
    "Transform",
    "Metadata",
];

/// Assembles the service whose document is `root`, written in `service_dir`.
pub fn assemble(service_dir: &Path, root: &Node, includes: &mut dyn Includes) -> Service {
    let (file, range) = root
        .entry("resources")
        .map_or((root.file, TextRange::empty(root.range.start)), |e| {
            (e.key.file, e.key.range)
        });
    let mut resolver = Resolver::new(service_dir, root, includes);
    let mut sections = Sections::default();
    if let Some(resources) = root.get("resources") {
        // `extensions` changes the resources the Framework generates, which coglint does not.
        let written = without_extensions(resources);
        let expanded = resolver.expand(&written);
        collect(&mut resolver, &expanded, &mut sections, true);
    }
    let entries = SECTIONS
        .iter()
        .filter_map(|name| {
            let section = sections.by_name.remove(*name)?;
            Some(Entry {
                key: Key {
                    text: name.to_string(),
                    file,
                    range,
                },
                value: Node {
                    file,
                    range,
                    kind: NodeKind::Mapping(section.entries),
                },
            })
        })
        .collect();
    Service {
        template: Node {
            file,
            range,
            kind: NodeKind::Mapping(entries),
        },
        variables: resolver.variables,
        problems: resolver.problems,
    }
}

fn without_extensions(resources: &Node) -> Node {
    match &resources.kind {
        NodeKind::Mapping(entries) => Node {
            kind: NodeKind::Mapping(
                entries
                    .iter()
                    .filter(|e| e.key.text != "extensions")
                    .cloned()
                    .collect(),
            ),
            ..resources.clone()
        },
        _ => resources.clone(),
    }
}

#[derive(Default)]
struct Sections {
    by_name: HashMap<&'static str, Section>,
}

#[derive(Default)]
struct Section {
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
}

impl Section {
    /// Adds an entry as the Framework merges `resources` (lodash `merge`): a logical id written
    /// again merges into the first, mapping by mapping; a later value replaces an earlier one.
    fn add(&mut self, entry: Entry) {
        match self.index.get(&entry.key.text) {
            Some(&i) => merge(&mut self.entries[i].value, entry.value),
            None => {
                self.index
                    .insert(entry.key.text.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }
}

fn merge(into: &mut Node, from: Node) {
    match (&mut into.kind, from.kind) {
        (NodeKind::Mapping(to), NodeKind::Mapping(entries)) => {
            let mut index: HashMap<String, usize> = HashMap::with_capacity(to.len());
            for (i, e) in to.iter().enumerate() {
                index.insert(e.key.text.clone(), i);
            }
            for entry in entries {
                match index.get(&entry.key.text) {
                    Some(&i) => merge(&mut to[i].value, entry.value),
                    None => {
                        index.insert(entry.key.text.clone(), to.len());
                        to.push(entry);
                    }
                }
            }
        }
        // lodash merges arrays index by index.
        (NodeKind::Sequence(to), NodeKind::Sequence(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                match to.get_mut(i) {
                    Some(slot) => merge(slot, item),
                    None => to.push(item),
                }
            }
        }
        (_, kind) => {
            *into = Node {
                file: from.file,
                range: from.range,
                kind,
            }
        }
    }
}

/// The variable that a `{Ref: name}` left by the resolver stands for. Its `Ref` key is located
/// at the node itself, which a `Ref` written in a file never is.
pub(crate) fn placeholder<'v>(
    node: &Node,
    variables: &'v Variables,
) -> Option<(&'v str, &'v Variable)> {
    match node.entries() {
        Some([entry]) if entry.key.text == "Ref" && entry.key.span() == node.span() => {
            let name = entry.value.as_str()?;
            variables.get_key_value(name).map(|(k, v)| (k.as_str(), v))
        }
        _ => None,
    }
}

/// Reports a part of `resources` that is not a CloudFormation object, unless its include or
/// variable already had a problem reported there.
fn not_an_object(resolver: &mut Resolver<'_>, node: &Node, what: &str, expected: &str) {
    let at = node.span();
    if resolver.reported_at(at) {
        return;
    }
    let message = match placeholder(node, &resolver.variables) {
        Some((_, Variable::Unknown(reason))) => {
            format!("{what} could not be resolved, so its resources are not checked: {reason}")
        }
        _ => format!("{what} must be {expected}"),
    };
    resolver.problem(at, message);
}

/// Adds one `resources` value (an object of sections, or a list of them) to `sections`.
fn collect(resolver: &mut Resolver<'_>, node: &Node, sections: &mut Sections, top: bool) {
    let (what, expected) = if top {
        ("`resources`", "a mapping or a list")
    } else {
        ("this entry of `resources`", "a mapping")
    };
    match &node.kind {
        NodeKind::Sequence(items) => {
            for item in items {
                collect(resolver, item, sections, false);
            }
        }
        NodeKind::Scalar(s) if s.is_null() => {}
        NodeKind::Scalar(_) => not_an_object(resolver, node, what, expected),
        NodeKind::Mapping(_) if placeholder(node, &resolver.variables).is_some() => {
            not_an_object(resolver, node, what, expected)
        }
        NodeKind::Mapping(entries) => {
            let mut any = false;
            for entry in entries {
                let Some(&name) = SECTIONS.iter().find(|s| **s == entry.key.text) else {
                    continue;
                };
                any = true;
                let value = &entry.value;
                match value.entries() {
                    Some(_) if placeholder(value, &resolver.variables).is_some() => {
                        not_an_object(resolver, value, &format!("`{name}`"), "a mapping")
                    }
                    Some(resources) => {
                        let section = sections.by_name.entry(name).or_default();
                        for resource in resources {
                            section.add(resource.clone());
                        }
                    }
                    None if value.scalar().is_some_and(|s| s.is_null()) => {}
                    None => not_an_object(resolver, value, &format!("`{name}`"), "a mapping"),
                }
            }
            let other = entries
                .iter()
                .any(|e| !OTHER_KEYS.contains(&e.key.text.as_str()));
            if !any && other {
                resolver.problem(
                    node.span(),
                    format!("{what} has none of `Resources`, `Outputs`, `Conditions`, `Parameters`, `Mappings`"),
                );
            }
        }
    }
}

/// `path` joined to `dir`, with `.` and `..` resolved without the file system.
pub(crate) fn join(dir: &Path, path: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for component in dir.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}
