//! One scan: discover the files (a parallel walk), read the Serverless services and the
//! Terraform module calls, then check every other template as it is read, in parallel, and
//! every Terraform root on its own; a unit's trees are dropped once it is checked, and a text
//! is kept only if the report points into it. Results are merged in a fixed order, so the
//! output does not depend on the number of threads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::cloudformation;
use coglint_rules::{Finding, Rule, Settings, UnknownValue};
use coglint_source::{FileId, SourceDb, Span, TextRange};
use coglint_syntax::{parse_json, parse_yaml, Document, Limits, SyntaxError, SyntaxErrorKind};
use rayon::prelude::*;

use crate::cdk;
use crate::discover::discover;
use crate::merge;
use crate::problem::{Problem, ProblemKind};
use crate::project::{self, Files, Role};
use crate::read::Roots;
use crate::suppress::{self, ResourceSite};
use crate::terraform::{self, UnfollowedModule};
use coglint_frontend::terraform::TfFile;

pub use crate::read::MAX_FILE_SIZE;

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
    /// Parameters files by template (`[[parameters]]` of `coglint.toml`).
    pub parameter_files: Vec<crate::config::ParameterMapping>,
    /// The samconfig environment whose `parameter_overrides` apply (default `default`).
    pub config_env: Option<String>,
    /// Unsaved editor buffers, by canonical path, read in place of their files everywhere.
    pub overlay: Option<crate::read::Overlay>,
    /// Keep of a template that the report points into only the lines around the places it
    /// points to (see [`coglint_source::Excerpts`]), not its whole text: a report on a large
    /// repository then holds little more than its findings. Off by default: an editor
    /// integration reads whole texts.
    pub excerpts: bool,
    /// Renders the fixes of a template's findings while the scan holds its tree, as the human
    /// and JSON reports show them ([`crate::fix::render_in`] renders the rest and skips these).
    /// Off by default.
    pub render_fixes: bool,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            paths: vec![PathBuf::from(".")],
            parameters: None,
            settings: Settings::default(),
            rules: crate::config::default_rules(),
            limits: Limits::default(),
            vars: Vec::new(),
            var_files: Vec::new(),
            suppressions: true,
            severities: Default::default(),
            parameter_files: Vec::new(),
            config_env: None,
            overlay: None,
            excerpts: false,
            render_fixes: false,
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
    /// Serverless Framework services checked.
    pub serverless_services: usize,
    pub terraform_modules: usize,
    /// Terraform module calls that are not followed (`--show-unknown` lists them).
    pub unfollowed_modules: Vec<UnfollowedModule>,
    /// How long each phase of the scan took, in order (`COGLINT_TIMINGS=1` prints them).
    pub phases: Vec<(&'static str, std::time::Duration)>,
}

/// The phases of a scan, timed one after another.
struct Phases {
    done: Vec<(&'static str, std::time::Duration)>,
    since: std::time::Instant,
}

impl Phases {
    fn start() -> Self {
        Self {
            done: Vec::new(),
            since: std::time::Instant::now(),
        }
    }

    /// Ends the phase running, named `name`.
    fn end(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.done.push((name, now - self.since));
        self.since = now;
    }
}

impl ScanResult {
    /// Whether an input problem left the scan incomplete: exit code 2.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.kind.leaves_scan_incomplete())
    }

    /// Whether a problem fails the run like a finding (an invalid or expired suppression).
    pub fn has_failing_problems(&self) -> bool {
        self.problems.iter().any(|p| p.kind.fails_run())
    }
}

