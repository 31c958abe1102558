//! Terraform resources to the Cognito model: the attribute names, instances (`count`,
//! `for_each`), blocks and dynamic blocks, and module calls.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use coglint_model::defaults;
use coglint_model::{
    InputKind, Model, ParameterOrigin, Provenance, ReportedAt, ResourceKind, ResourceMeta, Scenario,
};
use coglint_source::{FileId, Span};
use coglint_syntax::Node;

use super::eval::{unknown, Input, Scope};
use super::module::{normalize, span_of, BodyRef, Expr, Module, TfFile};
use crate::lowering::{api_method, identity_provider};
use crate::lowering::{client, user_pool, Prop, PropertySource, Resource};
use crate::lowering::{
    iam_policy, iam_role, identity_pool_role_attachment, role_policy_attachment,
};
use crate::lowering::{identity_pool, risk_configuration, Element, ElementValue, Elements};
use crate::value::{Alt, Resolved};

/// The deepest chain of module calls followed.
pub const MAX_MODULE_DEPTH: usize = 16;

/// Terraform's name for each property.
fn names(prop: Prop) -> &'static [&'static str] {
    match prop {
        Prop::UserPoolTier => &["user_pool_tier"],
        Prop::MfaConfiguration => &["mfa_configuration"],
        Prop::MinimumLength => &["password_policy", "minimum_length"],
        Prop::RequireUppercase => &["password_policy", "require_uppercase"],
        Prop::RequireLowercase => &["password_policy", "require_lowercase"],
        Prop::RequireNumbers => &["password_policy", "require_numbers"],
        Prop::RequireSymbols => &["password_policy", "require_symbols"],
        Prop::TemporaryPasswordValidityDays => {
            &["password_policy", "temporary_password_validity_days"]
        }
        Prop::PasswordHistorySize => &["password_policy", "password_history_size"],
        Prop::AdvancedSecurityMode => &["user_pool_add_ons", "advanced_security_mode"],
        Prop::CustomAuthMode => &[
            "user_pool_add_ons",
            "advanced_security_additional_flows",
            "custom_auth_mode",
        ],
        Prop::DeletionProtection => &["deletion_protection"],
        Prop::AllowAdminCreateUserOnly => {
            &["admin_create_user_config", "allow_admin_create_user_only"]
        }
        Prop::UsernameCaseSensitive => &["username_configuration", "case_sensitive"],
        Prop::ChallengeRequiredOnNewDevice => {
            &["device_configuration", "challenge_required_on_new_device"]
        }
        Prop::UsernameAttributes => &["username_attributes"],
        Prop::RecoveryMechanisms => &["account_recovery_setting", "recovery_mechanism"],
        Prop::RecoveryMechanismName => &["name"],
        Prop::RecoveryMechanismPriority => &["priority"],
        Prop::AliasAttributes => &["alias_attributes"],
        Prop::AutoVerifiedAttributes => &["auto_verified_attributes"],
        Prop::AttributesRequireVerificationBeforeUpdate => &[
            "user_attribute_update_settings",
            "attributes_require_verification_before_update",
        ],
        // Terraform has one block per MFA factor, no list of them.
        Prop::EnabledMfas => &[],
        Prop::SmsConfiguration => &["sms_configuration"],
        Prop::SoftwareTokenMfaEnabled => &["software_token_mfa_configuration", "enabled"],
        Prop::EmailMfaConfiguration => &["email_mfa_configuration"],
        Prop::DefineAuthChallenge => &["lambda_config", "define_auth_challenge"],
        Prop::CreateAuthChallenge => &["lambda_config", "create_auth_challenge"],
        Prop::VerifyAuthChallengeResponse => &["lambda_config", "verify_auth_challenge_response"],
        Prop::AllowedFirstAuthFactors => &["sign_in_policy", "allowed_first_auth_factors"],
        Prop::ClientUserPool => &["user_pool_id"],
        Prop::GenerateSecret => &["generate_secret"],
        Prop::ExplicitAuthFlows => &["explicit_auth_flows"],
        Prop::AllowedOAuthFlows => &["allowed_oauth_flows"],
        Prop::AllowedOAuthFlowsUserPoolClient => &["allowed_oauth_flows_user_pool_client"],
        Prop::AllowedOAuthScopes => &["allowed_oauth_scopes"],
        Prop::CallbackUrls => &["callback_urls"],
        Prop::LogoutUrls => &["logout_urls"],
        Prop::PreventUserExistenceErrors => &["prevent_user_existence_errors"],
        Prop::AccessTokenValidity => &["access_token_validity"],
        Prop::IdTokenValidity => &["id_token_validity"],
        Prop::RefreshTokenValidity => &["refresh_token_validity"],
        Prop::AccessTokenUnit => &["token_validity_units", "access_token"],
        Prop::IdTokenUnit => &["token_validity_units", "id_token"],
        Prop::RefreshTokenUnit => &["token_validity_units", "refresh_token"],
        Prop::EnableTokenRevocation => &["enable_token_revocation"],
        Prop::DefaultRedirectUri => &["default_redirect_uri"],
        Prop::RefreshTokenRotation => &["refresh_token_rotation", "feature"],
        Prop::WriteAttributes => &["write_attributes"],
        Prop::Schema => &["schema"],
        Prop::SchemaAttributeName => &["name"],
        Prop::SchemaAttributeMutable => &["mutable"],
        Prop::AllowUnauthenticatedIdentities => &["allow_unauthenticated_identities"],
        Prop::AllowClassicFlow => &["allow_classic_flow"],
        Prop::CognitoIdentityProviders => &["cognito_identity_providers"],
        Prop::IdentityProviderName => &["provider_name"],
        Prop::IdentityProviderClient => &["client_id"],
        Prop::ServerSideTokenCheck => &["server_side_token_check"],
        Prop::RiskUserPool => &["user_pool_id"],
        Prop::CompromisedCredentialsAction => &[
            "compromised_credentials_risk_configuration",
            "actions",
            "event_action",
        ],
        Prop::CompromisedCredentialsEvents => {
            &["compromised_credentials_risk_configuration", "event_filter"]
        }
        Prop::HighRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "high_action",
            "event_action",
        ],
        Prop::MediumRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "medium_action",
            "event_action",
        ],
        Prop::LowRiskAction => &[
            "account_takeover_risk_configuration",
            "actions",
            "low_action",
            "event_action",
        ],
        Prop::SkippedIpRanges => &["risk_exception_configuration", "skipped_ip_range_list"],
        Prop::RoleAttachmentIdentityPool => &["identity_pool_id"],
        Prop::AuthenticatedRole => &["roles", "authenticated"],
        Prop::UnauthenticatedRole => &["roles", "unauthenticated"],
        Prop::RoleMappings => &["role_mapping"],
        Prop::RoleMappingIdentityProvider => &["identity_provider"],
        Prop::RoleMappingType => &["type"],
        Prop::AmbiguousRoleResolution => &["ambiguous_role_resolution"],
        Prop::TrustPolicy => &["assume_role_policy"],
        Prop::InlinePolicies => &["inline_policy"],
        Prop::InlinePolicyDocument | Prop::PolicyDocument => &["policy"],
        Prop::ManagedPolicyArns => &["managed_policy_arns"],
        Prop::PolicyRoles | Prop::AttachmentRole => &["role"],
        Prop::AttachmentPolicyArn => &["policy_arn"],
        Prop::WebAclResource => &["resource_arn"],
        Prop::LogDeliveryUserPool => &["user_pool_id"],
        Prop::LogConfigurations => &["log_configurations"],
        Prop::LogEventSource => &["event_source"],
        Prop::LambdaPrincipal => &["principal"],
        Prop::LambdaSourceArn => &["source_arn"],
        Prop::SmsExternalId => &["sms_configuration", "external_id"],
        Prop::SmsRole => &["sms_configuration", "sns_caller_arn"],
        Prop::IdpUserPool => &["user_pool_id"],
        Prop::IdpClientSecret => &["provider_details", "client_secret"],
        Prop::IdpPrivateKey => &["provider_details", "private_key"],
        Prop::ApiMethodAuthorizationType => &["authorization"],
        Prop::ApiMethodHttpMethod => &["http_method"],
        Prop::ApiRouteAuthorizationType => &["authorization_type"],
        Prop::ApiRouteKey => &["route_key"],
    }
}

