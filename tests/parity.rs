//! Format parity: the same Cognito configuration written as CloudFormation YAML, CloudFormation
//! JSON and Terraform must give the same findings.
//!
//! Every directory `testdata/parity/<case>/` holds exactly `template.yaml`, `template.json` and
//! `main.tf` (alone in its directory, so it is its own Terraform module). Each file is scanned on
//! its own with every rule and default settings; each finding is reduced to
//! `(resource, rule code, whether it holds only in a scenario)`, where the resource is the
//! CloudFormation logical ID or, for Terraform, the resource label in PascalCase
//! (`aws_cognito_user_pool.user_pool` -> `UserPool`). The three sets must be equal, and equal to
//! the case's expected list in [`CASES`], so a case that finds nothing everywhere only passes
//! when it is meant to.
//!
//! Fixture conventions: CloudFormation logical IDs `UserPool` / `AppClient`, Terraform
//! `aws_cognito_user_pool.user_pool` / `aws_cognito_user_pool_client.app_client`. A Terraform
//! `password_policy` block always writes all four `require_*` flags: the provider sends `false`
//! for a flag left out of a written block, where CloudFormation leaves AWS's `true`.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use coglint_linter::{scan, ScanOptions, ScanResult};

/// When a finding holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Holds {
    /// Whatever the inputs (`scenario` is `None`).
    Always,
    /// Only in some scenario: one branch of a condition, a variable's value (`scenario` is `Some`).
    InScenario,
}

use Holds::{Always, InScenario};

/// A finding with what must agree between formats.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    resource: String,
    code: String,
    holds: Holds,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let holds = match self.holds {
            Always => "always",
            InScenario => "in a scenario",
        };
        write!(f, "{} {} ({holds})", self.resource, self.code)
    }
}

type Expected = &'static [(&'static str, &'static str, Holds)];

struct Case {
    name: &'static str,
    /// The case leaves the settings of [`BASICS`] unwritten, so it finds them too.
    basics: bool,
    expected: Expected,
}

/// What a case finds when it does not write these settings (most cases are about something
/// else): self sign-up, case-sensitive usernames, no deletion protection, no WAF or log
/// delivery in the scan; a 30-day refresh token without rotation. (No case configures SMS, so
/// the legacy SMS-first recovery is not reported: COG502 needs an SMS configuration.)
const BASICS: Expected = &[
    ("AppClient", "COG306", Always),
    ("AppClient", "COG308", Always),
    ("UserPool", "COG501", Always),
    ("UserPool", "COG504", Always),
    ("UserPool", "COG601", Always),
    ("UserPool", "COG602", Always),
    ("UserPool", "COG603", Always),
];

