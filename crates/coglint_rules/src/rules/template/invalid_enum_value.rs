use coglint_model::{Model, ResourceKind};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an enumeration value that the deployment will reject although its meaning is
    /// clear: a value in the wrong case (`'Off'` for `OFF`, `Enforced` for `ENFORCED`), or, in
    /// YAML, an unquoted word that YAML 1.1 reads as a boolean (`MfaConfiguration: ON`,
    /// `OFF`, `yes`, `no`). It checks every enumeration the other rules read, in list items too,
    /// and the `Default` and `AllowedValues` of the parameters that give them.
    ///
    /// The other rules judge the value the author meant (`ON` is MFA required), so a typo
    /// does not hide a weak setting; this rule reports that the template will not deploy as
    /// written.
    ///
    /// ## Why is this bad?
    /// CloudFormation reads YAML 1.1, where unquoted `ON` and `OFF` are the booleans `true`
    /// and `false`: the property receives a boolean instead of the word, and the deployment
    /// fails. Cognito compares enumeration values exactly, so `Off` is rejected too, and the
    /// Terraform provider's validation refuses it at plan time. The error appears only when
    /// the change is deployed, often in a pipeline far from where it was written.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: ON
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: quote the value and write it as the API spells it:
    ///   `MfaConfiguration: "ON"`, `AdvancedSecurityMode: ENFORCED`.
    /// - Terraform: write the value as the API spells it: `mfa_configuration = "OFF"`.
    /// - CDK: use the library's enums (`cognito.Mfa.REQUIRED`), which synthesize the right
    ///   spelling.
    ///
    /// ## References
    /// - [YAML 1.1 booleans](https://yaml.org/type/bool.html)
    /// - [CreateUserPool](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html)
    pub InvalidEnumValue {
        code: "COG001",
        name: "invalid-enum-value",
        severity: Medium,
        category: TemplateCorrectness,
        summary: "An enumeration value the deployment will reject: an unquoted YAML boolean (`ON`, `OFF`) or the wrong case (`Off`)",
        fix: "write the value exactly as AWS spells it, quoted in YAML (`MfaConfiguration: \"ON\"`)",
        cdk_fix: "use the construct library's enums instead of strings",
        autofix: Safe,
        related: [],
    }
}

impl Rule for InvalidEnumValue {
    fn check(&self, model: &Model, ctx: &mut Context) {
        // By name, the first resource of each (a search per value is quadratic).
        let mut by_name = std::collections::HashMap::new();
        for meta in model.resources() {
            by_name.entry(meta.name.as_str()).or_insert(meta);
        }
        for value in &model.enum_values {
            let Some(&meta) = by_name.get(value.resource.as_str()) else {
                continue;
            };
            let kind = match meta.kind {
                ResourceKind::UserPool => "user pool",
                ResourceKind::UserPoolClient => "app client",
                ResourceKind::IdentityPool => "identity pool",
                ResourceKind::RiskConfiguration => "risk configuration",
                ResourceKind::IdentityProvider => "identity provider",
                ResourceKind::ApiMethod => "API method",
                ResourceKind::IdentityPoolRoleAttachment => "identity pool role attachment",
                ResourceKind::IamRole => "role",
                ResourceKind::IamPolicy => "policy",
                ResourceKind::RolePolicyAttachment => "policy attachment",
                ResourceKind::WebAclAssociation => "web ACL association",
                ResourceKind::LogDeliveryConfiguration => "log delivery configuration",
                ResourceKind::LambdaPermission => "Lambda permission",
            };
            let what = format!("`{}`", value.property);
            let verdict = value.spelling.fails_when(|s| s.is_invalid());
            ctx.report(meta, &what, verdict, |s| {
                let name = meta.display_name();
                let message = if s.yaml_boolean {
                    format!(
                        "{what} of {kind} `{name}` is an unquoted `{}`, which YAML 1.1 reads as a boolean: the deployment will reject it",
                        s.written
                    )
                } else {
                    format!(
                        "{what} of {kind} `{name}` is `{}`, which the deployment will reject: AWS accepts only `{}`",
                        s.written, s.expected
                    )
                };
                let title = if s.yaml_boolean {
                    format!("Quote `{}` as the string `{}`", s.written, s.expected)
                } else {
                    format!("Write `{}` as `{}`", s.written, s.expected)
                };
                // The deployment rejects the value as written: spelling it as meant cannot
                // break a sign-in that works.
                Described::new(message, format!("`{}`", s.written)).fix(Remedy::new(
                    title,
                    Applicability::Safe,
                    Action::Set(FixValue::String(s.expected.to_string())),
                ))
            });
        }
    }
}
