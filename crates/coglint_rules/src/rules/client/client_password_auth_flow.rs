use coglint_model::{Check, ExplicitAuthFlow, Item, Model};

use crate::{declare_rule, Action, Applicability, Context, Described, Remedy, Rule};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `ExplicitAuthFlows` allow the plain password flow,
    /// `ALLOW_USER_PASSWORD_AUTH` (or the legacy `USER_PASSWORD_AUTH`), and an app client
    /// without a client secret that allows the administrative password flow,
    /// `ALLOW_ADMIN_USER_PASSWORD_AUTH` (or the legacy `ADMIN_NO_SRP_AUTH`). The finding points
    /// at the flow in the list. When `ExplicitAuthFlows` is omitted, AWS allows SRP, custom
    /// authentication and refresh tokens only, which passes.
    ///
    /// ## Why is this bad?
    /// With the password flows the application sends the user's password itself to Cognito,
    /// instead of proving knowledge of it through the Secure Remote Password protocol. The
    /// password then passes through, and can be logged or kept by, every layer in between: the
    /// client code, proxies, the backend that relays it. A public client (no secret) that
    /// allows the administrative flow suggests a backend that takes users' passwords and signs
    /// them in on their behalf, without the client authentication a secret would add.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ExplicitAuthFlows:
    ///         - ALLOW_USER_PASSWORD_AUTH
    ///         - ALLOW_REFRESH_TOKEN_AUTH
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   AppClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ExplicitAuthFlows:
    ///         - ALLOW_USER_SRP_AUTH
    ///         - ALLOW_REFRESH_TOKEN_AUTH
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]`;
    ///   keep `ALLOW_ADMIN_USER_PASSWORD_AUTH` only on a client with `GenerateSecret: true`.
    /// - Terraform: `explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]`.
    /// - CDK: `authFlows: { userSrp: true, userPassword: false, adminUserPassword: false }`.
    ///
    /// ## References
    /// - [Authentication flows](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html)
    /// - [CreateUserPoolClient](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html)
    pub ClientPasswordAuthFlow {
        code: "COG303",
        name: "client-password-auth-flow",
        severity: High,
        category: AppClients,
        summary: "ExplicitAuthFlows allows USER_PASSWORD_AUTH, or the admin password flow on a client without a secret",
        fix: "allow `ALLOW_USER_SRP_AUTH` instead of the password flows; keep the admin password flow only on a client with a secret",
        cdk_fix: "authFlows: { userSrp: true, userPassword: false, adminUserPassword: false }",
        autofix: Unsafe,
        related: [],
    }
}

/// The password flow at fault in `flows`, given whether the client has a secret.
fn password_flow(
    flows: &[Item<ExplicitAuthFlow>],
    secret: bool,
) -> Option<&Item<ExplicitAuthFlow>> {
    let user = flows.iter().find(|f| {
        matches!(
            f.value,
            ExplicitAuthFlow::AllowUserPasswordAuth | ExplicitAuthFlow::UserPasswordAuth
        )
    });
    let admin = || {
        flows.iter().find(|f| {
            !secret
                && matches!(
                    f.value,
                    ExplicitAuthFlow::AllowAdminUserPasswordAuth | ExplicitAuthFlow::AdminNoSrpAuth
                )
        })
    };
    user.or_else(admin)
}

impl Rule for ClientPasswordAuthFlow {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let flows = client
                .explicit_auth_flows
                .zip(&client.generate_secret, |flows, secret| {
                    (flows.clone(), *secret)
                });
            let verdict = flows.check(|(flows, secret)| match password_flow(flows, *secret) {
                Some(item) => item.at.map_or(Check::Fail, Check::FailAt),
                None => Check::Pass,
            });
            ctx.report(&client.meta, "the allowed authentication flows", verdict, |(flows, secret)| {
                let name = client.meta.display_name();
                // The flow goes from the list, unless it is the only one (an empty list means
                // AWS's default flows, which is not what removing one says). Clients that send
                // passwords this way stop signing in: unsafe.
                let remedy = |flow: Option<ExplicitAuthFlow>| {
                    (flows.len() > 1).then(|| {
                        Remedy::new(
                            flow.map_or_else(
                                || "Remove the password flow".to_string(),
                                |f| format!("Remove `{f}` from the allowed authentication flows"),
                            ),
                            Applicability::Unsafe,
                            Action::RemoveItem,
                        )
                    })
                };
                let flow = password_flow(flows, *secret).map(|f| f.value);
                let described = match flow {
                    Some(flow @ (ExplicitAuthFlow::AllowUserPasswordAuth | ExplicitAuthFlow::UserPasswordAuth)) => {
                        Described::new(
                            format!("app client `{name}` lets users sign in by sending their password instead of using SRP"),
                            format!("`{flow}`"),
                        )
                        .item()
                    }
                    flow => Described::new(
                        format!("app client `{name}` has no client secret but allows the admin password flow: the password is sent instead of using SRP"),
                        flow.map_or_else(|| "a password flow".to_string(), |f| format!("`{f}`")),
                    )
                    .item(),
                };
                match remedy(flow) {
                    Some(remedy) => described.fix(remedy),
                    None => described,
                }
            });
        }
    }
}