/// One resource instance's body, read through the module's variables and locals.
struct TfProperties<'s, 'm, 'a> {
    scope: &'s Scope<'m, 'a>,
    file: FileId,
    body: BodyRef<'a>,
    scenario: Scenario,
}

enum Position<'a> {
    Body(BodyRef<'a>),
    Value(Alt<'a>),
}

impl<'a> TfProperties<'_, '_, 'a> {
    fn at(&self, body: BodyRef<'a>) -> Span {
        match body {
            BodyRef::Hcl(body) => span_of(self.file, body),
            BodyRef::Json(node) => Span::new(self.file, node.range),
        }
    }

    /// The value of attribute `expr`, then what lies under it along `rest`.
    fn attribute(
        &self,
        expr: Expr<'a>,
        rest: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        self.scope
            .eval_expr(expr, self.file, scenario)
            .into_iter()
            .flat_map(|alt| {
                let s = alt.scenario.clone();
                match alt.value {
                    Resolved::Absent { .. } => vec![Alt {
                        value: Resolved::Absent { depth },
                        ..alt
                    }],
                    _ => self.navigate(Position::Value(alt), rest, depth + 1, &s),
                }
            })
            .collect()
    }

    fn navigate(
        &self,
        position: Position<'a>,
        path: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let Some((key, rest)) = path.split_first() else {
            return match position {
                Position::Value(alt) => vec![alt],
                // A block read as a whole (is `sms_configuration` written?): an object whose
                // content is not evaluated here, which no scalar or list reading accepts.
                Position::Body(body) => vec![Alt {
                    scenario: scenario.clone(),
                    value: Resolved::Fields(Vec::new()),
                    provenance: Provenance::Literal { at: self.at(body) },
                }],
            };
        };
        let absent = |scenario: &Scenario, at: Span| Alt {
            scenario: scenario.clone(),
            value: Resolved::Absent { depth },
            provenance: Provenance::Literal { at },
        };
        match position {
            Position::Body(BodyRef::Hcl(body)) => {
                if let Some(attr) = body.get_attribute(key) {
                    return self.attribute(Expr::Hcl(&attr.value), rest, depth, scenario);
                }
                let mut blocks = body.iter().filter_map(|s| s.as_block());
                if let Some(block) = blocks.find(|b| b.ident.as_str() == *key) {
                    return self.navigate(
                        Position::Body(BodyRef::Hcl(&block.body)),
                        rest,
                        depth + 1,
                        scenario,
                    );
                }
                let dynamic = body.iter().filter_map(|s| s.as_block()).find(|b| {
                    b.ident.as_str() == "dynamic"
                        && b.labels.first().map(|l| l.as_str()) == Some(*key)
                });
                match dynamic {
                    Some(block) => self.dynamic(block, rest, depth, scenario),
                    None => vec![absent(scenario, self.at(BodyRef::Hcl(body)))],
                }
            }
            // In JSON, blocks and attributes look alike: an object (or a list of objects) on
            // the way down is a block; the rest are values.
            Position::Body(BodyRef::Json(node)) => match node.get(key) {
                Some(child) if !rest.is_empty() && child.entries().is_some() => self.navigate(
                    Position::Body(BodyRef::Json(child)),
                    rest,
                    depth + 1,
                    scenario,
                ),
                Some(child)
                    if !rest.is_empty()
                        && child
                            .items()
                            .and_then(|i| i.first())
                            .is_some_and(|f| f.entries().is_some()) =>
                {
                    match child.items().and_then(|i| i.first()) {
                        Some(first) => self.navigate(
                            Position::Body(BodyRef::Json(first)),
                            rest,
                            depth + 1,
                            scenario,
                        ),
                        None => Vec::new(),
                    }
                }
                Some(child) => self.attribute(Expr::Json(child), rest, depth, scenario),
                None if node.get("dynamic").and_then(|d| d.get(key)).is_some() => vec![unknown(
                    scenario,
                    Span::new(self.file, node.range),
                    "dynamic blocks in .tf.json are not evaluated",
                )],
                None => vec![absent(scenario, Span::new(self.file, node.range))],
            },
            Position::Value(alt) => match alt.value {
                Resolved::Fields(fields) => match fields.into_iter().find(|(k, _)| k == key) {
                    Some((_, v)) => {
                        let s = scenario
                            .merge(&v.scenario)
                            .unwrap_or_else(|| scenario.clone());
                        self.navigate(Position::Value(v), rest, depth + 1, &s)
                    }
                    None => vec![Alt {
                        value: Resolved::Absent { depth },
                        ..alt
                    }],
                },
                // A block written as a list of one object (`password_policy = [{...}]`).
                Resolved::Items(items) if items.len() == 1 => {
                    let item = items.into_iter().next();
                    match item {
                        Some(item) => self.navigate(Position::Value(item), path, depth, scenario),
                        None => Vec::new(),
                    }
                }
                Resolved::Unknown(_) => vec![alt],
                _ => vec![Alt {
                    value: Resolved::Unknown("a value where a block is expected".into()),
                    ..alt
                }],
            },
        }
    }

    /// `dynamic "key" { for_each = ...; content { ... } }`: the content of the first element,
    /// none when the collection is empty, unknown when it cannot be evaluated.
    fn dynamic(
        &self,
        block: &'a coglint_syntax::hcl_edit::structure::Block,
        rest: &[&str],
        depth: usize,
        scenario: &Scenario,
    ) -> Vec<Alt<'a>> {
        let at = span_of(self.file, block);
        let (Some(for_each), Some(content)) = (
            block.body.get_attribute("for_each"),
            block
                .body
                .iter()
                .filter_map(|s| s.as_block())
                .find(|b| b.ident.as_str() == "content"),
        ) else {
            return vec![unknown(
                scenario,
                at,
                "a dynamic block without for_each or content",
            )];
        };
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(coglint_syntax::hcl_edit::expr::Expression::Variable(v)) => v.as_str().to_string(),
            _ => block
                .labels
                .first()
                .map(|l| l.as_str().to_string())
                .unwrap_or_default(),
        };
        let mut out = Vec::new();
        for collection in self.scope.eval(&for_each.value, self.file.into(), scenario) {
            let first = match &collection.value {
                Resolved::Items(items) => items.first().map(|v| (v.clone(), v.clone())),
                Resolved::Fields(fields) => fields.first().map(|(k, v)| {
                    let key = Alt {
                        value: Resolved::Text(k.clone()),
                        ..v.clone()
                    };
                    (key, v.clone())
                }),
                Resolved::Absent { .. } => None,
                _ => {
                    out.push(unknown(
                        &collection.scenario,
                        at,
                        "a dynamic block over a collection known only at plan time",
                    ));
                    continue;
                }
            };
            let Some((key, value)) = first else {
                out.push(Alt {
                    scenario: collection.scenario.clone(),
                    value: Resolved::Absent { depth },
                    provenance: Provenance::Literal { at },
                });
                continue;
            };
            let element = Alt {
                scenario: collection.scenario.clone(),
                value: Resolved::Fields(vec![("key".into(), key), ("value".into(), value)]),
                provenance: Provenance::Literal { at },
            };
            let mut bindings = self.scope.bindings.clone();
            bindings.push((iterator.clone(), element));
            let scope = self.scope.with_bindings(bindings);
            let inner = TfProperties {
                scope: &scope,
                file: self.file,
                body: BodyRef::Hcl(&content.body),
                scenario: collection.scenario.clone(),
            };
            out.extend(inner.navigate(
                Position::Body(BodyRef::Hcl(&content.body)),
                rest,
                depth + 1,
                &collection.scenario,
            ));
        }
        out
    }
}

