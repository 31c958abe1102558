//! What front ends evaluate values to, before the values are typed into the model.

use coglint_model::{Provenance, Scenario};
use coglint_syntax::Node;

/// The most alternatives one value may have before it is given up as unknown.
pub(crate) const MAX_ALTERNATIVES: usize = 64;

/// What a value evaluates to in one scenario.
#[derive(Clone, Debug)]
pub(crate) enum Resolved<'a> {
    /// The property is not there (omitted, or `AWS::NoValue`): AWS's default applies.
    /// `depth` is the index, in the path being read, of the key that is missing.
    Absent {
        depth: usize,
    },
    /// A node of the template (or of the parameters file) with no function left in it.
    Node(&'a Node),
    /// A string computed by a function, or a parameter's value.
    Text(String),
    /// A list of strings (a `CommaDelimitedList` parameter, `Fn::Split`).
    Texts(Vec<String>),
    /// A list whose items were evaluated one by one, each with its own location (Terraform).
    Items(Vec<Alt<'a>>),
    /// An object or map whose values were evaluated (Terraform).
    Fields(Vec<(String, Alt<'a>)>),
    /// A reference to a resource of the same template or module (`Ref`, `Fn::GetAtt`,
    /// `aws_cognito_user_pool.main.id`), by the name the model gives the resource.
    Link(String),
    Unknown(String),
}

#[derive(Clone, Debug)]
pub(crate) struct Alt<'a> {
    pub scenario: Scenario,
    pub value: Resolved<'a>,
    pub provenance: Provenance,
}

/// Gives up on a value with too many alternatives (scenario explosion).
pub(crate) fn cap<'a>(alts: Vec<Alt<'a>>, unknown: impl FnOnce() -> Alt<'a>) -> Vec<Alt<'a>> {
    if alts.len() > MAX_ALTERNATIVES {
        vec![unknown()]
    } else {
        alts
    }
}
