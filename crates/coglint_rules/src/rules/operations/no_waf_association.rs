use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool that no AWS WAF web ACL association in the scanned files targets
    /// (`AWS::WAFv2::WebACLAssociation` with `ResourceArn: !GetAtt UserPool.Arn`, Terraform
    /// `aws_wafv2_web_acl_association` with `resource_arn = aws_cognito_user_pool.main.arn`).
    /// The template (or Terraform module, with the local modules it calls) is read as a whole:
    /// an association that the pool's own resource does not mention still counts. An
    /// association whose target cannot be resolved (a parameter without a value, an
    /// `Fn::ImportValue`, a data source) may be this pool's, so every pool of the template
    /// is then left undecided rather than flagged. An association with a condition covers the
    /// pool only when the condition holds; the finding names the other case.
    /// A pool handed to a nested stack (`AWS::CloudFormation::Stack` `Parameters`, as the CDK
    /// writes when a construct of a nested stack uses it) is undecided too: the nested stack is
    /// not followed.
    ///
    /// Many teams attach web ACLs in a separate security stack or with AWS Firewall Manager.
    /// If yours does, switch this rule off in `coglint.toml`:
    ///
    /// ```toml
    /// ignore = ["no-waf-association"]
    /// ```
    ///
    /// ## Why is this bad?
    /// A user pool's public endpoints (sign-in, sign-up, forgot password, the hosted UI and
    /// the token endpoint) answer anyone on the internet. Without a web ACL nothing rate-limits
    /// credential stuffing and password spraying per IP, blocks known bad addresses, or stops
    /// bots from mass-creating accounts or sending SMS at your cost. Cognito's own quotas
    /// protect the service, not your users.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolName: customers
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UserPoolName: customers
    ///   WebAclAssociation:
    ///     Type: AWS::WAFv2::WebACLAssociation
    ///     Properties:
    ///       ResourceArn: !GetAtt UserPool.Arn
    ///       WebACLArn: arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth/0123abcd
    /// ```
    ///
    /// ## How to fix
    /// Associate a regional web ACL (with rate-based and managed rules) with the pool, or turn
    /// the rule off if the association is made elsewhere.
    /// - CloudFormation: an `AWS::WAFv2::WebACLAssociation` with `ResourceArn: !GetAtt UserPool.Arn`.
    /// - Terraform: `resource "aws_wafv2_web_acl_association" "pool" { resource_arn = aws_cognito_user_pool.main.arn, web_acl_arn = aws_wafv2_web_acl.auth.arn }`.
    /// - CDK: `new wafv2.CfnWebACLAssociation(this, 'PoolWaf', { resourceArn: userPool.userPoolArn, webAclArn: webAcl.attrArn })`.
    ///
    /// ## References
    /// - [Associating an AWS WAF web ACL with a user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html)
    /// - [AWS::WAFv2::WebACLAssociation](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafv2-webaclassociation.html)
    pub NoWafAssociation {
        code: "COG602",
        name: "no-waf-association",
        severity: Medium,
        category: Operations,
        group: Hardening,
        summary: "No WAFv2 web ACL association targets the user pool in the scanned files",
        fix: "associate a WAF web ACL with the user pool (`AWS::WAFv2::WebACLAssociation`, Terraform `aws_wafv2_web_acl_association`), or `ignore = [\"no-waf-association\"]` in coglint.toml if WAF is attached elsewhere",
        cdk_fix: "new wafv2.CfnWebACLAssociation(this, 'PoolWaf', { resourceArn: userPool.userPoolArn, webAclArn: webAcl.attrArn })",
        related: [],
    }
}

impl Rule for NoWafAssociation {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let associations: Vec<_> = model
            .web_acl_associations
            .iter()
            .map(|a| (&a.meta, &a.resource))
            .collect();
        for pool in &model.user_pools {
            let associated = model.pool_attachment(&pool.meta, &associations);
            let verdict = associated.fails_when(|associated| !associated);
            ctx.report(&pool.meta, "a WAF web ACL association", verdict, |_| {
                Described::new(
                    format!(
                        "user pool `{}` has no WAF web ACL association in the scanned files; if WAF is attached elsewhere, add `ignore = [\"no-waf-association\"]` to coglint.toml",
                        pool.meta.display_name()
                    ),
                    "missing",
                )
            });
        }
    }
}
