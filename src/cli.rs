//! The command line (clap derive): `check`, `versions`, `claims`, `test`,
//! `completions`, `man`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimdiff::model::Severity;
use claimdiff::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "claimdiff",
    version,
    about = "Check several reports of one event against each other: quotes, speakers, figures, denials, dates and names that disagree"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Align claims across reports and report the ones that disagree
    Check(CheckArgs),
    /// Compare successive versions of one article (oldest first): what changed at each step
    Versions(VersionsArgs),
    /// List the claims extracted from each source, for inspection
    Claims(ClaimsArgs),
    /// Run case files and score findings against their expectations
    Test(TestArgs),
    /// Check many event groups, one JSON object a line, answering one line each (JSON Lines)
    Batch(BatchArgs),
    /// Match each story to the wire items it draws on, then check it against each of them
    Audit(AuditArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Largest source accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = claimdiff::load::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Allow a case file's `file:` to point outside the case's folder
    #[arg(long)]
    pub allow_outside: bool,
}

/// How a report is written and judged (shared by `check` and `versions`).
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    pub format: Format,
    /// Write the report to FILE (whole or not at all) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity [default: warning, or the config's]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Config file [default: ./claimdiff.yaml when present]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Suppress the findings recorded in this baseline; report only new ones
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings' fingerprints in FILE (whole or not at all)
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, directories (their .txt/.md/.html files) or `-` for stdin; `ID=PATH` names a source
    #[arg(value_name = "SOURCE", required_unless_present = "case")]
    pub sources: Vec<String>,
    /// Take the sources (and the reference) from a case file
    #[arg(long, value_name = "FILE.yaml")]
    pub case: Option<PathBuf>,
    /// The source the others are checked against (wire copy, original version)
    #[arg(long, value_name = "ID")]
    pub reference: Option<String>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines input, one event group a line (`-` or nothing: standard input);
    /// a source's `path` is read relative to the current directory
    #[arg(value_name = "FILE")]
    pub input: Option<String>,
    /// Write the output lines to FILE (whole or not at all) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity [default: warning, or the config's]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Config file [default: ./claimdiff.yaml when present]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Threads checking groups [default: one per core, or RAYON_NUM_THREADS]
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Largest source accepted, in bytes (a `text` or a `path`)
    #[arg(long, value_name = "BYTES", default_value_t = claimdiff::load::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The wire items: a directory (its .txt/.md/.html files) or files, `ID=PATH` names one
    #[arg(long, value_name = "WIRE_DIR", required = true)]
    pub wire: Vec<String>,
    /// The stories: files or directories (their .txt/.md/.html files)
    #[arg(value_name = "STORY", required = true)]
    pub stories: Vec<String>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct VersionsArgs {
    /// The versions, oldest first (with --git: FILE and an optional REV_RANGE)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,
    /// Read the versions of FILE from git history (oldest first), optionally limited to REV_RANGE
    #[arg(long)]
    pub git: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    #[arg(value_name = "SOURCE", required = true)]
    pub sources: Vec<String>,
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Terminal)]
    pub format: ClaimsFormat,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Case files, or directories searched recursively for *.yaml
    #[arg(value_name = "CASE", required = true)]
    pub cases: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Terminal)]
    pub format: ClaimsFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    Terminal,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    None,
    Info,
    Warning,
    Error,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::None => None,
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
        }
    }
}

impl From<claimdiff::config::FailOn> for FailOn {
    fn from(f: claimdiff::config::FailOn) -> Self {
        match f {
            claimdiff::config::FailOn::None => FailOn::None,
            claimdiff::config::FailOn::Info => FailOn::Info,
            claimdiff::config::FailOn::Warning => FailOn::Warning,
            claimdiff::config::FailOn::Error => FailOn::Error,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
