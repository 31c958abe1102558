//! One finding per root cause: findings of one rule at one primary location are one finding,
//! however many module callers, `count` or `for_each` instances, stages or parameter scenarios
//! reach it. The finding names one instance (the first by name, then scenario) and counts the
//! others; the ones that can be told apart by a place in the user's code are related locations.

use std::collections::HashMap;

use coglint_rules::{Finding, Instance, Label};
use coglint_source::Span;

/// Instances shown as related locations, at most; the message counts them all.
pub const MAX_RELATED_INSTANCES: usize = 10;

/// Merges `findings` that share their rule and primary location. Linear in the number of
/// findings (apart from sorting each group).
pub fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    let mut groups: Vec<Vec<Finding>> = Vec::new();
    let mut index: HashMap<(&'static str, Span), usize> = HashMap::new();
    for finding in findings {
        let key = (finding.rule.code, finding.primary.span);
        match index.get(&key) {
            Some(&i) => groups[i].push(finding),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![finding]);
            }
        }
    }
    groups.into_iter().filter_map(merge_group).collect()
}

fn merge_group(mut group: Vec<Finding>) -> Option<Finding> {
    group.sort_by(|a, b| {
        (&a.resource, &a.scenario, &a.message).cmp(&(&b.resource, &b.scenario, &b.message))
    });
    // The same instance reached twice (two paths to one value) is one instance.
    group.dedup_by(|a, b| a.resource == b.resource && a.scenario == b.scenario);
    let mut rest = group.into_iter();
    let mut first = rest.next()?;
    for mut other in rest {
        // One finding, one fix: the fix changes the value of every instance (each module
        // caller's argument), the same change made once.
        match (&mut first.fix, other.fix.take()) {
            (Some(fix), Some(theirs)) if fix.applicability == theirs.applicability => {
                for change in theirs.changes {
                    if !fix.changes.contains(&change) {
                        fix.changes.push(change);
                    }
                }
            }
            (fix @ None, theirs) => *fix = theirs,
            _ => {}
        }
        first.severity = first.severity.max(other.severity);
        first.defaulted &= other.defaulted;
        let at = distinguishing_place(&first, &other);
        first.instances.push(Instance {
            resource: other.resource,
            scenario: other.scenario,
            at,
        });
    }
    if first.instances.is_empty() {
        return Some(first);
    }
    let n = first.instances.len();
    let named = describe(&first.resource, &first.instances[0]);
    first.message = match n {
        1 => format!("{} (also {named})", first.message),
        2 => format!("{} (also {named} and 1 other)", first.message),
        _ => format!("{} (also {named} and {} others)", first.message, n - 1),
    };
    for instance in first.instances.iter().take(MAX_RELATED_INSTANCES) {
        if let Some(span) = instance.at {
            let message = format!("also {}", describe(&first.resource, instance));
            first.secondary.push(Label { span, message });
        }
    }
    Some(first)
}

/// An instance in words: its name, its scenario, or both.
fn describe(first: &str, instance: &Instance) -> String {
    match (&instance.scenario, instance.resource == first) {
        (Some(scenario), true) => format!("when {scenario}"),
        (Some(scenario), false) => format!("`{}` when {scenario}", instance.resource),
        (None, _) => format!("`{}`", instance.resource),
    }
}