pub fn scan(options: &ScanOptions) -> ScanResult {
    let mut phases = Phases::start();
    let discovered = discover(&options.paths);
    let mut problems = discovered.problems;
    let mut paths = discovered.files;
    // CDK cloud assemblies: their templates are scanned even where .gitignore hides cdk.out,
    // and each template once, however many ways it is reached.
    let roots = Roots::around(&options.paths).with_overlay(options.overlay.clone());
    let mut assemblies = cdk::find(&discovered.assemblies, &roots);
    problems.extend(assemblies.problems.iter().cloned());
    let mut known: HashSet<PathBuf> = paths.iter().map(|(p, _)| cdk::normalize(p)).collect();
    // What the user names on the command line is theirs to read wherever it is.
    let mut files = Files::new(roots.clone(), options.parameters.iter().cloned().collect());
    for template in &assemblies.templates {
        // A manifest names its templates: one that leads out of the scanned tree is not read.
        if !files.allowed(template) {
            problems.push(Problem::new(
                ProblemKind::OutsideRoots,
                template,
                "a cloud assembly's manifest names this template, outside the scanned directories and their repository; not read",
            ));
            continue;
        }
        if !template.exists() {
            problems.push(Problem::new(
                ProblemKind::MissingTemplate,
                template,
                "listed in the cloud assembly's manifest but not there (a partly committed cdk.out?); run `cdk synth` to check it",
            ));
            continue;
        }
        if known.insert(template.clone()) {
            paths.push((template.clone(), false));
        }
    }
    paths.sort();
    paths.dedup_by(|a, b| cdk::normalize(&a.0) == cdk::normalize(&b.0));

    let ids: Vec<FileId> = paths.iter().map(|(p, _)| files.register(p)).collect();
    // Files the user names get their ids now, in a fixed order, not when a thread first reads
    // them.
    for path in options.parameters.iter() {
        files.register(path);
    }
    for mapping in &options.parameter_files {
        files.register(&mapping.file);
    }
    let roles = project::roles(&paths);
    let mut candidates = Vec::new();
    let mut terraform_paths = Vec::new();
    for (i, (path, explicit)) in paths.iter().enumerate() {
        match roles[i] {
            Role::Terraform => terraform_paths.push((path.clone(), ids[i])),
            Role::Input => {}
            role @ (Role::Candidate | Role::CliInputs) => candidates.push(project::Candidate {
                path: path.clone(),
                id: ids[i],
                explicit: *explicit,
                role,
            }),
        }
    }
    // Source files that CDK creation stack traces point into: a stack's constructs are part of
    // its unit.
    phases.end("walk");
    let before_sources = files.len();
    let constructs = std::sync::Mutex::new(cdk::resolve(&mut assemblies, &mut files));
    // The manifests' metadata is in `constructs` now; the scan holds what it reads after.
    drop(assemblies);
    let cdk_source_count = files.len() - before_sources;
    phases.end("cdk construct sources");

    // First the Serverless services (what they include is theirs, not checked alone), while
    // the Terraform files' module calls are read.
    let mut params = project::parameters::Sources::new(options);
    let (services, terraform_reads) = rayon::join(
        || check_services(&candidates, &mut files, &mut params, options, &roots),
        || {
            terraform_paths
                .par_iter()
                .map(|(path, id)| read_terraform(path, *id, options, &roots))
                .collect::<Vec<_>>()
        },
    );
    problems.extend(services.problems);
    let mut tf_files = Vec::new();
    // Files the walk refused (named pipes, links out of the tree) are not tried again.
    let mut tf_failed: Vec<PathBuf> = problems.iter().map(|p| p.path.clone()).collect();
    for ((path, id), (tf, text, problem)) in terraform_paths.iter().zip(terraform_reads) {
        if let Some(text) = text {
            files.set_text(*id, text, true);
        }
        if problem.is_some() {
            tf_failed.push(path.clone());
        }
        problems.extend(problem);
        tf_files.extend(tf);
    }
    let (done, mut checked, services_planned) = (services.done, services.checked, services.planned);
    phases.end("serverless services, terraform calls");
    // Then every other candidate, each read, planned, checked and dropped on one thread: memory
    // holds the units in flight, and the texts reports point into.
    let planner = std::sync::Mutex::new(project::Planner { files, params });
    let streamed: Vec<Streamed> = candidates
        .par_iter()
        .filter(|c| !done.contains(&c.id))
        .map(|candidate| stream_unit(candidate, &planner, &constructs, options, &roots))
        .collect();
    let project::Planner { mut files, .. } =
        planner.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut templates = 0;
    for unit in streamed {
        problems.extend(unit.problems);
        match unit.text {
            Some(Kept::Whole(text)) => files.set_text(unit.id, text, true),
            Some(Kept::Excerpts(excerpts)) => files.set_excerpts(unit.id, excerpts),
            None => {}
        }
        templates += usize::from(unit.outcome.is_some());
        checked.extend(unit.outcome);
    }

    let mut result = ScanResult {
        files_scanned: files.len() - cdk_source_count,
        templates,
        serverless_services: services_planned,
        ..ScanResult::default()
    };
    let mut resources = Vec::new();
    for outcome in checked {
        result.findings.extend(outcome.findings);
        result.unknowns.extend(outcome.unknowns);
        resources.extend(outcome.resources);
    }
    let first_free = u32::try_from(files.len()).unwrap_or(u32::MAX);
    result.sources = files.into_sources();
    phases.end("templates");
    if !tf_files.is_empty() {
        let tf = terraform::check(tf_files, &tf_failed, first_free, options, &roots);
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
        // The texts of the files read whole, once their roots were checked.
        for (id, text) in tf.texts {
            result.sources.set_text(id, text);
        }
        result.findings.extend(tf.findings);
        result.unknowns.extend(tf.unknowns);
        problems.extend(tf.problems);
        result.terraform_modules = tf.modules;
        result.unfollowed_modules = tf.unfollowed;
        resources.extend(tf.resources);
    }
    phases.end("terraform");
    for finding in &mut result.findings {
        if let Some(severity) = options.severities.get(finding.rule.code) {
            finding.severity = *severity;
        }
    }
    if options.suppressions {
        let findings = std::mem::take(&mut result.findings);
        result.findings = suppress::apply(
            findings,
            &resources,
            &result.sources,
            &options.rules,
            &mut problems,
        );
    }
    // One finding per rule and place, however many instances reach it.
    result.findings = merge::merge(std::mem::take(&mut result.findings));
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
        (&a.path, a.span.map(|s| s.range.start), a.kind, &a.message).cmp(&(
            &b.path,
            b.span.map(|s| s.range.start),
            b.kind,
            &b.message,
        ))
    });
    // One problem said once (a file that a service includes is read again as a service of a
    // later batch).
    problems.dedup_by(|a, b| {
        (&a.path, a.span, a.kind, &a.message, &a.related)
            == (&b.path, b.span, b.kind, &b.message, &b.related)
    });
    result.problems = problems;
    result
        .unknowns
        .sort_by(|a, b| (a.at, a.rule).cmp(&(b.at, b.rule)));
    result
        .unknowns
        .dedup_by(|a, b| a.at == b.at && a.rule == b.rule && a.reason == b.reason);
    fill_excerpt_gaps(&mut result, &roots);
    phases.end("suppressions, order");
    result.phases = phases.done;
    result
}

