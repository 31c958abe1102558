//! AWS Amplify Gen 1: `amplify/backend/<category>/<resource>/` holds a resource's CloudFormation
//! template, the `parameters.json` the CLI deploys it with, and (CLI 7 and later) the
//! `cli-inputs.json` the template is generated from. `amplify/team-provider-info.json` overrides
//! parameters per environment (`<env>.categories.<category>.<resource>`). Generated copies
//! (`build/`, `#current-cloud-backend/`) are not reported a second time.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use coglint_frontend::amplify::AuthFlags;

use super::Files;

/// Where a file sits in an Amplify Gen 1 backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BackendPath {
    /// The `amplify` directory.
    pub amplify: PathBuf,
    pub category: String,
    pub resource: String,
    /// The path below the resource directory.
    pub rest: Vec<String>,
}

impl BackendPath {
    pub fn resource_dir(&self) -> PathBuf {
        self.amplify
            .join("backend")
            .join(&self.category)
            .join(&self.resource)
    }

    /// Whether the file is in the resource's generated `build/` directory.
    pub fn in_build(&self) -> bool {
        self.rest.first().is_some_and(|c| c == "build")
    }

    pub fn file_name(&self) -> &str {
        self.rest.last().map(String::as_str).unwrap_or("")
    }
}

fn names(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Whether `path` is a copy the Amplify CLI keeps of what was last deployed.
pub(crate) fn is_cloud_copy(path: &Path) -> bool {
    let parts = names(path);
    parts
        .windows(2)
        .any(|w| w[0] == "amplify" && (w[1] == "#current-cloud-backend" || w[1] == ".temp"))
}

/// The backend resource `path` belongs to, if it is under `amplify/backend/<category>/<resource>/`.
pub(crate) fn backend_path(path: &Path) -> Option<BackendPath> {
    let parts = names(path);
    let at = parts
        .windows(2)
        .rposition(|w| w[0] == "amplify" && w[1] == "backend")?;
    if parts.len() < at + 5 {
        return None;
    }
    // The `amplify` directory as the path writes it (relative paths stay relative).
    let mut amplify = PathBuf::new();
    let mut seen = 0;
    for component in path.components() {
        if let Component::Normal(_) = component {
            if seen == at {
                amplify.push(component);
                break;
            }
            seen += 1;
        }
        amplify.push(component);
    }
    Some(BackendPath {
        amplify,
        category: parts[at + 2].clone(),
        resource: parts[at + 3].clone(),
        rest: parts[at + 4..].to_vec(),
    })
}

/// Whether a file name is a resource's CloudFormation template (`<resource>-cloudformation-
/// template.json`, `template.yml`, ...).
pub(crate) fn is_template_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["json", "yml", "yaml"]
        .iter()
        .any(|ext| lower.ends_with(&format!("template.{ext}")))
}

/// How one backend resource is checked, from the files the scan found in its directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Resource {
    /// Templates written in the resource directory itself.
    pub templates: Vec<PathBuf>,
    /// Templates in `build/` (used only when the directory has none of its own).
    pub build_templates: Vec<PathBuf>,
    /// The `cli-inputs.json` (used only when no template is found).
    pub cli_inputs: Option<PathBuf>,
    /// Every other file of the resource (parameters, overrides, build copies): not checked as
    /// a template of its own.
    pub others: Vec<PathBuf>,
}

impl Resource {
    /// The templates to check, and the parameters file for them.
    pub fn checked_templates(&self, dir: &Path) -> (Vec<PathBuf>, PathBuf) {
        if !self.templates.is_empty() {
            return (self.templates.clone(), dir.join("parameters.json"));
        }
        let build = dir.join("build").join("parameters.json");
        let params = if build.is_file() {
            build
        } else {
            dir.join("parameters.json")
        };
        (self.build_templates.clone(), params)
    }

    /// Whether the resource is checked from its `cli-inputs.json`.
    pub fn checked_cli_inputs(&self) -> Option<&Path> {
        if self.templates.is_empty() && self.build_templates.is_empty() {
            self.cli_inputs.as_deref()
        } else {
            None
        }
    }
}

