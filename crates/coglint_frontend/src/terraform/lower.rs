//! The module walk: a root module's inputs, each resource instance lowered through the
//! shared builders, and the module calls followed.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use coglint_model::defaults;
use coglint_model::{
    InputKind, Model, ParameterOrigin, Provenance, ReportedAt, ResourceMeta, Scenario,
};
use coglint_source::{FileId, Span};

use super::eval::{unknown, Input, Scope};
use super::instances::instances;
use super::module::{normalize, Module, TfFile};
use super::properties::TfProperties;
use super::unread;
use crate::lowering::{build, terraform_kind};
use crate::lowering::{Prop, Resource};
use crate::value::{Alt, Resolved};

/// The deepest chain of module calls followed.
pub const MAX_MODULE_DEPTH: usize = 16;

/// Why a module call is not followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallCut {
    /// The callee is already on the chain of calls (Terraform rejects the cycle).
    Cycle,
    /// The chain is deeper than [`MAX_MODULE_DEPTH`].
    TooDeep,
}

/// Whether a call into `callee` from the chain of modules `callers` (the root first, the
/// caller last) is followed: the one decision that the linter reports and the lowering keeps.
pub fn follow_call(callers: &[PathBuf], callee: &Path) -> Result<(), CallCut> {
    if callers.iter().any(|d| d == callee) {
        Err(CallCut::Cycle)
    } else if callers.len() > MAX_MODULE_DEPTH {
        Err(CallCut::TooDeep)
    } else {
        Ok(())
    }
}

/// Every module of the scan, by directory.
#[derive(Default)]
pub struct Modules<'f> {
    /// The files of each module that were parsed.
    pub files: HashMap<PathBuf, Vec<&'f TfFile>>,
    /// The `.tf` files of each module that could not be read or parsed (each a problem of its
    /// own). Whatever the module's parsed files name and do not declare may be declared in
    /// them: it is unknown, never absent (see `Module::unparsed`).
    pub unparsed: HashMap<PathBuf, Vec<PathBuf>>,
}

/// A var file of a root module.
pub enum VarFile<'f> {
    Parsed(&'f TfFile),
    /// It could not be read or parsed (a problem of its own): any variable it may set, and
    /// that no file after it sets, is unknown.
    Unparsed(PathBuf),
}

/// Values for a root module's variables, lowest precedence first: `terraform.tfvars`, then
/// `*.auto.tfvars` in name order, then `--var-file` files in order; then `-var NAME=VALUE`.
pub struct RootInputs<'f> {
    pub var_files: Vec<VarFile<'f>>,
    pub vars: Vec<(String, String)>,
    /// Remote modules installed by `terraform init`, from `.terraform/modules/modules.json`:
    /// module key (`auth`, `auth.inner`) to directory.
    pub remote_modules: HashMap<String, PathBuf>,
}

/// Where a module is in the tree of calls.
struct Call<'c> {
    /// Resource name prefix: `module.auth.`.
    prefix: String,
    /// Key in modules.json: `auth.inner`.
    key: String,
    /// The user's `module` block a remote module is reported at.
    reported_at: Option<ReportedAt>,
    /// The `module` blocks of the calls so far, outermost first.
    called_from: Vec<Span>,
    remote: &'c HashMap<String, PathBuf>,
    /// Module instances the root may still evaluate (see [`MAX_MODULE_INSTANCES`]).
    instances_left: &'c Cell<usize>,
}

/// The most module instances evaluated under one root. Calls that nest (a module called three
/// times at each of 15 levels) would otherwise multiply; past it, a call is not followed and is
/// listed, with this reason, among the module calls not followed.
pub const MAX_MODULE_INSTANCES: usize = 1000;

