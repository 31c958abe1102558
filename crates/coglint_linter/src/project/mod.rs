//! Project conventions: which of the discovered files form one unit, and with which inputs.
//! A unit is what must be read together to decide values: a template with its parameter
//! sources (a parameters file, samconfig, Amplify's parameters.json and environments) and, for
//! a CDK stack, its constructs; a Serverless service with the files it includes; a lone
//! one-resource file; an Amplify auth resource known only by its `cli-inputs.json`. Terraform
//! roots are planned by `crate::terraform`. New conventions are added here and nowhere else.

pub(crate) mod amplify;
pub(crate) mod files;
pub(crate) mod parameters;
pub(crate) mod sam;
pub(crate) mod serverless;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::cloudformation::{self, TemplateInputs};
use coglint_frontend::serverless as sls;
use coglint_source::{FileId, Span, TextRange};
use coglint_syntax::{Document, Entry, Key, Node, NodeKind};
use rayon::prelude::*;

use crate::problem::{Problem, ProblemKind};
use crate::read::{read_text, Roots};
use crate::scan::{has, mentions_cognito, parse, syntax_problem, ScanOptions};
pub(crate) use files::Files;

/// What a discovered YAML or JSON file turned out to be.
pub(crate) enum Class {
    /// A CloudFormation template (SAM and Amplify's included).
    Template,
    /// A Serverless Framework service.
    Service,
    /// One resource alone (`Type: AWS::Cognito::...` and `Properties` at the top), as Serverless
    /// projects keep them for `${file()}`.
    Fragment,
    /// An Amplify auth resource's `cli-inputs.json`, checked when no template is committed.
    CliInputs,
}

/// A discovered file, read and parsed, with what it is.
pub(crate) struct Read {
    pub id: FileId,
    pub class: Class,
    pub doc: Arc<Document>,
}

/// The outcome of reading one discovered file.
#[derive(Default)]
pub(crate) struct ReadOutcome {
    pub read: Option<Read>,
    /// The text, when the file is read for itself (a unit, or a problem in it): the services
    /// pass keeps it for the report; the other pass keeps it only if the report points into it.
    pub text: Option<Arc<str>>,
    pub problems: Vec<Problem>,
}

/// How a file found by the walk is to be read, decided from its path alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A `.tf`, `.tf.json` or `.tfvars` file.
    Terraform,
    /// A YAML or JSON file that may be a template, a service or a fragment, decided by content.
    Candidate,
    /// An Amplify auth `cli-inputs.json` to check in place of a template.
    CliInputs,
    /// Read only as another unit's input (parameters.json, samconfig) or a generated copy
    /// (Amplify's build/ and #current-cloud-backend/): not checked on its own.
    Input,
}

/// The role of each discovered file (same order as `paths`).
pub(crate) fn roles(paths: &[(PathBuf, bool)]) -> Vec<Role> {
    let amplify = amplify::group(paths.iter().map(|(p, _)| p.as_path()));
    let mut checked: HashSet<PathBuf> = HashSet::new();
    let mut inputs: HashSet<PathBuf> = HashSet::new();
    let mut cli_inputs: HashSet<PathBuf> = HashSet::new();
    for (dir, resource) in &amplify {
        let (templates, _) = resource.checked_templates(dir);
        checked.extend(templates);
        if let Some(path) = resource.checked_cli_inputs() {
            cli_inputs.insert(path.to_path_buf());
        }
        inputs.extend(resource.templates.iter().cloned());
        inputs.extend(resource.build_templates.iter().cloned());
        inputs.extend(resource.others.iter().cloned());
        inputs.extend(resource.cli_inputs.iter().cloned());
    }
    paths
        .iter()
        .map(|(path, explicit)| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if crate::terraform::is_tf(path) || crate::terraform::is_tfvars(path) {
                Role::Terraform
            } else if cli_inputs.contains(path) {
                Role::CliInputs
            } else if checked.contains(path) || *explicit {
                Role::Candidate
            } else if inputs.contains(path)
                || amplify::is_cloud_copy(path)
                || name == "team-provider-info.json"
                || sam::CONFIG_NAMES.contains(&name)
            {
                Role::Input
            } else {
                Role::Candidate
            }
        })
        .collect()
}

/// Whether `text` may be a Serverless service: `service` and `provider` at the top level.
fn may_be_service(text: &str) -> bool {
    let top = |key: &str| {
        text.starts_with(&format!("{key}:"))
            || has(text, &format!("\n{key}:"))
            || has(text, &format!("\"{key}\""))
    };
    top("service") && top("provider")
}

/// Whether a document is one resource alone, of a Cognito type, with its properties.
fn is_fragment(root: &Node) -> bool {
    root.get("Properties")
        .and_then(Node::entries)
        .is_some_and(|p| !p.is_empty())
        && root
            .get("Type")
            .and_then(Node::as_str)
            .is_some_and(|t| t.starts_with("AWS::Cognito::"))
}

