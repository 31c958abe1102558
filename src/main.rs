//! The coglint command line: argument parsing, choosing the reporter, the exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use coglint_linter::config::{self, Config};
use coglint_linter::{baseline, fix, scan, ScanOptions, ScanResult};
use coglint_report::{escape_text, render, step_summary, Format, ReportOptions};
use coglint_rules::{all_rules, find_retired, find_rule, retired_rules, Finding, Severity};
use coglint_source::SourceDb;

/// Finds security misconfigurations of Amazon Cognito in infrastructure as code.
///
/// coglint reads CloudFormation templates (YAML and JSON, SAM included), Serverless Framework
/// services, AWS Amplify backends, Terraform modules and AWS CDK cloud assemblies
/// (`cdk synth && coglint check`),
/// models every Cognito user pool and app client with AWS's defaults for what is omitted, and
/// reports each finding at the place in the source that causes it. Values it cannot know before
/// deployment (a parameter or variable without a value, Fn::ImportValue, a data source) never
/// produce a finding.
#[derive(Parser, Debug)]
#[command(name = "coglint", version, about, long_about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const AFTER_HELP: &str = "Exit codes: 0 no finding at or above --fail-on; 1 findings, or a suppression without a reason or expired; 2 the scan is incomplete (usage error, or a file that could not be read or parsed).\nDocumentation: https://github.com/coglint/coglint";