impl<'a> PropertySource<'a> for TfProperties<'_, '_, 'a> {
    fn read_document(&self, path: &[&str]) -> Vec<Alt<'a>> {
        self.document_in(self.body, path, &self.scenario)
            .unwrap_or_else(|| self.read(path))
    }

    fn read_element_document(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        let found = match &element.value {
            ElementValue::Block(body) => self.document_in(*body, path, &element.scenario),
            ElementValue::Value(_) => None,
        };
        found.unwrap_or_else(|| self.read_element(element, path))
    }

    fn read(&self, path: &[&str]) -> Vec<Alt<'a>> {
        let last = path.len().saturating_sub(1);
        self.navigate(Position::Body(self.body), path, 0, &self.scenario)
            .into_iter()
            .map(|mut alt| {
                if let Resolved::Absent { depth } = &mut alt.value {
                    *depth = (*depth).min(last);
                }
                alt
            })
            .collect()
    }

    fn list(
        &self,
        node: &'a Node,
        scenario: &Scenario,
    ) -> Vec<Result<(Scenario, Vec<Alt<'a>>), Alt<'a>>> {
        // Terraform lists arrive evaluated (`Resolved::Items`); no source node is ever a list.
        vec![Err(unknown(
            scenario,
            Span::new(self.file, node.range),
            "an unexpected list",
        ))]
    }

    fn elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        let [key] = path else {
            return self.nested_elements(path);
        };
        let blocks: Vec<(Span, BodyRef<'a>)> = match self.body {
            BodyRef::Hcl(body) => {
                if let Some(attr) = body.get_attribute(key) {
                    return self.value_elements(Expr::Hcl(&attr.value));
                }
                let is_dynamic = body.iter().filter_map(|s| s.as_block()).any(|b| {
                    b.ident.as_str() == "dynamic"
                        && b.labels.first().map(|l| l.as_str()) == Some(*key)
                });
                if is_dynamic {
                    return vec![Err(unknown(
                        &self.scenario,
                        self.at(self.body),
                        format!("the `{key}` blocks are made by a dynamic block, not evaluated"),
                    ))];
                }
                body.iter()
                    .filter_map(|s| s.as_block())
                    .filter(|b| b.ident.as_str() == *key)
                    .map(|b| (span_of(self.file, b), BodyRef::Hcl(&b.body)))
                    .collect()
            }
            BodyRef::Json(node) => match node.get(key) {
                None if node.get("dynamic").and_then(|d| d.get(key)).is_some() => {
                    return vec![Err(unknown(
                        &self.scenario,
                        Span::new(self.file, node.range),
                        "dynamic blocks in .tf.json are not evaluated",
                    ))]
                }
                None => Vec::new(),
                Some(child) if child.entries().is_some() => {
                    vec![(Span::new(self.file, child.range), BodyRef::Json(child))]
                }
                Some(child)
                    if child
                        .items()
                        .is_some_and(|i| i.iter().all(|b| b.entries().is_some())) =>
                {
                    child
                        .items()
                        .unwrap_or(&[])
                        .iter()
                        .map(|b| (Span::new(self.file, b.range), BodyRef::Json(b)))
                        .collect()
                }
                Some(child) => return self.value_elements(Expr::Json(child)),
            },
        };
        let provenance = Provenance::Literal {
            at: blocks
                .first()
                .map(|(at, _)| *at)
                .unwrap_or_else(|| self.at(self.body)),
        };
        let elements = (!blocks.is_empty()).then(|| {
            blocks
                .into_iter()
                .map(|(at, body)| Element {
                    scenario: self.scenario.clone(),
                    at,
                    value: ElementValue::Block(body),
                })
                .collect()
        });
        vec![Ok(Elements {
            scenario: self.scenario.clone(),
            provenance,
            elements,
        })]
    }

    fn read_element(&self, element: &Element<'a>, path: &[&str]) -> Vec<Alt<'a>> {
        let last = path.len().saturating_sub(1);
        let position = match &element.value {
            ElementValue::Block(body) => Position::Body(*body),
            ElementValue::Value(alt) => Position::Value(alt.clone()),
        };
        self.navigate(position, path, 0, &element.scenario)
            .into_iter()
            .map(|mut alt| {
                if let Resolved::Absent { depth } = &mut alt.value {
                    *depth = (*depth).min(last);
                }
                alt
            })
            .collect()
    }
}

