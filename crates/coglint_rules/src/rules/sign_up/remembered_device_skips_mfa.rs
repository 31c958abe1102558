use coglint_model::{MfaConfiguration, Model, Value};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool whose MFA is `ON` or `OPTIONAL` and whose device configuration sets
    /// `ChallengeRequiredOnNewDevice` to `true`. A pool without MFA (`OFF`), without a device
    /// configuration, or with `ChallengeRequiredOnNewDevice` false or omitted (AWS then uses
    /// `false`) is not flagged.
    ///
    /// ## Why is this bad?
    /// Despite its name, `ChallengeRequiredOnNewDevice` does not add a challenge. AWS documents
    /// it as: "When true, a remembered device can sign in with device authentication instead
    /// of SMS and time-based one-time password (TOTP) factors for multi-factor authentication
    /// (MFA)." With it, the second factor is asked once per device: afterwards, whoever holds
    /// the user's password and the device key of a remembered device (kept by the app in the
    /// browser's storage or on the phone) signs in without MFA. A device that is not remembered
    /// has to pass MFA either way ("Whether or not ChallengeRequiredOnNewDevice is true, users
    /// who sign in with devices that have not been confirmed or remembered must still provide
    /// a second factor in a user pool that requires MFA"), so `false` is the stricter value.
    ///
    /// Letting trusted devices skip MFA can be a deliberate trade of security for convenience;
    /// then suppress the finding with the reason. Without MFA there is no factor to skip, and
    /// the pool is not flagged (COG101 reports that).
    ///
    /// An earlier version of this rule, `new-device-without-challenge`, read the setting the
    /// other way round and asked for `true`; that name is still accepted.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    ///       DeviceConfiguration:
    ///         ChallengeRequiredOnNewDevice: true
    ///         DeviceOnlyRememberedOnUserPrompt: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       MfaConfiguration: "ON"
    ///       EnabledMfas: [SOFTWARE_TOKEN_MFA]
    ///       DeviceConfiguration:
    ///         ChallengeRequiredOnNewDevice: false
    ///         DeviceOnlyRememberedOnUserPrompt: true
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `DeviceConfiguration: { ChallengeRequiredOnNewDevice: false }`.
    /// - Terraform: `device_configuration { challenge_required_on_new_device = false }`.
    /// - CDK: `deviceTracking: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true }`.
    ///
    /// ## References
    /// - [AWS::Cognito::UserPool DeviceConfiguration](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-deviceconfiguration.html)
    ///   (`ChallengeRequiredOnNewDevice`)
    /// - [DeviceConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html)
    /// - [Working with user devices in your user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html):
    ///   remembered devices let users "no longer prompt for an MFA code at sign-in"
    pub RememberedDeviceSkipsMfa {
        code: "COG506",
        name: "remembered-device-skips-mfa",
        severity: Low,
        category: SignUp,
        group: Hardening,
        summary: "MFA is on or optional and ChallengeRequiredOnNewDevice is true: a remembered device signs in without the second factor",
        fix: "set `DeviceConfiguration.ChallengeRequiredOnNewDevice: false` (Terraform `device_configuration { challenge_required_on_new_device = false }`), or suppress with the reason if trusted devices may skip MFA",
        cdk_fix: "deviceTracking: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: true }",
        related: [],
        aliases: ["new-device-without-challenge"],
    }
}

impl Rule for RememberedDeviceSkipsMfa {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // Only `true` lets a device replace the second factor; ask about MFA only then, so
            // that an undecidable MFA setting is not listed where it cannot matter.
            let may_skip = pool
                .challenge_required_on_new_device
                .alternatives()
                .iter()
                .any(|a| !matches!(a.value, Value::Known(None | Some(false))));
            if !may_skip {
                continue;
            }
            // The finding points at the device setting: that is what to change.
            let skips = pool
                .challenge_required_on_new_device
                .zip(&pool.mfa_configuration, |challenge, mfa| (*challenge, *mfa));
            let verdict = skips.fails_when(|(challenge, mfa)| {
                *challenge == Some(true) && *mfa != MfaConfiguration::Off
            });
            ctx.report(
                &pool.meta,
                "device authentication instead of MFA",
                verdict,
                |(_, mfa)| {
                    Described::new(
                        format!(
                            "remembered devices of user pool `{}` sign in without MFA (`{mfa}`): device authentication replaces the second factor",
                            pool.meta.display_name()
                        ),
                        "`true`",
                    )
                },
            );
        }
    }
}
