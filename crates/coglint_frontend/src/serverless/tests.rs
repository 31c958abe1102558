//! Assembly tests: a service and its files in memory, the template and variables out.

use std::path::Path;
use std::sync::Arc;

use coglint_model::{InputKind, MfaConfiguration, ParameterOrigin, Provenance};
use coglint_source::{FileId, Span};
use coglint_syntax::{parse_yaml, Document, Limits, Node, ScalarStyle};

use super::{assemble, is_service, join, Includes, Service};
use crate::cloudformation::{lower, TemplateInputs, Variable};

/// Files by path under `svc/` (the service directory); file `i` has `FileId(i + 1)`.
struct Files {
    service: String,
    files: Vec<(String, String)>,
}

impl Files {
    fn new(service: &str, files: &[(&str, &str)]) -> Self {
        Self {
            service: service.to_string(),
            files: files
                .iter()
                .map(|(p, t)| (format!("svc/{p}"), t.to_string()))
                .collect(),
        }
    }

    fn text(&self, file: FileId) -> &str {
        match file.0 {
            0 => &self.service,
            n => &self.files[n as usize - 1].1,
        }
    }

    /// The text at a span.
    fn at(&self, span: Span) -> &str {
        &self.text(span.file)[span.range.as_usize()]
    }

    /// The 1-based line of a span.
    fn line(&self, span: Span) -> usize {
        self.text(span.file)[..span.range.start as usize]
            .matches('\n')
            .count()
            + 1
    }

    fn assemble(&mut self) -> Service {
        let root = match parse_yaml(FileId(0), &self.service, Limits::default()) {
            Ok(doc) => doc.root,
            Err(e) => panic!("{e:?}"),
        };
        assert!(is_service(&root));
        assemble(Path::new("svc"), &root, self)
    }
}

impl Includes for Files {
    fn load(&mut self, from_dir: &Path, path: &str) -> Result<Arc<Document>, String> {
        let key = join(from_dir, path).to_string_lossy().replace('\\', "/");
        let i = self
            .files
            .iter()
            .position(|(p, _)| *p == key)
            .ok_or_else(|| format!("`{key}` does not exist"))?;
        let id = FileId(u32::try_from(i + 1).map_err(|e| e.to_string())?);
        parse_yaml(id, &self.files[i].1, Limits::default())
            .map(Arc::new)
            .map_err(|e| e.to_string())
    }
}

const HEAD: &str = "service: app\nprovider:\n  name: aws\n";

fn service(body: &str, files: &[(&str, &str)]) -> (Files, Service) {
    let mut files = Files::new(&format!("{HEAD}{body}"), files);
    let service = files.assemble();
    (files, service)
}

fn resource<'s>(s: &'s Service, name: &str) -> &'s Node {
    match s.template.get("Resources").and_then(|r| r.get(name)) {
        Some(r) => r,
        None => panic!("no resource {name} in {:#?}", s.template),
    }
}

fn property<'s>(s: &'s Service, name: &str, path: &[&str]) -> &'s Node {
    let mut node = resource(s, name).get("Properties");
    for key in path {
        node = node.and_then(|n| n.get(key));
    }
    match node {
        Some(n) => n,
        None => panic!("no {path:?} in {name}"),
    }
}

/// The variable a `{Ref: name}` stands for.
fn variable<'s>(s: &'s Service, node: &Node) -> (&'s str, &'s Variable) {
    let name = node.get("Ref").and_then(Node::as_str);
    match name.and_then(|n| s.variables.get_key_value(n)) {
        Some((k, v)) => (k.as_str(), v),
        None => panic!("not a variable: {:?}", node.kind),
    }
}

fn value_text<'s>(s: &'s Service, node: &Node) -> (&'s str, ParameterOrigin) {
    match variable(s, node).1 {
        Variable::Value { node, origin } => (node.as_str().unwrap_or("<not a scalar>"), *origin),
        Variable::Unknown(reason) => panic!("unknown: {reason}"),
    }
}

