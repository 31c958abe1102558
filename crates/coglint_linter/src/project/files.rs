//! The file table of one scan: every file gets its id once, in a deterministic order, and is
//! read at most once, however many units use it (a parameters file shared by templates, a
//! file that several Serverless services include). Only files under the allowed roots are read,
//! besides those the user names on the command line.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_source::{Excerpts, FileId, SourceDb, TextRange, EXCERPT_CONTEXT};

use crate::problem::{Problem, ProblemKind};
use crate::read::{read_text, Roots};

struct Entry {
    path: PathBuf,
    /// The text, once read (an empty text when it could not be read).
    text: Option<Arc<str>>,
    /// Whether a report may point into the file: its text goes to the source database.
    keep: bool,
    /// What is kept of the text instead, when only some lines of it are.
    excerpts: Option<coglint_source::Excerpts>,
}

#[derive(Default)]
pub(crate) struct Files {
    entries: Vec<Entry>,
    by_path: HashMap<PathBuf, FileId>,
    /// Directories whose files may be read (the scanned roots, and the repositories around
    /// them).
    roots: Roots,
    /// Files the user named on the command line (`--parameters`), normalized: read wherever
    /// they are.
    named: HashSet<PathBuf>,
}

fn id_of(index: usize) -> FileId {
    FileId(u32::try_from(index).unwrap_or(u32::MAX))
}

impl Files {
    pub fn new(roots: Roots, named: Vec<PathBuf>) -> Self {
        Self {
            roots,
            named: named.iter().map(|p| crate::cdk::normalize(p)).collect(),
            ..Self::default()
        }
    }

    /// The directories whose files may be read.
    pub fn roots(&self) -> &Roots {
        &self.roots
    }

    fn roots_for(&self, path: &Path) -> Roots {
        if self.named.contains(&crate::cdk::normalize(path)) {
            Roots::anywhere()
        } else {
            self.roots.clone()
        }
    }

    /// The id of `path`, given on first sight.
    pub fn register(&mut self, path: &Path) -> FileId {
        let key = crate::cdk::normalize(path);
        if let Some(id) = self.by_path.get(&key) {
            return *id;
        }
        let id = id_of(self.entries.len());
        self.entries.push(Entry {
            path: path.to_path_buf(),
            text: None,
            excerpts: None,
            keep: false,
        });
        self.by_path.insert(key, id);
        id
    }