#[derive(Subcommand, Debug)]
enum Command {
    /// Scan files and directories for Cognito misconfigurations.
    ///
    /// Directories are walked honouring .gitignore and .ignore and skipping hidden directories
    /// and node_modules. Templates are recognised by content (a `Resources` map of typed
    /// resources), and so are Serverless services (`service` and `provider`, with the files they
    /// include); other YAML and JSON files are skipped silently. Amplify backends are read with
    /// their parameters.json and environments, or from cli-inputs.json; SAM templates with
    /// samconfig.toml (docs/projects.md). A directory of .tf and .tf.json files is a Terraform
    /// module; modules called by another scanned module are checked through their calls. A CDK
    /// app's cdk.out (and Amplify Gen 2's .amplify/artifacts/cdk.out) is read through its
    /// manifest, even when git-ignored. A file named on the command line is always scanned, even
    /// when ignored. The recommended rules run by default; `--select hardening` adds the
    /// hardening group. Suppress a finding with `# coglint:ignore CODE -- reason` above it
    /// (docs/suppressions.md).
    Check(Box<CheckArgs>),
    /// List every rule: code, name, severity, group, whether it is on under the configuration
    /// (the nearest coglint.toml, or --config), and what it finds.
    Rules {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
        /// The configuration file (default: the nearest coglint.toml above the current directory).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print the documentation of one rule (by code or name, e.g. COG301 or client-implicit-grant).
    Rule {
        /// The rule's code or name.
        rule: String,
    },
    /// Run the language server (LSP over standard input and output), for editors: diagnostics
    /// as you type, code actions that suppress a finding, the rule's documentation on hover.
    /// See docs/editors.md.
    Server,
    /// Show the effective configuration: the coglint.toml found (or given) and the defaults.
    Config {
        /// Print the effective configuration as TOML, with every rule option and its value.
        #[arg(long)]
        show: bool,
        /// The configuration file (default: the nearest coglint.toml above PATH).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Where to look for coglint.toml from.
        #[arg(default_value = ".")]
        path: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,

    /// When to color the human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Low, value_name = "SEVERITY")]
    fail_on: SeverityArg,

    /// The configuration file (select, ignore, severity, rule options). Default: the nearest
    /// coglint.toml in the first scanned path or above it. See docs/configuration.md.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Turn rules on, beside the recommended set and the configuration's: codes, names, code
    /// prefixes (COG3), severities, `hardening` or `all` (comma-separated, repeatable).
    #[arg(long, value_name = "SELECTOR", value_delimiter = ',')]
    select: Vec<String>,

    /// Turn rules off, after everything else (same selectors as --select).
    #[arg(long, value_name = "SELECTOR", value_delimiter = ',')]
    ignore: Vec<String>,

    /// Values for the parameters of every template: the CLI's
    /// `[{"ParameterKey":..,"ParameterValue":..}]` list, a `{"Parameters": {..}}` object or a
    /// plain `{"Name": value}` object. They win over the values a project keeps beside a
    /// template (samconfig.toml, Amplify's parameters.json, `[[parameters]]` in coglint.toml).
    /// A parameter with no value is checked with its `Default`, or with each of its
    /// `AllowedValues` as a scenario, and is unknown without either.
    #[arg(long, value_name = "FILE")]
    parameters: Option<PathBuf>,

    /// The samconfig environment whose `parameter_overrides` apply to the template beside it
    /// (as `sam deploy --config-env`).
    #[arg(long, value_name = "NAME", default_value = "default")]
    config_env: String,

    /// A Terraform variable for root modules, as `NAME=VALUE` (repeatable; string variables).
    /// Precedence as in Terraform: -var, then --var-file, then *.auto.tfvars, then
    /// terraform.tfvars, then the variable's default.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    vars: Vec<(String, String)>,

    /// A Terraform variable file for root modules (repeatable; later files win).
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<PathBuf>,

    /// Also list the values coglint could not decide statically, and why, and the Terraform
    /// module calls it does not follow.
    #[arg(long)]
    show_unknown: bool,

    /// Ignore every suppression (inline comments and resource metadata), for audits.
    #[arg(long)]
    no_inline_suppressions: bool,

    /// Report only findings that FILE (written by --write-baseline) does not hold. A finding is
    /// matched by rule, file, resource and setting, not by line, so moved lines still match.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// SARIF: write absolute file:// URIs instead of ones relative to %SRCROOT% (the working
    /// directory), for editors reading a local report.
    #[arg(long)]
    sarif_absolute_uris: bool,

    /// Record the findings of this run in FILE, to be given to --baseline later.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,

    /// Apply the safe fixes (those that cannot break a working sign-in) to the files under
    /// the scanned paths, then report what remains. Generated files (cdk.out, Amplify
    /// backends) are never written. See docs/fixes.md.
    #[arg(long)]
    fix: bool,

    /// With --fix or --diff: the unsafe fixes too (removing the implicit grant, a longer
    /// minimum password, ...), which may change what users or applications rely on.
    #[arg(long)]
    unsafe_fixes: bool,

    /// Print the fixes as a unified diff and write nothing. Exit code 1 when there is a fix
    /// to apply, 0 when there is none, 2 when the scan is incomplete.
    #[arg(long)]
    diff: bool,
}

fn parse_var(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("expected NAME=VALUE, got `{text}`")),
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Graphical report with source snippets (miette).
    Human,
    /// One line per finding: path:line:col: CODE [severity] message.
    Concise,
    /// A versioned JSON document (see docs/json-format.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and editors.
    Sarif,
    /// GitHub Actions annotations; also appends a summary to $GITHUB_STEP_SUMMARY when set.
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
            SeverityArg::Critical => Severity::Critical,
        }
    }
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules { json, config } => match configuration(config.as_deref(), Path::new(".")) {
            Ok(config) => list_rules(json, &config),
            Err(code) => code,
        },
        Command::Rule { rule } => show_rule(&rule),
        Command::Config { show, config, path } => show_config(show, config, &path),
        Command::Server => match coglint_server::run_stdio() {
            Ok(()) => ExitCode::SUCCESS,
            Err(coglint_server::ServerError::ExitBeforeShutdown) => ExitCode::from(EXIT_FINDINGS),
            Err(e) => {
                eprintln!("coglint server: {}", escape_text(&e.to_string()));
                ExitCode::from(EXIT_ERROR)
            }
        },
    }
}