fn unknown_reason<'s>(s: &'s Service, node: &Node) -> &'s str {
    match variable(s, node).1 {
        Variable::Unknown(reason) => reason,
        other => panic!("known: {other:?}"),
    }
}

const POOL: &str = "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: OFF\n";

#[test]
fn resources_as_an_object() {
    let (files, s) = service(
        "resources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n  Outputs:\n    PoolId:\n      Value: !Ref Pool\n  extensions:\n    Pool: {}\n",
        &[],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let keys: Vec<_> = s
        .template
        .entries()
        .unwrap_or(&[])
        .iter()
        .map(|e| e.key.text.as_str())
        .collect();
    assert_eq!(keys, ["Resources", "Outputs"]);
    assert_eq!(files.at(s.template.span()), "resources");
    assert_eq!(
        resource(&s, "Pool").get("Type").and_then(Node::as_str),
        Some("AWS::Cognito::UserPool")
    );
    let output = s
        .template
        .get("Outputs")
        .and_then(|o| o.get("PoolId"))
        .and_then(|o| o.get("Value"));
    assert_eq!(
        output.and_then(|v| v.get("Ref")).and_then(Node::as_str),
        Some("Pool")
    );
}

#[test]
fn a_list_of_includes_and_objects_is_merged_in_order() {
    let (files, s) = service(
        "resources:\n  - ${file(resources/pool.yml)}\n  - '${file(resources/client.yml)}'\n  - Resources:\n      Pool:\n        Properties:\n          UserPoolName: inline\n",
        &[
            ("resources/pool.yml", POOL),
            ("resources/client.yml", "Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\nOutputs:\n  X:\n    Value: 1\n"),
        ],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let names: Vec<_> = s
        .template
        .get("Resources")
        .and_then(Node::entries)
        .unwrap_or(&[])
        .iter()
        .map(|e| e.key.text.as_str())
        .collect();
    assert_eq!(names, ["Pool", "Client"]);
    // The inline object's properties merge into the included pool's, as lodash `merge` does.
    let mfa = property(&s, "Pool", &["MfaConfiguration"]);
    assert_eq!(mfa.file, FileId(1));
    assert_eq!(files.at(mfa.span()), "OFF");
    assert_eq!(
        property(&s, "Pool", &["UserPoolName"]).as_str(),
        Some("inline")
    );
    assert_eq!(resource(&s, "Client").file, FileId(2));
    assert!(s.template.get("Outputs").is_some());
}

#[test]
fn a_section_and_a_single_resource_are_included_by_address() {
    let (files, s) = service(
        "resources:\n  Resources: ${file(./cognito.yml):Resources}\n  Outputs:\n    Client: ${file(client.yml)}\n",
        &[
            ("cognito.yml", POOL),
            ("client.yml", "Type: AWS::Cognito::UserPoolClient\nProperties:\n  UserPoolId: !Ref Pool\n"),
        ],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(
        files.at(resource(&s, "Pool").span()).lines().next(),
        Some("Type: AWS::Cognito::UserPool")
    );
    let client = s.template.get("Outputs").and_then(|o| o.get("Client"));
    assert_eq!(
        client.and_then(|c| c.get("Type")).and_then(Node::as_str),
        Some("AWS::Cognito::UserPoolClient")
    );

    let (_, s) = service(
        "resources:\n  Resources:\n    Pool: ${file(pool.yml):UserPool}\n",
        &[("pool.yml", "UserPool:\n  Type: AWS::Cognito::UserPool\n")],
    );
    assert_eq!(resource(&s, "Pool").file, FileId(1));
}

#[test]
fn nested_includes_are_relative_to_the_service_or_else_to_the_including_file() {
    let (_, s) = service(
        "resources: ${file(resources/all.yml)}\n",
        &[
            // The Framework reads every include relative to the service directory...
            (
                "resources/all.yml",
                "- ${file(resources/pool.yml)}\n- ${file(client.yml)}\n",
            ),
            ("resources/pool.yml", POOL),
            // ... and a path that only makes sense relative to the including file is read so too.
            (
                "resources/client.yml",
                "Resources:\n  Client: ${file(../shared/client.yml)}\n",
            ),
            ("shared/client.yml", "Type: AWS::Cognito::UserPoolClient\n"),
        ],
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(resource(&s, "Pool").file, FileId(2));
    assert_eq!(resource(&s, "Client").file, FileId(4));
}

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
        "custom:\n  region: ${opt:region}\nresources:\n  Resources:\n    Pool:\n      Type: AWS::Cognito::UserPool\n      Properties:\n        A: ${opt:stage, \"qa\"}\n        B: ${sls:stage}\n        C: ${opt:stage}\n        D: ${self:custom.region}\n        E: ${opt:region, self:custom.missing, 3}\n        F: ${self:custom.missing, 'x'}\n",
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
fn deployment_sources_are_unknown_unless_there_is_a_fallback() {
    let (_, s) = service(
        "resources:\n  Resources:\n    Pool:\n      Properties:\n        A: ${ssm:/prod/mfa}\n        B: ${env:MFA, 'OFF'}\n        C: pool-${env:STAGE}-x\n        D: ${cf:other.Output}\n        E: ${aws:accountId}\n        F: ${param:mfa}\n        G: ${sls:instanceId}\n        H: ${vault:secret/x}\n",
        &[],
    );
    let p = |k: &str| property(&s, "Pool", &[k]);
    assert_eq!(
        unknown_reason(&s, p("A")),
        "`${ssm:/prod/mfa}` is read from SSM Parameter Store at deployment"
    );
    assert_eq!(value_text(&s, p("B")), ("OFF", ParameterOrigin::Fallback));
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
fn include_cycles_and_unreadable_files_are_problems_at_the_reference() {
    let (files, s) = service(
        "resources:\n  - ${file(a.yml)}\n  - ${file(missing.yml)}\n  - Resources:\n      Kept:\n        Type: AWS::Cognito::UserPool\n",
        &[
            ("a.yml", "Resources:\n  A: ${file(b.yml)}\n"),
            ("b.yml", "Type: X\nProperties:\n  Again: ${file(a.yml)}\n"),
        ],
    );
    let messages: Vec<_> = s
        .problems
        .iter()
        .map(|p| (files.at(p.at), p.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "${file(a.yml)}",
                "include cycle: `${file(a.yml)}` includes itself"
            ),
            (
                "${file(missing.yml)}",
                "cannot include `missing.yml`: `svc/missing.yml` does not exist"
            ),
        ]
    );
    assert_eq!(s.problems[0].at.file, FileId(2));
    assert!(resource(&s, "Kept").get("Type").is_some());
    assert!(resource(&s, "A").get("Properties").is_some());
}

#[test]
fn a_resources_value_of_the_wrong_shape_is_a_problem() {
    let (files, s) = service("resources: 3\n", &[]);
    assert_eq!(s.problems.len(), 1);
    assert_eq!(files.at(s.problems[0].at), "3");
    assert_eq!(
        s.problems[0].message,
        "`resources` must be a mapping or a list"
    );
    let (_, s) = service(
        "resources:\n  - Pool:\n      Type: AWS::Cognito::UserPool\n  - Resources: [a]\n",
        &[],
    );
    let messages: Vec<_> = s.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "this entry of `resources` has none of `Resources`, `Outputs`, `Conditions`, `Parameters`, `Mappings`",
            "`Resources` must be a mapping",
        ]
    );
    let (_, s) = service("resources: ${env:RESOURCES}\n", &[]);
    assert_eq!(s.problems.len(), 1);
    assert!(s.problems[0]
        .message
        .contains("is read from the environment"));
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
fn services_are_recognised_by_content() {
    let parse = |t: &str| parse_yaml(FileId(0), t, Limits::default()).map(|d| d.root);
    assert!(parse("service: a\nprovider:\n  name: aws\n").is_ok_and(|r| is_service(&r)));
    assert!(parse("functions:\n  a:\n    handler: x\n").is_ok_and(|r| !is_service(&r)));
}
