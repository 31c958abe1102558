//! Assembly tests: a service and its files in memory, the template and variables out.

mod variables;

use std::path::Path;
use std::sync::Arc;

use coglint_model::ParameterOrigin;
use coglint_source::{FileId, Span};
use coglint_syntax::{parse_yaml, Document, Limits, Node};

use super::{assemble, is_service, join, IncludeError, Includes, Service};
use crate::cloudformation::Variable;

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
    fn load(&mut self, from_dir: &Path, path: &str) -> Result<Arc<Document>, IncludeError> {
        let key = join(from_dir, path).to_string_lossy().replace('\\', "/");
        if key.ends_with(".js") {
            return Err(IncludeError::Computed(
                "is code the Framework runs".to_string(),
            ));
        }
        let i = self
            .files
            .iter()
            .position(|(p, _)| *p == key)
            .ok_or_else(|| IncludeError::Unreadable(format!("`{key}` does not exist")))?;
        let id = FileId(u32::try_from(i + 1).map_err(|e| IncludeError::Unreadable(e.to_string()))?);
        parse_yaml(id, &self.files[i].1, Limits::default())
            .map(Arc::new)
            .map_err(|e| IncludeError::Unreadable(e.to_string()))
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
fn services_are_recognised_by_content() {
    let parse = |t: &str| parse_yaml(FileId(0), t, Limits::default()).map(|d| d.root);
    assert!(parse("service: a\nprovider:\n  name: aws\n").is_ok_and(|r| is_service(&r)));
    assert!(parse("functions:\n  a:\n    handler: x\n").is_ok_and(|r| !is_service(&r)));
}

#[test]
fn includes_nested_too_deeply_are_a_problem() {
    let chain: Vec<(String, String)> = (0..20)
        .map(|i| {
            (
                format!("f{i}.yml"),
                format!("X: ${{file(f{}.yml)}}\n", i + 1),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = chain
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (_, s) = service("resources:\n  Resources:\n    P: ${file(f0.yml)}\n", &refs);
    let messages: Vec<_> = s.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages, ["includes nested more than 16 deep"]);
    // f0 to f15 are read; f15 (`FileId(16)`) names the 17th.
    assert_eq!(s.problems[0].at.file, FileId(16));
}

#[test]
fn entries_merge_as_lodash_merge_does() {
    let (_, s) = service(
        "resources:\n  - Resources:\n      C:\n        Type: AWS::Cognito::UserPoolClient\n        Properties:\n          Flows: [A, B]\n          Name: first\n  - Resources:\n      C:\n        Properties:\n          Flows: [X]\n          Name: second\n",
        &[],
    );
    let flows: Vec<_> = property(&s, "C", &["Flows"])
        .items()
        .unwrap_or(&[])
        .iter()
        .filter_map(Node::as_str)
        .collect();
    assert_eq!(flows, ["X", "B"]);
    assert_eq!(property(&s, "C", &["Name"]).as_str(), Some("second"));
    assert!(resource(&s, "C").get("Type").is_some());
}