/// The configuration given, or the nearest one above `start`, or the defaults.
fn configuration(
    given: Option<&std::path::Path>,
    start: &std::path::Path,
) -> Result<Config, ExitCode> {
    let path = match given {
        Some(path) => Some(path.to_path_buf()),
        None => config::find(start),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let config = config::load(&path).map_err(|e| {
        eprintln!("coglint: {}", escape_text(&e.to_string()));
        ExitCode::from(EXIT_ERROR)
    })?;
    // Warnings do not stop the run: the configuration still means what it says.
    for warning in &config.warnings {
        eprintln!("{}", escape_text(&warning.to_string()));
    }
    Ok(config)
}

fn show_config(show: bool, given: Option<PathBuf>, start: &std::path::Path) -> ExitCode {
    if !show {
        eprintln!("coglint: `coglint config` takes --show");
        return ExitCode::from(EXIT_ERROR);
    }
    match configuration(given.as_deref(), start) {
        Ok(config) => match write_output(None, &config::show(&config)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(EXIT_ERROR),
        },
        Err(code) => code,
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let start = args
        .paths
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let mut config = match configuration(args.config.as_deref(), &start) {
        Ok(config) => config,
        Err(code) => return code,
    };
    if let Err(e) = config.choose_from_flags(&args.select, &args.ignore) {
        eprintln!("coglint: {}", escape_text(&e.to_string()));
        return ExitCode::from(EXIT_ERROR);
    }
    let options = ScanOptions {
        rules: config.rules,
        settings: config.settings,
        severities: config.severities,
        paths: args.paths,
        parameters: args.parameters,
        parameter_files: config.parameters,
        config_env: Some(args.config_env),
        vars: args.vars,
        var_files: args.var_files,
        suppressions: !args.no_inline_suppressions,
        excerpts: true,
        // The human and JSON reports show a fix's edits: a template's are rendered while the
        // scan holds its tree.
        render_fixes: matches!(args.format, FormatArg::Human | FormatArg::Json)
            && !args.fix
            && !args.diff,
        ..ScanOptions::default()
    };
    let timings = std::env::var_os("COGLINT_TIMINGS").is_some();
    let started = Instant::now();
    let root = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if args.unsafe_fixes && !args.fix && !args.diff {
        eprintln!("coglint: --unsafe-fixes goes with --fix or --diff");
        return ExitCode::from(EXIT_ERROR);
    }
    // With a baseline, only the findings it does not hold are fixed.
    let known = match &args.baseline {
        Some(path) if args.fix || args.diff => match baseline::read(path) {
            Ok(known) => Some(known),
            Err(e) => {
                eprintln!("coglint: {}", escape_text(&e.to_string()));
                return ExitCode::from(EXIT_ERROR);
            }
        },
        _ => None,
    };
    let select = |findings: Vec<Finding>, sources: &SourceDb| match &known {
        Some(known) => baseline::new_findings(findings, known.clone(), sources, &root),
        None => findings,
    };
    if args.diff {
        let output = args.output.as_deref();
        return show_diff(&options, args.unsafe_fixes, output, &root, &select);
    }
    let mut result = if args.fix {
        match apply_fixes(&options, args.unsafe_fixes, &select) {
            Ok(result) => result,
            Err(code) => return code,
        }
    } else {
        let mut result = scan(&options);
        // Only the human and JSON reports show a fix's edits: those the scan did not render
        // read the files they edit again.
        if matches!(args.format, FormatArg::Human | FormatArg::Json) {
            fix::render_in(&mut result.findings, &mut result.sources);
        }
        result
    };
    let scanned = started.elapsed();
    if let Some(path) = &args.write_baseline {
        if let Err(e) = baseline::write(path, &result.findings, &result.sources, &root) {
            eprintln!("coglint: {}", escape_text(&e.to_string()));
            return ExitCode::from(EXIT_ERROR);
        }
    }
    if let Some(path) = &args.baseline {
        match baseline::read(path) {
            Ok(known) => {
                let findings = std::mem::take(&mut result.findings);
                result.findings = baseline::new_findings(findings, known, &result.sources, &root);
            }
            Err(e) => {
                eprintln!("coglint: {}", escape_text(&e.to_string()));
                return ExitCode::from(EXIT_ERROR);
            }
        }
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    let fail_on = Severity::from(args.fail_on);
    let report_options = ReportOptions {
        color,
        show_unknown: args.show_unknown,
        root,
        fail_on,
        width,
        absolute_uris: args.sarif_absolute_uris,
    };
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let rendering = Instant::now();
    let text = render(&result, format, &report_options);
    if let Err(e) = write_output(args.output.as_deref(), &text) {
        eprintln!("coglint: cannot write the report: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    if timings {
        // For scripts/bench.py: where the time goes, on stderr.
        eprintln!(
            "coglint: timings: scan {:.3} s ({} files), report {:.3} s ({} findings, {} bytes)",
            scanned.as_secs_f64(),
            result.files_scanned,
            rendering.elapsed().as_secs_f64(),
            result.findings.len(),
            text.len()
        );
        let phases: Vec<String> = result
            .phases
            .iter()
            .map(|(name, took)| format!("{name} {:.3} s", took.as_secs_f64()))
            .collect();
        eprintln!("coglint: timings: scan phases: {}", phases.join(", "));
    }
    if format == Format::Github {
        if let Some(summary_path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
            let summary = step_summary(&result, &report_options);
            let appended = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&summary_path)
                .and_then(|mut f| f.write_all(summary.as_bytes()));
            if let Err(e) = appended {
                eprintln!("coglint: cannot write the step summary: {e}");
            }
        }
    }
    if result.has_errors() {
        ExitCode::from(EXIT_ERROR)
    } else if result.findings.iter().any(|f| f.severity >= fail_on) || result.has_failing_problems()
    {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Which findings of a scan may be fixed (those a baseline does not hold).
type Select<'a> = dyn Fn(Vec<Finding>, &SourceDb) -> Vec<Finding> + 'a;

/// `--fix`: applies the fixes, says how many, and returns the scan of what remains.
fn apply_fixes(
    options: &ScanOptions,
    unsafe_fixes: bool,
    select: &Select,
) -> Result<ScanResult, ExitCode> {
    let run = fix::fix_selected(options, unsafe_fixes, select).map_err(|e| {
        eprintln!("coglint: {}", escape_text(&e.to_string()));
        ExitCode::from(EXIT_ERROR)
    })?;
    report_refused(&run.refused);
    let result = run.result;
    let unsafe_left = unsafe_left(
        &select(result.findings.clone(), &result.sources),
        unsafe_fixes,
    );
    let noun = |n: usize| if n == 1 { "finding" } else { "findings" };
    let mut line = format!("coglint: fixed {} {}", run.fixed, noun(run.fixed));
    if unsafe_left > 0 {
        line.push_str(&format!(" ({unsafe_left} more with --unsafe-fixes)"));
    }
    eprintln!("{line}");
    Ok(result)
}

/// Findings with an unsafe fix that `--unsafe-fixes` would apply.
fn unsafe_left(findings: &[Finding], unsafe_fixes: bool) -> usize {
    if unsafe_fixes {
        return 0;
    }
    findings
        .iter()
        .filter(|f| {
            f.fix.as_ref().is_some_and(|x| {
                x.is_rendered() && x.applicability == coglint_rules::Applicability::Unsafe
            })
        })
        .count()
}

fn report_refused(refused: &[(PathBuf, String)]) {
    for (path, reason) in refused {
        eprintln!(
            "coglint: not fixed: {}: {}",
            escape_text(&path.display().to_string()),
            escape_text(reason)
        );
    }
}

/// `--diff`: the fixes of one pass as a unified diff; nothing is written.
fn show_diff(
    options: &ScanOptions,
    unsafe_fixes: bool,
    output: Option<&Path>,
    root: &Path,
    select: &Select,
) -> ExitCode {
    let mut result = scan(options);
    fix::render_in(&mut result.findings, &mut result.sources);
    let chosen = select(std::mem::take(&mut result.findings), &result.sources);
    let plan = fix::plan(&chosen, &result.sources, &options.paths, unsafe_fixes);
    report_refused(&plan.refused);
    let diff = fix::unified_diff(&plan.files, root);
    if let Err(e) = write_output(output, &diff) {
        eprintln!("coglint: cannot write the diff: {e}");
        return ExitCode::from(EXIT_ERROR);
    }
    let noun = |n: usize| if n == 1 { "finding" } else { "findings" };
    let mut line = format!("coglint: would fix {} {}", plan.fixed, noun(plan.fixed));
    if plan.unsafe_left > 0 {
        line.push_str(&format!(" ({} more with --unsafe-fixes)", plan.unsafe_left));
    }
    eprintln!("{line}");
    if result.has_errors() {
        ExitCode::from(EXIT_ERROR)
    } else if plan.files.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}

fn write_output(path: Option<&std::path::Path>, text: &str) -> std::io::Result<()> {
    match path {
        Some(path) => std::fs::write(path, text),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()
        }
    }
}

/// Every rule, with its group and whether the configuration turns it on, then the retired ones
/// (marked `retired`, with why), so that a code found in an old report or configuration can be
/// looked up.
fn list_rules(json: bool, config: &Config) -> ExitCode {
    let on = |code: &str| config.rules.iter().any(|r| r.meta().code == code);
    let mut out = String::new();
    if json {
        let mut rules: Vec<_> = all_rules()
            .iter()
            .map(|r| {
                let m = r.meta();
                serde_json::json!({
                    "code": m.code,
                    "name": m.name,
                    "severity": m.severity.as_str(),
                    "group": m.group.as_str(),
                    "enabled": on(m.code),
                    "category": m.category.title(),
                    "summary": m.summary,
                    "related": m.related,
                    "aliases": m.aliases,
                    "retired": false,
                    "url": m.url(),
                })
            })
            .collect();
        rules.extend(retired_rules().iter().map(|r| {
            serde_json::json!({
                "code": r.code,
                "name": r.name,
                "retired": true,
                "summary": r.headline,
                "url": r.url(),
            })
        }));
        out = serde_json::to_string_pretty(&rules).unwrap_or_default();
        out.push('\n');
    } else {
        // The name column is as wide as the longest name, so that the columns stay aligned.
        let width = all_rules()
            .iter()
            .map(|r| r.meta().name.len())
            .chain(retired_rules().iter().map(|r| r.name.len()))
            .max()
            .unwrap_or(0);
        for rule in all_rules() {
            let m = rule.meta();
            out.push_str(&format!(
                "{:<7} {:<width$} {:<9} {:<12} {:<4} {}\n",
                m.code,
                m.name,
                m.severity.as_str(),
                m.group.as_str(),
                if on(m.code) { "on" } else { "off" },
                m.summary
            ));
        }
        for retired in retired_rules() {
            out.push_str(&format!(
                "{:<7} {:<width$} {:<9} {:<12} {:<4} {}\n",
                retired.code, retired.name, "retired", "-", "off", retired.headline
            ));
        }
    }
    match write_output(None, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(EXIT_ERROR),
    }
}

fn show_rule(name: &str) -> ExitCode {
    let out = match (find_rule(name), find_retired(name)) {
        (Some(rule), _) => rule.meta().page(),
        (None, Some(retired)) => retired.page(),
        (None, None) => {
            eprintln!(
                "coglint: no rule `{}`; `coglint rules` lists them",
                escape_text(name)
            );
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match write_output(None, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(EXIT_ERROR),
    }
}
