//! The default format: miette's graphical report, one per finding and problem, with the source
//! snippet and a label on the offending value, then a summary.
//!
//! miette reads source through our own [`SourceCode`] over the line index: its stock one for
//! `str` scans from byte 0 for every span, which is quadratic over many findings in one file.
//! What comes from input (messages, names, paths, the snippet's source lines) is escaped by
//! `crate::escape`: a snippet shows a file holding control characters through [`ShownText`],
//! with the labels moved onto the escapes.

use std::fmt::{self, Write};

use coglint_linter::{Problem, ScanResult};
use coglint_rules::{Finding, Label, Severity};
use coglint_source::{Excerpts, LineIndex, SourceDb, Span, TextRange};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use rayon::prelude::*;

use crate::escape::ShownText;
use crate::{escape_text, position, shown_path, summary_sentence, ReportOptions};

/// One file's text for miette, read through the line index: the whole text, or the excerpts
/// the scan kept of it.
struct Source<'a> {
    text: SourceText<'a>,
    name: String,
}

enum SourceText<'a> {
    Whole { text: &'a str, lines: &'a LineIndex },
    Excerpts(&'a Excerpts),
}

/// The text snippets show of each file, by file id: `None` for a file shown as it is.
type Shown = Vec<Option<ShownText>>;

/// The range in the snippet's text of `range` in file `file`.
fn shown_range(shown: &Shown, span: Span) -> TextRange {
    match shown.get(span.file.0 as usize).and_then(Option::as_ref) {
        Some(s) => TextRange::new(s.map(span.range.start), s.map(span.range.end)),
        None => span.range,
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = u32::try_from(span.offset()).map_err(|_| MietteError::OutOfBounds)?;
        let end =
            u32::try_from(span.offset() + span.len()).map_err(|_| MietteError::OutOfBounds)?;
        // An excerpt is read as the file it was cut from: its offsets and lines shifted by
        // where it starts.
        let (text, lines, base, first_line) = match &self.text {
            SourceText::Whole { text, lines } => (*text, *lines, 0, 0),
            SourceText::Excerpts(excerpts) => {
                let piece = excerpts
                    .piece_of(TextRange::new(start, end))
                    .ok_or(MietteError::OutOfBounds)?;
                (piece.text, piece.lines, piece.start, piece.line as usize)
            }
        };
        let (start, end) = (start - base, end - base);
        if end as usize > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = lines.line_of(start).saturating_sub(context_lines_before);
        let last_of_span = lines.line_of(end.saturating_sub(1).max(start));
        let last = (last_of_span + context_lines_after).min(lines.line_count().saturating_sub(1));
        let from = lines.line_start(first).unwrap_or(0) as usize;
        let to = lines
            .line_start(last + 1)
            .map(|s| s as usize)
            .unwrap_or(text.len());
        let data = text.get(from..to).ok_or(MietteError::OutOfBounds)?;
        let base = base as usize;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data.as_bytes(),
            SourceSpan::from(base + from..base + to),
            first_line + first,
            0,
            last - first + 1,
        )))
    }
}

/// A finding or problem, shaped for miette.
struct Report<'a> {
    message: String,
    code: String,
    severity: miette::Severity,
    help: Option<String>,
    url: Option<String>,
    labels: Vec<LabeledSpan>,
    source: Option<Source<'a>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() || self.source.is_none() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low | Severity::Info => miette::Severity::Advice,
    }
}

fn labeled(label: &Label, primary: bool, shown: &Shown) -> LabeledSpan {
    let range = shown_range(shown, label.span);
    LabeledSpan::new_with_span(
        Some(escape_text(&label.message).into_owned()),
        SourceSpan::from(range.as_usize()),
    )
    .with_primary(primary)
}

trait WithPrimary {
    fn with_primary(self, primary: bool) -> Self;
}

impl WithPrimary for LabeledSpan {
    fn with_primary(self, primary: bool) -> Self {
        if primary {
            LabeledSpan::new_primary_with_span(self.label().map(str::to_string), *self.inner())
        } else {
            self
        }
    }
}

fn source<'a>(
    sources: &'a SourceDb,
    shown: &'a Shown,
    span: Span,
    options: &ReportOptions,
) -> Option<Source<'a>> {
    let file = sources.get(span.file)?;
    let name = shown_path(file.path(), &options.root);
    Some(
        match shown.get(span.file.0 as usize).and_then(Option::as_ref) {
            Some(s) => Source {
                text: SourceText::Whole {
                    text: &s.text,
                    lines: &s.lines,
                },
                name,
            },
            None => Source {
                text: match file.excerpts() {
                    Some(excerpts) => SourceText::Excerpts(excerpts),
                    None => SourceText::Whole {
                        text: file.text(),
                        lines: file.lines(),
                    },
                },
                name,
            },
        },
    )
}

/// Where a label in another file is: `params.json:3:14`.
fn elsewhere(sources: &SourceDb, label: &Label, options: &ReportOptions) -> String {
    format!(
        "{}: {}",
        escape_text(&label.message),
        position(sources, label.span, &options.root)
    )
}

