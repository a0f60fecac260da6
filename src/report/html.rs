//! The HTML report: one self-contained page (inline CSS, a tiny inline
//! script, no network resources; a Content-Security-Policy forbids any) with
//! a summary table, then each finding with its severity, kind and message,
//! the sources' claims side by side (source, `path#Lnn`, text, speaker, the
//! sentence with the claim marked), the word diff (`<del>`/`<ins>`) and its
//! fingerprint. Each finding is an `<article id="f-FINGERPRINT">` with
//! `data-severity`/`data-kind`, each claim `id="f-FINGERPRINT-N"`.
//!
//! Severity and kind filters are checkboxes the script reveals and applies;
//! without JavaScript they stay hidden and every finding is shown. The
//! layout stacks the claims at phone width (no horizontal scrolling; long
//! words and paths wrap) and prints without the filters, one finding per
//! block.
//!
//! The page comes from `report.html.j2` through minijinja with HTML
//! auto-escaping on (the template's name ends `.html.j2`) and no `|safe`
//! anywhere: every value from a source is escaped by the engine. Control
//! characters and bidi overrides are neutralised first, as for a terminal.

use minijinja::Environment;
use serde::Serialize;

use crate::load::Role;
use crate::model::{ClaimView, DiffTag, Finding, FindingKind, Report, Severity};
use crate::text::neutralize;

use super::{source_path, summary_line};

const TEMPLATE_NAME: &str = "report.html.j2";
const TEMPLATE: &str = include_str!("report.html.j2");

#[derive(Serialize)]
struct Page {
    version: &'static str,
    summary: String,
    /// Severities, most severe first, with their counts.
    severities: Vec<(&'static str, usize)>,
    kinds: Vec<KindRow>,
    sources: Vec<SourceRow>,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
struct KindRow {
    id: &'static str,
    counts: Vec<usize>,
    total: usize,
}

#[derive(Serialize)]
struct SourceRow {
    id: String,
    path: String,
    reference: bool,
}

#[derive(Serialize)]
struct FindingView {
    n: usize,
    fingerprint: String,
    kind: &'static str,
    severity: &'static str,
    message: String,
    claims: Vec<ClaimRow>,
    diff: Vec<(&'static str, String)>,
}

#[derive(Serialize)]
struct ClaimRow {
    source: String,
    path: String,
    line: usize,
    column: usize,
    text: String,
    speaker: Option<String>,
    detail: String,
    /// The sentence around the claim: before, the claim's words, after.
    sentence: (String, String, String),
    dissent: bool,
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// The page.
pub fn render(report: &Report) -> String {
    let mut env = Environment::new();
    env.add_template(TEMPLATE_NAME, TEMPLATE).expect("the bundled template parses");
    let page = page(report);
    env.get_template(TEMPLATE_NAME)
        .and_then(|t| t.render(minijinja::value::Serde(&page)))
        .expect("the bundled template renders the report model")
}

fn page(report: &Report) -> Page {
    let count = |k: Option<FindingKind>, s: Severity| {
        report.findings.iter().filter(|f| f.severity == s && k.is_none_or(|k| f.kind == k)).count()
    };
    let kinds = FindingKind::ALL
        .into_iter()
        .filter(|&k| report.findings.iter().any(|f| f.kind == k))
        .map(|k| {
            let counts: Vec<usize> = SEVERITIES.iter().map(|&s| count(Some(k), s)).collect();
            KindRow { id: k.id(), total: counts.iter().sum(), counts }
        })
        .collect();
    Page {
        version: env!("CARGO_PKG_VERSION"),
        summary: summary_line(report),
        severities: SEVERITIES.iter().map(|&s| (s.id(), count(None, s))).collect(),
        kinds,
        sources: report
            .sources
            .iter()
            .map(|s| SourceRow {
                id: neutralize(&s.id),
                path: neutralize(&s.path),
                reference: s.role == Role::Reference,
            })
            .collect(),
        findings: report.findings.iter().enumerate().map(|(i, f)| finding(report, i + 1, f)).collect(),
    }
}

fn finding(report: &Report, n: usize, f: &Finding) -> FindingView {
    FindingView {
        n,
        fingerprint: neutralize(&f.fingerprint),
        kind: f.kind.id(),
        severity: f.severity.id(),
        message: neutralize(&f.message),
        claims: f.claims.iter().map(|c| claim(report, f, c)).collect(),
        diff: f
            .diff
            .iter()
            .map(|d| {
                let op = match d.op {
                    DiffTag::Equal => "equal",
                    DiffTag::Delete => "delete",
                    DiffTag::Insert => "insert",
                };
                (op, neutralize(&d.text))
            })
            .collect(),
    }
}

fn claim(report: &Report, f: &Finding, c: &ClaimView) -> ClaimRow {
    ClaimRow {
        source: neutralize(&c.source),
        path: neutralize(source_path(report, &c.source)),
        line: c.line,
        column: c.column,
        text: neutralize(&c.text),
        speaker: c.speaker.as_deref().map(neutralize),
        detail: neutralize(&detail(c)),
        sentence: split_sentence(&c.sentence, &c.text),
        dissent: f.dissenting.contains(&c.source),
    }
}

/// What the claim was read as, beyond its words: "value 1000 fighters,
/// qualifier at least", "date 2021-11-11 (Thursday)", "polarity denied".
fn detail(c: &ClaimView) -> String {
    let mut parts = Vec::new();
    if let Some(v) = &c.value {
        let mut value = v.0.to_string();
        if let Some(h) = &c.value_high {
            value = format!("{value}–{}", h.0);
        }
        if let Some(u) = &c.unit {
            value = format!("{value} {u}");
        }
        parts.push(format!("value {value}"));
    }
    if let Some(q) = &c.qualifier {
        parts.push(format!("qualifier {q}"));
    }
    if let Some(d) = &c.date {
        parts.push(format!("date {d}"));
    }
    if let Some(p) = &c.polarity {
        let p = serde_json::to_value(p).ok().and_then(|v| v.as_str().map(str::to_string));
        parts.extend(p.map(|p| format!("polarity {p}")));
    }
    parts.join(", ")
}

/// The sentence cut around the first occurrence of the claim's text, each
/// part neutralised; all of it in the first part when the text is not in it.
///
/// ```text
/// ("He said a b c today.", "a b c") -> ("He said ", "a b c", " today.")
/// ```
fn split_sentence(sentence: &str, text: &str) -> (String, String, String) {
    match sentence.find(text).filter(|_| !text.is_empty()) {
        Some(at) => {
            let end = at + text.len();
            (neutralize(&sentence[..at]), neutralize(text), neutralize(&sentence[end..]))
        }
        None => (neutralize(sentence), String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_sentence_marks_the_claim() {
        let (a, b, c) = split_sentence("He said a b c today.", "a b c");
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("He said ", "a b c", " today."));
        let (a, b, _) = split_sentence("Nothing here.", "absent");
        assert_eq!((a.as_str(), b.as_str()), ("Nothing here.", ""));
    }
}
