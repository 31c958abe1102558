//! What a CDK cloud assembly says of a template's resources: each one's construct path and the
//! line of the user's source that created it. A scan holds these for every template of every
//! assembly it finds until it checks the template, so they are kept compact: one string for
//! a template's logical IDs and paths, and a sorted table of offsets into it. The place of
//! the source is generic: the reader of an assembly keeps the stack trace's frame, which the
//! scan turns into a span of a file it reads.

use coglint_source::Span;

/// A resource's construct in the CDK app that synthesized it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Construct<'a, S = Span> {
    /// The construct path, `AuthStack/UserPool/Resource`.
    pub path: &'a str,
    /// The line of the user's source that created the construct, from the creation stack trace
    /// the assembly records (`CDK_DEBUG=true cdk synth`), when that file is scanned.
    pub source: Option<S>,
}

/// The constructs of one template's resources, by logical ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constructs<S = Span> {
    /// Each entry's logical ID and then its path.
    text: String,
    /// Sorted by logical ID, one per ID.
    entries: Vec<Entry<S>>,
}

impl<S> Default for Constructs<S> {
    fn default() -> Self {
        Constructs {
            text: String::new(),
            entries: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry<S> {
    /// Where the logical ID starts in `text`; it ends where the path starts.
    id: u32,
    path: u32,
    end: u32,
    source: Option<S>,
}

impl<S: Copy> Constructs<S> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The construct of the resource `logical_id`.
    pub fn get(&self, logical_id: &str) -> Option<Construct<'_, S>> {
        let found = self
            .entries
            .binary_search_by(|e| self.id(e).cmp(logical_id))
            .ok()?;
        Some(self.construct(&self.entries[found]))
    }

    /// Each logical ID with its construct, in the order of the IDs.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Construct<'_, S>)> {
        self.entries.iter().map(|e| (self.id(e), self.construct(e)))
    }

    /// The same constructs with their sources mapped by `f` (given each logical ID and source,
    /// in the order of the IDs); the text is kept, not copied.
    pub fn map_sources<T>(self, mut f: impl FnMut(&str, S) -> Option<T>) -> Constructs<T> {
        let entries = self
            .entries
            .iter()
            .map(|e| Entry {
                id: e.id,
                path: e.path,
                end: e.end,
                source: e.source.and_then(|s| f(self.id(e), s)),
            })
            .collect();
        Constructs {
            text: self.text,
            entries,
        }
    }

    fn id(&self, entry: &Entry<S>) -> &str {
        self.text
            .get(entry.id as usize..entry.path as usize)
            .unwrap_or("")
    }

    fn construct(&self, entry: &Entry<S>) -> Construct<'_, S> {
        Construct {
            path: self
                .text
                .get(entry.path as usize..entry.end as usize)
                .unwrap_or(""),
            source: entry.source,
        }
    }
}

