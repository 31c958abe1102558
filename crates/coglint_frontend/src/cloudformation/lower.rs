//! CloudFormation resources to the Cognito model: properties read through parameters,
//! conditions and functions, nested stacks' hand-offs, and suppressions in `Metadata`.

use coglint_model::defaults;
use coglint_model::Provenance;
use coglint_model::{HandOff, Model, ReportedAt, ResourceMeta, Scenario, Suppression};
use coglint_source::FileId;
use coglint_syntax::{Node, NodeKind};

use super::eval::{sub_pieces, Template};
use super::TemplateInputs;
use crate::lowering::{build, cloudformation_kind};
use crate::lowering::{Element, ElementValue, Elements};
use crate::lowering::{Prop, PropertySource, Resource};
use crate::value::{Alt, Resolved};

/// One resource's `Properties`, read in each scenario in which the resource exists.
struct CfnProperties<'t, 'a> {
    template: &'t Template<'a>,
    properties: Option<&'a Node>,
    /// The scenarios in which the resource exists (from its `Condition`).
    scenarios: Vec<Scenario>,
}

impl<'a> PropertySource<'a> for CfnProperties<'_, 'a> {
    fn read(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.scenarios
            .iter()
            .flat_map(|s| self.template.navigate(self.properties, path, s))
            .collect()
    }

    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        self.template.list(node, scenario)
    }

    fn elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        let mut out = Vec::new();
        for alt in self.read(path) {
            match alt.value {
                Resolved::Absent { .. } => out.push(Ok(Elements {
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                    elements: None,
                })),
                Resolved::Node(node) if node.items().is_some() => {
                    for combination in self.template.list(node, &alt.scenario) {
                        out.push(combination.map(|(scenario, items)| {
                            Elements {
                                elements: Some(
                                    items
                                        .into_iter()
                                        .map(|item| Element {
                                            scenario: scenario.clone(),
                                            at: item.provenance.primary(),
                                            value: ElementValue::Value(item),
                                        })
                                        .collect(),
                                ),
                                scenario,
                                provenance: alt.provenance.clone(),
                            }
                        }));
                    }
                }
                // A mapping of named objects (an identity pool's `RoleMappings`): each value is
                // an element, located at its key.
                Resolved::Node(node) if node.entries().is_some() => {
                    let elements = node
                        .entries()
                        .unwrap_or(&[])
                        .iter()
                        .map(|entry| Element {
                            scenario: alt.scenario.clone(),
                            at: entry.key.span(),
                            value: ElementValue::Value(Alt {
                                scenario: alt.scenario.clone(),
                                value: Resolved::Node(&entry.value),
                                provenance: Provenance::Literal {
                                    at: entry.value.span(),
                                },
                            }),
                        })
                        .collect();
                    out.push(Ok(Elements {
                        scenario: alt.scenario,
                        provenance: alt.provenance,
                        elements: Some(elements),
                    }));
                }
                Resolved::Unknown(_) => out.push(Err(alt)),
                _ => out.push(Err(Alt {
                    value: Resolved::Unknown("a single value where a list is expected".into()),
                    ..alt
                })),
            }
        }
        out
    }

    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        match &element.value {
            ElementValue::Value(Alt {
                value: Resolved::Node(node),
                ..
            }) if node.entries().is_some() => {
                self.template.navigate(Some(node), path, &element.scenario)
            }
            _ => vec![Alt {
                scenario: element.scenario.clone(),
                value: Resolved::Unknown("a computed value where a mapping was expected".into()),
                provenance: Provenance::Literal { at: element.at },
            }],
        }
    }

    fn resolve(&self, node: &'a Node, scenario: &Scenario) -> Vec<Alt<'a>> {
        self.template.resolve(node, scenario)
    }
}

/// CloudFormation's name for each property.
/// The resources that `node` (a nested stack's `Parameters`) refers to with `Ref`,
/// `Fn::GetAtt` or `Fn::Sub`: they are handed to the stack `to`.
fn hand_offs(to: &str, node: &Node, out: &mut Vec<HandOff>) {
    let mut push = |target: &str, at: &Node| {
        let target = target.split('.').next().unwrap_or(target);
        if !target.is_empty() && !target.starts_with("AWS::") {
            out.push(HandOff {
                target: target.to_string(),
                to: to.to_string(),
                at: at.span(),
            });
        }
    };
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Mapping(entries) => {
                if let [entry] = &entries[..] {
                    match (entry.key.text.as_str(), &entry.value) {
                        ("Ref", value) => {
                            if let Some(name) = value.as_str() {
                                push(name, node);
                            }
                        }
                        ("Fn::GetAtt", value) => {
                            let name = value
                                .as_str()
                                .or_else(|| value.items().and_then(|i| i.first()?.as_str()));
                            if let Some(name) = name {
                                push(name, node);
                            }
                        }
                        ("Fn::Sub", value) => {
                            let text = value
                                .as_str()
                                .or_else(|| value.items().and_then(|i| i.first()?.as_str()));
                            for name in text.into_iter().flat_map(sub_references) {
                                push(name, node);
                            }
                        }
                        _ => {}
                    }
                }
                stack.extend(entries.iter().map(|e| &e.value));
            }
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Scalar(_) => {}
        }
    }
}

