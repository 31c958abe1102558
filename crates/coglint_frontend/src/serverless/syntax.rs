//! The syntax of Serverless variables, on text only: where each `${...}` of a string is, the
//! candidates of an expression (`${opt:stage, self:custom.stage, 'dev'}`), and what each
//! candidate is. `${AWS::Region}` and `${LogicalId}` are CloudFormation `Fn::Sub` placeholders,
//! not variables: they are never returned.

/// One `${...}` in a string: its byte range and the text between the braces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Occurrence<'t> {
    pub start: usize,
    pub end: usize,
    pub inner: &'t str,
}

/// The Serverless variables written in `text`, in order (nested ones are inside `inner`).
/// Linear in the length of `text`: the braces are matched in one pass.
pub(super) fn occurrences(text: &str) -> Vec<Occurrence<'_>> {
    let mut pairs = brace_pairs(text);
    pairs.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for (start, close) in pairs {
        // Inside a variable already taken, or a placeholder of `Fn::Sub` that is not one.
        if start < from || !is_variable(&text[start + 2..close]) {
            continue;
        }
        out.push(Occurrence {
            start,
            end: close + 1,
            inner: &text[start + 2..close],
        });
        from = close + 1;
    }
    out
}

/// Each `${` with the `}` that closes it, as (index of `$`, index of `}`). A quote that opens a
/// literal inside braces (`${opt:x, '}'}`) hides the braces up to the closing quote.
fn brace_pairs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'$' && bytes.get(i + 1) == Some(&b'{') {
            open.push(i);
            i += 1;
        } else if b == b'}' {
            if let Some(start) = open.pop() {
                pairs.push((start, i));
            }
        } else if let (b'\'' | b'"', Some(&start)) = (b, open.last()) {
            if opens_literal(bytes, i, start + 2) {
                quote = Some(b);
            }
        }
        i += 1;
    }
    pairs
}

/// The whole of `text` is one variable: its inner text.
pub(super) fn whole(text: &str) -> Option<&str> {
    match occurrences(text).as_slice() {
        [only] if only.start == 0 && only.end == text.len() => Some(only.inner),
        _ => None,
    }
}

/// Whether a quote at byte `at` opens a literal: only a candidate can be quoted, so the quote
/// follows the opening `${`, `(` or a `,` (spaces aside). An apostrophe in an address or in a
/// CloudFormation placeholder does not open anything.
fn opens_literal(bytes: &[u8], at: usize, start: usize) -> bool {
    let before = bytes[start..at]
        .iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace());
    match before {
        None => true,
        Some(b) => matches!(b, b',' | b'(' | b'{'),
    }
}

/// The index of the `}` that closes the `${` whose content starts at `start`.
fn closing(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'$' && bytes.get(i + 1) == Some(&b'{') {
            depth += 1;
            i += 1;
        } else if b == b'}' {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if (b == b'\'' || b == b'"') && opens_literal(bytes, i, start) {
            quote = Some(b);
        }
        i += 1;
    }
    None
}

/// The candidates of an expression, split at the commas outside nested variables, parentheses
/// and quotes, each trimmed.
pub(super) fn candidates(inner: &str) -> Vec<&str> {
    let bytes = inner.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut piece = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'$' && bytes.get(i + 1) == Some(&b'{') {
            depth += 1;
            i += 1;
        } else if b == b'(' {
            depth += 1;
        } else if b == b'}' || b == b')' {
            depth = depth.saturating_sub(1);
        } else if (b == b'\'' || b == b'"') && opens_literal(bytes, i, piece) {
            quote = Some(b);
        } else if b == b',' && depth == 0 {
            out.push(inner[piece..i].trim());
            piece = i + 1;
        }
        i += 1;
    }
    out.push(inner[piece..].trim());
    out
}

