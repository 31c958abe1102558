//! Terraform in the pipeline: a directory of `.tf` files is one module. Modules that another
//! loaded module calls (`source = "./..."`) are evaluated through their calls only, never alone
//! with their defaults; the rest are roots, evaluated with tfvars and `--var`/`--var-file`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::terraform::{
    follow_call, lower_root, normalize, CallCut, LocalCall, Modules, PolicyUse, RootInputs, TfFile,
    VarFile, MAX_MODULE_DEPTH,
};
use coglint_model::Unread;
use coglint_rules::{Finding, Label, UnknownValue};
use coglint_source::{FileId, Span};
use coglint_syntax::{parse_json, Limits};

use rayon::prelude::*;

use crate::problem::{Problem, ProblemKind};
use crate::read::{read_text, Roots};
use crate::scan::{mentions_cognito, syntax_problem, ScanOptions};
use crate::suppress::ResourceSite;

/// The most module directories read for one scan beyond the scanned ones.
const MAX_MODULE_LOADS: usize = 256;

/// A Terraform configuration file: `.tf`, or `.tf.json` (the JSON syntax).
pub(crate) fn is_tf(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tf") || is_tf_json(path)
}

fn is_tf_json(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".tf.json"))
}

pub(crate) fn is_tfvars(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tfvars")
}

/// How much of a `.tf` file to parse.
#[derive(Clone, Copy)]
pub(crate) enum Reading<'u> {
    /// Its `module` blocks alone, to know which modules each root reaches; its text is not
    /// held (the second reading reads it again).
    Calls,
    /// What the model reads (see `coglint_frontend::terraform::reads_block`), without the IAM
    /// policies that the rest of the module and of the root show no rule can use.
    Model(&'u PolicyUse),
}

/// Reads and parses one `.tf`, `.tf.json` or `.tfvars` file. `.tf.json` and `.tfvars` files
/// are always parsed whole.
pub(crate) fn load(
    path: &Path,
    id: FileId,
    limits: Limits,
    roots: &Roots,
    reading: Reading,
) -> Result<TfFile, (Problem, Option<Arc<str>>)> {
    let text = read_tf(path, roots)?;
    parse_tf(path, id, text, limits, reading)
}

/// Reads one Terraform file as text.
pub(crate) fn read_tf(path: &Path, roots: &Roots) -> Result<Arc<str>, (Problem, Option<Arc<str>>)> {
    match read_text(path, true, roots) {
        Ok(Some(text)) => Ok(Arc::from(text)),
        Ok(None) => Ok(Arc::from("")),
        Err(problem) => Err((problem, None)),
    }
}

/// Whether a `.tf` file found by the walk is worth parsing now: it mentions Cognito, or it
/// calls a module (which may hold Cognito resources). The others, most of a Terraform
/// monorepo, are parsed only when a module that matters calls them or shares their directory.
pub(crate) fn worth_parsing(path: &Path, text: &str) -> bool {
    is_tfvars(path) || mentions_cognito(text) || crate::scan::has(text, "module")
}

/// Parses one Terraform file.
pub(crate) fn parse_tf(
    path: &Path,
    id: FileId,
    text: Arc<str>,
    limits: Limits,
    reading: Reading,
) -> Result<TfFile, (Problem, Option<Arc<str>>)> {
    if is_tf_json(path) {
        return match parse_json(id, &text, limits) {
            Ok(doc) => Ok(TfFile::from_json(id, path.to_path_buf(), text, doc.root)),
            Err(err) => Err((syntax_problem(path, id, err), Some(text))),
        };
    }
    let calls_only = matches!(reading, Reading::Calls) && is_tf(path);
    let (path_buf, shared) = (path.to_path_buf(), Arc::clone(&text));
    let parsed = match reading {
        _ if calls_only => TfFile::parse_hcl_calls(id, path_buf, shared, limits),
        Reading::Calls => TfFile::parse_hcl(id, path_buf, shared, limits),
        Reading::Model(uses) => TfFile::parse_hcl_using(id, path_buf, shared, limits, uses),
    };
    match parsed {
        Ok(mut file) => {
            if calls_only {
                file.keep_calls_only(&dir_of(path));
            }
            // Read again whole later; or nothing in it is read, and no report points into it.
            if calls_only || (file.is_empty() && !crate::suppress::may_suppress(&file.text)) {
                file.text = Arc::from("");
            }
            Ok(file)
        }
        Err(err) => Err((syntax_problem(path, id, err), Some(text))),
    }
}

