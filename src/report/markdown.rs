//! Markdown output, for a pull-request comment or a CI step summary: a
//! summary table by kind and severity, then each finding with a table of its
//! claims (source, `file:line:column`, text) and an inline word diff
//! (`~~deleted~~` / `**inserted**`, long unchanged runs cut to their ends).
//!
//! Everything that comes from a source (texts, messages, ids, paths) goes
//! through [`escape`], so it renders as the characters it is and nothing
//! more: it cannot mention a user or team (`@name`), reference an issue
//! (`#12`), make a link or image (`[x](y)`, `![x](y)`, `<http://…>`, a bare
//! `http://…` or `www.…` that GitHub would autolink), inject HTML (`<b>`,
//! `<script>`), start math (`$`), or break the surrounding table (`|`) or
//! emphasis (`*`, `_`, `~`, backticks). Control characters are neutralised
//! first, so a source cannot start a new line either.

use std::fmt::Write;

use crate::model::{ClaimView, DiffTag, Finding, FindingKind, Report, Severity};
use crate::text::neutralize;

use super::{elide, source_path, summary_line};

/// Zero-width space: breaks GitHub's mention, reference and autolink
/// patterns without changing what a reader sees.
const ZWSP: char = '\u{200b}';

/// Escape source text for Markdown (GitHub-flavoured), inline or in a table.
///
/// ```
/// use claimdiff::report::markdown::escape;
/// assert_eq!(escape("<b>hi</b> | @bob"), "&lt;b&gt;hi&lt;/b&gt; \\| @\u{200b}bob");
/// assert_eq!(escape("[x](http://e.vil)"), "\\[x\\]\\(http\u{200b}://e.vil\\)");
/// ```
pub fn escape(s: &str) -> String {
    let s = neutralize(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '|' | '~' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '@' | '#' if next.is_some_and(char::is_alphanumeric) => {
                out.push(c);
                out.push(ZWSP);
            }
            // `http://` -> `http\u{200b}://`: no scheme, no autolink.
            ':' if chars.get(i + 1..i + 3) == Some(&['/', '/']) => {
                out.push(ZWSP);
                out.push(c);
            }
            // `www.` -> `www\u{200b}.`.
            '.' if i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w')) => {
                out.push(ZWSP);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// [`escape`] for text that starts a line: a leading `#`, `-`, `+`, `=`,
/// `>` or `1.` would make a heading, list, rule or quote there.
///
/// ```
/// use claimdiff::report::markdown::escape_line;
/// assert_eq!(escape_line("# one"), "\\# one");
/// assert_eq!(escape_line("12. x"), "12\\. x");
/// ```
pub fn escape_line(s: &str) -> String {
    let escaped = escape(s.trim_start());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    match escaped[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &escaped[..digits], &escaped[digits..]),
        Some('#' | '-' | '+' | '=' | '>' | ':') if digits == 0 => format!("\\{escaped}"),
        _ => escaped,
    }
}

/// The whole Markdown report.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## claimdiff: {}\n", escape(&summary_line(report)));
    sources_line(&mut out, report);
    if report.findings.is_empty() {
        let _ = writeln!(out, "No disagreements found.");
        return out;
    }
    summary_table(&mut out, report);
    for (n, f) in report.findings.iter().enumerate() {
        finding(&mut out, report, n + 1, f);
    }
    out
}

fn sources_line(out: &mut String, report: &Report) {
    let list: Vec<String> = report
        .sources
        .iter()
        .map(|s| match s.role {
            crate::load::Role::Reference => format!("{} (reference)", escape(&s.id)),
            crate::load::Role::Report => escape(&s.id),
        })
        .collect();
    let _ = writeln!(out, "Sources: {}\n", list.join(", "));
}

/// One row per kind that has findings, one column per severity, and a total.
fn summary_table(out: &mut String, report: &Report) {
    const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];
    let count = |k: Option<FindingKind>, s: Severity| {
        report.findings.iter().filter(|f| f.severity == s && k.is_none_or(|k| f.kind == k)).count()
    };
    let _ = writeln!(out, "| kind | error | warning | info |\n| --- | ---: | ---: | ---: |");
    for kind in FindingKind::ALL {
        if report.findings.iter().any(|f| f.kind == kind) {
            let cells: Vec<String> = SEVERITIES.iter().map(|&s| count(Some(kind), s).to_string()).collect();
            let _ = writeln!(out, "| `{}` | {} |", kind.id(), cells.join(" | "));
        }
    }
    let totals: Vec<String> = SEVERITIES.iter().map(|&s| count(None, s).to_string()).collect();
    let _ = writeln!(out, "| **total** | {} |\n", totals.join(" | "));
}

fn finding(out: &mut String, report: &Report, n: usize, f: &Finding) {
    let _ = writeln!(out, "### {n}. {} `{}`\n", f.severity.id(), f.kind.id());
    let _ = writeln!(out, "{}\n", escape_line(&f.message));
    if !f.claims.is_empty() {
        let _ = writeln!(out, "| | source | location | text |\n| --- | --- | --- | --- |");
        for c in &f.claims {
            claim_row(out, report, f, c);
        }
        out.push('\n');
    }
    if f.diff.iter().any(|d| d.op != DiffTag::Equal) {
        let _ = writeln!(out, "**diff:** {}\n", diff(f));
    }
    let _ = writeln!(out, "<sub>fingerprint {}</sub>\n", escape(&f.fingerprint));
}

fn claim_row(out: &mut String, report: &Report, f: &Finding, c: &ClaimView) {
    let mark = if f.dissenting.contains(&c.source) { "✱" } else { "" };
    let mut text = escape(&c.text);
    if let Some(s) = &c.speaker {
        let _ = write!(text, " — {}", escape(s));
    }
    let _ = writeln!(
        out,
        "| {mark} | {} | {}:{}:{} | {text} |",
        escape(&c.source),
        escape(source_path(report, &c.source)),
        c.line,
        c.column
    );
}

/// The word diff inline: unchanged runs cut to their ends, deletions struck
/// through, insertions bold. Markers hug the words (CommonMark emphasis
/// cannot start or end on a space); pieces are joined with spaces.
fn diff(f: &Finding) -> String {
    let mut pieces = Vec::new();
    for d in &f.diff {
        let t = d.text.trim();
        if t.is_empty() {
            continue;
        }
        pieces.push(match d.op {
            DiffTag::Equal => escape(&elide(t)),
            DiffTag::Delete => format!("~~{}~~", escape(t)),
            DiffTag::Insert => format!("**{}**", escape(t)),
        });
    }
    pieces.join(" ")
}
