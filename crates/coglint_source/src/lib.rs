//! Source files, byte ranges and line indexes.
//!
//! This crate knows nothing of CloudFormation or Cognito: it stores the text of each file once,
//! hands out `u32` byte ranges into it, and turns an offset into a line and column only when a
//! reporter asks for one.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A half-open byte range `start..end` into one file's text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: u32, end: u32) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    /// A range from `usize` offsets, saturating at `u32::MAX` (files are bounded far below it).
    pub fn from_usize(start: usize, end: usize) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self::new(clamp(start), clamp(end.max(start)))
    }

    pub fn empty(at: u32) -> Self {
        Self { start: at, end: at }
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest range that covers both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn as_usize(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The identity of a file in a [`SourceDb`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct FileId(pub u32);

/// A byte range in a given file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Span {
    pub file: FileId,
    pub range: TextRange,
}

impl Span {
    pub fn new(file: FileId, range: TextRange) -> Self {
        Self { file, range }
    }

    /// No place of its own, only a file: its start (printed at its first line). For what is
    /// written nowhere, like a `-var` value given on the command line; a front end names the
    /// file it belongs with, or the first file of the scan when there is none.
    pub fn file_start(file: FileId) -> Self {
        Self {
            file,
            range: TextRange::default(),
        }
    }
}

/// A 1-based line and column; the column counts Unicode scalar values, as SARIF's
/// `unicodeCodePoints` column kind and most editors expect.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Offsets of the first byte of every line, computed once per file. A line ends with a line
/// feed, a carriage return and line feed, or a carriage return alone (old Mac files; YAML reads
/// it as a line break too).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// The text starts with a byte order mark, which no editor counts as a column.
    bom: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            let ends_line = match b {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                line_starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        Self {
            line_starts,
            bom: text.starts_with('\u{feff}'),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<u32> {
        self.line_starts.get(line).copied()
    }

    /// The 1-based line and column of `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(u32::try_from(text.len()).unwrap_or(u32::MAX));
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).max(start);
        let col = text
            .get(start..end)
            .map(|s| s.chars().count())
            // An offset inside a multi-byte character: count the whole characters before it.
            .unwrap_or_else(|| {
                String::from_utf8_lossy(&text.as_bytes()[start..end])
                    .chars()
                    .count()
            });
        // The byte order mark is no column: the first character after it is column 1.
        let col = if self.bom && line == 0 && end >= 3 {
            col - 1
        } else {
            col
        };
        LineCol {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    /// The byte range of 0-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or_else(|| u32::try_from(text.len()).unwrap_or(u32::MAX));
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end as usize - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        TextRange::new(start, end)
    }
}

/// One file's text, its path as the user should read it, and its line index.
#[derive(Debug)]
pub struct SourceFile {
    id: FileId,
    path: PathBuf,
    text: Arc<str>,
    lines: LineIndex,
}

impl SourceFile {
    pub fn id(&self) -> FileId {
        self.id
    }

    /// The path as given or discovered (relative to the working directory when it was relative).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn shared_text(&self) -> Arc<str> {
        Arc::clone(&self.text)
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The source text in `range`, or "" if the range does not fall on character boundaries.
    pub fn slice(&self, range: TextRange) -> &str {
        self.text.get(range.as_usize()).unwrap_or("")
    }
}

/// Every file of a scan, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceDb {
    files: Vec<SourceFile>,
}

impl SourceDb {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, path: PathBuf, text: impl Into<Arc<str>>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        let text = text.into();
        let lines = LineIndex::new(&text);
        self.files.push(SourceFile {
            id,
            path,
            text,
            lines,
        });
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// Gives a file added without its text (not yet read again) its text.
    pub fn set_text(&mut self, id: FileId, text: Arc<str>) {
        if let Some(file) = self.files.get_mut(id.0 as usize) {
            file.lines = LineIndex::new(&text);
            file.text = text;
        }
    }

    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let text = "ab\nçd: é\n\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, col: 1 });
        // "çd: " is 5 bytes but 4 characters
        let e = text.find('é').map(|i| i as u32).unwrap_or_default();
        assert_eq!(idx.line_col(text, e), LineCol { line: 2, col: 5 });
        assert_eq!(
            idx.line_col(text, text.len() as u32),
            LineCol { line: 4, col: 5 }
        );
    }

    #[test]
    fn offset_inside_a_character_does_not_panic() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1).line, 1);
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        let text = "one\rtwo\r\nthree\rfour";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        let four = text.find("four").unwrap_or_default() as u32;
        assert_eq!(idx.line_col(text, four), LineCol { line: 4, col: 1 });
        assert_eq!(idx.line_col(text, 5), LineCol { line: 2, col: 2 });
        assert_eq!(idx.line_range(text, 0), TextRange::new(0, 3));
        assert_eq!(idx.line_range(text, 1), TextRange::new(4, 7));
        assert_eq!(idx.line_range(text, 2), TextRange::new(9, 14));
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let text = "\u{feff}{\"a\": 1}\n{}";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, col: 1 });
        assert_eq!(idx.line_col(text, 4), LineCol { line: 1, col: 2 });
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, col: 1 });
        let second = text.rfind('{').unwrap_or_default() as u32;
        assert_eq!(idx.line_col(text, second), LineCol { line: 2, col: 1 });
    }

    #[test]
    fn line_range_strips_crlf() {
        let text = "one\r\ntwo\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_range(text, 0), TextRange::new(0, 3));
        assert_eq!(idx.line_range(text, 1), TextRange::new(5, 8));
        assert_eq!(idx.line_of(5), 1);
    }
}
