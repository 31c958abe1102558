//! Finding the files to scan: walks directories (honouring .gitignore and .ignore, skipping
//! hidden directories and node_modules), and always keeps files named on the command line.
//! Symbolic links are followed only while they stay inside the scanned roots (and the
//! repository around them); a link that leads out, and a named pipe, a device or a socket with
//! a template's name, is a problem that names it, and nothing behind it is read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;

use crate::problem::{Problem, ProblemKind};
use crate::read::{kind_of, read_string, Refused, Roots};

/// Extensions of files that may hold a CloudFormation template or Terraform configuration.
const TEMPLATE_EXTENSIONS: &[&str] = &["yaml", "yml", "json", "template", "tf", "tfvars"];

/// The files to scan, sorted, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Discovered {
    /// `(path, named explicitly)`.
    pub files: Vec<(PathBuf, bool)>,
    pub problems: Vec<Problem>,
    /// CDK cloud assembly directories to read through their manifests: named directly, met
    /// while walking, or the `cdk.out` beside a scanned `cdk.json` or of a scanned directory
    /// (found even when .gitignore lists it, as it usually does), and Amplify Gen 2's
    /// `.amplify/artifacts/cdk.out` (see [`amplify_assembly`]).
    pub assemblies: Vec<PathBuf>,
}

fn has_template_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TEMPLATE_EXTENSIONS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(e))
    })
}

/// Looks for cloud assemblies, reading nothing outside the roots.
struct Assemblies {
    roots: Roots,
    /// Problems met on the way (shared with the walker's filter, which runs on its threads).
    problems: Arc<Mutex<Vec<Problem>>>,
}

impl Assemblies {
    fn report(&self, problem: Problem) {
        if let Ok(mut list) = self.problems.lock() {
            list.push(problem);
        }
    }

    /// Whether `dir` is a CDK cloud assembly (a `manifest.json` with `artifacts`). A manifest
    /// that is there but cannot be read (a named pipe, too large, a link out of the tree) is
    /// reported.
    fn is_cloud_assembly(&self, dir: &Path) -> bool {
        let manifest = dir.join("manifest.json");
        match read_string(&manifest, &self.roots) {
            Ok(text) => text.contains("\"artifacts\""),
            Err(refused) => {
                if !refused.is_missing() && !matches!(refused, Refused::NotUtf8(_)) {
                    self.report(refused.problem(&manifest));
                }
                false
            }
        }
    }

    /// The cloud assembly an Amplify Gen 2 project keeps in `.amplify/artifacts/cdk.out` (a
    /// sandbox's or a pipeline's synth), if `dir` has one. `.amplify` is hidden and usually
    /// git-ignored, so the walk never enters it; only this directory of it is read.
    fn amplify_assembly(&self, dir: &Path) -> Option<PathBuf> {
        let out = dir.join(".amplify").join("artifacts").join("cdk.out");
        self.is_cloud_assembly(&out).then_some(out)
    }
}

/// Lists the files under `paths`.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut explicit = BTreeSet::new();
    let mut found = BTreeSet::new();
    let mut problems = Vec::new();
    let mut assemblies = BTreeSet::new();
    let finder = Arc::new(Assemblies {
        roots: Roots::around(paths),
        problems: Arc::new(Mutex::new(Vec::new())),
    });
    for path in paths {
        match std::fs::metadata(path) {
            // A file named on the command line is the user's choice: read whatever it is (a
            // named pipe is refused by the read, and said so).
            Ok(meta) if !meta.is_dir() => {
                explicit.insert(path.clone());
            }
            // A cloud assembly is read through its manifest (crate::cdk), not walked: its asset
            // directories can hold whole node_modules trees.
            Ok(_) if finder.is_cloud_assembly(path) => {
                assemblies.insert(path.clone());
            }
            Ok(_) => {
                let out = path.join("cdk.out");
                if finder.is_cloud_assembly(&out) {
                    assemblies.insert(out);
                }
                assemblies.extend(finder.amplify_assembly(path));
                walk(path, &finder, &mut found, &mut assemblies, &mut problems)
            }
            Err(e) => problems.push(Problem::new(
                ProblemKind::Io,
                path,
                format!("cannot read: {e}"),
            )),
        }
    }
    let mut files: Vec<(PathBuf, bool)> = explicit.iter().map(|p| (p.clone(), true)).collect();
    files.extend(
        found
            .into_iter()
            .filter(|p| !explicit.contains(p))
            .map(|p| (p, false)),
    );
    files.sort();
    if let Ok(mut met) = finder.problems.lock() {
        problems.append(&mut met);
    }
    // The same file can be met twice (a manifest checked from the root and again in the walk).
    problems.sort_by(|a, b| (&a.path, a.kind).cmp(&(&b.path, b.kind)));
    problems.dedup_by(|a, b| a.path == b.path && a.kind == b.kind);
    Discovered {
        files,
        problems,
        assemblies: assemblies.into_iter().collect(),
    }
}

