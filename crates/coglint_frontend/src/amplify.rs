//! Amplify CLI auth resources. Since CLI 7 a project may commit only
//! `amplify/backend/auth/<resource>/cli-inputs.json`: the CLI builds the CloudFormation template
//! from it at push time, into the git-ignored `build/`. This module builds that template again,
//! as a located tree whose nodes point at the cli-inputs keys and values they come from.
//!
//! Sources (aws-amplify/amplify-cli, `packages/amplify-category-auth/src/provider-utils/
//! awscloudformation/`): `auth-stack-builder/auth-stack-transform.ts` (cognitoConfig to stack
//! props; one stack parameter per key present), `auth-stack-builder/auth-cognito-stack-builder.ts`
//! (the resources), `utils/configure-sms.ts` (when SMS is set up),
//! `schemas/awsCognito/CognitoCLIInputs.schema.json`. Key -> resource.property:
//!
//! - `authSelections`: `identityPoolOnly` has no UserPool nor clients; `identityPoolAndUserPool`
//!   and `identityPoolOnly` add IdentityPool and IdentityPoolRoleMap; otherwise (`userPoolOnly`,
//!   omitted) no identity pool.
//! - `mfaConfiguration` -> UserPool.MfaConfiguration. `mfaTypes` -> UserPool.EnabledMfas when MFA
//!   is not `OFF`: `SMS_MFA` when SMS is set up, `SOFTWARE_TOKEN_MFA` when it lists `TOTP`.
//! - SMS is set up (UserPool.SmsConfiguration, ExternalId
//!   `<resourceNameTruncated>_role_external_id`, and the SNSRole requiring it) when
//!   `phone_number` is auto-verified, required or a username attribute, or MFA is not `OFF` and
//!   mfaTypes lists `SMS Text Message`.
//! - `passwordPolicyMinLength` -> PasswordPolicy.MinimumLength; `passwordPolicyCharacters` ->
//!   RequireLowercase/Numbers/Symbols/Uppercase, true when the list holds exactly
//!   `Requires Lowercase` ... (else false; omitted, the CLI throws).
//! - `usernameCaseSensitive` -> UsernameConfiguration.CaseSensitive (omitted: not set).
//! - `requiredAttributes` -> Schema `{Name, Required: true, Mutable: true}`.
//! - `autoVerifiedAttributes` + `aliasAttributes`, kept to email/phone_number, deduplicated ->
//!   AutoVerifiedAttributes and UserAttributeUpdateSettings (omitted: neither).
//! - `aliasAttributes` (not empty) -> AliasAttributes; `usernameAttributes` (first item not
//!   `username`) -> UsernameAttributes; both as comma-delimited list parameters.
//! - `triggers` -> LambdaConfig (directly, or by a custom resource with `breakcirculardependency`).
//! - `userpoolClientRefreshTokenValidity` -> RefreshTokenValidity of both clients, in days;
//!   `userpoolClientGenerateSecret` -> UserPoolClient.GenerateSecret (UserPoolClientWeb has none);
//!   `userpoolClientRead/WriteAttributes` -> both clients, only with `userpoolClientSetAttributes`.
//! - `oAuthMetadata` (a string of JSON) -> AllowedOAuthFlows, AllowedOAuthScopes, CallbackURLs,
//!   LogoutURLs of both clients, with AllowedOAuthFlowsUserPoolClient true and
//!   SupportedIdentityProviders (`hostedUIProviderMeta` names, COGNITO). No resource reads
//!   `hostedUI`.
//! - `allowUnauthenticatedIdentities` -> IdentityPool.AllowUnauthenticatedIdentities.
//! - `userPoolGroups` true or `userPoolGroupList` not empty -> IdentityPoolRoleMap.RoleMappings
//!   for both clients, `Type: Token`, `AmbiguousRoleResolution: AuthenticatedRole`.
//! - `thirdPartyAuth`/`authProviders`/`audiences` (login providers), `hostedUIDomainName` and
//!   `hostedUIProviderMeta` (custom resources), `adminQueries` (an API and a function in other
//!   categories): nothing the model reads.
//!
//! Always: clients `UserPoolClientWeb` and `UserPoolClient` on `{Ref: UserPool}` without
//! ExplicitAuthFlows, PreventUserExistenceErrors, access/ID token validity or revocation; a pool
//! without DeletionProtection, UserPoolAddOns, AdminCreateUserConfig, AccountRecoverySetting or
//! tier; an identity pool trusting both clients without ServerSideTokenCheck, its roles the root
//! stack's. A parameter key that is omitted leaves a `Ref` to an undeclared parameter: the
//! deployment fails, so here too the value is unknown (a `Ref` to the key's name).