/// How many candidates are read together when looking for Serverless services: the services
/// of one batch are planned, checked and dropped before the next is read.
const SERVICE_BATCH: usize = 256;

/// What checking the Serverless services found.
#[derive(Default)]
struct Services {
    checked: Vec<UnitOutcome>,
    /// The services and the files they include: not checked again.
    done: HashSet<FileId>,
    problems: Vec<Problem>,
    planned: usize,
}

/// Finds the Serverless services among the candidates and checks them, a batch of candidates
/// at a time: memory holds the services of one batch. Of their files only what the report
/// points into is kept (as for templates, see [`stream_unit`]).
fn check_services(
    candidates: &[project::Candidate],
    files: &mut Files,
    params: &mut project::parameters::Sources<'_>,
    options: &ScanOptions,
    roots: &Roots,
) -> Services {
    let mut out = Services::default();
    for batch in candidates.chunks(SERVICE_BATCH) {
        let mut problems = Vec::new();
        let mut services = Vec::new();
        let reads = project::read_services(batch, options, roots);
        for (candidate, outcome) in batch.iter().zip(reads) {
            problems.extend(outcome.problems);
            if let Some(text) = outcome.text {
                files.set_text(candidate.id, text, true);
            }
            services.extend(outcome.read);
        }
        if services.is_empty() {
            out.problems.append(&mut problems);
            continue;
        }
        let plan = project::plan_services(services, files, params, options);
        problems.extend(plan.problems);
        out.planned += plan.services;
        let checked: Vec<UnitOutcome> = plan
            .units
            .par_iter()
            .map(|unit| check_unit(unit, options))
            .collect();
        let mut unit_files: Vec<FileId> = plan.units.iter().map(|u| u.file).collect();
        unit_files.extend(plan.included);
        drop(plan.units);
        if options.excerpts {
            let mut places: HashMap<FileId, Vec<TextRange>> = HashMap::new();
            let mut add = |span: Span| places.entry(span.file).or_default().push(span.range);
            for outcome in &checked {
                each_place(&outcome.findings, &outcome.unknowns, &[], &mut add);
            }
            each_place(&[], &[], &problems, &mut add);
            files.excerpt(unit_files.iter().copied(), &places);
        }
        out.done.extend(unit_files);
        out.problems.append(&mut problems);
        out.checked.extend(checked);
    }
    out
}

