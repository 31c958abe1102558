//! Where a variable's value comes from: the service itself (`self:`), an included file
//! (`file(...)`), the stage, or a source known only at deployment; with the memo, the cycle and
//! depth checks and the caps that bound the work.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use coglint_model::ParameterOrigin;
use coglint_source::FileId;
use coglint_syntax::{Document, Node, NodeKind, ScalarStyle};

use super::super::syntax::{self, Candidate};
use super::super::IncludeError;
use super::super::{join, placeholder};
use super::{
    is_null, node_cap, scalar_at, Expanded, Fail, Resolver, Settled, MAX_INCLUDE_DEPTH, MAX_NODES,
    MAX_RESOLUTIONS, MAX_VARIABLE_DEPTH,
};
use crate::cloudformation::Variable;

/// The child of `node` at one segment of an address: a key, or a list index.
fn child<'n>(node: &'n Node, segment: &str) -> Option<&'n Node> {
    match &node.kind {
        NodeKind::Mapping(_) => node.get(segment),
        NodeKind::Sequence(items) => items.get(segment.parse::<usize>().ok()?),
        NodeKind::Scalar(_) => None,
    }
}

impl Resolver<'_> {
    /// The value of one candidate of an expression written at `at`; `last` when no fallback
    /// follows it.
    pub(super) fn candidate(&mut self, text: &str, at: &Node, last: bool) -> Result<Settled, Fail> {
        self.resolutions += 1;
        if self.resolutions > MAX_RESOLUTIONS {
            return Err(self.cap(
                at,
                format!("more than {MAX_RESOLUTIONS} variable resolutions in this service (coglint's cap)"),
            ));
        }
        let source = match syntax::candidate(text) {
            Candidate::Quoted(t) => {
                return Ok((
                    scalar_at(at, t, ScalarStyle::Quoted),
                    ParameterOrigin::Fallback,
                ))
            }
            Candidate::Literal(t) => {
                return Ok((
                    scalar_at(at, t, ScalarStyle::Plain),
                    ParameterOrigin::Fallback,
                ))
            }
            Candidate::Nested(inner) => return self.evaluate(inner, at).map_err(Fail::new),
            Candidate::Source(_) | Candidate::Other => {
                let found = syntax::occurrences(text);
                if found.is_empty() {
                    Cow::Borrowed(text)
                } else {
                    Cow::Owned(
                        self.interpolate(text, &found, at)
                            .map_err(|(_, r)| Fail::new(r))?,
                    )
                }
            }
        };
        let Some(s) = syntax::source(&source) else {
            return Err(Fail::new(format!(
                "`${{{text}}}` is not a variable coglint understands"
            )));
        };
        let known_at_deployment = |what: &str| Fail {
            at_deployment: true,
            ..Fail::new(format!("`${{{text}}}` {what}"))
        };
        match (s.name, s.address) {
            // The Framework fills in the stage when the service does not write it.
            ("self", "provider.stage") if !self.stage_written() => self.stage(at),
            ("self", address) => self.self_value(address, text),
            ("file", address) => self.file_value(s.params.unwrap_or(""), address, at, text),
            ("opt", "stage") if last => self.stage(at),
            ("sls", "stage") => self.stage(at),
            // An option not given on the command line has no value: its fallback applies.
            ("opt", _) => Err(Fail::new(format!(
                "`${{{text}}}` is a command-line option, not known before deployment"
            ))),
            ("sls", _) => Err(known_at_deployment(
                "is set by the Serverless Framework at deployment",
            )),
            ("env", _) => Err(known_at_deployment(
                "is read from the environment at deployment",
            )),
            ("ssm", _) => Err(known_at_deployment(
                "is read from SSM Parameter Store at deployment",
            )),
            ("cf", _) => Err(known_at_deployment(
                "is read from another CloudFormation stack's outputs at deployment",
            )),
            ("s3", _) => Err(known_at_deployment(
                "is read from an S3 object at deployment",
            )),
            ("aws", _) => Err(known_at_deployment(
                "is read from the AWS account at deployment",
            )),
            ("secretsmanager", _) => Err(known_at_deployment(
                "is read from AWS Secrets Manager at deployment",
            )),
            ("param", _) => Err(known_at_deployment(
                "is a Serverless parameter (Dashboard or `params`), not read by coglint",
            )),
            (name, _) => Err(known_at_deployment(&format!(
                "comes from the `{name}` variable source, which coglint does not read"
            ))),
        }
    }

    /// A cap was reached: reported once, and the value is unknown.
    pub(super) fn cap(&mut self, at: &Node, reason: String) -> Fail {
        if !self.cap_reported {
            self.cap_reported = true;
            self.problem(at.span(), format!("stopped resolving variables: {reason}"));
        }
        Fail::new(reason)
    }

    /// The stage: `provider.stage` when written, else `dev` (no command-line option exists for
    /// a scan).
    fn stage(&mut self, at: &Node) -> Result<Settled, Fail> {
        if self.stage_written() {
            if self.stack.iter().any(|k| k == "self:provider.stage") {
                // `provider.stage: ${opt:stage}` itself.
                self.context_failures += 1;
            } else {
                return self.self_value("provider.stage", "self:provider.stage");
            }
        }
        Ok((
            scalar_at(at, "dev", ScalarStyle::Quoted),
            ParameterOrigin::Fallback,
        ))
    }

    fn stage_written(&self) -> bool {
        self.root
            .get("provider")
            .and_then(|p| p.get("stage"))
            .is_some_and(|s| !is_null(s))
    }

    fn self_value(&mut self, address: &str, written: &str) -> Result<Settled, Fail> {
        let root = self.root;
        self.settle_keyed(format!("self:{address}"), written, false, |this| {
            this.navigate(root, address).ok_or_else(|| {
                Fail::new(format!(
                    "`${{{written}}}` has no value: the service has no `{address}`"
                ))
            })?
        })
    }

    fn file_value(
        &mut self,
        params: &str,
        address: &str,
        at: &Node,
        written: &str,
    ) -> Result<Settled, Fail> {
        let path = params.trim().trim_matches(|c| c == '\'' || c == '"');
        if path.is_empty() {
            return Err(Fail::new(format!("`${{{written}}}` names no file")));
        }
        let doc = self.load(at.file, path).map_err(|error| match error {
            IncludeError::Unreadable(message) => Fail {
                reason: format!("`${{{written}}}` cannot be read: {message}"),
                problem: Some(format!("cannot include `{path}`: {message}")),
                at_deployment: false,
            },
            IncludeError::Computed(message) => Fail {
                at_deployment: true,
                ..Fail::new(format!("`${{{written}}}`: {message}"))
            },
        })?;
        let key = format!("file:{}:{address}", doc.root.file.0);
        self.settle_keyed(key, written, true, move |this| {
            this.navigate(&doc.root, address).ok_or_else(|| {
                Fail::new(format!(
                    "`${{{written}}}` has no value: `{path}` has no `{address}`"
                ))
            })?
        })
    }

    /// Reads an include: relative to the service directory, as the Serverless Framework does;
    /// failing that, relative to the file that names it.
    fn load(&mut self, from: FileId, path: &str) -> Result<Arc<Document>, IncludeError> {
        let service_dir = self.service_dir.clone();
        let first = self.load_from(&service_dir, path);
        if first.is_ok() {
            return first;
        }
        match self.dirs.get(&from).cloned() {
            Some(dir) if dir != service_dir => self.load_from(&dir, path).or(first),
            _ => first,
        }
    }

    fn load_from(&mut self, dir: &Path, path: &str) -> Result<Arc<Document>, IncludeError> {
        let key = (dir.to_path_buf(), path.to_string());
        if let Some(done) = self.loaded.get(&key) {
            return done.clone();
        }
        let result = self.includes.load(dir, path);
        if let Ok(doc) = &result {
            let full = join(dir, path);
            let parent = full.parent().map(Path::to_path_buf).unwrap_or_default();
            self.dirs.entry(doc.root.file).or_insert(parent);
        }
        self.loaded.insert(key, result.clone());
        result
    }

    /// The node at a dotted `address` under `start`, following whole variables on the way
    /// (`custom: ${file(custom.yml)}`). `None` when there is none; `Some(Err)` when a variable on
    /// the way has no value.
    fn navigate(&mut self, start: &Node, address: &str) -> Option<Result<Node, Fail>> {
        let mut cur: Cow<'_, Node> = Cow::Borrowed(start);
        let segments: Vec<&str> = address.split('.').filter(|s| !s.is_empty()).collect();
        for (i, segment) in segments.iter().enumerate() {
            if let Some(inner) = cur.as_str().and_then(syntax::whole) {
                let inner = inner.to_string();
                // An include on the way is entered before it is resolved, as the Framework
                // does: only the value asked for is resolved, so a file that refers back to
                // the key that includes it (`custom: ${file(dev.yml)}` with `b: ${self:custom.a}`
                // in dev.yml) is no cycle.
                let text = inner.trim();
                let single = syntax::candidates(&inner).len() == 1;
                let found = syntax::occurrences(text);
                let expanded = if !single || found.is_empty() {
                    text.to_string()
                } else {
                    match self.interpolate(text, &found, &cur) {
                        Ok(expanded) => expanded,
                        Err((_, reason)) => return Some(Err(Fail::new(reason))),
                    }
                };
                if let (true, Candidate::Source(source)) = (single, syntax::candidate(&expanded)) {
                    if let ("file", Some(params)) = (source.name, source.params) {
                        let rest = segments[i..].join(".");
                        let address = match source.address {
                            "" => rest,
                            within => format!("{within}.{rest}"),
                        };
                        let written = text.to_string();
                        return Some(
                            self.file_value(params, &address, &cur, &written)
                                .map(|(node, _)| node),
                        );
                    }
                }
                match self.evaluate(&inner, &cur) {
                    Ok((node, _)) => cur = Cow::Owned(node),
                    Err(reason) => return Some(Err(Fail::new(reason))),
                }
            }
            if let Some((_, Variable::Unknown(reason))) = placeholder(&cur, &self.variables) {
                return Some(Err(Fail::new(reason.clone())));
            }
            cur = match cur {
                Cow::Borrowed(n) => Cow::Borrowed(child(n, segment)?),
                Cow::Owned(n) => Cow::Owned(child(&n, segment)?.clone()),
            };
        }
        Some(Ok(cur.into_owned()))
    }

    /// The value of a variable or include `key`, its own variables resolved; remembered.
    fn settle_keyed(
        &mut self,
        key: String,
        written: &str,
        include: bool,
        find: impl FnOnce(&mut Self) -> Result<Node, Fail>,
    ) -> Result<Settled, Fail> {
        if let Some(done) = self.memo.get(&key) {
            return match done {
                Ok((settled, size)) => {
                    let (settled, size) = (settled.clone(), *size);
                    self.charge(size, &settled.0)?;
                    Ok(settled)
                }
                Err(fail) => Err(fail.clone()),
            };
        }
        if self.stack.contains(&key) {
            self.context_failures += 1;
            let reason = format!("`${{{written}}}` refers to itself");
            return Err(Fail {
                problem: include
                    .then(|| format!("include cycle: `${{{written}}}` includes itself")),
                reason,
                at_deployment: false,
            });
        }
        let includes = self.stack.iter().filter(|k| k.starts_with("file:")).count();
        if include && includes >= MAX_INCLUDE_DEPTH {
            self.context_failures += 1;
            let reason = format!("includes nested more than {MAX_INCLUDE_DEPTH} deep");
            return Err(Fail {
                problem: Some(reason.clone()),
                reason,
                at_deployment: false,
            });
        }
        if self.stack.len() >= MAX_VARIABLE_DEPTH {
            self.context_failures += 1;
            return Err(Fail::new(format!(
                "`${{{written}}}`: variables nested more than {MAX_VARIABLE_DEPTH} deep"
            )));
        }
        let before = self.context_failures;
        self.stack.push(key.clone());
        let result = find(self).and_then(|raw| self.settle(&raw));
        self.stack.pop();
        let result = match result {
            Ok((node, _)) if is_null(&node) => Err(Fail::new(format!(
                "`${{{written}}}` has no value: it is empty"
            ))),
            other => other,
        };
        if self.context_failures == before {
            let remembered = match &result {
                Ok(settled) => Ok((settled.clone(), settled.0.count())),
                Err(fail) => Err(fail.clone()),
            };
            self.memo.insert(key, remembered);
        }
        result
    }

    /// A value found in the project, its own variables resolved.
    pub(super) fn settle(&mut self, raw: &Node) -> Result<Settled, Fail> {
        let written = ParameterOrigin::Written;
        // Found inside a value already expanded (`custom: ${file(custom.yml)}`).
        match placeholder(raw, &self.variables) {
            Some((_, Variable::Value { node, origin })) => return Ok((node.clone(), *origin)),
            Some((_, Variable::Unknown(reason))) => return Err(Fail::new(reason.clone())),
            None => {}
        }
        if let NodeKind::Scalar(s) = &raw.kind {
            return match self.expand_scalar(raw, &s.text) {
                Expanded::Keep(node) => Ok((node, written)),
                Expanded::Value { node, origin, .. } => Ok((node, origin)),
                Expanded::Text(text) => Ok((scalar_at(raw, &text, ScalarStyle::Quoted), written)),
                Expanded::Unknown { reason, .. } => Err(Fail::new(reason)),
            };
        }
        self.charge(raw.count(), raw)?;
        let expanded = self.expand(raw);
        if self.nodes > MAX_NODES {
            // The cap was reached inside: the value is cut, so it is not known at all.
            return Err(Fail::new(node_cap()));
        }
        Ok((expanded, written))
    }

    /// Counts `size` more nodes copied into the service (a mapping or list used again).
    fn charge(&mut self, size: usize, at: &Node) -> Result<(), Fail> {
        if at.scalar().is_some() {
            return Ok(());
        }
        self.nodes = self.nodes.saturating_add(size);
        if self.nodes > MAX_NODES {
            return Err(self.cap(at, node_cap()));
        }
        Ok(())
    }
}
