//! Policy documents and identity pool roles, read from each format.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use coglint_model::iam::{AmbiguousRoleResolution, PolicyDocument, Term};
use coglint_model::{Field, Model, Value};
use coglint_source::FileId;
use coglint_syntax::{parse_yaml, Limits};

use crate::cloudformation::lower;
use crate::terraform::{lower_root, Modules, RootInputs, TfFile};

fn cloudformation(text: &str) -> Model {
    match parse_yaml(FileId(0), text, Limits::default()) {
        Ok(doc) => lower(FileId(0), &doc.root, &Default::default()),
        Err(e) => panic!("{e:?}"),
    }
}

fn terraform(text: &str) -> Model {
    let file = match TfFile::parse_hcl(
        FileId(0),
        PathBuf::from("root/main.tf"),
        Arc::from(text),
        Limits::default(),
    ) {
        Ok(file) => file,
        Err(e) => panic!("{e:?}"),
    };
    let mut modules: Modules<'_> = Modules::default();
    modules
        .files
        .entry(PathBuf::from("root"))
        .or_default()
        .push(&file);
    let inputs = RootInputs {
        var_files: Vec::new(),
        vars: Vec::new(),
        remote_modules: Default::default(),
    };
    lower_root(Path::new("root"), &modules, &inputs)
}

fn only(field: &Field<PolicyDocument>) -> &PolicyDocument {
    match field.alternatives() {
        [a] => match &a.value {
            Value::Known(d) => d,
            Value::Unknown(u) => panic!("unknown: {}", u.reason),
        },
        other => panic!("{} alternatives", other.len()),
    }
}

#[test]
fn cloudformation_roles_policies_and_role_mappings() {
    let text = r#"
Resources:
  Pool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
  Roles:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: !Ref Pool
      Roles:
        authenticated: !GetAtt AppRole.Arn
        unauthenticated: arn:aws:iam::123456789012:role/guest
      RoleMappings:
        Users:
          Type: Token
          AmbiguousRoleResolution: Deny
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Federated: cognito-identity.amazonaws.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                cognito-identity.amazonaws.com:aud: !Ref Pool
      ManagedPolicyArns:
        - !Ref Managed
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: [s3:GetObject, s3:PutObject]
          Resource: "*"
"#;
    let m = cloudformation(text);
    let attachment = &m.identity_pool_role_attachments[0];
    assert_eq!(
        attachment.authenticated_role.known(),
        Some(&Some(Term::Resource("AppRole".into())))
    );
    assert_eq!(
        attachment.unauthenticated_role.known(),
        Some(&Some(Term::Text(
            "arn:aws:iam::123456789012:role/guest".into()
        )))
    );
    let mappings = attachment.role_mappings.known().map(Vec::as_slice);
    let [mapping] = mappings.unwrap_or_default() else {
        panic!("one mapping expected")
    };
    assert_eq!(
        mapping.value.ambiguous_role_resolution.known(),
        Some(&Some(AmbiguousRoleResolution::Deny))
    );

    let role = m.iam_role("AppRole").unwrap_or_else(|| panic!("no role"));
    let trust = only(&role.trust_policy);
    assert!(trust.trusts_identity_pools());
    let statement = &trust.statements[0];
    let aud: Vec<_> = statement
        .conditions_on_claim("aud")
        .map(|c| c.map(|c| c.values[0].value.clone()).collect())
        .unwrap_or_default();
    // The link to the pool is kept, not turned into text.
    assert_eq!(aud, vec![Term::Resource("Pool".into())]);
    let at = statement.identity_pool_principal_at();
    assert_eq!(&text[at.range.as_usize()], "cognito-identity.amazonaws.com");

    // The managed policy of the scan is one of the role's documents, its single statement read.
    let documents = m.policy_documents_of(role);
    assert_eq!(documents.len(), 1);
    let (at, grant) = only(documents[0])
        .broad_grant()
        .unwrap_or_else(|| panic!("broad grant expected"));
    assert_eq!(grant, "`s3:PutObject` on every resource");
    assert_eq!(&text[at.range.as_usize()], "s3:PutObject");
}

#[test]
fn terraform_jsonencode_keeps_places_and_links_and_data_sources_are_read() {
    let text = r#"
resource "aws_cognito_identity_pool" "main" {
  identity_pool_name = "main"
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.main.id } }
    }]
  })
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::bucket/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}
"#;
    let m = terraform(text);
    let role = m
        .iam_role("aws_iam_role.app")
        .unwrap_or_else(|| panic!("no role"));
    let trust = only(&role.trust_policy);
    let statement = &trust.statements[0];
    let aud: Vec<_> = statement
        .conditions_on_claim("aud")
        .map(|c| c.map(|c| c.values[0].value.clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        aud,
        vec![Term::Resource("aws_cognito_identity_pool.main".into())]
    );
    assert_eq!(
        &text[statement.identity_pool_principal_at().range.as_usize()],
        "\"cognito-identity.amazonaws.com\""
    );
    let documents = m.policy_documents_of(role);
    assert_eq!(documents.len(), 1);
    let (at, grant) = only(documents[0])
        .broad_grant()
        .unwrap_or_else(|| panic!("broad grant expected"));
    assert_eq!(grant, "`s3:*`");
    assert_eq!(&text[at.range.as_usize()], "\"s3:*\"");
    // The data source's default effect is `Allow`.
    assert!(only(documents[0]).statements[0].allows());
}

#[test]
fn an_empty_terraform_inline_policy_block_is_no_policy() {
    // The provider's documented way to say "no inline policies".
    let model = terraform(
        "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  assume_role_policy = \"{}\"\n  inline_policy {}\n}\n",
    );
    let role = &model.iam_roles[0];
    let policies = match role.inline_policies.alternatives() {
        [a] => match &a.value {
            Value::Known(items) => items,
            Value::Unknown(u) => panic!("unknown: {}", u.reason),
        },
        other => panic!("{} alternatives", other.len()),
    };
    assert_eq!(policies.len(), 1);
    assert!(only(&policies[0].value).statements.is_empty());
}