fn dir_of(path: &Path) -> PathBuf {
    normalize(path.parent().unwrap_or(Path::new(".")))
}

/// What checking the Terraform files of a scan produced.
#[derive(Default)]
pub(crate) struct TerraformOutcome {
    pub findings: Vec<Finding>,
    pub unknowns: Vec<UnknownValue>,
    pub problems: Vec<Problem>,
    /// Files read besides the discovered ones (sibling `.tf` files, called modules, var files).
    pub extra_files: Vec<(PathBuf, Arc<str>)>,
    pub modules: usize,
    /// The modules' Cognito resources, for suppressions.
    pub resources: Vec<ResourceSite>,
    /// Module calls that are not followed, once each, in the order of their place.
    pub unfollowed: Vec<UnfollowedModule>,
    /// The texts of `.tf` files read whole by the second reading that a report may point
    /// into, by id (discovered files and extra files alike).
    pub texts: Vec<(FileId, Arc<str>)>,
}

/// A module call that is not followed: a registry or git module that `terraform init` has not
/// installed, or a local source with no module in it. What it does is not checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnfollowedModule {
    /// The call, by its path from the root (`module.auth`).
    pub name: String,
    /// Its `source`, as written.
    pub source: String,
    /// Why it is not followed.
    pub reason: String,
    /// The `module "name"` header.
    pub at: Span,
}

/// One root to check, with its inputs.
struct RootJob<'f> {
    root: &'f PathBuf,
    var_files: Vec<VarFile<'f>>,
    /// The modules `terraform init` installed for it, by key.
    remote: HashMap<String, PathBuf>,
}

/// What checking one root found.
struct RootOutcome {
    findings: Vec<Finding>,
    unknowns: Vec<UnknownValue>,
    problems: Vec<Problem>,
    sites: Vec<ResourceSite>,
    unfollowed: Vec<UnfollowedModule>,
    /// The texts of the files read whole that a report may point into.
    texts: Vec<(FileId, Arc<str>)>,
}

/// A `.tf` file of a module that a root reaches, as its second reading left it.
enum Read<'f> {
    /// Read whole again by this root.
    Own(Box<TfFile>),
    /// Parsed whole by the first reading (`.tf.json`).
    Shared(&'f TfFile),
}

