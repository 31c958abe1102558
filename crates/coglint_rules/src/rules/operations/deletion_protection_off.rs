use coglint_model::{DeletionProtection, Model};

use crate::{declare_rule, Action, Applicability, Context, Described, FixValue, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose deletion protection is `INACTIVE`, written so or left to the
    /// default. The console turns the protection on for new pools, but the API, CloudFormation
    /// and Terraform use `INACTIVE` when `DeletionProtection` is omitted.
    ///
    /// ## Why is this bad?
    /// A user pool holds every user's account, password hash, MFA enrolment and attributes, and
    /// the password hashes cannot be exported. A stack deleted by mistake, a resource renamed so
    /// that CloudFormation replaces it, a `terraform destroy` in the wrong workspace, or an
    /// attacker with the right permissions deletes it with all its users; getting it back
    /// depends on AWS Support within 14 days. With deletion protection active,
    /// `DeleteUserPool` is refused until someone turns the protection off on purpose.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       DeletionProtection: INACTIVE
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       DeletionProtection: ACTIVE
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `DeletionProtection: ACTIVE` (a `DeletionPolicy: Retain` on the
    ///   resource also keeps the pool when the stack goes).
    /// - Terraform: `deletion_protection = "ACTIVE"`.
    /// - CDK: `deletionProtection: true` (and `removalPolicy: RemovalPolicy.RETAIN`).
    ///
    /// ## References
    /// - [Deletion protection](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html)
    /// - [CreateUserPool](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html)
    pub DeletionProtectionOff {
        code: "COG601",
        name: "deletion-protection-off",
        severity: Medium,
        category: Operations,
        summary: "Deletion protection is inactive or omitted (AWS default: INACTIVE)",
        fix: "set `DeletionProtection: ACTIVE` (Terraform `deletion_protection = \"ACTIVE\"`)",
        cdk_fix: "deletionProtection: true",
        autofix: Safe,
        related: ["Security Hub Cognito.6"],
    }
}

impl Rule for DeletionProtectionOff {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            let verdict = pool
                .deletion_protection
                .fails_when(|d| *d == DeletionProtection::Inactive);
            ctx.report(&pool.meta, "deletion protection", verdict, |d| {
                Described::new(
                    format!(
                        "user pool `{}` can be deleted with all its users: deletion protection is off",
                        pool.meta.display_name()
                    ),
                    format!("`{d}`"),
                )
                .fix(Remedy::new(
                    "Set `DeletionProtection` to `ACTIVE`",
                    Applicability::Safe,
                    Action::Set(FixValue::String("ACTIVE".into())),
                ))
            });
        }
    }
}
