//! SAM CLI configuration: `samconfig.toml` (or `.yaml`/`.yml`) beside a template gives its
//! parameter values through `parameter_overrides`, per environment (`[default.deploy.parameters]`,
//! `[prod.deploy.parameters]`; `global` for every command). The environment is `default`, or the
//! one `--config-env` names, as `sam deploy` picks it.

use std::path::{Path, PathBuf};

use coglint_frontend::cloudformation::{ParameterValues, SuppliedValue};
use coglint_source::{FileId, Span, TextRange};
use coglint_syntax::{Limits, Node, NodeKind};

/// The names `sam` looks for, in its order.
pub(crate) const CONFIG_NAMES: &[&str] = &["samconfig.toml", "samconfig.yaml", "samconfig.yml"];

/// The template names `sam` uses by default: a samconfig beside one of these configures it.
const TEMPLATE_NAMES: &[&str] = &["template.yaml", "template.yml", "template.json"];

/// The samconfig that configures `template`, if any.
pub(crate) fn config_for(template: &Path) -> Option<PathBuf> {
    let name = template.file_name()?.to_str()?;
    if !TEMPLATE_NAMES.contains(&name) {
        return None;
    }
    let dir = template.parent()?;
    CONFIG_NAMES
        .iter()
        .map(|n| dir.join(n))
        // Not `is_file`: a named pipe there is refused by the read, and said so.
        .find(|p| p.exists() && !p.is_dir())
}

/// The commands whose parameters a deployment uses, weakest first.
const COMMANDS: &[&str] = &["global", "deploy"];

/// Reads the parameter overrides of `environment` from a samconfig file's text.
pub(crate) fn read(
    path: &Path,
    file: FileId,
    text: &str,
    environment: &str,
) -> Result<ParameterValues, (String, TextRange)> {
    let is_toml = path.extension().is_some_and(|e| e == "toml");
    let mut values = Vec::new();
    if is_toml {
        let table = toml::de::DeTable::parse(text).map_err(|e| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            (
                e.message().trim().to_string(),
                TextRange::from_usize(at, at),
            )
        })?;
        for command in COMMANDS {
            let overrides = lookup_toml(table.get_ref(), &[environment, command, "parameters"])
                .and_then(|t| toml_entry(t, "parameter_overrides"));
            if let Some(value) = overrides {
                values.extend(toml_overrides(file, text, value));
            }
        }
    } else {
        let doc = coglint_syntax::parse_yaml(file, text, Limits::default())
            .map_err(|e| (e.message, e.range))?;
        for command in COMMANDS {
            let overrides = doc
                .root
                .get(environment)
                .and_then(|e| e.get(command))
                .and_then(|c| c.get("parameters"))
                .and_then(|p| p.get("parameter_overrides"));
            if let Some(node) = overrides {
                values.extend(yaml_overrides(file, text, node));
            }
        }
    }
    Ok(values)
}

type TomlValue<'i> = toml::Spanned<toml::de::DeValue<'i>>;

fn toml_entry<'t, 'i>(table: &'t toml::de::DeTable<'i>, key: &str) -> Option<&'t TomlValue<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

fn lookup_toml<'t, 'i>(
    table: &'t toml::de::DeTable<'i>,
    path: &[&str],
) -> Option<&'t toml::de::DeTable<'i>> {
    let mut current = table;
    for key in path {
        match toml_entry(current, key)?.get_ref() {
            toml::de::DeValue::Table(t) => current = t,
            _ => return None,
        }
    }
    Some(current)
}

fn toml_overrides(file: FileId, text: &str, value: &TomlValue<'_>) -> ParameterValues {
    match value.get_ref() {
        toml::de::DeValue::String(_) => overrides_in(file, text, value.span()),
        toml::de::DeValue::Array(items) => items
            .iter()
            .flat_map(|item| overrides_in(file, text, item.span()))
            .collect(),
        _ => Vec::new(),
    }
}

fn yaml_overrides(file: FileId, text: &str, node: &Node) -> ParameterValues {
    match &node.kind {
        NodeKind::Scalar(_) => overrides_in(file, text, node.range.as_usize()),
        NodeKind::Sequence(items) => items
            .iter()
            .flat_map(|item| overrides_in(file, text, item.range.as_usize()))
            .collect(),
        NodeKind::Mapping(_) => Vec::new(),
    }
}

