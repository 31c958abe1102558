//! CDK cloud assemblies (`cdk.out`): which templates a `cdk synth` produced (stacks, stages,
//! nested stacks), the construct path of each resource, and, when the assembly records creation
//! stack traces, the line of the user's source that created it.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use std::sync::Arc;

use coglint_frontend::cloudformation::{Construct, Constructs};
use coglint_source::{FileId, LineIndex, Span, TextRange};
use serde_json::Value;

use crate::problem::Problem;
use crate::project::Files;
use crate::read::{read_text, Roots};

mod assembly;
use assembly::Reader;

/// The deepest nesting of stage assemblies followed.
const MAX_ASSEMBLY_DEPTH: usize = 8;

/// Where a creation stack trace says the user's code created a construct: the file (an index
/// into [`Assemblies::frame_files`]), line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Frame {
    pub file: u32,
    pub line: u32,
    pub col: u32,
}

/// What the scan learns from the assemblies it finds.
#[derive(Debug, Default)]
pub(crate) struct Assemblies {
    /// Every template of every assembly, each once.
    pub templates: BTreeSet<PathBuf>,
    /// Per template (normalized path), its resources' constructs by logical ID.
    pub constructs: HashMap<PathBuf, Constructs<Frame>>,
    /// The files the frames name, each once.
    pub frame_files: Vec<PathBuf>,
    frame_ids: HashMap<PathBuf, u32>,
    pub problems: Vec<Problem>,
}

impl Assemblies {
    /// Adds the constructs of one stack's resources in `template`; of a logical ID met twice,
    /// the last.
    fn add_constructs(&mut self, template: PathBuf, found: Vec<Found<'_>>) {
        let mut frames = Vec::with_capacity(found.len());
        for item in &found {
            frames.push(item.frame.as_ref().and_then(|(file, line, col)| {
                let next = u32::try_from(self.frame_files.len()).ok()?;
                let index = *self.frame_ids.entry(file.clone()).or_insert_with(|| {
                    self.frame_files.push(file.clone());
                    next
                });
                Some(Frame {
                    file: index,
                    line: *line,
                    col: *col,
                })
            }));
        }
        let added = found.iter().zip(frames).map(|(item, source)| {
            let path = item.path;
            (item.logical_id, Construct { path, source })
        });
        let known = self.constructs.remove(&template).unwrap_or_default();
        let merged = known.iter().chain(added).collect();
        self.constructs.insert(template, merged);
    }
}

/// One resource of a stack, as its metadata records it.
struct Found<'e> {
    logical_id: &'e str,
    /// The construct path, without its leading `/`.
    path: &'e str,
    /// The first frame of the creation stack trace in the user's own code: file, line, column.
    frame: Option<(PathBuf, u32, u32)>,
}

/// Reads the assemblies discovery found (see `Discovered::assemblies`); nothing outside
/// `roots` is read.
pub(crate) fn find(dirs: &[PathBuf], roots: &Roots) -> Assemblies {
    let mut reader = Reader {
        roots,
        seen: BTreeSet::new(),
        out: Assemblies::default(),
    };
    for dir in dirs {
        let root = app_root(dir);
        reader.read_assembly(dir, &root, 0);
    }
    reader.out
}

/// The directory of the app that synthesized the assembly in `dir`, where the files of its
/// creation stack traces are looked for: the one holding `cdk.out`, above a stage's
/// `cdk.out/assembly-Prod`, and above Amplify Gen 2's `.amplify/artifacts/cdk.out`. Found from
/// the names alone: the directories above a scanned path are not read.
fn app_root(dir: &Path) -> PathBuf {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| normalize(dir));
    let mut top = dir.as_path();
    for _ in 0..MAX_ASSEMBLY_DEPTH {
        let stage = top
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("assembly-"));
        match top.parent() {
            Some(parent) if stage => top = parent,
            _ => break,
        }
    }
    let root = top.parent().unwrap_or(top);
    if root.ends_with(".amplify/artifacts") {
        if let Some(project) = root.parent().and_then(Path::parent) {
            return project.to_path_buf();
        }
    }
    root.to_path_buf()
}

