use coglint_model::iam::{PolicyDocument, PASS_ROLE, SET_IDENTITY_POOL_ROLES};
use coglint_model::{Check, Field, Model, ResourceMeta, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags each policy of the scan (a role's inline policy, a policy resource) that allows
    /// both `cognito-identity:SetIdentityPoolRoles` and `iam:PassRole` on a role that identity
    /// pools may assume: a role of the scan whose trust policy names
    /// `cognito-identity.amazonaws.com`, or any role (`*`, `arn:aws:iam::...:role/*`). A
    /// `PassRole` statement whose `iam:PassedToService` condition (`StringEquals` or
    /// `StringLike`) names other services only is not flagged (`StringNotEquals` is: it allows
    /// every other service), nor one that an unconditional `Deny` in the same document takes
    /// back.
    ///
    /// ## Why is this bad?
    /// `SetIdentityPoolRoles` chooses the roles an identity pool hands out; `PassRole` is what
    /// lets the caller name a role there. Whoever holds both can attach a privileged role that
    /// trusts identity pools to a pool they can sign in to (or to the guest identities of any
    /// pool of the account) and receive that role's credentials: an escalation from a narrow
    /// permission to everything the role allows.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   DeployPolicy:
    ///     Type: AWS::IAM::ManagedPolicy
    ///     Properties:
    ///       PolicyDocument:
    ///         Version: "2012-10-17"
    ///         Statement:
    ///           - Effect: Allow
    ///             Action:
    ///               - cognito-identity:SetIdentityPoolRoles
    ///               - iam:PassRole
    ///             Resource: "*"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   DeployPolicy:
    ///     Type: AWS::IAM::ManagedPolicy
    ///     Properties:
    ///       PolicyDocument:
    ///         Version: "2012-10-17"
    ///         Statement:
    ///           - Effect: Allow
    ///             Action: cognito-identity:SetIdentityPoolRoles
    ///             Resource: arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:00000000-0000-0000-0000-000000000000
    ///           - Effect: Allow
    ///             Action: iam:PassRole
    ///             Resource: arn:aws:iam::123456789012:role/app-users
    ///             Condition:
    ///               StringEquals:
    ///                 iam:PassedToService: lambda.amazonaws.com
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: limit `iam:PassRole` to the roles the holder must pass, with an `iam:PassedToService` condition, and keep `cognito-identity:SetIdentityPoolRoles` to the deployment role.
    /// - Terraform: the same in the policy's statements (`resources`, `condition { test = "StringEquals" variable = "iam:PassedToService" ... }`).
    /// - CDK: `role.grantPassRole(principal)` on the one role needed, instead of `iam:PassRole` on `*`.
    ///
    /// ## References
    /// - [SetIdentityPoolRoles](https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_SetIdentityPoolRoles.html)
    /// - [Granting a user permissions to pass a role to an AWS service](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)
    pub IdentityPoolRoleEscalation {
        code: "COG408",
        name: "identity-pool-role-escalation",
        severity: High,
        category: IdentityPools,
        summary: "A policy grants both cognito-identity:SetIdentityPoolRoles and iam:PassRole on a role that cognito-identity.amazonaws.com may assume (or on *): its holder can take that role's credentials",
        fix: "limit `iam:PassRole` to the roles needed (with an `iam:PassedToService` condition) and `cognito-identity:SetIdentityPoolRoles` to the deployment role",
        cdk_fix: "role.grantPassRole(principal) on the one role needed",
        related: [],
    }
}

fn check_document(
    model: &Model,
    meta: &ResourceMeta,
    holder: &str,
    document: &Field<PolicyDocument>,
    ctx: &mut Context,
) {
    let verdict = document.check(|d| {
        model
            .identity_pool_escalation(d)
            .map_or(Check::Pass, |e| Check::FailAt(e.at))
    });
    ctx.report(meta, "the policy's grants", verdict, |d| {
        let role = model
            .identity_pool_escalation(d)
            .map(|e| e.role)
            .unwrap_or_default();
        Described::new(
            format!(
                "{holder} allows `{SET_IDENTITY_POOL_ROLES}` and `{PASS_ROLE}` on {role}: whoever holds it can attach that role to an identity pool and take its credentials"
            ),
            format!("`{PASS_ROLE}` on {role}"),
        )
        .item()
    });
}

impl Rule for IdentityPoolRoleEscalation {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for role in &model.iam_roles {
            for a in role.inline_policies.alternatives() {
                if let Value::Known(policies) = &a.value {
                    for policy in policies {
                        let holder =
                            format!("an inline policy of role `{}`", role.meta.display_name());
                        check_document(model, &role.meta, &holder, &policy.value, ctx);
                    }
                }
            }
        }
        for policy in &model.iam_policies {
            let holder = format!("policy `{}`", policy.meta.display_name());
            check_document(model, &policy.meta, &holder, &policy.document, ctx);
        }
    }
}
