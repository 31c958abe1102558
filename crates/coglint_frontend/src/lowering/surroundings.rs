//! What surrounds the pools: federated identity providers, API methods, risk
//! configurations, WAF associations, log delivery and Lambda permissions.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::RiskConfiguration;
use coglint_model::{Field, ResourceMeta};

use super::{Prop, Resource};

pub(crate) fn identity_provider(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::IdentityProvider {
    let n = r.names;
    coglint_model::IdentityProvider {
        meta,
        user_pool: r.link(n(Prop::IdpUserPool)),
        client_secret: r.scalar(n(Prop::IdpClientSecret), |_| {
            defaults::IDENTITY_PROVIDER_SECRET
        }),
        private_key: r.scalar(n(Prop::IdpPrivateKey), |_| {
            defaults::IDENTITY_PROVIDER_SECRET
        }),
    }
}

/// An API Gateway REST API method (`route` false) or an HTTP/WebSocket API route (`route`
/// true, whose route key `GET /pets` gives the method).
pub(crate) fn api_method(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
    route: bool,
) -> coglint_model::ApiMethod {
    let n = r.names;
    let (authorization, method, default) = if route {
        (
            Prop::ApiRouteAuthorizationType,
            Prop::ApiRouteKey,
            defaults::API_ROUTE_AUTHORIZATION_TYPE,
        )
    } else {
        (
            Prop::ApiMethodAuthorizationType,
            Prop::ApiMethodHttpMethod,
            defaults::API_METHOD_AUTHORIZATION_TYPE,
        )
    };
    let http_method: Field<Option<String>> = r.scalar(n(method), |_| defaults::API_HTTP_METHOD);
    coglint_model::ApiMethod {
        meta,
        is_route: route,
        authorization_type: r.scalar(n(authorization), |_| AwsDefault {
            value: default.value.to_string(),
            doc: default.doc,
        }),
        http_method: http_method
            .map(|m| m.map(|m| m.split_whitespace().next().unwrap_or_default().to_string())),
    }
}

pub(crate) fn risk_configuration(r: &Resource<'_, '_>, meta: ResourceMeta) -> RiskConfiguration {
    let n = r.names;
    let takeover = |p| r.scalar(n(p), |_| defaults::ACCOUNT_TAKEOVER_ACTION);
    RiskConfiguration {
        meta,
        user_pool: r.link(n(Prop::RiskUserPool)),
        compromised_credentials_action: r.scalar(n(Prop::CompromisedCredentialsAction), |_| {
            defaults::COMPROMISED_CREDENTIALS_ACTION
        }),
        compromised_credentials_events: r.list(
            n(Prop::CompromisedCredentialsEvents),
            defaults::COMPROMISED_CREDENTIALS_EVENT_FILTER,
        ),
        high_risk_action: takeover(Prop::HighRiskAction),
        medium_risk_action: takeover(Prop::MediumRiskAction),
        low_risk_action: takeover(Prop::LowRiskAction),
        skipped_ip_ranges: r.list(n(Prop::SkippedIpRanges), defaults::SKIPPED_IP_RANGES),
    }
}

pub(crate) fn web_acl_association(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::WebAclAssociation {
    coglint_model::WebAclAssociation {
        meta,
        resource: r.link_or_outside((r.names)(Prop::WebAclResource)),
    }
}

pub(crate) fn log_delivery_configuration(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::LogDeliveryConfiguration {
    let n = r.names;
    coglint_model::LogDeliveryConfiguration {
        meta,
        user_pool: r.link_or_outside(n(Prop::LogDeliveryUserPool)),
        log_configurations: r.elements(
            n(Prop::LogConfigurations),
            defaults::LOG_CONFIGURATIONS.doc,
            |c| coglint_model::LogConfiguration {
                event_source: c.scalar(n(Prop::LogEventSource), |_| defaults::LOG_EVENT_SOURCE),
            },
        ),
    }
}

pub(crate) fn lambda_permission(
    r: &Resource<'_, '_>,
    meta: ResourceMeta,
) -> coglint_model::LambdaPermission {
    let n = r.names;
    coglint_model::LambdaPermission {
        meta,
        principal: r.scalar(n(Prop::LambdaPrincipal), |_| {
            defaults::LAMBDA_PERMISSION_PRINCIPAL
        }),
        has_source_arn: r.present(
            n(Prop::LambdaSourceArn),
            defaults::LAMBDA_PERMISSION_SOURCE_ARN,
        ),
    }
}
