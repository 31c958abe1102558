//! Docs are data: each rule's documented example must be flagged by the rule, and its "Use
//! instead" example must not be.

use coglint_linter::{scan, ScanOptions};
use coglint_rules::{all_rules, Rule};

/// The YAML blocks of a rule's documentation: (the example, the fix).
fn examples(docs: &str) -> (String, String) {
    let block_after = |marker: &str| -> String {
        let start = docs.find(marker).unwrap_or_else(|| panic!("no `{marker}`"));
        let rest = &docs[start..];
        let open = rest
            .find("```yaml\n")
            .unwrap_or_else(|| panic!("no yaml block after `{marker}`"))
            + 8;
        let close = rest[open..]
            .find("```")
            .unwrap_or_else(|| panic!("unclosed block"))
            + open;
        rest[open..close].to_string()
    };
    (block_after("## Example"), block_after("Use instead:"))
}

fn count(rule: &'static dyn Rule, yaml: &str) -> usize {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("example.yaml");
    std::fs::write(&path, yaml).unwrap_or_else(|e| panic!("{e}"));
    let result = scan(&ScanOptions {
        paths: vec![path],
        rules: vec![rule],
        ..ScanOptions::default()
    });
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result.findings.len()
}

#[test]
fn documented_examples_behave_as_documented() {
    for rule in all_rules() {
        let meta = rule.meta();
        let (bad, good) = examples(&meta.documentation());
        assert!(
            count(*rule, &bad) > 0,
            "{}: the documented example is not flagged",
            meta.code
        );
        assert_eq!(
            count(*rule, &good),
            0,
            "{}: the documented fix is flagged",
            meta.code
        );
    }
}
