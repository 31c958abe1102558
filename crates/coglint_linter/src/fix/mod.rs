//! Fixes: rendering the changes rules ask for into byte edits ([`render`]), choosing the edits
//! to apply ([`plan`]), writing them ([`write`]) and showing them ([`unified_diff`]).
//!
//! Rules state a fix in model terms; this module alone knows YAML, JSON and HCL well enough to
//! edit them, and edits only the bytes a fix changes. Files a build generates (a CDK cloud
//! assembly, an Amplify backend) get no edits: a fix there would be lost at the next build.

mod render;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use coglint_rules::{Applicability, Edit, Finding};
use coglint_source::{FileId, SourceDb};

pub use render::{render_change, SourceFormat, Unrenderable};

use crate::read::{read_string, Roots};

/// Whether a file is the output of a build, where a fix would be overwritten: a CDK cloud
/// assembly (`cdk.out`, Amplify Gen 2's `.amplify`), an Amplify Gen 1 backend (its templates
/// are built from `cli-inputs.json`, whose names are not those of the template, and its
/// `#current-cloud-backend` copy), or any directory that holds an assembly's `cdk.out` marker
/// and `manifest.json`.
pub fn is_generated(path: &Path) -> bool {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let by_name = parts
        .iter()
        .any(|p| *p == "cdk.out" || *p == ".amplify" || *p == "#current-cloud-backend")
        || parts.windows(2).any(|w| w == ["amplify", "backend"]);
    // A cloud assembly written elsewhere (`cdk synth -o build`) still marks itself: a file
    // named `cdk.out` beside its manifest.
    by_name
        || path
            .parent()
            .is_some_and(|dir| dir.join("cdk.out").is_file() && dir.join("manifest.json").is_file())
}

/// Renders the fix of each finding against the text of its files: `text(file)` gives a file's
/// path and text as scanned. A fix that cannot be rendered, or that would edit a generated file
/// or a file of a format coglint does not edit, is removed from its finding.
///
/// Findings come in file order: the findings of each file are rendered in parallel with
/// those of the others, each run holding the text and tree of the file it edits alone.
pub fn render(
    findings: &mut [Finding],
    text: impl Fn(FileId) -> Option<(PathBuf, Arc<str>)> + Sync,
) {
    let runs: Vec<&mut [Finding]> = findings
        .chunk_by_mut(|a, b| a.primary.span.file == b.primary.span.file)
        .collect();
    runs.into_par_iter()
        .for_each(|run| render_run(run, &text, HashMap::new(), None));
}

/// Renders, during the scan, the fixes of one template's findings that edit only the template
/// (`file`, at `path`), against its text and the tree the scan parsed: the report then need not
/// read and parse it again. The others are left to [`render`], which skips these.
pub(crate) fn render_file(
    findings: &mut [Finding],
    file: FileId,
    path: &Path,
    text: &Arc<str>,
    document: &Arc<coglint_syntax::Document>,
) {
    let source = |f: FileId| (f == file).then(|| (path.to_path_buf(), Arc::clone(text)));
    let trees = HashMap::from([(file, render::Tree::with_document(Arc::clone(document)))]);
    render_run(findings, &source, trees, Some(file));
}

/// The file a change edits.
fn file_of(change: &coglint_rules::Change) -> FileId {
    match change {
        coglint_rules::Change::Replace { at, .. } | coglint_rules::Change::RemoveItem { at } => {
            at.file
        }
        coglint_rules::Change::Insert { resource, .. } => resource.file,
    }
}

/// [`render`] for one run of findings, with the trees already parsed (`trees`); `only`: just
/// the fixes that edit that file alone. A fix rendered before (with edits) is kept as it is.
fn render_run(
    findings: &mut [Finding],
    text: &impl Fn(FileId) -> Option<(PathBuf, Arc<str>)>,
    mut trees: HashMap<FileId, render::Tree>,
    only: Option<FileId>,
) {
    let mut texts: HashMap<FileId, Option<(PathBuf, Arc<str>)>> = HashMap::new();
    for finding in findings {
        let Some(fix) = &mut finding.fix else {
            continue;
        };
        if !fix.edits.is_empty()
            || only.is_some_and(|only| fix.changes.iter().any(|c| file_of(c) != only))
        {
            continue;
        }
        let mut edits = Vec::new();
        let mut ok = !fix.changes.is_empty();
        for change in &fix.changes {
            let file = file_of(change);
            // One file's text is held at a time too.
            if !texts.contains_key(&file) {
                texts.clear();
            }
            let known = texts.entry(file).or_insert_with(|| text(file));
            let rendered = known.as_ref().and_then(|(path, text)| {
                if is_generated(path) {
                    return None;
                }
                let format = SourceFormat::of_text(path, text)?;
                // One file's tree is held at a time, as the scan holds one unit's.
                if !trees.contains_key(&file) {
                    trees.clear();
                }
                let tree = trees.entry(file).or_default();
                render::render_with(text, format, file, change, tree).ok()
            });
            match rendered {
                Some(e) => edits.extend(e),
                None => ok = false,
            }
        }
        if ok && !edits.is_empty() {
            edits.sort_by_key(|e| (e.span.file, e.span.range.start, e.span.range.end));
            fix.edits = edits;
        } else {
            finding.fix = None;
        }
    }
}

