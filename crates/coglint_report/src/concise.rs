//! One line per finding or problem: `path:line:col: COG301 [high] message`.

use std::fmt::Write;

use coglint_linter::ScanResult;

use crate::{display_path, line_cols, position, ReportOptions};

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
        let _ = writeln!(
            out,
            "{}: {} [{}] {}",
            position(&result.sources, finding.primary.span, &options.root),
            finding.rule.code,
            finding.severity,
            finding.message
        );
    }
    if options.show_unknown {
        for module in &result.unfollowed_modules {
            let _ = writeln!(
                out,
                "{}: unknown module `{}` (`{}`): not followed: {}",
                position(&result.sources, module.at, &options.root),
                module.name,
                module.source,
                module.reason
            );
        }
        for unknown in &result.unknowns {
            let _ = writeln!(
                out,
                "{}: unknown {} in `{}`: {}: {}",
                position(&result.sources, unknown.at, &options.root),
                unknown.rule,
                unknown.resource,
                unknown.what,
                unknown.reason
            );
        }
    }
    out
}
