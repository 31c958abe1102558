use super::*;

/// An `aws_iam_policy` block whose `policy` attribute is `policy`.
fn block(policy: &str) -> String {
    format!(
        "resource \"aws_iam_policy\" \"p\" {{\n  name = \"${{local.prefix}}-p\" # a comment\n  policy = {policy}\n  tags = {{ a = 1, \"b\" = var.b }}\n  lifecycle {{\n    create_before_destroy = true\n  }}\n}}"
    )
}

/// A `jsonencode` document with one statement whose `Action` is `action`.
fn statement(action: &str) -> String {
    block(&format!(
        "jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [\n      {{\n        Effect   = \"Allow\"\n        Action   = {action}\n        Resource = [var.arn, \"arn:aws:s3:::${{local.prefix}}/*\"]\n      }},\n    ]\n  }})"
    ))
}

#[test]
fn a_written_out_policy_without_the_two_actions_is_left_out() {
    assert!(cannot_escalate(&statement(
        "[\"s3:GetObject\", \"s3:ListBucket\"]"
    )));
    assert!(cannot_escalate(&statement("\"kms:Decrypt\"")));
    // One of the two is not enough for COG408.
    assert!(cannot_escalate(&statement(
        "[\"cognito-identity:*\", \"s3:GetObject\"]"
    )));
    assert!(cannot_escalate(&statement("[\"iam:PassRole\"]")));
}

#[test]
fn a_policy_that_may_grant_both_actions_is_kept() {
    for action in [
        "[\"cognito-identity:SetIdentityPoolRoles\", \"iam:PassRole\"]",
        "\"*\"",
        "[\"cognito-identity:*\", \"iam:Pass*\"]",
        "[\"COGNITO-IDENTITY:SETIDENTITYPOOLROLES\", \"IAM:PASSROLE\"]",
        "[\"c*\", \"i?m:PassRole\"]",
    ] {
        assert!(!cannot_escalate(&statement(action)), "{action}");
    }
    // Across two statements of one document.
    let two = block(
        "jsonencode({\n Statement = [\n { Action = \"cognito-identity:*\" },\n { Action = [\"iam:*\"] }\n ]\n })",
    );
    assert!(!cannot_escalate(&two));
}

#[test]
fn actions_the_scan_cannot_read_keep_the_block() {
    for action in [
        "var.actions",
        "[\"${local.service}:Get*\"]",
        "[\"s3:Get\\u002a\"]",
        "concat([\"s3:GetObject\"], local.more)",
        "[for a in local.actions : a]",
        "local.admin ? [\"*\"] : [\"s3:GetObject\"]",
        "[\"s3:GetObject\"][0]",
    ] {
        assert!(!cannot_escalate(&statement(action)), "{action}");
    }
    let not_action =
        block("jsonencode({ Statement = [{ NotAction = [\"s3:*\"], Resource = \"*\" }] })");
    assert!(!cannot_escalate(&not_action));
}

#[test]
fn documents_the_scan_cannot_read_keep_the_block() {
    for policy in [
        "data.aws_iam_policy_document.p.json",
        "file(\"${path.module}/policy.json\")",
        "var.policy",
        "jsonencode(local.document)",
        "jsonencode({ Statement = local.statements })",
        "jsonencode({ Statement = [merge({ Action = \"s3:GetObject\" }, local.extra)] })",
        "jsonencode({ Statement = [for s in local.s : s] })",
        "\"{\\\"Statement\\\": []}\"",
        "jsonencode({ Statement = [] }, 1)",
    ] {
        assert!(!cannot_escalate(&block(policy)), "{policy}");
    }
    let twice = "resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({})\n  policy = jsonencode({})\n}";
    assert!(!cannot_escalate(twice));
    let none = "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n}";
    assert!(!cannot_escalate(none));
}