/// [`render`] over the files of a scan: their texts as the source database keeps them. The
/// places of the edits join the excerpts of a file the scan kept only excerpts of, so that a
/// report can say their lines.
pub fn render_in(findings: &mut [Finding], sources: &mut SourceDb) {
    render(findings, |file| scanned_text(sources, file));
    let edits = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| fix.edits.iter().map(|edit| edit.span));
    // Read as `scanned_text` reads a file the scan did not keep whole.
    crate::scan::cover_places(sources, edits, |path| {
        read_string(path, &Roots::anywhere()).ok()
    });
}

/// The path and text of `file` as scanned: the source database's text or, when the scan did
/// not keep it, the file read again with the linter's read function (the scan admitted it).
pub fn scanned_text(sources: &SourceDb, file: FileId) -> Option<(PathBuf, Arc<str>)> {
    let source = sources.get(file)?;
    let text = if source.text().is_empty() {
        Arc::from(read_string(source.path(), &Roots::anywhere()).ok()?)
    } else {
        source.shared_text()
    };
    Some((source.path().to_path_buf(), text))
}

/// One file with its edits applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedFile {
    pub path: PathBuf,
    pub before: String,
    pub after: String,
}

/// What a run of fixes would do.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The files that change, in path order.
    pub files: Vec<FixedFile>,
    /// Findings whose fix is applied.
    pub fixed: usize,
    /// Their indexes in the findings given to [`plan`].
    pub applied: Vec<usize>,
    /// Findings with an unsafe fix, not applied without `--unsafe-fixes`.
    pub unsafe_left: usize,
    /// Fixes left out because they overlap one applied before them (a later pass may apply
    /// them, against the fixed text).
    pub conflicts: usize,
    /// Files not edited, and why (outside the scanned paths, changed since the scan).
    pub refused: Vec<(PathBuf, String)>,
}

/// Whether two edits touch the same bytes (an insertion touches its neighbours too: their
/// order would be a guess).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    let (a, b) = (a.span.range, b.span.range);
    if a.is_empty() || b.is_empty() {
        a.start <= b.end && b.start <= a.end
    } else {
        a.start < b.end && b.start < a.end
    }
}