/// Where `other` differs from `first` in the user's code: the first `module` block its chain
/// of calls does not share, else its own resource header if that is elsewhere (another stage's
/// template), else nothing (a `for_each` key or a scenario tells it apart, and the message
/// names it).
fn distinguishing_place(first: &Finding, other: &Finding) -> Option<Span> {
    let diverging = other
        .called_from
        .iter()
        .zip(
            first
                .called_from
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .find(|(theirs, ours)| Some(*theirs) != *ours)
        .map(|(theirs, _)| *theirs);
    diverging.or_else(|| {
        (other.resource_header != first.resource_header).then_some(other.resource_header)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_rules::{Finding, Severity};
    use coglint_source::{FileId, TextRange};

    fn span(file: u32, start: u32) -> Span {
        Span::new(FileId(file), TextRange::new(start, start + 1))
    }

    fn finding(code: &str, at: Span, resource: &str, called_from: Vec<Span>) -> Finding {
        let Some(rule) = coglint_rules::find_rule(code) else {
            panic!("no rule {code}");
        };
        Finding {
            rule: rule.meta(),
            severity: Severity::Medium,
            message: format!("problem in `{resource}`"),
            primary: Label {
                span: at,
                message: "here".into(),
            },
            secondary: Vec::new(),
            resource: resource.into(),
            resource_type: "aws_cognito_user_pool".into(),
            logical_path: None,
            resource_header: span(0, 0),
            setting: "MFA".into(),
            scenario: None,
            defaulted: true,
            called_from,
            instances: Vec::new(),
            fix: None,
        }
    }

    #[test]
    fn one_rule_at_one_place_is_one_finding_that_counts_the_others() {
        let at = span(0, 10);
        let mut high = finding("COG101", at, "module.c.pool", vec![span(1, 30)]);
        high.severity = Severity::High;
        let merged = merge(vec![
            finding("COG101", at, "module.b.pool", vec![span(1, 20)]),
            high,
            finding("COG101", at, "module.a.pool", vec![span(1, 10)]),
            // Another rule at the same place, and the same rule elsewhere, stay apart.
            finding("COG110", at, "module.a.pool", vec![span(1, 10)]),
            finding("COG101", span(0, 50), "module.a.pool", vec![span(1, 10)]),
        ]);
        assert_eq!(merged.len(), 3);
        let first = &merged[0];
        assert_eq!(first.resource, "module.a.pool");
        assert_eq!(
            first.message,
            "problem in `module.a.pool` (also `module.b.pool` and 1 other)"
        );
        assert_eq!(first.severity, Severity::High, "the most severe instance");
        let related: Vec<(Span, &str)> = first
            .secondary
            .iter()
            .map(|l| (l.span, l.message.as_str()))
            .collect();
        assert_eq!(
            related,
            [
                (span(1, 20), "also `module.b.pool`"),
                (span(1, 30), "also `module.c.pool`")
            ]
        );
        assert!(merged[1].instances.is_empty() && merged[2].instances.is_empty());
    }

    #[test]
    fn the_fix_of_a_merged_finding_changes_every_instance_once() {
        use coglint_rules::{Applicability, Change, Fix, FixValue};
        let at = span(0, 10);
        let with_fix = |resource: &str, value_at: Span| {
            let mut f = finding("COG601", at, resource, vec![]);
            f.fix = Some(Fix {
                title: "Set".into(),
                applicability: Applicability::Safe,
                changes: vec![Change::Replace {
                    at: value_at,
                    value: FixValue::String("ACTIVE".into()),
                }],
                edits: Vec::new(),
            });
            f
        };
        let merged = merge(vec![
            with_fix("module.a.pool", span(1, 10)),
            with_fix("module.b.pool", span(1, 30)),
            with_fix("module.c.pool", span(1, 10)),
            finding("COG601", at, "module.d.pool", vec![]),
        ]);
        let changes: Vec<Span> = merged[0]
            .fix
            .iter()
            .flat_map(|f| &f.changes)
            .map(|c| match c {
                Change::Replace { at, .. } => *at,
                _ => span(9, 9),
            })
            .collect();
        assert_eq!(changes, [span(1, 10), span(1, 30)]);
    }

    #[test]
    fn instances_are_told_apart_by_the_first_call_they_do_not_share() {
        let at = span(0, 10);
        let (outer, inner_a, inner_b) = (span(1, 0), span(2, 0), span(2, 40));
        let merged = merge(vec![
            finding("COG101", at, "module.x.module.a.pool", vec![outer, inner_a]),
            finding("COG101", at, "module.x.module.b.pool", vec![outer, inner_b]),
            // A `for_each` key of the same call: only its name tells it apart.
            finding(
                "COG101",
                at,
                "module.x.module.b.pool[\"k\"]",
                vec![outer, inner_b],
            ),
        ]);
        let instances = &merged[0].instances;
        assert_eq!(instances[0].at, Some(inner_b));
        assert_eq!(instances[1].at, Some(inner_b));
        let mut same_call = finding("COG101", at, "z", vec![]);
        same_call.resource_header = span(3, 5);
        let merged = merge(vec![finding("COG101", at, "a", vec![]), same_call]);
        assert_eq!(
            merged[0].instances[0].at,
            Some(span(3, 5)),
            "another template"
        );
    }

    #[test]
    fn scenarios_of_one_resource_are_named_by_their_scenario() {
        let at = span(0, 10);
        let mut dev = finding("COG101", at, "Pool", vec![]);
        dev.scenario = Some("the environment is `dev`".into());
        let mut prod = dev.clone();
        prod.scenario = Some("the environment is `prod`".into());
        let twice = dev.clone();
        let merged = merge(vec![prod, dev, twice]);
        assert_eq!(merged.len(), 1);
        assert_eq!(
            merged[0].message,
            "problem in `Pool` (also when the environment is `prod`)"
        );
        assert_eq!(
            merged[0].scenario.as_deref(),
            Some("the environment is `dev`")
        );
    }
}
