//! Suppressions: inline comments (`# coglint:ignore COG301 -- reason`, checkov's
//! `#checkov:skip=ID:reason`) and resource metadata (coglint's own, cdk-nag's, cfn_nag's and
//! checkov's). Another tool's id silences the coglint rules that check the same thing, through
//! each rule's list of related controls. Every suppression needs a reason; one past its `until`
//! date stops working; expired and unused ones are reported.

use coglint_model::Suppression;
use coglint_rules::{all_rules, Finding, RuleMeta};
use coglint_source::{FileId, LineIndex, SourceDb, Span, TextRange};

use crate::problem::{Problem, ProblemKind};

/// A resource as suppressions see it: its name, and what its metadata suppresses.
#[derive(Clone, Debug)]
pub(crate) struct ResourceSite {
    pub name: String,
    pub suppressions: Vec<Suppression>,
}

/// Which findings a suppression covers.
#[derive(Clone, Debug)]
enum Scope {
    /// Findings of the named resource.
    Resource(String),
    /// Findings whose place, or whose resource's header, is on these lines (1-based) of a file.
    Lines(FileId, u32, u32),
}

struct Active {
    suppression: Suppression,
    scope: Scope,
    used: bool,
}

/// Whether `id` (a code, a name, or another tool's id) names `rule`.
fn names_rule(tool: &str, id: &str, rule: &RuleMeta) -> bool {
    let id = id.trim();
    if tool == "coglint" {
        return rule.answers_to(id);
    }
    let tool_name = if tool == "checkov" { "checkov" } else { tool };
    rule.related.iter().any(|related| {
        let mut words = related.split_whitespace();
        let (Some(t), Some(control)) = (words.next(), words.next()) else {
            return false;
        };
        t.eq_ignore_ascii_case(tool_name) && control.eq_ignore_ascii_case(id)
    })
}

/// Whether any rule answers to `id`.
fn known_id(tool: &str, id: &str) -> bool {
    all_rules().iter().any(|r| names_rule(tool, id, r.meta()))
}

/// Today as `YYYY-MM-DD` (UTC), from the system clock; `COGLINT_TODAY` overrides it in tests.
fn today() -> String {
    if let Ok(day) = std::env::var("COGLINT_TODAY") {
        return day;
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2
        && [y, m, d].iter().all(|p| p.chars().all(|c| c.is_ascii_digit())))
}

/// The indentation of a line, in characters.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Lines `from..=end` of the block that starts at line `from` (0-based): the line and those
/// after it indented deeper (blank and comment lines do not end it).
fn block_end(lines: &[&str], from: usize) -> usize {
    let base = indent(lines[from]);
    let mut end = from;
    for (i, line) in lines.iter().enumerate().skip(from + 1) {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with("//") {
            continue;
        }
        if indent(line) <= base {
            break;
        }
        end = i;
    }
    end
}

fn comment_body(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix('#')
        .or_else(|| t.strip_prefix("//"))
        .map(str::trim)
}

