//! Report: render the [`Report`] model in each output format. Reporters see
//! only the model, never extraction.
//!
//! | format | for | module |
//! | --- | --- | --- |
//! | `terminal` | people at a terminal | [`terminal`] |
//! | `json` | programs (the contract's `claimdiff/report/v1`) | [`json`] |
//! | `markdown` | a pull-request comment, a CI step summary | [`markdown`] |
//! | `sarif` | code-scanning dashboards (SARIF 2.1.0) | [`sarif`] |
//! | `github` | GitHub Actions annotations (workflow commands) | [`github`] |
//! | `junit` | CI test-report views (JUnit XML) | [`junit`] |
//! | `html` | one self-contained page to read in a browser | [`html`] |
//!
//! The helpers here are shared by the formats: where a source lives, which
//! claim a finding points at, and how a long unchanged run of a diff is cut.

pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod terminal;

use crate::model::{ClaimView, Finding, Report};

/// Output formats of `check` (and `versions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Terminal,
    Json,
    Markdown,
    Sarif,
    Github,
    Junit,
    Html,
}

/// Render `report` as `format`; `color` applies to the terminal format.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Terminal => terminal::render(report, color),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report),
        Format::Html => html::render(report),
    }
}

/// [`render`], written to `w`: JSON is written as it is made, the other
/// formats (a fraction of its size) rendered first.
pub fn write(
    report: &Report,
    format: Format,
    color: bool,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, w),
        _ => w.write_all(render(report, format, color).as_bytes()),
    }
}

/// Words of unchanged text kept on each side of a change in a shortened diff.
const DIFF_CONTEXT: usize = 4;

/// The path of source `id` as the report lists it (empty when unknown).
fn source_path<'a>(report: &'a Report, id: &str) -> &'a str {
    report.sources.iter().find(|s| s.id == id).map_or("", |s| s.path.as_str())
}

/// The claim a finding is located at: the first dissenting source's claim,
/// else the first claim (an omission's dissenter has no claim of its own).
fn primary_claim(f: &Finding) -> Option<&ClaimView> {
    f.dissenting.iter().find_map(|d| f.claims.iter().find(|c| &c.source == d)).or_else(|| f.claims.first())
}

/// The claims of a finding other than the primary one, in report order.
fn other_claims(f: &Finding) -> impl Iterator<Item = &ClaimView> {
    let primary = primary_claim(f).map(|p| p.source.as_str());
    f.claims.iter().filter(move |c| Some(c.source.as_str()) != primary)
}

/// A long unchanged run of a diff shown by its ends: "a b c d … w x y z".
fn elide(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() <= 2 * DIFF_CONTEXT + 1 {
        return s.to_string();
    }
    format!("{} … {}", words[..DIFF_CONTEXT].join(" "), words[words.len() - DIFF_CONTEXT..].join(" "))
}

/// "3 findings (2 error, 1 warning, 0 info) across 3 sources".
fn summary_line(report: &Report) -> String {
    let count = |s: &str| report.summary.get(s).copied().unwrap_or(0);
    let total = report.findings.len();
    format!(
        "{} finding{} ({} error, {} warning, {} info) across {} sources",
        total,
        if total == 1 { "" } else { "s" },
        count("error"),
        count("warning"),
        count("info"),
        report.sources.len()
    )
}

/// Where a claim ends, for formats that take an end position: the start line
/// and the column after its last character when the claim's text is exactly
/// as long as its span (no whitespace run folded, no hyphenation rejoined),
/// else `None` (the end is unknown; formats then point at the start line).
/// A claim wrapped by a single line break also keeps its length, so its end
/// column can run past the start line's end: viewers clamp it there.
fn end_position(c: &ClaimView) -> Option<(usize, usize)> {
    (c.end.saturating_sub(c.start) == c.text.len() && !c.text.is_empty())
        .then(|| (c.line, c.column + c.text.chars().count()))
}
