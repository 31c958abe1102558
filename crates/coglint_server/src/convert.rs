//! Between the scanner's byte ranges and paths and LSP's positions and URIs. LSP counts columns
//! in UTF-16 code units unless the client accepts another encoding; coglint prefers UTF-8 (no
//! conversion at all) and falls back to UTF-16.

use std::path::{Path, PathBuf};

use coglint_source::{SourceFile, TextRange};
use lsp_types::{Position, PositionEncodingKind, Range, Url};

/// How the columns of positions are counted, as negotiated at initialization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 if the client offers it, else UTF-16 (which every client supports).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, text: &str) -> u32 {
        let units = match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
        };
        u32::try_from(units).unwrap_or(u32::MAX)
    }
}

/// The position of byte `offset` of `file` (an offset inside a character counts as its start).
pub fn position(file: &SourceFile, offset: u32, encoding: Encoding) -> Position {
    let text = file.text();
    let mut offset = (offset as usize).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = file
        .lines()
        .line_of(u32::try_from(offset).unwrap_or(u32::MAX));
    let start = file.lines().line_start(line).unwrap_or(0) as usize;
    let before = text.get(start.min(offset)..offset).unwrap_or("");
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: encoding.width(before),
    }
}

pub fn range(file: &SourceFile, range: TextRange, encoding: Encoding) -> Range {
    Range {
        start: position(file, range.start, encoding),
        end: position(file, range.end, encoding),
    }
}

/// The byte offset of `position` in `text`, clamped to its line and to the text.
pub fn offset(text: &str, position: Position, encoding: Encoding) -> usize {
    let index = coglint_source::LineIndex::new(text);
    let line = position.line as usize;
    let Some(start) = index.line_start(line) else {
        return text.len();
    };
    let line_text = text
        .get(index.line_range(text, line).as_usize())
        .unwrap_or("");
    let mut units = 0u32;
    for (at, c) in line_text.char_indices() {
        if units >= position.character {
            return start as usize + at;
        }
        units += match encoding {
            Encoding::Utf8 => u32::try_from(c.len_utf8()).unwrap_or(1),
            Encoding::Utf16 => u32::try_from(c.len_utf16()).unwrap_or(1),
        };
    }
    start as usize + line_text.len()
}

/// Whether `position` falls in `range` (its end included: a cursor just after a word is on it).
pub fn contains(range: &Range, position: Position) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(range.start) <= key(position) && key(position) <= key(range.end)
}

/// Whether two ranges share a position.
pub fn overlaps(a: &Range, b: &Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

/// The path a scan reports, absolute (CDK source files are reported relative to the working
/// directory) and with its links resolved when it exists, so that it matches an open document.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    std::fs::canonicalize(&joined).unwrap_or(joined)
}

/// The file a `file:` URI names, resolved like [`absolute`]; `None` for other schemes.
pub fn path_of(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    uri.to_file_path().ok().map(|p| absolute(&p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_source::SourceDb;

    #[test]
    fn columns_count_utf16_units_or_bytes() {
        let mut db = SourceDb::new();
        // `é` is 2 bytes and 1 UTF-16 unit; `𝄞` is 4 bytes and 2 units.
        let id = db.add(PathBuf::from("t.yaml"), "a: 1\nb: é𝄞x\n");
        let Some(file) = db.get(id) else {
            panic!("no file")
        };
        let x = 5 + 3 + 2 + 4;
        assert_eq!(
            position(file, x, Encoding::Utf16),
            Position {
                line: 1,
                character: 6
            }
        );
        assert_eq!(
            position(file, x, Encoding::Utf8),
            Position {
                line: 1,
                character: 9
            }
        );
        // Inside a character: its start.
        assert_eq!(position(file, 9, Encoding::Utf16).character, 3);
        assert_eq!(
            offset(
                file.text(),
                position(file, x, Encoding::Utf16),
                Encoding::Utf16
            ),
            x as usize
        );
        assert_eq!(
            offset(
                file.text(),
                position(file, x, Encoding::Utf8),
                Encoding::Utf8
            ),
            x as usize
        );
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}