/// Which files a pass over the candidates reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    /// Serverless services alone: planned first, since what they include is theirs.
    Services,
    /// Everything else (templates, fragments, cli-inputs), each checked as it is read.
    Rest,
}

/// Reads one discovered YAML or JSON file and decides what it is. Most files of a repository
/// are not worth parsing: a template needs a `Resources` section and, to hold anything the
/// rules read, a mention of Cognito; a service is parsed whenever it may be one, since the
/// Cognito resources may sit in the files it includes. The `Services` pass says nothing of
/// the files that are not services: the other pass reads them again.
pub(crate) fn read_candidate(
    candidate: &Candidate,
    options: &ScanOptions,
    roots: &Roots,
    pass: Pass,
) -> ReadOutcome {
    let Candidate {
        path,
        id,
        explicit,
        role,
    } = candidate;
    let (path, id, explicit, role) = (path.as_path(), *id, *explicit, *role);
    let mut outcome = ReadOutcome::default();
    let text = match read_text(path, explicit, roots) {
        Ok(Some(text)) => text,
        Ok(None) => return outcome,
        Err(problem) => {
            outcome.problems.push(problem);
            return outcome;
        }
    };
    let cognito = mentions_cognito(&text);
    let service = role != Role::CliInputs && may_be_service(&text);
    if pass == Pass::Services && !service {
        return outcome;
    }
    let fragment = cognito && has(&text, "Properties");
    let template = cognito && has(&text, "Resources");
    let text: Arc<str> = Arc::from(text);
    if role != Role::CliInputs && !service && !fragment && !template {
        return outcome;
    }
    let doc = match parse(path, id, &text, options.limits) {
        Ok(doc) => doc,
        Err(_) if pass == Pass::Services => return outcome,
        Err(err) => {
            if explicit || role == Role::CliInputs || cloudformation::looks_like_template(&text) {
                outcome.problems.push(syntax_problem(path, id, err));
                outcome.text = Some(text);
            }
            return outcome;
        }
    };
    let is_service = service && sls::is_service(&doc.root);
    if pass == Pass::Services && !is_service {
        return outcome;
    }
    if let Some(next) = doc.next_document {
        // The second document may be the template (a stream that starts with something else):
        // said, whatever the first one is.
        outcome.problems.push(
            Problem::new(
                ProblemKind::ExtraDocuments,
                path,
                "a second YAML document starts here: coglint reads only the first document of a file, as CloudFormation takes one template per file; this one and any after it are not checked",
            )
            .at(Span::new(id, next)),
        );
        outcome.text = Some(Arc::clone(&text));
    }
    let class = if role == Role::CliInputs {
        Class::CliInputs
    } else if is_service {
        Class::Service
    } else if template && cloudformation::is_template(&doc.root) {
        Class::Template
    } else if fragment && is_fragment(&doc.root) {
        Class::Fragment
    } else {
        return outcome;
    };
    outcome.text = Some(text);
    outcome.read = Some(Read {
        id,
        class,
        doc: Arc::new(doc),
    });
    outcome
}

/// What the rules check: a CloudFormation template, however it was assembled.
pub(crate) struct Unit {
    /// The file the unit is named after (the template, the service, the cli-inputs.json).
    pub file: FileId,
    pub root: UnitRoot,
    pub inputs: TemplateInputs,
}

pub(crate) enum UnitRoot {
    Document(Arc<Document>),
    Assembled(Node),
}

impl Unit {
    pub fn root(&self) -> &Node {
        match &self.root {
            UnitRoot::Document(doc) => &doc.root,
            UnitRoot::Assembled(node) => node,
        }
    }
}

/// The units of a scan and the problems met while planning them.
#[derive(Default)]
pub(crate) struct Plan {
    pub units: Vec<Unit>,
    /// The files the services include: not checked alone.
    pub included: BTreeSet<FileId>,
    pub problems: Vec<Problem>,
    /// Serverless services among the units.
    pub services: usize,
}

/// Plans the Serverless services read by the first pass, with the files they include (which
/// are then not checked alone).
pub(crate) fn plan_services(
    reads: Vec<Read>,
    files: &mut Files,
    params: &mut parameters::Sources<'_>,
    options: &ScanOptions,
) -> Plan {
    let mut plan = Plan::default();
    let docs: HashMap<FileId, Arc<Document>> =
        reads.iter().map(|r| (r.id, Arc::clone(&r.doc))).collect();
    for read in reads.iter().filter(|r| matches!(r.class, Class::Service)) {
        let path = files.path(read.id).to_path_buf();
        let service = serverless::assemble(&path, read, &docs, files, options);
        plan.included.extend(service.included.iter().copied());
        plan.problems.extend(service.problems);
        plan.problems.extend(condition_problems(
            |id| files.path(id).to_path_buf(),
            &service.template,
        ));
        let mut inputs = TemplateInputs {
            variables: service.variables,
            ..TemplateInputs::default()
        };
        inputs.parameters = params.global(files, &mut plan.problems);
        plan.services += 1;
        plan.units.push(Unit {
            file: read.id,
            root: UnitRoot::Assembled(service.template),
            inputs,
        });
    }
    plan
}

