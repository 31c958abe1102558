//! `coglint server` driven over standard input and output as an editor drives it: initialize,
//! didOpen, publishDiagnostics, hover, codeAction, didChange, didChangeWatchedFiles, shutdown
//! and exit; malformed messages are answered and the server keeps going.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another.
    queue: VecDeque<Value>,
    next_id: i64,
}

fn read_message(out: &mut impl BufRead) -> Option<Value> {
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    out.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    fn start(root: &Path, encodings: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_coglint"))
            .arg("server")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start coglint server: {e}"));
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            panic!("no pipes")
        };
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            while let Some(message) = read_message(&mut out) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            queue: VecDeque::new(),
            next_id: 0,
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                },
            }),
        );
        let expected = encodings
            .iter()
            .find(|e| **e == "utf-8")
            .copied()
            .unwrap_or("utf-16");
        assert_eq!(
            result["result"]["capabilities"]["positionEncoding"],
            expected
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: &Value) {
        let text = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{text}", text.len()).as_bytes());
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin
            .write_all(bytes)
            .and_then(|()| self.stdin.flush())
            .unwrap_or_else(|e| panic!("writing to the server: {e}"));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `wanted` accepts; the others are kept for later. Requests of the
    /// server (registerCapability) are answered.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(pos) = self.queue.iter().position(&wanted) {
            if let Some(message) = self.queue.remove(pos) {
                return message;
            }
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) => {
                    if message.get("method").is_some() && message.get("id").is_some() {
                        let id = message["id"].clone();
                        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
                    }
                    if wanted(&message) {
                        return message;
                    }
                    self.queue.push_back(message);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; received: {:#?}", self.queue)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output waiting for {what}")
                }
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(method, |m| m["id"] == id && m.get("method").is_none())
    }

    /// The next diagnostics published for `uri` that `wanted` accepts.
    fn diagnostics(&mut self, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| wanted(d))
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn open(&mut self, path: &Path, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": file_uri(path), "languageId": language, "version": 1, "text": text,
            }}),
        );
    }

    fn change(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": file_uri(path), "version": version},
                "contentChanges": [{"text": text}],
            }),
        );
    }

    /// shutdown, exit, and the process ends with 0.
    fn stop(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    assert!(status.success(), "exit status {status}");
                    return;
                }
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {
                    let _ = self.child.kill();
                    panic!("the server did not exit");
                }
            }
        }
    }
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

