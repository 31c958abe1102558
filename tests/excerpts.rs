//! A scan that keeps only excerpts of the templates its report points into (what `coglint
//! check` does) reports exactly what a scan that keeps whole texts reports, in every format,
//! fixes included.

use std::path::Path;

use coglint_linter::{fix, scan, ScanOptions, ScanResult};
use coglint_report::{render, Format, ReportOptions};

fn scanned(dir: &Path, excerpts: bool) -> ScanResult {
    let mut result = scan(&ScanOptions {
        paths: vec![dir.to_path_buf()],
        excerpts,
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