/// The cases and the findings each must give, in every format.
const CASES: &[Case] = &[
    Case {
        // Nothing security-related written: AWS's defaults (MFA OFF, 8 characters, 7 days,
        // threat protection OFF, LEGACY user existence errors). No password policy at all means
        // AWS requires every character class, in Terraform as in CloudFormation.
        name: "defaults",
        basics: true,
        expected: &[
            ("AppClient", "COG302", Always),
            ("UserPool", "COG101", Always),
            ("UserPool", "COG110", Always),
            ("UserPool", "COG112", Always),
            ("UserPool", "COG113", Always),
            ("UserPool", "COG201", Always),
        ],
    },
    Case {
        name: "hardened",
        basics: false,
        expected: &[],
    },
    Case {
        name: "weak",
        basics: true,
        expected: &[
            ("AppClient", "COG301", Always),
            ("AppClient", "COG302", Always),
            ("UserPool", "COG102", Always),
            ("UserPool", "COG110", Always),
            ("UserPool", "COG111", Always),
            ("UserPool", "COG112", Always),
            ("UserPool", "COG113", Always),
            ("UserPool", "COG202", Always),
        ],
    },
    Case {
        // Parameter defaults / variable defaults: MFA "OFF", length 10, LEGACY, flows with
        // implicit; the rest is hardened.
        name: "parameters",
        basics: true,
        expected: &[
            ("AppClient", "COG301", Always),
            ("AppClient", "COG302", Always),
            ("UserPool", "COG101", Always),
            ("UserPool", "COG110", Always),
            ("UserPool", "COG113", Always),
        ],
    },
    Case {
        // An undecidable `Fn::If` / a conditional on a variable without default. MFA, length,
        // user existence errors and flows fail in one branch; the temporary password validity
        // fails in both (3 or 7 days); threat protection is ENFORCED in both.
        name: "conditions",
        basics: true,
        expected: &[
            ("AppClient", "COG301", InScenario),
            ("AppClient", "COG302", InScenario),
            ("UserPool", "COG101", InScenario),
            ("UserPool", "COG110", InScenario),
            ("UserPool", "COG112", InScenario),
            ("UserPool", "COG113", Always),
        ],
    },
    Case {
        // `AWS::NoValue` / `null`: the property is omitted, so AWS's default applies (MFA OFF,
        // LEGACY); the validity is removed in one branch only (7 days there).
        name: "no_value",
        basics: true,
        expected: &[
            ("AppClient", "COG302", Always),
            ("UserPool", "COG101", Always),
            ("UserPool", "COG112", InScenario),
            ("UserPool", "COG113", Always),
        ],
    },
    Case {
        // A condition decided by a parameter's default / a conditional on a variable's default:
        // the chosen branch fails, so the findings hold always (like a plain default).
        name: "default_conditions",
        basics: true,
        expected: &[
            ("AppClient", "COG302", Always),
            ("UserPool", "COG101", Always),
            ("UserPool", "COG110", Always),
            ("UserPool", "COG113", Always),
        ],
    },
    Case {
        // Nested `Fn::If`, `Fn::Not`, `Fn::And` / nested conditionals, `!`, `&&`; in
        // CloudFormation the implicit flow is a list item removed in one branch.
        name: "nested_conditions",
        basics: true,
        expected: &[
            ("AppClient", "COG301", InScenario),
            ("UserPool", "COG102", InScenario),
            ("UserPool", "COG110", InScenario),
            ("UserPool", "COG113", Always),
            ("UserPool", "COG202", InScenario),
        ],
    },
    Case {
        // `UserPoolAddOns` and `Policies` removed in one branch / `dynamic` blocks with an empty
        // `for_each` in one branch: AWS's defaults there (no block at all in Terraform means
        // every character class is required, as in CloudFormation).
        name: "optional_blocks",
        basics: true,
        expected: &[
            ("UserPool", "COG110", InScenario),
            ("UserPool", "COG112", InScenario),
            ("UserPool", "COG113", InScenario),
            ("UserPool", "COG201", InScenario),
        ],
    },
    Case {
        // `Fn::FindInMap`, `Fn::Select`, `Fn::Join`, `Fn::Split` / a local map, an index,
        // `lookup`, `join`, `split`.
        name: "computed",
        basics: true,
        expected: &[
            ("AppClient", "COG301", Always),
            ("AppClient", "COG302", Always),
            ("UserPool", "COG102", Always),
            ("UserPool", "COG110", Always),
            ("UserPool", "COG113", Always),
            ("UserPool", "COG202", Always),
        ],
    },
    Case {
        // Password policy numbers and booleans written as strings ("10", "false", "3").
        name: "string_scalars",
        basics: true,
        expected: &[
            ("UserPool", "COG110", Always),
            ("UserPool", "COG111", Always),
            ("UserPool", "COG112", Always),
            ("UserPool", "COG113", Always),
        ],
    },
    Case {
        // An identity pool and a risk configuration, no user pool: guest access, the basic flow
        // in one branch, a provider without the server-side token check (a list entry / a
        // repeated block); NO_ACTION, MFA_IF_CONFIGURED at high risk, a skipped /8. The pool of
        // the risk configuration is outside the scan: COG208 cannot decide.
        name: "identity_and_risk",
        basics: false,
        expected: &[
            ("IdentityPool", "COG401", Always),
            ("IdentityPool", "COG402", InScenario),
            ("IdentityPool", "COG407", Always),
            ("RiskConfiguration", "COG205", Always),
            ("RiskConfiguration", "COG206", Always),
            ("RiskConfiguration", "COG207", Always),
        ],
    },
    Case {
        // An identity pool's roles: the guest role trusts every identity pool (no `aud`, no
        // `amr`) and allows `s3:*`; the user role carries an AWS managed FullAccess policy; the
        // role mapping falls back to the authenticated role; a policy can hand out any role.
        // Terraform writes the policies with a data source, a heredoc and jsonencode.
        name: "identity_roles",
        basics: false,
        expected: &[
            ("IdentityPool", "COG401", Always),
            ("GuestRole", "COG403", Always),
            ("GuestRole", "COG404", Always),
            ("GuestRole", "COG405", Always),
            ("UserRole", "COG405", Always),
            ("IdentityPoolRoles", "COG406", Always),
            ("DeployPolicy", "COG408", Always),
        ],
    },
];

