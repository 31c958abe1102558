//! The instances of a resource or a module call (`count`, `for_each`).

use coglint_model::Scenario;
use coglint_source::FileId;

use super::eval::{unknown, Scope};
use super::module::BodyRef;
use crate::value::{Alt, Resolved};

/// The most instances of one resource or module call evaluated one by one. Past it, the
/// instances are checked as one, `[*]`, with `count.index` or `each.key`/`each.value` unknown:
/// what does not depend on them is still checked, and nothing is cut silently.
pub(super) const MAX_INSTANCES: usize = 256;

/// One instance of a resource: its name suffix (`[0]`, `["web"]`), the bindings of `count` or
/// `for_each`, and the scenario in which it exists.
pub(super) struct Instance<'a> {
    pub(super) suffix: String,
    pub(super) bindings: Vec<(String, Alt<'a>)>,
    pub(super) scenario: Scenario,
}

/// The instances a `count` or `for_each` in `body` makes (one when neither is set).
pub(super) fn instances<'a>(
    body: BodyRef<'a>,
    file: FileId,
    scope: &Scope<'_, 'a>,
) -> Vec<Instance<'a>> {
    let base = Scenario::always();
    if let Some(count) = body.attribute("count") {
        let mut out = Vec::new();
        for alt in scope.eval_expr(count, file, &base) {
            let unknown_index = |suffix: &str, reason: &str| {
                unknown_instance(suffix, &["count.index"], &alt, reason)
            };
            match &alt.value {
                Resolved::Text(n) => match n.parse::<u32>() {
                    Ok(n) if n as usize > MAX_INSTANCES => {
                        out.push(unknown_index("[*]", &too_many(&format!("`count` is {n}"))))
                    }
                    Ok(n) => out.extend((0..n).map(|i| Instance {
                        suffix: format!("[{i}]"),
                        bindings: vec![(
                            "count.index".into(),
                            Alt {
                                value: Resolved::Text(i.to_string()),
                                ..alt.clone()
                            },
                        )],
                        scenario: alt.scenario.clone(),
                    })),
                    Err(_) => out.push(unknown_index("", "`count` is not a whole number")),
                },
                // With an unknown count, the parts of the body that do not use it still count.
                _ => out.push(unknown_index("", "`count` is known only at plan time")),
            }
        }
        return out;
    }
    if let Some(for_each) = body.attribute("for_each") {
        let mut out = Vec::new();
        for alt in scope.eval_expr(for_each, file, &base) {
            let pairs: Option<Vec<(String, Alt<'a>)>> = match &alt.value {
                Resolved::Items(items) => items
                    .iter()
                    .map(|i| match &i.value {
                        Resolved::Text(t) => Some((t.clone(), i.clone())),
                        _ => None,
                    })
                    .collect(),
                Resolved::Fields(fields) => Some(fields.clone()),
                _ => None,
            };
            let unknown_each = |suffix: &str, reason: &str| {
                unknown_instance(suffix, &["each.key", "each.value"], &alt, reason)
            };
            match pairs {
                Some(pairs) if pairs.len() > MAX_INSTANCES => out.push(unknown_each(
                    "[*]",
                    &too_many(&format!("`for_each` has {} elements", pairs.len())),
                )),
                Some(pairs) => out.extend(pairs.into_iter().map(|(key, value)| Instance {
                    suffix: format!("[\"{key}\"]"),
                    bindings: vec![
                        (
                            "each.key".into(),
                            Alt {
                                value: Resolved::Text(key.clone()),
                                ..value.clone()
                            },
                        ),
                        ("each.value".into(), value),
                    ],
                    scenario: alt.scenario.clone(),
                })),
                None => out.push(unknown_each("", "`for_each` is known only at plan time")),
            }
        }
        return out;
    }
    vec![Instance {
        suffix: String::new(),
        bindings: Vec::new(),
        scenario: base,
    }]
}

/// One instance standing for all those `count` or `for_each` (evaluated to `alt`) makes,
/// with each of `names` bound to an unknown for `reason`: what does not depend on them is
/// still checked.
fn unknown_instance<'a>(suffix: &str, names: &[&str], alt: &Alt<'a>, reason: &str) -> Instance<'a> {
    let at = alt.provenance.primary();
    Instance {
        suffix: suffix.to_string(),
        bindings: names
            .iter()
            .map(|name| (name.to_string(), unknown(&alt.scenario, at, reason)))
            .collect(),
        scenario: alt.scenario.clone(),
    }
}

/// Why an instance key is unknown when there are too many instances.
fn too_many(what: &str) -> String {
    format!("{what}: more than {MAX_INSTANCES} instances are checked as one, `[*]`")
}
