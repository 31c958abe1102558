use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose logs no log delivery configuration in the scanned files exports
    /// (`AWS::Cognito::LogDeliveryConfiguration` with `UserPoolId: !Ref UserPool`, Terraform
    /// `aws_cognito_log_delivery_configuration` with `user_pool_id =
    /// aws_cognito_user_pool.main.id`). The template (or Terraform module, with the local
    /// modules it calls) is read as a whole. A configuration whose user pool cannot be resolved
    /// (a parameter without a value, an `Fn::ImportValue`, a data source) may be this pool's,
    /// so every pool of the template is then left undecided rather than flagged. A
    /// configuration with a condition covers the pool only when the condition holds; the
    /// finding names the other case.
    /// A pool handed to a nested stack (`AWS::CloudFormation::Stack` `Parameters`, as the CDK
    /// writes when a construct of a nested stack uses it) is undecided too: the nested stack is
    /// not followed.
    ///
    /// If your pools' logs are configured elsewhere (another stack, a script), switch this rule
    /// off in `coglint.toml`:
    ///
    /// ```toml
    /// ignore = ["no-log-delivery"]
    /// ```
    ///
    /// ## Why is this bad?
    /// CloudTrail records the management API, not what happens to users. Without log export,
    /// failed deliveries of sign-up and MFA messages (`userNotification`) go unseen, and on
    /// the Plus tier the user activity that threat protection scores (`userAuthEvents`:
    /// sign-ins, their risk, the action taken) stays in the console for a limited time,
    /// out of reach of your SIEM, your alerts and an incident investigation.
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
    ///   UserPoolLogs:
    ///     Type: AWS::Cognito::LogDeliveryConfiguration
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       LogConfigurations:
    ///         - EventSource: userNotification
    ///           LogLevel: ERROR
    ///           CloudWatchLogsConfiguration:
    ///             LogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/cognito
    /// ```
    ///
    /// ## How to fix
    /// Export the pool's logs to CloudWatch Logs, S3 or Firehose, or turn the rule off if that
    /// is done elsewhere.
    /// - CloudFormation: an `AWS::Cognito::LogDeliveryConfiguration` with `UserPoolId: !Ref UserPool`.
    /// - Terraform: `resource "aws_cognito_log_delivery_configuration" "pool" { user_pool_id = aws_cognito_user_pool.main.id ... }`.
    /// - CDK: `new cognito.CfnLogDeliveryConfiguration(this, 'PoolLogs', { userPoolId: userPool.userPoolId, logConfigurations: [...] })`.
    ///
    /// ## References
    /// - [Exporting user pool logs](https://docs.aws.amazon.com/cognito/latest/developerguide/exporting-quotas-and-usage.html)
    /// - [SetLogDeliveryConfiguration](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html)
    /// - [AWS::Cognito::LogDeliveryConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html)
    pub NoLogDelivery {
        code: "COG603",
        name: "no-log-delivery",
        severity: Low,
        category: Operations,
        group: Hardening,
        summary: "No log delivery configuration exports the user pool's logs",
        fix: "export the user pool's logs (`AWS::Cognito::LogDeliveryConfiguration`, Terraform `aws_cognito_log_delivery_configuration`), or `ignore = [\"no-log-delivery\"]` in coglint.toml if that is done elsewhere",
        cdk_fix: "new cognito.CfnLogDeliveryConfiguration(this, 'PoolLogs', { userPoolId: userPool.userPoolId, logConfigurations: [...] })",
        related: [],
    }
}

impl Rule for NoLogDelivery {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let deliveries: Vec<_> = model
            .log_delivery_configurations
            .iter()
            .map(|l| (&l.meta, &l.user_pool))
            .collect();
        for pool in &model.user_pools {
            let exported = model.pool_attachment(&pool.meta, &deliveries);
            let verdict = exported.fails_when(|exported| !exported);
            ctx.report(&pool.meta, "a log delivery configuration", verdict, |_| {
                Described::new(
                    format!(
                        "the logs of user pool `{}` are not exported: no log delivery configuration in the scanned files names it; if that is done elsewhere, add `ignore = [\"no-log-delivery\"]` to coglint.toml",
                        pool.meta.display_name()
                    ),
                    "missing",
                )
            });
        }
    }
}
