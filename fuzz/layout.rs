//! How the `pipeline` fuzz target turns bytes into a project on disk, shared with
//! tests/fuzz_regressions.rs (which replays what fuzzing found through the CLI). The first byte
//! picks a layout; the rest is split on NUL bytes into the layout's files, in order. The last
//! file takes the rest, NUL bytes included (so a binary file is still possible), and a file
//! with no part is not written. Some layouts add fixed files that the fuzzed ones need.
//!
//! Standard library only: the tests include this file as it is. `fuzz/seeds.py` writes the
//! seed inputs from the layout names below, in this order.

use std::path::Path;

/// One project layout: the files the input is split into, and fixed files written beside them.
pub struct Layout {
    pub name: &'static str,
    pub files: &'static [&'static str],
    pub fixed: &'static [(&'static str, &'static str)],
}

/// Terraform variables need a module to apply to.
const VARIABLE_MODULE: &str = "variable \"mfa\" {}\nresource \"aws_cognito_user_pool\" \"p\" {\n  mfa_configuration = var.mfa\n}\n";

/// The layouts, picked by the first byte modulo their number. The first five are the
/// single-file layouts of the first version of the target, in the same order.
pub const LAYOUTS: &[Layout] = &[
    Layout {
        name: "template.yaml",
        files: &["template.yaml"],
        fixed: &[],
    },
    Layout {
        name: "template.json",
        files: &["template.json"],
        fixed: &[],
    },
    Layout {
        name: "main.tf",
        files: &["main.tf"],
        fixed: &[],
    },
    Layout {
        name: "main.tf.json",
        files: &["main.tf.json"],
        fixed: &[],
    },
    Layout {
        name: "terraform.tfvars",
        files: &["terraform.tfvars"],
        fixed: &[("main.tf", VARIABLE_MODULE)],
    },
    // A Serverless service, a resources file it may include with `${file(...)}` and a file of
    // values (`custom: ${file(config/dev.yml)}`).
    Layout {
        name: "serverless",
        files: &["serverless.yml", "resources/cognito.yml", "config/dev.yml"],
        fixed: &[],
    },
    // Amplify Gen 1: a committed auth template with its parameters.json, the environments and
    // the CLI's feature flags.
    Layout {
        name: "amplify-template",
        files: &[
            "amplify/backend/auth/app/app-cloudformation-template.yml",
            "amplify/backend/auth/app/parameters.json",
            "amplify/team-provider-info.json",
            "amplify/cli.json",
        ],
        fixed: &[],
    },
    // Amplify Gen 1 with no template: the one the CLI generates from cli-inputs.json.
    Layout {
        name: "amplify-cli-inputs",
        files: &[
            "amplify/backend/auth/app/cli-inputs.json",
            "amplify/cli.json",
            "amplify/team-provider-info.json",
        ],
        fixed: &[],
    },
    // SAM: a template and the samconfig.toml beside it.
    Layout {
        name: "sam",
        files: &["template.yaml", "samconfig.toml"],
        fixed: &[],
    },
    // A CDK cloud assembly: its manifest, a stack template and a nested stack's.
    Layout {
        name: "cdk",
        files: &[
            "cdk.out/manifest.json",
            "cdk.out/AuthStack.template.json",
            "cdk.out/AuthStackNested.nested.template.json",
        ],
        fixed: &[],
    },
    // coglint.toml (rules, severities, options, `[[parameters]]`), a template and a
    // parameters file it may map to the template.
    Layout {
        name: "coglint.toml",
        files: &["coglint.toml", "stacks/auth.yaml", "params/prod.json"],
        fixed: &[],
    },
    // A Terraform root calling a local module, with its variables.
    Layout {
        name: "terraform-module",
        files: &["main.tf", "modules/pool/main.tf", "terraform.tfvars"],
        fixed: &[],
    },
];

/// Files to write: (path, content).
pub type Files<'a> = Vec<(&'static str, &'a [u8])>;

/// The layout `data` picks, and the files it makes of the rest.
pub fn files(data: &[u8]) -> Option<(&'static Layout, Files<'_>)> {
    let (&pick, rest) = data.split_first()?;
    let layout = &LAYOUTS[usize::from(pick) % LAYOUTS.len()];
    let mut files: Files<'_> = layout
        .files
        .iter()
        .copied()
        .zip(rest.splitn(layout.files.len(), |&b| b == 0))
        .collect();
    for &(path, text) in layout.fixed {
        if !files.iter().any(|(p, _)| *p == path) {
            files.push((path, text.as_bytes()));
        }
    }
    Some((layout, files))
}

/// Writes the project `data` makes into `dir` (which should be empty), creating directories.
pub fn write(dir: &Path, data: &[u8]) -> std::io::Result<Option<&'static Layout>> {
    let Some((layout, files)) = files(data) else {
        return Ok(None);
    };
    for (path, content) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, content)?;
    }
    Ok(Some(layout))
}