/// Chooses the edits to apply: each finding's rendered fix of an allowed applicability, in
/// the findings' order; the same edit asked twice (a parameter's value that several findings
/// reach) is made once, and a fix that overlaps one chosen before it is left for a later pass.
/// Only files under `roots` (the scanned paths, canonical) are edited; each is read again with
/// the linter's read function, and refused when it is no longer the text scanned.
pub fn plan(
    findings: &[Finding],
    sources: &SourceDb,
    roots: &[PathBuf],
    unsafe_fixes: bool,
) -> Plan {
    let mut out = Plan::default();
    // Per file, the chosen edits by (start, end): they do not overlap, so their ends grow
    // with their starts and a new edit is checked against its few neighbours only.
    let mut chosen: HashMap<FileId, BTreeMap<(u32, u32), Edit>> = HashMap::new();
    // Per file: whether it may be written (with its text), decided once.
    let mut verdicts: HashMap<FileId, Verdict> = HashMap::new();
    let mut claimed: HashMap<PathBuf, FileId> = HashMap::new();
    let read_roots = Roots::around(roots);
    for (index, finding) in findings.iter().enumerate() {
        let Some(fix) = &finding.fix else { continue };
        if fix.edits.is_empty() {
            continue;
        }
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            out.unsafe_left += 1;
            continue;
        }
        // Every file of the fix must be writable, or none of it is applied.
        let writable = fix.edits.iter().all(|edit| {
            let file = edit.span.file;
            let verdict = verdicts.entry(file).or_insert_with(|| {
                let now = match current(file, sources, roots, &read_roots) {
                    Ok(now) => now,
                    Err(reason) => return Verdict::Refused(reason),
                };
                // One file reached by two paths (a link) is edited through the first only,
                // or the second write would undo the first's edits.
                let real = sources
                    .get(file)
                    .and_then(|s| std::fs::canonicalize(s.path()).ok());
                match real {
                    Some(real) => match claimed.get(&real) {
                        Some(other) if *other != file => Verdict::Alias,
                        _ => {
                            claimed.insert(real, file);
                            Verdict::Writable(now)
                        }
                    },
                    None => Verdict::Refused("cannot be resolved".to_string()),
                }
            });
            matches!(verdict, Verdict::Writable(_))
        });
        if !writable {
            continue;
        }
        let conflict = fix.edits.iter().any(|edit| {
            chosen.get(&edit.span.file).is_some_and(|edits| {
                let range = edit.span.range;
                edits
                    .range(..=(range.end, u32::MAX))
                    .rev()
                    .take_while(|((_, end), _)| *end >= range.start)
                    .any(|(_, c)| c != edit && overlaps(c, edit))
            })
        });
        if conflict {
            out.conflicts += 1;
            continue;
        }
        for edit in &fix.edits {
            let range = edit.span.range;
            chosen
                .entry(edit.span.file)
                .or_default()
                .insert((range.start, range.end), edit.clone());
        }
        out.fixed += 1;
        out.applied.push(index);
    }
    let mut files: Vec<FileId> = chosen.keys().copied().collect();
    files.sort_by_key(|f| sources.get(*f).map(|s| s.path().to_path_buf()));
    for file in files {
        let (Some(source), Some(edits)) = (sources.get(file), chosen.get(&file)) else {
            continue;
        };
        // The text read when the file was found writable: the one the edits are made in.
        let Some(Verdict::Writable(before)) = verdicts.get(&file) else {
            continue;
        };
        let before = before.to_string();
        let edits: Vec<Edit> = edits.values().cloned().collect();
        match apply(&before, &edits) {
            Some(after) => out.files.push(FixedFile {
                path: source.path().to_path_buf(),
                before,
                after,
            }),
            None => out
                .refused
                .push((source.path().to_path_buf(), "edits out of range".into())),
        }
    }
    let mut refused: Vec<(PathBuf, String)> = verdicts
        .into_iter()
        .filter_map(|(file, verdict)| match verdict {
            Verdict::Refused(reason) => Some((sources.get(file)?.path().to_path_buf(), reason)),
            Verdict::Writable(_) | Verdict::Alias => None,
        })
        .collect();
    refused.sort();
    out.refused.extend(refused);
    out
}

/// Whether a file of the scan may be written.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Writable; its text now, which is the text scanned.
    Writable(String),
    /// Not written, and why.
    Refused(String),
    /// The same file as another path of the scan (through a link): written through that one.
    Alias,
}

/// The text of `file` now, if it may be edited: not generated, under the scanned paths, and
/// still the text scanned (when the scan kept it); else why not.
fn current(
    file: FileId,
    sources: &SourceDb,
    roots: &[PathBuf],
    read_roots: &Roots,
) -> Result<String, String> {
    let Some(source) = sources.get(file) else {
        return Err("not a file of the scan".to_string());
    };
    let path = source.path();
    if is_generated(path) {
        return Err(
            "a generated file (cdk.out, Amplify backend): fix the source it is built from"
                .to_string(),
        );
    }
    if !inside(path, roots) {
        return Err("outside the scanned paths: not written".to_string());
    }
    // What the scan kept of the file must be in it still: its whole text, or its excerpts
    // (which hold the places of the fix's edits).
    let unchanged = |now: &str| match source.excerpts() {
        Some(excerpts) => excerpts.matches(now),
        None => source.text().is_empty() || now == source.text(),
    };
    match read_string(path, read_roots) {
        Ok(now) if unchanged(&now) => Ok(now),
        Ok(_) => Err("changed since it was scanned: not written".to_string()),
        Err(e) => Err(e.describe()),
    }
}

/// Whether `path`, its links followed, is one of `roots` or under one of them.
fn inside(path: &Path, roots: &[PathBuf]) -> bool {
    let Ok(real) = std::fs::canonicalize(path) else {
        return false;
    };
    roots.iter().any(|root| {
        std::fs::canonicalize(root).is_ok_and(|root| real == root || real.starts_with(&root))
    })
}

