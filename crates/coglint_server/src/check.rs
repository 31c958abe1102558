//! One scan of one scope (a directory) with the open buffers in place of their files, on the
//! worker thread, turned into LSP diagnostics grouped by file, each with what its code actions
//! and hover need.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_linter::config::{self, Config};
use coglint_linter::{scan, Overlay, Problem, ProblemKind, ScanOptions, ScanResult};
use coglint_rules::{Finding, RuleMeta, Severity};
use coglint_source::FileId;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    Location, NumberOrString, Position, Range, Url,
};

use crate::convert::{self, Encoding};
use crate::fix::{self, FixAction};
use crate::suppress;

/// A scan to run.
pub struct Job {
    pub scope: PathBuf,
    pub generation: u64,
    pub overlay: Overlay,
    pub encoding: Encoding,
}

/// An edit of one file: the range replaced and the new text.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub path: PathBuf,
    pub range: Range,
    pub text: String,
}

/// One diagnostic, with what the code actions and the hover on it need.
#[derive(Clone, Debug)]
pub struct Item {
    pub diagnostic: Diagnostic,
    /// The rule of a finding (none for a problem with the input).
    pub rule: Option<&'static RuleMeta>,
    /// The suppression of the finding: its title and edit.
    pub suppress: Option<(String, Edit)>,
    /// The rule's fixes of the finding.
    pub fixes: Vec<FixAction>,
}

/// What a scan found, by file (absolute paths).
pub struct Outcome {
    pub scope: PathBuf,
    pub generation: u64,
    pub files: HashMap<PathBuf, Vec<Item>>,
    /// Messages for the client's log.
    pub log: Vec<String>,
}

/// The configuration of `scope`: the nearest coglint.toml (its open buffer if it is open), or
/// the defaults; read on every scan, so an edit of it applies at once.
fn configuration(
    scope: &Path,
    overlay: &Overlay,
    files: &mut HashMap<PathBuf, Vec<Item>>,
) -> Config {
    let Some(path) = config::find(scope) else {
        return Config::default();
    };
    let path = convert::absolute(&path);
    let loaded = match overlay.get(&path) {
        Some(text) => config::parse(&path, text),
        None => config::load(&path),
    };
    let at = |line: usize, column: usize| {
        let position = Position {
            line: u32::try_from(line.saturating_sub(1)).unwrap_or(0),
            character: u32::try_from(column.saturating_sub(1)).unwrap_or(0),
        };
        Range {
            start: position,
            end: position,
        }
    };
    let item = |range, severity, message: String, tags| Item {
        diagnostic: Diagnostic {
            range,
            severity: Some(severity),
            code: Some(NumberOrString::String("configuration".into())),
            source: Some("coglint".into()),
            message,
            tags,
            ..Diagnostic::default()
        },
        rule: None,
        suppress: None,
        fixes: Vec::new(),
    };
    match loaded {
        Ok(config) => {
            for warning in &config.warnings {
                files.entry(path.clone()).or_default().push(item(
                    at(warning.line, warning.column),
                    DiagnosticSeverity::WARNING,
                    warning.message.clone(),
                    warning
                        .message
                        .contains("retired")
                        .then(|| vec![DiagnosticTag::DEPRECATED]),
                ));
            }
            config
        }
        Err(error) => {
            files.entry(path.clone()).or_default().push(item(
                at(error.line, error.column),
                DiagnosticSeverity::ERROR,
                format!("{} (the defaults apply until it is fixed)", error.message),
                None,
            ));
            Config::default()
        }
    }
}

/// Runs one scan.
pub fn run(job: &Job) -> Outcome {
    let mut files: HashMap<PathBuf, Vec<Item>> = HashMap::new();
    let config = configuration(&job.scope, &job.overlay, &mut files);
    let options = ScanOptions {
        paths: vec![job.scope.clone()],
        rules: config.rules,
        settings: config.settings,
        severities: config.severities,
        parameter_files: config.parameters,
        overlay: Some(job.overlay.clone()),
        ..ScanOptions::default()
    };
    let mut result = scan(&options);
    // The rules' fixes as byte edits of the texts scanned: an open buffer's, even where the
    // scan kept no text of the file.
    let sources = &result.sources;
    coglint_linter::fix::render(&mut result.findings, |file| {
        let source = sources.get(file)?;
        if source.text().is_empty() {
            if let Some(text) = job.overlay.get(&convert::absolute(source.path())) {
                return Some((source.path().to_path_buf(), Arc::clone(text)));
            }
        }
        coglint_linter::fix::scanned_text(sources, file)
    });
    let mut paths: HashMap<FileId, PathBuf> = HashMap::new();
    let mut path_of = |id: FileId| -> PathBuf {
        paths
            .entry(id)
            .or_insert_with(|| {
                result
                    .sources
                    .get(id)
                    .map(|f| convert::absolute(f.path()))
                    .unwrap_or_default()
            })
            .clone()
    };
    for finding in &result.findings {
        let path = path_of(finding.primary.span.file);
        if let Some(item) = finding_item(finding, &result, job.encoding, &mut path_of) {
            files.entry(path).or_default().push(item);
        }
    }
    for problem in &result.problems {
        let path = match problem.span {
            Some(span) => path_of(span.file),
            None => convert::absolute(&problem.path),
        };
        let item = problem_item(problem, &result, job.encoding, &mut path_of);
        files.entry(path).or_default().push(item);
    }
    Outcome {
        scope: job.scope.clone(),
        generation: job.generation,
        files,
        log: Vec::new(),
    }
}

