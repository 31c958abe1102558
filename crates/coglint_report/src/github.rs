//! `--format github`: workflow commands that GitHub Actions turns into annotations on the
//! changed files, and a Markdown report for the job's step summary (`$GITHUB_STEP_SUMMARY`).
//!
//! An annotation is one line on standard output:
//!
//! ```text
//! ::error file=infra/auth.yaml,line=20,col=25,endLine=20,endColumn=30,title=COG101 mfa-off::MFA is off …%0AFix: …%0ADocs: https://…
//! ```
//!
//! What comes from input is escaped twice: as every text format does (`crate::escape`: control
//! characters visible, long values cut), then by the workflow-command rules (`%`, line breaks,
//! and in properties `:` and `,`); in the step summary, Markdown and HTML are neutralised.
//!
//! Critical and high findings are errors, medium ones warnings, low and info ones notices;
//! input problems are errors or warnings. GitHub shows only 10 annotations of each level per
//! step, so no more are emitted: a plain line tells how many were left out, and the step
//! summary lists every finding.

use std::fmt::Write;

use coglint_linter::{Problem, ScanResult};
use coglint_rules::{Finding, Severity};
use coglint_source::{LineCol, Span};

use crate::escape::{markdown_code, markdown_text};
use crate::{
    escape_text, line_cols, plural, severity_counts, shown_path, summary_sentence, ReportOptions,
};

/// Annotations GitHub shows per level and step; more are dropped by GitHub anyway.
const ANNOTATIONS_PER_LEVEL: usize = 10;

/// GitHub rejects a step summary over 1 MiB; stay below it, with room for the closing lines.
const SUMMARY_LIMIT: usize = 1_000_000;

/// The level of an annotation, in the order the overflow lines are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Error,
    Warning,
    Notice,
}

impl Level {
    const ALL: [Level; 3] = [Level::Error, Level::Warning, Level::Notice];

    fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }

    fn index(self) -> usize {
        match self {
            Level::Error => 0,
            Level::Warning => 1,
            Level::Notice => 2,
        }
    }

    fn of_severity(severity: Severity) -> Level {
        match severity {
            Severity::Critical | Severity::High => Level::Error,
            Severity::Medium => Level::Warning,
            Severity::Low | Severity::Info => Level::Notice,
        }
    }

    fn of_problem(problem: &Problem) -> Level {
        if problem.kind.is_error() {
            Level::Error
        } else {
            Level::Warning
        }
    }
}

/// Escapes the data (message) of a workflow command, as `@actions/core` does.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a property value of a workflow command: the data's escapes, and `:` and `,`, which
/// would end the properties or the value.
fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            _ => out.push(c),
        }
    }
    out
}

/// One workflow command: `::level file=..,line=..::message`, with its line break.
fn command(
    level: Level,
    file: &str,
    range: Option<(LineCol, LineCol)>,
    title: &str,
    message: &str,
) -> String {
    let mut properties = vec![format!("file={}", escape_property(file))];
    if let Some((start, end)) = range {
        properties.push(format!("line={}", start.line));
        // GitHub keeps columns only on a one-line range (the runner drops them otherwise).
        let one_line = start.line == end.line;
        if one_line {
            properties.push(format!("col={}", start.col));
        }
        properties.push(format!("endLine={}", end.line));
        if one_line {
            properties.push(format!("endColumn={}", end.col));
        }
    }
    properties.push(format!("title={}", escape_property(title)));
    format!(
        "::{} {}::{}\n",
        level.as_str(),
        properties.join(","),
        escape_data(message)
    )
}

fn span_path(result: &ScanResult, span: Span, options: &ReportOptions) -> String {
    result
        .sources
        .get(span.file)
        .map(|f| shown_path(f.path(), &options.root))
        .unwrap_or_default()
}

