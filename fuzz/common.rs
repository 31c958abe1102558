//! What the fuzz targets share.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::amplify::{self, AuthFlags};
use coglint_frontend::cloudformation::{self, TemplateInputs};
use coglint_frontend::serverless::{self, IncludeError, Includes};
use coglint_linter::config::{self, Config};
use coglint_linter::{scan, ScanOptions};
use coglint_report::{render, step_summary, Format, ReportOptions};
use coglint_rules::{all_rules, Settings};
use coglint_source::FileId;
use coglint_syntax::{Document, Node};

#[path = "layout.rs"]
pub mod layout;

/// Lowers a template and runs every rule on it, if it is one.
pub fn check_template(root: &Node, inputs: &TemplateInputs) {
    if cloudformation::is_template(root) {
        let model = cloudformation::lower(FileId(0), root, inputs);
        let _ = coglint_rules::check(&model, all_rules(), &Settings::default());
    }
}

/// Everything a parsed YAML or JSON document can be checked as, in memory: a template; a
/// Serverless service assembled into one, whose every `${file(...)}` of a YAML or JSON path
/// includes the document itself (so includes, keys into them and cycles are exercised); an
/// Amplify auth `cli-inputs.json`, turned into the template the Amplify CLI would generate.
pub fn check_document(doc: &Arc<Document>) {
    let root = &doc.root;
    check_template(root, &TemplateInputs::default());
    if serverless::is_service(root) {
        let mut includes = SelfInclude(doc.clone());
        let service = serverless::assemble(Path::new("."), root, &mut includes);
        let inputs = TemplateInputs {
            variables: service.variables,
            ..TemplateInputs::default()
        };
        check_template(&service.template, &inputs);
    }
    for use_enabled_mfas in [true, false] {
        if let Some(template) = amplify::auth_template_with(root, AuthFlags { use_enabled_mfas }) {
            check_template(&template, &TemplateInputs::default());
        }
    }
}

/// Includes that give the including document for every YAML or JSON path.
struct SelfInclude(Arc<Document>);

impl Includes for SelfInclude {
    fn load(&mut self, _from_dir: &Path, path: &str) -> Result<Arc<Document>, IncludeError> {
        let path = path.to_ascii_lowercase();
        if [".yml", ".yaml", ".json"].iter().any(|e| path.ends_with(e)) {
            Ok(self.0.clone())
        } else if path.ends_with(".js") || path.ends_with(".ts") {
            Err(IncludeError::Computed(path))
        } else {
            Err(IncludeError::Unreadable(path))
        }
    }
}

/// Writes the project that `data` makes (see layout.rs) into a fresh directory, and checks it
/// as `coglint check` does: with the coglint.toml found there, every rule's report rendered in
/// every format and the job summary.
pub fn scan_bytes(data: &[u8]) {
    let dir = std::env::temp_dir().join(format!("coglint-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    if let Ok(Some(_)) = layout::write(&dir, data) {
        scan_dir(&dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn scan_dir(dir: &Path) {
    let mut config = match config::find(dir) {
        Some(path) => match config::load(&path) {
            Ok(config) => config,
            // A configuration that cannot be read stops the CLI before the scan.
            Err(_) => return,
        },
        None => Config::default(),
    };
    let _ = config::show(&config);
    if config.choose_from_flags(&[], &[]).is_err() {
        return;
    }
    let options = ScanOptions {
        paths: vec![dir.to_path_buf()],
        rules: config.rules,
        settings: config.settings,
        severities: config.severities,
        parameter_files: config.parameters,
        config_env: Some("default".to_string()),
        ..ScanOptions::default()
    };
    let result = scan(&options);
    let report = ReportOptions {
        color: true,
        show_unknown: true,
        root: PathBuf::from("/"),
        fail_on: coglint_rules::Severity::Low,
        width: 80,
        absolute_uris: false,
    };
    for format in Format::ALL {
        let _ = render(&result, format, &report);
    }
    let _ = step_summary(&result, &report);
}
