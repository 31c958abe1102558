//! One scan: every file read once, parsed and checked in parallel, results merged in path order
//! so the output does not depend on the number of threads.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::cloudformation::{self, Constructs, SuppliedParameters};
use coglint_rules::{Finding, Label, Rule, Settings, UnknownValue};
use coglint_source::{FileId, SourceDb, Span};
use coglint_syntax::{parse_json, parse_yaml, Document, Limits, SyntaxError, SyntaxErrorKind};
use rayon::prelude::*;

use crate::cdk;
use crate::discover::discover;
use crate::problem::{Problem, ProblemKind};
use crate::suppress::{self, ResourceSite};
use crate::terraform;
use coglint_frontend::terraform::TfFile;

/// Larger files are not read (CloudFormation itself accepts templates of at most 1 MB).
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    /// A `--parameters` file: values for template parameters.
    pub parameters: Option<PathBuf>,
    pub settings: Settings,
    pub rules: Vec<&'static dyn Rule>,
    pub limits: Limits,
    /// Terraform `-var NAME=VALUE` values, for root modules.
    pub vars: Vec<(String, String)>,
    /// Terraform `--var-file` files, for root modules, after tfvars and `*.auto.tfvars`.
    pub var_files: Vec<PathBuf>,
    /// Honour suppressions (inline comments and resource metadata); off for audits.
    pub suppressions: bool,
    /// Severity overrides by rule code (from `coglint.toml`).
    pub severities: std::collections::HashMap<&'static str, coglint_rules::Severity>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            paths: vec![PathBuf::from(".")],
            parameters: None,
            settings: Settings::default(),
            rules: coglint_rules::all_rules().to_vec(),
            limits: Limits::default(),
            vars: Vec::new(),
            var_files: Vec::new(),
            suppressions: true,
            severities: Default::default(),
        }
    }
}

/// Everything a reporter needs.
#[derive(Debug, Default)]
pub struct ScanResult {
    pub sources: SourceDb,
    /// Sorted by file, then position, then rule code.
    pub findings: Vec<Finding>,
    pub problems: Vec<Problem>,
    pub unknowns: Vec<UnknownValue>,
    /// Files read, how many of them were CloudFormation templates, and how many Terraform root
    /// modules were evaluated.
    pub files_scanned: usize,
    pub templates: usize,
    pub terraform_modules: usize,
}

impl ScanResult {
    /// Whether an input problem (not a warning) occurred: exit code 2.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.kind.is_error())
    }
}

/// The outcome of one file, before it is merged.
#[derive(Default)]
struct FileOutcome {
    /// The text, kept only when something points into it.
    text: Option<Arc<str>>,
    findings: Vec<Finding>,
    problems: Vec<Problem>,
    unknowns: Vec<UnknownValue>,
    is_template: bool,
    /// The template's Cognito resources, for suppressions.
    resources: Vec<ResourceSite>,
    /// A parsed `.tf` or `.tfvars` file, checked with its module after every file is read.
    terraform: Option<TfFile>,
}