/// What one candidate of an expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Candidate<'t> {
    /// `'dev'` or `"dev"`: a string.
    Quoted(&'t str),
    /// `3`, `true`, `false`, `null`: a literal of that type.
    Literal(&'t str),
    /// `${...}` as a whole: its inner text.
    Nested(&'t str),
    /// `source:address` or `source(params):address`.
    Source(Source<'t>),
    /// Anything else.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Source<'t> {
    pub name: &'t str,
    pub params: Option<&'t str>,
    pub address: &'t str,
}

pub(super) fn candidate(text: &str) -> Candidate<'_> {
    if let Some(quoted) = unquote(text) {
        return Candidate::Quoted(quoted);
    }
    if is_literal(text) {
        return Candidate::Literal(text);
    }
    if text.starts_with("${") && closing(text, 2) == Some(text.len() - 1) {
        return Candidate::Nested(&text[2..text.len() - 1]);
    }
    source(text).map_or(Candidate::Other, Candidate::Source)
}

fn unquote(text: &str) -> Option<&str> {
    ['\'', '"'].into_iter().find_map(|q| {
        text.strip_prefix(q)
            .and_then(|rest| rest.strip_suffix(q))
            .filter(|inner| !inner.contains(q))
    })
}

fn is_literal(text: &str) -> bool {
    if matches!(text, "true" | "false" | "null") {
        return true;
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// `name:address`, `name(params)` or `name(params):address`. `AWS::Region` (a double colon) and
/// `LogicalId` (no colon) are not sources.
pub(super) fn source(text: &str) -> Option<Source<'_>> {
    let name_end = text
        .char_indices()
        .find(|&(i, c)| !is_name_char(i, c))
        .map_or(text.len(), |(i, _)| i);
    if name_end == 0 {
        return None;
    }
    let (name, rest) = text.split_at(name_end);
    let (params, rest) = match rest.strip_prefix('(') {
        Some(after) => {
            let close = matching_paren(after)?;
            (Some(&after[..close]), &after[close + 1..])
        }
        None => (None, rest),
    };
    let address = match rest.strip_prefix(':') {
        Some(address) if !address.starts_with(':') => address,
        Some(_) => return None,
        None if rest.is_empty() && params.is_some() => "",
        None => return None,
    };
    Some(Source {
        name,
        params,
        address: address.trim(),
    })
}

fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => return Some(i),
            b')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether the text between `${` and `}` is a Serverless variable (it starts with a nested
/// variable, `source:` or `source(`), as opposed to an `Fn::Sub` placeholder (`AWS::Region`,
/// `LogicalId.Arn`). Reads only the start of `inner`.
fn is_variable(inner: &str) -> bool {
    let inner = inner.trim_start();
    if inner.starts_with("${") {
        return true;
    }
    let name = inner
        .char_indices()
        .find(|&(i, c)| !is_name_char(i, c))
        .map_or(inner.len(), |(i, _)| i);
    let rest = &inner[name..];
    name > 0 && (rest.starts_with('(') || (rest.starts_with(':') && !rest.starts_with("::")))
}

fn is_name_char(i: usize, c: char) -> bool {
    c.is_ascii_alphabetic() || (i > 0 && (c.is_ascii_digit() || c == '_' || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        occurrences(text).into_iter().map(|o| o.inner).collect()
    }

    #[test]
    fn variables_are_found_and_placeholders_left_alone() {
        assert_eq!(
            inners("${self:service}-${sls:stage}-pool"),
            ["self:service", "sls:stage"]
        );
        assert_eq!(
            inners("arn:${AWS::Partition}:${Pool.Arn}/${!Literal}"),
            Vec::<&str>::new()
        );
        assert_eq!(
            inners("${AWS::Region}-${opt:stage, 'dev'}"),
            ["opt:stage, 'dev'"]
        );
        assert_eq!(
            inners("${opt:stage, ${self:custom.stage}}x"),
            ["opt:stage, ${self:custom.stage}"]
        );
        assert_eq!(
            inners("${file(./a.yml):Resources}"),
            ["file(./a.yml):Resources"]
        );
        assert_eq!(inners("${self:custom.x, '}'}"), ["self:custom.x, '}'"]);
        assert_eq!(inners("${unterminated"), Vec::<&str>::new());
        assert_eq!(whole("${self:custom.mfa}"), Some("self:custom.mfa"));
        assert_eq!(whole(" ${self:custom.mfa}"), None);
        assert_eq!(whole("${a:b}${c:d}"), None);
        assert_eq!(inners("${A ${self:x}"), ["self:x"]);
        // Nested placeholders and unclosed braces are matched in one pass.
        let nested = format!("{}{}", "${A".repeat(50_000), "}".repeat(50_000));
        assert!(occurrences(&nested).is_empty());
        let unclosed = "${self:x".repeat(50_000);
        assert!(occurrences(&unclosed).is_empty());
    }

    #[test]
    fn expressions_split_into_candidates() {
        assert_eq!(
            candidates("opt:stage, self:custom.stage, 'a,b'"),
            ["opt:stage", "self:custom.stage", "'a,b'"]
        );
        assert_eq!(
            candidates("file(./x.yml):${self:a, 'b'}, \"d\""),
            ["file(./x.yml):${self:a, 'b'}", "\"d\""]
        );
        assert_eq!(candidate("'dev'"), Candidate::Quoted("dev"));
        assert_eq!(candidate("\"dev\""), Candidate::Quoted("dev"));
        assert_eq!(candidate("-3.5"), Candidate::Literal("-3.5"));
        assert_eq!(candidate("true"), Candidate::Literal("true"));
        assert_eq!(candidate("${self:a}"), Candidate::Nested("self:a"));
        assert_eq!(
            candidate("file(a.yml):x.y"),
            Candidate::Source(Source {
                name: "file",
                params: Some("a.yml"),
                address: "x.y"
            })
        );
        assert_eq!(
            candidate("ssm(raw):/p"),
            Candidate::Source(Source {
                name: "ssm",
                params: Some("raw"),
                address: "/p"
            })
        );
        assert_eq!(candidate("AWS::Region"), Candidate::Other);
        assert_eq!(candidate("Pool.Arn"), Candidate::Other);
    }
}
