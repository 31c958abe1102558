//! A user pool client.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::{ResourceMeta, UserPoolClient};

use super::{Prop, Resource};

pub(crate) fn client(r: &Resource<'_, '_>, meta: ResourceMeta) -> UserPoolClient {
    let n = r.names;
    UserPoolClient {
        meta,
        user_pool: r.link(n(Prop::ClientUserPool)),
        generate_secret: r.scalar(n(Prop::GenerateSecret), |_| defaults::GENERATE_SECRET),
        explicit_auth_flows: r.list(n(Prop::ExplicitAuthFlows), defaults::EXPLICIT_AUTH_FLOWS),
        allowed_oauth_flows: r.list(n(Prop::AllowedOAuthFlows), defaults::ALLOWED_OAUTH_FLOWS),
        allowed_oauth_flows_user_pool_client: r.scalar(
            n(Prop::AllowedOAuthFlowsUserPoolClient),
            |_| AwsDefault {
                value: false,
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        allowed_oauth_scopes: r.list(
            n(Prop::AllowedOAuthScopes),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        callback_urls: r.list(
            n(Prop::CallbackUrls),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        logout_urls: r.list(
            n(Prop::LogoutUrls),
            AwsDefault {
                value: &[],
                doc: defaults::GENERATE_SECRET.doc,
            },
        ),
        prevent_user_existence_errors: r.scalar(n(Prop::PreventUserExistenceErrors), |_| {
            defaults::PREVENT_USER_EXISTENCE_ERRORS
        }),
        access_token_validity: r.token_validity(
            n(Prop::AccessTokenValidity),
            n(Prop::AccessTokenUnit),
            defaults::ACCESS_TOKEN_VALIDITY,
            defaults::ACCESS_TOKEN_UNIT,
        ),
        id_token_validity: r.token_validity(
            n(Prop::IdTokenValidity),
            n(Prop::IdTokenUnit),
            defaults::ID_TOKEN_VALIDITY,
            defaults::ID_TOKEN_UNIT,
        ),
        refresh_token_validity: r.token_validity(
            n(Prop::RefreshTokenValidity),
            n(Prop::RefreshTokenUnit),
            defaults::REFRESH_TOKEN_VALIDITY,
            defaults::REFRESH_TOKEN_UNIT,
        ),
        enable_token_revocation: r.scalar(n(Prop::EnableTokenRevocation), |_| {
            defaults::ENABLE_TOKEN_REVOCATION
        }),
        default_redirect_uri: r.scalar(n(Prop::DefaultRedirectUri), |_| {
            defaults::DEFAULT_REDIRECT_URI
        }),
        refresh_token_rotation: r.scalar(n(Prop::RefreshTokenRotation), |_| {
            defaults::REFRESH_TOKEN_ROTATION
        }),
        write_attributes: r.optional_list(n(Prop::WriteAttributes), defaults::WRITE_ATTRIBUTES),
    }
}