/// A candidate read, checked if it is a unit, and dropped.
struct Streamed {
    id: FileId,
    outcome: Option<UnitOutcome>,
    problems: Vec<Problem>,
    /// Its text, if the report points into it.
    text: Option<Kept>,
}

/// What a report keeps of a file's text.
enum Kept {
    Whole(Arc<str>),
    Excerpts(coglint_source::Excerpts),
}

fn stream_unit(
    candidate: &project::Candidate,
    planner: &std::sync::Mutex<project::Planner<'_>>,
    constructs: &std::sync::Mutex<HashMap<PathBuf, cloudformation::Constructs>>,
    options: &ScanOptions,
    roots: &Roots,
) -> Streamed {
    // The template's constructs leave the table, whatever the template turns out to be: the
    // table holds those of the templates still to check.
    let constructs = constructs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&cdk::normalize(&candidate.path))
        .unwrap_or_default();
    let read = project::read_candidate(candidate, options, roots, project::Pass::Rest);
    let mut problems = read.problems;
    let outcome = read.read.and_then(|r| {
        let unit = project::plan_one(&r, &candidate.path, planner, constructs, &mut problems)?;
        let mut outcome = check_unit(&unit, options);
        // The template's tree is at hand: its fixes are rendered now, not parsed again later.
        if let (true, project::UnitRoot::Document(doc), Some(text)) =
            (options.render_fixes, &unit.root, &read.text)
        {
            if unit.file == candidate.id {
                let path = &candidate.path;
                crate::fix::render_file(&mut outcome.findings, unit.file, path, text, doc);
            }
        }
        Some(outcome)
    });
    let (findings, unknowns) = match &outcome {
        Some(o) => (o.findings.as_slice(), o.unknowns.as_slice()),
        None => (&[][..], &[][..]),
    };
    let mut ranges = Vec::new();
    each_place(findings, unknowns, &problems, |span| {
        if span.file == candidate.id {
            ranges.push(span.range);
        }
    });
    let text = read.text.and_then(|text| {
        if crate::suppress::may_suppress(&text) {
            return Some(Kept::Whole(text));
        }
        if ranges.is_empty() {
            return None;
        }
        let excerpts = options
            .excerpts
            .then(|| coglint_source::Excerpts::of(&text, ranges, coglint_source::EXCERPT_CONTEXT))
            .flatten();
        Some(excerpts.map_or(Kept::Whole(text), Kept::Excerpts))
    });
    Streamed {
        id: candidate.id,
        outcome,
        problems,
        text,
    }
}

/// What checking one unit found.
struct UnitOutcome {
    findings: Vec<Finding>,
    unknowns: Vec<UnknownValue>,
    /// The unit's Cognito resources, for suppressions.
    resources: Vec<ResourceSite>,
}

fn check_unit(unit: &project::Unit, options: &ScanOptions) -> UnitOutcome {
    let model = cloudformation::lower(unit.file, unit.root(), &unit.inputs);
    let ctx = coglint_rules::check(&model, &options.rules, &options.settings);
    UnitOutcome {
        findings: ctx.findings,
        unknowns: ctx.unknowns,
        resources: sites(&model),
    }
}

/// A Terraform file read and parsed: the parsed file, its text when a report may point into
/// it, and the problem that stopped it.
type TerraformRead = (Option<TfFile>, Option<Arc<str>>, Option<Problem>);

