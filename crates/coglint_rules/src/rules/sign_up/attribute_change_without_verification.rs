use coglint_model::{Item, Model, UserAttribute, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool where `email` or `phone_number` signs users in (a username attribute
    /// or an alias) or receives their codes (an automatically verified attribute), and
    /// `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate` does not list
    /// it. Without that setting (the default), a new email address or phone number takes effect
    /// as soon as it is written, before anyone proves they own it.
    ///
    /// An attribute whose schema entry says `Mutable: false` (Terraform `mutable = false`) is not
    /// flagged: nobody can change it after the account is created. An attribute the schema does
    /// not list is mutable, as AWS makes every standard attribute.
    ///
    /// ## Why is this bad?
    /// Anyone holding a user's session (a stolen access token, an unattended browser) can call
    /// `UpdateUserAttributes` and replace the email address or phone number with their own. The
    /// new value immediately becomes the way to sign in and the place where password-reset and
    /// MFA codes go, so the attacker can reset the password and lock the owner out. Requiring
    /// verification keeps the old value in force until the new one is confirmed.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UsernameAttributes: [email]
    ///       AutoVerifiedAttributes: [email]
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       UsernameAttributes: [email]
    ///       AutoVerifiedAttributes: [email]
    ///       UserAttributeUpdateSettings:
    ///         AttributesRequireVerificationBeforeUpdate: [email]
    /// ```
    ///
    /// AWS accepts only automatically verified attributes in this list: add the attribute to
    /// `AutoVerifiedAttributes` too if it is not there yet.
    ///
    /// ## How to fix
    /// - CloudFormation: `UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [email] }`
    ///   (with `email` in `AutoVerifiedAttributes`).
    /// - Terraform: `user_attribute_update_settings { attributes_require_verification_before_update = ["email"] }`
    ///   (with `auto_verified_attributes = ["email"]`).
    /// - CDK: `keepOriginal: { email: true }` (with `autoVerify: { email: true }`).
    ///
    /// ## References
    /// - [UserAttributeUpdateSettingsType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserAttributeUpdateSettingsType.html)
    /// - [Verifying updates to email addresses and phone numbers](https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html)
    pub AttributeChangeWithoutVerification {
        code: "COG503",
        name: "attribute-change-without-verification",
        severity: Medium,
        category: SignUp,
        summary: "An email or phone number that signs users in or receives codes changes without verification",
        fix: "list the attribute in `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate` (Terraform `user_attribute_update_settings { attributes_require_verification_before_update = [...] }`)",
        cdk_fix: "keepOriginal: { email: true, phone: true }",
        related: [],
    }
}

/// The attributes whose change can hand an account over.
const CONTACT_ATTRIBUTES: [UserAttribute; 2] = [UserAttribute::Email, UserAttribute::PhoneNumber];

fn lists(items: &[Item<UserAttribute>], attribute: UserAttribute) -> bool {
    items.iter().any(|i| i.value == attribute)
}

impl Rule for AttributeChangeWithoutVerification {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // The contact attributes that sign users in or receive their codes.
            let identifying = pool
                .username_attributes
                .zip(&pool.alias_attributes, |username, alias| {
                    CONTACT_ATTRIBUTES
                        .into_iter()
                        .filter(|a| lists(username, *a) || lists(alias, *a))
                        .collect::<Vec<_>>()
                })
                .zip(&pool.auto_verified_attributes, |sign_in, verified| {
                    CONTACT_ATTRIBUTES
                        .into_iter()
                        .filter(|a| sign_in.contains(a) || lists(verified, *a))
                        .collect::<Vec<_>>()
                });
            // (what is protected, what is exposed), located at the protection setting.
            let exposed = pool.attributes_require_verification_before_update.zip(
                &identifying,
                |protected, identifying| {
                    let exposed: Vec<UserAttribute> = identifying
                        .iter()
                        .copied()
                        .filter(|a| !lists(protected, *a))
                        .collect();
                    let protected: Vec<UserAttribute> = protected.iter().map(|i| i.value).collect();
                    (protected, exposed)
                },
            );
            // An attribute the schema makes immutable cannot be changed, verified or not. Asked
            // only when something is exposed, so that an unreadable schema is undecided only
            // where it matters.
            let any_exposed = exposed
                .alternatives()
                .iter()
                .any(|a| !matches!(&a.value, Value::Known((_, exposed)) if exposed.is_empty()));
            if !any_exposed {
                continue;
            }
            let mutable = pool.attribute_mutable(UserAttribute::Email.as_str()).zip(
                &pool.attribute_mutable(UserAttribute::PhoneNumber.as_str()),
                |email, phone| (*email, *phone),
            );
            let exposed = exposed.zip(&mutable, |(protected, exposed), (email, phone)| {
                let exposed: Vec<UserAttribute> = exposed
                    .iter()
                    .copied()
                    .filter(|a| match a {
                        UserAttribute::Email => *email,
                        UserAttribute::PhoneNumber => *phone,
                        _ => true,
                    })
                    .collect();
                (protected.clone(), exposed)
            });
            let verdict = exposed.fails_when(|(_, exposed)| !exposed.is_empty());
            ctx.report(&pool.meta, "verification before update", verdict, |(protected, exposed)| {
                let names = |attributes: &[UserAttribute]| {
                    attributes
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                Described::new(
                    format!(
                        "user pool `{}` applies a new `{}` before it is verified, though it signs users in or receives their codes",
                        pool.meta.display_name(),
                        exposed.iter().map(|a| a.as_str()).collect::<Vec<_>>().join("` or `"),
                    ),
                    format!("`[{}]`", names(protected)),
                )
            });
        }
    }
}
