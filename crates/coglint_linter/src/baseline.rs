//! Baselines: `--write-baseline FILE` records today's findings; `--baseline FILE` reports only
//! the others. A finding is known by a fingerprint of its rule, file, resource, setting and
//! scenario, never its line, so it keeps its identity when lines move.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use coglint_rules::Finding;
use coglint_source::SourceDb;
use serde::{Deserialize, Serialize};

/// Bumped when fingerprints change meaning.
const BASELINE_VERSION: u32 = 1;

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
    let path = sources
        .get(finding.primary.span.file)
        .map(|f| display_path(f.path(), root))
        .unwrap_or_default();
    fnv1a(&[
        finding.rule.code,
        &path,
        &finding.resource,
        &finding.setting,
        finding.scenario.as_deref().unwrap_or(""),
    ])
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

/// The fingerprints of a baseline, with how many findings each stands for.
pub fn read(path: &Path) -> Result<HashMap<String, usize>, BaselineError> {
    let error = |reason: String| BaselineError::Read {
        path: path.to_path_buf(),
        reason,
    };
    let text = crate::read::read_named(path).map_err(|e| error(e.describe()))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| error(e.to_string()))?;
    if file.version != BASELINE_VERSION {
        return Err(error(format!(
            "version {} (this coglint writes {BASELINE_VERSION}); write it again with --write-baseline",
            file.version
        )));
    }
    let mut counts = HashMap::new();
    for entry in file.findings {
        *counts.entry(entry.fingerprint).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The findings the baseline does not already hold.
pub fn new_findings(
    findings: Vec<Finding>,
    mut baseline: HashMap<String, usize>,
    sources: &SourceDb,
    root: &Path,
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| match baseline.get_mut(&fingerprint(f, sources, root)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
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