#[test]
fn json_in_a_heredoc_is_read_as_a_document() {
    let heredoc = |actions: &str| {
        block(&format!(
            "<<-EOF\n    {{\n      \"Version\": \"2012-10-17\",\n      \"Statement\": [\n        {{\n          \"Effect\": \"Allow\",\n          \"Action\": {actions},\n          \"Resource\": [\"arn:aws:s3:::b/*\", \"*\"]\n        }}\n      ]\n    }}\n    EOF"
        ))
    };
    assert!(cannot_escalate(&heredoc(
        "[\"s3:GetObject\", \"kms:Decrypt\"]"
    )));
    // A template anywhere in it: the value is inserted as written, and a quote in it could
    // close the string and write a statement.
    let templated = heredoc("[\"s3:GetObject\"]").replace("arn:aws:s3:::b/*", "${var.bucket}");
    assert!(!cannot_escalate(&templated));
    for actions in [
        "\"*\"",
        "[\"cognito-identity:*\", \"iam:PassRole\"]",
        "[\"${var.action}\"]",
        "${jsonencode(var.actions)}",
        "[%{ for a in var.actions }\"${a}\",%{ endfor }]",
        "[\"s3:Get\\u002a\"]",
    ] {
        assert!(!cannot_escalate(&heredoc(actions)), "{actions}");
    }
    // A statement written by a template directive is not read.
    let directive = block(
        "<<EOF\n{\"Statement\": [\n%{ for s in var.statements }\n{\"Action\": \"${s}\"},\n%{ endfor }\n]}\nEOF",
    );
    assert!(!cannot_escalate(&directive));
    // A heredoc never closed keeps the block.
    let open = "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\"Statement\": []}\n}";
    assert!(!cannot_escalate(open));
    // A heredoc elsewhere in the block is skipped like any other value.
    let described = statement("\"s3:GetObject\"").replacen(
        "  policy",
        "  description = <<-TEXT\n    Reads { the [ bucket\n    TEXT\n  policy",
        1,
    );
    assert!(cannot_escalate(&described));
}

#[test]
fn the_ways_hcl_writes_objects_are_read() {
    // Quoted keys, colons, commas, comments of every kind, lists over several lines.
    let policy = block(
        "jsonencode({\n    \"Version\": \"2012-10-17\", // the version\n    \"Statement\": [{\n      /* one */ \"Effect\": \"Allow\",\n      \"Action\": [\n        \"s3:GetObject\", # get\n        \"s3:PutObject\",\n      ],\n      \"Resource\": \"*\"\n    }]\n  })",
    );
    assert!(cannot_escalate(&policy));
    // A single statement written as an object, not a list.
    let single =
        block("jsonencode({ Statement = { Action = \"sqs:SendMessage\", Resource = \"*\" } })");
    assert!(cannot_escalate(&single));
    let single_escalation = block("jsonencode({ Statement = { Action = \"*\" } })");
    assert!(!cannot_escalate(&single_escalation));
}

#[test]
fn any_text_is_scanned_without_panicking() {
    let full = statement("[\"s3:GetObject\", \"é\"] # ünïcode ${ \"}\" }");
    // Every prefix of a policy, cut anywhere (on character boundaries), and stray brackets.
    for (end, _) in full.char_indices() {
        let _ = cannot_escalate(&full[..end]);
    }
    for text in [
        "{",
        "}",
        "{ a = ) }",
        "{ a = [}",
        "{ a = \"${\" }",
        "{ a = f(}, 1) }",
        "{ /* }",
        "x {\n\"é\\é\"\n}",
    ] {
        assert!(!cannot_escalate(text), "{text}");
    }
}

fn labels(type_name: &str, name: &str) -> Vec<String> {
    vec![type_name.to_string(), name.to_string()]
}

