use coglint_rules::{Change, Edit, FixValue};
use coglint_source::{FileId, Span, TextRange};

use super::render::{render_change, SourceFormat, Unrenderable};
use super::{apply, overlaps};

const FILE: FileId = FileId(0);

fn span_of(text: &str, needle: &str) -> Span {
    let Some(start) = text.find(needle) else {
        panic!("no {needle:?} in {text:?}");
    };
    Span::new(FILE, TextRange::from_usize(start, start + needle.len()))
}

/// `text` with `change` applied, or why not.
fn fixed(text: &str, format: SourceFormat, change: Change) -> Result<String, Unrenderable> {
    let edits = render_change(text, format, FILE, &change)?;
    apply(text, &edits).ok_or(Unrenderable::OutOfRange)
}

fn replace(text: &str, format: SourceFormat, needle: &str, value: FixValue) -> String {
    let change = Change::Replace {
        at: span_of(text, needle),
        value,
    };
    fixed(text, format, change).unwrap_or_else(|e| panic!("{e}"))
}

fn insert(
    text: &str,
    format: SourceFormat,
    header: &str,
    property: &str,
    value: FixValue,
) -> Result<String, Unrenderable> {
    let change = Change::Insert {
        resource: span_of(text, header),
        property: property.into(),
        value,
    };
    fixed(text, format, change)
}

fn remove(text: &str, format: SourceFormat, needle: &str) -> Result<String, Unrenderable> {
    let change = Change::RemoveItem {
        at: span_of(text, needle),
    };
    fixed(text, format, change)
}

fn s(v: &str) -> FixValue {
    FixValue::String(v.into())
}

#[test]
fn a_replaced_scalar_keeps_its_quoting() {
    use SourceFormat::*;
    assert_eq!(replace("A: 'OFF'\n", Yaml, "'OFF'", s("ON")), "A: 'ON'\n");
    assert_eq!(
        replace("A: \"OFF\"\n", Yaml, "\"OFF\"", s("ON")),
        "A: \"ON\"\n"
    );
    assert_eq!(
        replace("A: LEGACY # c\n", Yaml, "LEGACY", s("ENABLED")),
        "A: ENABLED # c\n"
    );
    // An unquoted YAML 1.1 boolean word gets the quote the file uses most.
    assert_eq!(replace("A: OFF\n", Yaml, "OFF", s("OFF")), "A: 'OFF'\n");
    assert_eq!(
        replace("B: \"x\"\nA: OFF\n", Yaml, "OFF", s("OFF")),
        "B: \"x\"\nA: \"OFF\"\n"
    );
    assert_eq!(
        replace("A: false\n", Yaml, "false", FixValue::Bool(true)),
        "A: true\n"
    );
    assert_eq!(
        replace("{\"A\": \"Off\"}", Json, "\"Off\"", s("OFF")),
        "{\"A\": \"OFF\"}"
    );
    assert_eq!(
        replace("{\"A\": false}", Json, "false", FixValue::Bool(true)),
        "{\"A\": true}"
    );
    assert_eq!(
        replace("a = 8\n", Hcl, "8", FixValue::Integer(14)),
        "a = 14\n"
    );
    assert_eq!(replace("a = \"x\"\n", Hcl, "\"x\"", s("y")), "a = \"y\"\n");
}

#[test]
fn forms_that_are_not_plain_values_are_not_rewritten() {
    use SourceFormat::*;
    let refuse = |text: &str, format, needle: &str| {
        let change = Change::Replace {
            at: span_of(text, needle),
            value: s("X"),
        };
        assert!(fixed(text, format, change).is_err(), "{text:?}");
    };
    refuse("a = \"${var.x}-y\"\n", Hcl, "\"${var.x}-y\"");
    refuse("A: |\n  x\n", Yaml, "|\n  x\n");
    refuse("A: !Sub x\n", Yaml, "!Sub x");
    let out_of_range = Change::Replace {
        at: Span::new(FILE, TextRange::new(10, 20)),
        value: s("X"),
    };
    assert_eq!(
        fixed("A: 1\n", Yaml, out_of_range),
        Err(Unrenderable::OutOfRange)
    );
}

