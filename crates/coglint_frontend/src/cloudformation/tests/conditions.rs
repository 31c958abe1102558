//! Conditions that cannot be evaluated: named but not defined, or in a cycle.

use super::*;
use crate::cloudformation::condition_problems;

fn problems(text: &str) -> Vec<(String, String)> {
    match parse_yaml(FILE, text, Limits::default()) {
        Ok(doc) => condition_problems(&doc.root)
            .into_iter()
            .map(|p| (text[p.at.range.as_usize()].to_string(), p.message))
            .collect(),
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn self_referencing_conditions_do_not_hang_and_are_not_evaluated() {
    let text = "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [A, 'ON', 'OFF']\n";
    assert_eq!(
        values(&model(text).user_pools[0].mfa_configuration),
        vec!["unknown: condition `A` refers to itself through a cycle of conditions"]
    );
    assert_eq!(
        problems(text),
        vec![(
            "A".to_string(),
            "conditions `A` → `B` → `A` refer to each other in a cycle: CloudFormation rejects the template; coglint does not evaluate them".to_string()
        )]
    );
}

#[test]
fn a_condition_that_is_not_defined_is_unknown_not_a_scenario() {
    let text = "Conditions:\n  IsProd: !Equals [a, b]\n  Both: !And [!Condition IsProd, !Condition Missing]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [Missing, 'ON', 'OFF']\n  Guarded:\n    Type: AWS::Cognito::UserPool\n    Condition: AlsoMissing\n    Properties:\n      MfaConfiguration: 'OFF'\nOutputs:\n  Id:\n    Condition: Missing\n    Value: !Ref Pool\n";
    let m = model(text);
    assert_eq!(
        values(&m.user_pools[0].mfa_configuration),
        vec!["unknown: condition `Missing` is not defined in `Conditions`"]
    );
    // Checked as if it had no condition: no "when condition `AlsoMissing` is true".
    assert_eq!(values(&m.user_pools[1].mfa_configuration), vec!["Off"]);
    let missing = |name: &str| {
        format!("condition `{name}` is not defined in `Conditions`: CloudFormation rejects the template; what depends on it is not evaluated")
    };
    assert_eq!(
        problems(text),
        vec![
            ("Missing".to_string(), missing("Missing")),
            ("Missing".to_string(), missing("Missing")),
            ("AlsoMissing".to_string(), missing("AlsoMissing")),
            ("Missing".to_string(), missing("Missing")),
        ]
    );
}

#[test]
fn conditions_that_depend_on_a_cycle_are_named_once() {
    // C is no member of the cycle, but reaches it: only the cycle is reported.
    let text = "Conditions:\n  A: !Or [!Condition B, !Condition A]\n  B: !Condition A\n  C: !Not [!Condition B]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [C, 'ON', 'OFF']\n";
    let found: Vec<String> = problems(text).into_iter().map(|(_, m)| m).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|m| m.contains("cycle")), "{found:?}");
    assert_eq!(
        values(&model(text).user_pools[0].mfa_configuration),
        vec![
            "On when condition `C` is true",
            "Off when condition `C` is false"
        ]
    );
}