use coglint_source::{Span, TextRange};
use coglint_syntax::{parse_json, Entry, Key, Limits, Node, NodeKind, Scalar, ScalarStyle};

/// A mapping located at `at`, each key where its value is: `obj! {at; "Ref" => name}`.
macro_rules! obj {
    ($at:expr; $($key:literal => $value:expr),* $(,)?) => { map($at, vec![$(($key, $value)),*]) };
}

/// The Amplify CLI feature flags (amplify/cli.json, `features.auth`) that change the auth stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthFlags {
    /// `useenabledmfas`: true in projects created since late 2021. When false, a custom resource
    /// sets MFA with SMS always enabled, and the pool is always configured for SMS.
    pub use_enabled_mfas: bool,
}

impl Default for AuthFlags {
    fn default() -> Self {
        Self {
            use_enabled_mfas: true,
        }
    }
}

/// The CloudFormation template the Amplify CLI generates from an auth resource's
/// cli-inputs.json, as a located tree whose every node points at the cli-inputs key or value it
/// comes from (so findings land on the key the user edits). None when the document is not an
/// auth cli-inputs (no `cognitoConfig`).
pub fn auth_template(root: &Node) -> Option<Node> {
    auth_template_with(root, AuthFlags::default())
}

/// [`auth_template`] for a project with the given feature flags.
pub fn auth_template_with(root: &Node, flags: AuthFlags) -> Option<Node> {
    let entry = root.entry("cognitoConfig")?;
    entry.value.entries()?;
    let c = Config {
        node: &entry.value,
        at: entry.key.span(),
    };
    let mut resources = Vec::new();
    let selection = c.get("authSelections").and_then(Node::as_str);
    if selection != Some("identityPoolOnly") {
        user_pool(&c, flags, &mut resources);
    }
    if let Some(s @ ("identityPoolAndUserPool" | "identityPoolOnly")) = selection {
        identity_pool(&c, s == "identityPoolAndUserPool", &mut resources);
    }
    let at = c.at;
    let mut template = obj! {at;
        "AWSTemplateFormatVersion" => text("2010-09-09", at),
        "Resources" => map(at, resources),
    };
    template.range = root.range;
    Some(template)
}

type Props = Vec<(&'static str, Node)>;

/// The `cognitoConfig` object, and the span of its key where constants are located.
struct Config<'a> {
    node: &'a Node,
    at: Span,
}

impl<'a> Config<'a> {
    /// A key's value; `null` counts as omitted.
    fn get(&self, key: &str) -> Option<&'a Node> {
        let not_null = |n: &&Node| !n.scalar().is_some_and(Scalar::is_null);
        self.node.get(key).filter(not_null)
    }

    /// A key's value when JavaScript reads it as true.
    fn truthy(&self, key: &str) -> Option<&'a Node> {
        self.get(key).filter(|n| truthy(n))
    }

    /// A list key's value when it has items.
    fn list(&self, key: &str) -> Option<&'a Node> {
        self.get(key)
            .filter(|n| n.items().is_some_and(|i| !i.is_empty()))
    }

    /// The item of a list key that is exactly `value` (JavaScript's `includes`).
    fn item(&self, key: &str, value: &str) -> Option<&'a Node> {
        includes(self.get(key)?, value)
    }

    /// The value of a key the CLI hands to the stack as a parameter; omitted, the `Ref` to the
    /// parameter the CLI then leaves undeclared.
    fn param(&self, key: &'static str) -> Node {
        self.get(key)
            .cloned()
            .unwrap_or_else(|| reference(key, self.at))
    }
}

fn truthy(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Scalar(s) => match s.style {
            ScalarStyle::Bool => s.text == "true",
            ScalarStyle::Null => false,
            ScalarStyle::Number => s.text.parse::<f64>().is_ok_and(|v| v != 0.0),
            ScalarStyle::Plain | ScalarStyle::Quoted => !s.text.is_empty(),
        },
        _ => true,
    }
}

