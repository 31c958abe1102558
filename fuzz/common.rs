//! What the fuzz targets share.
#![allow(dead_code)]

use std::path::PathBuf;

use coglint_frontend::cloudformation::{self, TemplateInputs};
use coglint_linter::{scan, ScanOptions};
use coglint_report::{render, Format, ReportOptions};
use coglint_rules::{all_rules, Settings};
use coglint_source::FileId;
use coglint_syntax::Node;

/// Lowers a parsed document and runs every rule, if it is a template.
pub fn check_template(root: &Node) {
    if cloudformation::is_template(root) {
        let model = cloudformation::lower(FileId(0), root, &TemplateInputs::default());
        let _ = coglint_rules::check(&model, all_rules(), &Settings::default());
    }
}

const NAMES: &[&str] = &[
    "template.yaml",
    "template.json",
    "main.tf",
    "main.tf.json",
    "terraform.tfvars",
];

/// Writes `data` (after its first byte, which picks the name) into a fresh directory, scans
/// the directory and renders the result in every format.
pub fn scan_bytes(data: &[u8]) {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("coglint-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if std::fs::write(dir.join(name), content).is_err() {
        return;
    }
    if name == "terraform.tfvars" {
        // Variables need a module to apply to.
        let _ = std::fs::write(
            dir.join("main.tf"),
            "variable \"mfa\" {}\nresource \"aws_cognito_user_pool\" \"p\" {\n  mfa_configuration = var.mfa\n}\n",
        );
    }
    let options = ScanOptions {
        paths: vec![dir.clone()],
        ..ScanOptions::default()
    };
    let result = scan(&options);
    let report = ReportOptions {
        color: true,
        show_unknown: true,
        root: PathBuf::from("/"),
        fail_on: coglint_rules::Severity::Low,
        width: 80,
        absolute_uris: false,
    };
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let _ = render(&result, format, &report);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