/// The `Key=Value` pairs of an overrides string written at `range` of `text` (quotes
/// included): values may be quoted with `"` (escaped `\"` inside a TOML basic string) or `'`.
/// Each value is located where it is written.
fn overrides_in(file: FileId, text: &str, range: std::ops::Range<usize>) -> ParameterValues {
    let Some(raw) = text.get(range.clone()) else {
        return Vec::new();
    };
    // The outer quotes of the string itself.
    let quoted = raw.len() >= 2
        && ((raw.starts_with('"') && raw.ends_with('"'))
            || (raw.starts_with('\'') && raw.ends_with('\'')));
    let (inner_start, inner) = if quoted {
        (range.start + 1, &raw[1..raw.len() - 1])
    } else {
        (range.start, raw)
    };
    let mut out = Vec::new();
    for (token, offset) in tokens(inner) {
        let Some((key, value)) = token.split_once('=') else {
            continue;
        };
        // `ParameterKey=K,ParameterValue=V`, the older form.
        let (key, value) = match (key, value.split_once(",ParameterValue=")) {
            ("ParameterKey", Some((k, v))) => (k.to_string(), v.to_string()),
            _ => (key.to_string(), value.to_string()),
        };
        let key = key.trim_matches(|c| c == '"' || c == '\'').to_string();
        let value_text = value
            .replace("\\\"", "")
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string();
        let value_offset = inner_start + offset + token.len() - value.len();
        let at = Span::new(
            file,
            TextRange::from_usize(value_offset, inner_start + offset + token.len()),
        );
        out.push((key, SuppliedValue::text(value_text, at)));
    }
    out
}

/// Splits on white space outside quotes; each token with its byte offset.
fn tokens(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c.is_whitespace() => {
                if let Some(s) = start.take() {
                    out.push((&text[s..i], s));
                }
            }
            None => {
                if start.is_none() {
                    start = Some(i);
                }
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
            }
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str, text: &str, env: &str) -> Vec<(String, String, String)> {
        match read(Path::new(name), FileId(4), text, env) {
            Ok(values) => values
                .into_iter()
                .map(|(k, v)| {
                    let at = text[v.at.range.as_usize()].to_string();
                    (k, v.text, at)
                })
                .collect(),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn overrides_strings_with_escaped_quotes_are_located() {
        let text = "version = 0.1\n[default.deploy.parameters]\nstack_name = \"app\"\nparameter_overrides = \"Stage=\\\"dev\\\" MinLength=8 Mfa='OFF'\"\n";
        assert_eq!(
            values("samconfig.toml", text, "default"),
            vec![
                ("Stage".into(), "dev".into(), "\\\"dev\\\"".into()),
                ("MinLength".into(), "8".into(), "8".into()),
                ("Mfa".into(), "OFF".into(), "'OFF'".into()),
            ]
        );
    }

    #[test]
    fn lists_environments_and_global_parameters() {
        let text = "version = 0.1\n[prod.global.parameters]\nparameter_overrides = [\"Mfa=ON\", \"MinLength=10\",]\n[prod.deploy.parameters]\nparameter_overrides = [\"MinLength=16\"]\n[default.deploy.parameters]\nparameter_overrides = \"Mfa=OFF\"\n";
        let prod = values("samconfig.toml", text, "prod");
        assert_eq!(
            prod.iter()
                .map(|(k, v, _)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            vec![("Mfa", "ON"), ("MinLength", "10"), ("MinLength", "16")]
        );
        assert_eq!(values("samconfig.toml", text, "default").len(), 1);
        assert!(values("samconfig.toml", text, "staging").is_empty());
    }

    #[test]
    fn yaml_config_and_the_older_form() {
        let text = "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      parameter_overrides: ParameterKey=Mfa,ParameterValue=OFF Tier=LITE\n";
        let got = values("samconfig.yaml", text, "default");
        assert_eq!(got[0].0, "Mfa");
        assert_eq!(got[0].1, "OFF");
        assert_eq!(got[1], ("Tier".into(), "LITE".into(), "LITE".into()));
    }

    #[test]
    fn malformed_toml_is_an_error_with_an_offset() {
        assert!(read(
            Path::new("samconfig.toml"),
            FileId(0),
            "[default\n",
            "default"
        )
        .is_err());
    }
}