/// Reads whole the modules `job.root` reaches (the first reading knows their calls), lowers
/// and checks the root, and drops the trees.
fn check_root(
    job: RootJob<'_>,
    loader: &Loader,
    failed_by_dir: &HashMap<PathBuf, Vec<PathBuf>>,
    options: &ScanOptions,
) -> RootOutcome {
    let mut reach: BTreeSet<PathBuf> = BTreeSet::new();
    let mut stack: Vec<PathBuf> = vec![job.root.clone()];
    stack.extend(job.remote.values().cloned());
    while let Some(dir) = stack.pop() {
        if let Some(calls) = loader.calls.get(&dir) {
            if !reach.contains(&dir) {
                stack.extend(calls.iter().map(|c| c.dir.clone()));
            }
        }
        reach.insert(dir);
    }
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    let mut unparsed: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
    let mut read: Vec<(PathBuf, Read<'_>)> = Vec::new();
    // Every text first: what the root's files say decides which IAM policies are parsed.
    let mut slots: Vec<(&PathBuf, &TfFile, Option<Arc<str>>)> = Vec::new();
    for dir in &reach {
        if let Some(failed) = failed_by_dir.get(dir) {
            unparsed
                .entry(dir.clone())
                .or_default()
                .extend(failed.iter().cloned());
        }
        for key in loader.tf_by_dir.get(dir).into_iter().flatten() {
            let Some(first) = loader.files.get(key) else {
                continue;
            };
            if first.json.is_some() {
                slots.push((dir, first, None));
                continue;
            }
            match read_tf(&first.path, &loader.roots) {
                Ok(text) => slots.push((dir, first, Some(text))),
                Err((problem, _)) => {
                    problems.push(problem);
                    unparsed
                        .entry(dir.clone())
                        .or_default()
                        .push(first.path.clone());
                }
            }
        }
    }
    // A `.tf.json` file was parsed whole by the first reading: its text is the file's.
    fn text_of<'s>(slot: &'s (&PathBuf, &TfFile, Option<Arc<str>>)) -> &'s str {
        slot.2.as_deref().unwrap_or(&slot.1.text)
    }
    let pool_roles = PolicyUse::attaches_pool_roles(slots.iter().map(text_of));
    let mut uses: HashMap<&PathBuf, PolicyUse> = HashMap::new();
    for (dir, first, text) in &slots {
        let Some(text) = text else {
            read.push(((*dir).clone(), Read::Shared(first)));
            continue;
        };
        let uses = uses.entry(dir).or_insert_with(|| {
            let module = slots.iter().filter(|s| s.0 == *dir).map(text_of);
            let mut uses = PolicyUse::of_module(module, pool_roles);
            uses.may_suppress = Some(crate::suppress::may_suppress);
            uses
        });
        match parse_tf(
            &first.path,
            first.id,
            Arc::clone(text),
            options.limits,
            Reading::Model(uses),
        ) {
            Ok(file) => {
                problems.extend(type_duplicates(&file));
                read.push(((*dir).clone(), Read::Own(Box::new(file))));
            }
            Err((problem, text)) => {
                problems.push(problem);
                texts.extend(text.map(|t| (first.id, t)));
                unparsed
                    .entry((*dir).clone())
                    .or_default()
                    .push(first.path.clone());
            }
        }
    }
    drop(slots);
    let mut modules: Modules<'_> = Modules {
        unparsed,
        ..Modules::default()
    };
    for (dir, file) in &read {
        let file: &TfFile = match file {
            Read::Own(file) => file,
            Read::Shared(file) => file,
        };
        modules.files.entry(dir.clone()).or_default().push(file);
    }
    let inputs = RootInputs {
        var_files: job.var_files,
        vars: options.vars.clone(),
        remote_modules: job.remote,
    };
    let model = lower_root(job.root, &modules, &inputs);
    let unfollowed: Vec<UnfollowedModule> = model
        .unread
        .iter()
        .filter_map(|unread| match unread {
            Unread::ModuleCall {
                name,
                source,
                reason,
                at,
                ..
            } => Some(UnfollowedModule {
                name: name.clone(),
                source: source.clone(),
                reason: reason.clone(),
                at: *at,
            }),
            _ => None,
        })
        .collect();
    let ctx = coglint_rules::check(&model, &options.rules, &options.settings);
    // The texts to keep: those the report points into, and those with a suppression to check.
    let mut pointed = crate::scan::pointed_into(&ctx.findings, &ctx.unknowns, &problems);
    pointed.extend(unfollowed.iter().map(|u: &UnfollowedModule| u.at.file));
    for (_, file) in &read {
        if let Read::Own(file) = file {
            if pointed.contains(&file.id) || crate::suppress::may_suppress(&file.text) {
                texts.push((file.id, Arc::clone(&file.text)));
            }
        }
    }
    RootOutcome {
        findings: ctx.findings,
        unknowns: ctx.unknowns,
        problems,
        sites: crate::scan::sites(&model),
        unfollowed,
        texts,
    }
}

/// The keys written twice in a file's type constraints.
fn type_duplicates(file: &TfFile) -> Vec<Problem> {
    file.type_duplicates
        .iter()
        .map(|dup| {
            let mut problem = Problem::new(
                ProblemKind::DuplicateTypeAttribute,
                &file.path,
                format!(
                    "attribute `{}` is written twice in this type constraint: Terraform 1.6 and later refuse the file; earlier versions, and coglint, keep the last",
                    dup.key
                ),
            )
            .at(Span::new(file.id, dup.second));
            problem.related.push(Label {
                span: Span::new(file.id, dup.first),
                message: "first written here".to_string(),
            });
            problem
        })
        .collect()
}

struct Loader {
    files: BTreeMap<PathBuf, TfFile>,
    /// The keys of `files` that are `.tf` files, by directory: a module's files without a
    /// pass over every file (which made a monorepo's scan quadratic).
    tf_by_dir: HashMap<PathBuf, BTreeSet<PathBuf>>,
    /// The local module calls of each loaded directory.
    calls: BTreeMap<PathBuf, Vec<LocalCall>>,
    /// Files the scan already failed to read or parse (and reported): not read again.
    failed: BTreeSet<PathBuf>,
    next_id: u32,
    limits: Limits,
    /// Where module sources and var files may lead.
    roots: Roots,
    /// The `--var-file` files (normalized): the user's own, read wherever they are.
    named: BTreeSet<PathBuf>,
    outcome: TerraformOutcome,
}

impl Loader {
    fn insert(&mut self, file: TfFile) {
        let key = normalize(&file.path);
        if is_tf(&file.path) {
            self.tf_by_dir
                .entry(dir_of(&file.path))
                .or_default()
                .insert(key.clone());
        }
        self.files.insert(key, file);
    }

