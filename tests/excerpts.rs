//! A scan that keeps only excerpts of the templates its report points into and renders their
//! fixes as it goes (what `coglint check` does) reports exactly what a scan that keeps whole
//! texts and renders every fix at the end reports, in every format, fixes included.

use std::path::Path;

use coglint_linter::{fix, scan, ScanOptions, ScanResult};
use coglint_report::{render, Format, ReportOptions};

/// A scan of `dir`; `excerpts`: as `coglint check` scans, keeping excerpts and rendering the
/// fixes of each template while its tree is at hand.
fn scanned(dir: &Path, excerpts: bool) -> ScanResult {
    let mut result = scan(&ScanOptions {
        paths: vec![dir.to_path_buf()],
        excerpts,
        render_fixes: excerpts,
        ..ScanOptions::default()
    });
    fix::render_in(&mut result.findings, &mut result.sources);
    result
}

#[test]
fn excerpts_report_what_whole_texts_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut excerpted_files = 0;
    for dir in [
        "testdata/rules",
        "testdata/projects",
        "testdata/fixes",
        "testdata/cdk",
    ] {
        let dir = root.join(dir);
        let whole = scanned(&dir, false);
        let cut = scanned(&dir, true);
        assert!(!whole.findings.is_empty(), "{}", dir.display());
        assert!(whole.sources.files().all(|f| f.excerpts().is_none()));
        excerpted_files += cut
            .sources
            .files()
            .filter(|f| f.excerpts().is_some())
            .count();
        let options = ReportOptions {
            root: dir.clone(),
            width: 100,
            ..ReportOptions::default()
        };
        for format in Format::ALL {
            let expected = render(&whole, format, &options);
            let got = render(&cut, format, &options);
            if expected != got {
                let line = expected
                    .lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                panic!(
                    "{format:?} of {} differs at line {}:\n{}\n{}",
                    dir.display(),
                    line + 1,
                    expected.lines().nth(line).unwrap_or(""),
                    got.lines().nth(line).unwrap_or("")
                );
            }
        }
    }
    // The comparison means something only if files were excerpted.
    assert!(excerpted_files > 50, "{excerpted_files} files excerpted");
}

#[test]
fn the_scan_renders_the_fixes_of_templates_only_when_asked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixes");
    let rendered = |render_fixes: bool| {
        let result = scan(&ScanOptions {
            paths: vec![dir.clone()],
            excerpts: true,
            render_fixes,
            ..ScanOptions::default()
        });
        result
            .findings
            .iter()
            .filter(|f| f.fix.as_ref().is_some_and(|fix| !fix.edits.is_empty()))
            .count()
    };
    assert_eq!(rendered(false), 0);
    assert!(rendered(true) > 5, "{}", rendered(true));
}

#[test]
fn a_file_changed_after_the_scan_is_not_fixed_from_its_excerpts() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("template.yaml");
    let padding: String = (0..40).map(|i| format!("# line {i}\n")).collect();
    let template = format!(
        "{padding}Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: INACTIVE\n"
    );
    std::fs::write(&path, &template)?;
    let result = scanned(dir.path(), true);
    let excerpted = result.sources.files().any(|f| f.excerpts().is_some());
    assert!(excerpted, "the template is kept as excerpts");
    let roots = vec![dir.path().to_path_buf()];
    // Unchanged, or changed only outside the excerpts: the fix applies.
    let plan = fix::plan(&result.findings, &result.sources, &roots, true);
    assert!(
        plan.fixed > 0 && plan.refused.is_empty(),
        "{:?}",
        plan.refused
    );
    std::fs::write(&path, template.replacen("# line 1\n", "# LINE 1\n", 1))?;
    let plan = fix::plan(&result.findings, &result.sources, &roots, true);
    assert!(
        plan.fixed > 0 && plan.refused.is_empty(),
        "{:?}",
        plan.refused
    );
    // Changed where the scan read: refused.
    std::fs::write(&path, template.replace("INACTIVE", "INACTIVE "))?;
    let plan = fix::plan(&result.findings, &result.sources, &roots, true);
    assert_eq!(plan.fixed, 0);
    assert!(
        plan.refused
            .iter()
            .any(|(_, why)| why.contains("changed since it was scanned")),
        "{:?}",
        plan.refused
    );
    Ok(())
}

/// Serverless services are found and checked a batch of files at a time. A service that
/// includes the file of another service, which a later batch reads, reports what it reports
/// when both are in one batch: the same findings, and each problem of the shared file once.
#[test]
fn a_service_that_another_includes_is_reported_as_in_one_batch() -> std::io::Result<()> {
    let write = |root: &Path, name: &str, text: &str| -> std::io::Result<()> {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap_or(root))?;
        std::fs::write(path, text)
    };
    let layout = |root: &Path, fillers: usize| -> std::io::Result<()> {
        write(
            root,
            "a/serverless.yml",
            "service: a\nprovider:\n  name: aws\nresources: ${file(../z/serverless.yml):resources}\n",
        )?;
        write(
            root,
            "z/serverless.yml",
            "service: z\nprovider:\n  name: aws\n  stage: dev\n  stage: prod\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        MfaConfiguration: 'OFF'\n",
        )?;
        for i in 0..fillers {
            write(root, &format!("m/f{i:03}.yaml"), "name: filler\n")?;
        }
        Ok(())
    };
    let one = tempfile::tempdir()?;
    let many = tempfile::tempdir()?;
    layout(one.path(), 0)?;
    layout(many.path(), 300)?;
    let summary = |result: &ScanResult| {
        let findings: Vec<String> = result
            .findings
            .iter()
            .map(|f| {
                let file = result.sources.get(f.primary.span.file);
                let path = file.map(|s| s.path().display().to_string());
                let path = path.unwrap_or_default();
                let tail = path.rsplit_once("/m/").map_or(path.as_str(), |_| "");
                format!("{} {}", f.rule.code, tail.rsplit('/').nth(1).unwrap_or(""))
            })
            .collect();
        let problems: Vec<String> = result
            .problems
            .iter()
            .map(|p| format!("{:?} {}", p.kind, p.message))
            .collect();
        (findings, problems)
    };
    for excerpts in [false, true] {
        let (one, many) = (
            scanned(one.path(), excerpts),
            scanned(many.path(), excerpts),
        );
        let (expected, got) = (summary(&one), summary(&many));
        assert!(!expected.0.is_empty(), "{expected:?}");
        assert_eq!(
            expected
                .1
                .iter()
                .filter(|p| p.starts_with("DuplicateKey"))
                .count(),
            1,
            "{expected:?}"
        );
        assert_eq!(expected, got);
        assert_eq!(one.serverless_services, 2);
        assert_eq!(many.serverless_services, 2);
    }
    Ok(())
}
