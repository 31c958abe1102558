//! Conditions a template names but that cannot be evaluated: not defined in `Conditions`, or in
//! a cycle of `{Condition: ..}` references. CloudFormation rejects such a template. They are
//! reported where they are named (see [`condition_problems`]), and the evaluation does not read
//! them: an `Fn::If` on one is unknown, and a resource guarded by one is checked as if it had
//! no condition, rather than "when condition `Missing` is true".

use std::collections::{HashMap, HashSet};

use coglint_source::Span;
use coglint_syntax::{Node, NodeKind};

use super::Template;

/// Why a named condition cannot be evaluated.
pub(crate) fn unusable(
    conditions: &HashMap<&str, &Node>,
    in_cycles: &HashSet<String>,
    name: &str,
) -> Option<&'static str> {
    if !conditions.contains_key(name) {
        Some("is not defined in `Conditions`")
    } else if in_cycles.contains(name) {
        Some("refers to itself through a cycle of conditions")
    } else {
        None
    }
}

impl Template<'_> {
    /// Why the condition `name` cannot be evaluated, if it cannot.
    pub(super) fn unusable_condition(&self, name: &str) -> Option<&'static str> {
        unusable(&self.conditions, &self.conditions_in_cycles, name)
    }
}

/// A condition named where it cannot be evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionProblem {
    /// The name, where it is written.
    pub at: Span,
    pub message: String,
}

/// The `{Condition: name}` references under `node` (a condition's body), in order.
fn condition_refs(node: &Node) -> Vec<&Node> {
    names_under(node, "Condition", Some)
}

/// The names of `Fn::If` under `node`, in order.
fn if_names(node: &Node) -> Vec<&Node> {
    names_under(node, "Fn::If", |args| args.items().and_then(|i| i.first()))
}

/// The condition names written in the one-key mappings `{key: ..}` under `node`, in order:
/// `name_of` finds the name in the mapping's value, kept when it is a string.
fn names_under<'n>(
    node: &'n Node,
    key: &str,
    name_of: impl Fn(&'n Node) -> Option<&'n Node>,
) -> Vec<&'n Node> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Mapping(entries) => {
                if let [entry] = &entries[..] {
                    if entry.key.text == key {
                        if let Some(name) = name_of(&entry.value).filter(|n| n.as_str().is_some()) {
                            out.push(name);
                        }
                    }
                }
                stack.extend(entries.iter().rev().map(|e| &e.value));
            }
            NodeKind::Sequence(items) => stack.extend(items.iter().rev()),
            NodeKind::Scalar(_) => {}
        }
    }
    out
}

/// The conditions in a cycle, and for each cycle the reference that closes it and its path.
fn cycles<'n>(
    conditions: &[(&'n str, &'n Node)],
) -> (HashSet<String>, Vec<(&'n Node, Vec<&'n str>)>) {
    let index: HashMap<&str, usize> = conditions
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (*name, i))
        .collect();
    let edges: Vec<Vec<(usize, &Node)>> = conditions
        .iter()
        .map(|(_, body)| {
            condition_refs(body)
                .into_iter()
                .filter_map(|r| Some((*index.get(r.as_str()?)?, r)))
                .collect()
        })
        .collect();
    // Depth-first, without recursion: 0 unvisited, 1 on the path, 2 done.
    let mut state = vec![0u8; conditions.len()];
    let mut members = HashSet::new();
    let mut found = Vec::new();
    for start in 0..conditions.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path = vec![(start, 0usize)];
        state[start] = 1;
        while let Some((node, next)) = path.last_mut() {
            let node = *node;
            let Some(&(child, at)) = edges[node].get(*next) else {
                state[node] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            match state[child] {
                0 => {
                    state[child] = 1;
                    path.push((child, 0));
                }
                1 => {
                    let from = path.iter().position(|(n, _)| *n == child).unwrap_or(0);
                    let mut names: Vec<&str> =
                        path[from..].iter().map(|(n, _)| conditions[*n].0).collect();
                    members.extend(names.iter().map(|n| (*n).to_string()));
                    names.push(conditions[child].0);
                    found.push((at, names));
                }
                _ => {}
            }
        }
    }
    (members, found)
}

/// The conditions of a template's `Conditions` that are in a cycle.
pub(crate) fn in_cycles(conditions: &HashMap<&str, &Node>) -> HashSet<String> {
    let mut list: Vec<(&str, &Node)> = conditions.iter().map(|(k, v)| (*k, *v)).collect();
    list.sort_by_key(|(name, _)| *name);
    cycles(&list).0
}

/// Every place a template names a condition that cannot be evaluated: a `Condition` of a
/// resource or an output, the first argument of an `Fn::If`, a `{Condition: ..}` in another
/// condition; and each cycle of conditions, at the reference that closes it.
pub fn condition_problems(root: &Node) -> Vec<ConditionProblem> {
    let defined: Vec<(&str, &Node)> = root
        .get("Conditions")
        .and_then(Node::entries)
        .unwrap_or(&[])
        .iter()
        .map(|e| (e.key.text.as_str(), &e.value))
        .collect();
    let map: HashMap<&str, &Node> = defined.iter().copied().collect();
    let (_, found) = cycles(&defined);
    let mut out: Vec<ConditionProblem> = found
        .into_iter()
        .map(|(at, names)| ConditionProblem {
            at: at.span(),
            message: format!(
                "conditions {} refer to each other in a cycle: CloudFormation rejects the template; coglint does not evaluate them",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
        })
        .collect();
    let mut named: Vec<&Node> = Vec::new();
    for (_, body) in &defined {
        named.extend(condition_refs(body));
    }
    for section in ["Resources", "Outputs"] {
        for entry in root.get(section).and_then(Node::entries).unwrap_or(&[]) {
            named.extend(
                entry
                    .value
                    .get("Condition")
                    .filter(|c| c.as_str().is_some()),
            );
            named.extend(if_names(&entry.value));
        }
    }
    for node in named {
        let name = node.as_str().unwrap_or_default();
        if !map.contains_key(name) {
            out.push(ConditionProblem {
                at: node.span(),
                message: format!(
                    "condition `{name}` is not defined in `Conditions`: CloudFormation rejects the template; what depends on it is not evaluated"
                ),
            });
        }
    }
    out.sort_by_key(|p| (p.at, p.message.clone()));
    out.dedup();
    out
}
