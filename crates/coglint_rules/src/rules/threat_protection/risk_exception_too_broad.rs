use coglint_model::{Check, IpRange, Model};

use crate::{declare_rule, Context, Described, Rule};

declare_rule! {
    /// ## What it does
    /// Flags a risk configuration whose `RiskExceptionConfiguration.SkippedIPRangeList` holds
    /// `0.0.0.0/0`, `::/0` or any range of `/8` or wider (IPv4 or IPv6). The option
    /// `max-prefix-length` (default 8) moves the limit: a range whose prefix is that long or
    /// shorter is flagged.
    ///
    /// ## Why is this bad?
    /// Threat protection does not score sign-ins from a skipped range at all: no risk, no
    /// compromised-credentials check, no block. Skipping the whole internet, or a block that size,
    /// turns threat protection off for attackers too while the console still shows it enforced.
    /// Skip only the narrow ranges of your own offices or test runners.
    ///
    /// ## Example
    /// ```yaml
    /// Resources:
    ///   RiskConfiguration:
    ///     Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ClientId: ALL
    ///       RiskExceptionConfiguration:
    ///         SkippedIPRangeList:
    ///           - 0.0.0.0/0
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Resources:
    ///   RiskConfiguration:
    ///     Type: AWS::Cognito::UserPoolRiskConfigurationAttachment
    ///     Properties:
    ///       UserPoolId: !Ref UserPool
    ///       ClientId: ALL
    ///       RiskExceptionConfiguration:
    ///         SkippedIPRangeList:
    ///           - 203.0.113.0/28
    ///   UserPool:
    ///     Type: AWS::Cognito::UserPool
    /// ```
    ///
    /// ## How to fix
    /// - CloudFormation: list only narrow ranges in `RiskExceptionConfiguration.SkippedIPRangeList`.
    /// - Terraform: list only narrow ranges in `risk_exception_configuration { skipped_ip_range_list = [...] }`.
    /// - CDK: `riskExceptionConfiguration: { skippedIpRangeList: ['203.0.113.0/28'] }` on a `CfnUserPoolRiskConfigurationAttachment`.
    ///
    /// ## References
    /// - [RiskExceptionConfigurationType](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html)
    pub RiskExceptionTooBroad {
        code: "COG207",
        name: "risk-exception-too-broad",
        severity: High,
        category: ThreatProtection,
        summary: "SkippedIPRangeList holds 0.0.0.0/0, ::/0 or a range of /8 or wider: risk detection is off for it",
        fix: "remove the broad range from `SkippedIPRangeList` (Terraform `skipped_ip_range_list`); skip only narrow ranges you control",
        cdk_fix: "riskExceptionConfiguration: { skippedIpRangeList: [...narrow ranges] } on a CfnUserPoolRiskConfigurationAttachment",
        related: [],
        options: [
            MAX_PREFIX_LENGTH: Integer {
                key: "max-prefix-length",
                default: 8,
                range: 0..=128,
                doc: "A skipped IP range whose prefix is this long or shorter is flagged (`0` flags only `0.0.0.0/0` and `::/0`).",
            },
        ],
    }
}

/// Whether `text` is a range with a prefix of `max` bits or fewer. A `/8` holds 16 million
/// IPv4 addresses; what is not a range at all is left to the deployment to reject.
fn too_broad(text: &str, max: u32) -> bool {
    IpRange::parse(text).is_some_and(|r| u32::from(r.prefix_len) <= max)
}

impl Rule for RiskExceptionTooBroad {
    fn check(&self, model: &Model, ctx: &mut Context) {
        let max = ctx.option(Self::MAX_PREFIX_LENGTH);
        for risk in &model.risk_configurations {
            let verdict = risk.skipped_ip_ranges.check(|ranges| {
                match ranges.iter().find(|r| too_broad(&r.value, max)) {
                    Some(item) => item.at.map_or(Check::Fail, Check::FailAt),
                    None => Check::Pass,
                }
            });
            ctx.report(
                &risk.meta,
                "the IP ranges that skip risk detection",
                verdict,
                |ranges| {
                    let range = ranges
                        .iter()
                        .find(|r| too_broad(&r.value, max))
                        .map(|r| r.value.trim())
                        .unwrap_or_default();
                    let what = match IpRange::parse(range) {
                        Some(r) if r.is_everything() => "every address".to_string(),
                        _ => format!("`{range}`"),
                    };
                    Described::new(
                        format!(
                            "risk configuration `{}` skips risk detection for {what}",
                            risk.meta.display_name()
                        ),
                        format!("`{range}`"),
                    )
                    .item()
                },
            );
        }
    }
}
