//! `Ref` and `Fn::GetAtt`: parameters (declared, supplied, pseudo), Serverless variables and
//! resources.

use coglint_model::{InputKind, ParameterOrigin, Provenance, Scenario, Subject};
use coglint_source::Span;
use coglint_syntax::{Node, NodeKind};

use super::{split_list, ParameterDecl, Template, PSEUDO_PARAMETERS};
use crate::cloudformation::Variable;
use crate::value::{Alt, Resolved};

impl<'a> Template<'a> {
    pub(super) fn reference(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        match args.as_str() {
            Some(name) => self.reference_name(node, name, scenario),
            None => vec![self.unknown(scenario, node, "`Ref` needs a name")],
        }
    }

    /// `Ref: name`, written at `node` (a `Ref`, or the `Fn::Sub` holding `${name}`).
    pub(super) fn reference_name(
        &self,
        node: &'a Node,
        name: &str,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
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

    pub(super) fn parameter(
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

    pub(super) fn parameter_provenance(
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
    pub(super) fn declared(
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
    pub(super) fn variable(
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

    pub(super) fn get_att(
        &self,
        node: &'a Node,
        args: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
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
}
