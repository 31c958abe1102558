//! The parameter values each template is deployed with, from the files its project keeps
//! them in, weakest first: Amplify's `parameters.json` (with the environments of
//! `team-provider-info.json`), samconfig's `parameter_overrides`, the files coglint.toml maps
//! to the template, and last `--parameters`. Each file is read once, and a file that cannot be
//! used is reported once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::cloudformation::{
    plain_values, read_parameters, ParameterValues, SuppliedParameters,
};
use coglint_source::Span;
use coglint_syntax::Document;

use super::{amplify, sam, Files};
use crate::problem::{Problem, ProblemKind};
use crate::scan::{parse, ScanOptions};

/// How a parameters file is read.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    /// `--parameters` and coglint.toml: the CLI list, the CodePipeline object, a plain object.
    Strict,
    /// A tool's own file (Amplify): scalars and lists, other entries passed over.
    Plain,
    /// A samconfig's `parameter_overrides` for the environment of the run.
    Sam,
}

pub(crate) struct Sources<'o> {
    options: &'o ScanOptions,
    values: HashMap<(PathBuf, Form), Option<ParameterValues>>,
    documents: HashMap<PathBuf, Option<Arc<Document>>>,
}

impl<'o> Sources<'o> {
    pub fn new(options: &'o ScanOptions) -> Self {
        Self {
            options,
            values: HashMap::new(),
            documents: HashMap::new(),
        }
    }

    /// The parsed document of a parameters file, read once; a problem the first time it fails.
    fn document(
        &mut self,
        path: &Path,
        files: &mut Files,
        problems: &mut Vec<Problem>,
    ) -> Option<Arc<Document>> {
        if let Some(doc) = self.documents.get(path) {
            return doc.clone();
        }
        let doc = match files.read(path) {
            Ok((id, text)) => match parse(path, id, &text, self.options.limits) {
                Ok(doc) => {
                    files.keep(id);
                    Some(Arc::new(doc))
                }
                Err(err) => {
                    files.keep(id);
                    let mut problem = crate::scan::syntax_problem(path, id, err);
                    problem.kind = ProblemKind::Parameters;
                    problems.push(problem);
                    None
                }
            },
            Err(mut problem) => {
                if problem.kind != ProblemKind::OutsideRoots {
                    problem.kind = ProblemKind::Parameters;
                }
                problems.push(problem);
                None
            }
        };
        self.documents.insert(path.to_path_buf(), doc.clone());
        doc
    }

    fn values(
        &mut self,
        path: &Path,
        form: Form,
        files: &mut Files,
        problems: &mut Vec<Problem>,
    ) -> Option<ParameterValues> {
        let key = (path.to_path_buf(), form);
        if let Some(values) = self.values.get(&key) {
            return values.clone();
        }
        let values = match form {
            Form::Sam => self.samconfig(path, files, problems),
            Form::Plain | Form::Strict => {
                self.document(path, files, problems)
                    .and_then(|doc| match form {
                        Form::Plain => Some(plain_values(&doc.root)),
                        Form::Sam => None,
                        Form::Strict => match read_parameters(&doc.root) {
                            Ok(values) => Some(values),
                            Err(e) => {
                                problems.push(
                                    Problem::new(ProblemKind::Parameters, path, e.message)
                                        .at(Span::new(doc.root.file, e.range)),
                                );
                                None
                            }
                        },
                    })
            }
        };
        self.values.insert(key, values.clone());
        values
    }

    /// The `parameter_overrides` of a samconfig, for the environment of the run.
    fn samconfig(
        &self,
        path: &Path,
        files: &mut Files,
        problems: &mut Vec<Problem>,
    ) -> Option<ParameterValues> {
        let environment = self.options.config_env.as_deref().unwrap_or("default");
        let (id, text) = match files.read(path) {
            Ok(read) => read,
            Err(problem) => {
                problems.push(problem);
                return None;
            }
        };
        match sam::read(path, id, &text, environment) {
            Ok(values) => {
                if !values.is_empty() {
                    files.keep(id);
                }
                Some(values)
            }
            Err((message, range)) => {
                files.keep(id);
                problems.push(
                    Problem::new(ProblemKind::Parameters, path, message).at(Span::new(id, range)),
                );
                None
            }
        }
    }

    /// The values every template gets: `--parameters`.
    pub fn global(&mut self, files: &mut Files, problems: &mut Vec<Problem>) -> SuppliedParameters {
        let mut supplied = SuppliedParameters::default();
        self.add_global(&mut supplied, files, problems);
        supplied
    }

    fn add_global(
        &mut self,
        supplied: &mut SuppliedParameters,
        files: &mut Files,
        problems: &mut Vec<Problem>,
    ) {
        if let Some(path) = self.options.parameters.clone() {
            if let Some(values) = self.values(&path, Form::Strict, files, problems) {
                supplied.add(values);
            }
        }
    }

    /// The values the project gives the template at `path`.
    pub fn for_template(
        &mut self,
        path: &Path,
        files: &mut Files,
        problems: &mut Vec<Problem>,
    ) -> SuppliedParameters {
        let mut supplied = SuppliedParameters::default();
        if let Some(backend) = amplify::backend_path(path) {
            self.amplify(&backend, path, files, problems, &mut supplied);
        }
        if let Some(config) = sam::config_for(path) {
            if let Some(values) = self.values(&config, Form::Sam, files, problems) {
                supplied.add(values);
            }
        }
        let mapped: Vec<PathBuf> = self
            .options
            .parameter_files
            .iter()
            .filter(|m| m.matches(path))
            .map(|m| m.file.clone())
            .collect();
        for file in mapped {
            if let Some(values) = self.values(&file, Form::Strict, files, problems) {
                supplied.add(values);
            }
        }
        self.add_global(&mut supplied, files, problems);
        supplied
    }

    /// Amplify: `parameters.json` beside the template, then each environment's overrides.
    fn amplify(
        &mut self,
        backend: &amplify::BackendPath,
        template: &Path,
        files: &mut Files,
        problems: &mut Vec<Problem>,
        supplied: &mut SuppliedParameters,
    ) {
        let beside = template.with_file_name("parameters.json");
        let parameters = if beside.is_file() {
            beside
        } else {
            backend.resource_dir().join("parameters.json")
        };
        if parameters.is_file() {
            if let Some(values) = self.values(&parameters, Form::Plain, files, problems) {
                supplied.add(values);
            }
        }
        let team = backend.amplify.join("team-provider-info.json");
        if !team.is_file() {
            return;
        }
        let Some(doc) = self.document(&team, files, problems) else {
            return;
        };
        let environments: Vec<(&str, ParameterValues)> = doc
            .root
            .entries()
            .unwrap_or(&[])
            .iter()
            .map(|env| {
                let values = env
                    .value
                    .get("categories")
                    .and_then(|c| c.get(&backend.category))
                    .and_then(|c| c.get(&backend.resource))
                    .map(plain_values)
                    .unwrap_or_default();
                (env.key.text.as_str(), values)
            })
            .collect();
        // Environments are scenarios only when one of them sets something of its own.
        if environments.iter().any(|(_, values)| !values.is_empty()) {
            for (name, values) in environments {
                supplied.add_environment(name, values);
            }
        }
    }
}
