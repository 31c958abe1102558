//! Templates CloudFormation would reject for their conditions: a located warning, and no
//! finding that reads "when condition `Missing` is true".

mod common;

use common::{coglint, stdout, tempdir, write};

#[test]
fn a_missing_or_circular_condition_is_a_located_warning() {
    let dir = tempdir();
    write(
        dir.path(),
        "template.yaml",
        "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Condition: Missing\n    Properties:\n      MfaConfiguration: !If [A, 'ON', 'OFF']\n  Other:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [Missing, 'OFF', 'ON']\n",
    );
    let out = coglint(
        dir.path(),
        &["check", ".", "--format", "concise", "--show-unknown"],
    );
    let text = stdout(&out);
    for expected in [
        // At the reference that closes the cycle.
        "template.yaml:3:17: warning[invalid-condition] conditions `A` → `B` → `A` refer to each other in a cycle",
        "template.yaml:7:16: warning[invalid-condition] condition `Missing` is not defined in `Conditions`",
        "template.yaml:13:30: warning[invalid-condition] condition `Missing` is not defined in `Conditions`",
        "unknown COG101 in `Pool`: MFA: condition `A` refers to itself through a cycle of conditions",
        "unknown COG101 in `Other`: MFA: condition `Missing` is not defined in `Conditions`",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("when condition"), "{text}");
    // Warnings only: the findings decide the exit code.
    assert!(text.contains("template.yaml:5:3: COG201"), "{text}");
    assert_eq!(out.status.code(), Some(1));
}
