//! Which resource types the model reads, in each format, and the one dispatch from a
//! resource's kind to its builder.

use coglint_model::{Model, ResourceKind, ResourceMeta};

use super::client::client;
use super::iam::{iam_policy, iam_role, identity_pool_role_attachment, role_policy_attachment};
use super::identity_pool::identity_pool;
use super::surroundings::{
    api_method, identity_provider, lambda_permission, log_delivery_configuration,
    risk_configuration, web_acl_association,
};
use super::user_pool::user_pool;
use super::Resource;

/// Each kind with its CloudFormation and its Terraform resource types.
const RESOURCE_TYPES: &[(ResourceKind, &[&str], &[&str])] = &[
    (
        ResourceKind::UserPool,
        &["AWS::Cognito::UserPool"],
        &["aws_cognito_user_pool"],
    ),
    (
        ResourceKind::UserPoolClient,
        &["AWS::Cognito::UserPoolClient"],
        &[
            "aws_cognito_user_pool_client",
            "aws_cognito_managed_user_pool_client",
        ],
    ),
    (
        ResourceKind::IdentityPool,
        &["AWS::Cognito::IdentityPool"],
        &["aws_cognito_identity_pool"],
    ),
    (
        ResourceKind::RiskConfiguration,
        &["AWS::Cognito::UserPoolRiskConfigurationAttachment"],
        &["aws_cognito_risk_configuration"],
    ),
    (
        ResourceKind::IdentityProvider,
        &["AWS::Cognito::UserPoolIdentityProvider"],
        &["aws_cognito_identity_provider"],
    ),
    (
        ResourceKind::ApiMethod,
        &["AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Route"],
        &["aws_api_gateway_method", "aws_apigatewayv2_route"],
    ),
    (
        ResourceKind::WebAclAssociation,
        &["AWS::WAFv2::WebACLAssociation"],
        &["aws_wafv2_web_acl_association"],
    ),
    (
        ResourceKind::LogDeliveryConfiguration,
        &["AWS::Cognito::LogDeliveryConfiguration"],
        &["aws_cognito_log_delivery_configuration"],
    ),
    (
        ResourceKind::LambdaPermission,
        &["AWS::Lambda::Permission"],
        &["aws_lambda_permission"],
    ),
    (
        ResourceKind::IdentityPoolRoleAttachment,
        &["AWS::Cognito::IdentityPoolRoleAttachment"],
        &["aws_cognito_identity_pool_roles_attachment"],
    ),
    (
        ResourceKind::IamRole,
        &["AWS::IAM::Role"],
        &["aws_iam_role"],
    ),
    (
        ResourceKind::IamPolicy,
        &[
            "AWS::IAM::Policy",
            "AWS::IAM::ManagedPolicy",
            "AWS::IAM::RolePolicy",
        ],
        &["aws_iam_role_policy", "aws_iam_policy"],
    ),
    // `aws_iam_role_policy_attachment` has no CloudFormation resource.
    (
        ResourceKind::RolePolicyAttachment,
        &[],
        &["aws_iam_role_policy_attachment"],
    ),
];

/// The API method types that are HTTP/WebSocket API routes (whose route key gives the method).
const API_ROUTES: &[&str] = &["AWS::ApiGatewayV2::Route", "aws_apigatewayv2_route"];

/// The kind of a CloudFormation resource type, if the model reads it.
pub(crate) fn cloudformation_kind(type_name: &str) -> Option<ResourceKind> {
    RESOURCE_TYPES
        .iter()
        .find(|(_, types, _)| types.contains(&type_name))
        .map(|(kind, _, _)| *kind)
}

/// The kind of a Terraform resource type, if the model reads it.
pub(crate) fn terraform_kind(type_name: &str) -> Option<ResourceKind> {
    RESOURCE_TYPES
        .iter()
        .find(|(_, _, types)| types.contains(&type_name))
        .map(|(kind, _, _)| *kind)
}

/// Builds one resource with the builder of its kind (`meta.kind`) and adds it to the model,
/// with the enumeration values its fields wrote.
pub(crate) fn build(model: &mut Model, r: &Resource<'_, '_>, meta: ResourceMeta) {
    let name = meta.name.clone();
    match meta.kind {
        ResourceKind::UserPool => model.user_pools.push(user_pool(r, meta)),
        ResourceKind::UserPoolClient => model.clients.push(client(r, meta)),
        ResourceKind::IdentityPool => model.identity_pools.push(identity_pool(r, meta)),
        ResourceKind::RiskConfiguration => {
            model.risk_configurations.push(risk_configuration(r, meta))
        }
        ResourceKind::IdentityProvider => model.identity_providers.push(identity_provider(r, meta)),
        ResourceKind::ApiMethod => {
            let route = API_ROUTES.contains(&meta.type_name.as_str());
            model.api_methods.push(api_method(r, meta, route))
        }
        ResourceKind::WebAclAssociation => model
            .web_acl_associations
            .push(web_acl_association(r, meta)),
        ResourceKind::LogDeliveryConfiguration => model
            .log_delivery_configurations
            .push(log_delivery_configuration(r, meta)),
        ResourceKind::LambdaPermission => model.lambda_permissions.push(lambda_permission(r, meta)),
        ResourceKind::IdentityPoolRoleAttachment => model
            .identity_pool_role_attachments
            .push(identity_pool_role_attachment(r, meta)),
        ResourceKind::IamRole => model.iam_roles.push(iam_role(r, meta)),
        ResourceKind::IamPolicy => model.iam_policies.push(iam_policy(r, meta)),
        ResourceKind::RolePolicyAttachment => model
            .role_policy_attachments
            .push(role_policy_attachment(r, meta)),
    }
    model.enum_values.extend(r.take_enum_values(&name));
}
