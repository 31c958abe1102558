//! Snapshots of the human report of each rule's `fail.yaml` and `fail.tf`, kept beside the fixtures in
//! `testdata/rules/<rule>/snapshots/`. The fixture harness asserts resources and lines; these
//! show how the findings read. Review every change with `cargo insta review`.

use std::path::Path;

mod common;

use coglint_linter::{scan, ScanOptions};
use coglint_report::{render, Format, ReportOptions};
use coglint_rules::all_rules;

#[test]
fn human_report_of_each_failing_fixture() {
    for rule in all_rules() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/rules")
            .join(rule.meta().name);
        for fixture in ["fail.yaml", "fail.tf"] {
            // Alone, as the fixture harness reads it: fail.tf is a module of its own.
            let case = common::Alone::new(&dir.join(fixture));
            let result = scan(&ScanOptions {
                paths: vec![case.path.clone()],
                rules: vec![*rule],
                ..ScanOptions::default()
            });
            let options = ReportOptions {
                root: case.dir().to_path_buf(),
                width: 100,
                ..ReportOptions::default()
            };
            let text = render(&result, Format::Human, &options);
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(dir.join("snapshots"));
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.bind(|| insta::assert_snapshot!(fixture, text));
        }
    }
}