/// JavaScript's `includes` on a list (an item equal to `value`) or a string (a substring).
fn includes<'n>(node: &'n Node, value: &str) -> Option<&'n Node> {
    match &node.kind {
        NodeKind::Sequence(items) => items.iter().find(|i| i.as_str() == Some(value)),
        NodeKind::Scalar(s) if s.text.contains(value) => Some(node),
        _ => None,
    }
}

fn user_pool(c: &Config<'_>, flags: AuthFlags, out: &mut Props) {
    let at = c.at;
    let characters = c.get("passwordPolicyCharacters");
    let class = |name: &str| match characters {
        Some(list) => {
            includes(list, name).map_or(flag(false, list.span()), |i| flag(true, i.span()))
        }
        // `passwordPolicyCharacters!.includes` throws: nothing is deployed.
        None => reference("passwordPolicyCharacters", at),
    };
    let policy = obj! {at;
        "MinimumLength" => c.param("passwordPolicyMinLength"),
        "RequireLowercase" => class("Requires Lowercase"),
        "RequireNumbers" => class("Requires Numbers"),
        "RequireSymbols" => class("Requires Symbols"),
        "RequireUppercase" => class("Requires Uppercase"),
    };
    let mut pool: Props = vec![("Policies", obj! {at; "PasswordPolicy" => policy})];
    if let Some(v) = c.get("usernameCaseSensitive") {
        pool.push((
            "UsernameConfiguration",
            obj! {v.span(); "CaseSensitive" => v.clone()},
        ));
    }
    if let Some(list) = c.list("requiredAttributes") {
        let attribute = |item: &Node| {
            let at = item.span();
            let yes = flag(true, at);
            obj! {at; "Name" => item.clone(), "Required" => yes.clone(), "Mutable" => yes}
        };
        let attributes = list.items().unwrap_or(&[]).iter().map(attribute);
        pool.push(("Schema", seq(list.span(), attributes.collect())));
    }
    if let Some(triggers) = c.truthy("triggers").and_then(embedded) {
        let set = |e: &Entry| {
            let property = TRIGGERS.iter().find(|(key, _)| *key == e.key.text)?.1;
            Some((property, text(&e.key.text, e.key.span())))
        };
        let config: Props = triggers
            .entries()
            .unwrap_or(&[])
            .iter()
            .filter_map(set)
            .collect();
        if !config.is_empty() {
            pool.push(("LambdaConfig", map(triggers.span(), config)));
        }
    }
    if let Some(auto) = c.get("autoVerifiedAttributes") {
        let alias = c
            .get("aliasAttributes")
            .and_then(Node::items)
            .unwrap_or(&[]);
        let mut verified: Vec<Node> = Vec::new();
        for item in auto.items().unwrap_or(&[]).iter().chain(alias) {
            let name = item.as_str();
            let new = !verified.iter().any(|v| v.as_str() == name);
            if matches!(name, Some("email" | "phone_number")) && new {
                verified.push(item.clone());
            }
        }
        if !verified.is_empty() {
            let list = seq(auto.span(), verified);
            let update =
                obj! {auto.span(); "AttributesRequireVerificationBeforeUpdate" => list.clone()};
            pool.extend([
                ("AutoVerifiedAttributes", list),
                ("UserAttributeUpdateSettings", update),
            ]);
        }
    }
    if let Some(list) = c.get("usernameAttributes") {
        let first = list.items().and_then(|i| i.first()).and_then(Node::as_str);
        let items = delimited(list);
        if first != Some("username") && !items.is_empty() {
            pool.push(("UsernameAttributes", seq(list.span(), items)));
        }
    }
    if let Some(list) = c.list("aliasAttributes") {
        pool.push(("AliasAttributes", seq(list.span(), delimited(list))));
    }
    pool.push(("MfaConfiguration", c.param("mfaConfiguration")));
    let mfa_on = c.get("mfaConfiguration").and_then(Node::as_str) != Some("OFF");
    let sms_text = c.item("mfaTypes", "SMS Text Message");
    // `configureSmsOption`: the first reason the pool is set up to send SMS.
    let sms = c
        .item("autoVerifiedAttributes", "phone_number")
        .or(sms_text.filter(|_| mfa_on))
        .or_else(|| c.item("requiredAttributes", "phone_number"))
        .or_else(|| c.item("usernameAttributes", "phone_number"));
    if mfa_on {
        let sms_factor = match flags.use_enabled_mfas {
            true => sms.map(Node::span),
            // The MFA custom resource always sends an SMS MFA configuration.
            false => Some(sms_text.map_or(at, Node::span)),
        };
        let mut factors: Vec<Node> = sms_factor.map(|s| text("SMS_MFA", s)).into_iter().collect();
        if let Some(totp) = c.item("mfaTypes", "TOTP") {
            factors.push(text("SOFTWARE_TOKEN_MFA", totp.span()));
        }
        if !factors.is_empty() {
            let list_at = c.get("mfaTypes").map_or(at, Node::span);
            pool.push(("EnabledMfas", seq(list_at, factors)));
        }
    }
    if !flags.use_enabled_mfas || sms.is_some() {
        let sms_at = sms.map_or(at, Node::span);
        let name = c.get("resourceNameTruncated");
        let id = format!(
            "{}_role_external_id",
            name.and_then(Node::as_str).unwrap_or("undefined")
        );
        let id = text(&id, name.map_or(at, Node::span));
        let configuration = obj! {sms_at;
            "ExternalId" => id.clone(),
            "SnsCallerArn" => get_att("SNSRole", "Arn", sms_at),
        };
        pool.push(("SmsConfiguration", configuration));
        out.push(("SNSRole", sns_role(id, at)));
    }
    out.push(("UserPool", resource("AWS::Cognito::UserPool", at, pool)));
    let oauth = oauth(c);
    for (name, secret) in [("UserPoolClientWeb", false), ("UserPoolClient", true)] {
        let mut client: Props = vec![
            ("UserPoolId", reference("UserPool", at)),
            (
                "TokenValidityUnits",
                obj! {at; "RefreshToken" => text("days", at)},
            ),
            (
                "RefreshTokenValidity",
                c.param("userpoolClientRefreshTokenValidity"),
            ),
        ];
        if secret {
            client.push(("GenerateSecret", c.param("userpoolClientGenerateSecret")));
        }
        if c.truthy("userpoolClientSetAttributes").is_some() {
            let lists = [
                ("userpoolClientReadAttributes", "ReadAttributes"),
                ("userpoolClientWriteAttributes", "WriteAttributes"),
            ];
            for (key, property) in lists {
                if let Some(list) = c.get(key).filter(|l| l.items().is_some()) {
                    client.push((property, seq(list.span(), delimited(list))));
                }
            }
        }
        client.extend(oauth.iter().cloned());
        out.push((name, resource("AWS::Cognito::UserPoolClient", at, client)));
    }
}