fn lower_module<'a>(
    dir: &Path,
    modules: &Modules<'a>,
    inputs: &HashMap<String, Input<'a>>,
    call: &Call<'_>,
    stack: &mut Vec<PathBuf>,
    model: &mut Model,
) {
    let prefix = call.prefix.as_str();
    let lost = unread::lost_files(modules, dir, model);
    let Some(files) = modules.files.get(dir) else {
        return;
    };
    // A call that is not followed is reported by the linter, from the same decision.
    if follow_call(stack, dir).is_err() {
        return;
    }
    stack.push(dir.to_path_buf());
    let mut module = Module::new(files);
    module.unparsed = lost;
    let scope = Scope {
        module: &module,
        inputs,
        bindings: Vec::new(),
        prefix: prefix.to_string(),
        locals: Default::default(),
    };
    for decl in &module.resources {
        let Some(kind) = terraform_kind(decl.type_name) else {
            continue;
        };
        for instance in instances(decl.body, decl.file, &scope) {
            let instance_scope = scope.with_bindings(instance.bindings);
            let properties = TfProperties {
                scope: &instance_scope,
                file: decl.file,
                body: decl.body,
                scenario: instance.scenario,
            };
            let meta = ResourceMeta {
                kind,
                name: format!(
                    "{prefix}{}.{}{}",
                    decl.type_name, decl.name, instance.suffix
                ),
                type_name: decl.type_name.to_string(),
                header: decl.header,
                logical_path: None,
                reported_at: call.reported_at.clone(),
                called_from: call.called_from.clone(),
                suppressions: Vec::new(),
            };
            let resource = Resource {
                source: &properties,
                header: decl.header,
                names: Prop::terraform,
                class_flag_in_policy: defaults::TERRAFORM_PASSWORD_REQUIRE_CHARACTER_CLASS_IN_BLOCK,
                enum_values: Default::default(),
            };
            build(model, &resource, meta);
        }
    }
    for decl in &module.calls {
        let Some(source) = &decl.source else { continue };
        let key = if call.key.is_empty() {
            decl.name.to_string()
        } else {
            format!("{}.{}", call.key, decl.name)
        };
        let local = source.starts_with("./") || source.starts_with("../");
        let (child, reported_at) = if local {
            (normalize(&dir.join(source)), call.reported_at.clone())
        } else {
            // A registry or git module, installed by `terraform init`: not the user's to edit.
            match call.remote.get(&key) {
                Some(installed) => {
                    let at = call.reported_at.clone().unwrap_or(ReportedAt {
                        at: decl.header,
                        here: "in this module",
                        source: "the module's source",
                    });
                    (installed.clone(), Some(at))
                }
                None => {
                    let reason =
                        "`terraform init` has not installed it (no `.terraform/modules` entry)";
                    unread::module_call(decl, source, prefix, reason, &scope, model);
                    continue;
                }
            }
        };
        if !modules.files.contains_key(&child) && !modules.unparsed.contains_key(&child) {
            let reason = if local {
                "no `.tf` file is there"
            } else {
                "its installed directory holds no `.tf` file"
            };
            unread::module_call(decl, source, prefix, reason, &scope, model);
            continue;
        }
        // A module called with `count` or `for_each` is evaluated once per instance.
        for instance in instances(decl.body, decl.file, &scope) {
            let Some(left) = call.instances_left.get().checked_sub(1) else {
                let reason = format!(
                    "the root's module calls make more than {MAX_MODULE_INSTANCES} module instances; the rest are not evaluated"
                );
                unread::module_call(decl, source, prefix, &reason, &scope, model);
                break;
            };
            call.instances_left.set(left);
            let instance_scope = scope.with_bindings(instance.bindings);
            let mut child_inputs = HashMap::new();
            for (name, expr) in decl.body.attributes() {
                if matches!(
                    name,
                    "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
                ) {
                    continue;
                }
                child_inputs.insert(
                    name.to_string(),
                    Input {
                        alternatives: instance_scope.eval_expr(expr, decl.file, &instance.scenario),
                        origin: ParameterOrigin::Supplied,
                    },
                );
            }
            let child_call = Call {
                prefix: format!("{prefix}module.{}{}.", decl.name, instance.suffix),
                key: key.clone(),
                reported_at: reported_at.clone(),
                called_from: [call.called_from.as_slice(), &[decl.header]].concat(),
                remote: call.remote,
                instances_left: call.instances_left,
            };
            lower_module(&child, modules, &child_inputs, &child_call, stack, model);
        }
    }
    stack.pop();
}

