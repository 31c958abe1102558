//! Reading one resource's fields: scalars, lists, links and lists of objects, each with
//! AWS's default when omitted.

use coglint_model::defaults::AwsDefault;
use coglint_model::{
    Alternative, Field, Item, List, Provenance, ResourceRef, Scenario, TokenUnit, TokenValidity,
    Unknown, Value,
};
use coglint_model::{EnumValue, Spelling};
use coglint_source::Span;
use coglint_syntax::{NodeKind, ScalarStyle};
use std::cell::RefCell;

use super::prop::Names;
use super::source::{ElementSource, PropertySource};
use super::text::{convert, FromText, YAML_11_BOOLEANS};
use crate::value::{Alt, Resolved};

/// Builds the fields of one resource.
pub(crate) struct Resource<'s, 'a> {
    pub source: &'s dyn PropertySource<'a>,
    pub header: Span,
    pub names: Names,
    /// What a `Require*` flag left out of a written password policy becomes: the API's
    /// default for CloudFormation, `false` for Terraform's provider.
    pub class_flag_in_policy: AwsDefault<bool>,
    /// The enumeration values written, noted while the fields are read.
    pub enum_values: RefCell<Vec<EnumValue>>,
}

impl<'a> Resource<'_, 'a> {
    pub(super) fn alternatives(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.source.read(path)
    }

    pub(super) fn defaulted<T>(
        &self,
        path: &[&str],
        default: AwsDefault<T>,
        scenario: Scenario,
    ) -> Alternative<T> {
        Alternative {
            value: Value::Known(default.value),
            scenario,
            provenance: Provenance::Default {
                resource: self.header,
                // The whole path: what the user has to add, even when a block above it is missing.
                property: path.join("."),
                doc: default.doc,
            },
        }
    }

    /// A scalar property; `default` gives AWS's value when the key at the given depth is missing.
    pub(super) fn scalar<T: FromText>(
        &self,
        path: &[&str],
        default: impl Fn(usize) -> AwsDefault<T>,
    ) -> Field<T> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { depth } => self.defaulted(path, default(depth), alt.scenario),
                ref value => {
                    self.note_enum_value::<T>(path, &alt);
                    Alternative {
                        value: convert(value),
                        scenario: alt.scenario,
                        provenance: alt.provenance,
                    }
                }
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// Notes how an enumeration value is written (for the check of spellings AWS rejects).
    pub(super) fn note_enum_value<T: FromText>(&self, path: &[&str], alt: &Alt<'_>) {
        if !T::ENUM {
            return;
        }
        let (text, plain) = match &alt.value {
            Resolved::Node(n) => match &n.kind {
                NodeKind::Scalar(s) => (s.text.as_str(), s.style == ScalarStyle::Plain),
                _ => return,
            },
            Resolved::Text(t) => (t.as_str(), false),
            Resolved::Unknown(reason) => {
                let value = Value::Unknown(Unknown::new(reason.clone()));
                self.note(path, value, alt.scenario.clone(), alt.provenance.clone());
                return;
            }
            _ => return,
        };
        let Some(expected) = T::canonical(text) else {
            // Not a value of the enumeration at all: the field is unknown, and says why.
            return;
        };
        let spelling = Spelling {
            written: text.to_string(),
            expected,
            yaml_boolean: plain && YAML_11_BOOLEANS.contains(&text),
        };
        // Where the text is written: a parameter's value, not the `Ref` that uses it.
        let at = match &alt.provenance {
            Provenance::Parameter {
                value_at: Some(value_at),
                ..
            } => *value_at,
            other => other.primary(),
        };
        let provenance = Provenance::Literal { at };
        self.note(
            path,
            Value::Known(spelling),
            alt.scenario.clone(),
            provenance,
        );
    }

    pub(super) fn note(
        &self,
        path: &[&str],
        value: Value<Spelling>,
        scenario: Scenario,
        provenance: Provenance,
    ) {
        let at = provenance.primary();
        let alternative = Alternative {
            value,
            scenario,
            provenance,
        };
        let noted = EnumValue {
            resource: String::new(),
            property: path.join("."),
            spelling: Field::from_alternatives(vec![alternative], at),
        };
        let mut all = self.enum_values.borrow_mut();
        if !all.contains(&noted) {
            all.push(noted);
        }
    }

    /// The enumeration values noted while reading resource `name`.
    pub(crate) fn take_enum_values(&self, name: &str) -> Vec<EnumValue> {
        self.enum_values
            .take()
            .into_iter()
            .map(|v| EnumValue {
                resource: name.to_string(),
                ..v
            })
            .collect()
    }

    /// A list property, each item with its own location when written one by one.
    pub(super) fn list<T: FromText + Clone + 'static>(
        &self,
        path: &[&str],
        default: AwsDefault<&'static [T]>,
    ) -> Field<List<T>> {
        let mut alternatives = Vec::new();
        for alt in self.alternatives(path) {
            match alt.value {
                Resolved::Absent { .. } => {
                    let items = default
                        .value
                        .iter()
                        .map(|v| Item {
                            value: v.clone(),
                            at: None,
                        })
                        .collect();
                    let d = AwsDefault {
                        value: items,
                        doc: default.doc,
                    };
                    alternatives.push(self.defaulted(path, d, alt.scenario));
                }
                Resolved::Node(node) if node.items().is_some() => {
                    for combination in self.source.list(node, &alt.scenario) {
                        alternatives.push(match combination {
                            Ok((scenario, items)) => Alternative {
                                value: self.collect_items(path, &items),
                                scenario,
                                provenance: alt.provenance.clone(),
                            },
                            Err(unknown) => Alternative {
                                value: Value::Unknown(unreadable(&unknown)),
                                scenario: unknown.scenario,
                                provenance: unknown.provenance,
                            },
                        });
                    }
                }
                Resolved::Items(items) => alternatives.push(Alternative {
                    value: self.collect_items(path, &items),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
                Resolved::Texts(texts) => {
                    let items: Result<List<T>, String> = texts
                        .iter()
                        .map(|t| T::from_text(t, false).map(|value| Item { value, at: None }))
                        .collect();
                    alternatives.push(Alternative {
                        value: match items {
                            Ok(items) => Value::Known(items),
                            Err(reason) => Value::Unknown(Unknown::new(reason)),
                        },
                        scenario: alt.scenario,
                        provenance: alt.provenance,
                    });
                }
                Resolved::Unknown(reason) => alternatives.push(Alternative {
                    value: Value::Unknown(Unknown::new(reason)),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
                _ => alternatives.push(Alternative {
                    value: Value::Unknown(Unknown::new("a single value where a list is expected")),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                }),
            }
        }
        Field::from_alternatives(alternatives, self.header)
    }

    /// Whether a property or block is written at all (an SMS configuration, a Lambda trigger),
    /// whatever its content; `default` says what its absence means.
    pub(super) fn present(&self, path: &[&str], default: AwsDefault<bool>) -> Field<bool> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { .. } => self.defaulted(path, default, alt.scenario),
                Resolved::Unknown(reason) => Alternative {
                    value: Value::Unknown(Unknown::new(reason)),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                },
                ref value => Alternative {
                    // `[]` (a block list with no block, in .tf.json) writes nothing.
                    value: Value::Known(!matches!(value, Resolved::Items(i) if i.is_empty())),
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                },
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A list property, `None` when it is omitted (where omission means more than an empty list).
    pub(super) fn optional_list<T: FromText + Clone + 'static>(
        &self,
        path: &[&str],
        default: AwsDefault<&'static [T]>,
    ) -> Field<Option<List<T>>> {
        let alternatives = self
            .list(path, default)
            .alternatives()
            .iter()
            .cloned()
            .map(|alt| Alternative {
                value: match alt.value {
                    Value::Known(_) if alt.provenance.is_default() => Value::Known(None),
                    Value::Known(items) => Value::Known(Some(items)),
                    Value::Unknown(u) => Value::Unknown(u),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A link to another resource of the same template or module.
    pub(super) fn link(&self, path: &[&str]) -> Field<ResourceRef> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| Alternative {
                value: match &alt.value {
                    Resolved::Link(target) => Value::Known(ResourceRef {
                        target: target.clone(),
                    }),
                    Resolved::Unknown(reason) => Value::Unknown(Unknown::new(reason.clone())),
                    Resolved::Absent { .. } => {
                        Value::Unknown(Unknown::new(format!("`{}` is missing", path.join("."))))
                    }
                    _ => Value::Unknown(Unknown::new(
                        "the resource is not declared in this template",
                    )),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }

    /// A token validity: an amount in a unit, each of which may be omitted.
    pub(super) fn token_validity(
        &self,
        amount: &[&str],
        unit: &[&str],
        default: AwsDefault<TokenValidity>,
        unit_default: AwsDefault<TokenUnit>,
    ) -> Field<TokenValidity> {
        let amount: Field<Option<u32>> = self.scalar(amount, |_| AwsDefault {
            value: None,
            doc: default.doc,
        });
        let unit: Field<TokenUnit> = self.scalar(unit, |_| unit_default);
        amount.zip(&unit, |a, u| match a {
            Some(n) => TokenValidity::new(*n, *u),
            None => default.value,
        })
    }

    pub(super) fn collect_items<T: FromText>(
        &self,
        path: &[&str],
        items: &[Alt<'_>],
    ) -> Value<List<T>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            self.note_enum_value::<T>(path, item);
            match convert::<T>(&item.value) {
                Value::Known(value) => out.push(Item {
                    value,
                    at: Some(item.provenance.primary()),
                }),
                Value::Unknown(u) => return Value::Unknown(u),
            }
        }
        Value::Known(out)
    }

    /// A list of objects, each item built by `build` from a resource-like view of the element
    /// (its omitted settings are reported at the element).
    pub(super) fn elements<T>(
        &self,
        path: &[&str],
        doc: &'static str,
        build: impl Fn(&Resource<'_, 'a>) -> T,
    ) -> Field<List<T>> {
        let mut alternatives = Vec::new();
        for list in self.source.elements(path) {
            let list = match list {
                Ok(list) => list,
                Err(unknown) => {
                    alternatives.push(Alternative {
                        value: Value::Unknown(unreadable(&unknown)),
                        scenario: unknown.scenario,
                        provenance: unknown.provenance,
                    });
                    continue;
                }
            };
            let Some(elements) = list.elements else {
                let empty = AwsDefault {
                    value: Vec::new(),
                    doc,
                };
                alternatives.push(self.defaulted(path, empty, list.scenario));
                continue;
            };
            let items = elements
                .into_iter()
                .map(|element| {
                    let at = element.at;
                    let source = ElementSource {
                        parent: self.source,
                        element,
                    };
                    let inner = Resource {
                        source: &source,
                        header: at,
                        names: self.names,
                        class_flag_in_policy: self.class_flag_in_policy,
                        enum_values: RefCell::default(),
                    };
                    let value = build(&inner);
                    // An element's enumeration values are its resource's.
                    let list = path.join(".");
                    self.enum_values
                        .borrow_mut()
                        .extend(inner.enum_values.take().into_iter().map(|v| EnumValue {
                            property: format!("{list}.{}", v.property),
                            ..v
                        }));
                    Item {
                        value,
                        at: Some(at),
                    }
                })
                .collect();
            alternatives.push(Alternative {
                value: Value::Known(items),
                scenario: list.scenario,
                provenance: list.provenance,
            });
        }
        Field::from_alternatives(alternatives, self.header)
    }

    /// A link that may also name a resource outside the scan by its ID or ARN written as text
    /// (`None`): what an attachment's target is when it may be another stack's resource.
    pub(super) fn link_or_outside(&self, path: &[&str]) -> Field<Option<ResourceRef>> {
        let alternatives = self
            .alternatives(path)
            .into_iter()
            .map(|alt| Alternative {
                value: match &alt.value {
                    Resolved::Link(target) => Value::Known(Some(ResourceRef {
                        target: target.clone(),
                    })),
                    Resolved::Text(_) => Value::Known(None),
                    Resolved::Node(n) if matches!(n.kind, NodeKind::Scalar(_)) => {
                        Value::Known(None)
                    }
                    Resolved::Unknown(reason) => Value::Unknown(Unknown::new(reason.clone())),
                    Resolved::Absent { .. } => {
                        Value::Unknown(Unknown::new(format!("`{}` is missing", path.join("."))))
                    }
                    _ => Value::Unknown(Unknown::new("a value where an ID or ARN is expected")),
                },
                scenario: alt.scenario,
                provenance: alt.provenance,
            })
            .collect();
        Field::from_alternatives(alternatives, self.header)
    }
}

/// Why a list (or one of its items) that a source could not read is unknown.
fn unreadable(alt: &Alt<'_>) -> Unknown {
    match convert::<String>(&alt.value) {
        Value::Unknown(u) => u,
        Value::Known(_) => Unknown::new("a list item could not be read"),
    }
}
