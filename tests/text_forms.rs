//! Text as editors save it: a UTF-8 byte order mark at the start (some Windows editors write
//! one) and old Mac line endings (a carriage return alone). Locations must be where an editor
//! shows them.

mod common;

use common::{coglint, stdout, tempdir, write};

fn concise(dir: &std::path::Path) -> String {
    stdout(&coglint(dir, &["check", ".", "--format", "concise"]))
}

#[test]
fn files_with_a_byte_order_mark_are_read_with_columns_as_editors_count() {
    let dir = tempdir();
    let bom = "\u{feff}";
    write(
        dir.path(),
        "t.json",
        format!("{bom}{{\"Resources\": {{\"Pool\": {{\"Type\": \"AWS::Cognito::UserPool\", \"Properties\": {{\"MfaConfiguration\": \"OFF\"}}}}}}}}\n"),
    );
    write(
        dir.path(),
        "t.yaml",
        format!("{bom}Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n"),
    );
    write(
        dir.path(),
        "tf/main.tf",
        format!(
            "{bom}resource \"aws_cognito_user_pool\" \"p\" {{ mfa_configuration = \"OFF\" }}\n"
        ),
    );
    write(
        dir.path(),
        "tfjson/main.tf.json",
        format!("{bom}{{\"resource\": {{\"aws_cognito_user_pool\": {{\"p\": {{\"mfa_configuration\": \"OFF\"}}}}}}}}\n"),
    );
    let text = concise(dir.path());
    assert!(!text.contains("syntax-error"), "{text}");
    for expected in [
        // `{"Resources": {` is 15 characters: the key is at column 16, not 17.
        "t.json:1:16: COG201",
        "t.json:1:94: COG101",
        "t.yaml:2:3: COG201",
        "t.yaml:5:25: COG101",
        "tf/main.tf:1:60: COG101",
        "tfjson/main.tf.json:1:68: COG101",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
}

#[test]
fn a_carriage_return_alone_ends_a_line() {
    let dir = tempdir();
    write(
        dir.path(),
        "old-mac.yaml",
        "Resources:\r  Pool:\r    Type: AWS::Cognito::UserPool\r    Properties:\r      MfaConfiguration: \"OFF\"\r  Other:\r    Type: AWS::Cognito::UserPool\r    Properties:\r      # coglint:ignore COG101 -- an old pool, retired next month\r      MfaConfiguration: \"OFF\"\r",
    );
    let text = concise(dir.path());
    assert!(text.contains("old-mac.yaml:2:3: COG110"), "{text}");
    assert!(text.contains("old-mac.yaml:5:25: COG101"), "{text}");
    assert!(text.contains("old-mac.yaml:6:3: COG110"), "{text}");
    // The suppression is read on its own line and covers the line after it.
    assert!(!text.contains("old-mac.yaml:10:25: COG101"), "{text}");
    assert!(!text.contains("unused-suppression"), "{text}");
}

#[test]
fn a_template_in_a_second_yaml_document_is_a_warning_not_silence() {
    let dir = tempdir();
    write(
        dir.path(),
        "stream.yaml",
        "# config for another tool\nname: auth\n---\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"OFF\"\n",
    );
    let out = coglint(dir.path(), &["check", ".", "--format", "concise"]);
    let text = stdout(&out);
    assert_eq!(
        text,
        "stream.yaml:3:1: warning[extra-documents] a second YAML document starts here: coglint reads only the first document of a file, as CloudFormation takes one template per file; this one and any after it are not checked\n"
    );
    assert_eq!(out.status.code(), Some(0));
}