/// Lowers a root module (and the local modules it calls) to the model.
pub fn lower_root<'a>(dir: &Path, modules: &Modules<'a>, root_inputs: &RootInputs<'a>) -> Model {
    let mut model = Model::default();
    let Some(files) = modules.files.get(dir) else {
        return model;
    };
    let mut module = Module::new(files);
    module.unparsed = unread::lost_files(modules, dir, &mut model);
    let empty = HashMap::new();
    let mut inputs: HashMap<String, Input<'a>> = HashMap::new();
    // The last var file that could not be parsed: what it may set is unknown, unless a file
    // after it or `-var` sets it.
    let mut lost_var_file: Option<&Path> = None;
    for var_file in &root_inputs.var_files {
        let file = match var_file {
            VarFile::Parsed(file) => file,
            VarFile::Unparsed(path) => {
                inputs.clear();
                lost_var_file = Some(path);
                continue;
            }
        };
        for attr in file.body.attributes() {
            // Values in var files are literals; evaluate them with the file's own text.
            let file_module = Module::new(&[*file]);
            let file_scope = Scope {
                module: &file_module,
                inputs: &empty,
                bindings: Vec::new(),
                prefix: String::new(),
                locals: Default::default(),
            };
            let alternatives = file_scope.eval(&attr.value, file.id.into(), &Scenario::always());
            inputs.insert(
                attr.key.as_str().to_string(),
                Input {
                    alternatives,
                    origin: ParameterOrigin::Supplied,
                },
            );
        }
    }
    if let Some(path) = lost_var_file {
        let shown = path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy();
        for (name, decl) in &module.variables {
            inputs.entry(name.to_string()).or_insert_with(|| Input {
                alternatives: vec![unknown(
                    &Scenario::always(),
                    Span::file_start(decl.file),
                    format!("variable `{name}` may be set in `{shown}`, which could not be parsed"),
                )],
                origin: ParameterOrigin::Supplied,
            });
        }
    }
    for (name, value) in &root_inputs.vars {
        let declared = module.variables.get(name.as_str());
        let is_string = declared.is_none_or(|d| d.type_text.is_empty() || d.type_text == "string");
        let value = if is_string {
            Resolved::Text(value.clone())
        } else {
            Resolved::Unknown(format!(
                "`-var {name}=...` of a type other than string is not evaluated; use a var file"
            ))
        };
        // Given on the command line: written in no file. Each use re-attributes it to itself
        // (`as_input`); the declaration's file only stands in until then.
        let at = declared
            .map(|d| Span::file_start(d.file))
            .unwrap_or(Span::file_start(FileId(0)));
        inputs.insert(
            name.clone(),
            Input {
                alternatives: vec![Alt {
                    scenario: Scenario::always(),
                    value,
                    provenance: Provenance::Parameter {
                        at,
                        name: name.clone(),
                        value_at: None,
                        origin: ParameterOrigin::Supplied,
                        input: InputKind::Variable,
                        hidden: false,
                    },
                }],
                origin: ParameterOrigin::Supplied,
            },
        );
    }
    let root_call = Call {
        prefix: String::new(),
        key: String::new(),
        reported_at: None,
        called_from: Vec::new(),
        remote: &root_inputs.remote_modules,
        instances_left: &Cell::new(MAX_MODULE_INSTANCES),
    };
    lower_module(
        dir,
        modules,
        &inputs,
        &root_call,
        &mut Vec::new(),
        &mut model,
    );
    model
}