/// The constructs of each template, with the line of the user's source that created each
/// (when the trace points into a file under a scanned path); those source files take their ids
/// in the scan's file table.
pub(crate) fn resolve(
    assemblies: &mut Assemblies,
    files: &mut Files,
) -> HashMap<PathBuf, Constructs> {
    let roots = files.roots().clone();
    let mut out = HashMap::new();
    let mut sources: HashMap<PathBuf, (FileId, Arc<str>, LineIndex)> = HashMap::new();
    let frame_files = std::mem::take(&mut assemblies.frame_files);
    // In a fixed order: the source files get their ids in the order they are first met, and
    // findings are sorted by file id (hash-map order here made the output vary between runs).
    let mut templates: Vec<_> = std::mem::take(&mut assemblies.constructs)
        .into_iter()
        .collect();
    templates.sort_by(|a, b| a.0.cmp(&b.0));
    for (template, manifest) in templates {
        let constructs = manifest.map_sources(|_, frame| {
            let file = frame_files.get(frame.file as usize)?;
            let canonical = std::fs::canonicalize(file).ok()?;
            // Only a file under the scanned roots is shown: its path is then the user's to
            // read. A trace is the assembly's word, not the user's: the others are left out.
            if !roots.admits(&canonical) {
                return None;
            }
            if !sources.contains_key(&canonical) {
                let text: Arc<str> =
                    Arc::from(read_text(&canonical, false, &roots).ok().flatten()?);
                let lines = LineIndex::new(&text);
                let shown = relative_to_cwd(&canonical).unwrap_or_else(|| canonical.clone());
                let id = files.register(&shown);
                files.set_text(id, Arc::clone(&text), true);
                sources.insert(canonical.clone(), (id, text, lines));
            }
            let (id, text, lines) = sources.get(&canonical)?;
            let line_range = lines.line_range(text, (frame.line as usize).checked_sub(1)?);
            let line_text = text.get(line_range.as_usize())?;
            let skip: usize = line_text
                .chars()
                .take((frame.col as usize).saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            let start = line_range.start + u32::try_from(skip).ok()?;
            let end = line_range.start + u32::try_from(line_text.trim_end().len()).ok()?;
            Some(Span::new(*id, TextRange::new(start.min(end), end)))
        });
        out.insert(template, constructs);
    }
    out.shrink_to_fit();
    out
}

fn relative_to_cwd(path: &Path) -> Option<PathBuf> {
    let cwd = std::fs::canonicalize(".").ok()?;
    path.strip_prefix(&cwd).ok().map(Path::to_path_buf)
}

/// `a/./b/../c` as `a/c`, so that one file reached two ways is read once.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    coglint_frontend::terraform::normalize(path)
}

/// The files an asset manifest (`<stack>.assets.json`) publishes: `files.<hash>.source.path`.
fn asset_sources(manifest: &Value) -> impl Iterator<Item = &str> {
    manifest
        .get("files")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|files| files.values())
        .filter_map(|f| f.get("source")?.get("path")?.as_str())
}

/// What the metadata says of one construct path.
#[derive(Default)]
struct Entry {
    path: String,
    logical_id: Option<String>,
    creation_stack: Vec<String>,
    template_file: Option<String>,
    /// Files of `aws:cdk:asset` entries (assemblies without an asset manifest).
    asset_paths: Vec<String>,
}

/// Reads `{"/Stack/Pool/Resource": [{"type": "aws:cdk:logicalId", "data": "Pool123"},
/// {"type": "aws:cdk:creationStack", "data": ["new Stack (/app/lib/stack.ts:12:5)", ..]}]}`.
fn read_metadata(metadata: &Value, out: &mut Vec<Entry>) {
    let Some(map) = metadata.as_object() else {
        return;
    };
    for (path, list) in map {
        let mut entry = Entry {
            path: path.clone(),
            ..Entry::default()
        };
        for item in list.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let data = item.get("data");
            match item.get("type").and_then(Value::as_str) {
                Some("aws:cdk:logicalId") => {
                    entry.logical_id = data.and_then(Value::as_str).map(str::to_string)
                }
                Some("aws:cdk:templateFile") => {
                    entry.template_file = data.and_then(Value::as_str).map(str::to_string)
                }
                Some("aws:cdk:asset") => {
                    if let Some(path) = data.and_then(|d| d.get("path")).and_then(Value::as_str) {
                        entry.asset_paths.push(path.to_string());
                    }
                }
                Some("aws:cdk:creationStack") => {
                    entry.creation_stack = data
                        .and_then(Value::as_array)
                        .map(|frames| {
                            frames
                                .iter()
                                .filter_map(Value::as_str)
                                .map(str::to_string)
                                .collect()
                        })
                        .unwrap_or_default();
                }
                _ => {}
            }
            // Older assemblies put the trace on the entry itself.
            if let Some(trace) = item.get("trace").and_then(Value::as_array) {
                if entry.creation_stack.is_empty() {
                    entry.creation_stack = trace
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect();
                }
            }
        }
        out.push(entry);
    }
}

/// Sorts each resource into the template it is in: a nested stack's constructs (under the path
/// that records the nested template) go to that template, the rest to the stack's own.
fn assign_to_templates<'e>(
    stack_template: &'e str,
    entries: &'e [Entry],
    app_root: &Path,
) -> HashMap<&'e str, Vec<Found<'e>>> {
    let templates: Vec<(&str, &str)> = entries
        .iter()
        .filter_map(|e| Some((e.path.as_str(), e.template_file.as_deref()?)))
        .collect();
    let mut out: HashMap<&str, Vec<Found<'e>>> = HashMap::new();
    out.entry(stack_template).or_default();
    for (_, file) in &templates {
        out.entry(file).or_default();
    }
    for entry in entries {
        let Some(logical_id) = &entry.logical_id else {
            continue;
        };
        let template = templates
            .iter()
            .filter(|(prefix, _)| entry.path.starts_with(&format!("{prefix}/")))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, file)| *file)
            .unwrap_or(stack_template);
        let frame = user_frame(entry.creation_stack.iter().map(String::as_str))
            .map(|(file, line, col)| (locate(&file, app_root), line, col));
        out.entry(template).or_default().push(Found {
            logical_id,
            path: entry.path.trim_start_matches('/'),
            frame,
        });
    }
    out
}

