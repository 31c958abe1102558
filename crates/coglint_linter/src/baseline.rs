//! Baselines: `--write-baseline FILE` records today's findings; `--baseline FILE` reports only
//! the others. A finding is known by a fingerprint of its rule, file, resource definition and
//! setting, never its line, so it keeps its identity when lines move, and never the instance
//! or scenario it names, so it keeps it when a module caller or an environment is added.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use coglint_rules::Finding;
use coglint_source::SourceDb;
use serde::{Deserialize, Serialize};

/// Bumped when fingerprints change meaning. Version 1 fingerprinted each instance and scenario;
/// its baselines are still read (see [`new_findings`]).
const BASELINE_VERSION: u32 = 2;

/// FNV-1a, 64 bits: stable across versions and platforms, unlike std's hasher.
pub fn fnv1a(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// A path as shown to the user and written in baselines: relative to `root` when under it,
/// with `/` separators.
pub fn display_path(path: &Path, root: &Path) -> String {
    let relative = path
        .strip_prefix(root)
        .ok()
        .or_else(|| path.strip_prefix(".").ok())
        .unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// The identity of a finding across edits (also SARIF's `partialFingerprints`).
pub fn fingerprint(finding: &Finding, sources: &SourceDb, root: &Path) -> String {
    let path = primary_path(finding, sources, root);
    fnv1a(&[
        finding.rule.code,
        &path,
        &definition_name(&finding.resource),
        &finding.setting,
    ])
}

/// The fingerprints version 1 gave the finding's instances: rule, file, instance, setting and
/// scenario.
fn fingerprints_v1(finding: &Finding, sources: &SourceDb, root: &Path) -> Vec<String> {
    let path = primary_path(finding, sources, root);
    let first = (finding.resource.as_str(), finding.scenario.as_deref());
    let others = finding
        .instances
        .iter()
        .map(|i| (i.resource.as_str(), i.scenario.as_deref()));
    std::iter::once(first)
        .chain(others)
        .map(|(resource, scenario)| {
            fnv1a(&[
                finding.rule.code,
                &path,
                resource,
                &finding.setting,
                scenario.unwrap_or(""),
            ])
        })
        .collect()
}

fn primary_path(finding: &Finding, sources: &SourceDb, root: &Path) -> String {
    sources
        .get(finding.primary.span.file)
        .map(|f| display_path(f.path(), root))
        .unwrap_or_default()
}

/// A resource's name without what makes it one instance among others: Terraform's
/// `module.<name>.` prefixes and `[key]` instance keys (`module.a["x"].aws_y.z[0]` is `aws_y.z`).
pub fn definition_name(resource: &str) -> String {
    let mut plain = String::with_capacity(resource.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in resource.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut rest = plain.as_str();
    while let Some(after) = rest.strip_prefix("module.") {
        match after.split_once('.') {
            Some((_, tail)) => rest = tail,
            None => break,
        }
    }
    rest.to_string()
}

#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    rule: String,
    path: String,
    resource: String,
    message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("cannot write baseline {path}: {reason}")]
    Write { path: PathBuf, reason: String },
}

/// Writes `findings` as a baseline.
pub fn write(
    path: &Path,
    findings: &[Finding],
    sources: &SourceDb,
    root: &Path,
) -> Result<(), BaselineError> {
    let file = BaselineFile {
        version: BASELINE_VERSION,
        findings: findings
            .iter()
            .map(|f| Entry {
                fingerprint: fingerprint(f, sources, root),
                rule: f.rule.code.to_string(),
                path: sources
                    .get(f.primary.span.file)
                    .map(|s| display_path(s.path(), root))
                    .unwrap_or_default(),
                resource: f.resource.clone(),
                message: f.message.clone(),
            })
            .collect(),
    };
    let error = |reason: String| BaselineError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let text = serde_json::to_string_pretty(&file).map_err(|e| error(e.to_string()))?;
    std::fs::write(path, text + "\n").map_err(|e| error(e.to_string()))
}

/// A baseline read: its fingerprints, with how many findings each stands for.
#[derive(Clone, Debug)]
pub struct Baseline {
    version: u32,
    counts: HashMap<String, usize>,
}

/// Reads a baseline written by this version or by version 1.
pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
    let error = |reason: String| BaselineError::Read {
        path: path.to_path_buf(),
        reason,
    };
    let text = crate::read::read_named(path).map_err(|e| error(e.describe()))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| error(e.to_string()))?;
    if file.version != BASELINE_VERSION && file.version != 1 {
        return Err(error(format!(
            "version {} (this coglint writes {BASELINE_VERSION}); write it again with --write-baseline",
            file.version
        )));
    }
    let mut counts = HashMap::new();
    for entry in file.findings {
        *counts.entry(entry.fingerprint).or_insert(0) += 1;
    }
    Ok(Baseline {
        version: file.version,
        counts,
    })
}

/// The findings the baseline does not already hold. With a version 1 baseline, a merged finding
/// is known when one of its instances was.
pub fn new_findings(
    findings: Vec<Finding>,
    baseline: Baseline,
    sources: &SourceDb,
    root: &Path,
) -> Vec<Finding> {
    let Baseline {
        version,
        mut counts,
    } = baseline;
    findings
        .into_iter()
        .filter(|f| {
            let prints = if version == 1 {
                fingerprints_v1(f, sources, root)
            } else {
                vec![fingerprint(f, sources, root)]
            };
            let known = prints
                .iter()
                .find(|p| counts.get(p.as_str()).is_some_and(|n| *n > 0));
            match known.and_then(|p| counts.get_mut(p.as_str())) {
                Some(n) => {
                    *n -= 1;
                    false
                }
                None => true,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable_and_separates_parts() {
        assert_eq!(fnv1a(&[]), "cbf29ce484222325");
        assert_ne!(fnv1a(&["COG101", "a.yaml"]), fnv1a(&["COG101a", ".yaml"]));
    }

    #[test]
    fn definition_names_drop_module_prefixes_and_instance_keys() {
        assert_eq!(definition_name("Pool"), "Pool");
        assert_eq!(
            definition_name("aws_cognito_user_pool.pool"),
            "aws_cognito_user_pool.pool"
        );
        assert_eq!(
            definition_name(r#"module.a["x.]y"].module.b[0].aws_cognito_user_pool_client.c["k"]"#),
            "aws_cognito_user_pool_client.c"
        );
    }

    #[test]
    fn display_paths_are_relative_and_use_slashes() {
        let root = Path::new("/repo");
        assert_eq!(
            display_path(Path::new("/repo/infra/a.yaml"), root),
            "infra/a.yaml"
        );
        assert_eq!(
            display_path(Path::new("./infra/a.yaml"), root),
            "infra/a.yaml"
        );
        assert_eq!(
            display_path(Path::new("/elsewhere/a.yaml"), root),
            "/elsewhere/a.yaml"
        );
    }
}