fn read_terraform(
    path: &Path,
    file: FileId,
    options: &ScanOptions,
    roots: &Roots,
) -> TerraformRead {
    let text = match terraform::read_tf(path, roots) {
        Ok(text) => text,
        Err((problem, _)) => return (None, None, Some(problem)),
    };
    if !terraform::worth_parsing(path, &text) {
        return (None, None, None);
    }
    match terraform::parse_tf(path, file, text, options.limits, terraform::Reading::Calls) {
        Ok(tf) => {
            let text = Arc::clone(&tf.text);
            (Some(tf), Some(text), None)
        }
        Err((problem, text)) => (None, text, Some(problem)),
    }
}

/// The files a unit's report points into: where its findings, their labels, callers and
/// instances, its problems and its unknowns are. Only their texts are kept for the report.
pub(crate) fn pointed_into(
    findings: &[Finding],
    unknowns: &[UnknownValue],
    problems: &[Problem],
) -> HashSet<FileId> {
    let mut files = HashSet::new();
    each_place(findings, unknowns, problems, |span| {
        files.insert(span.file);
    });
    files
}

/// Every place a report points to: its findings, their labels, callers, instances and the
/// spans their fixes edit, its problems and its unknowns.
fn each_place(
    findings: &[Finding],
    unknowns: &[UnknownValue],
    problems: &[Problem],
    mut place: impl FnMut(Span),
) {
    for f in findings {
        place(f.primary.span);
        place(f.resource_header);
        f.secondary.iter().for_each(|l| place(l.span));
        f.called_from.iter().copied().for_each(&mut place);
        f.instances.iter().filter_map(|i| i.at).for_each(&mut place);
        let edits = f.fix.iter().flat_map(|fix| fix.edits.iter());
        edits.for_each(|edit| place(edit.span));
    }
    unknowns.iter().for_each(|u| place(u.at));
    for p in problems {
        p.span.into_iter().for_each(&mut place);
        p.related.iter().for_each(|l| place(l.span));
    }
}

/// Adds to the excerpts of an excerpted file the places of the report they do not hold.
/// Excerpts are cut when a unit is checked, from that unit's report; a place that another unit
/// points to in the same file (rare) would otherwise have no line.
fn fill_excerpt_gaps(result: &mut ScanResult, roots: &Roots) {
    let mut places = Vec::new();
    each_place(
        &result.findings,
        &result.unknowns,
        &result.problems,
        |span| places.push(span),
    );
    cover_places(&mut result.sources, places, |path| {
        crate::read::read_text(path, true, roots).ok().flatten()
    });
}

/// Adds each of `places` that the excerpts of its file do not hold to them, the file read
/// again with `read` (a file that cannot be read again keeps its excerpts as they are). Files
/// kept whole, or not kept, are left as they are.
pub(crate) fn cover_places(
    sources: &mut SourceDb,
    places: impl IntoIterator<Item = Span>,
    read: impl Fn(&Path) -> Option<String>,
) {
    let mut outside: BTreeMap<FileId, Vec<TextRange>> = BTreeMap::new();
    for span in places {
        let excerpts = sources.get(span.file).and_then(|f| f.excerpts());
        if excerpts.is_some_and(|e| !e.covers(span.range)) {
            outside.entry(span.file).or_default().push(span.range);
        }
    }
    for (file, ranges) in outside {
        if let Some(text) = sources.get(file).and_then(|f| read(f.path())) {
            sources.add_to_excerpts(file, &text, ranges);
        }
    }
}

/// Whether `text` mentions Cognito: `AWS::Cognito::UserPool`, `cognito-idp.amazonaws.com`.
pub(crate) fn mentions_cognito(text: &str) -> bool {
    has(text, "ognito") || has(text, "OGNITO")
}

/// Whether `text` holds `needle`: `str::contains`, several times faster on the large texts
/// every candidate file is searched through.
pub(crate) fn has(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
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

pub(crate) fn parse(
    path: &Path,
    file: FileId,
    text: &str,
    limits: Limits,
) -> Result<Document, SyntaxError> {
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

/// The resources of a model that carry suppressions (in their metadata), as suppressions see
/// them: the others have nothing to say, and a monorepo has many.
pub(crate) fn sites(model: &coglint_model::Model) -> Vec<ResourceSite> {
    model
        .resources()
        .filter(|m| !m.suppressions.is_empty())
        .map(|m| ResourceSite {
            name: m.name.clone(),
            suppressions: m.suppressions.clone(),
        })
        .collect()
}