/// Whether the walk may enter an entry that is a symbolic link: only if it stays inside the
/// roots. One that leads out is reported when it could hold something to scan (a directory, a
/// file with a template's extension).
fn link_stays_inside(entry: &ignore::DirEntry, finder: &Assemblies) -> bool {
    if !entry.path_is_symlink() || finder.roots.admits(entry.path()) {
        return true;
    }
    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
    if is_dir || has_template_extension(entry.path()) {
        finder.report(Problem::new(
            ProblemKind::OutsideRoots,
            entry.path(),
            "a symbolic link that leads outside the scanned directories and their repository; not followed",
        ));
    }
    false
}

fn walk(
    root: &Path,
    finder: &Arc<Assemblies>,
    found: &mut BTreeSet<PathBuf>,
    assemblies: &mut BTreeSet<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    let skipped = Arc::new(Mutex::new(Vec::new()));
    let skipped_in_filter = Arc::clone(&skipped);
    let finder_in_filter = Arc::clone(finder);
    let walker = WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(true)
        .filter_entry(move |entry| {
            let name = entry.file_name();
            if name == "node_modules" || !link_stays_inside(entry, &finder_in_filter) {
                return false;
            }
            let assembly = entry.depth() > 0
                && name == "cdk.out"
                && finder_in_filter.is_cloud_assembly(entry.path());
            if assembly {
                if let Ok(mut list) = skipped_in_filter.lock() {
                    list.push(entry.path().to_path_buf());
                }
            }
            !assembly
        })
        .build_parallel();
    // Each directory is listed on whichever thread is free; what is found is gathered under
    // one lock and sorted by the caller, so the order of the walk does not matter.
    let gathered = Mutex::new((
        std::mem::take(found),
        std::mem::take(assemblies),
        std::mem::take(problems),
    ));
    walker.run(|| {
        let gathered = &gathered;
        Box::new(move |entry| {
            let seen = see(root, finder, entry);
            if let Ok(mut g) = gathered.lock() {
                let (found, assemblies, problems) = &mut *g;
                found.extend(seen.file);
                assemblies.extend(seen.assemblies);
                problems.extend(seen.problem);
            }
            ignore::WalkState::Continue
        })
    });
    (*found, *assemblies, *problems) = gathered.into_inner().unwrap_or_else(|e| e.into_inner());
    let skipped_dirs: Vec<PathBuf> = match skipped.lock() {
        Ok(list) => list.clone(),
        Err(_) => Vec::new(),
    };
    assemblies.extend(skipped_dirs);
}

/// What one entry of the walk adds.
#[derive(Default)]
struct Seen {
    file: Option<PathBuf>,
    assemblies: Vec<PathBuf>,
    problem: Option<Problem>,
}

fn see(root: &Path, finder: &Assemblies, entry: Result<ignore::DirEntry, ignore::Error>) -> Seen {
    let mut seen = Seen::default();
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            seen.problem = Some(walk_problem(root, &err));
            return seen;
        }
    };
    let is_file = entry.file_type().is_some_and(|t| t.is_file());
    if is_file && entry.file_name() == "cdk.json" {
        let out = entry.path().with_file_name("cdk.out");
        if finder.is_cloud_assembly(&out) {
            seen.assemblies.push(out);
        }
    }
    // An Amplify Gen 2 project: its `package.json`, or its `amplify/` directory.
    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
    let project = (is_file && entry.file_name() == "package.json")
        || (is_dir && entry.depth() > 0 && entry.file_name() == "amplify");
    if project {
        if let Some(dir) = entry.path().parent() {
            seen.assemblies.extend(finder.amplify_assembly(dir));
        }
    }
    if !has_template_extension(entry.path()) {
        return seen;
    }
    match entry.file_type() {
        Some(t) if t.is_file() => seen.file = Some(entry.into_path()),
        // A named pipe would block a read, a device never end it: said, not read.
        Some(t) if !t.is_dir() => {
            seen.problem = Some(Refused::NotRegular(kind_of(t)).problem(entry.path()))
        }
        _ => {}
    }
    seen
}

