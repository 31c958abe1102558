//! CloudFormation (YAML and JSON, SAM included): parameters, conditions, intrinsic functions and
//! the Cognito resource types, lowered to the model.

mod constructs;
mod eval;
mod lower;
mod parameters;

pub use constructs::{Construct, Constructs};
pub use eval::{condition_problems, ConditionProblem};
pub use lower::lower;
pub use parameters::{
    plain_values, read_parameters, ParameterFileError, ParameterValues, SuppliedParameters,
    SuppliedValue,
};

use std::collections::HashMap;

use coglint_model::ParameterOrigin;

/// What a template's surroundings tell of it: parameter values, the constructs of the CDK app
/// that synthesized it, and the variables of the Serverless service it was assembled from.
#[derive(Clone, Debug, Default)]
pub struct TemplateInputs {
    pub parameters: SuppliedParameters,
    pub constructs: Constructs,
    pub variables: Variables,
}

/// Serverless variables by the name a `Ref` in the assembled template uses for them.
pub type Variables = HashMap<String, Variable>;

/// What a Serverless variable resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Variable {
    /// A value written in the project (a `custom` entry, a fallback), with its location.
    Value { node: Node, origin: ParameterOrigin },
    /// A value known only at deployment (`${env:..}`, `${ssm:..}`): why.
    Unknown(String),
}

use coglint_syntax::Node;

/// Whether a document is a CloudFormation template: a `Resources` mapping whose entries have a
/// `Type`. Decided by content, not by file name.
pub fn is_template(root: &Node) -> bool {
    root.get("Resources")
        .and_then(Node::entries)
        .is_some_and(|resources| {
            !resources.is_empty() && resources.iter().any(|r| r.value.get("Type").is_some())
        })
}

/// Whether text that failed to parse still looks like a template author's (worth an error), as
/// opposed to some other YAML or JSON file (skipped silently).
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && (text.contains("AWS::") || text.contains("Transform")))
}

#[cfg(test)]
mod recognition_tests {
    use super::*;
    use coglint_syntax::{parse_json, parse_yaml, Limits};

    fn yaml(text: &str) -> Node {
        match parse_yaml(coglint_source::FileId(0), text, Limits::default()) {
            Ok(d) => d.root,
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn templates_are_recognised_by_content() {
        assert!(is_template(&yaml(
            "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
        )));
        assert!(is_template(&yaml(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
        )));
        assert!(!is_template(&yaml(
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
        )));
        assert!(!is_template(&yaml("Resources: {}\n")));
        assert!(!is_template(&yaml("Resources:\n  - a\n")));
        let json = parse_json(
            coglint_source::FileId(0),
            "{\"name\": \"pkg\", \"version\": \"1.0.0\"}",
            Limits::default(),
        );
        assert!(!json.map(|d| is_template(&d.root)).unwrap_or(true));
    }
}

#[cfg(test)]
mod tests;
