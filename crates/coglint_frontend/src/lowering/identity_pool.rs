//! An identity pool.

use coglint_model::defaults::{self, AwsDefault};
use coglint_model::ResourceMeta;
use coglint_model::{CognitoIdentityProvider, IdentityPool};

use super::{Prop, Resource};

pub(crate) fn identity_pool(r: &Resource<'_, '_>, meta: ResourceMeta) -> IdentityPool {
    let n = r.names;
    IdentityPool {
        meta,
        allow_unauthenticated_identities: r.scalar(n(Prop::AllowUnauthenticatedIdentities), |_| {
            defaults::ALLOW_UNAUTHENTICATED_IDENTITIES
        }),
        allow_classic_flow: r.scalar(n(Prop::AllowClassicFlow), |_| defaults::ALLOW_CLASSIC_FLOW),
        cognito_identity_providers: r.elements(
            n(Prop::CognitoIdentityProviders),
            defaults::COGNITO_IDENTITY_PROVIDERS.doc,
            |p| CognitoIdentityProvider {
                user_pool: p.link(n(Prop::IdentityProviderName)),
                provider_name: p.scalar(n(Prop::IdentityProviderName), |_| AwsDefault {
                    value: None,
                    doc: defaults::COGNITO_IDENTITY_PROVIDERS.doc,
                }),
                client: p.link(n(Prop::IdentityProviderClient)),
                server_side_token_check: p.scalar(n(Prop::ServerSideTokenCheck), |_| {
                    defaults::SERVER_SIDE_TOKEN_CHECK
                }),
            },
        ),
    }
}
