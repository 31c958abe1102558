//! `coglint server`: a language server over standard input and output. Diagnostics for the
//! CloudFormation, SAM, Serverless and Terraform files an editor opens, from their unsaved
//! text, on open and on every change; code actions that suppress a finding (and apply the rule's
//! fix, once rules offer fixes); hover with the rule's documentation.
//!
//! What is scanned: each open file's directory (its Terraform module, its template with the
//! parameter files beside it), with every open buffer in place of its file (the scan's
//! overlay), and the directory of a CDK app whose `cdk.out` lies above an open file or changes.
//! Not the whole workspace: an editor opens a few files of a repository that may hold
//! thousands. Scans run one at a time on a worker thread, 200 ms after the last change of what
//! they cover; a result overtaken by a newer edit is dropped.

mod check;
mod convert;
mod fix;
mod suppress;
pub mod transport;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{select, unbounded, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, MarkupContent,
    MarkupKind, PublishDiagnosticsParams, Registration, RegistrationParams, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextEdit, Url,
    WorkspaceEdit,
};

use check::{Edit, Item, Job, Outcome};
use convert::Encoding;

/// How long a scan waits after the last change of what it covers.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug)]
pub enum ServerError {
    /// `exit` came before `shutdown`: LSP asks for exit code 1.
    ExitBeforeShutdown,
    Failed(String),
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServerError::ExitBeforeShutdown => f.write_str("exit before shutdown"),
            ServerError::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for ServerError {}

/// Serves LSP over standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    let (connection, threads) =
        transport::stdio().map_err(|e| ServerError::Failed(format!("cannot start: {e}")))?;
    let outcome = serve(connection);
    threads
        .join()
        .map_err(|e| ServerError::Failed(format!("writing to the client: {e}")))?;
    outcome
}

/// Serves LSP over `connection` (channels of messages) until `exit`.
pub fn serve(connection: Connection) -> Result<(), ServerError> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| ServerError::Failed(format!("initialization: {e}")))?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": {"name": "coglint", "version": env!("CARGO_PKG_VERSION")},
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| ServerError::Failed(format!("initialization: {e}")))?;
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let mut root = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .and_then(|folder| convert::path_of(&folder.uri));
    #[allow(deprecated)]
    if root.is_none() {
        root = params.root_uri.as_ref().and_then(convert::path_of);
    }

    let (jobs, worker_jobs) = unbounded::<Job>();
    let (worker_done, done) = unbounded::<Outcome>();
    let worker = std::thread::Builder::new()
        .name("coglint-scan".into())
        .spawn(move || work(&worker_jobs, &worker_done))
        .map_err(|e| ServerError::Failed(format!("cannot start the scan thread: {e}")))?;
    let mut server = Server {
        sender: connection.sender.clone(),
        encoding,
        docs: HashMap::new(),
        scopes: BTreeMap::new(),
        published: HashSet::new(),
        busy: None,
        jobs,
        shutdown: false,
    };
    if watch {
        server.register_watchers();
    }
    if let Some(root) = &root {
        if root.join("cdk.out").join("manifest.json").is_file() {
            server.add_scope(root.clone(), true);
        }
    }
    let outcome = server.main_loop(&connection.receiver, &done);
    drop(server);
    let _ = worker.join();
    outcome
}

/// The scan thread: one job at a time. A panic in a scan is reported, and the thread goes on.
fn work(jobs: &Receiver<Job>, done: &Sender<Outcome>) {
    for job in jobs {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check::run(&job)))
            .unwrap_or_else(|_| Outcome {
                scope: job.scope.clone(),
                generation: job.generation,
                files: HashMap::new(),
                log: vec![format!(
                    "coglint: the scan of {} failed (a bug: please report it)",
                    job.scope.display()
                )],
            });
        if done.send(outcome).is_err() {
            return;
        }
    }
}

/// An open document.
struct Doc {
    uri: Url,
    text: Arc<str>,
}