/// Reads the inline suppressions of one file.
fn inline(file: FileId, text: &str) -> Vec<Active> {
    // The lines as the line index counts them (a carriage return alone ends one too), so that
    // line numbers here and in findings agree.
    let index = LineIndex::new(text);
    let lines: Vec<&str> = (0..index.line_count())
        .map(|i| text.get(index.line_range(text, i).as_usize()).unwrap_or(""))
        .collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(body) = comment_body(line) else {
            continue;
        };
        let range = index.line_range(text, i);
        let at = Span::new(
            file,
            TextRange::new(
                range.start + u32::try_from(indent(line)).unwrap_or(0),
                range.end,
            ),
        );
        // The next line of code is what the comment is about.
        let Some(target) = (i + 1..lines.len()).find(|&j| {
            let t = lines[j].trim();
            !t.is_empty() && comment_body(lines[j]).is_none()
        }) else {
            continue;
        };
        let end = block_end(&lines, target);
        let scope = Scope::Lines(
            file,
            u32::try_from(target + 1).unwrap_or(0),
            u32::try_from(end + 1).unwrap_or(0),
        );
        if let Some(rest) = body.strip_prefix("coglint:ignore") {
            let (spec, reason) = match rest.split_once("--") {
                Some((spec, reason)) => (
                    spec,
                    Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
                ),
                None => (rest, None),
            };
            let mut words: Vec<&str> = spec
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            let mut until = None;
            if let Some(pos) = words.iter().position(|w| *w == "until") {
                until = words.get(pos + 1).map(|d| d.to_string());
                words.truncate(pos);
            }
            out.push(Active {
                suppression: Suppression {
                    tool: "coglint",
                    ids: words.iter().map(|w| w.to_string()).collect(),
                    reason,
                    until,
                    at,
                },
                scope,
                used: false,
            });
        } else if let Some(rest) = body.strip_prefix("checkov:skip=") {
            // `#checkov:skip=CKV_AWS_366:reason`, anywhere in the resource it concerns: it
            // covers the block the comment is in, or the one under it.
            let (id, reason) = match rest.split_once(':') {
                Some((id, reason)) => (
                    id.trim(),
                    Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
                ),
                None => (rest.trim(), None),
            };
            let enclosing = (0..i)
                .rev()
                .find(|&j| indent(lines[j]) < indent(line) && !lines[j].trim().is_empty());
            let scope = match enclosing {
                Some(start) => Scope::Lines(
                    file,
                    u32::try_from(start + 1).unwrap_or(0),
                    u32::try_from(block_end(&lines, start) + 1).unwrap_or(0),
                ),
                None => scope,
            };
            out.push(Active {
                suppression: Suppression {
                    tool: "checkov",
                    ids: vec![id.to_string()],
                    reason,
                    until: None,
                    at,
                },
                scope,
                used: false,
            });
        }
    }
    out
}

fn line_of(sources: &SourceDb, span: Span) -> Option<u32> {
    sources
        .get(span.file)
        .map(|f| f.line_col(span.range.start).line)
}

fn covers(scope: &Scope, finding: &Finding, sources: &SourceDb) -> bool {
    match scope {
        Scope::Resource(name) => finding.resource == *name,
        Scope::Lines(file, from, to) => {
            [finding.primary.span, finding.resource_header]
                .iter()
                .any(|span| {
                    span.file == *file
                        && line_of(sources, *span).is_some_and(|l| (*from..=*to).contains(&l))
                })
        }
    }
}

fn path_of(sources: &SourceDb, span: Span) -> std::path::PathBuf {
    sources
        .get(span.file)
        .map(|f| f.path().to_path_buf())
        .unwrap_or_default()
}

/// Whether `text` may hold an inline suppression: its text must then reach the report, which
/// checks every suppression (a finding may not point into the file).
pub(crate) fn may_suppress(text: &str) -> bool {
    crate::scan::has(text, "coglint:ignore") || crate::scan::has(text, "checkov:skip=")
}