/// cli-inputs trigger names and the `LambdaConfig` property each sets.
const TRIGGERS: [(&str, &str); 9] = [
    ("CreateAuthChallenge", "CreateAuthChallenge"),
    ("CustomMessage", "CustomMessage"),
    ("DefineAuthChallenge", "DefineAuthChallenge"),
    ("PostAuthentication", "PostAuthentication"),
    ("PostConfirmation", "PostConfirmation"),
    ("PreAuthentication", "PreAuthentication"),
    ("PreSignup", "PreSignUp"),
    ("PreTokenGeneration", "PreTokenGeneration"),
    ("VerifyAuthChallengeResponse", "VerifyAuthChallengeResponse"),
];

/// The OAuth settings both clients get from `oAuthMetadata`.
fn oauth(c: &Config<'_>) -> Props {
    const KEYS: [&str; 4] = [
        "AllowedOAuthScopes",
        "AllowedOAuthFlows",
        "CallbackURLs",
        "LogoutURLs",
    ];
    let Some(node) = c.truthy("oAuthMetadata") else {
        return Vec::new();
    };
    let at = node.span();
    let mut props: Props = vec![("AllowedOAuthFlowsUserPoolClient", flag(true, at))];
    let Some(metadata) = embedded(node) else {
        // The CLI's JSON.parse throws: nothing is deployed.
        props.extend(KEYS.map(|key| (key, reference("oAuthMetadata", at))));
        return props;
    };
    let present = |v: &&Node| !v.scalar().is_some_and(Scalar::is_null);
    props.extend(
        KEYS.iter()
            .filter_map(|k| Some((*k, metadata.get(k).filter(present)?.clone()))),
    );
    let providers = c.truthy("hostedUIProviderMeta").and_then(embedded);
    let providers = providers.as_ref().and_then(Node::items).unwrap_or(&[]);
    let mut names: Vec<Node> = providers
        .iter()
        .filter_map(|p| p.get("ProviderName").cloned())
        .collect();
    names.push(text("COGNITO", at));
    props.push(("SupportedIdentityProviders", seq(at, names)));
    props
}