/// A directory scanned as a whole, and what its last scan found.
#[derive(Default)]
struct Scope {
    /// Kept without an open document in it (a CDK app, whose `cdk.out` is watched).
    pinned: bool,
    /// Bumped by every change that calls for a new scan.
    generation: u64,
    /// When the next scan is due.
    due: Option<Instant>,
    items: HashMap<PathBuf, Vec<Item>>,
}

struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    /// By absolute path, links resolved.
    docs: HashMap<PathBuf, Doc>,
    scopes: BTreeMap<PathBuf, Scope>,
    /// Files with diagnostics on the client's side.
    published: HashSet<PathBuf>,
    /// The scope being scanned.
    busy: Option<PathBuf>,
    jobs: Sender<Job>,
    shutdown: bool,
}

/// The directory to scan for a file opened in the editor, if coglint reads files of its kind.
fn scope_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let read = [".yaml", ".yml", ".json", ".template", ".tf", ".tfvars"]
        .iter()
        .any(|e| name.ends_with(e));
    read.then(|| path.parent().map(Path::to_path_buf))?
}

/// Whether an opened file is worth a scan of its directory: any Terraform file (its module may
/// call one with Cognito), and a YAML or JSON file that may be a template or a Serverless
/// service. Opening a `package.json` or a workflow file at the top of a large repository does
/// not scan the repository; such a file still brings a rescan of the scopes that hold it.
fn worth_a_scope(path: &Path, text: &str) -> bool {
    let name = path.to_string_lossy().to_lowercase();
    name.ends_with(".tf")
        || name.ends_with(".tfvars")
        || text.contains("AWS::")
        || text.contains("ognito")
        || text.contains("provider")
}

/// The directories an open document needs scanned: its own (when [`worth_a_scope`]), and that
/// of the Serverless service above it, which may include it (`${file(resources/cognito.yml)}`).
fn scopes_for(path: &Path, text: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = scope_of(path)
        .filter(|_| worth_a_scope(path, text))
        .into_iter()
        .collect();
    if scope_of(path).is_some() {
        dirs.extend(service_of(path));
    }
    dirs.dedup();
    dirs
}

