//! Rules that no longer run. Their codes stay reserved (RULES.md: never reuse a code), and they
//! stay known by code and name, so that a configuration or a link that names one is told why
//! it is gone instead of failing.

/// A rule that was withdrawn, and why.
#[derive(Debug)]
pub struct RetiredRule {
    pub code: &'static str,
    pub name: &'static str,
    /// What the rule used to find, one line.
    pub summary: &'static str,
    /// Why it was withdrawn, in a few words (for warnings).
    pub headline: &'static str,
    /// Why it was withdrawn, Markdown, one paragraph.
    pub reason: &'static str,
    /// Where the reason is documented.
    pub references: &'static [&'static str],
}

impl RetiredRule {
    /// Whether `key` names it: its code (any case) or its name.
    pub fn answers_to(&self, key: &str) -> bool {
        let key = key.trim();
        self.code.eq_ignore_ascii_case(key) || self.name == key
    }

    /// Its documentation page: what `coglint rule` prints and `docs/rules/<name>.md` holds.
    pub fn page(&self) -> String {
        let mut out = format!(
            "# {} ({})\n\nRetired: this rule no longer runs, and its code is not reused.\n\n\
             It used to flag: {}.\n\n## Why it was retired\n\n{}\n\n\
             Naming it in coglint.toml (`select`, `ignore`, `[severity]`, `[rules]`) is a \
             warning, not an error: remove it from there.\n",
            self.name, self.code, self.summary, self.reason
        );
        if !self.references.is_empty() {
            out.push_str("\n## References\n\n");
            for reference in self.references {
                out.push_str(&format!("- {reference}\n"));
            }
        }
        out
    }

    /// Where its page is published.
    pub fn url(&self) -> String {
        format!(
            "https://github.com/coglint/coglint/blob/main/docs/rules/{}.md",
            self.name
        )
    }
}

static RETIRED: &[RetiredRule] = &[RetiredRule {
    code: "COG505",
    name: "recovery-without-verified-attributes",
    summary: "self-service account recovery while `AutoVerifiedAttributes` is empty, on the \
              premise that reset codes could go to an unverified email address or phone number",
    headline: "Cognito never sends a reset code to an unverified address",
    reason: "The premise is false. `ForgotPassword` sends a code only to a *verified* email \
             address or phone number: when the user has neither, Amazon Cognito answers \
             `InvalidParameterException` and sends nothing. A pool without automatic \
             verification cannot send a reset code to an address nobody proved to own; at \
             worst its users cannot recover their accounts themselves, which is not a security \
             finding.",
    references: &[
        "[ForgotPassword](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html): \"If neither a verified phone number nor a verified email exists, Amazon Cognito responds with an InvalidParameterException error.\"",
    ],
}];

/// Every retired rule, sorted by code.
pub fn retired_rules() -> &'static [RetiredRule] {
    RETIRED
}

/// The retired rule with this code or name, if any.
pub fn find_retired(code_or_name: &str) -> Option<&'static RetiredRule> {
    RETIRED.iter().find(|r| r.answers_to(code_or_name))
}