pub fn scan(options: &ScanOptions) -> ScanResult {
    let discovered = discover(&options.paths);
    let mut problems = discovered.problems;
    let mut files = discovered.files;
    let assembly_dirs = discovered.assemblies;
    // CDK cloud assemblies: their templates are scanned even where .gitignore hides cdk.out,
    // and each template once, however many ways it is reached.
    let assemblies = cdk::find(&assembly_dirs);
    problems.extend(assemblies.problems.iter().cloned());
    let mut known: HashSet<PathBuf> = files.iter().map(|(p, _)| cdk::normalize(p)).collect();
    for template in &assemblies.templates {
        if known.insert(template.clone()) {
            files.push((template.clone(), false));
        }
    }
    files.sort();
    files.dedup_by(|a, b| cdk::normalize(&a.0) == cdk::normalize(&b.0));

    // The parameters file, if any, takes the id after the last scanned file.
    let params_id = FileId(u32::try_from(files.len()).unwrap_or(u32::MAX));
    let mut params_text = None;
    let supplied = match &options.parameters {
        None => SuppliedParameters::default(),
        Some(path) => match read_parameters(path, params_id, options.limits) {
            Ok((supplied, text)) => {
                params_text = Some(text);
                supplied
            }
            Err((problem, text)) => {
                params_text = text;
                problems.push(problem);
                SuppliedParameters::default()
            }
        },
    };

    // Source files that CDK creation stack traces point into come after the parameters file.
    let first_source = files.len() + usize::from(options.parameters.is_some());
    let (constructs, cdk_sources) = cdk::resolve(&assemblies, &options.paths, first_source);
    let no_constructs = Constructs::default();

    let outcomes: Vec<FileOutcome> = files
        .par_iter()
        .enumerate()
        .map(|(i, (path, explicit))| {
            let id = FileId(u32::try_from(i).unwrap_or(u32::MAX));
            let constructs = constructs
                .get(&cdk::normalize(path))
                .unwrap_or(&no_constructs);
            scan_file(path, *explicit, id, &supplied, constructs, options)
        })
        .collect();

    let mut result = ScanResult {
        files_scanned: files.len(),
        ..ScanResult::default()
    };
    let mut tf_files = Vec::new();
    let mut resources = Vec::new();
    for ((path, _), mut outcome) in files.iter().zip(outcomes) {
        tf_files.extend(outcome.terraform.take());
        resources.append(&mut outcome.resources);
        result
            .sources
            .add(path.clone(), outcome.text.unwrap_or_else(|| Arc::from("")));
        result.findings.extend(outcome.findings);
        problems.extend(outcome.problems);
        result.unknowns.extend(outcome.unknowns);
        result.templates += usize::from(outcome.is_template);
    }
    if let Some(path) = &options.parameters {
        result
            .sources
            .add(path.clone(), params_text.unwrap_or_else(|| Arc::from("")));
    }
    for (path, text) in cdk_sources {
        result.sources.add(path, text);
    }
    if !tf_files.is_empty() {
        let first_free = u32::try_from(result.sources.len()).unwrap_or(u32::MAX);
        let tf = terraform::check(tf_files, first_free, options);
        // Sibling .tf files, called modules and var files are read too (some of them found by
        // the walk, but not parsed then).
        result.files_scanned += tf
            .extra_files
            .iter()
            .filter(|(path, _)| !known.contains(&cdk::normalize(path)))
            .count();
        for (path, text) in tf.extra_files {
            result.sources.add(path, text);
        }
        result.findings.extend(tf.findings);
        result.unknowns.extend(tf.unknowns);
        problems.extend(tf.problems);
        result.terraform_modules = tf.modules;
        resources.extend(tf.resources);
    }
    for finding in &mut result.findings {
        if let Some(severity) = options.severities.get(finding.rule.code) {
            finding.severity = *severity;
        }
    }
    if options.suppressions {
        let findings = std::mem::take(&mut result.findings);
        result.findings = suppress::apply(findings, &resources, &result.sources, &mut problems);
    }
    result.findings.sort_by(|a, b| {
        (
            a.primary.span.file,
            a.primary.span.range.start,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                b.primary.span.file,
                b.primary.span.range.start,
                b.rule.code,
                &b.message,
            ))
    });
    problems.sort_by(|a, b| {
        (&a.path, a.span.map(|s| s.range.start), a.kind).cmp(&(
            &b.path,
            b.span.map(|s| s.range.start),
            b.kind,
        ))
    });
    result.problems = problems;
    result
        .unknowns
        .sort_by(|a, b| (a.at, a.rule).cmp(&(b.at, b.rule)));
    result
        .unknowns
        .dedup_by(|a, b| a.at == b.at && a.rule == b.rule && a.reason == b.reason);
    result
}

/// Reads a file as UTF-8 text within the size limit.
pub(crate) fn read_text(path: &Path, explicit: bool) -> Result<Option<String>, Problem> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Problem::new(ProblemKind::Io, path, format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_SIZE {
        let mib = meta.len() / (1024 * 1024);
        let limit = MAX_FILE_SIZE / (1024 * 1024);
        return Err(Problem::new(
            ProblemKind::TooLarge,
            path,
            format!("file is {mib} MiB, larger than the {limit} MiB limit; not scanned"),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Problem::new(ProblemKind::Io, path, format!("cannot read: {e}")))?;
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return if explicit {
            Err(Problem::new(
                ProblemKind::Encoding,
                path,
                "binary file (it contains NUL bytes); not scanned",
            ))
        } else {
            Ok(None)
        };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
            let lossy = String::from_utf8_lossy(bytes);
            if explicit || cloudformation::looks_like_template(&lossy) {
                Err(Problem::new(
                    ProblemKind::Encoding,
                    path,
                    format!("not valid UTF-8 (first invalid byte at line {line}, byte offset {offset}); templates must be UTF-8"),
                ))
            } else {
                Ok(None)
            }
        }
    }
}

/// Whether `text` mentions Cognito: `AWS::Cognito::UserPool`, `cognito-idp.amazonaws.com`.
pub(crate) fn mentions_cognito(text: &str) -> bool {
    text.contains("ognito") || text.contains("OGNITO")
}

fn is_json(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => true,
        Some(e) if e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml") => false,
        // `.template` and others: JSON templates start with `{`.
        _ => text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{'),
    }
}

fn parse(path: &Path, file: FileId, text: &str, limits: Limits) -> Result<Document, SyntaxError> {
    if is_json(path, text) {
        parse_json(file, text, limits)
    } else {
        parse_yaml(file, text, limits)
    }
}