/// The nearest directory above `path` with a Serverless service file, not above the
/// repository.
fn service_of(path: &Path) -> Option<PathBuf> {
    for dir in path.ancestors().skip(1) {
        let names = ["serverless.yml", "serverless.yaml", "serverless.json"];
        if names.iter().any(|n| dir.join(n).is_file()) {
            return Some(dir.to_path_buf());
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// The CDK app above `path`: the nearest directory with `cdk.out/manifest.json`, not above
/// the repository.
fn cdk_app_of(path: &Path) -> Option<PathBuf> {
    for dir in path.ancestors().skip(1) {
        if dir.join("cdk.out").join("manifest.json").is_file() {
            return Some(dir.to_path_buf());
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

impl Server {
    fn send(&self, message: impl Into<Message>) {
        let _ = self.sender.send(message.into());
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_string(), params));
    }

    fn log(&self, message: &str) {
        self.notify(
            "window/logMessage",
            serde_json::json!({"type": 3, "message": message}),
        );
    }

    fn register_watchers(&self) {
        let watchers = [
            "**/coglint.toml",
            "**/cdk.out/**/*.json",
            "**/*.tfvars",
            "**/samconfig.toml",
            "**/*.{yaml,yml,json,tf,template}",
        ]
        .iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String((*glob).to_string()),
            kind: None,
        })
        .collect();
        let registration = Registration {
            id: "coglint-watched-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        self.send(Request::new(
            RequestId::from("coglint-register-watchers".to_string()),
            "client/registerCapability".into(),
            RegistrationParams {
                registrations: vec![registration],
            },
        ));
    }

    fn main_loop(
        &mut self,
        messages: &Receiver<Message>,
        done: &Receiver<Outcome>,
    ) -> Result<(), ServerError> {
        loop {
            let wait = self
                .next_due()
                .map(|due| due.saturating_duration_since(Instant::now()))
                .unwrap_or(Duration::from_secs(3600));
            select! {
                recv(messages) -> message => match message {
                    Ok(message) => {
                        if self.handle(message) {
                            return if self.shutdown {
                                Ok(())
                            } else {
                                Err(ServerError::ExitBeforeShutdown)
                            };
                        }
                    }
                    // The client went away without `exit`.
                    Err(_) => return Err(ServerError::Failed("the client closed the connection".into())),
                },
                recv(done) -> outcome => {
                    if let Ok(outcome) = outcome {
                        self.finish(outcome);
                    }
                },
                default(wait) => {},
            }
            self.dispatch();
        }
    }

    /// When the next scan may start (none while one runs).
    fn next_due(&self) -> Option<Instant> {
        if self.busy.is_some() {
            return None;
        }
        self.scopes.values().filter_map(|s| s.due).min()
    }

    /// Starts the scan that is due first, if the worker is free.
    fn dispatch(&mut self) {
        if self.busy.is_some() {
            return;
        }
        let now = Instant::now();
        let Some(dir) = self
            .scopes
            .iter()
            .filter(|(_, s)| s.due.is_some_and(|due| due <= now))
            .min_by_key(|(_, s)| s.due)
            .map(|(dir, _)| dir.clone())
        else {
            return;
        };
        let Some(scope) = self.scopes.get_mut(&dir) else {
            return;
        };
        scope.due = None;
        let overlay: HashMap<PathBuf, Arc<str>> = self
            .docs
            .iter()
            .map(|(path, doc)| (path.clone(), Arc::clone(&doc.text)))
            .collect();
        let job = Job {
            scope: dir.clone(),
            generation: scope.generation,
            overlay: Arc::new(overlay),
            encoding: self.encoding,
        };
        if self.jobs.send(job).is_ok() {
            self.busy = Some(dir);
        }
    }

    /// Takes in a scan's outcome, unless an edit made since calls for another.
    fn finish(&mut self, outcome: Outcome) {
        self.busy = None;
        for line in &outcome.log {
            self.log(line);
        }
        let Some(scope) = self.scopes.get_mut(&outcome.scope) else {
            return;
        };
        if outcome.generation < scope.generation && scope.due.is_some() {
            return;
        }
        let mut touched: HashSet<PathBuf> = scope.items.keys().cloned().collect();
        touched.extend(outcome.files.keys().cloned());
        scope.items = outcome.files;
        self.publish(touched);
    }

    /// The diagnostics of `path`, from every scope that covers it, each once.
    fn items(&self, path: &Path) -> Vec<&Item> {
        let mut out: Vec<&Item> = Vec::new();
        for scope in self.scopes.values() {
            for item in scope.items.get(path).into_iter().flatten() {
                if !out.iter().any(|o| o.diagnostic == item.diagnostic) {
                    out.push(item);
                }
            }
        }
        out
    }

    fn uri(&self, path: &Path) -> Option<Url> {
        match self.docs.get(path) {
            Some(doc) => Some(doc.uri.clone()),
            None => Url::from_file_path(path).ok(),
        }
    }

    fn publish(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        let mut paths: Vec<PathBuf> = paths.into_iter().collect();
        paths.sort();
        for path in paths {
            let diagnostics: Vec<Diagnostic> = self
                .items(&path)
                .into_iter()
                .map(|i| i.diagnostic.clone())
                .collect();
            if diagnostics.is_empty() && !self.published.remove(&path) {
                continue;
            }
            if !diagnostics.is_empty() {
                self.published.insert(path.clone());
            }
            let Some(uri) = self.uri(&path) else {
                continue;
            };
            self.notify(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams {
                    uri,
                    diagnostics,
                    version: None,
                },
            );
        }
    }

    fn add_scope(&mut self, dir: PathBuf, pinned: bool) {
        let scope = self.scopes.entry(dir.clone()).or_default();
        scope.pinned |= pinned;
        self.schedule(&dir);
    }

    fn schedule(&mut self, dir: &Path) {
        if let Some(scope) = self.scopes.get_mut(dir) {
            scope.generation += 1;
            scope.due = Some(Instant::now() + DEBOUNCE);
        }
    }

    /// Schedules every scope that reads `path`.
    fn changed(&mut self, path: &Path) {
        let dirs: Vec<PathBuf> = self
            .scopes
            .keys()
            .filter(|dir| path.starts_with(dir))
            .cloned()
            .collect();
        for dir in dirs {
            self.schedule(&dir);
        }
    }

    fn schedule_all(&mut self) {
        let dirs: Vec<PathBuf> = self.scopes.keys().cloned().collect();
        for dir in dirs {
            self.schedule(&dir);
        }
    }

    /// Handles one message; `true` on `exit`.
    fn handle(&mut self, message: Message) -> bool {
        match message {
            Message::Request(request) => {
                let response = self.request(request);
                self.send(response);
                false
            }
            Message::Notification(notification) => self.notification(notification),
            // Answers to our registration request.
            Message::Response(_) => false,
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        if self.shutdown {
            return Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            );
        }
        let invalid = |id: RequestId, e: serde_json::Error| {
            Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                format!("invalid parameters: {e}"),
            )
        };
        match request.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Response::new_ok(id, ())
            }
            "textDocument/hover" => match serde_json::from_value::<HoverParams>(request.params) {
                Ok(params) => Response::new_ok(id, self.hover(&params)),
                Err(e) => invalid(id, e),
            },
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(params) => Response::new_ok(id, self.code_actions(&params)),
                    Err(e) => invalid(id, e),
                }
            }
            method => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("coglint does not handle {method}"),
            ),
        }
    }

    fn notification(&mut self, notification: Notification) -> bool {
        let params = notification.params;
        match notification.method.as_str() {
            "exit" => return true,
            "textDocument/didOpen" => {
                if let Ok(params) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    self.open(params.text_document.uri, params.text_document.text);
                }
            }
            "textDocument/didChange" => {
                if let Ok(params) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    self.change(params);
                }
            }
            "textDocument/didClose" => {
                if let Ok(params) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    self.close(&params.text_document.uri);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(params) = serde_json::from_value::<DidChangeWatchedFilesParams>(params) {
                    for change in params.changes {
                        if let Some(path) = convert::path_of(&change.uri) {
                            self.watched(&path);
                        }
                    }
                }
            }
            // `initialized`, `didSave` (the buffer is already what was scanned),
            // `$/cancelRequest` (requests are answered at once) and the rest.
            _ => {}
        }
        false
    }

    fn open(&mut self, uri: Url, text: String) {
        let Some(path) = convert::path_of(&uri) else {
            return;
        };
        for dir in scopes_for(&path, &text) {
            self.scopes.entry(dir).or_default();
        }
        self.docs.insert(
            path.clone(),
            Doc {
                uri,
                text: Arc::from(text),
            },
        );
        if let Some(app) = cdk_app_of(&path) {
            self.scopes.entry(app).or_default().pinned = true;
        }
        self.opened_or_changed(&path);
    }

    fn opened_or_changed(&mut self, path: &Path) {
        if path.file_name().is_some_and(|n| n == "coglint.toml") {
            self.schedule_all();
        } else {
            self.changed(path);
        }
    }

    fn change(&mut self, params: DidChangeTextDocumentParams) {
        let Some(path) = convert::path_of(&params.text_document.uri) else {
            return;
        };
        let Some(doc) = self.docs.get_mut(&path) else {
            return;
        };
        let mut text = doc.text.to_string();
        for change in params.content_changes {
            match change.range {
                // Full sync, as announced; ranged changes are applied too.
                None => text = change.text,
                Some(range) => {
                    let start = convert::offset(&text, range.start, self.encoding);
                    let end = convert::offset(&text, range.end, self.encoding).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        // A file that becomes a template as it is typed gets its directory scanned.
        for dir in scopes_for(&path, &text) {
            self.scopes.entry(dir).or_default();
        }
        doc.text = Arc::from(text);
        self.opened_or_changed(&path);
    }

    fn close(&mut self, uri: &Url) {
        let Some(path) = convert::path_of(uri) else {
            return;
        };
        if self.docs.remove(&path).is_none() {
            return;
        }
        // A scope no open document needs goes, with its diagnostics; the others read the file
        // from disk again.
        let needed: HashSet<PathBuf> = self
            .docs
            .iter()
            .flat_map(|(p, doc)| scopes_for(p, &doc.text))
            .collect();
        let gone: Vec<PathBuf> = self
            .scopes
            .iter()
            .filter(|(dir, s)| !s.pinned && !needed.contains(*dir))
            .map(|(dir, _)| dir.clone())
            .collect();
        let mut touched = HashSet::new();
        for dir in gone {
            if let Some(scope) = self.scopes.remove(&dir) {
                touched.extend(scope.items.into_keys());
            }
        }
        self.publish(touched);
        self.opened_or_changed(&path);
    }

    fn watched(&mut self, path: &Path) {
        if path.components().any(|c| c.as_os_str() == "node_modules") {
            return;
        }
        if self.docs.contains_key(path) {
            // The buffer is what counts while it is open.
            return;
        }
        if path.file_name().is_some_and(|n| n == "coglint.toml") {
            self.schedule_all();
            return;
        }
        // A new synth: the app that holds `cdk.out` is scanned from now on.
        let app = path
            .ancestors()
            .find(|a| a.file_name().is_some_and(|n| n == "cdk.out"))
            .and_then(Path::parent);
        if let Some(app) = app {
            self.add_scope(app.to_path_buf(), true);
        }
        self.changed(path);
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let path = convert::path_of(&at.text_document.uri)?;
        let item = self
            .items(&path)
            .into_iter()
            .find(|i| i.rule.is_some() && convert::contains(&i.diagnostic.range, at.position))?;
        let rule = item.rule?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: rule.page(),
            }),
            range: Some(item.diagnostic.range),
        })
    }

    fn workspace_edit(&self, edits: &[Edit]) -> WorkspaceEdit {
        let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
        for edit in edits {
            if let Some(uri) = self.uri(&edit.path) {
                changes.entry(uri).or_default().push(TextEdit {
                    range: edit.range,
                    new_text: edit.text.clone(),
                });
            }
        }
        WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(path) = convert::path_of(&params.text_document.uri) else {
            return Vec::new();
        };
        // Only quick fixes are offered: a client asking for other kinds gets none.
        if let Some(only) = &params.context.only {
            let kind = CodeActionKind::QUICKFIX;
            let quickfix = kind.as_str();
            let wanted = only.iter().any(|kind| {
                quickfix == kind.as_str() || quickfix.starts_with(&format!("{}.", kind.as_str()))
            });
            if !wanted {
                return Vec::new();
            }
        }
        let mut fixes = Vec::new();
        let mut suppressions = Vec::new();
        for item in self.items(&path) {
            if !convert::overlaps(&item.diagnostic.range, &params.range) {
                continue;
            }
            for fix in &item.fixes {
                fixes.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![item.diagnostic.clone()]),
                    edit: Some(self.workspace_edit(&fix.edits)),
                    is_preferred: Some(fix.preferred),
                    ..CodeAction::default()
                }));
            }
            if let Some((title, edit)) = &item.suppress {
                suppressions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![item.diagnostic.clone()]),
                    edit: Some(self.workspace_edit(std::slice::from_ref(edit))),
                    is_preferred: Some(false),
                    ..CodeAction::default()
                }));
            }
        }
        fixes.extend(suppressions);
        fixes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_coglint_reads_open_a_scope() {
        let dir = Path::new("/repo/infra");
        assert_eq!(scope_of(&dir.join("main.tf")), Some(dir.to_path_buf()));
        assert_eq!(scope_of(&dir.join("app.ts")), None);
        assert!(worth_a_scope(&dir.join("main.tf"), ""));
        assert!(worth_a_scope(
            &dir.join("t.yaml"),
            "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
        ));
        assert!(worth_a_scope(
            &dir.join("serverless.yml"),
            "service: a\nprovider:\n  name: aws\n"
        ));
        // A package.json at the top of a repository does not scan the repository.
        assert!(!worth_a_scope(
            Path::new("/repo/package.json"),
            "{\"name\": \"app\"}"
        ));
    }
}