    /// The file at `path`, read from disk if the scan did not already read it.
    fn ensure(&mut self, path: &Path) -> bool {
        let key = normalize(path);
        if self.files.contains_key(&key) {
            return true;
        }
        if self.failed.contains(&key) {
            return false;
        }
        let id = FileId(self.next_id);
        self.next_id += 1;
        let roots = if self.named.contains(&key) {
            Roots::anywhere()
        } else {
            self.roots.clone()
        };
        match load(path, id, self.limits, &roots, Reading::Calls) {
            Ok(file) => {
                self.outcome
                    .extra_files
                    .push((path.to_path_buf(), Arc::clone(&file.text)));
                self.insert(file);
                true
            }
            Err((problem, text)) => {
                self.outcome
                    .extra_files
                    .push((path.to_path_buf(), text.unwrap_or_else(|| Arc::from(""))));
                self.outcome.problems.push(problem);
                self.failed.insert(key);
                false
            }
        }
    }

    /// Reads the modules of `dirs` and, through their local calls, every module they call;
    /// records the called directories.
    fn load_tree(&mut self, dirs: Vec<PathBuf>, called: &mut BTreeSet<PathBuf>) {
        let mut seen: BTreeSet<PathBuf> = dirs.iter().cloned().collect();
        let budget = seen.len() + MAX_MODULE_LOADS;
        let mut queue = dirs;
        while let Some(dir) = queue.pop() {
            let calls = match self.calls.get(&dir) {
                Some(calls) => calls.clone(),
                None => self.read_calls(&dir),
            };
            for call in &calls {
                let child = &call.dir;
                if *child != dir {
                    called.insert(child.clone());
                }
                if seen.contains(child) {
                    continue;
                }
                if !self.roots.admits(child) {
                    seen.insert(child.clone());
                    let problem = self.module_problem(
                        ProblemKind::OutsideRoots,
                        call,
                        format!(
                            "module `{}` has its source outside the scanned directories and their repository; it is not read",
                            call.name
                        ),
                    );
                    self.outcome.problems.push(problem);
                    continue;
                }
                if seen.len() < budget {
                    seen.insert(child.clone());
                    queue.push(child.clone());
                } else {
                    let problem = self.module_problem(
                        ProblemKind::ModuleLimit,
                        call,
                        format!(
                            "module `{}` is not read: the scan already reads {MAX_MODULE_LOADS} called module directories besides the scanned ones",
                            call.name
                        ),
                    );
                    self.outcome.problems.push(problem);
                }
            }
            self.calls.insert(dir, calls);
        }
    }

    /// The local module calls of `dir`, its files read from disk if the scan did not read
    /// them. A `.tf` file holds only its calls by then, not its tree (`parse_tf`): the second
    /// reading reads it again, and a monorepo's first reading would otherwise hold every tree
    /// to the end.
    fn read_calls(&mut self, dir: &Path) -> Vec<LocalCall> {
        self.ensure_dir(dir);
        let files = self.tf_by_dir.get(dir).into_iter().flatten();
        files
            .filter_map(|key| self.files.get(key))
            .flat_map(|file| file.local_calls(dir))
            .collect()
    }

    /// A problem located at a module call.
    fn module_problem(&self, kind: ProblemKind, call: &LocalCall, message: String) -> Problem {
        let path = self
            .files
            .values()
            .find(|f| f.id == call.header.file)
            .map(|f| f.path.clone())
            .unwrap_or_default();
        Problem::new(kind, path, message).at(call.header)
    }