/// The names in the `${Name}` and `${Name.Attribute}` of an `Fn::Sub` string (not `${!Literal}`).
fn sub_references(text: &str) -> impl Iterator<Item = &str> {
    sub_pieces(text)
        .into_iter()
        .filter_map(|(_, name)| name)
        .filter(|name| !name.starts_with('!'))
}

/// `AWS::IAM::RolePolicy` names its one role `RoleName`; the rest as `AWS::IAM::Policy`.
fn role_policy_names(prop: Prop) -> &'static [&'static str] {
    match prop {
        Prop::PolicyRoles => &["RoleName"],
        other => other.cloudformation(),
    }
}

/// The suppressions of a resource's `Metadata`: coglint's own and those users already have for
/// cdk-nag, cfn_nag and checkov.
fn suppressions(metadata: &Node) -> Vec<Suppression> {
    // (tool, key under Metadata, key of the list, key of the id, key of the reason)
    const SOURCES: &[(&str, &str, &str, &str, &str)] = &[
        ("coglint", "coglint", "ignore", "id", "reason"),
        ("cdk-nag", "cdk_nag", "rules_to_suppress", "id", "reason"),
        ("cfn_nag", "cfn_nag", "rules_to_suppress", "id", "reason"),
        ("checkov", "checkov", "skip", "id", "comment"),
    ];
    let mut out = Vec::new();
    for (tool, key, list, id_key, reason_key) in SOURCES {
        let entries = metadata
            .get(key)
            .and_then(|m| m.get(list))
            .and_then(Node::items)
            .unwrap_or(&[]);
        for entry in entries {
            let Some(id) = entry.get(id_key) else {
                continue;
            };
            out.push(Suppression {
                tool,
                ids: id.as_str().map(|s| vec![s.to_string()]).unwrap_or_default(),
                reason: entry
                    .get(reason_key)
                    .and_then(Node::as_str)
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string),
                until: entry
                    .get("until")
                    .and_then(Node::as_str)
                    .map(str::to_string),
                at: id.span(),
            });
        }
    }
    out
}

/// Lowers one template's Cognito resources to the model.
pub fn lower(file: FileId, root: &Node, inputs: &TemplateInputs) -> Model {
    let constructs = &inputs.constructs;
    let template = Template::new(file, root, inputs);
    let mut model = Model::default();
    for entry in root.get("Resources").and_then(Node::entries).unwrap_or(&[]) {
        let body = &entry.value;
        let Some(type_name) = body.get("Type").and_then(Node::as_str) else {
            continue;
        };
        if type_name == "AWS::CloudFormation::Stack" {
            if let Some(parameters) = body.get("Properties").and_then(|p| p.get("Parameters")) {
                hand_offs(&entry.key.text, parameters, &mut model.hand_offs);
            }
            continue;
        }
        let Some(kind) = cloudformation_kind(type_name) else {
            continue;
        };
        let scenarios = template.resource_scenarios(body);
        if scenarios.is_empty() {
            // Its condition is false in every scenario: the resource is never created.
            continue;
        }
        let header = entry.key.span();
        let construct = constructs.get(&entry.key.text);
        let meta = ResourceMeta {
            kind,
            name: entry.key.text.clone(),
            type_name: type_name.to_string(),
            header,
            logical_path: construct.map(|c| c.path.to_string()).or_else(|| {
                body.get("Metadata")
                    .and_then(|m| m.get("aws:cdk:path"))
                    .and_then(Node::as_str)
                    .map(str::to_string)
            }),
            reported_at: construct.and_then(|c| c.source).map(|at| ReportedAt {
                at,
                here: "for this construct",
                source: "the synthesized template",
            }),
            called_from: Vec::new(),
            suppressions: body.get("Metadata").map(suppressions).unwrap_or_default(),
        };
        let properties = CfnProperties {
            template: &template,
            properties: body.get("Properties"),
            scenarios,
        };
        let r = Resource {
            source: &properties,
            header,
            names: if type_name == "AWS::IAM::RolePolicy" {
                role_policy_names
            } else {
                Prop::cloudformation
            },
            class_flag_in_policy: defaults::PASSWORD_REQUIRE_CHARACTER_CLASS,
            enum_values: Default::default(),
        };
        build(&mut model, &r, meta);
    }
    model
}