fn identity_pool(c: &Config<'_>, with_user_pool: bool, out: &mut Props) {
    let at = c.at;
    let guests = c.param("allowUnauthenticatedIdentities");
    let mut pool: Props = vec![("AllowUnauthenticatedIdentities", guests)];
    if with_user_pool {
        // The CLI writes the provider name with `Fn::Sub` from `Ref: UserPool`: the same text as
        // the pool's `ProviderName` attribute, which also links the pool.
        let provider = |client| {
            obj! {at;
                "ClientId" => reference(client, at),
                "ProviderName" => get_att("UserPool", "ProviderName", at),
            }
        };
        let providers = vec![provider("UserPoolClient"), provider("UserPoolClientWeb")];
        pool.push(("CognitoIdentityProviders", seq(at, providers)));
    }
    out.push((
        "IdentityPool",
        resource("AWS::Cognito::IdentityPool", at, pool),
    ));
    let roles = obj! {at;
        "unauthenticated" => reference("unauthRoleArn", at),
        "authenticated" => reference("authRoleArn", at),
    };
    let mut attachment: Props = vec![
        ("IdentityPoolId", reference("IdentityPool", at)),
        ("Roles", roles),
    ];
    if let Some(groups) = c
        .truthy("userPoolGroups")
        .or_else(|| c.list("userPoolGroupList"))
    {
        let at = groups.span();
        let mapping = |client: &str| {
            let provider =
                format!("cognito-idp.${{AWS::Region}}.amazonaws.com/${{UserPool}}:${{{client}}}");
            obj! {at;
                "IdentityProvider" => obj! {at; "Fn::Sub" => text(&provider, at)},
                "AmbiguousRoleResolution" => text("AuthenticatedRole", at),
                "Type" => text("Token", at),
            }
        };
        let mappings = obj! {at;
            "UserPoolClientRoleMapping" => mapping("UserPoolClient"),
            "UserPoolWebClientRoleMapping" => mapping("UserPoolClientWeb"),
        };
        attachment.push(("RoleMappings", mappings));
    }
    let attachment = resource("AWS::Cognito::IdentityPoolRoleAttachment", at, attachment);
    out.push(("IdentityPoolRoleMap", attachment));
}

/// The role Cognito assumes to send SMS: trusted by cognito-idp with the pool's external ID.
fn sns_role(external_id: Node, at: Span) -> Node {
    let document = |statement: Node| {
        obj! {at; "Version" => text("2012-10-17", at), "Statement" => seq(at, vec![statement])}
    };
    let trust = obj! {at;
        "Effect" => text("Allow", at),
        "Principal" => obj! {at; "Service" => text("cognito-idp.amazonaws.com", at)},
        "Action" => seq(at, vec![text("sts:AssumeRole", at)]),
        "Condition" => obj! {at; "StringEquals" => obj! {at; "sts:ExternalId" => external_id}},
    };
    let publish = obj! {at;
        "Effect" => text("Allow", at),
        "Action" => seq(at, vec![text("sns:Publish", at)]),
        "Resource" => text("*", at),
    };
    let policy =
        obj! {at; "PolicyName" => text("sns-policy", at), "PolicyDocument" => document(publish)};
    let properties = vec![
        ("AssumeRolePolicyDocument", document(trust)),
        ("Policies", seq(at, vec![policy])),
    ];
    resource("AWS::IAM::Role", at, properties)
}

/// The items of a list the CLI passes as a `CommaDelimitedList` parameter: joined with commas,
/// then split and trimmed by CloudFormation, so `["email, phone_number"]` is two attributes,
/// each located in its item.
fn delimited(list: &Node) -> Vec<Node> {
    let mut out = Vec::new();
    for item in list.items().unwrap_or(&[]) {
        let Some(s) = item.scalar() else { continue };
        // A string written without escapes: its pieces can be located exactly.
        let exact = item.range.len() as usize == s.text.len() + 2;
        let mut start = item.range.start as usize + 1;
        for piece in s.text.split(',') {
            let name = piece.trim();
            let from = start + piece.len() - piece.trim_start().len();
            let range = TextRange::from_usize(from, from + name.len());
            let at = if exact {
                Span::new(item.file, range)
            } else {
                item.span()
            };
            start += piece.len() + 1;
            if !name.is_empty() {
                out.push(text(name, at));
            }
        }
    }
    out
}

