//! Reading one cloud assembly: its manifest, the metadata and asset manifests it names, its
//! nested assemblies, and the templates it holds that the manifest does not list. Every file
//! goes through `crate::read` with the scan's roots: a manifest that names a file or a nested
//! assembly outside them gets an `outside-roots` problem, and that file is not read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{
    asset_sources, assign_to_templates, normalize, read_metadata, Assemblies, MAX_ASSEMBLY_DEPTH,
};
use crate::problem::{Problem, ProblemKind};
use crate::read::{read_string, Roots};

pub(super) struct Reader<'r> {
    pub roots: &'r Roots,
    pub seen: BTreeSet<PathBuf>,
    pub out: Assemblies,
}

/// Why a JSON file of the assembly could not be used.
enum JsonError {
    /// Not read: the problem says why.
    Refused(Problem),
    /// Read, but not JSON.
    Malformed(String),
}

impl Reader<'_> {
    fn read_json(&self, path: &Path) -> Result<Value, JsonError> {
        let path = &normalize(path);
        let text =
            read_string(path, self.roots).map_err(|r| JsonError::Refused(r.problem(path)))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        serde_json::from_str(text).map_err(|e| JsonError::Malformed(e.to_string()))
    }

    /// A file the manifest names besides templates (metadata, asset manifests): a refusal other
    /// than its absence is reported; a malformed one is passed over, as before.
    fn read_named_json(&mut self, path: &Path) -> Option<Value> {
        match self.read_json(path) {
            Ok(value) => Some(value),
            Err(JsonError::Refused(problem)) => {
                let missing = problem.kind == ProblemKind::Io && !path.exists();
                if !missing {
                    self.out.problems.push(problem);
                }
                None
            }
            Err(JsonError::Malformed(_)) => None,
        }
    }

    pub fn read_assembly(&mut self, dir: &Path, app_root: &Path, depth: usize) {
        if depth > MAX_ASSEMBLY_DEPTH || !self.seen.insert(normalize(dir)) {
            return;
        }
        let manifest_path = dir.join("manifest.json");
        let manifest = match self.read_json(&manifest_path) {
            Ok(m) => Some(m),
            Err(JsonError::Refused(problem)) => {
                let outside = problem.kind == ProblemKind::OutsideRoots;
                self.out.problems.push(problem);
                if outside {
                    // Not even its directory is listed.
                    return;
                }
                None
            }
            Err(JsonError::Malformed(e)) => {
                self.out.problems.push(Problem::new(
                    ProblemKind::Syntax,
                    &manifest_path,
                    format!("cannot read the cloud assembly manifest: {e}"),
                ));
                None
            }
        };
        // What the manifest accounts for: the templates of its stacks (and of their nested
        // stacks, as the metadata records them), and the files of its asset manifests.
        let mut listed: BTreeSet<PathBuf> = BTreeSet::new();
        let mut assets: BTreeSet<PathBuf> = BTreeSet::new();
        let artifacts = manifest
            .as_ref()
            .and_then(|m| m.get("artifacts"))
            .and_then(Value::as_object);
        for artifact in artifacts.into_iter().flat_map(|a| a.values()) {
            let properties = artifact.get("properties");
            match artifact.get("type").and_then(Value::as_str) {
                Some("aws:cloudformation:stack") => {
                    let Some(file) = properties
                        .and_then(|p| p.get("templateFile"))
                        .and_then(Value::as_str)
                    else {
                        continue;
                    };
                    let mut entries = Vec::new();
                    if let Some(metadata) = artifact.get("metadata") {
                        read_metadata(metadata, &mut entries);
                    }
                    // Newer CDK versions keep the metadata in a side file.
                    if let Some(side) = artifact
                        .get("additionalMetadataFile")
                        .and_then(Value::as_str)
                    {
                        if let Some(metadata) = self.read_named_json(&dir.join(side)) {
                            read_metadata(&metadata, &mut entries);
                        }
                    }
                    for entry in &entries {
                        assets.extend(entry.asset_paths.iter().map(|p| normalize(&dir.join(p))));
                    }
                    let mut by_template: Vec<_> = assign_to_templates(file, &entries, app_root)
                        .into_iter()
                        .collect();
                    // The frames' files are numbered in the order they are met.
                    by_template.sort_by(|a, b| a.0.cmp(b.0));
                    for (template, constructs) in by_template {
                        let template = normalize(&dir.join(template));
                        listed.insert(template.clone());
                        self.out.templates.insert(template.clone());
                        self.out.add_constructs(template, constructs);
                    }
                }
                Some("cdk:asset-manifest") => {
                    if let Some(file) = properties
                        .and_then(|p| p.get("file"))
                        .and_then(Value::as_str)
                    {
                        if let Some(manifest) = self.read_named_json(&dir.join(file)) {
                            assets
                                .extend(asset_sources(&manifest).map(|p| normalize(&dir.join(p))));
                        }
                    }
                }
                Some("cdk:cloud-assembly") => {
                    if let Some(sub) = properties
                        .and_then(|p| p.get("directoryName"))
                        .and_then(Value::as_str)
                    {
                        let nested = dir.join(sub);
                        if self.roots.admits(&nested) {
                            self.read_assembly(&nested, app_root, depth + 1);
                        } else {
                            self.out.problems.push(Problem::new(
                                ProblemKind::OutsideRoots,
                                &manifest_path,
                                format!(
                                    "names the nested assembly `{sub}`, outside the scanned directories and their repository; not read"
                                ),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        self.check_unlisted(dir, manifest.is_some(), &listed, &assets);
    }

    /// The templates of `dir` that its manifest does not account for. A nested stack's
    /// template is accounted for when the metadata names it, an asset manifest lists it, or an
    /// accounted-for template refers to it (`aws:asset:path`). The others were left by an
    /// earlier synth, or the manifest covers only some stacks: each is checked as a plain
    /// CloudFormation template, and said so.
    fn check_unlisted(
        &mut self,
        dir: &Path,
        manifest_read: bool,
        listed: &BTreeSet<PathBuf>,
        assets: &BTreeSet<PathBuf>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut nested = BTreeSet::new();
        let mut others = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Not `is_file`: a named pipe or a link out of the tree is reported by its read.
            if !name.ends_with(".template.json") || entry.path().is_dir() {
                continue;
            }
            let path = normalize(&dir.join(&name));
            if listed.contains(&path) {
                continue;
            }
            if name.ends_with(".nested.template.json") && assets.contains(&path) {
                self.out.templates.insert(path);
            } else if name.ends_with(".nested.template.json") {
                nested.insert((name, path));
            } else {
                others.push(path);
            }
        }
        // Nested stacks that only their parent's template names, level by level.
        let mut parents: Vec<PathBuf> = listed
            .iter()
            .chain(assets.iter())
            .filter(|p| p.to_string_lossy().ends_with(".template.json"))
            .cloned()
            .collect();
        while !nested.is_empty() {
            let texts: Vec<String> = parents
                .iter()
                .filter_map(|p| read_string(p, self.roots).ok())
                .collect();
            let found: Vec<(String, PathBuf)> = nested
                .iter()
                .filter(|(name, _)| texts.iter().any(|t| t.contains(&format!("\"{name}\""))))
                .cloned()
                .collect();
            if found.is_empty() {
                break;
            }
            parents.clear();
            for item in found {
                nested.remove(&item);
                self.out.templates.insert(item.1.clone());
                parents.push(item.1);
            }
        }
        let manifest = Path::new(dir.file_name().unwrap_or(dir.as_os_str())).join("manifest.json");
        let manifest = manifest.display();
        for path in others.into_iter().chain(nested.into_iter().map(|(_, p)| p)) {
            let why = if !manifest_read {
                format!("{manifest} cannot be read")
            } else if path.to_string_lossy().ends_with(".nested.template.json") {
                format!("no stack of {manifest} refers to it (left by an earlier synth?)")
            } else {
                format!("not listed in {manifest} (left by an earlier synth?)")
            };
            self.out.templates.insert(path.clone());
            self.out.problems.push(Problem::new(
                ProblemKind::UnlistedTemplate,
                path,
                format!("{why}; checked as a plain CloudFormation template"),
            ));
        }
    }
}
