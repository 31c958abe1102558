//! Resolution of Serverless variables and `${file(...)}` includes over located trees.
//!
//! [`Resolver::expand`] returns a copy of a tree in which every variable is replaced: a whole
//! value by what it stands for (a mapping or list in place, a scalar behind a `{Ref: name}` whose
//! name is a [`Variable`]), a variable inside a longer string by its text. What cannot be known
//! before deployment becomes [`Variable::Unknown`], never a guess.

mod sources;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_model::ParameterOrigin;
use coglint_source::{FileId, Span};
use coglint_syntax::{Document, Entry, Key, Node, NodeKind, Scalar, ScalarStyle};

use super::syntax::{self, Occurrence};
use super::{IncludeError, Includes, ServiceProblem};
use crate::cloudformation::{Variable, Variables};

/// Most variable resolutions for one service: beyond, values are unknown.
pub(super) const MAX_RESOLUTIONS: usize = 100_000;
/// Most nodes that variables and includes may copy into one service.
pub(super) const MAX_NODES: usize = 1_000_000;
/// Longest string that interpolation may build.
pub(super) const MAX_TEXT: usize = 100_000;
/// Deepest chain of variables whose values are variables themselves.
const MAX_VARIABLE_DEPTH: usize = 32;
/// Deepest chain of files that include files.
pub(super) const MAX_INCLUDE_DEPTH: usize = 16;
/// Deepest nesting of the expanded tree.
const MAX_NESTING: usize = 256;
/// Deepest nesting of expressions (`${a, ${b, ${c}}}`, and values that are variables).
const MAX_EXPRESSION_DEPTH: usize = 64;
/// Most bytes of strings with variables in them read for one service.
pub(super) const MAX_SCANNED: usize = 100_000_000;

/// A value and where it came from: written in the project, or a fallback.
type Settled = (Node, ParameterOrigin);

/// Why a candidate has no value, and the problem to report if no other candidate has one.
#[derive(Clone, Debug)]
struct Fail {
    reason: String,
    problem: Option<String>,
    /// The source has a value, known only at deployment (`${env:X}`, `${ssm:..}`): a fallback
    /// after it would be a guess, so the whole expression is unknown.
    at_deployment: bool,
}

impl Fail {
    fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
            problem: None,
            at_deployment: false,
        }
    }
}

/// What a scalar becomes.
enum Expanded {
    /// It has no variable.
    Keep(Node),
    /// It is one variable, resolved.
    Value {
        node: Node,
        origin: ParameterOrigin,
        name: String,
    },
    /// Its variables, substituted in its text.
    Text(String),
    /// One of its variables has no value.
    Unknown { name: String, reason: String },
}

pub(super) struct Resolver<'a> {
    service_dir: PathBuf,
    root: &'a Node,
    includes: &'a mut dyn Includes,
    pub variables: Variables,
    pub problems: Vec<ServiceProblem>,
    reported: HashSet<(Span, String)>,
    loaded: HashMap<(PathBuf, String), Result<Arc<Document>, IncludeError>>,
    /// The directory of each file, to read an include relative to the file that names it.
    dirs: HashMap<FileId, PathBuf>,
    /// Each variable's value, with its number of nodes.
    memo: HashMap<String, Result<(Settled, usize), Fail>>,
    /// The variables (`self:a.b`) and includes (`file:3:a.b`) being resolved.
    stack: Vec<String>,
    /// Failures that depend on what is being resolved (a cycle, a depth limit): results computed
    /// while one happened are not remembered.
    context_failures: usize,
    resolutions: usize,
    nodes: usize,
    nesting: usize,
    evaluating: usize,
    scanned: usize,
    cap_reported: bool,
}

fn scalar_at(at: &Node, text: &str, style: ScalarStyle) -> Node {
    Node {
        file: at.file,
        range: at.range,
        kind: NodeKind::Scalar(Scalar {
            text: text.to_string(),
            style,
        }),
    }
}

/// js-yaml reads YAML 1.2: a plain `ON`, `off`, `yes` or `n` is a string there (YAML 1.1, which
/// CloudFormation uses, reads them as booleans).
fn yaml_1_2(node: &Node) -> Node {
    let mut node = node.clone();
    if let NodeKind::Scalar(s) = &mut node.kind {
        let text = s.text.as_str();
        if s.style == ScalarStyle::Plain
            && ["on", "off", "yes", "no", "y", "n"]
                .iter()
                .any(|b| b.eq_ignore_ascii_case(text))
        {
            s.style = ScalarStyle::Quoted;
        }
    }
    node
}

