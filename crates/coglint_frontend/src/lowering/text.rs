//! Values written as text, converted to the model's types (numbers, booleans, the API's
//! enumerations).

use coglint_model::{AccountTakeoverAction, CompromisedCredentialsAction, RiskEvent};
use coglint_model::{
    AdvancedSecurityMode, DeletionProtection, ExplicitAuthFlow, MfaConfiguration, OAuthFlow,
    PreventUserExistenceErrors, TokenUnit, Unknown, UserPoolTier, Value,
};
use coglint_syntax::{NodeKind, ScalarStyle};

use crate::value::Resolved;

/// A value that a template writes as a scalar.
pub(crate) trait FromText: Sized {
    /// Reads `text`; `plain` says it was an unquoted YAML scalar. `Err` says why it is invalid.
    fn from_text(text: &str, plain: bool) -> Result<Self, String>;

    /// Whether this is an enumeration of the API (whose spellings are checked).
    const ENUM: bool = false;

    /// For an enumeration: the API's spelling of the value `text` means, if it means one.
    fn canonical(_text: &str) -> Option<&'static str> {
        None
    }
}

impl FromText for u32 {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        text.trim()
            .parse()
            .map_err(|_| format!("`{text}` is not a whole number"))
    }
}

impl FromText for bool {
    fn from_text(text: &str, plain: bool) -> Result<Self, String> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            // YAML 1.1, which CloudFormation reads, makes these booleans when unquoted.
            "yes" | "on" | "y" if plain => Ok(true),
            "no" | "off" | "n" if plain => Ok(false),
            _ => Err(format!("`{text}` is not true or false")),
        }
    }
}

impl FromText for String {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        Ok(text.to_string())
    }
}

impl<T: FromText> FromText for Option<T> {
    fn from_text(text: &str, plain: bool) -> Result<Self, String> {
        T::from_text(text, plain).map(Some)
    }

    const ENUM: bool = T::ENUM;

    fn canonical(text: &str) -> Option<&'static str> {
        T::canonical(text)
    }
}

macro_rules! enum_from_text {
    ($($ty:ty),+) => {$(
        impl FromText for $ty {
            fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
                <$ty>::parse(text).ok_or_else(|| {
                    let valid: Vec<_> = <$ty>::ALL.iter().map(|v| v.as_str()).collect();
                    format!("`{text}` is not one of {}", valid.join(", "))
                })
            }

            const ENUM: bool = true;

            fn canonical(text: &str) -> Option<&'static str> {
                <$ty>::parse(text).map(<$ty>::as_str)
            }
        }
    )+};
}

enum_from_text!(
    MfaConfiguration,
    AdvancedSecurityMode,
    UserPoolTier,
    DeletionProtection,
    OAuthFlow,
    PreventUserExistenceErrors,
    ExplicitAuthFlow,
    TokenUnit
);
enum_from_text!(coglint_model::RefreshTokenRotation);
enum_from_text!(coglint_model::MfaFactor, coglint_model::AuthFactor);
enum_from_text!(coglint_model::UserAttribute, coglint_model::RecoveryOption);

/// The words YAML 1.1 (which CloudFormation reads) takes for booleans when they are unquoted.
pub(super) const YAML_11_BOOLEANS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
];

pub(super) fn convert<T: FromText>(value: &Resolved<'_>) -> Value<T> {
    let parsed = match value {
        Resolved::Node(n) => match &n.kind {
            NodeKind::Scalar(s) => T::from_text(&s.text, s.style == ScalarStyle::Plain),
            NodeKind::Sequence(_) => Err("a list where a single value is expected".to_string()),
            NodeKind::Mapping(_) => Err("a mapping where a single value is expected".to_string()),
        },
        Resolved::Text(t) => T::from_text(t, false),
        Resolved::Texts(_) | Resolved::Items(_) => {
            Err("a list where a single value is expected".to_string())
        }
        Resolved::Fields(_) => Err("an object where a single value is expected".to_string()),
        Resolved::Link(name) => Err(format!("the ID of `{name}`, known only at deployment")),
        Resolved::Unknown(reason) | Resolved::Error(reason) => Err(reason.clone()),
        Resolved::Absent { .. } => Err("no value".to_string()),
    };
    match parsed {
        Ok(v) => Value::Known(v),
        Err(reason) => Value::Unknown(Unknown::new(reason)),
    }
}

/// A secret's text is read only to tell how it is given; the text itself is dropped.
impl FromText for coglint_model::Secret {
    fn from_text(text: &str, _plain: bool) -> Result<Self, String> {
        Ok(coglint_model::Secret::classify(text))
    }
}

enum_from_text!(
    CompromisedCredentialsAction,
    AccountTakeoverAction,
    RiskEvent
);

enum_from_text!(coglint_model::LogEventSource);