    /// Reports module cycles and calls nested deeper than the evaluation follows, and returns
    /// the roots to evaluate: `roots`, then one module of each cycle that no root reaches (its
    /// resources would otherwise never be checked).
    fn check_calls(
        &mut self,
        mut roots: Vec<PathBuf>,
        scanned: &BTreeSet<PathBuf>,
    ) -> Vec<PathBuf> {
        let mut problems = Vec::new();
        let mut done: BTreeSet<PathBuf> = BTreeSet::new();
        // The roots first; a scanned module left unvisited after them is in a cycle that no
        // root reaches, and becomes a root itself.
        let starts: Vec<(PathBuf, bool)> = roots
            .iter()
            .map(|r| (r.clone(), false))
            .chain(scanned.iter().map(|s| (s.clone(), true)))
            .collect();
        for (start, new_root) in starts {
            if done.contains(&start) {
                continue;
            }
            if new_root {
                roots.push(start.clone());
            }
            // Depth-first, with the path from `start`: a call back into the path is a cycle.
            let mut path: Vec<PathBuf> = vec![start.clone()];
            let mut next: Vec<usize> = vec![0];
            done.insert(start);
            while let (Some(dir), Some(index)) = (path.last().cloned(), next.last_mut()) {
                let Some(call) = self.calls.get(&dir).and_then(|c| c.get(*index)) else {
                    path.pop();
                    next.pop();
                    continue;
                };
                *index += 1;
                match follow_call(&path, &call.dir) {
                    Err(CallCut::Cycle) => {
                        problems.push(self.module_problem(
                            ProblemKind::ModuleCycle,
                            call,
                            format!(
                                "module `{}` calls `{}`, which already calls this module: a module cycle (Terraform rejects it); the call is not followed",
                                call.name,
                                call.dir.display()
                            ),
                        ));
                    }
                    Err(CallCut::TooDeep) => {
                        problems.push(self.module_problem(
                            ProblemKind::ModuleLimit,
                            call,
                            format!(
                                "module `{}` is nested {} calls deep, deeper than the {MAX_MODULE_DEPTH} that coglint evaluates; it is not checked",
                                call.name,
                                path.len()
                            ),
                        ));
                    }
                    Ok(()) => {
                        if done.insert(call.dir.clone()) {
                            path.push(call.dir.clone());
                            next.push(0);
                        }
                    }
                }
            }
        }
        self.outcome.problems.extend(problems);
        roots
    }

    /// Every `.tf` file of `dir`.
    fn ensure_dir(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        }) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            // Not `is_file`: a named pipe or a link out of the tree is reported by the read.
            .filter(|p| is_tf(p) && !p.is_dir())
            .collect();
        paths.sort();
        for path in paths {
            self.ensure(&dir.join(path.file_name().unwrap_or_default()));
        }
    }
}

/// The modules `terraform init` installed for a root: `.terraform/modules/modules.json` maps
/// each module key (`auth`, `auth.inner`) to its directory, relative to the root. A directory
/// outside the roots is reported, not read.
fn installed_modules(
    root: &Path,
    roots: &Roots,
    problems: &mut Vec<Problem>,
) -> HashMap<String, PathBuf> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        #[serde(rename = "Modules", default)]
        modules: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        #[serde(rename = "Key")]
        key: String,
        #[serde(rename = "Dir")]
        dir: String,
    }
    let path = root.join(".terraform/modules/modules.json");
    let text = match crate::read::read_string(&path, roots) {
        Ok(text) => text,
        Err(refused) => {
            if !refused.is_missing() {
                problems.push(refused.problem(&path));
            }
            return HashMap::new();
        }
    };
    let Ok(manifest) = serde_json::from_str::<Manifest>(&text) else {
        return HashMap::new();
    };
    let mut installed = HashMap::new();
    for module in manifest.modules.into_iter().filter(|m| !m.key.is_empty()) {
        let dir = normalize(&root.join(&module.dir));
        if roots.admits(&dir) {
            installed.insert(module.key, dir);
        } else {
            problems.push(Problem::new(
                ProblemKind::OutsideRoots,
                &path,
                format!(
                    "module `{}` is installed outside the scanned directories and their repository; it is not read",
                    module.key
                ),
            ));
        }
    }
    installed
}

