//! What the walk of modules does not read: the files of a module that could not be parsed, and
//! the module calls it does not follow. Both go into the model ([`Unread`]): the linter lists
//! the calls, and what may be attached to a pool from either is unknown, not absent.

use std::path::Path;

use coglint_model::{Model, Unread};

use super::eval::Scope;
use super::instances::instances;
use super::lower::Modules;
use super::module::CallDecl;
use crate::value::{Alt, Resolved};

/// The names of the files of the module at `dir` that could not be parsed, as its unknowns
/// name them; each is recorded in `model` once.
pub(super) fn lost_files(modules: &Modules<'_>, dir: &Path, model: &mut Model) -> Vec<String> {
    let lost = modules.unparsed.get(dir).map(Vec::as_slice).unwrap_or(&[]);
    for path in lost {
        let unread = Unread::File {
            name: path.display().to_string(),
        };
        if !model.unread.contains(&unread) {
            model.unread.push(unread);
        }
    }
    lost.iter()
        .map(|p| {
            p.file_name()
                .unwrap_or(p.as_os_str())
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Records a module call that is not followed, once however many instances or callers reach
/// it, with the resources of this unit its arguments link to.
pub(super) fn module_call<'a>(
    decl: &CallDecl<'a>,
    source: &str,
    prefix: &str,
    reason: &str,
    scope: &Scope<'_, 'a>,
    model: &mut Model,
) {
    let mut found = Vec::new();
    for instance in instances(decl.body, decl.file, scope) {
        let instance_scope = scope.with_bindings(instance.bindings);
        for (name, expr) in decl.body.attributes() {
            if matches!(
                name,
                "source" | "version" | "count" | "for_each" | "providers"
            ) {
                continue;
            }
            links(
                &instance_scope.eval_expr(expr, decl.file, &instance.scenario),
                &mut found,
            );
        }
    }
    let existing = model.unread.iter_mut().find_map(|u| match u {
        Unread::ModuleCall { at, links, .. } if *at == decl.header => Some(links),
        _ => None,
    });
    match existing {
        Some(links) => {
            for link in found {
                if !links.contains(&link) {
                    links.push(link);
                }
            }
        }
        None => model.unread.push(Unread::ModuleCall {
            name: format!("{prefix}module.{}", decl.name),
            source: source.to_string(),
            reason: reason.to_string(),
            at: decl.header,
            links: found,
        }),
    }
}

/// The resources that `alts` link to, however deep in lists and objects.
fn links(alts: &[Alt<'_>], out: &mut Vec<String>) {
    let mut stack: Vec<&Resolved<'_>> = alts.iter().map(|a| &a.value).collect();
    while let Some(value) = stack.pop() {
        match value {
            Resolved::Link(target) if !out.contains(target) => out.push(target.clone()),
            Resolved::Items(items) => stack.extend(items.iter().map(|i| &i.value)),
            Resolved::Fields(fields) => stack.extend(fields.iter().map(|(_, v)| &v.value)),
            _ => {}
        }
    }
}
