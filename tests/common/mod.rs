//! Helpers shared by the end-to-end tests: running the binary, writing projects.
// Each test crate uses some of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A user pool and client with every setting the current rules check set right.
pub const SECURE_POOL: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: "ON"
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
      UserPoolTier: PLUS
      DeletionProtection: ACTIVE
      UsernameConfiguration:
        CaseSensitive: false
      AdminCreateUserConfig:
        AllowAdminCreateUserOnly: true
      AccountRecoverySetting:
        RecoveryMechanisms: [{Name: admin_only, Priority: 1}]
      UserPoolAddOns:
        AdvancedSecurityMode: ENFORCED
      Policies:
        PasswordPolicy:
          MinimumLength: 14
          TemporaryPasswordValidityDays: 1
          PasswordHistorySize: 12
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      PreventUserExistenceErrors: ENABLED
      AllowedOAuthFlows: [code]
      RefreshTokenValidity: 7
      RefreshTokenRotation:
        Feature: ENABLED
  WebAclAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !GetAtt UserPool.Arn
      WebACLArn: arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd
  LogDelivery:
    Type: AWS::Cognito::LogDeliveryConfiguration
    Properties:
      UserPoolId: !Ref UserPool
      LogConfigurations:
        - EventSource: userAuthEvents
          LogLevel: INFO
          S3Configuration:
            BucketArn: arn:aws:s3:::example-cognito-logs
"#;

/// The repository root (where `cargo test` runs the binary from by default).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Runs coglint in `dir`, with the environment fixed: 100 columns, colour left to the flags,
/// a fixed date for suppression expiry, and no GitHub step summary.
pub fn coglint(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("COLUMNS", "100")
        .env("COGLINT_TODAY", "2026-11-22")
        .output();
    match output {
        Ok(o) => o,
        Err(e) => panic!("cannot run coglint: {e}"),
    }
}

/// Runs coglint like [`coglint`], but fails the test if it has not ended within a minute: a
/// hang is a bug (speed is measured by the benchmarks, not here). Output goes to files, so a
/// large report cannot block the child while it is waited for.
pub fn coglint_within_a_minute(dir: &Path, args: &[&str]) -> Output {
    let out = tempdir();
    let file = |name: &str| match std::fs::File::create(out.path().join(name)) {
        Ok(f) => f,
        Err(e) => panic!("{e}"),
    };
    let child = Command::new(env!("CARGO_BIN_EXE_coglint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("COLUMNS", "100")
        .env("COGLINT_TODAY", "2026-11-22")
        .stdout(file("stdout"))
        .stderr(file("stderr"))
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => panic!("cannot run coglint: {e}"),
    };
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < std::time::Duration::from_secs(60) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("coglint {args:?} did not end within 60 s: it hangs");
            }
            Err(e) => panic!("{e}"),
        }
    };
    let read = |name: &str| std::fs::read(out.path().join(name)).unwrap_or_default();
    Output {
        status,
        stdout: read("stdout"),
        stderr: read("stderr"),
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Writes `text` to `dir/name`, creating directories.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    if let Err(e) = std::fs::write(&path, text) {
        panic!("{}: {e}", path.display());
    }
}

pub fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

/// A fixture copied alone into a fresh directory. A `.tf` file is read with the `.tf` files
/// beside it as one module, as Terraform reads a directory; from here it is a module of its own,
/// so a fixture case never depends on another case's file.
pub struct Alone {
    dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Alone {
    pub fn new(file: &Path) -> Self {
        let dir = tempdir();
        let Some(name) = file.file_name() else {
            panic!("{} has no file name", file.display())
        };
        let path = dir.path().join(name);
        if let Err(e) = std::fs::copy(file, &path) {
            panic!("{}: {e}", file.display());
        }
        Self { dir, path }
    }

    /// The directory the file is alone in.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// Scans `path` (relative to the repository root) in-process with the one rule `code`; the
/// scan must read every file without a problem.
pub fn scan_with_rule(code: &str, path: &str) -> coglint_linter::ScanResult {
    let rule = coglint_rules::find_rule(code).unwrap_or_else(|| panic!("no rule {code}"));
    let result = coglint_linter::scan(&coglint_linter::ScanOptions {
        paths: vec![root().join(path)],
        rules: vec![rule],
        ..coglint_linter::ScanOptions::default()
    });
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    result
}

/// `(file name, line, resource, severity)` of each finding.
pub fn located(
    result: &coglint_linter::ScanResult,
) -> Vec<(String, u32, String, coglint_rules::Severity)> {
    result
        .findings
        .iter()
        .map(|f| {
            let source = result.sources.get(f.primary.span.file);
            let name = source
                .and_then(|s| s.path().file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let line = source
                .map(|s| s.line_col(f.primary.span.range.start).line)
                .unwrap_or_default();
            (name, line, f.resource.clone(), f.severity)
        })
        .collect()
}

/// `(file name, line, resource)` of each finding.
pub fn located_resources(result: &coglint_linter::ScanResult) -> Vec<(String, u32, String)> {
    located(result)
        .into_iter()
        .map(|(file, line, resource, _)| (file, line, resource))
        .collect()
}
