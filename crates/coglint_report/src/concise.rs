//! One line per finding or problem: `path:line:col: COG301 [high] message`. Everything taken
//! from input is escaped (`crate::escape`): a line of this format is always one line.

use std::fmt::Write;

use coglint_linter::ScanResult;

use crate::{escape_text, line_cols, position, shown_path, ReportOptions};

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let mut out = String::new();
    for problem in &result.problems {
        let path = shown_path(&problem.path, &options.root);
        let level = if problem.kind.is_error() {
            "error"
        } else {
            "warning"
        };
        let message = escape_text(&problem.message);
        match problem.span.and_then(|s| line_cols(&result.sources, s)) {
            Some((start, _)) => {
                let _ = writeln!(
                    out,
                    "{path}:{}:{}: {level}[{}] {message}",
                    start.line,
                    start.col,
                    problem.kind.id(),
                );
            }
            None => {
                let _ = writeln!(out, "{path}: {level}[{}] {message}", problem.kind.id());
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
            escape_text(&finding.message)
        );
    }
    if options.show_unknown {
        for module in &result.unfollowed_modules {
            let _ = writeln!(
                out,
                "{}: unknown module `{}` (`{}`): not followed: {}",
                position(&result.sources, module.at, &options.root),
                escape_text(&module.name),
                escape_text(&module.source),
                escape_text(&module.reason)
            );
        }
        for unknown in &result.unknowns {
            let _ = writeln!(
                out,
                "{}: unknown {} in `{}`: {}: {}",
                position(&result.sources, unknown.at, &options.root),
                unknown.rule,
                escape_text(&unknown.resource),
                escape_text(&unknown.what),
                escape_text(&unknown.reason)
            );
        }
    }
    out
}
