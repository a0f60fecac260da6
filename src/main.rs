//! The `claimdiff` binary: parse arguments, call the library, print, and
//! map the outcome to an exit status (0 clean, 1 findings, 2 bad input).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use claimdiff::load::{self, LoadOptions, SourceArg};
use claimdiff::{case, report, testrun, text, CheckOptions};
use cli::{CheckArgs, ClaimsArgs, ClaimsFormat, Cli, ColorChoice, Command, FailOn, TestArgs, VersionsArgs};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayVersion
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            let _ = e.print();
            return if e.exit_code() == 0 { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
        Err(e) => {
            // One line, like every other error: clap's first line, then a hint.
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments").trim_start_matches("error: ");
            let _ = writeln!(std::io::stderr(), "claimdiff: error: {} (see --help)", text::neutralize(first));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let msg = format!("{e:#}");
            let line = msg.lines().collect::<Vec<_>>().join(" ");
            let _ = writeln!(std::io::stderr(), "claimdiff: error: {}", text::neutralize(&line));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(a) => check(a),
        Command::Versions(a) => versions(a),
        Command::Claims(a) => claims(a),
        Command::Test(a) => test(a),
    }
}

fn load_opts(max_bytes: u64) -> LoadOptions {
    LoadOptions { max_bytes }
}

fn check(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let opts_load = load_opts(a.input.max_bytes);
    let mut opts = CheckOptions { reference: a.reference.clone(), ..Default::default() };
    let mut docs = Vec::new();
    if let Some(path) = &a.case {
        let c = case::load_case(path, opts_load, a.input.allow_outside)?;
        if opts.reference.is_none() {
            opts.reference = c.file.reference.clone();
        }
        docs = c.docs;
    }
    let args: Vec<SourceArg> = a.sources.iter().map(|s| SourceArg::parse(s)).collect();
    docs.extend(load::load_sources(&args, opts_load)?);
    let report = claimdiff::check(docs, &opts)?;
    finish(&report, a.format, a.output.as_deref(), a.color, a.fail_on)
}

fn versions(a: VersionsArgs) -> anyhow::Result<ExitCode> {
    let opts_load = load_opts(a.input.max_bytes);
    let docs = if a.git {
        if a.files.len() > 2 {
            anyhow::bail!("versions --git takes FILE and an optional REV_RANGE");
        }
        load::git::versions(std::path::Path::new(&a.files[0]), a.files.get(1).map(String::as_str), opts_load)?
    } else {
        let args: Vec<SourceArg> = a.files.iter().map(|s| SourceArg::parse(s)).collect();
        load::load_sources(&args, opts_load)?
    };
    let report = claimdiff::versions(docs, &CheckOptions::default())?;
    finish(&report, a.format, a.output.as_deref(), a.color, a.fail_on)
}

/// Render, write, and map the worst finding to the exit status.
fn finish(
    report: &claimdiff::model::Report,
    format: report::Format,
    output: Option<&std::path::Path>,
    color: ColorChoice,
    fail_on: FailOn,
) -> anyhow::Result<ExitCode> {
    let colored = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => output.is_none(),
    };
    let rendered = report::render(report, format, colored);
    emit(&rendered, output, color)?;
    let failing = fail_on.threshold().is_some_and(|t| report.worst().is_some_and(|w| w >= t));
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn claims(a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let args: Vec<SourceArg> = a.sources.iter().map(|s| SourceArg::parse(s)).collect();
    let docs = load::load_sources(&args, load_opts(a.input.max_bytes))?;
    let report = claimdiff::claims(&docs);
    let rendered = match a.format {
        ClaimsFormat::Json => serde_json::to_string_pretty(&report).context("serialising claims")? + "\n",
        ClaimsFormat::Terminal => {
            let mut s = String::new();
            for src in &report.sources {
                s.push_str(&format!("{} ({})\n", text::neutralize(&src.id), text::neutralize(&src.path)));
                for c in &src.claims {
                    let who = c.speaker.clone().flatten().map(|n| format!(" — {n}")).unwrap_or_default();
                    let kind = format!("{:?}", c.kind).to_lowercase();
                    s.push_str(&format!(
                        "  {}:{} {kind:<6} {}{}\n",
                        c.line,
                        c.column,
                        text::neutralize(&c.text),
                        text::neutralize(&who)
                    ));
                }
            }
            s
        }
    };
    emit(&rendered, a.output.as_deref(), ColorChoice::Never)?;
    Ok(ExitCode::SUCCESS)
}

fn test(a: TestArgs) -> anyhow::Result<ExitCode> {
    let summary = testrun::run(
        &a.cases,
        &CheckOptions::default(),
        load_opts(a.input.max_bytes),
        a.input.allow_outside,
    )?;
    let rendered = match a.format {
        ClaimsFormat::Json => serde_json::to_string_pretty(&summary).context("serialising results")? + "\n",
        ClaimsFormat::Terminal => testrun::render(&summary),
    };
    emit(&rendered, None, ColorChoice::Never)?;
    Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Print to stdout (colour stripped unless wanted) or write a file whole.
fn emit(s: &str, output: Option<&std::path::Path>, color: ColorChoice) -> anyhow::Result<()> {
    if let Some(path) = output {
        claimdiff::output::write_atomic(path, s.as_bytes())?;
        return Ok(());
    }
    let choice = match color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing to stdout"),
    }
}