fn node_cap() -> String {
    format!("variables and includes would copy more than {MAX_NODES} values (coglint's cap)")
}

fn is_null(node: &Node) -> bool {
    node.scalar().is_some_and(Scalar::is_null)
}

fn same(a: &Variable, b: &Variable) -> bool {
    match (a, b) {
        (
            Variable::Value {
                node: x,
                origin: ox,
            },
            Variable::Value {
                node: y,
                origin: oy,
            },
        ) => ox == oy && (x == y || (x.scalar().is_some() && x.scalar() == y.scalar())),
        (x, y) => x == y,
    }
}

impl<'a> Resolver<'a> {
    pub fn new(service_dir: &Path, root: &'a Node, includes: &'a mut dyn Includes) -> Self {
        let mut dirs = HashMap::new();
        dirs.insert(root.file, service_dir.to_path_buf());
        Self {
            service_dir: service_dir.to_path_buf(),
            root,
            includes,
            variables: Variables::new(),
            problems: Vec::new(),
            reported: HashSet::new(),
            loaded: HashMap::new(),
            dirs,
            memo: HashMap::new(),
            stack: Vec::new(),
            context_failures: 0,
            resolutions: 0,
            nodes: 0,
            nesting: 0,
            evaluating: 0,
            scanned: 0,
            cap_reported: false,
        }
    }

    pub fn problem(&mut self, at: Span, message: String) {
        if self.reported.insert((at, message.clone())) {
            self.problems.push(ServiceProblem { at, message });
        }
    }

    /// Whether a problem was already reported at `at`.
    pub fn reported_at(&self, at: Span) -> bool {
        self.problems.iter().any(|p| p.at == at)
    }

    /// A copy of `node` with every variable and include resolved.
    pub fn expand(&mut self, node: &Node) -> Node {
        if self.nesting >= MAX_NESTING {
            return self.placeholder(
                node,
                "(too deeply nested)".to_string(),
                Variable::Unknown(format!(
                    "values nested more than {MAX_NESTING} deep through variables"
                )),
            );
        }
        self.nesting += 1;
        let kind = match &node.kind {
            NodeKind::Mapping(entries) => NodeKind::Mapping(
                entries
                    .iter()
                    .map(|e| Entry {
                        key: e.key.clone(),
                        value: self.expand(&e.value),
                    })
                    .collect(),
            ),
            NodeKind::Sequence(items) => {
                NodeKind::Sequence(items.iter().map(|i| self.expand(i)).collect())
            }
            NodeKind::Scalar(s) => {
                let out = match self.expand_scalar(node, &s.text) {
                    Expanded::Keep(n) => n,
                    Expanded::Value { node: n, .. } if n.scalar().is_none() => n,
                    Expanded::Value {
                        node: n,
                        origin,
                        name,
                    } => self.placeholder(node, name, Variable::Value { node: n, origin }),
                    Expanded::Text(text) => scalar_at(node, &text, ScalarStyle::Quoted),
                    Expanded::Unknown { name, reason } => {
                        self.placeholder(node, name, Variable::Unknown(reason))
                    }
                };
                self.nesting -= 1;
                return out;
            }
        };
        self.nesting -= 1;
        Node {
            file: node.file,
            range: node.range,
            kind,
        }
    }

    /// `{Ref: name}` at the use site `at`, with `name` recorded as a variable.
    fn placeholder(&mut self, at: &Node, name: String, value: Variable) -> Node {
        let name = self.record(name, value);
        Node {
            file: at.file,
            range: at.range,
            kind: NodeKind::Mapping(vec![Entry {
                key: Key {
                    text: "Ref".to_string(),
                    file: at.file,
                    range: at.range,
                },
                value: scalar_at(at, &name, ScalarStyle::Quoted),
            }]),
        }
    }