#[test]
fn list_items_go_with_their_separator() {
    use SourceFormat::*;
    assert_eq!(
        remove("A: [code, implicit]\n", Yaml, "implicit"),
        Ok("A: [code]\n".into())
    );
    assert_eq!(
        remove("A: [implicit, code]\n", Yaml, "implicit"),
        Ok("A: [code]\n".into())
    );
    assert_eq!(
        remove(
            "A:\n  - code\n  - implicit # old\n  - x\n",
            Yaml,
            "implicit"
        ),
        Ok("A:\n  - code\n  - x\n".into())
    );
    assert_eq!(
        remove(
            "{\"A\": [\n  \"implicit\",\n  \"code\"\n]}",
            Json,
            "\"implicit\""
        ),
        Ok("{\"A\": [\n  \"code\"\n]}".into())
    );
    assert_eq!(
        remove("a = [\"code\", \"implicit\",]\n", Hcl, "\"implicit\""),
        Ok("a = [\"code\",]\n".into())
    );
    // The only item stays (the list would be empty, or null in YAML).
    assert!(remove("A: [implicit]\n", Yaml, "implicit").is_err());
    assert!(remove("A:\n  - implicit\nB: 1\n", Yaml, "implicit").is_err());
    assert!(remove("a = [\"implicit\"]\n", Hcl, "\"implicit\"").is_err());
    // Not a list item.
    assert!(remove("A: implicit\n", Yaml, "implicit").is_err());
}

#[test]
fn an_omitted_yaml_property_is_inserted_with_its_siblings_indentation() {
    use SourceFormat::Yaml;
    let text = "Resources:\n    Pool:\n        Type: AWS::Cognito::UserPool\n        Properties:\n            Name: x\n# end\n";
    assert_eq!(
        insert(text, Yaml, "Pool", "UserPoolAddOns.AdvancedSecurityMode", s("ENFORCED")),
        Ok("Resources:\n    Pool:\n        Type: AWS::Cognito::UserPool\n        Properties:\n            Name: x\n            UserPoolAddOns:\n                AdvancedSecurityMode: ENFORCED\n# end\n".into())
    );
    // No `Properties` yet; no final line break.
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool";
    assert_eq!(
        insert(text, Yaml, "Pool", "DeletionProtection", s("ACTIVE")),
        Ok("Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: ACTIVE\n".into())
    );
    // A flow mapping, or a map under an intrinsic function: no fix.
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {Name: x}\n";
    assert!(insert(text, Yaml, "Pool", "DeletionProtection", s("ACTIVE")).is_err());
    let text = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolAddOns: !If [C, {AdvancedSecurityMode: AUDIT}, !Ref AWS::NoValue]\n";
    assert!(insert(
        text,
        Yaml,
        "Pool",
        "UserPoolAddOns.AdvancedSecurityMode",
        s("ENFORCED")
    )
    .is_err());
}

