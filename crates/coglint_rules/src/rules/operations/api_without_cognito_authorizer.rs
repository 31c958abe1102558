use coglint_model::{ApiMethod, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an API Gateway REST API method (`AWS::ApiGateway::Method`,
    /// `aws_api_gateway_method`) or HTTP/WebSocket API route (`AWS::ApiGatewayV2::Route`,
    /// `aws_apigatewayv2_route`) whose authorization type is `NONE`, written so or left to the
    /// default, in a template or Terraform module that also declares a user pool. `OPTIONS`
    /// methods and routes (CORS preflight, which browsers send without credentials) are not
    /// flagged, nor WebSocket routes that API Gateway cannot authorize (`$disconnect` and
    /// message routes such as `sendmessage`: a WebSocket API is authorized on `$connect`).
    /// Methods and routes are only checked next to a user pool: an API that stands alone may
    /// be public on purpose.
    ///
    /// SAM's `AWS::Serverless::Api` and `AWS::Serverless::HttpApi` (whose methods are made by
    /// the SAM transform, from `Auth` settings and function events) are not read.
    ///
    /// ## Why is this bad?
    /// A user pool next to an API is usually there to protect it. A method with no
    /// authorizer answers anyone on the internet, signed in or not, so the users, tokens and
    /// MFA of the pool protect nothing on that path. It is often a method added later, or a
    /// copy of the `OPTIONS` method, that forgot its authorizer.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///   GetOrders:
    ///     Type: AWS::ApiGateway::Method
    ///     Properties:
    ///       RestApiId: abc123
    ///       ResourceId: def456
    ///       HttpMethod: GET
    ///       AuthorizationType: NONE
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///   GetOrders:
    ///     Type: AWS::ApiGateway::Method
    ///     Properties:
    ///       RestApiId: abc123
    ///       ResourceId: def456
    ///       HttpMethod: GET
    ///       AuthorizationType: COGNITO_USER_POOLS
    ///       AuthorizerId: ghi789
    /// ```
    ///
    /// ## How to fix
    /// Add an authorizer that validates the user pool's tokens (or IAM, or a Lambda
    /// authorizer), and require it on the method:
    /// - CloudFormation: `AuthorizationType: COGNITO_USER_POOLS` with `AuthorizerId` (an
    ///   `AWS::ApiGateway::Authorizer` of type `COGNITO_USER_POOLS`); for an HTTP API,
    ///   `AuthorizationType: JWT` with a JWT authorizer whose issuer is the user pool.
    /// - Terraform: `authorization = "COGNITO_USER_POOLS"` and `authorizer_id`;
    ///   `authorization_type = "JWT"` on an `aws_apigatewayv2_route`.
    /// - CDK: `defaultMethodOptions: { authorizer: new apigateway.CognitoUserPoolsAuthorizer(...) }`.
    ///
    /// ## References
    /// - [Control access to a REST API with a Cognito user pool](https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html)
    /// - [JWT authorizers for HTTP APIs](https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html)
    /// - [AWS::ApiGateway::Method](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-method.html)
    pub ApiWithoutCognitoAuthorizer {
        code: "COG607",
        name: "api-without-cognito-authorizer",
        severity: Medium,
        category: Operations,
        group: Hardening,
        summary: "An API Gateway method or route next to a user pool requires no authorization (OPTIONS excepted)",
        fix: "require an authorizer: `AuthorizationType: COGNITO_USER_POOLS` with `AuthorizerId` (`JWT` for HTTP APIs)",
        cdk_fix: "defaultMethodOptions: { authorizer: new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [pool] }) }",
        related: ["cdk-nag AwsSolutions-COG4"],
    }
}

impl Rule for ApiWithoutCognitoAuthorizer {
    fn check(&self, model: &Model, ctx: &mut Context) {
        if model.user_pools.is_empty() {
            return;
        }
        for method in &model.api_methods {
            let noun = if method.is_route {
                "API route"
            } else {
                "API method"
            };
            let none = method
                .authorization_type
                .clone()
                .map(|a| a.trim().eq_ignore_ascii_case("NONE"));
            // The HTTP method only matters for an open method (a preflight stays open).
            if !none.may_be_true() {
                continue;
            }
            let open = none.zip(&method.http_method, |none, http_method| {
                *none
                    && !http_method.as_deref().is_some_and(|m| {
                        ApiMethod::is_preflight(m)
                            || (method.is_route && ApiMethod::is_unauthorizable_route(m))
                    })
            });
            let verdict = open.fails_when(|open| *open);
            ctx.report(&method.meta, "the authorization type", verdict, |_| {
                Described::new(
                    format!(
                        "{noun} `{}` requires no authorization, next to a user pool",
                        method.meta.display_name()
                    ),
                    "`NONE`",
                )
            });
        }
    }
}