/// Applies LSP text edits (UTF-16 columns) to `text`, last first.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap_or(0) as usize;
        let character = position["character"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (at, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + at;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

/// A project directory: a repository (so that reads may reach the whole of it).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

const ON_DISK: &str = "\
Parameters:
  Mfa:
    Type: String
    Default: \"OFF\"
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: \"ON\"
";

#[test]
fn a_yaml_buffer_is_checked_as_typed_and_a_suppression_silences_it() {
    let dir = project();
    let root = real(dir.path());
    let template = root.join("infra").join("template.yaml");
    write(&template, ON_DISK);
    let uri = file_uri(&template);
    let mut client = Client::start(&root, &["utf-16"]);

    // The unsaved buffer, not the file on disk: MFA comes from the parameter's default.
    let buffer = ON_DISK.replace("\"ON\"", "!Ref Mfa");
    client.open(&template, "yaml", &buffer);
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG101").is_empty());
    let mfa = with_code(&diagnostics, "COG101")[0].clone();
    assert_eq!(mfa["source"], "coglint");
    assert_eq!(mfa["severity"], 1, "high is an error");
    assert_eq!(mfa["range"]["start"], json!({"line": 8, "character": 24}));
    assert_eq!(
        mfa["codeDescription"]["href"],
        "https://github.com/coglint/coglint/blob/main/docs/rules/mfa-off.md"
    );
    // The parameter's default is the related information.
    let related = &mfa["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri);
    assert_eq!(related["location"]["range"]["start"]["line"], 3);

    // Hover on the finding: the rule's page, as `coglint rule COG101` prints it.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 26}}),
    );
    let page = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(page.starts_with("# mfa-off (COG101)"), "{hover}");
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");

    // Suppress it: the inserted comment is accepted by the rescan, which reports it no more,
    // nor the suppression itself.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": mfa["range"],
            "context": {"diagnostics": [mfa]},
        }),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    let Some(suppress) = actions
        .iter()
        .find(|a| a["title"] == "Suppress COG101 here")
    else {
        panic!("no suppression among {actions:#?}")
    };
    assert_eq!(suppress["kind"], "quickfix");
    let edits = suppress["edit"]["changes"][&uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let suppressed = apply(&buffer, &edits);
    assert!(
        suppressed.contains(
            "      # coglint:ignore COG101 -- TODO: why this is acceptable\n      MfaConfiguration: !Ref Mfa\n"
        ),
        "{suppressed}"
    );
    client.change(&template, 2, &suppressed);
    let after = client.diagnostics(&uri, |d| with_code(d, "COG101").is_empty());
    assert!(
        after
            .iter()
            .all(|d| d["code"] != "invalid-suppression" && d["code"] != "unused-suppression"),
        "{after:#?}"
    );

    // A syntax error is a diagnostic too; fixing it brings the findings back.
    client.change(&template, 3, &buffer.replace("!Ref Mfa", "[!Ref Mfa"));
    let broken = client.diagnostics(&uri, |d| !with_code(d, "syntax-error").is_empty());
    assert_eq!(with_code(&broken, "syntax-error")[0]["severity"], 1);
    client.change(&template, 4, &buffer);
    client.diagnostics(&uri, |d| {
        with_code(d, "syntax-error").is_empty() && !with_code(d, "COG101").is_empty()
    });

    // Closed: the scope goes, and its diagnostics with it.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    client.diagnostics(&uri, <[Value]>::is_empty);
    client.stop();
}

#[test]
fn a_tf_buffer_takes_its_files_place_in_its_module() {
    let dir = project();
    let root = real(dir.path());
    let module = root.join("tf");
    write(
        &module.join("variables.tf"),
        "variable \"mfa\" {\n  type = string\n}\n",
    );
    write(&module.join("terraform.tfvars"), "mfa = \"OFF\"\n");
    let main = module.join("main.tf");
    let on_disk =
        "resource \"aws_cognito_user_pool\" \"pool\" {\n  mfa_configuration = \"ON\"\n}\n";
    write(&main, on_disk);
    // UTF-8 positions when the client offers them.
    let mut client = Client::start(&root, &["utf-8", "utf-16"]);
    let buffer = on_disk.replace("\"ON\"", "var.mfa");
    let uri = file_uri(&main);
    client.open(&main, "terraform", &buffer);
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG101").is_empty());
    let mfa = with_code(&diagnostics, "COG101")[0];
    assert_eq!(mfa["range"]["start"], json!({"line": 1, "character": 22}));
    let related = mfa["relatedInformation"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == file_uri(&module.join("terraform.tfvars"))),
        "{related:#?}"
    );

    // The variable file changes on disk: the watched-file notice brings a rescan.
    write(&module.join("terraform.tfvars"), "mfa = \"ON\"\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&module.join("terraform.tfvars")), "type": 2}]}),
    );
    client.diagnostics(&uri, |d| with_code(d, "COG101").is_empty());

    // coglint.toml: ignoring a rule applies at the next scan.
    write(&module.join("terraform.tfvars"), "mfa = \"OFF\"\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&module.join("terraform.tfvars")), "type": 2}]}),
    );
    client.diagnostics(&uri, |d| !with_code(d, "COG101").is_empty());
    write(&root.join("coglint.toml"), "ignore = [\"COG101\"]\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("coglint.toml")), "type": 1}]}),
    );
    client.diagnostics(&uri, |d| with_code(d, "COG101").is_empty() && !d.is_empty());
    client.stop();
}

#[test]
fn a_json_template_is_suppressed_through_metadata() {
    let dir = project();
    let root = real(dir.path());
    let template = root.join("template.json");
    let text = "{\n  \"Resources\": {\n    \"Pool\": {\n      \"Type\": \"AWS::Cognito::UserPool\",\n      \"Properties\": {\"MfaConfiguration\": \"OFF\"}\n    }\n  }\n}\n";
    write(&template, text);
    let uri = file_uri(&template);
    let mut client = Client::start(&root, &[]);
    client.open(&template, "json", text);
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG101").is_empty());
    let mfa = with_code(&diagnostics, "COG101")[0].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": mfa["range"], "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    let Some(suppress) = actions
        .iter()
        .find(|a| a["title"] == "Suppress COG101 for `Pool`")
    else {
        panic!("no suppression among {actions:#?}")
    };
    let edits = suppress["edit"]["changes"][&uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let suppressed = apply(text, &edits);
    let parsed: Value = serde_json::from_str(&suppressed)
        .unwrap_or_else(|e| panic!("not JSON after the edit: {e}\n{suppressed}"));
    assert_eq!(
        parsed["Resources"]["Pool"]["Metadata"]["coglint"]["ignore"][0]["id"],
        "COG101"
    );
    client.change(&template, 2, &suppressed);
    let after = client.diagnostics(&uri, |d| with_code(d, "COG101").is_empty());
    assert!(
        after
            .iter()
            .all(|d| d["code"] != "invalid-suppression" && d["code"] != "unused-suppression"),
        "{after:#?}"
    );
    client.stop();
}

#[test]
fn a_new_cdk_synth_puts_diagnostics_on_the_apps_source() {
    let dir = project();
    let root = real(dir.path());
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/cdk/stack-traces");
    let source = std::fs::read_to_string(fixture.join("lib/auth-stack.ts"))
        .unwrap_or_else(|e| panic!("{e}"));
    write(&root.join("lib/auth-stack.ts"), &source);
    let mut client = Client::start(&root, &["utf-16"]);
    // `cdk synth` writes the assembly after the server started; its traces name the app's
    // source where it was synthesized, here rewritten to the copy.
    for entry in std::fs::read_dir(fixture.join("cdk.out")).unwrap_or_else(|e| panic!("{e}")) {
        let Ok(entry) = entry else { continue };
        if !entry.path().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let text = text.replace(
            "/work/main/testdata/cdk/stack-traces",
            &root.display().to_string(),
        );
        write(&root.join("cdk.out").join(entry.file_name()), &text);
    }
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("cdk.out/manifest.json")), "type": 1}]}),
    );
    let uri = file_uri(&root.join("lib/auth-stack.ts"));
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG301").is_empty());
    // The app client's construct: `new cognito.UserPoolClient(...)` on line 13, column 14.
    assert_eq!(
        with_code(&diagnostics, "COG301")[0]["range"]["start"],
        json!({"line": 12, "character": 13})
    );
    client.stop();
}

