//! The pure Terraform functions coglint folds. A function not listed here, or called with a
//! value it cannot use, makes the value unknown.

use crate::value::{Alt, Resolved};

/// A number as Terraform prints it: integers without a fraction.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Structural equality of two evaluated values.
pub(crate) fn same(a: &Resolved<'_>, b: &Resolved<'_>) -> bool {
    match (a, b) {
        (Resolved::Text(x), Resolved::Text(y)) => x == y,
        (Resolved::Absent { .. }, Resolved::Absent { .. }) => true,
        (Resolved::Items(x), Resolved::Items(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(&p.value, &q.value))
        }
        (Resolved::Fields(x), Resolved::Fields(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .any(|(k2, v2)| k == k2 && same(&v.value, &v2.value))
                })
        }
        (Resolved::Link(x), Resolved::Link(y)) => x == y,
        _ => false,
    }
}

fn text<'a, 'b>(alt: &'b Alt<'a>, function: &str) -> Result<&'b str, String> {
    match &alt.value {
        Resolved::Text(t) => Ok(t),
        Resolved::Unknown(r) => Err(r.clone()),
        _ => Err(format!("`{function}` needs a string")),
    }
}

fn items<'a>(alt: &Alt<'a>, function: &str) -> Result<Vec<Alt<'a>>, String> {
    match &alt.value {
        Resolved::Items(items) => Ok(items.clone()),
        Resolved::Unknown(r) => Err(r.clone()),
        _ => Err(format!("`{function}` needs a list")),
    }
}

fn fields<'a>(alt: &Alt<'a>, function: &str) -> Result<Vec<(String, Alt<'a>)>, String> {
    match &alt.value {
        Resolved::Fields(fields) => Ok(fields.clone()),
        Resolved::Unknown(r) => Err(r.clone()),
        _ => Err(format!("`{function}` needs an object or a map")),
    }
}

fn known<'a>(args: &[Alt<'a>]) -> Result<(), String> {
    match args.iter().find_map(|a| match &a.value {
        Resolved::Unknown(r) => Some(r.clone()),
        _ => None,
    }) {
        Some(reason) => Err(reason),
        None => Ok(()),
    }
}