/// `text` with `edits` (not overlapping) applied; `None` if one is out of range.
pub fn apply(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.range.start, e.span.range.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0usize;
    for edit in sorted {
        let range = edit.span.range.as_usize();
        if range.start < at {
            return None;
        }
        out.push_str(text.get(at..range.start)?);
        out.push_str(&edit.replacement);
        at = range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// Error writing a fixed file.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Writes each fixed file atomically: a temporary file beside it, with its permissions, renamed
/// over it. The text keeps its byte order mark and line breaks (edits only add the file's own).
pub fn write(files: &[FixedFile]) -> Result<(), WriteError> {
    for file in files {
        write_one(&file.path, &file.after).map_err(|source| WriteError {
            path: file.path.clone(),
            source,
        })?;
    }
    Ok(())
}

fn write_one(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    // Write through links to the file they name, so that the link stays a link.
    let real = std::fs::canonicalize(path)?;
    let dir = real.parent().unwrap_or(Path::new("."));
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(&real)?.permissions();
    let temp = dir.join(format!(".{name}.coglint-fix.{}", std::process::id()));
    let result = (|| {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        out.write_all(text.as_bytes())?;
        out.sync_all()?;
        std::fs::set_permissions(&temp, permissions)?;
        std::fs::rename(&temp, &real)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// A unified diff of every fixed file, paths shown relative to `root` as `a/…` and `b/…`.
pub fn unified_diff(files: &[FixedFile], root: &Path) -> String {
    let mut out = String::new();
    for file in files {
        let shown = crate::display_path(&file.path, root);
        // `a/` and `b/` before a relative path, as git does; an absolute one as it is.
        let (old, new) = if Path::new(&shown).is_absolute() {
            (shown.clone(), shown)
        } else {
            (format!("a/{shown}"), format!("b/{shown}"))
        };
        let diff = similar::TextDiff::from_lines(&file.before, &file.after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&old, &new)
                .to_string(),
        );
    }
    out
}

/// The most passes of [`fix_files`]: a fix left out for overlapping another is tried again on
/// the fixed text, as ruff does.
pub const MAX_PASSES: usize = 4;

/// What [`fix_files`] did.
#[derive(Debug, Default)]
pub struct FixRun {
    /// The scan of the fixed files (fixes rendered): what remains.
    pub result: crate::ScanResult,
    /// Findings fixed, over every pass.
    pub fixed: usize,
    /// The rule code and resource of each finding fixed, for tests and messages.
    pub fixed_findings: Vec<(&'static str, String)>,
    /// Files written, in order, once each.
    pub written: Vec<PathBuf>,
    /// Files not written, and why.
    pub refused: Vec<(PathBuf, String)>,
}

/// Scans, applies the fixes (safe ones, and unsafe ones when asked), writes the files and scans
/// again, until no fix applies or after [`MAX_PASSES`] passes. Only files under the scanned
/// paths are written.
pub fn fix_files(options: &crate::ScanOptions, unsafe_fixes: bool) -> Result<FixRun, WriteError> {
    fix_selected(options, unsafe_fixes, &|findings, _| findings)
}

/// [`fix_files`] for the findings `select` keeps of each scan (the ones a baseline does not
/// hold): the others are left as they are.
pub fn fix_selected(
    options: &crate::ScanOptions,
    unsafe_fixes: bool,
    select: &dyn Fn(Vec<Finding>, &SourceDb) -> Vec<Finding>,
) -> Result<FixRun, WriteError> {
    let mut run = FixRun::default();
    let mut result = crate::scan(options);
    render_in(&mut result.findings, &mut result.sources);
    for _ in 0..MAX_PASSES {
        let chosen = select(result.findings.clone(), &result.sources);
        let plan = plan(&chosen, &result.sources, &options.paths, unsafe_fixes);
        for refused in &plan.refused {
            if !run.refused.contains(refused) {
                run.refused.push(refused.clone());
            }
        }
        if plan.files.is_empty() {
            break;
        }
        write(&plan.files)?;
        run.fixed += plan.fixed;
        run.fixed_findings.extend(
            plan.applied
                .iter()
                .filter_map(|i| chosen.get(*i))
                .map(|f| (f.rule.code, f.resource.clone())),
        );
        for file in plan.files {
            if !run.written.contains(&file.path) {
                run.written.push(file.path);
            }
        }
        result = crate::scan(options);
        render_in(&mut result.findings, &mut result.sources);
    }
    run.result = result;
    Ok(run)
}