/// LSP's four severities for coglint's five.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
        Severity::Info => DiagnosticSeverity::HINT,
    }
}

fn location(
    span: coglint_source::Span,
    result: &ScanResult,
    encoding: Encoding,
    path_of: &mut impl FnMut(FileId) -> PathBuf,
) -> Option<Location> {
    let file = result.sources.get(span.file)?;
    let uri = Url::from_file_path(path_of(span.file)).ok()?;
    Some(Location {
        uri,
        range: convert::range(file, span.range, encoding),
    })
}

fn finding_item(
    finding: &Finding,
    result: &ScanResult,
    encoding: Encoding,
    path_of: &mut impl FnMut(FileId) -> PathBuf,
) -> Option<Item> {
    let file = result.sources.get(finding.primary.span.file)?;
    let path = path_of(file.id());
    let meta = finding.rule;
    let mut message = finding.message.clone();
    if let Some(scenario) = &finding.scenario {
        message.push_str(&format!(" (when {scenario})"));
    }
    if !finding.instances.is_empty() {
        message.push_str(&format!(
            " (and {} other instance{})",
            finding.instances.len(),
            if finding.instances.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    let help = if finding.logical_path.is_some() && !meta.cdk_fix.is_empty() {
        meta.cdk_fix
    } else {
        meta.fix
    };
    if !help.is_empty() {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let mut related = Vec::new();
    for label in &finding.secondary {
        if let Some(location) = location(label.span, result, encoding, path_of) {
            related.push(DiagnosticRelatedInformation {
                location,
                message: label.message.clone(),
            });
        }
    }
    for call in &finding.called_from {
        if let Some(location) = location(*call, result, encoding, path_of) {
            related.push(DiagnosticRelatedInformation {
                location,
                message: "through this module call".into(),
            });
        }
    }
    let range = convert::range(file, finding.primary.span.range, encoding);
    let diagnostic = Diagnostic {
        range,
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(meta.code.into())),
        code_description: Url::parse(&meta.url())
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("coglint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    };
    let suppress = suppress::insertion(finding, file).map(|insertion| {
        let at = convert::position(
            file,
            u32::try_from(insertion.offset).unwrap_or(u32::MAX),
            encoding,
        );
        (
            format!("Suppress {} {}", meta.code, insertion.scope),
            Edit {
                path: path.clone(),
                range: Range { start: at, end: at },
                text: insertion.text,
            },
        )
    });
    let fixes = fix::actions(finding, &result.sources, encoding, path_of);
    Some(Item {
        diagnostic,
        rule: Some(meta),
        suppress,
        fixes,
    })
}

fn problem_item(
    problem: &Problem,
    result: &ScanResult,
    encoding: Encoding,
    path_of: &mut impl FnMut(FileId) -> PathBuf,
) -> Item {
    let range = problem
        .span
        .and_then(|span| {
            let file = result.sources.get(span.file)?;
            Some(convert::range(file, span.range, encoding))
        })
        .unwrap_or_default();
    let mut tags = Vec::new();
    if problem.kind == ProblemKind::UnusedSuppression {
        tags.push(DiagnosticTag::UNNECESSARY);
    }
    if problem.message.contains("was retired") {
        tags.push(DiagnosticTag::DEPRECATED);
    }
    let related: Vec<DiagnosticRelatedInformation> = problem
        .related
        .iter()
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: location(label.span, result, encoding, path_of)?,
                message: label.message.clone(),
            })
        })
        .collect();
    Item {
        diagnostic: Diagnostic {
            range,
            severity: Some(if problem.kind.is_error() {
                DiagnosticSeverity::ERROR
            } else {
                DiagnosticSeverity::WARNING
            }),
            code: Some(NumberOrString::String(problem.kind.id().into())),
            source: Some("coglint".into()),
            message: problem.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            tags: (!tags.is_empty()).then_some(tags),
            ..Diagnostic::default()
        },
        rule: None,
        suppress: None,
        fixes: Vec::new(),
    }
}