/// A traced source file. The trace holds the absolute path where the app was synthesized; when
/// that was another checkout or machine, the file is found again as the longest tail of that
/// path that exists under the app's root (the directory holding `cdk.out`).
fn locate(file: &Path, app_root: &Path) -> PathBuf {
    let root = std::fs::canonicalize(app_root).unwrap_or_else(|_| app_root.to_path_buf());
    if file.starts_with(&root) && file.is_file() {
        return file.to_path_buf();
    }
    let parts: Vec<_> = file.components().collect();
    for skip in 1..parts.len() {
        let tail: PathBuf = parts[skip..].iter().collect();
        let candidate = app_root.join(&tail);
        if candidate.is_file() {
            return candidate;
        }
    }
    file.to_path_buf()
}

/// The first frame of a JavaScript stack trace that is the user's code, not a library's:
/// `new AuthStack (/app/lib/auth-stack.ts:12:22)` gives `/app/lib/auth-stack.ts`, 12, 22.
pub(crate) fn user_frame<'t>(frames: impl Iterator<Item = &'t str>) -> Option<(PathBuf, u32, u32)> {
    frames.filter_map(parse_frame).find(|(file, _, _)| {
        let text = file.to_string_lossy();
        !text.contains("node_modules") && !text.starts_with("node:") && !text.contains("/internal/")
    })
}

fn parse_frame(frame: &str) -> Option<(PathBuf, u32, u32)> {
    let frame = frame.trim().trim_start_matches("at ");
    let location = match (frame.rfind('('), frame.ends_with(')')) {
        (Some(open), true) => &frame[open + 1..frame.len() - 1],
        _ => frame,
    };
    let location = location.strip_prefix("file://").unwrap_or(location);
    let (rest, col) = location.rsplit_once(':')?;
    let (file, line) = rest.rsplit_once(':')?;
    Some((PathBuf::from(file), line.parse().ok()?, col.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::ProblemKind;

    #[test]
    fn frames_of_the_users_code_are_found() {
        let trace = [
            "new UserPool (/app/node_modules/aws-cdk-lib/aws-cognito/lib/user-pool.js:1:2345)",
            "new AuthStack (/app/lib/auth-stack.ts:12:22)",
            "Object.<anonymous> (/app/bin/app.ts:5:1)",
        ];
        assert_eq!(
            user_frame(trace.iter().copied()),
            Some((PathBuf::from("/app/lib/auth-stack.ts"), 12, 22))
        );
        assert_eq!(
            parse_frame("at /app/x.ts:3:4"),
            Some((PathBuf::from("/app/x.ts"), 3, 4))
        );
        assert_eq!(parse_frame("native"), None);
    }

    #[test]
    fn the_app_is_above_stage_and_amplify_assemblies() {
        for (dir, app) in [
            ("/home/someone/app/cdk.out", "/home/someone/app"),
            (
                "/home/someone/app/cdk.out/assembly-Prod",
                "/home/someone/app",
            ),
            (
                "/home/someone/app/cdk.out/assembly-Prod/assembly-Prod-Blue",
                "/home/someone/app",
            ),
            (
                "/home/someone/app/.amplify/artifacts/cdk.out",
                "/home/someone/app",
            ),
            ("/home/someone/app/build/cdk", "/home/someone/app/build"),
        ] {
            assert_eq!(app_root(Path::new(dir)), PathBuf::from(app), "{dir}");
        }
    }

    #[test]
    fn templates_of_an_unreadable_manifest_are_still_checked() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("cdk.out");
        std::fs::create_dir_all(&out)?;
        std::fs::write(out.join("manifest.json"), "{\"artifacts\": ")?;
        std::fs::write(out.join("AuthStack.template.json"), "{}")?;
        let assemblies = find(std::slice::from_ref(&out), &Roots::anywhere());
        assert!(assemblies
            .templates
            .contains(&normalize(&out.join("AuthStack.template.json"))));
        let kinds: Vec<(ProblemKind, &str)> = assemblies
            .problems
            .iter()
            .map(|p| (p.kind, p.message.as_str()))
            .collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert_eq!(kinds[0].0, ProblemKind::Syntax);
        assert_eq!(
            kinds[1],
            (
                ProblemKind::UnlistedTemplate,
                "cdk.out/manifest.json cannot be read; checked as a plain CloudFormation template"
            )
        );
        Ok(())
    }
}