#[test]
fn malformed_messages_are_answered_and_the_server_goes_on() {
    let dir = project();
    let root = real(dir.path());
    let mut client = Client::start(&root, &[]);
    client.raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(error["id"], Value::Null);
    let bad = client.request("textDocument/hover", json!({"position": "nowhere"}));
    assert_eq!(bad["error"]["code"], -32602);
    let unknown = client.request("textDocument/definition", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    // Still serving: a hover where nothing is found.
    let none = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": file_uri(&root.join("x.yaml"))}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(none["result"], Value::Null);
    client.stop();
}

#[test]
fn a_rules_safe_fix_is_the_preferred_quick_fix() {
    let dir = project();
    let root = real(dir.path());
    let template = root.join("template.yaml");
    write(&template, ON_DISK);
    let uri = file_uri(&template);
    let mut client = Client::start(&root, &["utf-16"]);
    client.open(&template, "yaml", ON_DISK);
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG601").is_empty());
    let deletion = with_code(&diagnostics, "COG601")[0].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": deletion["range"], "context": {"diagnostics": [deletion]}}),
    );
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    // The fix comes before the suppressions.
    let first = &actions[0];
    assert_eq!(
        first["title"], "Set `DeletionProtection` to `ACTIVE`",
        "{actions:#?}"
    );
    assert_eq!(first["isPreferred"], true);
    let edits = first["edit"]["changes"][&uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let fixed = apply(ON_DISK, &edits);
    assert!(fixed.contains("DeletionProtection: ACTIVE"), "{fixed}");
    client.change(&template, 2, &fixed);
    client.diagnostics(&uri, |d| {
        with_code(d, "COG601").is_empty() && !with_code(d, "COG110").is_empty()
    });
    client.stop();
}

#[test]
fn a_serverless_include_is_read_from_its_buffer() {
    let dir = project();
    let root = real(dir.path());
    let service = root.join("svc");
    write(
        &service.join("serverless.yml"),
        "service: tickets\nprovider:\n  name: aws\nresources:\n  Resources:\n    UserPool: ${file(resources/cognito.yml):UserPool}\n",
    );
    let include = service.join("resources").join("cognito.yml");
    let on_disk =
        "UserPool:\n  Type: AWS::Cognito::UserPool\n  Properties:\n    MfaConfiguration: \"ON\"\n";
    write(&include, on_disk);
    let mut client = Client::start(&root, &["utf-16"]);
    // Only the included file is open: the service above it is scanned with the buffer.
    let buffer = on_disk.replace("\"ON\"", "\"OFF\"");
    let uri = file_uri(&include);
    client.open(&include, "yaml", &buffer);
    let diagnostics = client.diagnostics(&uri, |d| !with_code(d, "COG101").is_empty());
    assert_eq!(
        with_code(&diagnostics, "COG101")[0]["range"]["start"],
        json!({"line": 3, "character": 22})
    );
    client.stop();
}

#[test]
fn exit_without_shutdown_ends_with_1() {
    let dir = project();
    let mut client = Client::start(&real(dir.path()), &[]);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + WAIT;
    loop {
        match client.child.try_wait() {
            Ok(Some(status)) => {
                assert_eq!(status.code(), Some(1));
                return;
            }
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = client.child.kill();
                panic!("the server did not exit");
            }
        }
    }
}
