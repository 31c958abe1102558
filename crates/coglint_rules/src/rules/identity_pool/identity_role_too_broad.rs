use coglint_model::iam::{IamRole, PolicyDocument, PolicyRef};
use coglint_model::{Check, Model, Value};

use crate::meta::Severity;
use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each IAM role that an identity pool hands out (its authenticated or
    /// unauthenticated role) when a policy of the role allows every action (`*`), every action
    /// of a service (`s3:*`), every action but a few (`NotAction`), or a write action on every
    /// resource (`Resource: "*"`). The policies looked at are the role's inline policies,
    /// policy resources of the scan attached to it (`AWS::IAM::Policy`, `AWS::IAM::RolePolicy`,
    /// `aws_iam_role_policy`), and managed policies: those of the scan,
    /// and AWS managed policies that grant administrator, power-user or full access to a
    /// service (`AdministratorAccess`, `PowerUserAccess`, `AmazonS3FullAccess`, ...). The
    /// finding is critical on the unauthenticated (guest) role.
    ///
    /// When a policy grants several of these, the finding names the most dangerous: every
    /// action, then `NotAction`, then whole services that hand out identities, credentials or
    /// permissions (`iam:*`, `cognito-identity:*` before `cognito-sync:*`), then write actions.
    /// A statement that COG408 (`identity-pool-role-escalation`) reports, one that lets its
    /// holder attach a role to an identity pool, is left to that rule, unless it allows every
    /// action (`*`, `NotAction`).
    ///
    /// A role linked from outside the scanned files (an ARN written as text) cannot be judged,
    /// and is listed with `--show-unknown`.
    ///
    /// ## Why is this bad?
    /// An identity pool gives these credentials to every user of the app, and the guest role to
    /// anyone who asks. Whatever the role allows, any of them can do with the AWS CLI, outside
    /// the app. A wildcard or a full-access policy turns an app login into broad access to the
    /// account.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   IdentityPoolRoles:
    ///     Type: AWS::Cognito::IdentityPoolRoleAttachment
    ///     Properties:
    ///       IdentityPoolId: !Ref IdentityPool
    ///       Roles:
    ///         authenticated: !GetAtt AppUserRole.Arn
    ///   AppUserRole:
    ///     Type: AWS::IAM::Role
    ///     Properties:
    ///       AssumeRolePolicyDocument: !Ref TrustPolicy
    ///       Policies:
    ///         - PolicyName: app
    ///           PolicyDocument:
    ///             Version: "2012-10-17"
    ///             Statement:
    ///               - Effect: Allow
    ///                 Action: s3:*
    ///                 Resource: "*"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   IdentityPoolRoles:
    ///     Type: AWS::Cognito::IdentityPoolRoleAttachment
    ///     Properties:
    ///       IdentityPoolId: !Ref IdentityPool
    ///       Roles:
    ///         authenticated: !GetAtt AppUserRole.Arn
    ///   AppUserRole:
    ///     Type: AWS::IAM::Role
    ///     Properties:
    ///       AssumeRolePolicyDocument: !Ref TrustPolicy
    ///       Policies:
    ///         - PolicyName: app
    ///           PolicyDocument:
    ///             Version: "2012-10-17"
    ///             Statement:
    ///               - Effect: Allow
    ///                 Action: s3:GetObject
    ///                 Resource: arn:aws:s3:::app-assets/*
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: list the actions the app needs in `Action`, on the resources it needs in `Resource` (with `${cognito-identity.amazonaws.com:sub}` to scope per user); drop broad entries of `ManagedPolicyArns`.
    /// - Terraform: the same in the role's policies (`aws_iam_role_policy`, `inline_policy`, `aws_iam_policy_document`); drop broad `aws_iam_role_policy_attachment`s.
    /// - CDK: `role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }))` instead of wildcards or `ManagedPolicy.fromAwsManagedPolicyName('...FullAccess')`.
    ///
    /// ## References
    /// - [IAM roles for identity pools](https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html)
    /// - [Security best practices for identity pools](https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html)
    pub IdentityRoleTooBroad {
        code: "COG405",
        name: "identity-role-too-broad",
        severity: High,
        category: IdentityPools,
        summary: "A role attached to an identity pool allows `*`, `service:*`, or write actions on `Resource: \"*\"` (or an AWS managed admin, power-user or FullAccess policy); critical on the unauthenticated role",
        fix: "grant the role only the actions and resources the app needs",
        cdk_fix: "role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }))",
        related: [],
    }
}

