//! The `claimdiff` binary: parse arguments, call the library, print, and
//! map the outcome to an exit status (0 clean, 1 findings, 2 bad input).

mod cli;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser};

use claimdiff::baseline::Baseline;
use claimdiff::config::Config;
use claimdiff::load::{self, Document, LoadOptions, SourceArg};
use claimdiff::model::Report;
use claimdiff::{case, report, testrun, text, CheckOptions};
use cli::{
    AuditArgs, BatchArgs, CheckArgs, ClaimsArgs, ClaimsFormat, Cli, ColorChoice, Command, FailOn, ReportArgs,
    TestArgs, VersionsArgs,
};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
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

/// Help and version print as clap renders them; any other usage error is
/// one line, like every other error, with exit status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.exit_code() == 0 { ExitCode::SUCCESS } else { ExitCode::from(2) };
    }
    let rendered = e.render().to_string();
    let first = rendered.lines().next().unwrap_or("invalid arguments").trim_start_matches("error: ");
    let _ = writeln!(std::io::stderr(), "claimdiff: error: {} (see --help)", text::neutralize(first));
    ExitCode::from(2)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(a) => check(a),
        Command::Versions(a) => versions(a),
        Command::Claims(a) => claims(a),
        Command::Test(a) => test(a),
        Command::Batch(a) => batch(a),
        Command::Audit(a) => audit(a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "claimdiff", &mut out);
            emit(&String::from_utf8_lossy(&out), None, ColorChoice::Never)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out).context("rendering the man page")?;
            emit(&String::from_utf8_lossy(&out), None, ColorChoice::Never)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load_opts(max_bytes: u64) -> LoadOptions {
    LoadOptions { max_bytes }
}

/// Read the sources, warning on stderr of each directory entry left out.
fn load_sources(args: &[SourceArg], opts: LoadOptions) -> anyhow::Result<Vec<Document>> {
    let mut skipped = Vec::new();
    let docs = load::load_sources_noting(args, opts, &mut skipped)?;
    for s in skipped {
        let _ = writeln!(std::io::stderr(), "claimdiff: warning: {}", text::neutralize(&s.to_string()));
    }
    Ok(docs)
}

/// The config file (`--config`, else `./claimdiff.yaml` when present).
fn config(r: &ReportArgs) -> anyhow::Result<Config> {
    Ok(Config::load(r.config.as_deref(), Path::new("."))?.0)
}

fn check(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let opts_load = load_opts(a.input.max_bytes);
    let mut opts = CheckOptions { reference: a.reference.clone(), config: config(&a.report)? };
    let mut docs = Vec::new();
    if let Some(path) = &a.case {
        let c = case::load_case(path, opts_load, a.input.allow_outside)?;
        if opts.reference.is_none() {
            opts.reference = c.file.reference.clone();
        }
        docs = c.docs;
    }
    let args: Vec<SourceArg> = a.sources.iter().map(|s| SourceArg::parse(s)).collect();
    docs.extend(load_sources(&args, opts_load)?);
    progress(&docs);
    let report = claimdiff::check(docs, &opts)?;
    finish(report, &a.report, &opts.config)
}

fn versions(a: VersionsArgs) -> anyhow::Result<ExitCode> {
    let opts_load = load_opts(a.input.max_bytes);
    let docs = if a.git {
        if a.files.len() > 2 {
            anyhow::bail!("versions --git takes FILE and an optional REV_RANGE");
        }
        load::git::versions(Path::new(&a.files[0]), a.files.get(1).map(String::as_str), opts_load)?
    } else {
        let args: Vec<SourceArg> = a.files.iter().map(|s| SourceArg::parse(s)).collect();
        load_sources(&args, opts_load)?
    };
    progress(&docs);
    let opts = CheckOptions { reference: None, config: config(&a.report)? };
    let report = claimdiff::versions(docs, &opts)?;
    finish(report, &a.report, &opts.config)
}

/// `--fail-on`, else the config's, else `warning`: whether `worst` fails the run.
fn failing(fail_on: Option<FailOn>, config: &Config, worst: Option<claimdiff::model::Severity>) -> bool {
    let fail_on = fail_on.or(config.fail_on.map(FailOn::from)).unwrap_or(FailOn::Warning);
    fail_on.threshold().is_some_and(|t| worst.is_some_and(|w| w >= t))
}

