use coglint_model::Model;

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a user pool that remembers devices (it has a `DeviceConfiguration`) but does not
    /// challenge new ones: `ChallengeRequiredOnNewDevice` is `false`, or omitted from the device
    /// configuration (AWS then uses `false`). A pool without a device configuration does not
    /// remember devices and is not flagged.
    ///
    /// ## Why is this bad?
    /// Remembered devices are how a user pool lets a known device skip steps of sign-in.
    /// `ChallengeRequiredOnNewDevice` asks for the second factor on a device Cognito has not
    /// seen before. Without it, in a pool where MFA is optional, the first sign-in from an
    /// attacker's machine with stolen credentials looks like any other, and the device can then
    /// be remembered for later. Requiring a challenge on new devices keeps the second factor
    /// where it matters most. (A pool that requires MFA asks every device that is not
    /// remembered for a second factor whatever this setting says.)
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       DeviceConfiguration:
    ///         DeviceOnlyRememberedOnUserPrompt: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    ///     Properties:
    ///       DeviceConfiguration:
    ///         ChallengeRequiredOnNewDevice: true
    ///         DeviceOnlyRememberedOnUserPrompt: true
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: `DeviceConfiguration: { ChallengeRequiredOnNewDevice: true }`.
    /// - Terraform: `device_configuration { challenge_required_on_new_device = true }`.
    /// - CDK: `deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true }`.
    ///
    /// ## References
    /// - [DeviceConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceConfigurationType.html)
    /// - [Working with user devices in your user pool](https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html)
    pub NewDeviceWithoutChallenge {
        code: "COG506",
        name: "new-device-without-challenge",
        severity: Low,
        category: SignUp,
        group: Hardening,
        summary: "Device remembering is on and ChallengeRequiredOnNewDevice is false",
        fix: "set `DeviceConfiguration.ChallengeRequiredOnNewDevice: true` (Terraform `device_configuration { challenge_required_on_new_device = true }`)",
        cdk_fix: "deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true }",
        related: [],
    }
}

impl Rule for NewDeviceWithoutChallenge {
    fn check(&self, model: &Model, ctx: &mut Context) {
        for pool in &model.user_pools {
            // `None`: devices are not remembered, so there is nothing to challenge.
            let verdict = pool
                .challenge_required_on_new_device
                .fails_when(|challenge| *challenge == Some(false));
            ctx.report(&pool.meta, "the new-device challenge", verdict, |_| {
                Described::new(
                    format!(
                        "user pool `{}` remembers devices but does not challenge new ones",
                        pool.meta.display_name()
                    ),
                    "`false`",
                )
            });
        }
    }
}