/// Terraform's error in an argument, however deep: the call fails with it.
fn failed(args: &[Alt<'_>]) -> Option<String> {
    let mut stack: Vec<&Resolved<'_>> = args.iter().map(|a| &a.value).collect();
    while let Some(value) = stack.pop() {
        match value {
            Resolved::Error(reason) => return Some(reason.clone()),
            Resolved::Items(items) => stack.extend(items.iter().map(|i| &i.value)),
            Resolved::Fields(fields) => stack.extend(fields.iter().map(|(_, v)| &v.value)),
            _ => {}
        }
    }
    None
}

/// Calls `name` on evaluated arguments. `expand` is a final `...` (spread the last list).
/// `Err` is an unknown value and why; Terraform's errors are `Ok(Resolved::Error)`.
pub(crate) fn call<'a>(name: &str, args: &[Alt<'a>], expand: bool) -> Result<Resolved<'a>, String> {
    if let Some(reason) = failed(args) {
        return Ok(Resolved::Error(reason));
    }
    match name {
        "coalesce" => return coalesce(args, expand),
        "lookup" if expand => return Err("`lookup` with `...` is not evaluated".into()),
        "lookup" => return lookup(args),
        _ => {}
    }
    known(args)?;
    let mut args = args.to_vec();
    if expand {
        if let Some(last) = args.pop() {
            args.extend(items(&last, name)?);
        }
    }
    let arg = |i: usize| {
        args.get(i)
            .ok_or_else(|| format!("`{name}` needs more arguments"))
    };
    Ok(match name {
        "lower" => Resolved::Text(text(arg(0)?, name)?.to_lowercase()),
        "upper" => Resolved::Text(text(arg(0)?, name)?.to_uppercase()),
        "trimspace" => Resolved::Text(text(arg(0)?, name)?.trim().to_string()),
        "tostring" => Resolved::Text(text(arg(0)?, name)?.to_string()),
        "tonumber" => {
            let t = text(arg(0)?, name)?;
            let n: f64 = t
                .trim()
                .parse()
                .map_err(|_| format!("`{t}` is not a number"))?;
            Resolved::Text(number(n))
        }
        "tobool" => match text(arg(0)?, name)? {
            t @ ("true" | "false") => Resolved::Text(t.to_string()),
            t => return Err(format!("`{t}` is not a boolean")),
        },
        "tolist" => Resolved::Items(items(arg(0)?, name)?),
        "toset" => {
            let mut out: Vec<Alt<'a>> = Vec::new();
            for item in items(arg(0)?, name)? {
                if !out.iter().any(|o| same(&o.value, &item.value)) {
                    out.push(item);
                }
            }
            Resolved::Items(out)
        }
        "tomap" => Resolved::Fields(fields(arg(0)?, name)?),
        "concat" => {
            let mut out = Vec::new();
            for a in &args {
                out.extend(items(a, name)?);
            }
            Resolved::Items(out)
        }
        "merge" => {
            // A later key replaces an earlier one and goes last, as before; found by a map, so
            // merging large objects stays linear.
            let mut out: Vec<Option<(String, Alt<'a>)>> = Vec::new();
            let mut at: std::collections::HashMap<String, usize> = Default::default();
            for a in &args {
                if matches!(a.value, Resolved::Absent { .. }) {
                    continue;
                }
                for (k, v) in fields(a, name)? {
                    if let Some(old) = at.insert(k.clone(), out.len()) {
                        out[old] = None;
                    }
                    out.push(Some((k, v)));
                }
            }
            Resolved::Fields(out.into_iter().flatten().collect())
        }
        "contains" => {
            let needle = &arg(1)?.value;
            Resolved::Text(
                items(arg(0)?, name)?
                    .iter()
                    .any(|i| same(&i.value, needle))
                    .to_string(),
            )
        }
        "element" => {
            let list = items(arg(0)?, name)?;
            let index: usize = text(arg(1)?, name)?
                .parse()
                .map_err(|_| "`element` needs a whole-number index".to_string())?;
            match list.len() {
                0 => return Err("`element` of an empty list".into()),
                // Terraform wraps the index around the list.
                n => list[index % n].value.clone(),
            }
        }
        "length" => match &arg(0)?.value {
            Resolved::Items(i) => Resolved::Text(i.len().to_string()),
            Resolved::Fields(f) => Resolved::Text(f.len().to_string()),
            Resolved::Text(t) => Resolved::Text(t.chars().count().to_string()),
            _ => return Err("`length` of a value of the wrong type".into()),
        },
        "join" => {
            let separator = text(arg(0)?, name)?.to_string();
            let mut parts = Vec::new();
            for list in &args[1..] {
                for item in items(list, name)? {
                    parts.push(text(&item, name)?.to_string());
                }
            }
            Resolved::Text(parts.join(&separator))
        }
        "split" => {
            let separator = text(arg(0)?, name)?;
            let whole = text(arg(1)?, name)?;
            if separator.is_empty() {
                return Err("`split` with an empty separator".into());
            }
            let source = arg(1)?.clone();
            Resolved::Items(
                whole
                    .split(separator)
                    .map(|s| Alt {
                        value: Resolved::Text(s.to_string()),
                        ..source.clone()
                    })
                    .collect(),
            )
        }
        "format" => Resolved::Text(format(text(arg(0)?, name)?, &args[1..])?),
        "jsonencode" => Resolved::Text(to_json(&arg(0)?.value)?.to_string()),
        "jsondecode" => {
            let t = text(arg(0)?, name)?;
            let value: serde_json::Value =
                serde_json::from_str(t).map_err(|e| format!("`jsondecode`: {e}"))?;
            from_json(&value, arg(0)?)
        }
        other => return Err(format!("function `{other}` is not evaluated by coglint")),
    })
}

