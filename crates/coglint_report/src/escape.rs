//! What a text format prints from input (names, paths, values, messages that quote them, source
//! lines) goes through here, so that input cannot steer the output: control characters, line
//! breaks and the invisible characters that reorder or hide text (bidirectional overrides and
//! isolates, zero-width characters) are shown as escapes (`\n`, `\u{1b}`, `\u{202e}`), long
//! values are cut, and Markdown gets no markup from input. A crafted logical ID can then not
//! start a line with `::error::` in an Actions log, move a terminal's cursor, or put a heading or
//! an image in a job summary. JSON and SARIF need none of this: their encoders escape, and their
//! values are data, kept whole.

use std::borrow::Cow;

use coglint_source::LineIndex;

/// The most characters of one value shown; a longer value keeps its start and its end.
pub const MAX_SHOWN_CHARS: usize = 1000;
const HEAD_CHARS: usize = 700;
const TAIL_CHARS: usize = 200;

/// Whether `c` is shown as an escape: C0 and C1 controls and DEL, and the format characters
/// that change how the text around them reads without being seen (bidirectional marks,
/// embeddings, overrides and isolates, zero-width characters, the byte order mark, line and
/// paragraph separators, interlinear annotations and tag characters).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The escape that shows `c`.
pub(crate) fn push_escape(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
    }
}

/// `text` cut to its first and last characters when it is longer than [`MAX_SHOWN_CHARS`].
fn cut(text: &str) -> Cow<'_, str> {
    // No more bytes than the limit: no more characters either.
    if text.len() <= MAX_SHOWN_CHARS {
        return Cow::Borrowed(text);
    }
    let count = text.chars().count();
    if count <= MAX_SHOWN_CHARS {
        return Cow::Borrowed(text);
    }
    let head_end = text
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .char_indices()
        .nth(count - TAIL_CHARS)
        .map_or(text.len(), |(i, _)| i);
    Cow::Owned(format!(
        "{}…[{} characters cut]…{}",
        &text[..head_end],
        count - HEAD_CHARS - TAIL_CHARS,
        &text[tail_start..]
    ))
}

