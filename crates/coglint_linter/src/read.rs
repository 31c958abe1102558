//! The one way coglint reads a file, whoever names it (the walk, a manifest, a module source, an
//! include, a flag): only a regular file, only under the size limit, and, unless the user named
//! it on the command line, only inside the scanned roots and the repository around them. A FIFO
//! or a device is never opened, and no read takes more than the limit, so `/dev/zero` or a pipe
//! cannot hang a scan or grow its memory.

use std::collections::HashMap;
use std::fs::{File, FileType};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_frontend::cloudformation;

use crate::problem::{Problem, ProblemKind};

/// Larger files are not read (CloudFormation itself accepts templates of at most 1 MB).
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Texts that stand in for files on disk, by canonical path: an editor's unsaved buffers (the
/// language server). Every read of such a file, whoever names it, gets the text instead.
pub type Overlay = Arc<HashMap<PathBuf, Arc<str>>>;

/// The directories reads may lead into.
#[derive(Clone, Debug, Default)]
pub(crate) struct Roots {
    /// Canonical directories; `None`: anywhere (files the user named on the command line).
    dirs: Option<Vec<PathBuf>>,
    /// Unsaved texts read in place of their files (same checks of path and roots).
    overlay: Option<Overlay>,
}

impl Roots {
    /// No restriction: for files the user names (`--parameters`, `--var-file`, `--config`,
    /// `--baseline`), which are theirs to choose.
    pub fn anywhere() -> Self {
        Self {
            dirs: None,
            overlay: None,
        }
    }

    /// The same roots, reading the texts of `overlay` in place of their files.
    pub fn with_overlay(mut self, overlay: Option<Overlay>) -> Self {
        self.overlay = overlay.filter(|o| !o.is_empty());
        self
    }

    /// Each scanned directory (a file's directory), widened to the repository around it (the
    /// nearest ancestor with `.git`), canonical.
    pub fn around(paths: &[PathBuf]) -> Self {
        let mut roots = Vec::new();
        for path in paths {
            let Ok(real) = std::fs::canonicalize(path) else {
                continue;
            };
            let dir = if real.is_dir() {
                real
            } else {
                real.parent().map(Path::to_path_buf).unwrap_or(real)
            };
            let repository = dir.ancestors().find(|d| d.join(".git").exists());
            roots.push(repository.map(Path::to_path_buf).unwrap_or(dir));
        }
        roots.sort();
        roots.dedup();
        Self {
            dirs: Some(roots),
            overlay: None,
        }
    }