#[test]
fn an_omitted_json_property_follows_its_siblings() {
    use SourceFormat::Json;
    let text = "{\"Resources\": {\"Pool\": {\"Type\": \"AWS::Cognito::UserPool\", \"Properties\": {\"Name\": \"x\"}}}}";
    assert_eq!(
        insert(text, Json, "\"Pool\"", "UserPoolAddOns.AdvancedSecurityMode", s("ENFORCED")),
        Ok("{\"Resources\": {\"Pool\": {\"Type\": \"AWS::Cognito::UserPool\", \"Properties\": {\"Name\": \"x\", \"UserPoolAddOns\": {\"AdvancedSecurityMode\": \"ENFORCED\"}}}}}".into())
    );
    let text = "{\r\n\t\"Resources\": {\r\n\t\t\"Pool\": {\r\n\t\t\t\"Type\": \"AWS::Cognito::UserPool\",\r\n\t\t\t\"Properties\": {\r\n\t\t\t\t\"Name\": \"x\"\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n";
    // Tabs and CRLF, as written.
    assert_eq!(
        insert(text, Json, "\"Pool\"", "UserPoolAddOns.AdvancedSecurityMode", s("ENFORCED")),
        Ok("{\r\n\t\"Resources\": {\r\n\t\t\"Pool\": {\r\n\t\t\t\"Type\": \"AWS::Cognito::UserPool\",\r\n\t\t\t\"Properties\": {\r\n\t\t\t\t\"Name\": \"x\",\r\n\t\t\t\t\"UserPoolAddOns\": {\r\n\t\t\t\t\t\"AdvancedSecurityMode\": \"ENFORCED\"\r\n\t\t\t\t}\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n".into())
    );
}

#[test]
fn an_omitted_hcl_argument_goes_after_the_last_one() {
    use SourceFormat::Hcl;
    let text = "resource \"aws_cognito_user_pool\" \"p\" {\n  name = \"p\"\n}\n";
    assert_eq!(
        insert(text, Hcl, "resource \"aws_cognito_user_pool\" \"p\"", "password_policy.minimum_length", FixValue::Integer(14)),
        Ok("resource \"aws_cognito_user_pool\" \"p\" {\n  name = \"p\"\n\n  password_policy {\n    minimum_length = 14\n  }\n}\n".into())
    );
    let text = "resource \"aws_cognito_user_pool\" \"p\" {\n}\n";
    assert_eq!(
        insert(
            text,
            Hcl,
            "resource \"aws_cognito_user_pool\" \"p\"",
            "deletion_protection",
            s("ACTIVE")
        ),
        Ok(
            "resource \"aws_cognito_user_pool\" \"p\" {\n  deletion_protection = \"ACTIVE\"\n}\n"
                .into()
        )
    );
    let text = "resource \"aws_cognito_user_pool\" \"p\" { name = \"p\" }\n";
    assert!(insert(
        text,
        Hcl,
        "resource \"aws_cognito_user_pool\" \"p\"",
        "deletion_protection",
        s("ACTIVE")
    )
    .is_err());
    let text = "resource \"aws_cognito_user_pool\" \"p\" {\n  dynamic \"password_policy\" {\n    for_each = []\n    content {}\n  }\n}\n";
    assert!(insert(
        text,
        Hcl,
        "resource \"aws_cognito_user_pool\" \"p\"",
        "password_policy.minimum_length",
        FixValue::Integer(14)
    )
    .is_err());
}

#[test]
fn edits_that_touch_overlap() {
    let edit = |start, end| Edit {
        span: Span::new(FILE, TextRange::new(start, end)),
        replacement: String::new(),
    };
    assert!(overlaps(&edit(0, 5), &edit(4, 6)));
    assert!(!overlaps(&edit(0, 5), &edit(5, 6)));
    assert!(overlaps(&edit(5, 5), &edit(5, 5)));
    assert!(overlaps(&edit(5, 5), &edit(0, 5)));
    assert_eq!(
        apply("abcdef", &[edit(1, 2), edit(4, 4)]),
        Some("acdef".into())
    );
    assert_eq!(apply("abc", &[edit(0, 2), edit(1, 3)]), None);
}

#[test]
fn generated_files_are_recognised() {
    use std::path::Path;
    assert!(super::is_generated(Path::new(
        "app/cdk.out/Stack.template.json"
    )));
    assert!(super::is_generated(Path::new(
        "amplify/backend/auth/x/build/x-cloudformation-template.json"
    )));
    assert!(super::is_generated(Path::new(
        ".amplify/artifacts/cdk.out/a.json"
    )));
    assert!(!super::is_generated(Path::new("infra/template.yaml")));
}
