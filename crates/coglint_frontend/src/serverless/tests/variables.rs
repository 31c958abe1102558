//! Variables: each source, fallbacks, interpolation, whole values, caps, and the lowering of
//! the result.

use coglint_model::{InputKind, MfaConfiguration, ParameterOrigin, Provenance};
use coglint_source::FileId;
use coglint_syntax::{Node, ScalarStyle};

use super::{property, service, unknown_reason, value_text, variable, Files};
use crate::cloudformation::{lower, TemplateInputs, Variable};

#[test]
fn self_custom_and_nested_variables() {
    let (files, s) = service(
        "custom:\n  mfa: ON\n  settings: ${self:custom.base}\n  base:\n    level: ${self:custom.mfa}\n  name: ${self:service}-${self:custom.stage}-pool\n  stage: ${opt:stage, 'prod'}\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        MfaConfiguration: ${self:custom.settings.level}\n        UserPoolName: ${self:custom.name}\n        Tag: x-${self:custom.stage}\n",
        &[],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let mfa = property(&s, "Pool", &["MfaConfiguration"]);
    let (name, _) = variable(&s, mfa);
    assert_eq!(name, "self:custom.settings.level");
    let (text, origin) = value_text(&s, mfa);
    assert_eq!((text, origin), ("ON", ParameterOrigin::Written));
    let Variable::Value { node, .. } = variable(&s, mfa).1 else {
        panic!()
    };
    assert_eq!(files.line(node.span()), 5);
    assert_eq!(
        value_text(&s, property(&s, "Pool", &["UserPoolName"])),
        ("app-prod-pool", ParameterOrigin::Written)
    );
    let tag = property(&s, "Pool", &["Tag"]);
    assert_eq!(tag.as_str(), Some("x-prod"));
    assert_eq!(tag.scalar().map(|t| t.style), Some(ScalarStyle::Quoted));
    assert_eq!(files.at(tag.span()), "x-${self:custom.stage}");
}

#[test]
fn options_and_the_stage_take_their_fallback_or_dev() {
    let (files, s) = service(
        "custom:\n  region: ${opt:region}\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        A: ${opt:stage, \"qa\"}\n        B: ${sls:stage}\n        C: ${opt:stage}\n        D: ${self:custom.region}\n        E: ${opt:region, self:custom.missing, 3}\n        F: ${self:custom.missing, 'x'}\n        G: ${opt:stage, self:provider.stage}\n",
        &[],
    );
    let a = property(&s, "Pool", &["A"]);
    assert_eq!(value_text(&s, a), ("qa", ParameterOrigin::Fallback));
    let b = property(&s, "Pool", &["B"]);
    assert_eq!(value_text(&s, b), ("dev", ParameterOrigin::Fallback));
    let Variable::Value { node, .. } = variable(&s, b).1 else {
        panic!()
    };
    assert_eq!(files.at(node.span()), "${sls:stage}");
    assert_eq!(
        value_text(&s, property(&s, "Pool", &["C"])),
        ("dev", ParameterOrigin::Fallback)
    );
    let d = property(&s, "Pool", &["D"]);
    assert_eq!(
        unknown_reason(&s, d),
        "`${opt:region}` is a command-line option, not known before deployment"
    );
    let e = property(&s, "Pool", &["E"]);
    assert_eq!(value_text(&s, e), ("3", ParameterOrigin::Fallback));
    let Variable::Value { node, .. } = variable(&s, e).1 else {
        panic!()
    };
    assert_eq!(node.scalar().map(|n| n.style), Some(ScalarStyle::Plain));
    assert_eq!(
        value_text(&s, property(&s, "Pool", &["F"])),
        ("x", ParameterOrigin::Fallback)
    );
    assert_eq!(
        value_text(&s, property(&s, "Pool", &["G"])),
        ("dev", ParameterOrigin::Fallback)
    );

    // `sls:stage` is `provider.stage` when written, itself through its own fallback.
    let mut files = Files::new(
        "service: app\nprovider:\n  name: aws\n  stage: ${opt:stage, 'test'}\nresources:\n  Resources:\n    P:\n      Properties:\n        Name: pool-${sls:stage}\n        Stage: ${opt:stage}\n",
        &[],
    );
    let s = files.assemble();
    assert_eq!(property(&s, "P", &["Name"]).as_str(), Some("pool-test"));
    assert_eq!(
        value_text(&s, property(&s, "P", &["Stage"])),
        ("test", ParameterOrigin::Fallback)
    );
    let mut files = Files::new(
        "service: app\nprovider:\n  stage: ${opt:stage}\nresources:\n  Resources:\n    P:\n      Properties:\n        Stage: ${sls:stage}\n",
        &[],
    );
    let s = files.assemble();
    assert_eq!(
        value_text(&s, property(&s, "P", &["Stage"])),
        ("dev", ParameterOrigin::Fallback)
    );
}

#[test]
fn deployment_sources_are_unknown_even_with_a_fallback() {
    let (_, s) = service(
        "resources:\n  Resources:\n    Pool:\n      Properties:\n        A: ${ssm:/prod/mfa}\n        B: ${env:MFA, 'OFF'}\n        C: pool-${env:STAGE}-x\n        D: ${cf:other.Output}\n        E: ${aws:accountId}\n        F: ${param:mfa}\n        G: ${sls:instanceId}\n        H: ${vault:secret/x}\n",
        &[],
    );
    let p = |k: &str| property(&s, "Pool", &[k]);
    assert_eq!(
        unknown_reason(&s, p("A")),
        "`${ssm:/prod/mfa}` is read from SSM Parameter Store at deployment"
    );
    // The variable is usually set where the service deploys: its fallback would be a guess.
    assert_eq!(
        unknown_reason(&s, p("B")),
        "`${env:MFA}` is read from the environment at deployment"
    );
    let (name, _) = variable(&s, p("C"));
    assert_eq!(name, "env:STAGE");
    assert_eq!(
        unknown_reason(&s, p("C")),
        "`${env:STAGE}` is read from the environment at deployment"
    );
    for k in ["D", "E", "F", "G", "H"] {
        assert!(!unknown_reason(&s, p(k)).is_empty());
    }
    assert!(unknown_reason(&s, p("H")).contains("`vault`"));
    assert!(s.problems.is_empty());
}

#[test]
fn sub_placeholders_are_left_to_cloudformation() {
    let (_, s) = service(
        "resources:\n  Resources:\n    Pool:\n      Properties:\n        Name: !Sub '${AWS::StackName}-${self:service}-${Other.Arn}'\n        Plain: ${AWS::Region}\n",
        &[],
    );
    let name = property(&s, "Pool", &["Name", "Fn::Sub"]);
    assert_eq!(name.as_str(), Some("${AWS::StackName}-app-${Other.Arn}"));
    assert_eq!(
        property(&s, "Pool", &["Plain"]).as_str(),
        Some("${AWS::Region}")
    );
    assert!(s.variables.is_empty());
}

#[test]
fn whole_value_lists_and_mappings_are_substituted_in_place() {
    let (files, s) = service(
        "custom:\n  flows: [code, implicit]\n  policy:\n    MinimumLength: 6\n  enabled: true\nresources:\n  Resources:\n    Client:\n      Properties:\n        AllowedOAuthFlows: ${self:custom.flows}\n        Policies:\n          PasswordPolicy: ${self:custom.policy}\n        Generate: ${self:custom.enabled}\n",
        &[],
    );
    let flows = property(&s, "Client", &["AllowedOAuthFlows"]);
    assert_eq!(flows.items().map(<[Node]>::len), Some(2));
    assert_eq!(files.at(flows.span()), "[code, implicit]");
    let length = property(
        &s,
        "Client",
        &["Policies", "PasswordPolicy", "MinimumLength"],
    );
    assert_eq!(files.line(length.span()), 7);
    let generate = property(&s, "Client", &["Generate"]);
    let Variable::Value { node, .. } = variable(&s, generate).1 else {
        panic!()
    };
    assert_eq!(
        node.scalar().map(|n| (n.text.as_str(), n.style)),
        Some(("true", ScalarStyle::Plain))
    );
}

#[test]
fn yaml_1_2_reads_on_as_a_string() {
    let (_, s) = service(
        "resources:\n  Resources:\n    Pool:\n      Properties:\n        MfaConfiguration: ON\n        Other: no\n        Flag: True\n        Quoted: 'OFF'\n",
        &[("x.yml", "")],
    );
    let style = |k: &str| property(&s, "Pool", &[k]).scalar().map(|x| x.style);
    assert_eq!(style("MfaConfiguration"), Some(ScalarStyle::Quoted));
    assert_eq!(style("Other"), Some(ScalarStyle::Quoted));
    assert_eq!(style("Flag"), Some(ScalarStyle::Plain));
    assert_eq!(style("Quoted"), Some(ScalarStyle::Quoted));
}

#[test]
fn a_scalar_variable_is_a_ref_at_the_use_and_its_value_at_the_custom_line() {
    let (files, s) = service(
        "custom:\n  mfa: ON\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        MfaConfiguration: ${self:custom.mfa}\n",
        &[],
    );
    let mfa = property(&s, "Pool", &["MfaConfiguration"]);
    assert_eq!(files.at(mfa.span()), "${self:custom.mfa}");
    let key = &mfa.entries().unwrap_or(&[])[0].key;
    assert_eq!((key.text.as_str(), key.span()), ("Ref", mfa.span()));
    let Variable::Value { node, origin } = variable(&s, mfa).1 else {
        panic!()
    };
    assert_eq!((files.at(node.span()), files.line(node.span())), ("ON", 5));
    assert_eq!(*origin, ParameterOrigin::Written);
    assert_eq!(node.scalar().map(|n| n.style), Some(ScalarStyle::Quoted));
}

#[test]
fn self_references_in_cycles_are_unknown() {
    let (_, s) = service(
        "custom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}\n  c: ${self:custom.a, 'fallback'}\nresources:\n  Resources:\n    P:\n      Properties:\n        A: ${self:custom.a}\n        C: ${self:custom.c}\n",
        &[],
    );
    assert!(unknown_reason(&s, property(&s, "P", &["A"])).contains("refers to itself"));
    assert_eq!(
        value_text(&s, property(&s, "P", &["C"])),
        ("fallback", ParameterOrigin::Fallback)
    );
}

#[test]
fn caps_end_in_unknowns_that_name_them() {
    let mut custom = String::from("custom:\n  t0: abcdefghij\n  l0: [x, x]\n");
    for i in 1..25 {
        let p = i - 1;
        custom.push_str(&format!(
            "  t{i}: ${{self:custom.t{p}}}${{self:custom.t{p}}}\n"
        ));
        custom.push_str(&format!(
            "  l{i}:\n    - ${{self:custom.l{p}}}\n    - ${{self:custom.l{p}}}\n"
        ));
    }
    let (_, s) = service(
        &format!("{custom}resources:\n  Resources:\n    P:\n      Properties:\n        T: ${{self:custom.t24}}\n        L: ${{self:custom.l24}}\n"),
        &[],
    );
    let t = unknown_reason(&s, property(&s, "P", &["T"]));
    assert!(t.contains("100000 bytes"), "{t}");
    let l = property(&s, "P", &["L"]);
    let reason = unknown_reason(&s, l);
    assert!(reason.contains("1000000 values"), "{reason}");
    assert_eq!(s.problems.len(), 1);
}

#[test]
fn the_assembled_template_lowers_with_the_variables() {
    let (files, s) = service(
        "custom:\n  mfa: ON\nresources:\n  - ${file(resources/cognito.yml)}\n",
        &[(
            "resources/cognito.yml",
            "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: ${self:custom.mfa}\n",
        )],
    );
    let model = lower(
        s.template.file,
        &s.template,
        &TemplateInputs {
            variables: s.variables.clone(),
            ..Default::default()
        },
    );
    let pool = &model.user_pools[0];
    assert_eq!(pool.mfa_configuration.known(), Some(&MfaConfiguration::On));
    match &pool.mfa_configuration.alternatives()[0].provenance {
        Provenance::Parameter {
            at,
            name,
            value_at: Some(value_at),
            origin,
            input,
            ..
        } => {
            assert_eq!(at.file, FileId(1));
            assert_eq!(files.at(*at), "${self:custom.mfa}");
            assert_eq!(name, "self:custom.mfa");
            assert_eq!((files.at(*value_at), files.line(*value_at)), ("ON", 5));
            assert_eq!(value_at.file, FileId(0));
            assert_eq!(*origin, ParameterOrigin::Written);
            assert_eq!(*input, InputKind::ServerlessVariable);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn variables_reach_through_included_custom_files_and_computed_paths() {
    let (files, s) = service(
        "custom: ${file(config/custom.yml)}\nresources:\n  Resources:\n    P:\n      Properties:\n        Mfa: ${self:custom.mfa}\n        Length: ${file(config/${sls:stage}.yml):length}\n",
        &[
            ("config/custom.yml", "name: x\nmfa: OPTIONAL\n"),
            ("config/dev.yml", "length: 6\n"),
        ],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let Variable::Value { node, .. } = variable(&s, property(&s, "P", &["Mfa"])).1 else {
        panic!()
    };
    assert_eq!((node.file, files.line(node.span())), (FileId(1), 2));
    assert_eq!(
        value_text(&s, property(&s, "P", &["Length"])),
        ("6", ParameterOrigin::Written)
    );
}

#[test]
fn deeply_nested_and_long_expressions_are_bounded() {
    let deep = format!("{}self:service{}", "${".repeat(5_000), "}".repeat(5_000));
    let long = format!("${{self:service}}{}", "x".repeat(100_001));
    let (_, s) = service(
        &format!("resources:\n  Resources:\n    P:\n      Properties:\n        Deep: '{deep}'\n        Long: '{long}'\n"),
        &[],
    );
    assert!(unknown_reason(&s, property(&s, "P", &["Deep"])).contains("nested more than 64 deep"));
    assert!(unknown_reason(&s, property(&s, "P", &["Long"])).contains("longer than 100000 bytes"));
}

#[test]
fn an_include_computed_by_code_is_unknown_without_a_problem() {
    let (_, s) = service(
        "custom: ${file(./custom.js)}\nresources:\n  Resources:\n    Pool:\n      Properties:\n        A: ${self:custom.mfa}\n        B: ${file(./custom.js):mfa, 'OFF'}\n",
        &[],
    );
    let a = property(&s, "Pool", &["A"]);
    assert!(unknown_reason(&s, a).contains("is code the Framework runs"));
    // Code has a value when the Framework runs: the fallback would be a guess.
    let b = property(&s, "Pool", &["B"]);
    assert!(unknown_reason(&s, b).contains("is code the Framework runs"));
    assert!(s.problems.is_empty());
}
