//! The audit in the formats other than JSON. Terminal and Markdown list
//! each story with the wire items it draws on (or none) and its findings;
//! SARIF, GitHub annotations, JUnit and HTML render the whole audit as one
//! check report ([`AuditReport::to_report`]), each finding naming its story.

use std::fmt::Write;

use super::{AuditReport, StoryAudit};
use crate::load::{Document, Role};
use crate::model::{Report, SourceInfo};
use crate::report::{self, markdown, terminal, Format};
use crate::text::neutralize;

/// Render the audit as `format` (`json` is written by the caller from the
/// [`AuditReport`] itself; asked here, it gives the same JSON).
pub fn render(audit: &AuditReport, wire: &[Document], format: Format, color: bool) -> String {
    match format {
        Format::Terminal => render_terminal(audit, wire, color),
        Format::Markdown => render_markdown(audit, wire),
        Format::Json => {
            let mut out = Vec::new();
            report::json::write_pretty(audit, &mut out).expect("writing to memory cannot fail");
            String::from_utf8(out).expect("serde_json writes UTF-8")
        }
        other => report::render(&audit.to_report(wire), other, color),
    }
}

/// "3 stories: 2 matched, 1 without a wire source; 4 findings (1 error, 2 warning, 1 info)".
fn summary_line(audit: &AuditReport) -> String {
    let s = &audit.summary;
    let findings = s.error + s.warning + s.info;
    format!(
        "{} stor{}: {} matched, {} without a wire source; {} finding{} ({} error, {} warning, {} info)",
        s.stories,
        if s.stories == 1 { "y" } else { "ies" },
        s.matched,
        s.unmatched,
        findings,
        if findings == 1 { "" } else { "s" },
        s.error,
        s.warning,
        s.info
    )
}

/// "w0012 (71%), w0031 (20%)" or "no wire source found".
fn matches_text(s: &StoryAudit) -> String {
    if s.matches.is_empty() {
        return "no wire source found".into();
    }
    let list: Vec<String> =
        s.matches.iter().map(|m| format!("{} ({:.0}%)", m.wire, m.share.0 * 100.0)).collect();
    format!("draws on {}", list.join(", "))
}

/// One story's findings as a check report of the story and its matches.
fn story_report(s: &StoryAudit, wire: &[Document]) -> Report {
    let mut sources: Vec<SourceInfo> = s
        .matches
        .iter()
        .filter_map(|m| wire.iter().find(|d| d.id == m.wire))
        .map(|d| SourceInfo { id: d.id.clone(), path: d.path.clone(), role: Role::Reference })
        .collect();
    sources.push(SourceInfo { id: s.id.clone(), path: s.path.clone(), role: Role::Report });
    Report::new(sources, s.findings.clone())
}

fn render_terminal(audit: &AuditReport, wire: &[Document], color: bool) -> String {
    let mut out = String::new();
    for s in &audit.stories {
        let _ = writeln!(
            out,
            "story {} ({}): {}",
            neutralize(&s.id),
            neutralize(&s.path),
            neutralize(&matches_text(s))
        );
        if !s.findings.is_empty() {
            out.push('\n');
            out.push_str(&terminal::render_findings(&story_report(s, wire), color));
        }
    }
    let _ = writeln!(out, "{}", summary_line(audit));
    out
}

fn render_markdown(audit: &AuditReport, wire: &[Document]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## claimdiff audit: {}\n", markdown::escape(&summary_line(audit)));
    let _ = writeln!(out, "| story | wire sources (share) | findings |\n| --- | --- | ---: |");
    for s in &audit.stories {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            markdown::escape(&s.id),
            markdown::escape(&matches_text(s)),
            s.findings.len()
        );
    }
    out.push('\n');
    let report = audit.to_report(wire);
    if !report.findings.is_empty() {
        out.push_str(&markdown::render(&report));
    }
    out
}