impl<'a> TfProperties<'_, '_, 'a> {
    /// A policy document written in `body` at `path` that is read as the object it renders:
    /// `jsonencode({...})` (each part at its place, links kept) or
    /// `data.aws_iam_policy_document.NAME.json` (the data source's statements).
    fn document_in(
        &self,
        body: BodyRef<'a>,
        path: &[&str],
        scenario: &Scenario,
    ) -> Option<Vec<Alt<'a>>> {
        use coglint_syntax::hcl_edit::expr::Expression;
        let ([key], BodyRef::Hcl(body)) = (path, body) else {
            return None;
        };
        let attr = body.get_attribute(key)?;
        if let Some(document) =
            super::policy_document::policy_document_of(self.scope, &attr.value, self.file, scenario)
        {
            return Some(vec![document]);
        }
        let Expression::FuncCall(call) = &attr.value else {
            return None;
        };
        let mut args = call.args.iter();
        match (args.next(), args.next()) {
            (Some(arg), None)
                if call.name.namespace.is_empty() && call.name.name.as_str() == "jsonencode" =>
            {
                Some(self.scope.eval(arg, self.file.into(), scenario))
            }
            _ => None,
        }
    }

    /// The elements of a list of blocks inside a block (`account_recovery_setting {
    /// recovery_mechanism { ... } }`): the enclosing block is found, then the list in it.
    fn nested_elements(&self, path: &[&str]) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        let Some((outer, rest)) = path.split_first() else {
            return vec![Err(unknown(
                &self.scenario,
                self.at(self.body),
                "an empty path",
            ))];
        };
        let omitted = || {
            vec![Ok(Elements {
                scenario: self.scenario.clone(),
                provenance: Provenance::Literal {
                    at: self.at(self.body),
                },
                elements: None,
            })]
        };
        let inner = match self.body {
            BodyRef::Hcl(body) => {
                let mut blocks = body.iter().filter_map(|s| s.as_block());
                match blocks.find(|b| b.ident.as_str() == *outer) {
                    Some(block) => BodyRef::Hcl(&block.body),
                    None if body.get_attribute(outer).is_none()
                        && !body.iter().filter_map(|s| s.as_block()).any(|b| {
                            b.ident.as_str() == "dynamic"
                                && b.labels.first().map(|l| l.as_str()) == Some(*outer)
                        }) =>
                    {
                        return omitted()
                    }
                    None => {
                        return vec![Err(unknown(
                            &self.scenario,
                            self.at(self.body),
                            format!("`{outer}` is not written as a block, not evaluated"),
                        ))]
                    }
                }
            }
            BodyRef::Json(node) => match node.get(outer) {
                None if node.get("dynamic").and_then(|d| d.get(outer)).is_none() => {
                    return omitted()
                }
                Some(child) if child.entries().is_some() => BodyRef::Json(child),
                Some(child) => match child.items().and_then(|i| i.first()) {
                    Some(first) if first.entries().is_some() => BodyRef::Json(first),
                    _ => {
                        return vec![Err(unknown(
                            &self.scenario,
                            Span::new(self.file, child.range),
                            format!("`{outer}` is not written as a block, not evaluated"),
                        ))]
                    }
                },
                None => {
                    return vec![Err(unknown(
                        &self.scenario,
                        Span::new(self.file, node.range),
                        "dynamic blocks in .tf.json are not evaluated",
                    ))]
                }
            },
        };
        let properties = TfProperties {
            scope: self.scope,
            file: self.file,
            body: inner,
            scenario: self.scenario.clone(),
        };
        properties.elements(rest)
    }

    /// The elements of a list of objects written as a value (`key = [{ ... }]`).
    fn value_elements(&self, expr: Expr<'a>) -> Vec<Result<Elements<'a>, Alt<'a>>> {
        self.scope
            .eval_expr(expr, self.file, &self.scenario)
            .into_iter()
            .map(|alt| match alt.value {
                Resolved::Absent { .. } => Ok(Elements {
                    scenario: alt.scenario,
                    provenance: alt.provenance,
                    elements: None,
                }),
                Resolved::Items(items) => Ok(Elements {
                    scenario: alt.scenario.clone(),
                    provenance: alt.provenance,
                    elements: Some(
                        items
                            .into_iter()
                            .map(|item| Element {
                                scenario: alt.scenario.clone(),
                                at: item.provenance.primary(),
                                value: ElementValue::Value(item),
                            })
                            .collect(),
                    ),
                }),
                Resolved::Unknown(_) => Err(alt),
                _ => Err(Alt {
                    value: Resolved::Unknown("a single value where a list is expected".into()),
                    ..alt
                }),
            })
            .collect()
    }
}