#[test]
fn policies_an_identity_pool_role_may_use_are_kept() {
    let harmless = statement("\"s3:GetObject\"");
    let module = [
        "resource \"aws_iam_role_policy_attachment\" \"a\" {\n  policy_arn = aws_iam_policy.attached.arn\n}",
        "output \"doc\" { value = data.aws_iam_policy_document.read.json }",
    ];
    for pool_roles in [false, true] {
        let uses = PolicyUse::of_module(module, pool_roles);
        let policy = labels("aws_iam_policy", "attached");
        // Attached: kept when a pool may hand out the role it is attached to.
        assert_eq!(uses.leaves_out("resource", &policy, &harmless), !pool_roles);
        // Not named anywhere: never attached.
        let alone = labels("aws_iam_policy", "alone");
        assert!(uses.leaves_out("resource", &alone, &harmless));
        // An inline role policy names its role itself.
        let inline = labels("aws_iam_role_policy", "attached");
        assert_eq!(uses.leaves_out("resource", &inline, &harmless), !pool_roles);
        // Documents: by whether the module reads them, whatever they say.
        let document = |name| labels("aws_iam_policy_document", name);
        assert!(!uses.leaves_out("data", &document("read"), "data {}"));
        assert!(uses.leaves_out("data", &document("unread"), "data {}"));
        // Other blocks are the model's to choose.
        assert!(!uses.leaves_out("resource", &labels("aws_s3_bucket", "b"), &harmless));
    }
}

#[test]
fn a_block_with_a_suppression_or_an_escalation_is_kept() {
    let mut uses = PolicyUse::of_module([], false);
    let name = labels("aws_iam_policy", "p");
    assert!(!uses.leaves_out("resource", &name, &statement("\"*\"")));
    let suppressed =
        statement("\"s3:GetObject\"").replace("# a comment", "# coglint:ignore COG408 reason");
    assert!(uses.leaves_out("resource", &name, &suppressed));
    uses.may_suppress = Some(|text| text.contains("coglint:ignore"));
    assert!(!uses.leaves_out("resource", &name, &suppressed));
    assert!(uses.leaves_out("resource", &name, &statement("\"s3:GetObject\"")));
}

#[test]
fn names_are_read_after_their_prefix() {
    let mut names = HashSet::new();
    names_after(
        "a = aws_iam_policy.one.arn\nb = [aws_iam_policy.two-x[0].arn, aws_iam_policy.]\ndata.aws_iam_policy.three",
        "aws_iam_policy.",
        &mut names,
    );
    let mut names: Vec<_> = names.into_iter().collect();
    names.sort();
    assert_eq!(names, ["one", "three", "two-x"]);
}

#[test]
fn a_module_is_parsed_without_the_policies_left_out() {
    use std::path::PathBuf;
    use std::sync::Arc;

    let harmless = statement("\"s3:GetObject\"").replace("\"p\"", "\"harmless\"");
    let escalation = statement("\"*\"").replace("\"p\"", "\"escalation\"");
    let text = format!(
        "{harmless}\n\n{escalation}\n\ndata \"aws_iam_policy_document\" \"unread\" {{\n}}\n"
    );
    let uses = PolicyUse::of_module([text.as_str()], true);
    let file = super::super::TfFile::parse_hcl_using(
        coglint_source::FileId(0),
        PathBuf::from("main.tf"),
        Arc::from(text.as_str()),
        coglint_syntax::Limits::default(),
        &uses,
    );
    let file = match file {
        Ok(file) => file,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(
        file.other_resources,
        [("aws_iam_policy".to_string(), "harmless".to_string())]
    );
    let kept: Vec<Vec<String>> = file
        .body
        .iter()
        .filter_map(|s| s.as_block())
        .map(|b| b.labels.iter().map(|l| l.as_str().to_string()).collect())
        .collect();
    assert_eq!(kept, [["aws_iam_policy", "escalation"]]);
    // Where a kept block starts is where it starts in the file.
    let start = file
        .body
        .iter()
        .filter_map(|s| s.as_block())
        .find_map(coglint_syntax::hcl_edit::Span::span)
        .map(|r| r.start);
    assert_eq!(
        start,
        text.find("resource \"aws_iam_policy\" \"escalation\"")
    );
}
