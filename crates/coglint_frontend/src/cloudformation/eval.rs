//! Evaluation of CloudFormation values: parameters, conditions and intrinsic functions.
//!
//! A value evaluates to one or more [`Alt`]ernatives, each holding in a [`Scenario`]. A `Ref` to
//! a parameter with `AllowedValues` yields one alternative per allowed value; `Fn::If` on a
//! condition that cannot be decided yields both branches. Whatever cannot be known statically
//! becomes [`Resolved::Unknown`], never a guess.

use std::collections::HashMap;

use coglint_model::{InputKind, ParameterOrigin, Provenance, Scenario, Subject};
use coglint_source::{FileId, Span};
use coglint_syntax::{Node, NodeKind};

use super::parameters::SuppliedParameters;
use super::{TemplateInputs, Variable, Variables};
use crate::value::{cap, Alt, Resolved, MAX_ALTERNATIVES};

/// The deepest chain of nested functions and condition references followed.
const MAX_EVAL_DEPTH: usize = 64;

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
    mappings: Option<&'a Node>,
    resources: HashMap<&'a str, &'a Node>,
    supplied: &'a SuppliedParameters,
    variables: &'a Variables,
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
        Self {
            file,
            parameters,
            conditions: map_of("Conditions"),
            mappings: root.get("Mappings"),
            resources: map_of("Resources"),
            supplied: &inputs.parameters,
            variables: &inputs.variables,
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
        Alt {
            scenario: scenario.clone(),
            value: Resolved::Unknown(reason.into()),
            provenance: Provenance::Literal { at: self.span(at) },
        }
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
            self.unknown(scenario, node, "too many scenarios to evaluate")
        })
    }

    fn reference(&self, node: &'a Node, args: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        match args.as_str() {
            Some(name) => self.reference_name(node, name, scenario),
            None => vec![self.unknown(scenario, node, "`Ref` needs a name")],
        }
    }

    /// `Ref: name`, written at `node` (a `Ref`, or the `Fn::Sub` holding `${name}`).
    fn reference_name(&self, node: &'a Node, name: &str, scenario: &Scenario) -> Vec<Alt<'a>> {
        if name == "AWS::NoValue" {
            return vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Absent { depth: 0 },
                provenance: Provenance::Literal {
                    at: self.span(node),
                },
            }];
        }
        if PSEUDO_PARAMETERS.contains(&name) {
            return vec![self.unknown(
                scenario,
                node,
                format!("pseudo parameter `{name}` is known only at deployment"),
            )];
        }
        if let Some(decl) = self.parameters.get(name) {
            return self.parameter(node, name, decl, scenario);
        }
        if let Some(variable) = self.variables.get(name) {
            return vec![self.variable(node, name, variable, scenario)];
        }
        if self.resources.contains_key(name) {
            return vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Link(name.to_string()),
                provenance: Provenance::Literal {
                    at: self.span(node),
                },
            }];
        }
        vec![self.unknown(
            scenario,
            node,
            format!("`Ref` to `{name}`, which the template does not declare"),
        )]
    }

    fn parameter(
        &self,
        at: &'a Node,
        name: &str,
        decl: &ParameterDecl<'a>,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let mut lookups = self.supplied.lookup(name);
        // A value every environment shares does not depend on the environment.
        if lookups.len() > 1 && lookups.iter().all(|(_, v)| *v == lookups[0].1) {
            lookups = vec![(None, lookups[0].1)];
        }
        let mut out = Vec::new();
        for (environment, supplied) in lookups {
            let scenario = match environment {
                Some(env) => match scenario.with(Subject::Environment, env) {
                    Some(s) => s,
                    None => continue,
                },
                None => scenario.clone(),
            };
            match supplied {
                Some(value) => out.push(Alt {
                    value: match &value.items {
                        Some(items) => Resolved::Texts(items.clone()),
                        None if decl.is_list() => Resolved::Texts(split_list(&value.text)),
                        None => Resolved::Text(value.text.clone()),
                    },
                    provenance: self.parameter_provenance(
                        at,
                        name,
                        decl,
                        Some(value.at),
                        ParameterOrigin::Supplied,
                    ),
                    scenario,
                }),
                None => out.extend(self.declared(at, name, decl, &scenario)),
            }
        }
        out
    }

    fn parameter_provenance(
        &self,
        at: &Node,
        name: &str,
        decl: &ParameterDecl<'a>,
        value_at: Option<Span>,
        origin: ParameterOrigin,
    ) -> Provenance {
        Provenance::Parameter {
            at: at.span(),
            name: name.to_string(),
            value_at,
            origin,
            input: InputKind::Parameter,
            hidden: decl.no_echo,
        }
    }

    /// A parameter's value from the template itself: its allowed values, or its default.
    fn declared(
        &self,
        at: &'a Node,
        name: &str,
        decl: &ParameterDecl<'a>,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        // A value written in the template stays its node, so that its YAML style is kept (an
        // unquoted `ON` is a YAML 1.1 boolean to CloudFormation, which COG001 reports).
        let make = |text: &str, written: &'a Node, origin, scenario: Scenario| Alt {
            scenario,
            value: if decl.is_list() {
                Resolved::Texts(split_list(text))
            } else {
                Resolved::Node(written)
            },
            provenance: self.parameter_provenance(at, name, decl, Some(written.span()), origin),
        };
        if decl.type_name.starts_with("AWS::SSM::Parameter::Value") {
            return vec![self.unknown(
                scenario,
                at,
                format!("parameter `{name}` is read from SSM Parameter Store at deployment"),
            )];
        }
        if !decl.allowed.is_empty() {
            let subject = Subject::Parameter(name.to_string());
            let alts: Vec<_> = decl
                .allowed
                .iter()
                .filter_map(|allowed| {
                    let text = allowed.as_str()?;
                    let next = scenario.with(subject.clone(), text)?;
                    Some(make(text, allowed, ParameterOrigin::AllowedValue, next))
                })
                .collect();
            if !alts.is_empty() {
                return alts;
            }
        }
        match decl.default.and_then(|d| d.as_str().map(|t| (t, d))) {
            Some((text, node)) => vec![make(text, node, ParameterOrigin::Default, scenario.clone())],
            None => vec![self.unknown(
                scenario,
                at,
                format!("parameter `{name}` has no `Default` and no value was supplied (see `--parameters`)"),
            )],
        }
    }

    /// A Serverless variable, written at `at`.
    fn variable(
        &self,
        at: &'a Node,
        name: &str,
        variable: &'a Variable,
        scenario: &Scenario,
    ) -> Alt<'a> {
        match variable {
            Variable::Value { node, origin } => Alt {
                scenario: scenario.clone(),
                value: Resolved::Node(node),
                provenance: Provenance::Parameter {
                    at: at.span(),
                    name: name.to_string(),
                    value_at: Some(node.span()),
                    origin: *origin,
                    input: InputKind::ServerlessVariable,
                    hidden: false,
                },
            },
            Variable::Unknown(reason) => self.unknown(scenario, at, reason.clone()),
        }
    }

    fn get_att(&self, node: &'a Node, args: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        let target = match &args.kind {
            NodeKind::Scalar(s) => s.text.split('.').next().map(str::to_string),
            NodeKind::Sequence(items) => items.first().and_then(Node::as_str).map(str::to_string),
            NodeKind::Mapping(_) => None,
        };
        match target {
            Some(name) if self.resources.contains_key(name.as_str()) => vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Link(name),
                provenance: Provenance::Literal {
                    at: self.span(node),
                },
            }],
            Some(name) => vec![self.unknown(
                scenario,
                node,
                format!("`Fn::GetAtt` on `{name}`, which the template does not declare"),
            )],
            None => {
                vec![self.unknown(scenario, node, "`Fn::GetAtt` with a computed resource name")]
            }
        }
    }

    fn if_(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let (Some(name), Some(then), Some(otherwise)) = (
            args.items().and_then(|i| i.first()).and_then(Node::as_str),
            args.items().and_then(|i| i.get(1)),
            args.items().and_then(|i| i.get(2)),
        ) else {
            return vec![self.unknown(scenario, node, "`Fn::If` needs [condition, then, else]")];
        };
        let mut out = Vec::new();
        for (scenario, outcome) in self.condition(name, scenario, depth + 1) {
            match outcome {
                Some(true) => out.extend(self.resolve_at(then, &scenario, depth + 1)),
                Some(false) => out.extend(self.resolve_at(otherwise, &scenario, depth + 1)),
                None => {
                    let subject = Subject::Condition(name.to_string());
                    for (branch, value) in [(then, "true"), (otherwise, "false")] {
                        if let Some(s) = scenario.with(subject.clone(), value) {
                            out.extend(self.resolve_at(branch, &s, depth + 1));
                        }
                    }
                }
            }
        }
        out
    }

    /// The outcome of a named condition in each scenario (`None`: it cannot be decided).
    pub fn condition(
        &self,
        name: &str,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<(Scenario, Option<bool>)> {
        let subject = Subject::Condition(name.to_string());
        if let Some(assumed) = scenario.assumed(&subject) {
            return vec![(scenario.clone(), Some(assumed == "true"))];
        }
        let Some(body) = self.conditions.get(name) else {
            return vec![(scenario.clone(), None)];
        };
        let outcomes = self.condition_body(body, scenario, depth + 1);
        // When the outcome depends on the scenario, name the condition in it too: "when condition
        // `IsProd` is true" reads better than the parameter values behind it.
        let varies = outcomes.len() > 1;
        outcomes
            .into_iter()
            .map(|(s, v)| match (v, varies) {
                (Some(b), true) => (s.with(subject.clone(), b.to_string()).unwrap_or(s), Some(b)),
                _ => (s, v),
            })
            .collect()
    }

    fn condition_body(
        &self,
        body: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<(Scenario, Option<bool>)> {
        let unknown = || vec![(scenario.clone(), None)];
        if depth > MAX_EVAL_DEPTH {
            return unknown();
        }
        let Some([entry]) = body.entries() else {
            return unknown();
        };
        let args = &entry.value;
        let operands = || args.items().unwrap_or(&[]);
        match entry.key.text.as_str() {
            "Condition" => match args.as_str() {
                Some(name) => self.condition(name, scenario, depth + 1),
                None => unknown(),
            },
            "Fn::Equals" => {
                let [a, b] = operands() else {
                    return unknown();
                };
                let mut out = Vec::new();
                for left in self.texts_of(a, scenario, depth) {
                    for right in self.texts_of(b, &left.scenario, depth) {
                        let outcome = match (&left.value, &right.value) {
                            (Resolved::Text(x), Resolved::Text(y)) => Some(x == y),
                            _ => None,
                        };
                        out.push((right.scenario.clone(), outcome));
                    }
                }
                out
            }
            "Fn::Not" => match operands() {
                [inner] => self
                    .condition_body(inner, scenario, depth + 1)
                    .into_iter()
                    .map(|(s, v)| (s, v.map(|b| !b)))
                    .collect(),
                _ => unknown(),
            },
            op @ ("Fn::And" | "Fn::Or") => {
                let is_and = op == "Fn::And";
                let mut acc: Vec<(Scenario, Option<bool>)> = vec![(scenario.clone(), Some(is_and))];
                for operand in operands() {
                    let mut next = Vec::new();
                    for (s, so_far) in acc {
                        for (s2, v) in self.condition_body(operand, &s, depth + 1) {
                            let combined = match (so_far, v) {
                                (Some(a), Some(b)) => Some(if is_and { a && b } else { a || b }),
                                // A decided operand settles the result whatever the unknown one is.
                                (Some(a), None) | (None, Some(a)) if a != is_and => Some(a),
                                _ => None,
                            };
                            next.push((s2, combined));
                        }
                    }
                    if next.len() > MAX_ALTERNATIVES {
                        return unknown();
                    }
                    acc = next;
                }
                acc
            }
            _ => unknown(),
        }
    }

    /// Evaluates `node` to strings: each alternative is `Text`, `Texts` or `Unknown`.
    fn texts_of(&self, node: &'a Node, scenario: &Scenario, depth: usize) -> Vec<Alt<'a>> {
        Self::to_texts(self.resolve_at(node, scenario, depth + 1))
    }

    fn to_texts(alts: Vec<Alt<'a>>) -> Vec<Alt<'a>> {
        alts.into_iter().map(Self::to_text).collect()
    }

    /// One alternative as a string (`Text`), a list of strings (`Texts`) or `Unknown`.
    fn to_text(alt: Alt<'a>) -> Alt<'a> {
        let value = match alt.value {
            Resolved::Node(n) => match &n.kind {
                NodeKind::Scalar(s) => Resolved::Text(s.text.clone()),
                NodeKind::Sequence(items) => {
                    match items
                        .iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect()
                    {
                        Some(texts) => Resolved::Texts(texts),
                        None => Resolved::Unknown("a list holding functions".into()),
                    }
                }
                NodeKind::Mapping(_) => {
                    Resolved::Unknown("a mapping where a string is expected".into())
                }
            },
            Resolved::Link(name) => Resolved::Unknown(format!(
                "the physical ID of `{name}` is known only at deployment"
            )),
            Resolved::Absent { .. } => {
                Resolved::Unknown("`AWS::NoValue` where a string is expected".into())
            }
            other => other,
        };
        Alt { value, ..alt }
    }

    fn sub(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let (template, vars) = match &args.kind {
            NodeKind::Scalar(s) => (s.text.as_str(), None),
            NodeKind::Sequence(items) => match items.as_slice() {
                [t, v] => match t.as_str() {
                    Some(t) => (t, Some(v)),
                    None => {
                        return vec![self.unknown(
                            scenario,
                            node,
                            "`Fn::Sub` with a computed template",
                        )]
                    }
                },
                _ => {
                    return vec![self.unknown(
                        scenario,
                        node,
                        "`Fn::Sub` needs a string or [string, variables]",
                    )]
                }
            },
            NodeKind::Mapping(_) => {
                return vec![self.unknown(scenario, node, "`Fn::Sub` needs a string")]
            }
        };
        let mut partials: Vec<(Scenario, String)> = vec![(scenario.clone(), String::new())];
        let mut rest = "";
        for (literal, name) in sub_pieces(template) {
            let Some(name) = name else {
                rest = literal;
                break;
            };
            if let Some(escaped) = name.strip_prefix('!') {
                for (_, text) in partials.iter_mut() {
                    text.push_str(literal);
                    text.push_str("${");
                    text.push_str(escaped);
                    text.push('}');
                }
                continue;
            }
            let mut next = Vec::new();
            for (s, text) in partials {
                let values = match vars.and_then(|v| v.get(name)) {
                    Some(var) => self.texts_of(var, &s, depth),
                    None if name.contains('.') => {
                        return vec![self.unknown(
                            &s,
                            node,
                            format!("`${{{name}}}` is an attribute known only at deployment"),
                        )]
                    }
                    None => Self::to_texts(self.reference_name(node, name, &s)),
                };
                for value in values {
                    match value.value {
                        Resolved::Text(v) => {
                            next.push((value.scenario, format!("{text}{literal}{v}")))
                        }
                        Resolved::Unknown(reason) => {
                            return vec![self.unknown(&value.scenario, node, reason)]
                        }
                        _ => {
                            return vec![self.unknown(
                                &value.scenario,
                                node,
                                format!("`${{{name}}}` is not a string"),
                            )]
                        }
                    }
                }
            }
            if next.len() > MAX_ALTERNATIVES {
                return vec![self.unknown(scenario, node, "too many scenarios to evaluate")];
            }
            partials = next;
        }
        partials
            .into_iter()
            .map(|(s, mut text)| {
                text.push_str(rest);
                Alt {
                    scenario: s,
                    value: Resolved::Text(text),
                    provenance: Provenance::Literal {
                        at: self.span(node),
                    },
                }
            })
            .collect()
    }

    fn join(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [delimiter, list] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Join` needs [delimiter, list]")];
        };
        let Some(delimiter) = delimiter.as_str() else {
            return vec![self.unknown(scenario, node, "`Fn::Join` with a computed delimiter")];
        };
        let mut out = Vec::new();
        for list_alt in self.list_items(list, scenario, depth) {
            match list_alt {
                Ok((s, parts)) => out.push(Alt {
                    scenario: s,
                    value: Resolved::Text(parts.join(delimiter)),
                    provenance: Provenance::Literal {
                        at: self.span(node),
                    },
                }),
                Err(alt) => out.push(alt),
            }
        }
        out
    }

    /// The string items of a list, in each scenario (items may be functions themselves).
    fn list_items(
        &self,
        list: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Result<(Scenario, Vec<String>), Alt<'a>>> {
        let mut out = Vec::new();
        for alt in self.resolve_at(list, scenario, depth + 1) {
            match alt.value {
                Resolved::Texts(texts) => out.push(Ok((alt.scenario, texts))),
                Resolved::Node(n) if n.items().is_some() => {
                    for combination in self.list_at(n, &alt.scenario, depth + 1) {
                        out.push(combination.and_then(|(s, items)| {
                            let texts = items
                                .into_iter()
                                .map(|item| match Self::to_text(item) {
                                    Alt {
                                        value: Resolved::Text(t),
                                        ..
                                    } => Ok(t),
                                    unknown @ Alt {
                                        value: Resolved::Unknown(_),
                                        ..
                                    } => Err(unknown),
                                    other => Err(self.unknown(
                                        &other.scenario,
                                        list,
                                        "a list item is not a string",
                                    )),
                                })
                                .collect::<Result<Vec<_>, _>>()?;
                            Ok((s, texts))
                        }));
                    }
                }
                Resolved::Unknown(_) => out.push(Err(alt)),
                _ => out.push(Err(self.unknown(
                    &alt.scenario,
                    list,
                    "a list was expected",
                ))),
            }
        }
        out
    }

    fn find_in_map(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [map, top, second, ..] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::FindInMap` needs [map, key, key]")];
        };
        let mut out = Vec::new();
        for m in self.texts_of(map, scenario, depth) {
            for t in self.texts_of(top, &m.scenario, depth) {
                for k in self.texts_of(second, &t.scenario, depth) {
                    let found = match (&m.value, &t.value, &k.value) {
                        (Resolved::Text(m), Resolved::Text(t), Resolved::Text(k)) => self
                            .mappings
                            .and_then(|maps| maps.get(m))
                            .and_then(|n| n.get(t))
                            .and_then(|n| n.get(k))
                            .ok_or_else(|| format!("mapping `{m}` has no entry `{t}`/`{k}`")),
                        _ => Err("`Fn::FindInMap` with keys known only at deployment".to_string()),
                    };
                    match found {
                        Ok(value) => out.extend(self.resolve_at(value, &k.scenario, depth + 1)),
                        Err(reason) => out.push(self.unknown(&k.scenario, node, reason)),
                    }
                }
            }
        }
        out
    }

    fn select(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [index, list] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Select` needs [index, list]")];
        };
        let mut out = Vec::new();
        for i in self.texts_of(index, scenario, depth) {
            let Resolved::Text(i_text) = &i.value else {
                out.push(i);
                continue;
            };
            let Ok(i_num) = i_text.trim().parse::<usize>() else {
                out.push(self.unknown(&i.scenario, index, "`Fn::Select` index is not a number"));
                continue;
            };
            for l in self.resolve_at(list, &i.scenario, depth + 1) {
                match &l.value {
                    Resolved::Node(n) => match n.items().and_then(|items| items.get(i_num)) {
                        Some(item) => out.extend(self.resolve_at(item, &l.scenario, depth + 1)),
                        None => out.push(self.unknown(
                            &l.scenario,
                            node,
                            "`Fn::Select` index out of range",
                        )),
                    },
                    Resolved::Texts(texts) => match texts.get(i_num) {
                        Some(t) => out.push(Alt {
                            value: Resolved::Text(t.clone()),
                            ..l.clone()
                        }),
                        None => out.push(self.unknown(
                            &l.scenario,
                            node,
                            "`Fn::Select` index out of range",
                        )),
                    },
                    _ => out.push(l.clone()),
                }
            }
        }
        out
    }

    fn split(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Alt<'a>> {
        let [delimiter, source] = args.items().unwrap_or(&[]) else {
            return vec![self.unknown(scenario, node, "`Fn::Split` needs [delimiter, string]")];
        };
        let Some(delimiter) = delimiter.as_str().filter(|d| !d.is_empty()) else {
            return vec![self.unknown(scenario, node, "`Fn::Split` with a computed delimiter")];
        };
        self.texts_of(source, scenario, depth)
            .into_iter()
            .map(|a| match a.value {
                Resolved::Text(t) => Alt {
                    value: Resolved::Texts(t.split(delimiter).map(str::to_string).collect()),
                    ..a
                },
                _ => a,
            })
            .collect()
    }

    /// Reads `path` under `start` (a resource's `Properties`), through any functions on the way.
    pub fn navigate(
        &self,
        start: Option<&'a Node>,
        path: &[&str],
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let Some(start) = start else {
            return vec![Alt {
                scenario: scenario.clone(),
                value: Resolved::Absent { depth: 0 },
                provenance: Provenance::Literal {
                    at: Span::new(self.file, Default::default()),
                },
            }];
        };
        let mut alts = self.resolve(start, scenario);
        for (depth, key) in path.iter().enumerate() {
            let mut next = Vec::new();
            for mut alt in alts {
                alt.value = absent_if_null(alt.value, depth);
                match alt.value {
                    Resolved::Node(n) => match n.entries() {
                        Some(_) => match n.get(key) {
                            // `AWS::NoValue` removes the key at this depth, not the whole path.
                            Some(child) => next.extend(
                                self.resolve(child, &alt.scenario).into_iter().map(|mut a| {
                                    if let Resolved::Absent { .. } = a.value {
                                        a.value = Resolved::Absent { depth };
                                    }
                                    a
                                }),
                            ),
                            None => next.push(Alt {
                                value: Resolved::Absent { depth },
                                ..alt
                            }),
                        },
                        None => {
                            next.push(self.unknown(&alt.scenario, n, "a mapping was expected here"))
                        }
                    },
                    Resolved::Absent { depth: d } => next.push(Alt {
                        value: Resolved::Absent {
                            depth: d.min(depth),
                        },
                        ..alt
                    }),
                    // A function's value used as a property block: not something the template
                    // can set statically, so what lies under it is unknown.
                    Resolved::Text(_)
                    | Resolved::Texts(_)
                    | Resolved::Items(_)
                    | Resolved::Fields(_)
                    | Resolved::Link(_) => next.push(Alt {
                        value: Resolved::Unknown(
                            "a computed value where a mapping was expected".into(),
                        ),
                        ..alt
                    }),
                    Resolved::Unknown(_) => next.push(alt),
                }
            }
            alts = cap(next, || {
                self.unknown(scenario, start, "too many scenarios to evaluate")
            });
        }
        // `AWS::NoValue` or an empty value at the end of the path removes the property itself.
        let last = path.len().saturating_sub(1);
        for alt in &mut alts {
            let value = std::mem::replace(&mut alt.value, Resolved::Absent { depth: last });
            alt.value = match absent_if_null(value, last) {
                Resolved::Absent { depth } => Resolved::Absent {
                    depth: depth.min(last),
                },
                other => other,
            };
        }
        alts
    }

    /// The alternatives of each item of a list value (items may be functions; `AWS::NoValue`
    /// removes an item). Returns one alternative per combination.
    pub fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        self.list_at(node, scenario, 0)
    }

    fn list_at(
        &self,
        node: &'a Node,
        scenario: &Scenario,
        depth: usize,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        let Some(items) = node.items() else {
            return vec![Err(self.unknown(scenario, node, "a list was expected"))];
        };
        let mut partials: Vec<(Scenario, Vec<Alt<'a>>)> = vec![(scenario.clone(), Vec::new())];
        for item in items {
            let mut next = Vec::new();
            for (s, done) in &partials {
                for alt in self.resolve_at(item, s, depth + 1) {
                    let mut d = done.clone();
                    let s2 = alt.scenario.clone();
                    match alt.value {
                        Resolved::Absent { .. } => {}
                        Resolved::Texts(ref texts) => {
                            for t in texts {
                                d.push(Alt {
                                    value: Resolved::Text(t.clone()),
                                    ..alt.clone()
                                });
                            }
                        }
                        _ => d.push(alt),
                    }
                    next.push((s2, d));
                }
            }
            if next.len() > MAX_ALTERNATIVES {
                return vec![Err(self.unknown(
                    scenario,
                    node,
                    "too many scenarios to evaluate",
                ))];
            }
            partials = next;
        }
        partials.into_iter().map(Ok).collect()
    }

    /// Whether a resource exists in each scenario, from its `Condition` attribute.
    pub fn resource_scenarios(&self, resource: &'a Node) -> Vec<Scenario> {
        let Some(name) = resource.get("Condition").and_then(Node::as_str) else {
            return vec![Scenario::always()];
        };
        let subject = Subject::Condition(name.to_string());
        self.condition(name, &Scenario::always(), 0)
            .into_iter()
            .filter_map(|(s, outcome)| match outcome {
                Some(true) => Some(s),
                Some(false) => None,
                None => s.with(subject.clone(), "true"),
            })
            .collect()
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
