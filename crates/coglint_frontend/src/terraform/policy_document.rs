//! `data "aws_iam_policy_document"` read as the policy document it renders: Terraform computes
//! its `json` at plan time, but from values written in the block, so it can be read statically.

use coglint_model::{Provenance, Scenario};
use coglint_source::FileId;
use coglint_syntax::hcl_edit::expr::{Expression, TraversalOperator};
use coglint_syntax::hcl_edit::structure::{Block, Body};

use super::eval::{unknown, Scope};
use super::module::{span_of, BodyRef, Expr};
use crate::value::{Alt, Resolved};

/// The data source type read as a policy document.
pub(crate) const DATA_TYPE: &str = "aws_iam_policy_document";

/// The data source that `expr` reads the `json` of (`data.aws_iam_policy_document.NAME.json`),
/// read as a document; `None` when `expr` is something else.
pub(crate) fn policy_document_of<'a>(
    scope: &Scope<'_, 'a>,
    expr: &'a Expression,
    file: FileId,
    scenario: &Scenario,
) -> Option<Alt<'a>> {
    let Expression::Traversal(traversal) = expr else {
        return None;
    };
    let Expression::Variable(root) = &traversal.expr else {
        return None;
    };
    let names: Vec<&str> = traversal
        .operators
        .iter()
        .map(|o| match o.value() {
            TraversalOperator::GetAttr(name) => name.as_str(),
            _ => "",
        })
        .collect();
    let ["aws_iam_policy_document", name, "json"] = names.as_slice() else {
        return None;
    };
    if root.as_str() != "data" {
        return None;
    }
    let at = span_of(file, expr);
    let decl = scope
        .module
        .data
        .iter()
        .find(|d| d.type_name == "aws_iam_policy_document" && d.name == *name);
    let Some(decl) = decl else {
        return Some(unknown(
            scenario,
            at,
            format!("`data.aws_iam_policy_document.{name}` is not declared in this module"),
        ));
    };
    let BodyRef::Hcl(body) = decl.body else {
        return Some(unknown(
            scenario,
            at,
            "a policy document data source in JSON syntax is not read",
        ));
    };
    Some(
        document(scope, body, decl.file, scenario)
            .unwrap_or_else(|reason| unknown(scenario, span_of(decl.file, body), reason)),
    )
}

/// The value of an attribute, when it has one value in `scenario`.
fn single<'a>(
    scope: &Scope<'_, 'a>,
    block: &'a Block,
    key: &str,
    file: FileId,
    scenario: &Scenario,
) -> Option<Alt<'a>> {
    let attr = block.body.get_attribute(key)?;
    let alts = scope.eval_expr(Expr::Hcl(&attr.value), file, scenario);
    Some(match <[Alt<'a>; 1]>::try_from(alts) {
        Ok([alt]) => alt,
        Err(_) => unknown(
            scenario,
            span_of(file, &attr.value),
            "a value of the policy document that depends on a scenario",
        ),
    })
}

fn text_of(alt: &Alt<'_>) -> Option<String> {
    match &alt.value {
        Resolved::Text(t) => Some(t.clone()),
        Resolved::Node(n) => n.as_str().map(str::to_string),
        _ => None,
    }
}

fn document<'a>(
    scope: &Scope<'_, 'a>,
    body: &'a Body,
    file: FileId,
    scenario: &Scenario,
) -> Result<Alt<'a>, String> {
    for key in [
        "source_policy_documents",
        "override_policy_documents",
        "source_json",
        "override_json",
    ] {
        if body.get_attribute(key).is_some() {
            return Err(format!("`{key}` merges documents that are not read"));
        }
    }
    let mut statements = Vec::new();
    for block in body.iter().filter_map(|s| s.as_block()) {
        match block.ident.as_str() {
            "statement" => {}
            "dynamic" => return Err("a `dynamic` statement is not read".into()),
            _ => continue,
        }
        let at = span_of(file, block);
        let literal = |value: Resolved<'a>| Alt {
            scenario: scenario.clone(),
            value,
            provenance: Provenance::Literal { at },
        };
        let mut fields: Vec<(String, Alt<'a>)> = Vec::new();
        // The provider's default effect is `Allow`.
        let effect = single(scope, block, "effect", file, scenario)
            .unwrap_or_else(|| literal(Resolved::Text("Allow".into())));
        fields.push(("Effect".into(), effect));
        for (key, name) in [
            ("actions", "Action"),
            ("not_actions", "NotAction"),
            ("resources", "Resource"),
            ("not_resources", "NotResource"),
        ] {
            if let Some(value) = single(scope, block, key, file, scenario) {
                fields.push((name.into(), value));
            }
        }
        let mut principals = Vec::new();
        let mut conditions: Vec<(String, Alt<'a>)> = Vec::new();
        for inner in block.body.iter().filter_map(|s| s.as_block()) {
            let inner_at = span_of(file, inner);
            match inner.ident.as_str() {
                "not_principals" => return Err("`not_principals` is not read".into()),
                "principals" => {
                    let kind = single(scope, inner, "type", file, scenario);
                    let ids = single(scope, inner, "identifiers", file, scenario);
                    match (kind.as_ref().and_then(text_of), ids) {
                        (Some(kind), Some(ids)) => principals.push((kind, ids)),
                        _ => {
                            principals.push((
                                "?".into(),
                                unknown(scenario, inner_at, "a principal that cannot be read"),
                            ));
                        }
                    }
                }
                "condition" => {
                    let test = single(scope, inner, "test", file, scenario);
                    let variable = single(scope, inner, "variable", file, scenario);
                    let values = single(scope, inner, "values", file, scenario);
                    match (
                        test.as_ref().and_then(text_of),
                        variable.as_ref().and_then(text_of),
                        values,
                    ) {
                        (Some(test), Some(variable), Some(values)) => conditions.push((
                            test,
                            Alt {
                                scenario: scenario.clone(),
                                value: Resolved::Fields(vec![(variable, values)]),
                                provenance: Provenance::Literal { at: inner_at },
                            },
                        )),
                        _ => {
                            return Err("a condition that cannot be read".into());
                        }
                    }
                }
                "dynamic" => return Err("a `dynamic` block in a statement is not read".into()),
                _ => {}
            }
        }
        if !principals.is_empty() {
            let at = principals
                .first()
                .map_or(at, |(_, ids)| ids.provenance.primary());
            fields.push((
                "Principal".into(),
                Alt {
                    scenario: scenario.clone(),
                    value: Resolved::Fields(principals),
                    provenance: Provenance::Literal { at },
                },
            ));
        }
        if !conditions.is_empty() {
            fields.push(("Condition".into(), literal(Resolved::Fields(conditions))));
        }
        statements.push(literal(Resolved::Fields(fields)));
    }
    let at = span_of(file, body);
    let list = Alt {
        scenario: scenario.clone(),
        value: Resolved::Items(statements),
        provenance: Provenance::Literal { at },
    };
    Ok(Alt {
        scenario: scenario.clone(),
        value: Resolved::Fields(vec![("Statement".into(), list)]),
        provenance: Provenance::Literal { at },
    })
}
