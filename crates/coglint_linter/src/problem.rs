//! Problems with the input itself (as opposed to findings of rules).

use std::path::PathBuf;

use coglint_rules::Label;
use coglint_source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    /// The file or directory could not be read.
    Io,
    /// The file is not valid UTF-8, or looks binary.
    Encoding,
    /// The file is larger than the limit.
    TooLarge,
    /// A named pipe, a device or a socket where a file was expected: not opened.
    SpecialFile,
    /// Not well-formed YAML or JSON, or beyond a nesting or alias limit.
    Syntax,
    /// A key written twice in one mapping (CloudFormation rejects the template).
    DuplicateKey,
    /// An attribute written twice in a Terraform type constraint: Terraform 1.6 and later
    /// refuse the file, earlier versions keep the last (as coglint does).
    DuplicateTypeAttribute,
    /// A YAML file of several documents: only the first is read.
    ExtraDocuments,
    /// A CloudFormation condition named but not defined, or in a cycle (CloudFormation rejects
    /// the template; coglint does not evaluate it).
    InvalidCondition,
    /// The `--parameters` file is not in a supported form.
    Parameters,
    /// A symbolic link loop met while walking (skipped).
    SymlinkLoop,
    /// Terraform modules that call each other in a cycle (Terraform rejects them).
    ModuleCycle,
    /// Terraform module calls deeper or more numerous than coglint follows.
    ModuleLimit,
    /// A template in a CDK cloud assembly that its manifest does not list (checked as plain
    /// CloudFormation, without constructs).
    UnlistedTemplate,
    /// A template that a cloud assembly's manifest lists, missing from the assembly.
    MissingTemplate,
    /// A suppression that cannot be used: no reason, no rule, a malformed date.
    Suppression,
    /// A file that a reference names (an include, a manifest entry, a module source, a symbolic
    /// link) lies outside the scanned directories and their repository: it is not read.
    OutsideRoots,
    /// A file that a Serverless service includes cannot be used (missing, malformed, a cycle).
    Include,
    /// A suppression past its `until` date.
    ExpiredSuppression,
    /// A suppression that covers no finding, or names no rule.
    UnusedSuppression,
}

impl ProblemKind {
    /// A short identifier for machine-readable outputs.
    pub fn id(self) -> &'static str {
        match self {
            ProblemKind::Io => "io-error",
            ProblemKind::Encoding => "encoding-error",
            ProblemKind::TooLarge => "file-too-large",
            ProblemKind::SpecialFile => "special-file",
            ProblemKind::Syntax => "syntax-error",
            ProblemKind::DuplicateKey => "duplicate-key",
            ProblemKind::DuplicateTypeAttribute => "duplicate-type-attribute",
            ProblemKind::ExtraDocuments => "extra-documents",
            ProblemKind::InvalidCondition => "invalid-condition",
            ProblemKind::Parameters => "parameters-error",
            ProblemKind::SymlinkLoop => "symlink-loop",
            ProblemKind::ModuleCycle => "module-cycle",
            ProblemKind::ModuleLimit => "module-limit",
            ProblemKind::UnlistedTemplate => "unlisted-template",
            ProblemKind::MissingTemplate => "missing-template",
            ProblemKind::OutsideRoots => "outside-roots",
            ProblemKind::Include => "include-error",
            ProblemKind::Suppression => "invalid-suppression",
            ProblemKind::ExpiredSuppression => "expired-suppression",
            ProblemKind::UnusedSuppression => "unused-suppression",
        }
    }

    /// Whether the scan is incomplete because of it: exit code 2. An invalid suppression is an
    /// error to read, but the scan is whole: it fails the run like a finding (see
    /// [`ProblemKind::fails_run`]).
    pub fn leaves_scan_incomplete(self) -> bool {
        self.is_error() && !self.fails_run()
    }

    /// Whether it fails the run like a finding (exit code 1): a suppression without a reason or
    /// malformed, or one past its `until` date.
    pub fn fails_run(self) -> bool {
        matches!(
            self,
            ProblemKind::Suppression | ProblemKind::ExpiredSuppression
        )
    }

    /// Whether the problem is shown as an error (a warning only informs).
    pub fn is_error(self) -> bool {
        !matches!(
            self,
            ProblemKind::SymlinkLoop
                | ProblemKind::DuplicateTypeAttribute
                | ProblemKind::ExtraDocuments
                | ProblemKind::InvalidCondition
                | ProblemKind::UnlistedTemplate
                | ProblemKind::MissingTemplate
                | ProblemKind::ExpiredSuppression
                | ProblemKind::UnusedSuppression
        )
    }
}

/// A problem with one input file.
#[derive(Clone, Debug)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: PathBuf,
    pub message: String,
    /// Where in the file, when the file could be read as text.
    pub span: Option<Span>,
    /// Other places that explain it (the first occurrence of a duplicated key).
    pub related: Vec<Label>,
}

impl Problem {
    pub fn new(kind: ProblemKind, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            kind,
            path: path.into(),
            message: message.into(),
            span: None,
            related: Vec::new(),
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}