    pub fn path(&self, id: FileId) -> &Path {
        self.entries
            .get(id.0 as usize)
            .map(|e| e.path.as_path())
            .unwrap_or(Path::new(""))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Records text read elsewhere (the parallel first read of the discovered files).
    pub fn set_text(&mut self, id: FileId, text: Arc<str>, keep: bool) {
        if let Some(entry) = self.entries.get_mut(id.0 as usize) {
            entry.text = Some(text);
            entry.keep |= keep;
        }
    }

    /// Keeps only excerpts of a file's text for the report.
    pub fn set_excerpts(&mut self, id: FileId, excerpts: coglint_source::Excerpts) {
        if let Some(entry) = self.entries.get_mut(id.0 as usize) {
            entry.excerpts = Some(excerpts);
        }
    }

    /// Keeps, of each file of `ids` kept whole, only the lines around its `places` (none when
    /// the report does not point into it); a file that may hold a suppression comment stays
    /// whole. A place found later outside them is added from the file read again.
    pub fn excerpt(
        &mut self,
        ids: impl IntoIterator<Item = FileId>,
        places: &HashMap<FileId, Vec<TextRange>>,
    ) {
        for id in ids {
            let Some(entry) = self.entries.get_mut(id.0 as usize) else {
                continue;
            };
            let Some(text) = entry.text.as_ref().filter(|_| entry.keep) else {
                continue;
            };
            if crate::suppress::may_suppress(text) {
                continue;
            }
            let ranges = places.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            let excerpts = Excerpts::of(text, ranges.iter().copied(), EXCERPT_CONTEXT);
            if let Some(excerpts) = excerpts {
                entry.excerpts = Some(excerpts);
                entry.text = None;
                entry.keep = false;
            }
        }
    }

    /// Marks a file as pointed into by a report.
    pub fn keep(&mut self, id: FileId) {
        if let Some(entry) = self.entries.get_mut(id.0 as usize) {
            entry.keep = true;
        }
    }

    /// Whether `path` lies under an allowed root.
    pub fn allowed(&self, path: &Path) -> bool {
        self.roots_for(path).admits(path)
    }

    /// The text of `path`, read once; a file outside the allowed roots is not read.
    pub fn read(&mut self, path: &Path) -> Result<(FileId, Arc<str>), Problem> {
        let roots = self.roots_for(path);
        if !roots.admits(path) {
            return Err(Problem::new(
                ProblemKind::OutsideRoots,
                path,
                "outside the scanned directories and their repository; not read",
            ));
        }
        let id = self.register(path);
        if let Some(text) = self.entries.get(id.0 as usize).and_then(|e| e.text.clone()) {
            return Ok((id, text));
        }
        let text: Arc<str> = match read_text(path, true, &roots) {
            Ok(Some(text)) => Arc::from(text),
            Ok(None) => Arc::from(""),
            Err(problem) => {
                self.set_text(id, Arc::from(""), false);
                return Err(problem);
            }
        };
        self.set_text(id, Arc::clone(&text), false);
        Ok((id, text))
    }

    /// The source database: every file, in id order, with its text where a report may point.
    pub fn into_sources(self) -> SourceDb {
        let mut db = SourceDb::new();
        for entry in self.entries {
            // Kept whole for another unit's report, the whole text serves this one's too.
            match (entry.keep, entry.text, entry.excerpts) {
                (true, Some(text), _) => {
                    db.add(entry.path, text);
                }
                (_, _, Some(excerpts)) => {
                    let id = db.add(entry.path, "");
                    db.set_excerpts(id, excerpts);
                }
                _ => {
                    db.add(entry.path, "");
                }
            }
        }
        db
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_once_and_given_one_id() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("custom.yml");
        std::fs::write(&path, "mfa: OFF\n")?;
        let mut files = Files::new(Roots::anywhere(), Vec::new());
        let (id, first) = files
            .read(&path)
            .map_err(|p| std::io::Error::other(p.message))?;
        // The file is gone: a second read can only come from the table.
        std::fs::remove_file(&path)?;
        let (again, second) = files
            .read(&path)
            .map_err(|p| std::io::Error::other(p.message))?;
        assert_eq!(id, again);
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(files.register(&dir.path().join("./custom.yml")), id);
        Ok(())
    }

    #[test]
    fn nothing_outside_the_allowed_roots_is_read() -> std::io::Result<()> {
        let inside = tempfile::tempdir()?;
        let outside = tempfile::tempdir()?;
        let secret = outside.path().join("secret.yml");
        std::fs::write(&secret, "key: value\n")?;
        let mut files = Files::new(Roots::around(&[inside.path().to_path_buf()]), Vec::new());
        let Err(problem) = files.read(&secret) else {
            panic!("a file outside the roots was read")
        };
        assert_eq!(problem.kind, ProblemKind::OutsideRoots);
        let through = inside
            .path()
            .join("../")
            .join(outside.path().file_name().unwrap_or_default());
        assert!(files.read(&through.join("secret.yml")).is_err());
        Ok(())
    }

    #[test]
    fn a_file_named_on_the_command_line_is_read_wherever_it_is() -> std::io::Result<()> {
        let inside = tempfile::tempdir()?;
        let outside = tempfile::tempdir()?;
        let named = outside.path().join("params.json");
        std::fs::write(&named, "{}")?;
        std::fs::write(outside.path().join("other.json"), "{}")?;
        let mut files = Files::new(
            Roots::around(&[inside.path().to_path_buf()]),
            vec![named.clone()],
        );
        assert!(files.read(&named).is_ok());
        let refused = files.read(&outside.path().join("./other.json")).err();
        assert_eq!(refused.map(|p| p.kind), Some(ProblemKind::OutsideRoots));
        Ok(())
    }
}