/// Groups the discovered files of Amplify backends by resource directory.
pub(crate) fn group<'p>(paths: impl Iterator<Item = &'p Path>) -> BTreeMap<PathBuf, Resource> {
    let mut resources: BTreeMap<PathBuf, Resource> = BTreeMap::new();
    for path in paths {
        let Some(backend) = backend_path(path) else {
            continue;
        };
        let resource = resources.entry(backend.resource_dir()).or_default();
        let name = backend.file_name();
        match backend.rest.len() {
            1 if is_template_name(name) => resource.templates.push(path.to_path_buf()),
            1 if name == "cli-inputs.json" && backend.category == "auth" => {
                resource.cli_inputs = Some(path.to_path_buf())
            }
            2 if backend.in_build() && is_template_name(name) => {
                resource.build_templates.push(path.to_path_buf())
            }
            _ => resource.others.push(path.to_path_buf()),
        }
    }
    resources
}

/// The CLI's feature flags for the backend of `path` (`amplify/cli.json`,
/// `features.auth.useenabledmfas`); the defaults of a new project when it says nothing.
pub(crate) fn auth_flags(path: &Path, files: &mut Files) -> AuthFlags {
    let mut flags = AuthFlags::default();
    let Some(backend) = backend_path(path) else {
        return flags;
    };
    let cli = backend.amplify.join("cli.json");
    if !cli.is_file() {
        return flags;
    }
    let Ok((_, text)) = files.read(&cli) else {
        return flags;
    };
    let value: Option<serde_json::Value> = serde_json::from_str(&text).ok();
    if let Some(enabled) = value
        .as_ref()
        .and_then(|v| v.pointer("/features/auth/useenabledmfas"))
        .and_then(serde_json::Value::as_bool)
    {
        flags.use_enabled_mfas = enabled;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_paths_are_recognised() {
        let p = Path::new("app/amplify/backend/auth/app1234/app1234-cloudformation-template.yml");
        let Some(b) = backend_path(p) else { panic!() };
        assert_eq!(b.amplify, PathBuf::from("app/amplify"));
        assert_eq!(
            (b.category.as_str(), b.resource.as_str()),
            ("auth", "app1234")
        );
        assert_eq!(
            b.resource_dir(),
            PathBuf::from("app/amplify/backend/auth/app1234")
        );
        assert!(backend_path(Path::new("amplify/backend/backend-config.json")).is_none());
        assert!(is_cloud_copy(Path::new(
            "amplify/#current-cloud-backend/auth/x/x-cloudformation-template.yml"
        )));
        assert!(!is_cloud_copy(p));
    }

    #[test]
    fn a_resource_is_checked_from_its_template_then_build_then_cli_inputs() {
        let files = [
            "amplify/backend/auth/a/a-cloudformation-template.yml",
            "amplify/backend/auth/a/parameters.json",
            "amplify/backend/auth/a/build/a-cloudformation-template.json",
            "amplify/backend/auth/b/cli-inputs.json",
            "amplify/backend/auth/b/build/b-cloudformation-template.json",
            "amplify/backend/auth/c/cli-inputs.json",
        ];
        let groups = group(files.iter().map(Path::new));
        let a = &groups[Path::new("amplify/backend/auth/a")];
        assert_eq!(a.templates.len(), 1);
        assert_eq!(a.checked_cli_inputs(), None);
        let b = &groups[Path::new("amplify/backend/auth/b")];
        assert_eq!(
            b.checked_templates(Path::new("amplify/backend/auth/b")).0,
            vec![PathBuf::from(
                "amplify/backend/auth/b/build/b-cloudformation-template.json"
            )]
        );
        assert_eq!(b.checked_cli_inputs(), None);
        let c = &groups[Path::new("amplify/backend/auth/c")];
        assert_eq!(
            c.checked_cli_inputs(),
            Some(Path::new("amplify/backend/auth/c/cli-inputs.json"))
        );
    }
}