/// Evaluates the modules of the discovered Terraform files and runs the rules on each root.
/// `failed`: files the scan could not read or parse, already reported.
pub(crate) fn check(
    discovered: Vec<TfFile>,
    failed: &[PathBuf],
    first_free_id: u32,
    options: &ScanOptions,
    allowed: &Roots,
) -> TerraformOutcome {
    let mut loader = Loader {
        files: BTreeMap::new(),
        tf_by_dir: HashMap::new(),
        calls: BTreeMap::new(),
        failed: failed.iter().map(|p| normalize(p)).collect(),
        next_id: first_free_id,
        limits: options.limits,
        roots: allowed.clone(),
        named: options.var_files.iter().map(|p| normalize(p)).collect(),
        outcome: TerraformOutcome::default(),
    };
    let mut scanned_dirs = BTreeSet::new();
    for file in discovered {
        if is_tf(&file.path) {
            scanned_dirs.insert(dir_of(&file.path));
        }
        loader.insert(file);
    }
    // A module is the whole directory, even when one file of it was named; local module calls
    // lead to more directories, read from disk when the scan did not reach them.
    let mut called = BTreeSet::new();
    loader.load_tree(scanned_dirs.iter().cloned().collect(), &mut called);
    let roots: Vec<PathBuf> = scanned_dirs
        .iter()
        .filter(|d| !called.contains(*d))
        .cloned()
        .collect();
    let roots = loader.check_calls(roots, &scanned_dirs);

    // Var files: each root's terraform.tfvars and *.auto.tfvars, then --var-file in order.
    let mut var_file_paths: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for root in &roots {
        let mut paths = Vec::new();
        let tfvars = root.join("terraform.tfvars");
        if tfvars.exists() {
            paths.push(tfvars);
        }
        let listing = std::fs::read_dir(if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        });
        let mut auto: Vec<PathBuf> = listing
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(".auto.tfvars"))
                    .map(|p| root.join(p.file_name().unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        auto.sort();
        paths.extend(auto);
        paths.extend(options.var_files.iter().cloned());
        for path in &paths {
            loader.ensure(path);
        }
        var_file_paths.insert(root.clone(), paths);
    }

    // Remote modules that `terraform init` installed for each root.
    let mut remote: BTreeMap<PathBuf, HashMap<String, PathBuf>> = BTreeMap::new();
    for root in &roots {
        let installed = installed_modules(root, allowed, &mut loader.outcome.problems);
        let dirs: Vec<PathBuf> = installed.values().cloned().collect();
        loader.load_tree(dirs, &mut BTreeSet::new());
        remote.insert(root.clone(), installed);
    }

    // Var files, parsed whole by the first reading, with their problems.
    for file in loader.files.values().filter(|f| !is_tf(&f.path)) {
        loader.outcome.problems.extend(type_duplicates(file));
    }
    let failed_by_dir = loader.failed.iter().filter(|p| is_tf(p)).fold(
        HashMap::<PathBuf, Vec<PathBuf>>::new(),
        |mut by_dir, path| {
            by_dir.entry(dir_of(path)).or_default().push(path.clone());
            by_dir
        },
    );
    let jobs: Vec<RootJob<'_>> = roots
        .iter()
        .map(|root| RootJob {
            root,
            var_files: var_file_paths
                .get(root)
                .map(|paths| {
                    paths
                        .iter()
                        .filter_map(|p| {
                            let key = normalize(p);
                            match loader.files.get(&key) {
                                Some(file) => Some(VarFile::Parsed(file)),
                                None => loader
                                    .failed
                                    .contains(&key)
                                    .then(|| VarFile::Unparsed(p.clone())),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            remote: remote.remove(root).unwrap_or_default(),
        })
        .collect();
    // Each root on its own, in parallel: the modules it reaches are read whole, lowered and
    // checked, and dropped before the next; memory holds the roots in flight.
    let checked: Vec<RootOutcome> = jobs
        .into_par_iter()
        .map(|job| check_root(job, &loader, &failed_by_dir, options))
        .collect();
    let mut findings = Vec::new();
    let mut unknowns = Vec::new();
    let mut sites = Vec::new();
    let mut texts = BTreeMap::new();
    // By place: a call reached from several roots, callers or instances is one.
    let mut unfollowed: BTreeMap<(u32, u32), UnfollowedModule> = BTreeMap::new();
    for root in checked {
        findings.extend(root.findings);
        unknowns.extend(root.unknowns);
        sites.extend(root.sites);
        loader.outcome.problems.extend(root.problems);
        texts.extend(root.texts);
        for call in root.unfollowed {
            unfollowed
                .entry((call.at.file.0, call.at.range.start))
                .or_insert(call);
        }
    }
    // A module that several roots reach is read by each: its problems are said once.
    loader.outcome.problems.sort_by(|a, b| {
        (&a.path, a.span.map(|s| s.range.start), a.kind, &a.message).cmp(&(
            &b.path,
            b.span.map(|s| s.range.start),
            b.kind,
            &b.message,
        ))
    });
    loader.outcome.problems.dedup_by(|a, b| {
        a.path == b.path && a.span == b.span && a.kind == b.kind && a.message == b.message
    });
    loader.outcome.texts = texts.into_iter().collect();
    let mut outcome = loader.outcome;
    outcome.findings = findings;
    outcome.unknowns = unknowns;
    outcome.modules = roots.len();
    outcome.resources = sites;
    outcome.unfollowed = unfollowed.into_values().collect();
    outcome
}
