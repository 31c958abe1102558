use coglint_model::{LambdaPermission, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a Lambda permission that lets the Cognito user pools service
    /// (`cognito-idp.amazonaws.com`) invoke a function without naming the user pool it allows:
    /// `SourceArn` is omitted (or, under a condition, left out with `AWS::NoValue`). Permissions
    /// for other principals are not judged.
    ///
    /// ## Why is this bad?
    /// A permission for a service principal without a source lets that service call the
    /// function for any resource, in any AWS account. Anyone who owns a user pool can name
    /// your function as one of their pool's triggers and have Cognito invoke it with events
    /// they craft (the "confused deputy"): a pre-token-generation or custom-auth trigger then
    /// runs your code, with your function's role, for a stranger's users. With `SourceArn` set
    /// to the user pool's ARN, only that pool can invoke it.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   PreSignUpPermission:
    ///     Type: AWS::Lambda::Permission
    ///     Properties:
    ///       Action: lambda:InvokeFunction
    ///       FunctionName: !Ref PreSignUpFunction
    ///       Principal: cognito-idp.amazonaws.com
    ///   PreSignUpFunction:
    ///     Type: AWS::Lambda::Function
    ///     Properties:
    ///       Runtime: nodejs20.x
    ///       Handler: index.handler
    ///       Role: arn:aws:iam::123456789012:role/pre-sign-up
    ///       Code:
    ///         ZipFile: exports.handler = async (event) => event;
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   PreSignUpPermission:
    ///     Type: AWS::Lambda::Permission
    ///     Properties:
    ///       Action: lambda:InvokeFunction
    ///       FunctionName: !Ref PreSignUpFunction
    ///       Principal: cognito-idp.amazonaws.com
    ///       SourceArn: !GetAtt UserPool.Arn
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       LambdaConfig:
    ///         PreSignUp: !GetAtt PreSignUpFunction.Arn
    ///   PreSignUpFunction:
    ///     Type: AWS::Lambda::Function
    ///     Properties:
    ///       Runtime: nodejs20.x
    ///       Handler: index.handler
    ///       Role: arn:aws:iam::123456789012:role/pre-sign-up
    ///       Code:
    ///         ZipFile: exports.handler = async (event) => event;
    /// ```
    ///
    /// ## How to fix
    /// Name the user pool that may invoke the function.
    /// - CloudFormation: `SourceArn: !GetAtt UserPool.Arn` on the `AWS::Lambda::Permission`.
    /// - Terraform: `source_arn = aws_cognito_user_pool.main.arn` on the `aws_lambda_permission`.
    /// - CDK: `userPool.addTrigger(...)` or `lambdaTriggers` (they set the source ARN); for a
    ///   hand-written permission, `fn.addPermission('Cognito', { principal, sourceArn: userPool.userPoolArn })`.
    ///
    /// ## References
    /// - [Using Lambda triggers: resource-based permissions](https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html)
    /// - [AddPermission (SourceArn)](https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html)
    /// - [The confused deputy problem](https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html)
    pub TriggerPermissionWithoutSource {
        code: "COG604",
        name: "trigger-permission-without-source",
        severity: Medium,
        category: Operations,
        summary: "A Lambda permission for principal cognito-idp.amazonaws.com has no SourceArn (confused deputy)",
        fix: "set `SourceArn` to the user pool's ARN (Terraform `source_arn = aws_cognito_user_pool.main.arn`)",
        cdk_fix: "fn.addPermission('Cognito', { principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'), sourceArn: userPool.userPoolArn })",
        related: [],
    }
}

impl Rule for TriggerPermissionWithoutSource {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for permission in &model.lambda_permissions {
            let for_user_pools = permission.principal.clone().map(|p| {
                p.as_deref()
                    .is_some_and(LambdaPermission::is_user_pools_principal)
            });
            // Only a permission that may be Cognito's is asked for its source.
            if !for_user_pools.may_be_true() {
                continue;
            }
            let source = permission
                .has_source_arn
                .zip(&for_user_pools, |source, cognito| (*source, *cognito));
            let verdict = source.fails_when(|(source, cognito)| *cognito && !source);
            ctx.report(&permission.meta, "the source ARN", verdict, |_| {
                Described::new(
                    format!(
                        "Lambda permission `{}` lets any user pool, in any account, invoke the function: it names no `SourceArn`",
                        permission.meta.display_name()
                    ),
                    "any source",
                )
            });
        }
    }
}