fn batch(a: BatchArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = a.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting the thread pool")?;
    }
    let config = Config::load(a.config.as_deref(), Path::new("."))?.0;
    let opts = claimdiff::batch::BatchOptions {
        check: CheckOptions { reference: None, config: config.clone() },
        load: load_opts(a.max_bytes),
        ..Default::default()
    };
    let name = a.input.clone().unwrap_or_else(|| "-".into());
    let (mut input, total): (Box<dyn std::io::BufRead>, Option<u64>) = if name == "-" {
        (Box::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock())), None)
    } else {
        let f = std::fs::File::open(&name)
            .with_context(|| format!("{}: cannot read", text::neutralize(&name)))?;
        let len = f.metadata().ok().map(|m| m.len());
        (Box::new(std::io::BufReader::with_capacity(1 << 16, f)), len)
    };
    let bar = batch_progress(total);
    let tick = |bytes: u64, lines: usize| {
        if let Some(bar) = &bar {
            if total.is_some() {
                bar.set_position(bytes);
            } else {
                bar.set_position(lines as u64);
            }
        }
    };
    let mut run = |out: &mut dyn Write| claimdiff::batch::run(&mut *input, &name, out, &opts, &tick);
    let summary = match &a.output {
        Some(path) => {
            // The run's own outcome, kept apart from the file's error (which names the path).
            let mut outcome = None;
            let written = claimdiff::output::write_atomic_with(path, |w| {
                let r = run(w);
                let io = r.as_ref().map(|_| ()).map_err(|e| std::io::Error::other(e.to_string()));
                outcome = Some(r);
                io
            });
            match outcome {
                Some(Err(e)) => return Err(e.into()),
                Some(Ok(summary)) => {
                    written?;
                    summary
                }
                None => return Err(written.expect_err("the output was not written").into()),
            }
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            run(&mut out)?
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some((line, reason)) = summary.errors.first() {
        let more = summary.errors.len() - 1;
        let _ = writeln!(
            std::io::stderr(),
            "claimdiff: error: {}:{line}: {}{}",
            text::neutralize(&name),
            text::neutralize(reason),
            if more > 0 {
                format!(" (and {more} more error line{})", if more == 1 { "" } else { "s" })
            } else {
                String::new()
            }
        );
        return Ok(ExitCode::from(2));
    }
    Ok(if failing(a.fail_on, &config, summary.worst) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A progress bar on stderr when it is a terminal: input bytes read (a
/// file) or lines answered (standard input).
fn batch_progress(total: Option<u64>) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let (bar, template) = match total {
        Some(n) => (indicatif::ProgressBar::new(n), "{bar:40} {bytes}/{total_bytes} {elapsed} (eta {eta})"),
        None => (indicatif::ProgressBar::new_spinner(), "{spinner} {pos} groups {elapsed}"),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    Some(bar)
}

fn audit(a: AuditArgs) -> anyhow::Result<ExitCode> {
    let opts_load = load_opts(a.input.max_bytes);
    let config = config(&a.report)?;
    let wire_args: Vec<SourceArg> = a.wire.iter().map(|s| SourceArg::parse(s)).collect();
    let wire = load::load_sources(&wire_args, opts_load)?;
    let story_args: Vec<SourceArg> = a.stories.iter().map(|s| SourceArg::parse(s)).collect();
    let stories = load::load_sources(&story_args, opts_load)?;
    let opts = claimdiff::audit::AuditOptions {
        check: CheckOptions { reference: None, config: config.clone() },
        ..Default::default()
    };
    let mut audit = claimdiff::audit::audit(&wire, &stories, &opts)?;
    drop(stories);
    let r = &a.report;
    if let Some(path) = &r.write_baseline {
        let all: Vec<_> = audit.stories.iter().flat_map(|s| s.findings.iter().cloned()).collect();
        claimdiff::output::write_atomic(path, Baseline::of(&all).to_json().as_bytes())?;
    }
    if let Some(path) = &r.baseline {
        let baseline = Baseline::read(path)?;
        let suppressed: usize = audit.stories.iter_mut().map(|s| baseline.suppress(&mut s.findings)).sum();
        audit.recount();
        let _ = writeln!(
            std::io::stderr(),
            "claimdiff: {suppressed} finding{} suppressed by the baseline {}",
            if suppressed == 1 { "" } else { "s" },
            text::neutralize(&path.display().to_string())
        );
    }
    let colored = match r.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => r.output.is_none(),
    };
    if r.format == report::Format::Json {
        emit_json(r.output.as_deref(), |w| report::json::write_pretty(&audit, w))?;
    } else {
        let rendered = claimdiff::audit::render(&audit, &wire, r.format, colored);
        emit(&rendered, r.output.as_deref(), r.color)?;
    }
    Ok(if failing(r.fail_on, &config, audit.worst()) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Long runs say what they are doing, on stderr, only to a person watching.
fn progress(docs: &[Document]) {
    if docs.len() >= 50 && std::io::stderr().is_terminal() {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let _ =
            writeln!(std::io::stderr(), "claimdiff: comparing {} sources ({} KB)…", docs.len(), bytes / 1024);
    }
}

/// Apply the baseline, write outputs, and map the worst finding to the exit
/// status.
fn finish(mut report: Report, r: &ReportArgs, config: &Config) -> anyhow::Result<ExitCode> {
    if let Some(path) = &r.write_baseline {
        claimdiff::output::write_atomic(path, Baseline::of(&report.findings).to_json().as_bytes())?;
    }
    if let Some(path) = &r.baseline {
        let baseline = Baseline::read(path)?;
        let mut findings = std::mem::take(&mut report.findings);
        let suppressed = baseline.suppress(&mut findings);
        report = Report::new(report.sources, findings);
        report.suppressed = suppressed;
        let _ = writeln!(
            std::io::stderr(),
            "claimdiff: {suppressed} finding{} suppressed by the baseline {}",
            if suppressed == 1 { "" } else { "s" },
            text::neutralize(&path.display().to_string())
        );
    }
    let colored = match r.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => r.output.is_none(),
    };
    let write = |w: &mut dyn Write| report::write(&report, r.format, colored, w);
    if r.format == report::Format::Json {
        emit_json(r.output.as_deref(), write)?;
    } else {
        emit_with(r.output.as_deref(), r.color, write)?;
    }
    if let Err(e) = github_step_summary(&report, r.format) {
        // The annotations are out; a summary that cannot be written is worth a warning only.
        let _ = writeln!(std::io::stderr(), "claimdiff: warning: {}", text::neutralize(&format!("{e:#}")));
    }
    let fail_on = r.fail_on.or(config.fail_on.map(FailOn::from)).unwrap_or(FailOn::Warning);
    let failing = fail_on.threshold().is_some_and(|t| report.worst().is_some_and(|w| w >= t));
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// With `--format github` inside GitHub Actions, the full Markdown report
/// goes to the job summary (annotations show only a few findings).
fn github_step_summary(report: &Report, format: report::Format) -> anyhow::Result<()> {
    if format != report::Format::Github {
        return Ok(());
    }
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else { return Ok(()) };
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .with_context(|| format!("{}: cannot open the step summary", Path::new(&path).display()))?;
    f.write_all(report::github::step_summary(report).as_bytes()).context("writing the step summary")?;
    Ok(())
}

fn claims(a: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let args: Vec<SourceArg> = a.sources.iter().map(|s| SourceArg::parse(s)).collect();
    let docs = load_sources(&args, load_opts(a.input.max_bytes))?;
    let report = claimdiff::claims(&docs);
    let rendered = match a.format {
        ClaimsFormat::Json => {
            return emit_json(a.output.as_deref(), |w| report::json::write_pretty(&report, w))
                .map(|()| ExitCode::SUCCESS);
        }
        ClaimsFormat::Terminal => {
            let mut s = String::new();
            for src in &report.sources {
                s.push_str(&format!("{} ({})\n", text::neutralize(&src.id), text::neutralize(&src.path)));
                for c in &src.claims {
                    let who = c.speaker.clone().flatten().map(|n| format!(" — {n}")).unwrap_or_default();
                    let kind = format!("{:?}", c.kind).to_lowercase();
                    s.push_str(&format!(
                        "  {}:{} {kind:<8} {}{}\n",
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
    // Cases carry their own expectations: a user's claimdiff.yaml does not apply.
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
fn emit(s: &str, output: Option<&Path>, color: ColorChoice) -> anyhow::Result<()> {
    emit_with(output, color, |w| w.write_all(s.as_bytes()))
}

/// [`emit`] what `write` writes, as it writes it (buffered).
fn emit_with(
    output: Option<&Path>,
    color: ColorChoice,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = output {
        claimdiff::output::write_atomic_with(path, write)?;
        return Ok(());
    }
    let choice = match color {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    };
    to_stdout(anstream::AutoStream::new(std::io::stdout().lock(), choice), write)
}

/// [`emit_with`] for JSON: it escapes every control character (C0 by JSON's
/// rules, DEL and C1 by [`report::json`]'s), so there is no escape sequence
/// for a stripping stream to remove on the way to stdout.
fn emit_json(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        Some(path) => Ok(claimdiff::output::write_atomic_with(path, write)?),
        None => to_stdout(std::io::stdout().lock(), write),
    }
}

fn to_stdout(
    stream: impl Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stream);
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing to stdout"),
    }
}