    /// Records a variable under `name`, or under `name #2`... when the name already stands for
    /// another value (an include relative to another file).
    fn record(&mut self, name: String, value: Variable) -> String {
        let mut candidate = name.clone();
        for n in 2..1000 {
            match self.variables.get(&candidate) {
                None => break,
                Some(existing) if same(existing, &value) => return candidate,
                Some(_) => candidate = format!("{name} #{n}"),
            }
        }
        self.variables.insert(candidate.clone(), value);
        candidate
    }

    fn expand_scalar(&mut self, node: &Node, text: &str) -> Expanded {
        if !text.contains("${") {
            return Expanded::Keep(yaml_1_2(node));
        }
        let found = syntax::occurrences(text);
        let Some(first) = found.first() else {
            return Expanded::Keep(yaml_1_2(node));
        };
        self.scanned = self.scanned.saturating_add(text.len());
        if text.len() > MAX_TEXT || self.scanned > MAX_SCANNED {
            let reason = if text.len() > MAX_TEXT {
                format!("variables in a string longer than {MAX_TEXT} bytes are not resolved (coglint's cap)")
            } else {
                self.cap(node, format!("more than {MAX_SCANNED} bytes of strings with variables in this service (coglint's cap)")).reason
            };
            let name = first.inner.trim().to_string();
            return Expanded::Unknown { name, reason };
        }
        if let [only] = found.as_slice() {
            if only.start == 0 && only.end == text.len() {
                let name = only.inner.trim().to_string();
                return match self.evaluate(only.inner, node) {
                    Ok((node, origin)) => Expanded::Value { node, origin, name },
                    Err(reason) => Expanded::Unknown { name, reason },
                };
            }
        }
        match self.interpolate(text, &found, node) {
            Ok(text) => Expanded::Text(text),
            Err((name, reason)) => Expanded::Unknown { name, reason },
        }
    }

    /// `text` with its variables replaced by their text; or the first variable without one.
    fn interpolate(
        &mut self,
        text: &str,
        found: &[Occurrence<'_>],
        at: &Node,
    ) -> Result<String, (String, String)> {
        let mut out = String::new();
        let mut last = 0;
        for o in found {
            out.push_str(&text[last..o.start]);
            let name = o.inner.trim();
            let value = self
                .evaluate(o.inner, at)
                .map_err(|r| (name.to_string(), r))?;
            match value.0.scalar() {
                Some(s) if !s.is_null() => out.push_str(&s.text),
                _ => {
                    return Err((
                        name.to_string(),
                        format!("`${{{name}}}` is not a string, but it is used inside one"),
                    ))
                }
            }
            if out.len() > MAX_TEXT {
                return Err((
                    name.to_string(),
                    format!("the string would be longer than {MAX_TEXT} bytes (coglint's cap)"),
                ));
            }
            last = o.end;
        }
        out.push_str(&text[last..]);
        Ok(out)
    }

    /// The value of the expression inside `${...}` written at `at`: its first candidate that
    /// has one.
    fn evaluate(&mut self, inner: &str, at: &Node) -> Result<Settled, String> {
        if self.evaluating >= MAX_EXPRESSION_DEPTH {
            self.context_failures += 1;
            return Err(format!(
                "`${{{}}}`: variables nested more than {MAX_EXPRESSION_DEPTH} deep",
                inner.trim()
            ));
        }
        self.evaluating += 1;
        let result = self.evaluate_candidates(inner, at);
        self.evaluating -= 1;
        result
    }

    fn evaluate_candidates(&mut self, inner: &str, at: &Node) -> Result<Settled, String> {
        let candidates = syntax::candidates(inner);
        let mut first = None;
        let mut problems = Vec::new();
        for (i, c) in candidates.iter().enumerate() {
            let last = i + 1 == candidates.len();
            match self.candidate(c, at, last) {
                Ok((node, origin)) => {
                    let origin = if i == 0 {
                        origin
                    } else {
                        ParameterOrigin::Fallback
                    };
                    return Ok((node, origin));
                }
                Err(fail) => {
                    let stop = fail.at_deployment;
                    first.get_or_insert(fail.reason);
                    problems.extend(fail.problem);
                    if stop {
                        break;
                    }
                }
            }
        }
        for message in problems {
            self.problem(at.span(), message);
        }
        Err(first.unwrap_or_else(|| format!("`${{{}}}` has no value", inner.trim())))
    }
}
