//! One line per finding or problem: `path:line:col: COG301 [high] message`.

use std::fmt::Write;

use coglint_linter::ScanResult;

use crate::{display_path, finding_path, line_cols, ReportOptions};

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let mut out = String::new();
    for problem in &result.problems {
        let path = display_path(&problem.path, &options.root);
        let level = if problem.kind.is_error() {
            "error"
        } else {
            "warning"
        };
        match problem.span.and_then(|s| line_cols(&result.sources, s)) {
            Some((start, _)) => {
                let _ = writeln!(
                    out,
                    "{path}:{}:{}: {level}[{}] {}",
                    start.line,
                    start.col,
                    problem.kind.id(),
                    problem.message
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "{path}: {level}[{}] {}",
                    problem.kind.id(),
                    problem.message
                );
            }
        }
    }
    for finding in &result.findings {
        let path = finding_path(&result.sources, finding)
            .map(|p| display_path(p, &options.root))
            .unwrap_or_default();
        let (start, _) = line_cols(&result.sources, finding.primary.span).unwrap_or_default();
        let _ = writeln!(
            out,
            "{path}:{}:{}: {} [{}] {}",
            start.line, start.col, finding.rule.code, finding.severity, finding.message
        );
    }
    if options.show_unknown {
        for unknown in &result.unknowns {
            let path = result
                .sources
                .get(unknown.at.file)
                .map(|f| display_path(f.path(), &options.root))
                .unwrap_or_default();
            let (start, _) = line_cols(&result.sources, unknown.at).unwrap_or_default();
            let _ = writeln!(
                out,
                "{path}:{}:{}: unknown {} in `{}`: {}: {}",
                start.line, start.col, unknown.rule, unknown.resource, unknown.what, unknown.reason
            );
        }
    }
    out
}