/// From `(logical ID, construct)` pairs; of an ID given twice, the last. Past 4 GiB of IDs and
/// paths (no template comes near), the rest is left out.
impl<'a, K: AsRef<str>, S: Copy> FromIterator<(K, Construct<'a, S>)> for Constructs<S> {
    fn from_iter<I: IntoIterator<Item = (K, Construct<'a, S>)>>(pairs: I) -> Self {
        let mut out = Constructs::default();
        for (logical_id, construct) in pairs {
            let id = out.text.len();
            out.text.push_str(logical_id.as_ref());
            let path = out.text.len();
            out.text.push_str(construct.path);
            let offsets = (
                u32::try_from(id),
                u32::try_from(path),
                u32::try_from(out.text.len()),
            );
            let (Ok(id), Ok(path), Ok(end)) = offsets else {
                out.text.truncate(id);
                break;
            };
            out.entries.push(Entry {
                id,
                path,
                end,
                source: construct.source,
            });
        }
        // Stable: of equal IDs, the last given is the last of its run, and is kept.
        let text = std::mem::take(&mut out.text);
        let id = |e: &Entry<S>| text.get(e.id as usize..e.path as usize).unwrap_or("");
        out.entries.sort_by(|a, b| id(a).cmp(id(b)));
        let mut kept: Vec<Entry<S>> = Vec::with_capacity(out.entries.len());
        for entry in out.entries.drain(..) {
            match kept.last_mut() {
                Some(last) if id(last) == id(&entry) => *last = entry,
                _ => kept.push(entry),
            }
        }
        kept.shrink_to_fit();
        let mut text = text;
        text.shrink_to_fit();
        Constructs {
            text,
            entries: kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coglint_source::{FileId, TextRange};

    fn construct(path: &str, source: Option<Span>) -> Construct<'_> {
        Construct { path, source }
    }

    #[test]
    fn finds_each_logical_id_and_only_those() {
        let at = Span::new(FileId(3), TextRange::new(10, 20));
        let constructs: Constructs = [
            ("UserPoolB", construct("Stack/B/Resource", None)),
            ("UserPoolA", construct("Stack/A/Resource", Some(at))),
            ("Client", construct("Stack/A/Client/Resource", None)),
        ]
        .into_iter()
        .collect();
        assert_eq!(constructs.len(), 3);
        let a = constructs.get("UserPoolA");
        assert_eq!(
            a,
            Some(Construct {
                path: "Stack/A/Resource",
                source: Some(at)
            })
        );
        assert_eq!(
            constructs.get("UserPoolB").map(|c| c.path),
            Some("Stack/B/Resource")
        );
        assert_eq!(
            constructs.get("Client").map(|c| c.path),
            Some("Stack/A/Client/Resource")
        );
        // A prefix of an ID, an ID with more after it, and the empty ID are not IDs.
        assert_eq!(constructs.get("UserPool"), None);
        assert_eq!(constructs.get("UserPoolAB"), None);
        assert_eq!(constructs.get(""), None);
    }

    #[test]
    fn an_id_given_twice_keeps_the_last() {
        let constructs: Constructs = [
            ("Pool", construct("first", None)),
            ("Other", construct("other", None)),
            ("Pool", construct("second", None)),
        ]
        .into_iter()
        .collect();
        assert_eq!(constructs.len(), 2);
        assert_eq!(constructs.get("Pool").map(|c| c.path), Some("second"));
        assert_eq!(constructs.get("Other").map(|c| c.path), Some("other"));
    }

    #[test]
    fn sources_are_mapped_in_the_order_of_the_ids() {
        let at = |n: u32| Span::new(FileId(n), TextRange::new(0, 1));
        let frames: Constructs<u32> = [
            (
                "B",
                Construct {
                    path: "s/b",
                    source: Some(2),
                },
            ),
            (
                "A",
                Construct {
                    path: "s/a",
                    source: Some(1),
                },
            ),
            (
                "C",
                Construct {
                    path: "s/c",
                    source: None,
                },
            ),
        ]
        .into_iter()
        .collect();
        let mut seen = Vec::new();
        let spans = frames.map_sources(|id, frame| {
            seen.push((id.to_string(), frame));
            (frame != 2).then(|| at(frame))
        });
        assert_eq!(seen, [("A".to_string(), 1), ("B".to_string(), 2)]);
        let all: Vec<(&str, Construct<'_>)> = spans.iter().collect();
        assert_eq!(
            all,
            [
                (
                    "A",
                    Construct {
                        path: "s/a",
                        source: Some(at(1))
                    }
                ),
                (
                    "B",
                    Construct {
                        path: "s/b",
                        source: None
                    }
                ),
                (
                    "C",
                    Construct {
                        path: "s/c",
                        source: None
                    }
                ),
            ]
        );
    }

    #[test]
    fn none_is_empty() {
        let constructs: Constructs = std::iter::empty::<(String, Construct<'_>)>().collect();
        assert_eq!(constructs.iter().count(), 0);
        assert!(constructs.is_empty());
        assert_eq!(constructs.get("Pool"), None);
        assert_eq!(constructs, Constructs::default());
    }
}