fn finding_report<'a>(
    result: &'a ScanResult,
    shown: &'a Shown,
    finding: &Finding,
    options: &ReportOptions,
) -> Report<'a> {
    let file = finding.primary.span.file;
    let mut labels = vec![labeled(&finding.primary, true, shown)];
    let mut notes = Vec::new();
    for label in &finding.secondary {
        if label.span.file == file {
            labels.push(labeled(label, false, shown));
        } else {
            notes.push(elsewhere(&result.sources, label, options));
        }
    }
    let mut help = finding.rule.fix.to_string();
    if let Some(path) = &finding.logical_path {
        // A construct path means a CDK app synthesized the resource: give the CDK fix too.
        help = format!(
            "{help}\nCDK: {}\nconstruct: {}",
            finding.rule.cdk_fix,
            escape_text(path)
        );
    }
    for note in notes {
        help = format!("{help}\n{note}");
    }
    if let Some(fix) = finding.fix.as_ref().filter(|f| f.is_rendered()) {
        let flags = match fix.applicability {
            coglint_rules::Applicability::Safe => "--fix",
            coglint_rules::Applicability::Unsafe => "--fix --unsafe-fixes",
        };
        help = format!(
            "{help}\nfix ({}): {} (`coglint check {flags}`)",
            fix.applicability,
            escape_text(&fix.title)
        );
    }
    Report {
        message: escape_text(&finding.message).into_owned(),
        code: format!(
            "{}/{} [{}]",
            finding.rule.code, finding.rule.name, finding.severity
        ),
        severity: miette_severity(finding.severity),
        help: Some(help),
        url: Some(finding.rule.url()),
        labels,
        source: source(&result.sources, shown, finding.primary.span, options),
    }
}

fn problem_report<'a>(
    result: &'a ScanResult,
    shown: &'a Shown,
    problem: &Problem,
    options: &ReportOptions,
) -> Report<'a> {
    let mut labels = Vec::new();
    if let Some(span) = problem.span {
        labels.push(labeled(
            &Label {
                span,
                message: problem.kind.id().replace('-', " "),
            },
            true,
            shown,
        ));
        for related in &problem.related {
            labels.push(labeled(related, false, shown));
        }
    }
    let source = problem
        .span
        .and_then(|s| source(&result.sources, shown, s, options));
    let message = if source.is_some() {
        escape_text(&problem.message).into_owned()
    } else {
        format!(
            "{}: {}",
            shown_path(&problem.path, &options.root),
            escape_text(&problem.message)
        )
    };
    Report {
        message,
        code: problem.kind.id().to_string(),
        severity: if problem.kind.is_error() {
            miette::Severity::Error
        } else {
            miette::Severity::Warning
        },
        help: None,
        url: None,
        labels,
        source,
    }
}

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_urls(true);
    // Files are shown as they are, unless they hold characters that must not reach the
    // terminal: those get an escaped copy for their snippets. Only files a snippet is drawn
    // from are looked at.
    let mut drawn_from = vec![false; result.sources.files().count()];
    let mut mark = |span: Span| {
        if let Some(flag) = drawn_from.get_mut(span.file.0 as usize) {
            *flag = true;
        }
    };
    for finding in &result.findings {
        mark(finding.primary.span);
        finding.secondary.iter().for_each(|l| mark(l.span));
    }
    for problem in &result.problems {
        problem.span.into_iter().for_each(&mut mark);
        problem.related.iter().for_each(|l| mark(l.span));
    }
    let shown: Shown = result
        .sources
        .files()
        .zip(drawn_from)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(file, drawn)| {
            if *drawn {
                ShownText::of(file.text())
            } else {
                None
            }
        })
        .collect();
    let mut out = String::new();
    for problem in &result.problems {
        let report = problem_report(result, &shown, problem, options);
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    // Each finding is drawn on its own (most of the time goes to wrapping text), so they are
    // drawn in parallel and joined in order.
    let drawn: Vec<String> = result
        .findings
        .par_iter()
        .map(|finding| {
            let mut text = String::new();
            let report = finding_report(result, &shown, finding, options);
            let _ = handler.render_report(&mut text, &report);
            text.push('\n');
            text
        })
        .collect();
    for text in drawn {
        out.push_str(&text);
    }
    if options.show_unknown && !result.unfollowed_modules.is_empty() {
        let _ = writeln!(
            out,
            "Module calls that are not followed (what they do is not checked):"
        );
        for module in &result.unfollowed_modules {
            let _ = writeln!(
                out,
                "  {}  `{}` (`{}`): {}",
                position(&result.sources, module.at, &options.root),
                escape_text(&module.name),
                escape_text(&module.source),
                escape_text(&module.reason)
            );
        }
        out.push('\n');
    }
    if options.show_unknown && !result.unknowns.is_empty() {
        let _ = writeln!(
            out,
            "Values that could not be decided (no finding is made on them):"
        );
        for unknown in &result.unknowns {
            let _ = writeln!(
                out,
                "  {}  {} `{}` {}: {}",
                position(&result.sources, unknown.at, &options.root),
                unknown.rule,
                escape_text(&unknown.resource),
                escape_text(&unknown.what),
                escape_text(&unknown.reason)
            );
        }
        out.push('\n');
    }
    out.push_str(&summary(result, options));
    out
}

fn summary(result: &ScanResult, options: &ReportOptions) -> String {
    let mut line = summary_sentence(result, options, |level| format!("`{level}`"));
    line.push('\n');
    line
}