const FORMATS: [&str; 3] = ["template.yaml", "template.json", "main.tf"];

fn parity_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/parity")
}

/// `UserPool` for a CloudFormation logical ID; for a Terraform address
/// (`aws_cognito_user_pool.user_pool`, possibly `module.m.` before it and `[0]` after it), the
/// label in PascalCase, with its instance key kept.
fn normalize(file: &str, resource: &str) -> String {
    if !file.ends_with(".tf") {
        return resource.to_string();
    }
    let (address, key) = match resource.find('[') {
        Some(i) => resource.split_at(i),
        None => (resource, ""),
    };
    let label = address.rsplit('.').next().unwrap_or(address);
    let pascal: String = label
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect();
    format!("{pascal}{key}")
}

fn run(path: &Path) -> ScanResult {
    let options = ScanOptions {
        paths: vec![path.to_path_buf()],
        // Parity is about the front ends: every rule, whatever group.
        rules: coglint_rules::all_rules().to_vec(),
        ..ScanOptions::default()
    };
    scan(&options)
}

/// The findings of one file as keys, and a line per finding for failure messages.
fn keys(case: &str, file: &str) -> (BTreeSet<Key>, Vec<String>) {
    let path = parity_dir().join(case).join(file);
    let result = run(&path);
    assert!(
        result.problems.is_empty(),
        "{case}/{file}: unexpected problems: {:#?}",
        result.problems
    );
    let (templates, modules) = if file.ends_with(".tf") {
        (0, 1)
    } else {
        (1, 0)
    };
    assert_eq!(
        (result.templates, result.terraform_modules),
        (templates, modules),
        "{case}/{file}: not read as exactly one {} (templates, Terraform modules)",
        if file.ends_with(".tf") {
            "Terraform module"
        } else {
            "CloudFormation template"
        }
    );
    let mut set = BTreeSet::new();
    let mut details = Vec::new();
    for finding in &result.findings {
        let key = Key {
            resource: normalize(file, &finding.resource),
            code: finding.rule.code.to_string(),
            holds: if finding.scenario.is_some() {
                InScenario
            } else {
                Always
            },
        };
        let line = result
            .sources
            .get(finding.primary.span.file)
            .map(|s| s.line_col(finding.primary.span.range.start).line)
            .unwrap_or_default();
        details.push(format!(
            "    {file}:{line} {} {}{}{}: {}",
            finding.resource,
            finding.rule.code,
            match &finding.scenario {
                Some(s) => format!(" [when {s}]"),
                None => String::new(),
            },
            if finding.defaulted {
                " [defaulted]"
            } else {
                ""
            },
            finding.message
        ));
        set.insert(key);
    }
    (set, details)
}

fn expected_keys(expected: Expected) -> BTreeSet<Key> {
    expected
        .iter()
        .map(|&(resource, code, holds)| Key {
            resource: resource.to_string(),
            code: code.to_string(),
            holds,
        })
        .collect()
}

