//! Parameter values supplied for a scan (`--parameters FILE`), in the two forms users already
//! have: the CLI's `[{"ParameterKey": .., "ParameterValue": ..}]` list and the
//! `{"Parameters": {"Key": "Value"}}` object of CodePipeline configuration files.

use coglint_source::{Span, TextRange};
use coglint_syntax::{Node, NodeKind};

/// Values keyed by parameter name, each with the node (and file) it was written in.
#[derive(Clone, Debug, Default)]
pub struct SuppliedParameters {
    values: Vec<(String, Node)>,
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

impl SuppliedParameters {
    /// Reads a parameters document parsed from `file`.
    pub fn from_document(root: Node) -> Result<Self, ParameterFileError> {
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
                    values.push((key.to_string(), value.clone()));
                }
            }
            NodeKind::Mapping(_) => {
                let params = root
                    .get("Parameters")
                    .and_then(Node::entries)
                    .ok_or_else(|| error("expected a `Parameters` object", &root))?;
                for entry in params {
                    values.push((entry.key.text.clone(), entry.value.clone()));
                }
            }
            NodeKind::Scalar(_) => {
                return Err(error(
                    "expected `[{\"ParameterKey\": .., \"ParameterValue\": ..}]` or `{\"Parameters\": {..}}`",
                    &root,
                ))
            }
        }
        for (name, node) in &values {
            if node.scalar().is_none() {
                return Err(error(
                    format!("the value of parameter `{name}` must be a string"),
                    node,
                ));
            }
        }
        Ok(Self { values })
    }

    /// The value given for `name`, and where it was written.
    pub fn get(&self, name: &str) -> Option<(&str, Option<Span>)> {
        let (_, node) = self.values.iter().rev().find(|(k, _)| k == name)?;
        Some((node.as_str()?, Some(node.span())))
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
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
    fn both_forms_are_read() {
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
    }

    #[test]
    fn malformed_entries_are_errors() {
        assert!(read(r#"[{"ParameterValue": "ON"}]"#).is_err());
        assert!(read(r#"{"Other": {}}"#).is_err());
        assert!(read(r#"{"Parameters": {"A": {"x": 1}}}"#).is_err());
        assert!(read(r#""text""#).is_err());
    }
}