/// `text` as a text format prints it: hidden characters as escapes, cut if too long. Borrowed
/// when there is nothing to change, which is nearly always.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    let cut = cut(text);
    if !cut.chars().any(is_hidden) {
        return cut;
    }
    let mut out = String::with_capacity(cut.len() + 16);
    for c in cut.chars() {
        if is_hidden(c) {
            push_escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Every ASCII punctuation character backslash-escaped, which CommonMark allows for each of
/// them: no HTML (`<h1>`), link or image (`[x](y)`, `![x](y)`), emphasis, code span, entity,
/// autolink (`https\:\/\/`, `www\.`, `a\@b`) or table cell break (`\|`) is left.
fn escape_markup(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A Markdown code span holding `text` whatever backticks it contains; nothing in a code span
/// is markup. In a table cell a pipe would still end the cell, and GitHub's renderer may read
/// `\|` after a backslash as a backslash and a cell break: text with a pipe is escaped instead.
pub(crate) fn markdown_code(text: &str, in_table: bool) -> String {
    let text = escape_text(text);
    if in_table && text.contains('|') {
        let mut out = String::with_capacity(text.len() * 2);
        escape_markup(&text, &mut out);
        return out;
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || text.starts_with(' ') || text.ends_with(' ') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// `text` (a message, which quotes names between backticks) as Markdown that renders as written:
/// escaped as [`escape_text`]; each pair of backticks keeps its code span (nothing in it is
/// markup), and everything else has its markup escaped. Backticks from input can then only
/// move where a code span starts or ends, never let markup through.
pub(crate) fn markdown_text(text: &str, in_table: bool) -> String {
    let shown = escape_text(text);
    let mut out = String::with_capacity(shown.len() + shown.len() / 4);
    let mut rest: &str = &shown;
    loop {
        let Some(open) = rest.find('`') else {
            escape_markup(rest, &mut out);
            return out;
        };
        escape_markup(&rest[..open], &mut out);
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else {
            escape_markup(&rest[open..], &mut out);
            return out;
        };
        let inner = &after[..close];
        if inner.trim().is_empty() || (in_table && inner.contains('|')) {
            escape_markup(&rest[open..open + close + 2], &mut out);
        } else {
            out.push('`');
            out.push_str(inner);
            out.push('`');
        }
        rest = &after[close + 1..];
    }
}

/// A file's text as a snippet shows it: hidden characters as escapes, a lone carriage return as
/// the line break it is, tabs and line feeds kept. Byte offsets into the file map to offsets
/// into this text (an escape is longer than the character it shows).
pub(crate) struct ShownText {
    pub text: String,
    pub lines: LineIndex,
    /// `(offset in the file after an escaped character, bytes added so far)`, in order.
    shifts: Vec<(u32, u32)>,
}

impl ShownText {
    /// The shown text of `text`, or `None` when it is shown as it is (nearly always).
    pub fn of(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let shown_as_is = |i: usize, c: char| match c {
            '\n' | '\t' => true,
            '\r' => bytes.get(i + 1) == Some(&b'\n'),
            _ => !is_hidden(c),
        };
        if text.char_indices().all(|(i, c)| shown_as_is(i, c)) {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 64);
        let mut shifts = Vec::new();
        let mut added: u32 = 0;
        for (i, c) in text.char_indices() {
            if shown_as_is(i, c) {
                out.push(c);
            } else if c == '\r' {
                // A line break of its own (old Mac line endings): a line feed, as long.
                out.push('\n');
            } else {
                let before = out.len();
                push_escape(c, &mut out);
                let grown = (out.len() - before).saturating_sub(c.len_utf8());
                added = added.saturating_add(u32::try_from(grown).unwrap_or(u32::MAX));
                let after = u32::try_from(i + c.len_utf8()).unwrap_or(u32::MAX);
                shifts.push((after, added));
            }
        }
        let lines = LineIndex::new(&out);
        Some(Self {
            text: out,
            lines,
            shifts,
        })
    }

    /// The offset in the shown text of `offset` in the file.
    pub fn map(&self, offset: u32) -> u32 {
        let added = match self.shifts.partition_point(|(after, _)| *after <= offset) {
            0 => 0,
            n => self.shifts[n - 1].1,
        };
        offset.saturating_add(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_line_breaks_and_bidi_characters_are_shown_as_escapes() {
        assert_eq!(escape_text("Pool"), "Pool");
        assert!(matches!(escape_text("Pool"), Cow::Borrowed(_)));
        assert_eq!(escape_text("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(
            escape_text("x\n::error::owned"),
            "x\\n::error::owned",
            "a workflow command cannot start a line"
        );
        assert_eq!(
            escape_text("\u{1b}]8;;http://e\u{7}x\u{1b}[2J"),
            "\\u{1b}]8;;http://e\\u{7}x\\u{1b}[2J"
        );
        assert_eq!(escape_text("\u{9b}\u{7f}\u{85}"), "\\u{9b}\\u{7f}\\u{85}");
        assert_eq!(
            escape_text("user\u{202e}gnp.exe\u{2066}\u{2069}"),
            "user\\u{202e}gnp.exe\\u{2066}\\u{2069}"
        );
        assert_eq!(
            escape_text("a\u{2028}b\u{200b}\u{feff}"),
            "a\\u{2028}b\\u{200b}\\u{feff}"
        );
        // Other text, however foreign, is shown as it is.
        assert_eq!(escape_text("Pööl 池 🔐 \\n"), "Pööl 池 🔐 \\n");
    }

    #[test]
    fn long_values_keep_their_start_and_end() {
        let long = format!("value `{}` is unknown", "9".repeat(1_000_000));
        let shown = escape_text(&long);
        assert!(
            shown.chars().count() < MAX_SHOWN_CHARS + 40,
            "{}",
            shown.len()
        );
        assert!(shown.starts_with("value `999"));
        assert!(shown.ends_with("999` is unknown"));
        assert!(shown.contains("…[999119 characters cut]…"), "{shown}");
        let exact = "é".repeat(MAX_SHOWN_CHARS);
        assert_eq!(escape_text(&exact), exact);
        // Cut first, then escaped: a value of controls stays bounded.
        assert!(escape_text(&"\u{1b}".repeat(100_000)).len() < 10 * MAX_SHOWN_CHARS);
    }

    #[test]
    fn markdown_text_renders_as_written() {
        let md = |t: &str| markdown_text(t, true);
        assert_eq!(
            md("<h1>ALL CHECKS PASSED</h1>"),
            "\\<h1\\>ALL CHECKS PASSED\\<\\/h1\\>"
        );
        assert_eq!(
            md("![x](https://e.example/p.png) | *b* _i_ ~s~ [l] a@b.c &lt;"),
            "\\!\\[x\\]\\(https\\:\\/\\/e\\.example\\/p\\.png\\) \\| \\*b\\* \\_i\\_ \\~s\\~ \\[l\\] a\\@b\\.c \\&lt\\;"
        );
        assert_eq!(md("a\\|b\n# h"), "a\\\\\\|b\\\\n\\# h");
        // Names between backticks stay code; markup around them is escaped.
        assert_eq!(md("pool `Pool<1>` is off."), "pool `Pool<1>` is off\\.");
        // A backtick from input moves a code span, but lets no markup out of one.
        assert_eq!(
            md("pool `a` <h1>x</h1> `b` off"),
            "pool `a` \\<h1\\>x\\<\\/h1\\> `b` off"
        );
        assert_eq!(md("odd ` <b>"), "odd \\` \\<b\\>");
        assert_eq!(md("`` and ` `"), "\\`\\` and \\` \\`");
        // A pipe in a table cell is escaped, not left in a code span.
        assert_eq!(md("`a|b`"), "\\`a\\|b\\`");
        assert_eq!(markdown_text("`a|b`", false), "`a|b`");
    }

    #[test]
    fn code_spans_hold_backticks_and_no_pipe_in_tables() {
        assert_eq!(markdown_code("Pool", true), "`Pool`");
        assert_eq!(markdown_code("a`b", true), "`` a`b ``");
        assert_eq!(markdown_code("``x", true), "``` ``x ```");
        assert_eq!(markdown_code("a\nb", true), "`a\\nb`");
        assert_eq!(markdown_code("a\\|b", true), "a\\\\\\|b");
        assert_eq!(markdown_code("a|b", false), "`a|b`");
    }

    #[test]
    fn snippets_show_escapes_and_keep_labels_on_their_characters() {
        assert!(ShownText::of("a: 1\r\nb: \"\t\"\n").is_none());
        let text = "Pool\u{1b}[2J: x\rNext: \u{202e}y\n";
        let Some(shown) = ShownText::of(text) else {
            panic!("nothing escaped")
        };
        assert_eq!(shown.text, "Pool\\u{1b}[2J: x\nNext: \\u{202e}y\n");
        // Each offset lands on the same character in the shown text.
        for (offset, c) in text.char_indices() {
            let at = shown.map(offset as u32) as usize;
            match c {
                '\u{1b}' | '\u{202e}' => assert_eq!(&shown.text[at..at + 3], "\\u{"),
                '\r' => assert_eq!(&shown.text[at..at + 1], "\n"),
                _ => assert_eq!(shown.text[at..].chars().next(), Some(c), "{offset}"),
            }
        }
        assert_eq!(shown.map(text.len() as u32) as usize, shown.text.len());
        assert_eq!(shown.lines.line_count(), 3);
    }
}