/// What a unit needs from the project around it, read under one lock by the threads that
/// check templates: the file table and the parameter sources (each read once).
pub(crate) struct Planner<'o> {
    pub files: Files,
    pub params: parameters::Sources<'o>,
}

/// Plans the unit of a template, fragment or `cli-inputs.json` read at `path` (not a
/// service, not included by one).
pub(crate) fn plan_one(
    read: &Read,
    path: &Path,
    planner: &std::sync::Mutex<Planner<'_>>,
    constructs: cloudformation::Constructs,
    problems: &mut Vec<Problem>,
) -> Option<Unit> {
    // The project's files, under the lock; the template itself, outside it.
    let (root, parameters) = {
        let mut guard = planner.lock().unwrap_or_else(|e| e.into_inner());
        let Planner { files, params } = &mut *guard;
        match read.class {
            Class::Service => return None,
            Class::Template => (
                UnitRoot::Document(Arc::clone(&read.doc)),
                params.for_template(path, files, problems),
            ),
            Class::Fragment => (
                UnitRoot::Assembled(wrap_fragment(path, &read.doc.root)),
                params.global(files, problems),
            ),
            Class::CliInputs => {
                let flags = amplify::auth_flags(path, files);
                let template =
                    coglint_frontend::amplify::auth_template_with(&read.doc.root, flags)?;
                (
                    UnitRoot::Assembled(template),
                    params.global(files, problems),
                )
            }
        }
    };
    problems.extend(duplicate_keys(path, &read.doc));
    if matches!(read.class, Class::Template) {
        problems.extend(condition_problems(|_| path.to_path_buf(), &read.doc.root));
    }
    Some(Unit {
        file: read.id,
        root,
        inputs: TemplateInputs {
            parameters,
            constructs,
            variables: Default::default(),
        },
    })
}

/// A lone resource as a template of one resource, named after its file.
fn wrap_fragment(path: &Path, root: &Node) -> Node {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Resource".to_string());
    // The header of the resource is its `Type` line: where a reader looks for it.
    let header = root
        .entry("Type")
        .map(|e| e.key.range)
        .unwrap_or(TextRange::empty(root.range.start));
    let key = |text: &str, range| Key {
        text: text.to_string(),
        file: root.file,
        range,
    };
    let mapping = |entries| Node {
        file: root.file,
        range: root.range,
        kind: NodeKind::Mapping(entries),
    };
    mapping(vec![Entry {
        key: key("Resources", header),
        value: mapping(vec![Entry {
            key: key(&name, header),
            value: root.clone(),
        }]),
    }])
}

/// The conditions a template (at `path`) names that cannot be evaluated (not defined, or in
/// a cycle).
fn condition_problems(path_of: impl Fn(FileId) -> PathBuf, root: &Node) -> Vec<Problem> {
    cloudformation::condition_problems(root)
        .into_iter()
        .map(|p| {
            Problem::new(ProblemKind::InvalidCondition, path_of(p.at.file), p.message).at(p.at)
        })
        .collect()
}

/// The keys written twice in a document (CloudFormation rejects the template).
pub(crate) fn duplicate_keys(path: &Path, doc: &Document) -> Vec<Problem> {
    let file = doc.root.file;
    doc.duplicate_keys
        .iter()
        .map(|dup| {
            let mut problem = Problem::new(
                ProblemKind::DuplicateKey,
                path,
                format!(
                    "duplicate key `{}`: CloudFormation rejects the template",
                    dup.key
                ),
            )
            .at(Span::new(file, dup.second));
            problem.related.push(coglint_rules::Label {
                span: Span::new(file, dup.first),
                message: "first written here".to_string(),
            });
            problem
        })
        .collect()
}

/// A discovered file to read.
pub(crate) struct Candidate {
    pub path: PathBuf,
    pub id: FileId,
    /// Named on the command line.
    pub explicit: bool,
    pub role: Role,
}

/// Reads every candidate in parallel for the services; the outcomes in the order of
/// `candidates`.
pub(crate) fn read_services(
    candidates: &[Candidate],
    options: &ScanOptions,
    roots: &Roots,
) -> Vec<ReadOutcome> {
    candidates
        .par_iter()
        .map(|candidate| read_candidate(candidate, options, roots, Pass::Services))
        .collect()
}