/// One instance of a resource: its name suffix (`[0]`, `["web"]`), the bindings of `count` or
/// `for_each`, and the scenario in which it exists.
struct Instance<'a> {
    suffix: String,
    bindings: Vec<(String, Alt<'a>)>,
    scenario: Scenario,
}

/// The instances a `count` or `for_each` in `body` makes (one when neither is set).
fn instances<'a>(body: BodyRef<'a>, file: FileId, scope: &Scope<'_, 'a>) -> Vec<Instance<'a>> {
    let base = Scenario::always();
    let single = |bindings: Vec<(String, Alt<'a>)>, scenario: Scenario| Instance {
        suffix: String::new(),
        bindings,
        scenario,
    };
    if let Some(count) = body.attribute("count") {
        let mut out = Vec::new();
        for alt in scope.eval_expr(count, file, &base) {
            let at = alt.provenance.primary();
            match &alt.value {
                Resolved::Text(n) => match n.parse::<u32>() {
                    Ok(n) => out.extend((0..n.min(256)).map(|i| Instance {
                        suffix: format!("[{i}]"),
                        bindings: vec![(
                            "count.index".into(),
                            Alt {
                                value: Resolved::Text(i.to_string()),
                                ..alt.clone()
                            },
                        )],
                        scenario: alt.scenario.clone(),
                    })),
                    Err(_) => out.push(single(
                        vec![(
                            "count.index".into(),
                            unknown(&alt.scenario, at, "`count` is not a whole number"),
                        )],
                        alt.scenario.clone(),
                    )),
                },
                // With an unknown count, the parts of the body that do not use it still count.
                _ => out.push(single(
                    vec![(
                        "count.index".into(),
                        unknown(&alt.scenario, at, "`count` is known only at plan time"),
                    )],
                    alt.scenario.clone(),
                )),
            }
        }
        return out;
    }
    if let Some(for_each) = body.attribute("for_each") {
        let mut out = Vec::new();
        for alt in scope.eval_expr(for_each, file, &base) {
            let at = alt.provenance.primary();
            let pairs: Option<Vec<(String, Alt<'a>)>> = match &alt.value {
                Resolved::Items(items) => items
                    .iter()
                    .map(|i| match &i.value {
                        Resolved::Text(t) => Some((t.clone(), i.clone())),
                        _ => None,
                    })
                    .collect(),
                Resolved::Fields(fields) => Some(fields.clone()),
                _ => None,
            };
            match pairs {
                Some(pairs) => {
                    out.extend(pairs.into_iter().take(256).map(|(key, value)| Instance {
                        suffix: format!("[\"{key}\"]"),
                        bindings: vec![
                            (
                                "each.key".into(),
                                Alt {
                                    value: Resolved::Text(key.clone()),
                                    ..value.clone()
                                },
                            ),
                            ("each.value".into(), value),
                        ],
                        scenario: alt.scenario.clone(),
                    }))
                }
                None => {
                    let reason = "`for_each` is known only at plan time";
                    out.push(single(
                        vec![
                            ("each.key".into(), unknown(&alt.scenario, at, reason)),
                            ("each.value".into(), unknown(&alt.scenario, at, reason)),
                        ],
                        alt.scenario.clone(),
                    ))
                }
            }
        }
        return out;
    }
    vec![single(Vec::new(), base)]
}