/// The text of a finding's annotation, before escaping: what is wrong and where, then the fix
/// and the rule's documentation on lines of their own.
fn finding_message(finding: &Finding) -> String {
    let mut text = escape_text(&finding.message).into_owned();
    if !finding.primary.message.is_empty() {
        text.push_str(" — ");
        text.push_str(&escape_text(&finding.primary.message));
    }
    text.push_str("\nFix: ");
    text.push_str(finding.rule.fix);
    if finding.logical_path.is_some() {
        // A construct path means a CDK app synthesized the resource: give the CDK fix too.
        text.push_str("\nCDK: ");
        text.push_str(finding.rule.cdk_fix);
    }
    text.push_str("\nDocs: ");
    text.push_str(&finding.rule.url());
    text
}

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let mut out = String::new();
    let mut shown = [0usize; 3];
    let mut hidden = [0usize; 3];
    let mut emit = |out: &mut String, level: Level, line: String| {
        let i = level.index();
        if shown[i] < ANNOTATIONS_PER_LEVEL {
            shown[i] += 1;
            out.push_str(&line);
        } else {
            hidden[i] += 1;
        }
    };
    for problem in &result.problems {
        let level = Level::of_problem(problem);
        let range = problem.span.and_then(|s| line_cols(&result.sources, s));
        let line = command(
            level,
            &shown_path(&problem.path, &options.root),
            range,
            &format!("coglint {}", problem.kind.id()),
            &escape_text(&problem.message),
        );
        emit(&mut out, level, line);
    }
    for finding in &result.findings {
        let level = Level::of_severity(finding.severity);
        let span = finding.primary.span;
        let line = command(
            level,
            &span_path(result, span, options),
            line_cols(&result.sources, span),
            &format!("{} {}", finding.rule.code, finding.rule.name),
            &finding_message(finding),
        );
        emit(&mut out, level, line);
    }
    for level in Level::ALL {
        let n = hidden[level.index()];
        if n > 0 {
            let noun = if n == 1 { "annotation" } else { "annotations" };
            let _ = writeln!(
                out,
                "coglint: {n} more {} {noun} not shown; see the step summary or the SARIF report.",
                level.as_str()
            );
        }
    }
    let _ = writeln!(
        out,
        "coglint: {}",
        summary_sentence(result, options, |s| s.to_string())
    );
    out
}

/// A code span for the step summary's table.
fn code(text: &str) -> String {
    markdown_code(text, true)
}

fn finding_row(result: &ScanResult, finding: &Finding, options: &ReportOptions) -> String {
    let span = finding.primary.span;
    let line = line_cols(&result.sources, span)
        .map(|(start, _)| start.line)
        .unwrap_or_default();
    let location = format!("{}:{line}", span_path(result, span, options));
    let mut resource = code(&finding.resource);
    if let Some(path) = &finding.logical_path {
        resource = format!("{resource} ({})", code(path));
    }
    let mut message = markdown_text(&finding.message, true);
    if !finding.primary.message.is_empty() {
        message = format!(
            "{message} — {}",
            markdown_text(&finding.primary.message, true)
        );
    }
    format!(
        "| {} | [{} {}]({}) | {} | {} | {} |\n",
        finding.severity,
        finding.rule.code,
        finding.rule.name,
        finding.rule.url(),
        code(&location),
        resource,
        message
    )
}

fn problem_item(result: &ScanResult, problem: &Problem, options: &ReportOptions) -> String {
    let mut location = shown_path(&problem.path, &options.root);
    if let Some((start, _)) = problem.span.and_then(|s| line_cols(&result.sources, s)) {
        location = format!("{location}:{}:{}", start.line, start.col);
    }
    let message = markdown_text(&problem.message, false);
    format!(
        "- **{}** {} in {}: {message}\n",
        Level::of_problem(problem).as_str(),
        markdown_code(problem.kind.id(), false),
        markdown_code(&location, false)
    )
}

