//! Helpers shared by the front ends' tests.

use coglint_model::{Field, Value};

/// A field's alternatives as text: the value (or why it is unknown) and its scenario.
pub(crate) fn values<T: std::fmt::Debug>(field: &Field<T>) -> Vec<String> {
    field
        .alternatives()
        .iter()
        .map(|a| {
            let v = match &a.value {
                Value::Known(v) => format!("{v:?}"),
                Value::Unknown(u) => format!("unknown: {}", u.reason),
            };
            if a.scenario.is_always() {
                v
            } else {
                format!("{v} when {}", a.scenario)
            }
        })
        .collect()
}