/// Every module of the scan, by directory.
pub type Modules<'f> = HashMap<PathBuf, Vec<&'f TfFile>>;

/// Values for a root module's variables, lowest precedence first: `terraform.tfvars`, then
/// `*.auto.tfvars` in name order, then `--var-file` files in order; then `-var NAME=VALUE`.
pub struct RootInputs<'f> {
    pub var_files: Vec<&'f TfFile>,
    pub vars: Vec<(String, String)>,
    /// Remote modules installed by `terraform init`, from `.terraform/modules/modules.json`:
    /// module key (`auth`, `auth.inner`) to directory.
    pub remote_modules: HashMap<String, PathBuf>,
}

/// Where a module is in the tree of calls.
struct Call<'c> {
    /// Resource name prefix: `module.auth.`.
    prefix: String,
    /// Key in modules.json: `auth.inner`.
    key: String,
    /// The user's `module` block a remote module is reported at.
    reported_at: Option<ReportedAt>,
    remote: &'c HashMap<String, PathBuf>,
}

fn lower_module<'a>(
    dir: &Path,
    modules: &Modules<'a>,
    inputs: &HashMap<String, Input<'a>>,
    call: &Call<'_>,
    stack: &mut Vec<PathBuf>,
    model: &mut Model,
) {
    let prefix = call.prefix.as_str();
    let Some(files) = modules.get(dir) else {
        return;
    };
    if stack.len() > MAX_MODULE_DEPTH || stack.iter().any(|d| d == dir) {
        return;
    }
    stack.push(dir.to_path_buf());
    let module = Module::new(files);
    let scope = Scope {
        module: &module,
        inputs,
        bindings: Vec::new(),
        prefix: prefix.to_string(),
    };
    for decl in &module.resources {
        let kind = match decl.type_name {
            "aws_cognito_user_pool" => ResourceKind::UserPool,
            "aws_cognito_user_pool_client" | "aws_cognito_managed_user_pool_client" => {
                ResourceKind::UserPoolClient
            }
            "aws_cognito_identity_pool" => ResourceKind::IdentityPool,
            "aws_cognito_risk_configuration" => ResourceKind::RiskConfiguration,
            "aws_cognito_identity_provider" => ResourceKind::IdentityProvider,
            "aws_api_gateway_method" | "aws_apigatewayv2_route" => ResourceKind::ApiMethod,
            "aws_wafv2_web_acl_association" => ResourceKind::WebAclAssociation,
            "aws_cognito_log_delivery_configuration" => ResourceKind::LogDeliveryConfiguration,
            "aws_lambda_permission" => ResourceKind::LambdaPermission,
            "aws_cognito_identity_pool_roles_attachment" => {
                ResourceKind::IdentityPoolRoleAttachment
            }
            "aws_iam_role" => ResourceKind::IamRole,
            "aws_iam_role_policy" | "aws_iam_policy" => ResourceKind::IamPolicy,
            "aws_iam_role_policy_attachment" => ResourceKind::RolePolicyAttachment,
            _ => continue,
        };
        for instance in instances(decl.body, decl.file, &scope) {
            let instance_scope = scope.with_bindings(instance.bindings);
            let properties = TfProperties {
                scope: &instance_scope,
                file: decl.file,
                body: decl.body,
                scenario: instance.scenario,
            };
            let meta = ResourceMeta {
                kind,
                name: format!(
                    "{prefix}{}.{}{}",
                    decl.type_name, decl.name, instance.suffix
                ),
                type_name: decl.type_name.to_string(),
                header: decl.header,
                logical_path: None,
                reported_at: call.reported_at.clone(),
                suppressions: Vec::new(),
            };
            let resource = Resource {
                source: &properties,
                header: decl.header,
                names,
                class_flag_in_policy: defaults::TERRAFORM_PASSWORD_REQUIRE_CHARACTER_CLASS_IN_BLOCK,
                enum_values: Default::default(),
            };
            let name = meta.name.clone();
            match kind {
                ResourceKind::UserPool => model.user_pools.push(user_pool(&resource, meta)),
                ResourceKind::UserPoolClient => model.clients.push(client(&resource, meta)),
                ResourceKind::IdentityPool => {
                    model.identity_pools.push(identity_pool(&resource, meta))
                }
                ResourceKind::RiskConfiguration => model
                    .risk_configurations
                    .push(risk_configuration(&resource, meta)),
                ResourceKind::IdentityProvider => model
                    .identity_providers
                    .push(identity_provider(&resource, meta)),
                ResourceKind::ApiMethod => {
                    let route = decl.type_name == "aws_apigatewayv2_route";
                    model.api_methods.push(api_method(&resource, meta, route))
                }
                ResourceKind::WebAclAssociation => model
                    .web_acl_associations
                    .push(crate::lowering::web_acl_association(&resource, meta)),
                ResourceKind::LogDeliveryConfiguration => model
                    .log_delivery_configurations
                    .push(crate::lowering::log_delivery_configuration(&resource, meta)),
                ResourceKind::LambdaPermission => model
                    .lambda_permissions
                    .push(crate::lowering::lambda_permission(&resource, meta)),
                ResourceKind::IdentityPoolRoleAttachment => model
                    .identity_pool_role_attachments
                    .push(identity_pool_role_attachment(&resource, meta)),
                ResourceKind::IamRole => model.iam_roles.push(iam_role(&resource, meta)),
                ResourceKind::IamPolicy => model.iam_policies.push(iam_policy(&resource, meta)),
                ResourceKind::RolePolicyAttachment => model
                    .role_policy_attachments
                    .push(role_policy_attachment(&resource, meta)),
            }
            model.enum_values.extend(resource.take_enum_values(&name));
        }
    }
    for decl in &module.calls {
        let Some(source) = &decl.source else { continue };
        let key = if call.key.is_empty() {
            decl.name.to_string()
        } else {
            format!("{}.{}", call.key, decl.name)
        };
        let (child, reported_at) = if source.starts_with("./") || source.starts_with("../") {
            (normalize(&dir.join(source)), call.reported_at.clone())
        } else {
            // A registry or git module, installed by `terraform init`: not the user's to edit.
            match call.remote.get(&key) {
                Some(installed) => {
                    let at = call.reported_at.clone().unwrap_or(ReportedAt {
                        at: decl.header,
                        here: "in this module",
                        source: "the module's source",
                    });
                    (installed.clone(), Some(at))
                }
                None => continue,
            }
        };
        // A module called with `count` or `for_each` is evaluated once per instance.
        for instance in instances(decl.body, decl.file, &scope) {
            let instance_scope = scope.with_bindings(instance.bindings);
            let mut child_inputs = HashMap::new();
            for (name, expr) in decl.body.attributes() {
                if matches!(
                    name,
                    "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
                ) {
                    continue;
                }
                child_inputs.insert(
                    name.to_string(),
                    Input {
                        alternatives: instance_scope.eval_expr(expr, decl.file, &instance.scenario),
                        origin: ParameterOrigin::Supplied,
                    },
                );
            }
            let child_call = Call {
                prefix: format!("{prefix}module.{}{}.", decl.name, instance.suffix),
                key: key.clone(),
                reported_at: reported_at.clone(),
                remote: call.remote,
            };
            lower_module(&child, modules, &child_inputs, &child_call, stack, model);
        }
    }
    stack.pop();
}