impl Rule for IdentityRoleTooBroad {
    fn check(&self, model: &Model, ctx: &mut Context) {
        // Each role an identity pool hands out, and whether it hands it to guests.
        let mut roles: Vec<(&IamRole, bool)> = Vec::new();
        for attachment in &model.identity_pool_role_attachments {
            for (link, guest, what) in [
                (
                    &attachment.authenticated_role,
                    false,
                    "the authenticated role",
                ),
                (
                    &attachment.unauthenticated_role,
                    true,
                    "the unauthenticated role",
                ),
            ] {
                let linked = model.linked_role(link);
                // A role outside the scan is recorded as undecided, never flagged.
                ctx.report(&attachment.meta, what, linked.fails_when(|_| false), |_| {
                    Described::new(String::new(), String::new())
                });
                for a in linked.alternatives() {
                    if let Value::Known(Some(role)) = a.value {
                        match roles.iter_mut().find(|(r, _)| std::ptr::eq(*r, role)) {
                            Some(entry) => entry.1 |= guest,
                            None => roles.push((role, guest)),
                        }
                    }
                }
            }
        }
        for (role, guest) in roles {
            let name = role.meta.display_name();
            let (severity, whose) = if guest {
                (Severity::Critical, "guests (the unauthenticated role)")
            } else {
                (Severity::High, "signed-in users")
            };
            // `grant` words what the role allows, `value` the entry at fault.
            let describe = |grant: &str, value: &str| {
                Described::new(
                    format!(
                        "role `{name}`, which an identity pool gives to {whose}, allows {grant}"
                    ),
                    value.to_string(),
                )
                .with_severity(severity)
            };
            let aws_managed = |broad: &str| {
                describe(
                    &format!("everything AWS managed policy `{broad}` allows"),
                    &format!("`{broad}`"),
                )
            };
            // A statement that COG408 reports (it lets the holder hand identity pools a role)
            // is left to that rule: the same statement is one finding. Unless it allows every
            // action: then the escalation is the least of it, and this finding (critical on
            // the guest role) says more.
            let broad_grant = |d: &PolicyDocument| {
                let escalation = model.identity_pool_escalation(d);
                d.broad_grant_except(|s| {
                    escalation.as_ref().is_some_and(|e| e.statement == s.at)
                        && !s.allows_every_action()
                })
            };
            for document in model.policy_documents_of(role) {
                let verdict = document
                    .check(|d| broad_grant(d).map_or(Check::Pass, |(at, _)| Check::FailAt(at)));
                ctx.report(&role.meta, "the role's permissions", verdict, |d| {
                    let grant = broad_grant(d).map(|(_, g)| g).unwrap_or_default();
                    describe(&grant, &grant).item()
                });
            }
            let verdict = role.managed_policies.check(|policies| {
                policies
                    .iter()
                    .find(|p| p.value.is_broad_aws_managed())
                    .map_or(Check::Pass, |p| p.at.map_or(Check::Fail, Check::FailAt))
            });
            ctx.report(
                &role.meta,
                "the role's managed policies",
                verdict,
                |policies| {
                    let broad = policies
                        .iter()
                        .find_map(|p| {
                            p.value
                                .aws_managed_name()
                                .filter(|_| p.value.is_broad_aws_managed())
                        })
                        .unwrap_or_default();
                    aws_managed(broad).item()
                },
            );
            for attached in model.managed_policies_of(role) {
                let verdict = attached.fails_when(|t| {
                    t.as_ref()
                        .and_then(PolicyRef::from_term)
                        .is_some_and(|p| p.is_broad_aws_managed())
                });
                ctx.report(&role.meta, "an attached managed policy", verdict, |t| {
                    let broad = t
                        .as_ref()
                        .and_then(PolicyRef::from_term)
                        .and_then(|p| p.aws_managed_name().map(str::to_string))
                        .unwrap_or_default();
                    aws_managed(&broad)
                });
            }
        }
    }
}