pub(crate) fn step_summary(result: &ScanResult, options: &ReportOptions) -> String {
    let mut out = String::from("## coglint\n\n");
    out.push_str(&summary_sentence(result, options, |s| {
        markdown_code(s, false)
    }));
    out.push_str("\n\n");
    let mut left_out = 0;
    if !result.findings.is_empty() {
        out.push_str("| Severity | Findings |\n| --- | ---: |\n");
        for (severity, n) in severity_counts(&result.findings) {
            let _ = writeln!(out, "| {severity} | {n} |");
        }
        out.push_str("\n| Severity | Rule | Location | Resource | Message |\n");
        out.push_str("| --- | --- | --- | --- | --- |\n");
        for (i, finding) in result.findings.iter().enumerate() {
            let row = finding_row(result, finding, options);
            if out.len() + row.len() > SUMMARY_LIMIT {
                left_out = result.findings.len() - i;
                break;
            }
            out.push_str(&row);
        }
        out.push('\n');
    }
    if !result.problems.is_empty() {
        out.push_str("### Problems\n\n");
        for (i, problem) in result.problems.iter().enumerate() {
            let item = problem_item(result, problem, options);
            if out.len() + item.len() > SUMMARY_LIMIT {
                let _ = writeln!(
                    out,
                    "- … {} not shown.",
                    plural(result.problems.len() - i, "more problem", "more problems")
                );
                break;
            }
            out.push_str(&item);
        }
        out.push('\n');
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "_{} not shown: a step summary is limited to 1 MiB. See the SARIF or JSON report._\n",
            plural(left_out, "more finding", "more findings")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use coglint_linter::{scan, ProblemKind, ScanOptions};
    use coglint_rules::{find_rule, Label};
    use coglint_source::{SourceDb, TextRange};

    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("100% off"), "100%25 off");
        assert_eq!(escape_data("a\r\nb\nc"), "a%0D%0Ab%0Ac");
        assert_eq!(escape_data("a: b, c :: d"), "a: b, c :: d");
        // Already-escaped text is escaped again, so it reads back as written.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_property("50%\n"), "50%25%0A");
        assert_eq!(escape_property("dir/x y.yaml"), "dir/x y.yaml");
        assert_eq!(escape_property("C:\\a,b"), "C%3A\\a%2Cb");
    }

    fn rule(code: &str) -> &'static coglint_rules::RuleMeta {
        match find_rule(code) {
            Some(r) => r.meta(),
            None => panic!("no rule {code}"),
        }
    }

    /// A real scan of `text`: findings are made by the rules, not by a struct literal here, so
    /// fields added to them later need no change in these tests.
    fn scan_text(text: &str) -> ScanResult {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "coglint-github-test-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let path = dir.join("template.yaml");
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, text)) {
            panic!("{}: {e}", path.display());
        }
        let result = scan(&ScanOptions {
            paths: if text.is_empty() {
                Vec::new()
            } else {
                vec![path]
            },
            ..ScanOptions::default()
        });
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    /// A COG101 finding (MFA off) to copy.
    fn prototype() -> Finding {
        let result = scan_text(
            "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n",
        );
        match result
            .findings
            .into_iter()
            .find(|f| f.rule.code == "COG101")
        {
            Some(f) => f,
            None => panic!("no COG101 finding"),
        }
    }

    /// A scan of one file with `n` high findings on lines 1..=n, one more from line 1 to 2,
    /// and two problems.
    fn result_with(n: usize) -> ScanResult {
        let prototype = prototype();
        let mut sources = SourceDb::new();
        let text: String = (0..n.max(2)).map(|i| format!("Pool{i}: x\n")).collect();
        let file = sources.add(PathBuf::from("/repo/infra/a,b.yaml"), text.clone());
        let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let mut findings = Vec::new();
        for i in 0..n {
            let start = if i == 0 { 0 } else { lines[i - 1] + 1 };
            let mut finding = prototype.clone();
            finding.severity = Severity::High;
            finding.message = format!("pool `Pool{i}` | 100% bad");
            finding.primary = Label {
                span: Span::new(file, TextRange::from_usize(start, start + 5)),
                message: "here,\nexactly".into(),
            };
            finding.resource = format!("Pool{i}");
            finding.logical_path = None;
            finding.scenario = None;
            findings.push(finding);
        }
        if let Some(mut last) = findings.first().cloned() {
            last.primary = Label {
                span: Span::new(file, TextRange::from_usize(0, lines[1])),
                message: String::new(),
            };
            findings.push(last);
        }
        // An empty scan, filled in: no struct literal, so new fields of ScanResult do not matter.
        let mut result = scan_text("");
        result.sources = sources;
        result.findings = findings;
        result.problems = vec![
            Problem::new(
                ProblemKind::Syntax,
                "/repo/bad.yaml",
                "unexpected `:`\nhere",
            )
            .at(Span::new(file, TextRange::from_usize(2, 3))),
            Problem::new(ProblemKind::SymlinkLoop, "/repo/loop", "loop"),
        ];
        result.unknowns = Vec::new();
        result.files_scanned = 3;
        result.templates = 1;
        result.terraform_modules = 0;
        result
    }

    fn options() -> ReportOptions {
        ReportOptions {
            root: PathBuf::from("/repo"),
            ..ReportOptions::default()
        }
    }

    #[test]
    fn annotations_are_escaped_and_located() {
        let out = render(&result_with(1), &options());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            // A line break from input is shown, not obeyed; ours (before `Fix:`) are `%0A`.
            "::error file=bad.yaml,line=1,col=3,endLine=1,endColumn=4,title=coglint syntax-error::unexpected `:`\\nhere"
        );
        assert_eq!(
            lines[1],
            "::warning file=loop,title=coglint symlink-loop::loop"
        );
        let url = rule("COG101").url();
        assert_eq!(
            lines[2],
            format!(
                "::error file=infra/a%2Cb.yaml,line=1,col=1,endLine=1,endColumn=6,title=COG101 mfa-off::pool `Pool0` | 100%25 bad — here,\\nexactly%0AFix: {}%0ADocs: {url}",
                rule("COG101").fix
            )
        );
        // A range over two lines keeps its lines only: GitHub drops columns on such a range.
        assert!(lines[3].starts_with(
            "::error file=infra/a%2Cb.yaml,line=1,endLine=2,title=COG101 mfa-off::pool `Pool0` | 100%25 bad%0AFix: "
        ));
        assert_eq!(
            lines[4],
            "coglint: Found 2 findings (2 high) in 1 template (3 files scanned); 1 file could not be read; 2 at or above low."
        );
        assert_eq!(lines.len(), 5);
    }

    #[test]
    fn at_most_ten_annotations_per_level() {
        let out = render(&result_with(14), &options());
        let errors = out.lines().filter(|l| l.starts_with("::error ")).count();
        assert_eq!(errors, 10);
        assert_eq!(
            out.lines().filter(|l| l.starts_with("::warning ")).count(),
            1
        );
        assert!(out.contains(
            "\ncoglint: 6 more error annotations not shown; see the step summary or the SARIF report.\n"
        ));
        assert!(!out.contains("more warning"));
        let out = render(&result_with(10), &options());
        assert!(out.contains("\ncoglint: 2 more error annotations not shown;"));
        let out = render(&result_with(9), &options());
        assert!(out.contains("\ncoglint: 1 more error annotation not shown;"));
    }

    #[test]
    fn step_summary_lists_every_finding_with_escaped_cells() {
        let text = step_summary(&result_with(14), &options());
        assert!(text.starts_with("## coglint\n\nFound 15 findings (15 high) in 1 template (3 files scanned); 1 file could not be read; 15 at or above `low`.\n\n| Severity | Findings |\n| --- | ---: |\n| high | 15 |\n"));
        let rows = text
            .lines()
            .filter(|l| l.starts_with("| high | [COG101 mfa-off]("))
            .count();
        assert_eq!(rows, 15);
        let url = rule("COG101").url();
        assert!(text.contains(&format!(
            "| high | [COG101 mfa-off]({url}) | `infra/a,b.yaml:14` | `Pool13` | pool `Pool13` \\| 100\\% bad — here\\,\\\\nexactly |\n"
        )));
        assert!(text.ends_with(
            "### Problems\n\n- **error** `syntax-error` in `bad.yaml:1:3`: unexpected `:`\\\\nhere\n- **warning** `symlink-loop` in `loop`: loop\n\n"
        ));
    }

    #[test]
    fn step_summary_says_when_nothing_was_found() {
        let mut result = result_with(0);
        result.findings.clear();
        result.problems.clear();
        assert_eq!(
            step_summary(&result, &options()),
            "## coglint\n\nNo findings in 1 template (3 files scanned).\n\n"
        );
        assert_eq!(
            render(&result, &options()),
            "coglint: No findings in 1 template (3 files scanned).\n"
        );
    }
}
