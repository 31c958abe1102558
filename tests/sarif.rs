//! SARIF output: valid against the official 2.1.0 schema, and shaped as GitHub code scanning
//! needs it (rule metadata, security-severity, 1-based regions, %SRCROOT% URIs, fingerprints
//! that survive lines moving).

use std::path::{Path, PathBuf};

use coglint_linter::{scan, ScanOptions};
use coglint_report::{render, Format, ReportOptions};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn sarif_of(paths: Vec<PathBuf>, root: &Path) -> Value {
    let result = scan(&ScanOptions {
        paths,
        ..ScanOptions::default()
    });
    let options = ReportOptions {
        root: root.to_path_buf(),
        ..ReportOptions::default()
    };
    let text = render(&result, Format::Sarif, &options);
    match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("SARIF is not JSON: {e}\n{text}"),
    }
}

fn schema() -> Value {
    let path = root().join("testdata/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_valid(sarif: &Value) {
    let schema = schema();
    let validator = jsonschema::draft4::new(&schema).unwrap_or_else(|e| panic!("bad schema: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not match the schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn output_over_every_fixture_matches_the_official_schema() {
    let sarif = sarif_of(vec![root().join("testdata/rules")], &root());
    assert_valid(&sarif);
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(results.len() > 20, "expected findings from the fixtures");
}

#[test]
fn problems_become_notifications_and_the_run_is_marked_failed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: [\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sarif = sarif_of(vec![broken], dir.path());
    assert_valid(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "broken.yaml"
    );
}

#[test]
fn results_carry_what_github_needs() {
    let dir = root().join("testdata/rules/client-implicit-grant");
    let sarif = sarif_of(vec![dir.join("fail.yaml")], &dir);
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let result = run["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["ruleId"] == "COG301"))
        .cloned()
        .unwrap_or_else(|| panic!("no COG301 result"));
    let index = result["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
    let rule = &rules[index];
    assert_eq!(rule["id"], "COG301");
    assert_eq!(rule["name"], "ClientImplicitGrant");
    assert_eq!(rule["properties"]["security-severity"], "8.0");
    assert_eq!(rule["properties"]["group"], "recommended");
    assert!(rule["help"]["markdown"]
        .as_str()
        .unwrap_or("")
        .contains("## How to fix"));
    assert_eq!(result["level"], "error");
    let location = &result["locations"][0];
    let physical = &location["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "fail.yaml");
    assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let region = &physical["region"];
    let text = std::fs::read_to_string(dir.join("fail.yaml")).unwrap_or_default();
    let line = text
        .lines()
        .nth(region["startLine"].as_u64().unwrap_or(1) as usize - 1)
        .unwrap_or("");
    let start = region["startColumn"].as_u64().unwrap_or(1) as usize - 1;
    let end = region["endColumn"].as_u64().unwrap_or(1) as usize - 1;
    let flagged: String = line.chars().skip(start).take(end - start).collect();
    assert!(
        flagged.contains("implicit"),
        "region points at `{flagged}` in `{line}`"
    );
    assert_eq!(location["logicalLocations"][0]["kind"], "resource");
    assert!(result["partialFingerprints"]["coglint/v1"].is_string());
}

#[test]
fn fingerprints_survive_lines_moving() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let template = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: OPTIONAL\n";
    let path = dir.path().join("t.yaml");
    let prints = |text: &str| -> Vec<Value> {
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let sarif = sarif_of(vec![path.clone()], dir.path());
        let results = sarif["runs"][0]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        results
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect()
    };
    let before = prints(template);
    let after = prints(&format!(
        "# a comment\n\nDescription: moved down\n{template}"
    ));
    assert!(!before.is_empty());
    assert_eq!(before, after);
}

#[test]
fn absolute_uris_for_local_editors() {
    let result = scan(&ScanOptions {
        paths: vec![PathBuf::from("testdata/rules/mfa-off/fail.yaml")],
        ..ScanOptions::default()
    });
    let options = ReportOptions {
        root: root(),
        absolute_uris: true,
        ..ReportOptions::default()
    };
    let sarif: Value =
        serde_json::from_str(&render(&result, Format::Sarif, &options)).unwrap_or_default();
    assert_valid(&sarif);
    let location =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = location["uri"].as_str().unwrap_or("");
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/testdata/rules/mfa-off/fail.yaml"),
        "{uri}"
    );
    assert!(location.get("uriBaseId").is_none());
}