pub(crate) fn syntax_problem(path: &Path, file: FileId, err: SyntaxError) -> Problem {
    let what = match err.kind {
        SyntaxErrorKind::Malformed => "syntax error",
        SyntaxErrorKind::TooDeep => "nesting limit",
        SyntaxErrorKind::AliasExpansion => "alias limit",
        SyntaxErrorKind::Unsupported => "unsupported",
    };
    Problem::new(
        ProblemKind::Syntax,
        path,
        format!("{what}: {}", err.message),
    )
    .at(Span::new(file, err.range))
}

fn scan_file(
    path: &Path,
    explicit: bool,
    file: FileId,
    supplied: &SuppliedParameters,
    constructs: &Constructs,
    options: &ScanOptions,
) -> FileOutcome {
    let mut outcome = FileOutcome::default();
    if terraform::is_tf(path) || terraform::is_tfvars(path) {
        let text = match terraform::read_tf(path) {
            Ok(text) => text,
            Err((problem, _)) => {
                outcome.problems.push(problem);
                return outcome;
            }
        };
        if !terraform::worth_parsing(path, &text) {
            return outcome;
        }
        match terraform::parse_tf(path, file, text, options.limits) {
            Ok(tf) => {
                outcome.text = Some(Arc::clone(&tf.text));
                outcome.terraform = Some(tf);
            }
            Err((problem, text)) => {
                outcome.text = text;
                outcome.problems.push(problem);
            }
        }
        return outcome;
    }
    let text = match read_text(path, explicit) {
        Ok(Some(text)) => text,
        Ok(None) => return outcome,
        Err(problem) => {
            outcome.problems.push(problem);
            return outcome;
        }
    };
    // Most YAML and JSON files of a repository are not worth parsing: a template needs a
    // `Resources` section, and a template that never mentions Cognito holds nothing the rules
    // read (every resource they read is a Cognito type or names a Cognito service principal).
    if !text.contains("Resources") || !mentions_cognito(&text) {
        return outcome;
    }
    let text: Arc<str> = Arc::from(text);
    let doc = match parse(path, file, &text, options.limits) {
        Ok(doc) => doc,
        Err(err) => {
            if explicit || cloudformation::looks_like_template(&text) {
                outcome.problems.push(syntax_problem(path, file, err));
                outcome.text = Some(text);
            }
            return outcome;
        }
    };
    if !cloudformation::is_template(&doc.root) {
        return outcome;
    }
    outcome.is_template = true;
    for dup in &doc.duplicate_keys {
        let mut problem = Problem::new(
            ProblemKind::DuplicateKey,
            path,
            format!(
                "duplicate key `{}`: CloudFormation rejects the template",
                dup.key
            ),
        )
        .at(Span::new(file, dup.second));
        problem.related.push(Label {
            span: Span::new(file, dup.first),
            message: "first written here".to_string(),
        });
        outcome.problems.push(problem);
    }
    let inputs = cloudformation::TemplateInputs {
        parameters: supplied.clone(),
        constructs: constructs.clone(),
        variables: Default::default(),
    };
    let model = cloudformation::lower(file, &doc.root, &inputs);
    outcome.resources = sites(&model);
    let ctx = coglint_rules::check(&model, &options.rules, &options.settings);
    outcome.findings = ctx.findings;
    outcome.unknowns = ctx.unknowns;
    // Kept for every template: reports point into it, suppressions are read from it.
    outcome.text = Some(text);
    outcome
}

type ParametersError = (Problem, Option<Arc<str>>);

fn read_parameters(
    path: &Path,
    id: FileId,
    limits: Limits,
) -> Result<(SuppliedParameters, Arc<str>), ParametersError> {
    let text = match read_text(path, true) {
        Ok(Some(text)) => Arc::<str>::from(text),
        Ok(None) => {
            return Err((
                Problem::new(ProblemKind::Parameters, path, "empty parameters file"),
                None,
            ))
        }
        Err(mut problem) => {
            problem.kind = ProblemKind::Parameters;
            return Err((problem, None));
        }
    };
    let doc = match parse(path, id, &text, limits) {
        Ok(doc) => doc,
        Err(err) => {
            let mut problem = syntax_problem(path, id, err);
            problem.kind = ProblemKind::Parameters;
            return Err((problem, Some(text)));
        }
    };
    match SuppliedParameters::from_document(doc.root) {
        Ok(supplied) => Ok((supplied, text)),
        Err(e) => Err((
            Problem::new(ProblemKind::Parameters, path, e.message).at(Span::new(id, e.range)),
            Some(text),
        )),
    }
}

/// The resources of a model, as suppressions see them.
pub(crate) fn sites(model: &coglint_model::Model) -> Vec<ResourceSite> {
    model
        .resources()
        .map(|m| ResourceSite {
            name: m.name.clone(),
            suppressions: m.suppressions.clone(),
        })
        .collect()
}