fn list(keys: &BTreeSet<&Key>) -> String {
    if keys.is_empty() {
        return "(none)".to_string();
    }
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Scans the three files of `name` and checks them against each other and against the case's
/// expected findings; panics with a diff per format.
fn check(name: &str) {
    let Some(case) = CASES.iter().find(|c| c.name == name) else {
        panic!("no case `{name}` in CASES")
    };
    let mut want = expected_keys(case.expected);
    if case.basics {
        want.extend(expected_keys(BASICS));
    }
    let mut failures = Vec::new();
    let mut all_details = Vec::new();
    let mut per_format = Vec::new();
    for file in FORMATS {
        let (got, details) = keys(name, file);
        all_details.extend(details);
        if got != want {
            failures.push(format!(
                "  {file}:\n    missing:    {}\n    unexpected: {}",
                list(&want.difference(&got).collect()),
                list(&got.difference(&want).collect()),
            ));
        }
        per_format.push((file, got));
    }
    // The formats against each other (the reference is the YAML template).
    let (reference_file, reference) = &per_format[0];
    for (file, got) in &per_format[1..] {
        if got != reference {
            failures.push(format!(
                "  {file} vs {reference_file}:\n    only in {file}: {}\n    only in {reference_file}: {}",
                list(&got.difference(reference).collect()),
                list(&reference.difference(got).collect()),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "parity case `{name}`: the formats disagree or differ from the expected findings\n\
         expected: {}\n{}\n  all findings:\n{}",
        list(&want.iter().collect()),
        failures.join("\n"),
        if all_details.is_empty() {
            "    (none)".to_string()
        } else {
            all_details.join("\n")
        }
    );
}

#[test]
fn defaults() {
    check("defaults");
}

#[test]
fn hardened() {
    check("hardened");
}

#[test]
fn weak() {
    check("weak");
}

#[test]
fn parameters() {
    check("parameters");
}

#[test]
fn conditions() {
    check("conditions");
}

#[test]
fn no_value() {
    check("no_value");
}

#[test]
fn default_conditions() {
    check("default_conditions");
}

#[test]
fn nested_conditions() {
    check("nested_conditions");
}

#[test]
fn optional_blocks() {
    check("optional_blocks");
}

#[test]
fn computed() {
    check("computed");
}

#[test]
fn string_scalars() {
    check("string_scalars");
}

/// Every case directory has an entry in `CASES` (and a test above), holds exactly the three
/// files, and every entry in `CASES` has a directory; only `hardened` may expect nothing.
#[test]
fn every_case_is_complete() {
    let mut dirs = BTreeSet::new();
    let entries = std::fs::read_dir(parity_dir())
        .unwrap_or_else(|e| panic!("{}: {e}", parity_dir().display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        if entry.path().is_dir() {
            dirs.insert(entry.file_name().to_string_lossy().into_owned());
        }
    }
    let names: BTreeSet<String> = CASES.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(
        dirs, names,
        "the directories of testdata/parity and the cases of tests/parity.rs differ"
    );
    let want_files: BTreeSet<String> = FORMATS.iter().map(|f| f.to_string()).collect();
    for case in CASES {
        let dir = parity_dir().join(case.name);
        let files: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| {
                e.unwrap_or_else(|e| panic!("{e}"))
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(files, want_files, "{}: unexpected set of files", case.name);
        assert_eq!(
            case.expected.is_empty(),
            case.name == "hardened",
            "{}: only `hardened` is meant to give no finding",
            case.name
        );
    }
}

#[test]
fn normalize_terraform_addresses() {
    assert_eq!(
        normalize("main.tf", "aws_cognito_user_pool.user_pool"),
        "UserPool"
    );
    assert_eq!(
        normalize("main.tf", "aws_cognito_user_pool_client.app_client"),
        "AppClient"
    );
    assert_eq!(
        normalize("main.tf", "module.auth.aws_cognito_user_pool.user_pool[0]"),
        "UserPool[0]"
    );
    assert_eq!(normalize("template.yaml", "UserPool"), "UserPool");
}

#[test]
fn identity_and_risk() {
    check("identity_and_risk");
}

#[test]
fn identity_roles() {
    check("identity_roles");
}