/// `coalesce(a, b, ...)`: the first argument that is neither null nor an empty string;
/// unknown when an argument before it is unknown.
fn coalesce<'a>(args: &[Alt<'a>], expand: bool) -> Result<Resolved<'a>, String> {
    let mut args = args.to_vec();
    if expand {
        if let Some(last) = args.pop() {
            args.extend(items(&last, "coalesce")?);
        }
    }
    for arg in &args {
        match &arg.value {
            Resolved::Unknown(reason) => return Err(reason.clone()),
            Resolved::Absent { .. } => {}
            Resolved::Text(t) if t.is_empty() => {}
            other => return Ok(other.clone()),
        }
    }
    Ok(Resolved::Error(
        "`coalesce`: every argument is null or empty".into(),
    ))
}

/// `lookup(map, key, default)`: unknown when the map or the key is; the default only when the
/// known map has no such key.
fn lookup<'a>(args: &[Alt<'a>]) -> Result<Resolved<'a>, String> {
    let (Some(map), Some(key)) = (args.first(), args.get(1)) else {
        return Ok(Resolved::Error("`lookup` needs a map and a key".into()));
    };
    let fields = match &map.value {
        Resolved::Fields(fields) => fields,
        Resolved::Unknown(reason) => return Err(reason.clone()),
        Resolved::Link(_) => return Err("`lookup` in a value known only at plan time".into()),
        _ => return Ok(Resolved::Error("`lookup` needs a map".into())),
    };
    let key = match &key.value {
        Resolved::Text(key) => key,
        Resolved::Unknown(reason) => return Err(reason.clone()),
        _ => return Ok(Resolved::Error("`lookup` needs a string key".into())),
    };
    Ok(match fields.iter().rev().find(|(k, _)| k == key) {
        Some((_, v)) => v.value.clone(),
        None => match args.get(2) {
            Some(default) => default.value.clone(),
            None => Resolved::Error(format!("`lookup`: no key `{key}`")),
        },
    })
}

/// `format` with `%s`, `%d`, `%v` and `%%`.
fn format(spec: &str, args: &[Alt<'_>]) -> Result<String, String> {
    let mut out = String::new();
    let mut next = args.iter();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s' | 'd' | 'v') => match next.next().map(|a| &a.value) {
                Some(Resolved::Text(t)) => out.push_str(t),
                _ => return Err("`format` with an argument it cannot print".into()),
            },
            _ => return Err("`format` with a verb coglint does not evaluate".into()),
        }
    }
    Ok(out)
}

fn to_json(value: &Resolved<'_>) -> Result<serde_json::Value, String> {
    Ok(match value {
        Resolved::Text(t) => match t.as_str() {
            "true" => serde_json::Value::Bool(true),
            "false" => serde_json::Value::Bool(false),
            _ => serde_json::Value::String(t.clone()),
        },
        Resolved::Absent { .. } => serde_json::Value::Null,
        Resolved::Items(items) => serde_json::Value::Array(
            items
                .iter()
                .map(|i| to_json(&i.value))
                .collect::<Result<_, _>>()?,
        ),
        Resolved::Fields(fields) => serde_json::Value::Object(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), to_json(&v.value)?)))
                .collect::<Result<_, String>>()?,
        ),
        _ => return Err("`jsonencode` of a value known only at plan time".into()),
    })
}

fn from_json<'a>(value: &serde_json::Value, at: &Alt<'a>) -> Resolved<'a> {
    let wrap = |v: Resolved<'a>| Alt {
        value: v,
        ..at.clone()
    };
    match value {
        serde_json::Value::Null => Resolved::Absent { depth: 0 },
        serde_json::Value::Bool(b) => Resolved::Text(b.to_string()),
        serde_json::Value::Number(n) => Resolved::Text(n.to_string()),
        serde_json::Value::String(s) => Resolved::Text(s.clone()),
        serde_json::Value::Array(a) => {
            Resolved::Items(a.iter().map(|v| wrap(from_json(v, at))).collect())
        }
        serde_json::Value::Object(o) => Resolved::Fields(
            o.iter()
                .map(|(k, v)| (k.clone(), wrap(from_json(v, at))))
                .collect(),
        ),
    }
}
