//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and editors.
//!
//! A few structs of our own rather than a generated crate; a test validates the output against
//! the official schema. Regions are 1-based with an exclusive end column, counted in Unicode
//! code points; URIs are relative to the scan root under `%SRCROOT%`.

use serde::Serialize;

use coglint_linter::ScanResult;
use coglint_rules::{all_rules, RuleMeta, Severity};
use coglint_source::{SourceDb, Span};

use crate::{display_path, line_cols, ReportOptions};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<serde_json::Value>,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: String,
    short_description: Message,
    full_description: Message,
    help: MultiformatMessage,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
    precision: &'static str,
    /// `recommended` (on by default) or `hardening` (off unless selected).
    group: &'static str,
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<LocationOut>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<LocationOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<LocationOut>,
    partial_fingerprints: serde_json::Map<String, serde_json::Value>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
    kind: &'static str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// Percent-encodes what a relative URI reference cannot hold as is.
fn uri_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn artifact(path: &std::path::Path, options: &ReportOptions) -> ArtifactLocation {
    let shown = if options.absolute_uris {
        std::fs::canonicalize(options.root.join(path))
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_else(|_| display_path(path, &options.root))
    } else {
        display_path(path, &options.root)
    };
    if shown.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", uri_encode(&shown)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: uri_encode(&shown),
            uri_base_id: Some(SRCROOT),
        }
    }
}

fn physical(sources: &SourceDb, span: Span, options: &ReportOptions) -> Option<PhysicalLocation> {
    let file = sources.get(span.file)?;
    let (start, end) = line_cols(sources, span)?;
    Some(PhysicalLocation {
        artifact_location: artifact(file.path(), options),
        region: Some(Region {
            start_line: start.line,
            start_column: start.col,
            end_line: end.line,
            end_column: end.col,
        }),
    })
}

fn descriptor(meta: &RuleMeta) -> ReportingDescriptor {
    let mut tags = vec!["security".to_string(), "cognito".to_string()];
    tags.extend(meta.related.iter().map(|r| r.to_string()));
    ReportingDescriptor {
        id: meta.code,
        name: meta
            .name
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect(),
        short_description: Message {
            text: meta.summary.to_string(),
        },
        full_description: Message {
            text: format!("{} Fix: {}.", meta.summary, meta.fix),
        },
        help: MultiformatMessage {
            text: format!("{}\n\nFix: {}\n\n{}", meta.summary, meta.fix, meta.url()),
            markdown: meta.documentation(),
        },
        help_uri: meta.url(),
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: RuleProperties {
            security_severity: meta.severity.security_severity(),
            precision: "very-high",
            group: meta.group.as_str(),
            tags,
        },
    }
}

pub(crate) fn render(result: &ScanResult, options: &ReportOptions) -> String {
    let rules = all_rules();
    let sources = &result.sources;
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let results = result
        .findings
        .iter()
        .map(|f| {
            let mut print = coglint_linter::baseline::fingerprint(f, sources, &options.root);
            // Two findings alike in every way but their place still get distinct fingerprints.
            let n = seen.entry(print.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                print = format!("{print}:{n}");
            }
            let mut fingerprints = serde_json::Map::new();
            fingerprints.insert("coglint/v1".into(), print.into());
            let logical_name = f.logical_path.clone().unwrap_or_else(|| f.resource.clone());
            SarifResult {
                rule_id: f.rule.code,
                rule_index: rules
                    .iter()
                    .position(|r| std::ptr::eq(r.meta(), f.rule))
                    .unwrap_or(0),
                level: level(f.severity),
                message: Message {
                    text: format!("{} ({}; fix: {})", f.message, f.primary.message, f.rule.fix),
                },
                locations: vec![LocationOut {
                    id: None,
                    physical_location: physical(sources, f.primary.span, options),
                    logical_locations: vec![LogicalLocation {
                        name: f.resource.clone(),
                        fully_qualified_name: logical_name,
                        kind: "resource",
                    }],
                    message: None,
                }],
                related_locations: f
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| LocationOut {
                        id: Some(i + 1),
                        physical_location: physical(sources, l.span, options),
                        logical_locations: Vec::new(),
                        message: Some(Message {
                            text: l.message.clone(),
                        }),
                    })
                    .collect(),
                partial_fingerprints: fingerprints,
                properties: ResultProperties {
                    severity: f.severity.as_str(),
                    scenario: f.scenario.clone(),
                },
            }
        })
        .collect();
    let notifications = result
        .problems
        .iter()
        .map(|p| Notification {
            level: if p.kind.is_error() {
                "error"
            } else {
                "warning"
            },
            message: Message {
                text: format!("{}: {}", p.kind.id(), p.message),
            },
            locations: vec![LocationOut {
                id: None,
                physical_location: match p.span {
                    Some(span) => physical(sources, span, options),
                    None => Some(PhysicalLocation {
                        artifact_location: artifact(&p.path, options),
                        region: None,
                    }),
                },
                logical_locations: Vec::new(),
                message: None,
            }],
        })
        .collect();
    let root_uri = std::fs::canonicalize(&options.root).ok().map(|abs| {
        let mut text = uri_encode(&abs.to_string_lossy().replace('\\', "/"));
        if !text.ends_with('/') {
            text.push('/');
        }
        if !text.starts_with('/') {
            text.insert(0, '/');
        }
        serde_json::json!({ SRCROOT: { "uri": format!("file://{text}") } })
    });
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "coglint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/coglint/coglint",
                    rules: rules.iter().map(|r| descriptor(r.meta())).collect(),
                },
            },
            original_uri_base_ids: root_uri,
            invocations: vec![Invocation {
                execution_successful: !result.has_errors(),
                tool_execution_notifications: notifications,
            }],
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    let mut out =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri_encode("infra/my stack.yaml"), "infra/my%20stack.yaml");
        assert_eq!(uri_encode("a/é.yaml"), "a/%C3%A9.yaml");
    }
}