/// A value the CLI reads as JSON: an object or list written as such, or a string holding JSON
/// (`oAuthMetadata`), parsed and located inside the string. None when it is not JSON.
fn embedded(node: &Node) -> Option<Node> {
    let s = match &node.kind {
        NodeKind::Scalar(s) if s.style == ScalarStyle::Quoted => s,
        NodeKind::Scalar(_) => return None,
        _ => return Some(node.clone()),
    };
    let mut inner = parse_json(node.file, &s.text, Limits::default()).ok()?.root;
    let offsets = raw_offsets(&s.text, node.range.len().saturating_sub(2));
    relocate(&mut inner, node.range, offsets.as_deref());
    Some(inner)
}

/// Where each byte of a string's value (and its end) sits in the string literal, quotes
/// excluded, assuming the escapes JSON.stringify writes (`\"`, `\\`, `\n` and the like,
/// `\u00XX` for other control characters). None when that does not give the literal's length.
fn raw_offsets(value: &str, literal_len: u32) -> Option<Vec<u32>> {
    let mut offsets = Vec::with_capacity(value.len() + 1);
    let mut raw: u32 = 0;
    for c in value.chars() {
        let len = c.len_utf8() as u32;
        let width = match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if c < ' ' => 6,
            _ => len,
        };
        offsets.extend((0..len).map(|k| if width == len { raw + k } else { raw }));
        raw = raw.saturating_add(width);
    }
    offsets.push(raw);
    (raw == literal_len).then_some(offsets)
}

/// Moves the ranges of a tree parsed from a string's value onto the string literal at `outer`
/// (onto the whole literal when `offsets` is None).
fn relocate(node: &mut Node, outer: TextRange, offsets: Option<&[u32]>) {
    let place = |r: TextRange| {
        let at = |offset: u32| offsets?.get(offset as usize).map(|o| outer.start + 1 + o);
        at(r.start)
            .zip(at(r.end))
            .map_or(outer, |(s, e)| TextRange::new(s, e))
    };
    node.range = place(node.range);
    match &mut node.kind {
        NodeKind::Mapping(entries) => entries.iter_mut().for_each(|e| {
            e.key.range = place(e.key.range);
            relocate(&mut e.value, outer, offsets);
        }),
        NodeKind::Sequence(items) => items.iter_mut().for_each(|i| relocate(i, outer, offsets)),
        NodeKind::Scalar(_) => {}
    }
}

fn scalar(value: &str, style: ScalarStyle, at: Span) -> Node {
    let kind = NodeKind::Scalar(Scalar {
        text: value.to_string(),
        style,
    });
    Node {
        file: at.file,
        range: at.range,
        kind,
    }
}

fn text(value: &str, at: Span) -> Node {
    scalar(value, ScalarStyle::Quoted, at)
}

fn flag(value: bool, at: Span) -> Node {
    scalar(if value { "true" } else { "false" }, ScalarStyle::Bool, at)
}

/// A mapping at `at`; each key is located where its value is.
fn map(at: Span, entries: Props) -> Node {
    let entry = |(key, value): (&str, Node)| Entry {
        key: Key {
            text: key.to_string(),
            file: value.file,
            range: value.range,
        },
        value,
    };
    let kind = NodeKind::Mapping(entries.into_iter().map(entry).collect());
    Node {
        file: at.file,
        range: at.range,
        kind,
    }
}

fn seq(at: Span, items: Vec<Node>) -> Node {
    Node {
        file: at.file,
        range: at.range,
        kind: NodeKind::Sequence(items),
    }
}

fn reference(name: &str, at: Span) -> Node {
    obj! {at; "Ref" => text(name, at)}
}

fn get_att(name: &str, attribute: &str, at: Span) -> Node {
    obj! {at; "Fn::GetAtt" => seq(at, vec![text(name, at), text(attribute, at)])}
}

fn resource(type_name: &str, at: Span, properties: Props) -> Node {
    obj! {at; "Type" => text(type_name, at), "Properties" => map(at, properties)}
}

#[cfg(test)]
mod tests;
