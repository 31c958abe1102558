//! The overlay: unsaved texts read in place of their files, by every read of the scan (the
//! template itself, a `.tf` file in its module, a variable file).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use coglint_linter::{scan, Overlay, ScanOptions};

fn overlay(entries: &[(PathBuf, &str)]) -> Option<Overlay> {
    let map: HashMap<PathBuf, Arc<str>> = entries
        .iter()
        .map(|(path, text)| {
            let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            (real, Arc::from(*text))
        })
        .collect();
    Some(Arc::new(map))
}

fn codes(options: &ScanOptions) -> Vec<&'static str> {
    scan(options).findings.iter().map(|f| f.rule.code).collect()
}

#[test]
fn a_template_buffer_replaces_its_file() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let template = dir.path().join("template.yaml");
    let on = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"ON\"\n";
    std::fs::write(&template, on)?;
    let off = on.replace("\"ON\"", "\"OFF\"");
    let disk = ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    };
    assert!(!codes(&disk).contains(&"COG101"));
    let edited = ScanOptions {
        overlay: overlay(&[(template.clone(), &off)]),
        ..disk
    };
    let result = scan(&edited);
    let finding = result.findings.iter().find(|f| f.rule.code == "COG101");
    let Some(finding) = finding else {
        panic!("no COG101 from the buffer: {:?}", result.findings)
    };
    // Spans point into the buffer's text, which the scan holds.
    let source = result.sources.get(finding.primary.span.file);
    assert_eq!(
        source.map(|s| s.slice(finding.primary.span.range)),
        Some("\"OFF\"")
    );
    Ok(())
}

#[test]
fn a_tf_buffer_takes_its_place_in_the_module_and_tfvars_come_from_disk() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let main = dir.path().join("main.tf");
    std::fs::write(
        dir.path().join("variables.tf"),
        "variable \"mfa\" {\n  type = string\n}\n",
    )?;
    std::fs::write(dir.path().join("terraform.tfvars"), "mfa = \"OFF\"\n")?;
    std::fs::write(
        &main,
        "resource \"aws_cognito_user_pool\" \"p\" {\n  mfa_configuration = \"ON\"\n}\n",
    )?;
    let disk = ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    };
    assert!(!codes(&disk).contains(&"COG101"));
    let buffer = "resource \"aws_cognito_user_pool\" \"p\" {\n  mfa_configuration = var.mfa\n}\n";
    let edited = ScanOptions {
        overlay: overlay(&[(main, buffer)]),
        ..disk
    };
    let result = scan(&edited);
    let Some(finding) = result.findings.iter().find(|f| f.rule.code == "COG101") else {
        panic!("no COG101 from the buffer: {:?}", result.findings)
    };
    // The value came from terraform.tfvars on disk: a secondary label points there.
    let files: Vec<String> = finding
        .secondary
        .iter()
        .filter_map(|l| result.sources.get(l.span.file))
        .map(|s| s.path().display().to_string())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("terraform.tfvars")),
        "{files:?}"
    );
    Ok(())
}
