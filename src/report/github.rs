//! GitHub Actions workflow commands: one annotation per finding,
//! `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=TITLE::MESSAGE`
//! (`warning` for warnings, `notice` for info), located at the dissenting
//! source's claim, the message listing every claim of the finding.
//!
//! GitHub shows only about ten annotations of each type per step, so the
//! most severe findings come first, at most [`MAX_PER_LEVEL`] of each
//! severity, and a plain line then says how many more there were (the full
//! report is [`step_summary`], which the CLI appends to
//! `$GITHUB_STEP_SUMMARY`).
//!
//! Escaping follows the runner's rules: in the message `%` -> `%25`,
//! CR -> `%0D`, LF -> `%0A`; in properties also `:` -> `%3A` and `,` -> `%2C`.
//! Source text is neutralised first (control characters and the Unicode line
//! and paragraph separators shown as `\u{..}`), so no source text can end a
//! line and start a command of its own: every output line that starts with
//! `::` is one annotation.

use std::fmt::Write;

use crate::model::{ClaimView, Finding, Report, Severity};
use crate::text::neutralize;

use super::{end_position, primary_claim, source_path, summary_line};

/// Annotations printed per severity level; GitHub drops the rest of a step's.
pub const MAX_PER_LEVEL: usize = 10;

/// The full Markdown report, for `$GITHUB_STEP_SUMMARY`.
pub fn step_summary(report: &Report) -> String {
    super::markdown::render(report)
}

/// Escape a workflow command's message.
///
/// ```
/// use claimdiff::report::github::escape_data;
/// assert_eq!(escape_data("50%\r\n::x"), "50%25%0D%0A::x");
/// ```
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a workflow command's property value.
///
/// ```
/// use claimdiff::report::github::escape_property;
/// assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
/// ```
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Source text made safe for a log line: control characters (CR and LF
/// among them) and the Unicode line/paragraph separators made visible.
fn clean(s: &str) -> String {
    neutralize(s).replace('\u{2028}', "\\u{2028}").replace('\u{2029}', "\\u{2029}")
}

/// The annotations, most severe first, then a count of those left out.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let all: Vec<&Finding> = report.findings.iter().filter(|f| f.severity == severity).collect();
        for f in all.iter().take(MAX_PER_LEVEL) {
            annotation(&mut out, report, f);
        }
        if all.len() > MAX_PER_LEVEL {
            let more = all.len() - MAX_PER_LEVEL;
            let _ = writeln!(
                out,
                "claimdiff: {more} more {} finding{} not annotated (GitHub shows about {MAX_PER_LEVEL} per type); see the full report",
                severity.id(),
                if more == 1 { "" } else { "s" },
            );
        }
    }
    let _ = writeln!(out, "claimdiff: {}", summary_line(report));
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn annotation(out: &mut String, report: &Report, f: &Finding) {
    let mut props = Vec::new();
    if let Some(c) = primary_claim(f) {
        props.push(("file", source_path(report, &c.source).to_string()));
        props.push(("line", c.line.to_string()));
        props.push(("col", c.column.to_string()));
        if let Some((line, column)) = end_position(c) {
            props.push(("endLine", line.to_string()));
            props.push(("endColumn", column.to_string()));
        }
    } else if let Some(s) = f.sources.first() {
        props.push(("file", source_path(report, s).to_string()));
    }
    props.push(("title", format!("claimdiff {}", f.kind.id())));
    let props: Vec<String> =
        props.iter().map(|(k, v)| format!("{k}={}", escape_property(&clean(v)))).collect();
    let _ =
        writeln!(out, "::{} {}::{}", command(f.severity), props.join(","), escape_data(&message(report, f)));
}

/// The finding's message, then one line per claim; the caller escapes the
/// line breaks, which GitHub shows as such in the annotation.
fn message(report: &Report, f: &Finding) -> String {
    let mut m = clean(&f.message);
    for c in &f.claims {
        m.push('\n');
        m.push_str(&claim_line(report, f, c));
    }
    let _ = write!(m, "\n[{}]", f.fingerprint);
    m
}

fn claim_line(report: &Report, f: &Finding, c: &ClaimView) -> String {
    let mark = if f.dissenting.contains(&c.source) { "*" } else { " " };
    let speaker = c.speaker.as_deref().map(|s| format!(" — {}", clean(s))).unwrap_or_default();
    format!(
        "{mark}{} {}:{}:{}: {}{speaker}",
        clean(&c.source),
        clean(source_path(report, &c.source)),
        c.line,
        c.column,
        clean(&c.text)
    )
}
