//! Terminal output: one block per finding, its claims with file:line:col,
//! and an inline word diff, coloured when asked (`[-deleted-]{+inserted+}`
//! markers keep it readable without colour). Source text is neutralised so
//! it cannot send escape sequences to the terminal.

use std::fmt::Write;

use anstyle::{AnsiColor, Effects, Style};

use crate::model::{DiffTag, Finding, Report, Severity};
use crate::text::neutralize;

const SENTENCE_CHARS: usize = 160;
/// Words of unchanged text kept on each side of a change in a diff.
const DIFF_CONTEXT: usize = 4;

pub fn render(report: &Report, color: bool) -> String {
    let mut out = render_findings(report, color);
    let s = &report.summary;
    let total = report.findings.len();
    let _ = writeln!(
        out,
        "{} finding{} ({} error, {} warning, {} info) across {} sources",
        total,
        if total == 1 { "" } else { "s" },
        s.get("error").unwrap_or(&0),
        s.get("warning").unwrap_or(&0),
        s.get("info").unwrap_or(&0),
        report.sources.len()
    );
    out
}

/// The findings' blocks without the closing summary line.
pub fn render_findings(report: &Report, color: bool) -> String {
    let paint = |style: Style, s: &str| if color { format!("{style}{s}{style:#}") } else { s.to_string() };
    let mut out = String::new();
    for f in &report.findings {
        block(&mut out, f, report, &paint);
    }
    out
}

fn severity_style(s: Severity) -> Style {
    let c = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().fg_color(Some(c.into())).effects(Effects::BOLD)
}

fn block(out: &mut String, f: &Finding, report: &Report, paint: &dyn Fn(Style, &str) -> String) {
    let head = format!("{}[{}]", f.severity.id(), f.kind.id());
    let _ = writeln!(out, "{} {}", paint(severity_style(f.severity), &head), neutralize(&f.message));
    let width = f.claims.iter().map(|c| c.source.chars().count()).max().unwrap_or(0);
    for c in &f.claims {
        let path = report.sources.iter().find(|s| s.id == c.source).map_or("", |s| s.path.as_str());
        let mark = if f.dissenting.contains(&c.source) { "*" } else { " " };
        let mut extra = String::new();
        if let Some(s) = &c.speaker {
            extra = format!(" — {}", s);
        }
        let _ = writeln!(
            out,
            "  {mark}{:<width$}  {}:{}:{}  {}{}",
            neutralize(&c.source),
            neutralize(path),
            c.line,
            c.column,
            paint(Style::new().effects(Effects::BOLD), &neutralize(&c.text)),
            neutralize(&extra),
        );
        let _ = writeln!(
            out,
            "   {:<width$}  {}",
            "",
            paint(Style::new().effects(Effects::DIMMED), &neutralize(&shorten(&c.sentence)))
        );
    }
    if f.diff.iter().any(|d| d.op != DiffTag::Equal) {
        let mut line = String::new();
        for d in &f.diff {
            let t = neutralize(&d.text);
            let piece = match d.op {
                DiffTag::Equal => elide(&t),
                DiffTag::Delete => paint(
                    Style::new().fg_color(Some(AnsiColor::Red.into())).effects(Effects::STRIKETHROUGH),
                    &format!("[-{t}-]"),
                ),
                DiffTag::Insert => paint(
                    Style::new().fg_color(Some(AnsiColor::Green.into())).effects(Effects::UNDERLINE),
                    &format!("{{+{t}+}}"),
                ),
            };
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
        let _ = writeln!(out, "  diff: {line}");
    }
    let _ = writeln!(out);
}

/// Long unchanged runs of a diff shown by their ends: "a b c … x y z".
fn elide(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() <= 2 * DIFF_CONTEXT + 1 {
        return s.to_string();
    }
    format!("{} … {}", words[..DIFF_CONTEXT].join(" "), words[words.len() - DIFF_CONTEXT..].join(" "))
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= SENTENCE_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(SENTENCE_CHARS).collect();
    format!("{cut}…")
}