/// Drops the findings a valid, current suppression covers; reports suppressions without a
/// reason (errors), unknown ids, expired and unused ones (warnings).
pub(crate) fn apply(
    findings: Vec<Finding>,
    resources: &[ResourceSite],
    sources: &SourceDb,
    enabled: &[&'static dyn coglint_rules::Rule],
    problems: &mut Vec<Problem>,
) -> Vec<Finding> {
    let mut active: Vec<Active> = Vec::new();
    for file in sources.files() {
        let text = file.text();
        if may_suppress(text) {
            active.extend(inline(file.id(), text));
        }
    }
    for resource in resources {
        for s in &resource.suppressions {
            active.push(Active {
                suppression: s.clone(),
                scope: Scope::Resource(resource.name.clone()),
                used: false,
            });
        }
    }
    let today = today();
    let mut usable = Vec::new();
    for (i, a) in active.iter().enumerate() {
        let s = &a.suppression;
        let path = path_of(sources, s.at);
        let problem = |kind, message: String| Problem::new(kind, &path, message).at(s.at);
        if s.reason.is_none() {
            problems.push(problem(
                ProblemKind::Suppression,
                format!("suppression of {} without a reason: add `-- <why>` (or the tool's reason field)", s.ids.join(", ")),
            ));
            continue;
        }
        if s.ids.is_empty() {
            problems.push(problem(
                ProblemKind::Suppression,
                "suppression without a rule to suppress".into(),
            ));
            continue;
        }
        if let Some(until) = &s.until {
            if !valid_date(until) {
                problems.push(problem(
                    ProblemKind::Suppression,
                    format!("`until {until}` is not a date (YYYY-MM-DD)"),
                ));
                continue;
            }
            if *until < today {
                problems.push(problem(
                    ProblemKind::ExpiredSuppression,
                    format!(
                        "suppression of {} expired on {until}: it no longer applies",
                        s.ids.join(", ")
                    ),
                ));
                continue;
            }
        }
        for id in &s.ids {
            if s.tool == "coglint" && !known_id(s.tool, id) {
                let message = match coglint_rules::find_retired(id) {
                    Some(retired) => format!(
                        "`{id}` names {} ({}), which was retired ({}): nothing to suppress",
                        retired.code, retired.name, retired.headline
                    ),
                    None => format!("`{id}` is not a coglint rule"),
                };
                problems.push(problem(ProblemKind::UnusedSuppression, message));
            }
        }
        usable.push(i);
    }
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let mut suppressed = false;
        for &i in &usable {
            let a = &mut active[i];
            let matches_rule = a
                .suppression
                .ids
                .iter()
                .any(|id| names_rule(a.suppression.tool, id, finding.rule));
            if matches_rule && covers(&a.scope, &finding, sources) {
                a.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(finding);
        }
    }
    // A suppression for another tool's checks that coglint does not implement is not "unused":
    // the other tool still reads it. Nor is one of a rule this run leaves off (the hardening
    // group by default), nor one that names no rule (reported above). Only those of rules that
    // ran are reported.
    for &i in &usable {
        let a = &active[i];
        let tool = a.suppression.tool;
        let ours = a
            .suppression
            .ids
            .iter()
            .any(|id| enabled.iter().any(|r| names_rule(tool, id, r.meta())));
        if !a.used && ours {
            let s = &a.suppression;
            problems.push(
                Problem::new(
                    ProblemKind::UnusedSuppression,
                    path_of(sources, s.at),
                    format!(
                        "unused suppression of {}: nothing it covers is reported",
                        s.ids.join(", ")
                    ),
                )
                .at(s.at),
            );
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_779), "2026-11-22");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn other_tools_ids_map_through_related_controls() {
        let rule = |code: &str| {
            all_rules()
                .iter()
                .find(|r| r.meta().code == code)
                .map(|r| r.meta())
        };
        let (Some(mfa), Some(length)) = (rule("COG101"), rule("COG110")) else {
            panic!()
        };
        assert!(names_rule("cdk-nag", "AwsSolutions-COG2", mfa));
        assert!(names_rule("cfn_nag", "F78", mfa));
        assert!(names_rule("cdk-nag", "AwsSolutions-COG1", length));
        assert!(!names_rule("cdk-nag", "AwsSolutions-COG1", mfa));
        assert!(names_rule("coglint", "mfa-off", mfa));
        assert!(names_rule("coglint", "cog101", mfa));
        // A renamed rule answers to its former name.
        let Some(device) = rule("COG506") else {
            panic!()
        };
        assert!(names_rule("coglint", "remembered-device-skips-mfa", device));
        assert!(names_rule(
            "coglint",
            "new-device-without-challenge",
            device
        ));
    }

    #[test]
    fn blocks_end_where_indentation_does() {
        let lines = [
            "  Pool:",
            "    Type: x",
            "",
            "    # c",
            "    Props: y",
            "  Next:",
        ];
        assert_eq!(block_end(&lines, 0), 4);
        assert_eq!(block_end(&lines, 1), 1);
    }
}
