//! `--format json`: a versioned document (docs/json-format.md describes every field).

use serde::Serialize;

use coglint_linter::ScanResult;
use coglint_rules::{Finding, Label};
use coglint_source::{SourceDb, Span};

use crate::{display_path, line_cols, severity_counts, ReportOptions};

/// Bumped on any change that can break a consumer.
pub const JSON_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    problems: Vec<JsonProblem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unknowns: Option<Vec<JsonUnknown<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unfollowed_modules: Option<Vec<JsonUnfollowed<'a>>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files_scanned: usize,
    templates: usize,
    serverless_services: usize,
    terraform_modules: usize,
    findings: usize,
    by_severity: serde_json::Map<String, serde_json::Value>,
    errors: usize,
    warnings: usize,
    unfollowed_modules: usize,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
    offset: u32,
}

#[derive(Serialize)]
struct Location {
    path: String,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    location: Location,
}

#[derive(Serialize)]
struct Resource<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    type_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_path: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    location: Location,
    label: &'a str,
    related: Vec<JsonLabel<'a>>,
    resource: Resource<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<&'a str>,
    defaulted: bool,
    /// The other instances merged into this finding (module callers, `for_each` keys, stages,
    /// scenarios).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    instances: Vec<JsonInstance<'a>>,
    help: &'static str,
    /// The automatic fix, when the rule offers one that can be applied here.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
    /// The fix in the CDK's API, for resources synthesized by a CDK app.
    #[serde(skip_serializing_if = "Option::is_none")]
    cdk_help: Option<&'static str>,
    url: String,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    location: Location,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonInstance<'a> {
    resource: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    kind: &'static str,
    level: &'static str,
    path: String,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
}

#[derive(Serialize)]
struct JsonUnfollowed<'a> {
    module: &'a str,
    source: &'a str,
    reason: &'a str,
    location: Location,
}

#[derive(Serialize)]
struct JsonUnknown<'a> {
    code: &'static str,
    resource: &'a str,
    what: &'a str,
    reason: &'a str,
    location: Location,
}

fn location(sources: &SourceDb, span: Span, options: &ReportOptions) -> Location {
    let path = sources
        .get(span.file)
        .map(|f| display_path(f.path(), &options.root))
        .unwrap_or_default();
    let (start, end) = line_cols(sources, span).unwrap_or_default();
    Location {
        path,
        start: Position {
            line: start.line,
            column: start.col,
            offset: span.range.start,
        },
        end: Position {
            line: end.line,
            column: end.col,
            offset: span.range.end,
        },
    }
}

fn label<'a>(sources: &SourceDb, label: &'a Label, options: &ReportOptions) -> JsonLabel<'a> {
    JsonLabel {
        message: &label.message,
        location: location(sources, label.span, options),
    }
}

fn finding<'a>(sources: &SourceDb, f: &'a Finding, options: &ReportOptions) -> JsonFinding<'a> {
    JsonFinding {
        code: f.rule.code,
        rule: f.rule.name,
        severity: f.severity.as_str(),
        message: &f.message,
        location: location(sources, f.primary.span, options),
        label: &f.primary.message,
        related: f
            .secondary
            .iter()
            .map(|l| label(sources, l, options))
            .collect(),
        resource: Resource {
            name: &f.resource,
            type_name: &f.resource_type,
            logical_path: f.logical_path.as_deref(),
        },
        scenario: f.scenario.as_deref(),
        defaulted: f.defaulted,
        instances: f
            .instances
            .iter()
            .map(|i| JsonInstance {
                resource: &i.resource,
                scenario: i.scenario.as_deref(),
                location: i.at.map(|span| location(sources, span, options)),
            })
            .collect(),
        help: f.rule.fix,
        fix: f
            .fix
            .as_ref()
            .filter(|fix| fix.is_rendered())
            .map(|fix| JsonFix {
                title: &fix.title,
                applicability: fix.applicability.as_str(),
                edits: fix
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        location: location(sources, e.span, options),
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
        cdk_help: f.logical_path.as_ref().map(|_| f.rule.cdk_fix),
        url: f.rule.url(),
    }
}

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let sources = &result.sources;
    let by_severity = severity_counts(&result.findings)
        .into_iter()
        .map(|(s, n)| (s.as_str().to_string(), serde_json::Value::from(n)))
        .collect();
    let errors = result.problems.iter().filter(|p| p.kind.is_error()).count();
    let document = Document {
        version: JSON_FORMAT_VERSION,
        tool: Tool {
            name: "coglint",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            files_scanned: result.files_scanned,
            templates: result.templates,
            serverless_services: result.serverless_services,
            terraform_modules: result.terraform_modules,
            findings: result.findings.len(),
            by_severity,
            errors,
            warnings: result.problems.len() - errors,
            unfollowed_modules: result.unfollowed_modules.len(),
        },
        findings: result
            .findings
            .iter()
            .map(|f| finding(sources, f, options))
            .collect(),
        problems: result
            .problems
            .iter()
            .map(|p| JsonProblem {
                kind: p.kind.id(),
                level: if p.kind.is_error() {
                    "error"
                } else {
                    "warning"
                },
                path: display_path(&p.path, &options.root),
                message: &p.message,
                location: p.span.map(|s| location(sources, s, options)),
            })
            .collect(),
        unknowns: options.show_unknown.then(|| {
            result
                .unknowns
                .iter()
                .map(|u| JsonUnknown {
                    code: u.rule,
                    resource: &u.resource,
                    what: &u.what,
                    reason: &u.reason,
                    location: location(sources, u.at, options),
                })
                .collect()
        }),
        unfollowed_modules: options.show_unknown.then(|| {
            result
                .unfollowed_modules
                .iter()
                .map(|m| JsonUnfollowed {
                    module: &m.name,
                    source: &m.source,
                    reason: &m.reason,
                    location: location(sources, m.at, options),
                })
                .collect()
        }),
    };
    let mut out = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
