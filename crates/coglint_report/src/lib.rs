//! Reporters: turn a [`ScanResult`] into text for people, tools and code-scanning services.
//! Each writes into one buffer, computing line and column from the line index only here.

mod concise;
mod escape;
mod github;
mod human;
mod json;
mod sarif;

use std::path::{Path, PathBuf};

use coglint_linter::ScanResult;
use coglint_rules::{Finding, Severity};
use coglint_source::{LineCol, SourceDb, Span};

pub use escape::{escape_text, MAX_SHOWN_CHARS};
pub use json::JSON_FORMAT_VERSION;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 5] = [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ];
}

/// What a reporter needs besides the scan itself.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub color: bool,
    /// Also list the values rules could not decide.
    pub show_unknown: bool,
    /// Paths are shown, and SARIF URIs made, relative to this directory.
    pub root: PathBuf,
    /// The severity from which findings fail the run (for the summary line).
    pub fail_on: Severity,
    /// Terminal width for the human format.
    pub width: usize,
    /// SARIF: absolute `file://` URIs instead of `%SRCROOT%`-relative ones (for local editors).
    pub absolute_uris: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            color: false,
            show_unknown: false,
            root: PathBuf::from("."),
            fail_on: Severity::Low,
            width: 100,
            absolute_uris: false,
        }
    }
}

/// Renders `result` in `format`.
pub fn render(result: &ScanResult, format: Format, options: &ReportOptions) -> String {
    match format {
        Format::Human => human::render(result, options),
        Format::Concise => concise::render(result, options),
        Format::Json => json::render(result, options),
        Format::Sarif => sarif::render(result, options),
        Format::Github => github::render(result, options),
    }
}

/// Markdown for GitHub's job summary (`$GITHUB_STEP_SUMMARY`): counts and every finding.
pub fn step_summary(result: &ScanResult, options: &ReportOptions) -> String {
    github::step_summary(result, options)
}

pub(crate) use coglint_linter::display_path;

/// A path as the text formats print it: relative to the root, with hidden characters escaped
/// (a file name can hold a line break or an escape sequence as well as a logical ID can).
pub(crate) fn shown_path(path: &Path, root: &Path) -> String {
    escape_text(&display_path(path, root)).into_owned()
}

/// The start and end of a span as 1-based lines and columns.
pub(crate) fn line_cols(sources: &SourceDb, span: Span) -> Option<(LineCol, LineCol)> {
    let file = sources.get(span.file)?;
    Some((
        file.line_col(span.range.start),
        file.line_col(span.range.end),
    ))
}

/// `path:line:col` of the start of a span, the path relative to the root, for the text formats.
pub(crate) fn position(sources: &SourceDb, span: Span, root: &Path) -> String {
    let path = sources
        .get(span.file)
        .map(|f| shown_path(f.path(), root))
        .unwrap_or_default();
    let (start, _) = line_cols(sources, span).unwrap_or_default();
    format!("{path}:{}:{}", start.line, start.col)
}

/// Counts of findings per severity, highest first, for summaries.
pub(crate) fn severity_counts(findings: &[Finding]) -> Vec<(Severity, usize)> {
    Severity::ALL
        .iter()
        .rev()
        .map(|s| (*s, findings.iter().filter(|f| f.severity == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What was scanned and found, in one sentence (the wording of the human summary).
pub(crate) fn summary_sentence(
    result: &ScanResult,
    options: &ReportOptions,
    code: fn(&str) -> String,
) -> String {
    let mut units = Vec::new();
    if result.templates > 0 || (result.terraform_modules == 0 && result.serverless_services == 0) {
        units.push(plural(result.templates, "template", "templates"));
    }
    if result.serverless_services > 0 {
        units.push(plural(
            result.serverless_services,
            "Serverless service",
            "Serverless services",
        ));
    }
    if result.terraform_modules > 0 {
        units.push(plural(
            result.terraform_modules,
            "Terraform module",
            "Terraform modules",
        ));
    }
    let scanned = format!(
        "{} ({} scanned)",
        units.join(" and "),
        plural(result.files_scanned, "file", "files")
    );
    let errors = result.problems.iter().filter(|p| p.kind.is_error()).count();
    let error_note = if errors > 0 {
        format!("; {} could not be read", plural(errors, "file", "files"))
    } else {
        String::new()
    };
    let error_note = match result.unfollowed_modules.len() {
        0 => error_note,
        n => format!(
            "{error_note}; {} not followed",
            plural(n, "module call", "module calls")
        ),
    };
    if result.findings.is_empty() {
        return format!("No findings in {scanned}{error_note}.");
    }
    let counts: Vec<String> = severity_counts(&result.findings)
        .into_iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let failing = result
        .findings
        .iter()
        .filter(|f| f.severity >= options.fail_on)
        .count();
    format!(
        "Found {} ({}) in {scanned}{error_note}; {failing} at or above {}.",
        plural(result.findings.len(), "finding", "findings"),
        counts.join(", "),
        code(options.fail_on.as_str())
    )
}