fn walk_problem(root: &Path, err: &ignore::Error) -> Problem {
    let mut inner = err;
    let mut path = root.to_path_buf();
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err
            }
            ignore::Error::Loop { child, .. } => {
                return Problem::new(
                    ProblemKind::SymlinkLoop,
                    child.clone(),
                    "symbolic link loop: not followed",
                );
            }
            _ => return Problem::new(ProblemKind::Io, path, format!("cannot read: {inner}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(d: &Discovered, root: &Path) -> Vec<String> {
        d.files
            .iter()
            .map(|(p, _)| {
                p.strip_prefix(root)
                    .unwrap_or(p)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    /// The paths, relative to `root`, of the problems of `kind`.
    fn problem_paths(d: &Discovered, root: &Path, kind: ProblemKind) -> Vec<String> {
        d.problems
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| {
                p.path
                    .strip_prefix(root)
                    .unwrap_or(&p.path)
                    .display()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn walks_with_ignores_and_keeps_explicit_files() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        for f in [
            "a.yaml",
            "b.json",
            "c.txt",
            "ignored.yaml",
            ".hidden/x.yaml",
            "node_modules/p/t.yaml",
            "sub/d.yml",
        ] {
            let p = root.join(f);
            if let Some(parent) = p.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(p, "x")?;
        }
        fs::write(root.join(".gitignore"), "ignored.yaml\n")?;
        let d = discover(&[root.to_path_buf()]);
        assert_eq!(names(&d, root), vec!["a.yaml", "b.json", "sub/d.yml"]);
        let d = discover(&[
            root.to_path_buf(),
            root.join("ignored.yaml"),
            root.join("c.txt"),
        ]);
        assert_eq!(
            names(&d, root),
            vec!["a.yaml", "b.json", "c.txt", "ignored.yaml", "sub/d.yml"]
        );
        assert!(d
            .files
            .iter()
            .any(|(p, explicit)| p.ends_with("c.txt") && *explicit));
        Ok(())
    }

    #[test]
    fn a_missing_path_is_a_problem() {
        let d = discover(&[PathBuf::from("/definitely/not/here.yaml")]);
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].kind, ProblemKind::Io);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_do_not_hang() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        fs::create_dir_all(root.join("a"))?;
        fs::write(root.join("a/t.yaml"), "x")?;
        std::os::unix::fs::symlink(root.join("a"), root.join("a/loop"))?;
        let d = discover(&[root.to_path_buf()]);
        assert_eq!(names(&d, root), vec!["a/t.yaml"]);
        assert!(d
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::SymlinkLoop));
        Ok(())
    }

    #[test]
    fn amplify_gen2_assemblies_are_found_from_their_project() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        let manifest = r#"{"version": "41.0.0", "artifacts": {}}"#;
        for project in ["", "apps/web/", "apps/admin/", "apps/docs/"] {
            let out = root.join(project).join(".amplify/artifacts/cdk.out");
            fs::create_dir_all(&out)?;
            fs::write(out.join("manifest.json"), manifest)?;
            fs::write(out.join("x.template.json"), "{}")?;
        }
        fs::write(root.join("apps/web/package.json"), "{}")?;
        fs::create_dir_all(root.join("apps/admin/amplify/auth"))?;
        fs::write(root.join("apps/admin/amplify/auth/resource.ts"), "")?;
        // apps/docs has neither: not an Amplify project.
        fs::write(root.join(".gitignore"), ".amplify\n")?;
        let d = discover(&[root.to_path_buf()]);
        let found: Vec<String> = d
            .assemblies
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap_or(p)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ".amplify/artifacts/cdk.out",
                "apps/admin/.amplify/artifacts/cdk.out",
                "apps/web/.amplify/artifacts/cdk.out",
            ]
        );
        // Nothing else of .amplify is walked.
        assert_eq!(names(&d, root), vec!["apps/web/package.json"]);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_tree_are_reported_and_not_followed() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let outside = tempfile::tempdir()?;
        let root = dir.path();
        fs::write(root.join("a.yaml"), "x")?;
        fs::create_dir_all(outside.path().join("stacks"))?;
        fs::write(outside.path().join("stacks/t.yaml"), "x")?;
        fs::write(outside.path().join("secret.yaml"), "x")?;
        std::os::unix::fs::symlink(outside.path().join("stacks"), root.join("stacks"))?;
        std::os::unix::fs::symlink(outside.path().join("secret.yaml"), root.join("b.yaml"))?;
        std::os::unix::fs::symlink(outside.path().join("secret.yaml"), root.join("notes.txt"))?;
        std::os::unix::fs::symlink(root.join("a.yaml"), root.join("c.yaml"))?;
        let d = discover(&[root.to_path_buf()]);
        assert_eq!(names(&d, root), vec!["a.yaml", "c.yaml"]);
        let outside = problem_paths(&d, root, ProblemKind::OutsideRoots);
        // notes.txt would not be scanned anyway: no word on it.
        assert_eq!(outside, vec!["b.yaml", "stacks"]);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn named_pipes_with_a_template_name_are_reported() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        fs::write(root.join("main.tf"), "x")?;
        fs::create_dir_all(root.join("cdk.out"))?;
        if !crate::read::tests::fifo(&root.join("prod.auto.tfvars"))
            || !crate::read::tests::fifo(&root.join("cdk.out/manifest.json"))
        {
            return Ok(());
        }
        fs::write(root.join(".gitignore"), "cdk.out\n")?;
        let d = discover(&[root.to_path_buf()]);
        assert_eq!(names(&d, root), vec!["main.tf"]);
        let special = problem_paths(&d, root, ProblemKind::SpecialFile);
        assert_eq!(special, vec!["cdk.out/manifest.json", "prod.auto.tfvars"]);
        Ok(())
    }
}
