//! Evaluation of CloudFormation values: parameters, conditions and intrinsic functions.
//!
//! A value evaluates to one or more [`Alt`]ernatives, each holding in a [`Scenario`]. A `Ref` to
//! a parameter with `AllowedValues` yields one alternative per allowed value; `Fn::If` on a
//! condition that cannot be decided yields both branches. Whatever cannot be known statically
//! becomes [`Resolved::Unknown`], never a guess.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use coglint_model::{Provenance, Scenario};
use coglint_source::{FileId, Span};
use coglint_syntax::Node;

use super::parameters::SuppliedParameters;
use super::{TemplateInputs, Variables};
use crate::value::{cap, Alt, Resolved, TooManyScenarios};

pub use condition_refs::{condition_problems, ConditionProblem};

mod condition_refs;
mod conditions;
mod functions;
mod navigate;
mod references;

/// The deepest chain of nested functions and condition references followed.
const MAX_EVAL_DEPTH: usize = 64;

/// The most work spent on conditions in one template: each operator evaluated counts one, and
/// one more for each outcome it makes. Past it, a condition not yet decided
/// stays undecided (both branches of an `Fn::If` are checked, each named by the condition), so
/// that conditions that use each other many times cannot make the scan exponential.
const MAX_CONDITION_STEPS: usize = 100_000;

/// The outcomes of a condition in each scenario (`None`: it cannot be decided).
type Outcomes = Vec<(Scenario, Option<bool>)>;

/// A list parameter's value as its items.
fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(|s| s.trim().to_string()).collect()
}

struct ParameterDecl<'a> {
    type_name: &'a str,
    default: Option<&'a Node>,
    allowed: Vec<&'a Node>,
    /// `NoEcho: true`: CloudFormation masks the value in the console and API responses.
    no_echo: bool,
}

impl ParameterDecl<'_> {
    fn is_list(&self) -> bool {
        self.type_name.starts_with("List<") || self.type_name == "CommaDelimitedList"
    }
}

pub(crate) struct Template<'a> {
    pub file: FileId,
    parameters: HashMap<&'a str, ParameterDecl<'a>>,
    conditions: HashMap<&'a str, &'a Node>,
    /// Conditions in a cycle of references: not evaluated (see `condition_refs`).
    conditions_in_cycles: std::collections::HashSet<String>,
    mappings: Option<&'a Node>,
    resources: HashMap<&'a str, &'a Node>,
    supplied: &'a SuppliedParameters,
    variables: &'a Variables,
    /// Each named condition's outcomes, by the scenario it was asked in.
    condition_memo: RefCell<HashMap<(String, Scenario), Outcomes>>,
    /// Condition operators evaluated so far (bounded by [`MAX_CONDITION_STEPS`]).
    condition_steps: Cell<usize>,
}

const PSEUDO_PARAMETERS: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

fn is_intrinsic(key: &str) -> bool {
    key == "Ref" || key.starts_with("Fn::") || key.starts_with('!')
}

/// The function a node calls, if it is a one-entry mapping with a function key.
pub(crate) fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    match node.entries() {
        Some([entry]) if is_intrinsic(&entry.key.text) => {
            Some((entry.key.text.as_str(), &entry.value))
        }
        _ => None,
    }
}

impl<'a> Template<'a> {
    pub fn new(file: FileId, root: &'a Node, inputs: &'a TemplateInputs) -> Self {
        let mut parameters = HashMap::new();
        for entry in root
            .get("Parameters")
            .and_then(Node::entries)
            .unwrap_or(&[])
        {
            let decl = &entry.value;
            parameters.insert(
                entry.key.text.as_str(),
                ParameterDecl {
                    type_name: decl.get("Type").and_then(Node::as_str).unwrap_or("String"),
                    default: decl.get("Default"),
                    allowed: decl
                        .get("AllowedValues")
                        .and_then(Node::items)
                        .map(|items| items.iter().filter(|n| n.scalar().is_some()).collect())
                        .unwrap_or_default(),
                    no_echo: decl
                        .get("NoEcho")
                        .and_then(Node::as_str)
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true")),
                },
            );
        }
        let map_of = |key: &str| -> HashMap<&'a str, &'a Node> {
            root.get(key)
                .and_then(Node::entries)
                .unwrap_or(&[])
                .iter()
                .map(|e| (e.key.text.as_str(), &e.value))
                .collect()
        };
        let conditions = map_of("Conditions");
        Self {
            file,
            parameters,
            conditions_in_cycles: condition_refs::in_cycles(&conditions),
            conditions,
            mappings: root.get("Mappings"),
            resources: map_of("Resources"),
            supplied: &inputs.parameters,
            variables: &inputs.variables,
            condition_memo: RefCell::default(),
            condition_steps: Cell::new(0),
        }
    }

