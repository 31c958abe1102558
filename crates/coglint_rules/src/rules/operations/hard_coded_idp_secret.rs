use coglint_model::{Check, Exposure, Field, Model, ResourceMeta, Secret};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a federated identity provider of a user pool whose OAuth client secret
    /// (`ProviderDetails.client_secret`) or Sign in with Apple private key
    /// (`ProviderDetails.private_key`) is written in the code: as a literal, in a branch of a
    /// condition, or as the default of a parameter or variable (a `NoEcho` parameter's
    /// `Default` included: `NoEcho` masks the value in the console, not in the template). A
    /// value given for the scan (`--parameters`) to a CloudFormation parameter without `NoEcho`
    /// is flagged as well: the console and `DescribeStacks` show it. A plaintext Systems
    /// Manager parameter (`{{resolve:ssm:...}}`) is flagged too: it is not in the code, but it
    /// is stored unencrypted.
    ///
    /// A dynamic reference to Secrets Manager (`{{resolve:secretsmanager:...}}`) or to a
    /// SecureString parameter (`{{resolve:ssm-secure:...}}`) is fine. So are a `NoEcho`
    /// parameter and a Terraform variable without a default (given at deployment), a
    /// `sensitive` variable and a data source: their value is unknown to coglint, so they never
    /// produce a finding, and `--show-unknown` lists them.
    ///
    /// ## Why is this bad?
    /// With the client secret of the user pool's app at Google, Facebook, Apple or a corporate
    /// OIDC provider, anyone can act as the user pool towards that provider: exchange stolen
    /// authorization codes, or phish users with a look-alike sign-in that the provider trusts.
    /// A secret in a repository is read by everyone with access to it, stays in its history and
    /// its clones, and is hard to rotate. CloudFormation also keeps template parameters without
    /// `NoEcho` visible to anyone who may describe the stack.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   GoogleProvider:
    ///     Type: AWS::Cognito::UserPoolIdentityProvider
    ///     Properties:
    ///       UserPoolId: eu-west-1_Example
    ///       ProviderName: Google
    ///       ProviderType: Google
    ///       ProviderDetails:
    ///         client_id: 1234567890.apps.googleusercontent.com
    ///         client_secret: GOCSPX-not-a-real-secret
    ///         authorize_scopes: openid email
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   GoogleProvider:
    ///     Type: AWS::Cognito::UserPoolIdentityProvider
    ///     Properties:
    ///       UserPoolId: eu-west-1_Example
    ///       ProviderName: Google
    ///       ProviderType: Google
    ///       ProviderDetails:
    ///         client_id: 1234567890.apps.googleusercontent.com
    ///         client_secret: '{{resolve:secretsmanager:google-idp:SecretString:client_secret}}'
    ///         authorize_scopes: openid email
    /// ```
    ///
    /// ## How to fix
    /// Store the secret in Secrets Manager (or a SecureString parameter), rotate the one that
    /// was in the code, and refer to it:
    /// - CloudFormation: `client_secret: '{{resolve:secretsmanager:NAME:SecretString:KEY}}'`, or
    ///   a parameter with `NoEcho: true` and no `Default`.
    /// - Terraform: a `sensitive = true` variable without a default, or
    ///   `jsondecode(data.aws_secretsmanager_secret_version.idp.secret_string)["client_secret"]`.
    /// - CDK: `clientSecretValue: SecretValue.secretsManager('NAME', { jsonField: 'KEY' })`
    ///   (`privateKeyValue` for Apple).
    ///
    /// ## References
    /// - [CreateIdentityProvider](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html)
    /// - [Dynamic references](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html)
    /// - [NoEcho parameters](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html)
    pub HardCodedIdpSecret {
        code: "COG605",
        name: "hard-coded-idp-secret",
        severity: High,
        category: Operations,
        summary: "An identity provider's client secret or private key is written in the code, not taken from a secret store",
        fix: "refer to a secret store (`{{resolve:secretsmanager:...}}`, a NoEcho parameter, a sensitive variable or a data source)",
        cdk_fix: "clientSecretValue: SecretValue.secretsManager('NAME', { jsonField: 'KEY' })",
        related: [],
    }
}

impl Rule for HardCodedIdpSecret {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for provider in &model.identity_providers {
            check_secret(
                ctx,
                &provider.meta,
                "the client secret",
                &provider.client_secret,
            );
            check_secret(
                ctx,
                &provider.meta,
                "the private key",
                &provider.private_key,
            );
        }
    }
}

fn check_secret(
    ctx: &mut Context,
    provider: &ResourceMeta,
    what: &str,
    secret: &Field<Option<Secret>>,
) {
    let name = provider.display_name();
    for exposure in [
        Exposure::WrittenInCode,
        Exposure::ShownByCloudFormation,
        Exposure::PlaintextParameter,
    ] {
        let mut verdict = secret.check_given(|s, provenance| {
            Check::fail_if(s.is_some_and(|s| Exposure::of(s, provenance) == Some(exposure)))
        });
        // The values that cannot be decided are listed once, not once per kind of exposure.
        if exposure != Exposure::WrittenInCode {
            verdict.unresolved.clear();
        }
        let (problem, value) = match exposure {
            Exposure::WrittenInCode => ("is written in the code", "written in plain text"),
            Exposure::ShownByCloudFormation => (
                "comes from a parameter without `NoEcho`, shown in the console and `DescribeStacks`",
                "a parameter without `NoEcho`",
            ),
            Exposure::PlaintextParameter => (
                "is read from a plaintext Systems Manager parameter, not a secret store",
                "a plaintext `{{resolve:ssm:...}}` parameter",
            ),
        };
        ctx.report(provider, what, verdict, |_| {
            Described::new(
                format!("{what} of identity provider `{name}` {problem}"),
                value,
            )
        });
    }
}