/// Lowers a root module (and the local modules it calls) to the model.
pub fn lower_root<'a>(dir: &Path, modules: &Modules<'a>, root_inputs: &RootInputs<'a>) -> Model {
    let mut model = Model::default();
    let Some(files) = modules.get(dir) else {
        return model;
    };
    let module = Module::new(files);
    let empty = HashMap::new();
    let mut inputs: HashMap<String, Input<'a>> = HashMap::new();
    for file in &root_inputs.var_files {
        for attr in file.body.attributes() {
            // Values in var files are literals; evaluate them with the file's own text.
            let file_module = Module::new(&[*file]);
            let file_scope = Scope {
                module: &file_module,
                inputs: &empty,
                bindings: Vec::new(),
                prefix: String::new(),
            };
            let alternatives = file_scope.eval(&attr.value, file.id.into(), &Scenario::always());
            inputs.insert(
                attr.key.as_str().to_string(),
                Input {
                    alternatives,
                    origin: ParameterOrigin::Supplied,
                },
            );
        }
    }
    for (name, value) in &root_inputs.vars {
        let declared = module.variables.get(name.as_str());
        let is_string = declared.is_none_or(|d| d.type_text.is_empty() || d.type_text == "string");
        let value = if is_string {
            Resolved::Text(value.clone())
        } else {
            Resolved::Unknown(format!(
                "`-var {name}=...` of a type other than string is not evaluated; use a var file"
            ))
        };
        let at = declared
            .map(|d| Span::new(d.file, Default::default()))
            .unwrap_or(Span::new(FileId(0), Default::default()));
        inputs.insert(
            name.clone(),
            Input {
                alternatives: vec![Alt {
                    scenario: Scenario::always(),
                    value,
                    provenance: Provenance::Parameter {
                        at,
                        name: name.clone(),
                        value_at: None,
                        origin: ParameterOrigin::Supplied,
                        input: InputKind::Variable,
                        hidden: false,
                    },
                }],
                origin: ParameterOrigin::Supplied,
            },
        );
    }
    let root_call = Call {
        prefix: String::new(),
        key: String::new(),
        reported_at: None,
        remote: &root_inputs.remote_modules,
    };
    lower_module(
        dir,
        modules,
        &inputs,
        &root_call,
        &mut Vec::new(),
        &mut model,
    );
    model
}