    pub fn span(&self, node: &Node) -> Span {
        node.span()
    }

    fn literal(&self, scenario: &Scenario, node: &'a Node) -> Alt<'a> {
        Alt {
            scenario: scenario.clone(),
            value: Resolved::Node(node),
            provenance: Provenance::Literal {
                at: self.span(node),
            },
        }
    }

    fn unknown(&self, scenario: &Scenario, at: &Node, reason: impl Into<String>) -> Alt<'a> {
        crate::value::unknown(scenario, self.span(at), reason)
    }

    /// Evaluates `node` in `scenario`.
    pub fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        self.resolve_at(node, scenario, 0)
    }

    fn resolve_at(&self, node: &'a Node, scenario: &Scenario, depth: usize) -> Vec<Alt<'a>> {
        let Some((function, args)) = intrinsic(node) else {
            return vec![self.literal(scenario, node)];
        };
        if depth > MAX_EVAL_DEPTH {
            return vec![self.unknown(scenario, node, "functions nested too deeply to evaluate")];
        }
        let computed = |alts: Vec<Alt<'a>>| -> Vec<Alt<'a>> {
            alts.into_iter()
                .map(|mut a| {
                    if !matches!(a.value, Resolved::Unknown(_)) {
                        a.provenance = Provenance::Computed {
                            at: self.span(node),
                            function: function.to_string(),
                        };
                    }
                    a
                })
                .collect()
        };
        let alts = match function {
            "Ref" => self.reference(node, args, scenario),
            "Fn::GetAtt" => self.get_att(node, args, scenario),
            "Fn::If" => self.if_(node, args, scenario, depth),
            "Fn::Sub" => computed(self.sub(node, args, scenario, depth)),
            "Fn::Join" => computed(self.join(node, args, scenario, depth)),
            "Fn::FindInMap" => computed(self.find_in_map(node, args, scenario, depth)),
            "Fn::Select" => self.select(node, args, scenario, depth),
            "Fn::Split" => computed(self.split(node, args, scenario, depth)),
            "Fn::Base64" => computed(
                self.texts_of(args, scenario, depth)
                    .into_iter()
                    .map(|a| match a.value {
                        Resolved::Unknown(_) => a,
                        _ => Alt {
                            value: Resolved::Unknown("a Base64-encoded value".into()),
                            ..a
                        },
                    })
                    .collect(),
            ),
            "Fn::ImportValue" => vec![self.unknown(
                scenario,
                node,
                "`Fn::ImportValue` reads another stack's output, known only at deployment",
            )],
            "Fn::GetAZs" | "Fn::Cidr" => vec![self.unknown(
                scenario,
                node,
                format!("`{function}` is computed by CloudFormation at deployment"),
            )],
            other => vec![self.unknown(
                scenario,
                node,
                format!("`{other}` is not evaluated by coglint"),
            )],
        };
        cap(alts, || {
            self.unknown(scenario, node, TooManyScenarios.to_string())
        })
    }
}

/// `Key:` with nothing after it: CloudFormation treats the property as omitted.
fn absent_if_null(value: Resolved<'_>, depth: usize) -> Resolved<'_> {
    match value {
        Resolved::Node(n) if n.scalar().is_some_and(|s| s.is_null()) => Resolved::Absent { depth },
        other => other,
    }
}

/// The pieces of an `Fn::Sub` template: each literal text with the name of the `${...}` after
/// it (`!Literal` for an escaped one), and last the text after the last placeholder, without a
/// name (an unterminated `${` is part of that text).
pub(crate) fn sub_pieces(template: &str) -> Vec<(&str, Option<&str>)> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("${") {
        let after = &rest[open + 2..];
        let Some(close) = after.find('}') else {
            break;
        };
        pieces.push((&rest[..open], Some(&after[..close])));
        rest = &after[close + 1..];
    }
    pieces.push((rest, None));
    pieces
}
