//! Serverless Framework services in the project: the files a service includes are read through
//! the scan's file table (once, inside the scanned roots), and belong to the service: a file
//! that a service includes is not checked again on its own.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use coglint_frontend::cloudformation::Variables;
use coglint_frontend::serverless::{self as sls, IncludeError, Includes};
use coglint_source::FileId;
use coglint_syntax::{Document, Node};

use super::{duplicate_keys, Files, Read};
use crate::problem::{Problem, ProblemKind};
use crate::scan::{parse, syntax_problem, ScanOptions};

/// A service assembled into one template.
pub(crate) struct Assembled {
    pub template: Node,
    pub variables: Variables,
    /// The files the service includes.
    pub included: Vec<FileId>,
    pub problems: Vec<Problem>,
}

/// Extensions of files the Framework evaluates as code (`${file(config.js):value}`): their
/// values are known only when it runs.
const SCRIPTS: &[&str] = &["js", "cjs", "mjs", "ts"];

struct Loader<'a> {
    /// Documents parsed when the scan first read the discovered files.
    docs: &'a HashMap<FileId, Arc<Document>>,
    files: &'a mut Files,
    options: &'a ScanOptions,
    included: Vec<FileId>,
    problems: Vec<Problem>,
    parsed: HashMap<FileId, Result<Arc<Document>, IncludeError>>,
}

impl Includes for Loader<'_> {
    fn load(&mut self, from_dir: &Path, path: &str) -> Result<Arc<Document>, IncludeError> {
        let target = from_dir.join(path);
        let extension = target
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if SCRIPTS.contains(&extension.as_str()) {
            return Err(IncludeError::Computed(format!(
                "`{path}` is code that the Serverless Framework runs; coglint does not"
            )));
        }
        // Not `is_file`: a named pipe or a directory is refused by the read, and said so.
        if !target.exists() {
            return Err(IncludeError::Unreadable(format!(
                "`{}` does not exist",
                target.display()
            )));
        }
        let (id, text) = match self.files.read(&target) {
            Ok(read) => read,
            Err(problem) => return Err(IncludeError::Unreadable(problem.message)),
        };
        if let Some(done) = self.parsed.get(&id) {
            return done.clone();
        }
        self.files.keep(id);
        self.included.push(id);
        // Said of the file as the scan first named it (`z/serverless.yml`, not
        // `a/../z/serverless.yml`): a problem of a file that is also a service is then the same
        // problem, and said once.
        let shown = self.files.path(id).to_path_buf();
        let result = match self.docs.get(&id) {
            Some(doc) => Ok(Arc::clone(doc)),
            None => match parse(&shown, id, &text, self.options.limits) {
                Ok(doc) => {
                    self.problems.extend(duplicate_keys(&shown, &doc));
                    Ok(Arc::new(doc))
                }
                Err(err) => {
                    self.problems.push(syntax_problem(&shown, id, err));
                    Err(IncludeError::Unreadable(
                        "it is not valid YAML or JSON".to_string(),
                    ))
                }
            },
        };
        self.parsed.insert(id, result.clone());
        result
    }
}

/// Assembles the service `read` (at `path`), reading what it includes.
pub(crate) fn assemble(
    path: &Path,
    read: &Read,
    docs: &HashMap<FileId, Arc<Document>>,
    files: &mut Files,
    options: &ScanOptions,
) -> Assembled {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut loader = Loader {
        docs,
        files,
        options,
        included: Vec::new(),
        problems: duplicate_keys(path, &read.doc),
        parsed: HashMap::new(),
    };
    let service = sls::assemble(&dir, &read.doc.root, &mut loader);
    let mut problems = loader.problems;
    for problem in service.problems {
        let shown = loader.files.path(problem.at.file).to_path_buf();
        problems.push(Problem::new(ProblemKind::Include, shown, problem.message).at(problem.at));
    }
    Assembled {
        template: service.template,
        variables: service.variables,
        included: loader.included,
        problems,
    }
}