    /// Whether `path`, its links followed, lies under a root. A path that cannot be resolved
    /// (missing, a dangling link) is admitted: reading it reports why it cannot be read.
    pub fn admits(&self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(real) => self.contains(&real),
            Err(_) => true,
        }
    }

    fn contains(&self, real: &Path) -> bool {
        match &self.dirs {
            None => true,
            Some(dirs) => dirs.iter().any(|root| real.starts_with(root)),
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum Refused {
    /// The operating system's reason (missing, no permission, a dangling link).
    Io(std::io::Error),
    /// Its links lead outside the roots.
    Outside,
    /// Not a regular file: a directory, a named pipe, a device, a socket.
    NotRegular(&'static str),
    /// Larger than [`MAX_FILE_SIZE`]: its size, or `None` when it says less than it holds (a
    /// file that grows while it is read, a file of `/proc`).
    TooLarge(Option<u64>),
    /// Not UTF-8 text: the offset of the first invalid byte.
    NotUtf8(usize),
}

impl Refused {
    /// What went wrong, in a sentence that follows the path.
    pub fn describe(&self) -> String {
        match self {
            Refused::Io(e) => format!("cannot read: {e}"),
            Refused::Outside => {
                "outside the scanned directories and their repository; not read".to_string()
            }
            Refused::NotRegular(what) => format!("not a regular file ({what}); not read"),
            Refused::TooLarge(size) => {
                let limit = MAX_FILE_SIZE / (1024 * 1024);
                match size {
                    Some(size) => format!(
                        "file is {} MiB, larger than the {limit} MiB limit; not scanned",
                        size / (1024 * 1024)
                    ),
                    None => format!("file holds more than the {limit} MiB limit; not scanned"),
                }
            }
            Refused::NotUtf8(offset) => {
                format!("not valid UTF-8 (first invalid byte at byte offset {offset})")
            }
        }
    }

    pub fn kind(&self) -> ProblemKind {
        match self {
            Refused::Io(_) | Refused::NotRegular("a directory") => ProblemKind::Io,
            Refused::Outside => ProblemKind::OutsideRoots,
            Refused::NotRegular(_) => ProblemKind::SpecialFile,
            Refused::TooLarge(_) => ProblemKind::TooLarge,
            Refused::NotUtf8(_) => ProblemKind::Encoding,
        }
    }

    /// The problem of not reading `path`.
    pub fn problem(&self, path: &Path) -> Problem {
        Problem::new(self.kind(), path, self.describe())
    }

    /// Whether the file simply is not there (callers that look for optional files stay quiet).
    pub fn is_missing(&self) -> bool {
        matches!(self, Refused::Io(e) if matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        ))
    }
}

/// What a file of another type than regular is, for messages.
pub(crate) fn kind_of(file_type: FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

fn check_metadata(meta: &std::fs::Metadata) -> Result<(), Refused> {
    if !meta.is_file() {
        return Err(Refused::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(Refused::TooLarge(Some(meta.len())));
    }
    Ok(())
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_SIZE`] of them, if its links
/// lead under `roots`.
///
/// The path is resolved once; the resolved path is checked and opened. Its type is checked
/// before it is opened (opening a FIFO blocks until a writer comes), and again on the opened
/// handle, which is the file actually read; the read stops one byte past the limit, whatever
/// the file says of its size.
pub(crate) fn read_bytes(path: &Path, roots: &Roots) -> Result<Vec<u8>, Refused> {
    let real = std::fs::canonicalize(path).map_err(Refused::Io)?;
    if !roots.contains(&real) {
        return Err(Refused::Outside);
    }
    if let Some(text) = roots.overlay.as_ref().and_then(|o| o.get(&real)) {
        if u64::try_from(text.len()).unwrap_or(u64::MAX) > MAX_FILE_SIZE {
            return Err(Refused::TooLarge(None));
        }
        return Ok(text.as_bytes().to_vec());
    }
    check_metadata(&std::fs::metadata(&real).map_err(Refused::Io)?)?;
    let file = File::open(&real).map_err(Refused::Io)?;
    let meta = file.metadata().map_err(Refused::Io)?;
    check_metadata(&meta)?;
    let capacity = usize::try_from(meta.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(Refused::Io)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_FILE_SIZE {
        return Err(Refused::TooLarge(None));
    }
    Ok(bytes)
}

/// The UTF-8 text of a file read with [`read_bytes`] (for files that are not templates: a
/// manifest, a configuration, a baseline).
pub(crate) fn read_string(path: &Path, roots: &Roots) -> Result<String, Refused> {
    let bytes = read_bytes(path, roots)?;
    String::from_utf8(bytes).map_err(|e| Refused::NotUtf8(e.utf8_error().valid_up_to()))
}

/// A file the user named on the command line (`--config`, `--baseline`, or a `coglint.toml`
/// found above the scanned path), as UTF-8 text without a leading byte order mark: read
/// wherever it is, within the limits.
pub(crate) fn read_named(path: &Path) -> Result<String, Refused> {
    let text = read_string(path, &Roots::anywhere())?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads a file as UTF-8 text within the limits. A binary or non-UTF-8 file the user did not
/// name, and that does not look like a template, is `None`: skipped without a word.
pub(crate) fn read_text(
    path: &Path,
    explicit: bool,
    roots: &Roots,
) -> Result<Option<String>, Problem> {
    let bytes = read_bytes(path, roots).map_err(|r| r.problem(path))?;
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

#[cfg(test)]
#[path = "read/tests.rs"]
pub(crate) mod tests;
