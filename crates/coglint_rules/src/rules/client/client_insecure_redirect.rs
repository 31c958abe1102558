use std::net::{Ipv4Addr, Ipv6Addr};

use coglint_model::{Check, Model};

use crate::{declare_rule, Context, Described, Rule, Severity};

declare_rule! {
    /// ## What it does
    /// Flags an app client whose `CallbackURLs`, `LogoutURLs` or `DefaultRedirectURI` hold a
    /// URL that uses `http://` to a host that is not the local machine (`localhost`,
    /// `127.0.0.0/8`, `[::1]`), and, with low severity, one left at the placeholder
    /// `https://example.com`. The finding points at the URL in the list.
    ///
    /// ## Why is this bad?
    /// The authorization code (or, with the implicit grant, the tokens) travels to the callback
    /// URL. Over plain HTTP anyone on the network path, a public Wi-Fi or a proxy, reads it and
    /// exchanges it for the user's tokens; a logout redirect over HTTP can be rewritten to send
    /// the user to a look-alike sign-in page. A placeholder domain the team does not own sends
    /// codes to whoever does. Loopback addresses are exempt: native apps and local development
    /// use them, and the traffic never leaves the machine.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   WebClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AllowedOAuthFlowsUserPoolClient: true
    ///       AllowedOAuthFlows: [code]
    ///       AllowedOAuthScopes: [openid]
    ///       CallbackURLs: [http://app.example.org/callback]
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   WebClient:
    ///     Type: AWS::Cognito::UserPoolClient
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       AllowedOAuthFlowsUserPoolClient: true
    ///       AllowedOAuthFlows: [code]
    ///       AllowedOAuthScopes: [openid]
    ///       CallbackURLs: [https://app.example.org/callback, http://localhost:3000/callback]
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: use `https://` URLs of your own domain in `CallbackURLs`, `LogoutURLs` and `DefaultRedirectURI`.
    /// - Terraform: the same in `callback_urls`, `logout_urls` and `default_redirect_uri`.
    /// - CDK: `oAuth: { callbackUrls: ['https://app.example.org/callback'], logoutUrls: [...] }`.
    ///
    /// ## References
    /// - [RFC 9700, OAuth 2.0 Security Best Current Practice, 2.1](https://www.rfc-editor.org/rfc/rfc9700#section-2.1)
    /// - [CreateUserPoolClient: CallbackURLs](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html)
    pub ClientInsecureRedirect {
        code: "COG309",
        name: "client-insecure-redirect",
        severity: Medium,
        category: AppClients,
        summary: "A callback, logout or default redirect URL uses http:// to a host that is not loopback, or is the placeholder https://example.com",
        fix: "use `https://` URLs of a domain you own for callback, logout and default redirect URLs",
        cdk_fix: "oAuth: { callbackUrls: ['https://app.example.org/callback'] }",
        related: [],
    }
}

/// What is wrong with a redirect URL.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Problem {
    /// Plain HTTP to a host other than the local machine.
    Http,
    /// The documentation placeholder `example.com`.
    Placeholder,
}

/// The host of `url` if it has the given scheme (lowercase), without user info or port.
fn host<'u>(url: &'u str, scheme: &str) -> Option<&'u str> {
    let url = url.trim();
    let rest = url
        .get(..scheme.len())
        .filter(|s| s.eq_ignore_ascii_case(scheme))
        .and_then(|_| url.get(scheme.len()..))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(bracketed) = authority.strip_prefix('[') {
        return bracketed.split(']').next();
    }
    authority.split(':').next()
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || host.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback())
}

fn problem(url: &str) -> Option<Problem> {
    if host(url, "http://").is_some_and(|h| !is_loopback(h)) {
        return Some(Problem::Http);
    }
    let placeholder = |h: &str| {
        let h = h.trim_end_matches('.');
        h.eq_ignore_ascii_case("example.com") || h.eq_ignore_ascii_case("www.example.com")
    };
    host(url, "https://")
        .is_some_and(placeholder)
        .then_some(Problem::Placeholder)
}

/// The worst URL of a list, first in the list among equals.
fn worst<'a, I: Iterator<Item = &'a str>>(urls: I) -> Option<(usize, Problem)> {
    urls.enumerate()
        .filter_map(|(i, u)| problem(u).map(|p| (i, p)))
        .min_by_key(|(i, p)| (*p, *i))
}

fn describe(client: &str, what: &str, url: &str) -> Described {
    match problem(url) {
        Some(Problem::Placeholder) => Described::new(
            format!("app client `{client}` redirects to the placeholder domain example.com ({what})"),
            format!("`{url}`"),
        )
        .with_severity(Severity::Low),
        _ => Described::new(
            format!(
                "app client `{client}` redirects over plain HTTP ({what}): what it carries can be read or changed on the way"
            ),
            format!("`{url}`"),
        ),
    }
}

impl Rule for ClientInsecureRedirect {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for client in &model.clients {
            let name = client.meta.display_name();
            for (field, what, noun) in [
                (&client.callback_urls, "the callback URLs", "callback URL"),
                (&client.logout_urls, "the logout URLs", "logout URL"),
            ] {
                let verdict =
                    field.check(|urls| match worst(urls.iter().map(|u| u.value.as_str())) {
                        Some((i, _)) => urls[i].at.map_or(Check::Fail, Check::FailAt),
                        None => Check::Pass,
                    });
                ctx.report(&client.meta, what, verdict, |urls| {
                    let url = worst(urls.iter().map(|u| u.value.as_str()))
                        .map(|(i, _)| urls[i].value.as_str())
                        .unwrap_or_default();
                    describe(name, noun, url).item()
                });
            }
            let verdict = client
                .default_redirect_uri
                .fails_when(|uri| uri.as_deref().and_then(problem).is_some());
            ctx.report(&client.meta, "the default redirect URI", verdict, |uri| {
                describe(
                    name,
                    "default redirect URI",
                    uri.as_deref().unwrap_or_default(),
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_flagged_except_to_the_local_machine() {
        for url in [
            "http://app.example.org/callback",
            "HTTP://app.example.org",
            "http://10.0.0.5:8080/cb",
            "http://user@evil.example.net/cb",
            "http://localhost.example.net/cb",
        ] {
            assert!(problem(url) == Some(Problem::Http), "{url}");
        }
        for url in [
            "http://localhost:3000/callback",
            "http://127.0.0.1/cb",
            "http://127.8.9.10:80/cb",
            "http://[::1]:8080/cb",
            "https://app.example.org/callback",
            "myapp://callback",
            "com.example.app:/oauth2redirect",
        ] {
            assert!(problem(url).is_none(), "{url}");
        }
    }

    #[test]
    fn the_placeholder_domain_is_flagged() {
        assert!(problem("https://example.com") == Some(Problem::Placeholder));
        assert!(problem("https://www.example.com/callback") == Some(Problem::Placeholder));
        assert!(problem("https://example.com.evil.net/").is_none());
    }
}
