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
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` ends its line at the `\n`.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
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

/// The lines of context excerpts keep around each place a report points to: the human report
/// shows one before and one after.
pub const EXCERPT_CONTEXT: usize = 2;

/// Some whole lines of a file's text, at their offsets in the file: what a report needs of a
/// large file it points into at a few places (see [`Excerpts::of`]).
#[derive(Clone, Debug, Default)]
pub struct Excerpts {
    /// Disjoint and in order.
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug)]
struct Piece {
    /// The offset in the file of the piece's first byte, the start of a line.
    start: u32,
    /// The 0-based line of the file the piece starts on.
    line: u32,
    text: Box<str>,
    lines: LineIndex,
}

impl Piece {
    fn end(&self) -> u32 {
        self.start
            .saturating_add(u32::try_from(self.text.len()).unwrap_or(u32::MAX))
    }
}

/// A piece of an excerpted file, as a reporter reads it: its text and line index, where it
/// starts in the file (offset and 0-based line).
pub struct ExcerptPiece<'a> {
    pub start: u32,
    pub line: u32,
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl Excerpts {
    /// The lines of `text` that `ranges` start, end or run over, with `context` lines before and
    /// after each. `None` when the text holds anything but printable ASCII, tabs and line
    /// breaks: a snippet shows other characters through an escaping that needs the whole
    /// text, so such a file is kept whole.
    pub fn of(
        text: &str,
        ranges: impl IntoIterator<Item = TextRange>,
        context: usize,
    ) -> Option<Self> {
        let bytes = text.as_bytes();
        // In blocks without a branch per byte, which the compiler can vectorize.
        let printable = bytes.chunks(256).all(|block| {
            block.iter().fold(true, |all, b| {
                all & matches!(b, b'\n' | b'\t' | b'\r' | 0x20..=0x7e)
            })
        });
        let plain = printable
            && memchr::memchr_iter(b'\r', bytes).all(|i| bytes.get(i + 1) == Some(&b'\n'));
        if !plain {
            return None;
        }
        let index = LineIndex::new(text);
        let last_line = index.line_count().saturating_sub(1);
        let mut spans: Vec<(usize, usize)> = ranges
            .into_iter()
            .map(|r| {
                let first = index.line_of(r.start.min(r.end)).saturating_sub(context);
                let last = (index.line_of(r.end.max(r.start)) + context).min(last_line);
                (first, last)
            })
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (first, last) in spans {
            match merged.last_mut() {
                Some((_, end)) if first <= *end + 1 => *end = (*end).max(last),
                _ => merged.push((first, last)),
            }
        }
        let pieces = merged
            .into_iter()
            .map(|(first, last)| {
                let from = index.line_start(first).unwrap_or(0);
                let to = index
                    .line_start(last + 1)
                    .unwrap_or_else(|| u32::try_from(text.len()).unwrap_or(u32::MAX));
                let piece = text.get(from as usize..to as usize).unwrap_or("");
                Piece {
                    start: from,
                    line: u32::try_from(first).unwrap_or(u32::MAX),
                    text: piece.into(),
                    lines: LineIndex::new(piece),
                }
            })
            .collect();
        Some(Self { pieces })
    }

    /// The piece that holds `range` whole (its end may be the piece's end).
    fn piece(&self, range: TextRange) -> Option<&Piece> {
        let i = self
            .pieces
            .partition_point(|p| p.start <= range.start)
            .checked_sub(1)?;
        let piece = &self.pieces[i];
        (range.end <= piece.end() && range.start <= range.end).then_some(piece)
    }

    /// Whether `range` lies in one piece, so that its lines and columns are known.
    pub fn covers(&self, range: TextRange) -> bool {
        self.piece(range).is_some()
    }

    /// The piece holding `range`, for a reporter that shows it.
    pub fn piece_of(&self, range: TextRange) -> Option<ExcerptPiece<'_>> {
        self.piece(range).map(|p| ExcerptPiece {
            start: p.start,
            line: p.line,
            text: &p.text,
            lines: &p.lines,
        })
    }

    /// The 1-based line and column of `offset`, if a piece holds it.
    pub fn line_col(&self, offset: u32) -> Option<LineCol> {
        let piece = self.piece(TextRange::empty(offset))?;
        let local = piece.lines.line_col(&piece.text, offset - piece.start);
        Some(LineCol {
            line: local.line.saturating_add(piece.line),
            col: local.col,
        })
    }

    /// The text in `range`, if a piece holds it.
    pub fn slice(&self, range: TextRange) -> Option<&str> {
        let piece = self.piece(range)?;
        let local = TextRange::new(range.start - piece.start, range.end - piece.start);
        piece.text.get(local.as_usize())
    }

    /// Whether `text` holds every piece at its place: the file read again is still the one
    /// the excerpts were cut from, as far as they can tell.
    pub fn matches(&self, text: &str) -> bool {
        self.pieces.iter().all(|p| {
            text.as_bytes()
                .get(p.start as usize..p.end() as usize)
                .is_some_and(|now| now == p.text.as_bytes())
        })
    }

    /// The bytes held.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(|p| p.text.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// One file's text, its path as the user should read it, and its line index. A file may keep
/// only excerpts of its text (see [`SourceDb::set_excerpts`]): then its text is empty, and
/// lines, columns and slices are read from the excerpts.
#[derive(Debug)]
pub struct SourceFile {
    id: FileId,
    path: PathBuf,
    text: Arc<str>,
    lines: LineIndex,
    excerpts: Option<Excerpts>,
}

impl SourceFile {
    pub fn id(&self) -> FileId {
        self.id
    }

    /// The path as given or discovered (relative to the working directory when it was relative).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text; empty when the file was not read again, or keeps only excerpts.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The excerpts the file keeps instead of its text, if it does.
    pub fn excerpts(&self) -> Option<&Excerpts> {
        self.excerpts.as_ref()
    }

    pub fn shared_text(&self) -> Arc<str> {
        Arc::clone(&self.text)
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        match &self.excerpts {
            Some(excerpts) => excerpts.line_col(offset).unwrap_or_default(),
            None => self.lines.line_col(&self.text, offset),
        }
    }

    /// The source text in `range`, or "" if the range does not fall on character boundaries
    /// (or outside the excerpts the file keeps).
    pub fn slice(&self, range: TextRange) -> &str {
        match &self.excerpts {
            Some(excerpts) => excerpts.slice(range).unwrap_or(""),
            None => self.text.get(range.as_usize()).unwrap_or(""),
        }
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
            excerpts: None,
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
            file.excerpts = None;
        }
    }

    /// Adds the lines of `ranges` to the excerpts a file keeps of `text`, its whole text (the
    /// whole text is kept if it cannot be excerpted). Nothing changes for a file kept whole.
    pub fn add_to_excerpts(&mut self, id: FileId, text: &str, ranges: Vec<TextRange>) {
        let Some(excerpts) = self.get(id).and_then(SourceFile::excerpts) else {
            return;
        };
        let kept = excerpts
            .pieces
            .iter()
            .map(|p| TextRange::new(p.start, p.end()));
        match Excerpts::of(text, kept.chain(ranges), EXCERPT_CONTEXT) {
            Some(excerpts) => self.set_excerpts(id, excerpts),
            None => self.set_text(id, Arc::from(text)),
        }
    }

    /// Keeps only excerpts of a file's text.
    pub fn set_excerpts(&mut self, id: FileId, excerpts: Excerpts) {
        if let Some(file) = self.files.get_mut(id.0 as usize) {
            file.lines = LineIndex::new("");
            file.text = Arc::from("");
            file.excerpts = Some(excerpts);
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
    fn excerpts_say_the_lines_and_columns_of_the_whole_text() {
        let text: String = (0..40)
            .map(|i| format!("line {i}:{}\r\n", " x".repeat(i % 7)))
            .collect();
        let index = LineIndex::new(&text);
        let at = |line: usize| index.line_start(line).unwrap_or(0);
        // Places on lines 3, 4 (close enough to share a piece with 3), 20 and the last.
        let ranges = [
            TextRange::new(at(3) + 2, at(3) + 5),
            TextRange::new(at(4), at(4) + 1),
            TextRange::new(at(20) + 1, at(21) + 3),
            TextRange::empty(u32::try_from(text.len()).unwrap_or(0)),
        ];
        let Some(excerpts) = Excerpts::of(&text, ranges, 1) else {
            panic!("a plain text is excerpted");
        };
        assert_eq!(excerpts.pieces.len(), 3, "{:?}", excerpts.pieces);
        assert!(excerpts.len() < text.len() / 3);
        for offset in 0..=u32::try_from(text.len()).unwrap_or(0) {
            // Kept: the lines around the places; the offset just past a piece (the start of
            // the next line) is known too.
            let got = excerpts.line_col(offset);
            match index.line_of(offset) {
                2..=5 | 19..=22 | 39..=40 => {
                    assert_eq!(got, Some(index.line_col(&text, offset)), "offset {offset}");
                }
                7..=17 | 24..=37 => assert_eq!(got, None, "offset {offset}"),
                _ => assert!(got.is_none_or(|lc| lc == index.line_col(&text, offset))),
            }
        }
        for range in ranges {
            assert!(excerpts.covers(range));
            assert_eq!(excerpts.slice(range), text.get(range.as_usize()));
        }
        assert!(!excerpts.covers(TextRange::new(at(4), at(20))));
        assert_eq!(excerpts.slice(TextRange::new(at(10), at(10) + 2)), None);
    }

    #[test]
    fn a_text_with_other_characters_is_not_excerpted() {
        let range = [TextRange::new(0, 1)];
        assert!(Excerpts::of("a: 1\n", range, 1).is_some());
        for text in ["a: \u{e9}\n", "\u{feff}a: 1\n", "a\rb\n", "a\u{1b}[31m\n"] {
            assert!(Excerpts::of(text, range, 1).is_none(), "{text:?}");
        }
    }

    #[test]
    fn long_texts_are_checked_to_their_last_byte() {
        let long = "a: 1\r\n".repeat(100);
        let range = [TextRange::new(0, 1)];
        assert!(Excerpts::of(&long, range, 1).is_some());
        for tail in ["\u{e9}", "\r", "x\ry\n", "\u{7f}"] {
            let text = format!("{long}{tail}");
            assert!(Excerpts::of(&text, range, 1).is_none(), "{tail:?}");
        }
        let index = LineIndex::new(&format!("{long}x\ry"));
        assert_eq!(index.line_count(), 102);
        assert_eq!(index.line_start(100), Some(600));
        assert_eq!(index.line_start(101), Some(602));
    }

    #[test]
    fn a_source_file_reads_its_excerpts() {
        let text = "one\ntwo\nthree\nfour\nfive\nsix\n";
        let mut db = SourceDb::new();
        let id = db.add(PathBuf::from("t.yaml"), text);
        let four = u32::try_from(text.find("four").unwrap_or(0)).unwrap_or(0);
        let Some(excerpts) = Excerpts::of(text, [TextRange::new(four, four + 4)], 0) else {
            panic!("a plain text is excerpted");
        };
        db.set_excerpts(id, excerpts);
        let Some(file) = db.get(id) else {
            panic!("the file is there")
        };
        assert_eq!(file.text(), "");
        assert_eq!(file.slice(TextRange::new(four, four + 4)), "four");
        assert_eq!(file.line_col(four + 1), LineCol { line: 4, col: 2 });
        // The file read again is checked against them.
        let excerpts = db.get(id).and_then(SourceFile::excerpts);
        assert_eq!(excerpts.map(|e| e.matches(text)), Some(true));
        let changed = text.replace("four", "FOUR");
        assert_eq!(excerpts.map(|e| e.matches(&changed)), Some(false));
        let elsewhere = text.replace("one", "ONE");
        assert_eq!(excerpts.map(|e| e.matches(&elsewhere)), Some(true));
        // A place outside: added from the whole text.
        db.add_to_excerpts(id, text, vec![TextRange::new(0, 3)]);
        let file = db.get(id).map(|f| f.slice(TextRange::new(0, 3)));
        assert_eq!(file, Some("one"));
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
