//! Parameter values given to a template from outside it: a `--parameters` file, a file that
//! coglint.toml maps to the template, samconfig's `parameter_overrides`, Amplify's
//! `parameters.json` with the overrides of each environment. A parameters document is read in
//! the forms users already have: the CLI's `[{"ParameterKey": .., "ParameterValue": ..}]` list,
//! the `{"Parameters": {"Key": "Value"}}` object of CodePipeline configuration files, and a plain
//! `{"Key": value}` object (Amplify), whose values may be numbers, booleans or lists.

use coglint_source::{Span, TextRange};
use coglint_syntax::{Node, NodeKind};

/// One supplied value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuppliedValue {
    /// The value as CloudFormation receives it (a list joined with commas).
    pub text: String,
    /// The items, when the value was written as a list.
    pub items: Option<Vec<String>>,
    pub at: Span,
}

impl SuppliedValue {
    pub fn text(text: impl Into<String>, at: Span) -> Self {
        Self {
            text: text.into(),
            items: None,
            at,
        }
    }
}

/// Values by parameter name, in the order written (a later one wins).
pub type ParameterValues = Vec<(String, SuppliedValue)>;

/// The values supplied to one template: some for every deployment, and possibly named
/// environments, each overriding those. With environments, each is a scenario of its own.
#[derive(Clone, Debug, Default)]
pub struct SuppliedParameters {
    base: ParameterValues,
    environments: Vec<(String, ParameterValues)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParameterFileError {
    pub message: String,
    pub range: TextRange,
}

fn error(message: impl Into<String>, node: &Node) -> ParameterFileError {
    ParameterFileError {
        message: message.into(),
        range: node.range,
    }
}

/// A value as CloudFormation receives it: scalars as text, a list of scalars as its items.
fn value_of(name: &str, node: &Node) -> Result<SuppliedValue, ParameterFileError> {
    match &node.kind {
        NodeKind::Scalar(s) => Ok(SuppliedValue::text(s.text.clone(), node.span())),
        NodeKind::Sequence(items) => {
            let items = items
                .iter()
                .map(|item| {
                    item.as_str().map(str::to_string).ok_or_else(|| {
                        error(
                            format!("the items of parameter `{name}` must be strings, numbers or booleans"),
                            item,
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(SuppliedValue {
                text: items.join(","),
                items: Some(items),
                at: node.span(),
            })
        }
        NodeKind::Mapping(_) => Err(error(
            format!(
                "the value of parameter `{name}` must be a string, a number, a boolean or a list"
            ),
            node,
        )),
    }
}

/// Reads a parameters document in any of the three forms.
pub fn read_parameters(root: &Node) -> Result<ParameterValues, ParameterFileError> {
    let mut values = Vec::new();
    match &root.kind {
        NodeKind::Sequence(items) => {
            for item in items {
                let key = item
                    .get("ParameterKey")
                    .and_then(Node::as_str)
                    .ok_or_else(|| error("each entry needs a string `ParameterKey`", item))?;
                let value = item
                    .get("ParameterValue")
                    .ok_or_else(|| error("each entry needs a `ParameterValue`", item))?;
                values.push((key.to_string(), value_of(key, value)?));
            }
        }
        NodeKind::Mapping(_) => {
            let entries = match root.get("Parameters") {
                Some(params) => params
                    .entries()
                    .ok_or_else(|| error("expected `Parameters` to be an object", params))?,
                None => root.entries().unwrap_or(&[]),
            };
            for entry in entries {
                values.push((entry.key.text.clone(), value_of(&entry.key.text, &entry.value)?));
            }
        }
        NodeKind::Scalar(_) => {
            return Err(error(
                "expected `[{\"ParameterKey\": .., \"ParameterValue\": ..}]`, `{\"Parameters\": {..}}` or `{\"Name\": value}`",
                root,
            ))
        }
    }
    Ok(values)
}

/// The values of a plain `{"Key": value}` object written by a tool (Amplify's parameters.json
/// and team-provider-info.json): scalars and lists of scalars; other values are not parameters
/// and are passed over.
pub fn plain_values(root: &Node) -> ParameterValues {
    root.entries()
        .unwrap_or(&[])
        .iter()
        .filter_map(|e| Some((e.key.text.clone(), value_of(&e.key.text, &e.value).ok()?)))
        .collect()
}

impl SuppliedParameters {
    /// Reads a parameters document parsed from a file.
    pub fn from_document(root: Node) -> Result<Self, ParameterFileError> {
        let mut supplied = Self::default();
        supplied.add(read_parameters(&root)?);
        Ok(supplied)
    }

    /// Values for every deployment; they win over those added before.
    pub fn add(&mut self, values: ParameterValues) {
        self.base.extend(values);
    }

    /// The values of a named environment, over the common ones. Adding to an environment
    /// already named extends it.
    pub fn add_environment(&mut self, name: &str, values: ParameterValues) {
        match self.environments.iter_mut().find(|(n, _)| n == name) {
            Some((_, existing)) => existing.extend(values),
            None => self.environments.push((name.to_string(), values)),
        }
    }

    /// The value given for `name` in each environment: one entry `(None, ..)` when there are
    /// no environments, else one per environment; `None` where no value is given.
    pub fn lookup(&self, name: &str) -> Vec<(Option<&str>, Option<&SuppliedValue>)> {
        fn find<'v>(
            values: &'v [(String, SuppliedValue)],
            name: &str,
        ) -> Option<&'v SuppliedValue> {
            values.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v)
        }
        let base = find(&self.base, name);
        if self.environments.is_empty() {
            return vec![(None, base)];
        }
        self.environments
            .iter()
            .map(|(env, values)| (Some(env.as_str()), find(values, name).or(base)))
            .collect()
    }

    /// The value given for `name` for every deployment (tests and simple callers).
    pub fn get(&self, name: &str) -> Option<(&str, Option<Span>)> {
        match self.lookup(name).first() {
            Some((None, Some(value))) => Some((value.text.as_str(), Some(value.at))),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.base.is_empty() && self.environments.is_empty()
    }

    /// The environments named, in order.
    pub fn environments(&self) -> impl Iterator<Item = &str> {
        self.environments.iter().map(|(n, _)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_source::FileId;
    use coglint_syntax::{parse_json, Limits};

    fn read(text: &str) -> Result<SuppliedParameters, ParameterFileError> {
        let doc =
            parse_json(FileId(7), text, Limits::default()).map_err(|e| ParameterFileError {
                message: e.message,
                range: e.range,
            })?;
        SuppliedParameters::from_document(doc.root)
    }

    #[test]
    fn the_three_forms_are_read() {
        let cli = read(r#"[{"ParameterKey": "Mfa", "ParameterValue": "ON"}]"#);
        assert_eq!(
            cli.ok()
                .and_then(|p| p.get("Mfa").map(|(v, _)| v.to_string())),
            Some("ON".into())
        );
        let pipeline = read(r#"{"Parameters": {"Mfa": "OPTIONAL"}}"#);
        let got = pipeline.ok().and_then(|p| {
            p.get("Mfa")
                .map(|(v, s)| (v.to_string(), s.map(|s| s.file)))
        });
        assert_eq!(got, Some(("OPTIONAL".into(), Some(FileId(7)))));
        let plain = read(
            r#"{"mfaConfiguration": "OFF", "minLength": 8, "guests": true, "flows": ["code", "implicit"]}"#,
        );
        let Ok(plain) = plain else { panic!() };
        assert_eq!(plain.get("minLength").map(|(v, _)| v), Some("8"));
        assert_eq!(plain.get("guests").map(|(v, _)| v), Some("true"));
        let flows = plain.lookup("flows");
        assert_eq!(
            flows[0].1.and_then(|v| v.items.clone()),
            Some(vec!["code".to_string(), "implicit".to_string()])
        );
    }

    #[test]
    fn environments_override_the_common_values() {
        let Ok(mut supplied) = read(r#"{"mfa": "OFF", "len": 8}"#) else {
            panic!()
        };
        let Ok(prod) = parse_json(FileId(8), r#"{"mfa": "ON"}"#, Limits::default()) else {
            panic!()
        };
        let Ok(prod) = read_parameters(&prod.root) else {
            panic!()
        };
        supplied.add_environment("dev", Vec::new());
        supplied.add_environment("prod", prod);
        let texts = |name: &str| -> Vec<(Option<String>, Option<String>)> {
            supplied
                .lookup(name)
                .into_iter()
                .map(|(env, v)| (env.map(str::to_string), v.map(|v| v.text.clone())))
                .collect()
        };
        assert_eq!(
            texts("mfa"),
            vec![
                (Some("dev".into()), Some("OFF".into())),
                (Some("prod".into()), Some("ON".into()))
            ]
        );
        assert_eq!(
            texts("other"),
            vec![(Some("dev".into()), None), (Some("prod".into()), None)]
        );
    }

    #[test]
    fn malformed_entries_are_errors() {
        assert!(read(r#"[{"ParameterValue": "ON"}]"#).is_err());
        assert!(read(r#"{"Parameters": []}"#).is_err());
        assert!(read(r#"{"Parameters": {"A": {"x": 1}}}"#).is_err());
        assert!(read(r#"{"A": [{"x": 1}]}"#).is_err());
        assert!(read(r#""text""#).is_err());
    }
}
