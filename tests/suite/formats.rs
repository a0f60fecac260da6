//! The output formats on one multi-kind report: an insta snapshot of each
//! (terminal without colour, json, markdown, sarif, github, junit, html), the
//! SARIF 2.1.0 structure, GitHub's annotation limit, and source text that
//! tries to inject workflow commands or Markdown mentions, links and HTML.

use std::path::Path;

use claimdiff::case::load_case;
use claimdiff::load::LoadOptions;
use claimdiff::model::{Finding, Report, Severity};
use claimdiff::report::{github, render, Format};
use claimdiff::CheckOptions;
use serde_json::Value;

use crate::common::{arg, claimdiff, Scratch, KINDS};

/// Hostile strings a source might carry into a CI log or a PR comment.
pub const WORKFLOW_INJECTIONS: [&str; 6] = [
    "\n::error::injected",
    "%0A::warning::x",
    "\r\n::set-output name=pwned::1",
    "\u{2028}::error file=a::sep",
    "%0D%0A::add-mask::secret",
    "::stop-commands::token",
];

fn case_report(path: &str) -> Report {
    let case =
        load_case(Path::new(path), LoadOptions::default(), false).unwrap_or_else(|e| panic!("{path}: {e}"));
    let opts = CheckOptions { reference: case.file.reference.clone(), ..CheckOptions::default() };
    claimdiff::check(case.docs, &opts).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Three outlets on the Lavrov–Diop talks (quote-wording, figure-value,
/// quote-attribution) and a wire audit (figure-value against a reference,
/// unsupported): four kinds, all three severities, six sources.
pub fn multi_kind_report() -> Report {
    let a = case_report("cases/lavrov-diop-talks/case.yaml");
    let b = case_report("cases/unsupported-lyon-museum-altered/case.yaml");
    let sources = a.sources.into_iter().chain(b.sources).collect();
    let findings: Vec<Finding> = a.findings.into_iter().chain(b.findings).collect();
    Report::new(sources, findings)
}

/// The report rendered as `format`, the crate version masked so a release
/// does not churn the snapshots.
fn rendered(format: Format) -> String {
    render(&multi_kind_report(), format, false).replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

macro_rules! snapshot {
    ($name:ident, $format:expr) => {
        #[test]
        fn $name() {
            let out = rendered($format);
            insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(stringify!($name), out);
            });
        }
    };
}

snapshot!(formats_terminal, Format::Terminal);
snapshot!(formats_json, Format::Json);
snapshot!(formats_markdown, Format::Markdown);
snapshot!(formats_sarif, Format::Sarif);
snapshot!(formats_github, Format::Github);
snapshot!(formats_junit, Format::Junit);
snapshot!(formats_html, Format::Html);

#[test]
fn multi_kind_report_covers_several_kinds_and_every_severity() {
    let report = multi_kind_report();
    let mut kinds: Vec<&str> = report.findings.iter().map(|f| f.kind.id()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert!(kinds.len() >= 4, "the snapshot input should show several kinds: {kinds:?}");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        assert!(report.findings.iter().any(|f| f.severity == s), "no {} finding", s.id());
    }
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("`{pointer}` should be a string"))
}

fn int_at(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer).and_then(Value::as_i64).unwrap_or_else(|| panic!("`{pointer}` should be an integer"))
}

#[test]
fn sarif_has_the_2_1_0_structure() {
    let report = multi_kind_report();
    let out = render(&report, Format::Sarif, false);
    let log: Value = serde_json::from_str(&out).expect("SARIF output is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(str_at(&log, "/$schema").ends_with("sarif-schema-2.1.0.json"), "{}", log["$schema"]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "claimdiff");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(str_at(driver, "/informationUri").starts_with("https://"));
    let rules = driver["rules"].as_array().expect("driver.rules");
    let ids: Vec<&str> = rules.iter().map(|r| str_at(r, "/id")).collect();
    assert_eq!(ids, KINDS, "one rule per finding kind");
    for r in rules {
        assert!(!str_at(r, "/help/text").is_empty() && !str_at(r, "/shortDescription/text").is_empty());
    }
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), report.findings.len());
    for (r, f) in results.iter().zip(&report.findings) {
        assert_eq!(str_at(r, "/ruleId"), f.kind.id());
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(str_at(r, "/level"), level);
        assert_eq!(str_at(r, "/message/text"), f.message);
        assert_eq!(str_at(r, "/partialFingerprints/claimdiff~1v1"), f.fingerprint);
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = str_at(loc, "/artifactLocation/uri");
        assert!(report.sources.iter().any(|s| s.path == uri), "{uri} is no source path");
        assert!(int_at(loc, "/region/startLine") >= 1 && int_at(loc, "/region/startColumn") >= 1);
        let related = r["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related, f.claims.len().saturating_sub(1), "one related location per other claim");
    }
    // The typed model reads it back.
    let typed: serde_sarif::sarif::Sarif = serde_json::from_str(&out).expect("serde-sarif reads the log");
    assert_eq!(typed.runs.len(), 1);
}

#[test]
fn sarif_locates_the_dissenting_claim() {
    let report = multi_kind_report();
    let log: Value = serde_json::from_str(&render(&report, Format::Sarif, false)).expect("JSON");
    for (r, f) in log["runs"][0]["results"].as_array().expect("results").iter().zip(&report.findings) {
        let Some(c) = f.claims.iter().find(|c| f.dissenting.first() == Some(&c.source)) else { continue };
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(int_at(loc, "/region/startLine"), c.line as i64, "{}", f.message);
        assert_eq!(int_at(loc, "/region/startColumn"), c.column as i64, "{}", f.message);
    }
}

/// A report whose every source-derived string carries `payload`.
pub fn tainted(payload: &str) -> Report {
    let mut report = multi_kind_report();
    for s in &mut report.sources {
        s.path = format!("{}{payload}", s.path);
    }
    for f in &mut report.findings {
        f.message = format!("{}{payload}", f.message);
        for c in &mut f.claims {
            c.text = format!("{payload} {}{payload}", c.text);
            c.sentence = format!("{payload}{}", c.sentence).into();
            c.speaker = Some(format!("Jane{payload}"));
        }
        for d in &mut f.diff {
            d.text = format!("{}{payload}", d.text);
        }
    }
    report
}

/// Every line that starts with `::` is one of ours: an annotation command.
fn assert_only_annotations(out: &str, expected: usize) {
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    for l in &commands {
        let ours = ["::error file=", "::warning file=", "::notice file="].iter().any(|p| l.starts_with(p));
        assert!(ours, "a line starts a command that is not an annotation:\n{l}");
    }
    assert_eq!(commands.len(), expected, "one annotation per finding:\n{out}");
    for l in out.lines() {
        assert!(!l.contains('\r') && !l.contains('\u{2028}'), "a raw line break in:\n{l:?}");
    }
}

#[test]
fn github_output_cannot_be_made_to_start_a_workflow_command() {
    for payload in WORKFLOW_INJECTIONS {
        let report = tainted(payload);
        let out = github::render(&report);
        assert_only_annotations(&out, report.findings.len());
    }
    let out = github::render(&tainted("%0A::warning::x"));
    assert!(out.contains("%250A::warning::x"), "`%` in source text is escaped as %25:\n{out}");
}

#[test]
fn github_properties_escape_colons_and_commas() {
    let out = github::render(&tainted(",title=x:y"));
    let first = out.lines().next().expect("an annotation");
    // `:` is escaped in properties, so the first `::` after the command ends them.
    let props = &first[2..first[2..].find("::").map_or(first.len(), |i| i + 2)];
    assert!(props.contains("%2Ctitle=x%3Ay"), "{props}");
    assert_eq!(props.matches(",title=").count(), 1, "only our title property: {props}");
}

#[test]
fn github_prints_the_most_severe_first_at_most_ten_per_level() {
    let mut report = multi_kind_report();
    let error = report.findings.iter().find(|f| f.severity == Severity::Error).expect("an error").clone();
    report.findings.extend(std::iter::repeat_n(error, 12));
    let report = Report::new(report.sources, report.findings);
    let errors = report.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let out = github::render(&report);
    let levels: Vec<&str> =
        out.lines().filter(|l| l.starts_with("::")).map(|l| l[2..].split(' ').next().unwrap_or("")).collect();
    assert_eq!(levels.iter().filter(|l| **l == "error").count(), github::MAX_PER_LEVEL);
    let first_other = levels.iter().position(|l| *l != "error").expect("warnings and notices too");
    assert!(levels[first_other..].iter().all(|l| *l != "error"), "errors first: {levels:?}");
    assert_eq!(levels.last(), Some(&"notice"), "{levels:?}");
    let more = format!("claimdiff: {} more error findings", errors - github::MAX_PER_LEVEL);
    assert!(out.contains(&more), "says how many were left out:\n{out}");
    assert_eq!(github::step_summary(&report), render(&report, Format::Markdown, false));
}

/// Two reports whose quote differs ("bridge" / "tunnel"), laced with
/// workflow commands and Markdown that must stay inert.
fn hostile_sources(s: &Scratch) -> (String, String) {
    let text = |word: &str| {
        format!(
            "Minister Jane Smith spoke on Monday.\n\n\"We will build the new {word} %0A::warning::x across\n::error::injected the river @someone <b>bold</b> [x](http://evil) ![img](x) by next spring,\" Smith said.\n"
        )
    };
    (arg(&s.write("first.txt", text("bridge"))), arg(&s.write("second.txt", text("tunnel"))))
}

#[test]
fn github_format_from_the_cli_keeps_injected_commands_inert() {
    let s = Scratch::new("gh-inject");
    let (a, b) = hostile_sources(&s);
    let run = claimdiff(["check", "--format", "github", &a, &b]);
    let out = run.expect_code(1).stdout_str();
    assert!(out.contains("tunnel"), "the quote should be reported:\n{out}");
    assert_only_annotations(&out, 1);
    assert!(!out.contains("\n::error::injected") && out.contains("%250A::warning::x"), "{out}");
}

/// Markdown that would mention, link, embed or inject, rendered inert.
fn assert_markdown_inert(out: &str) {
    for live in ["@someone", "<b>", "</b>", "](", "![", "http://", "<script", "<img"] {
        assert!(!out.contains(live), "`{live}` is live in:\n{out}");
    }
    assert!(out.contains("@\u{200b}someone"), "mentions are broken with a zero-width space:\n{out}");
    assert!(out.contains("&lt;b&gt;bold&lt;/b&gt;"), "HTML is escaped:\n{out}");
    assert!(out.contains("\\[x\\]\\(http\u{200b}://evil\\)"), "links are escaped:\n{out}");
    assert!(out.contains("\\!\\[img\\]\\(x\\)"), "images are escaped:\n{out}");
}

#[test]
fn markdown_renders_mentions_links_and_html_inertly() {
    let payload = " @someone <b>bold</b> [x](http://evil) ![img](x) <script>alert(1)</script> <img src=x>";
    assert_markdown_inert(&render(&tainted(payload), Format::Markdown, false));
}

#[test]
fn markdown_source_text_cannot_break_tables_or_fences() {
    let out = render(&tainted(" a | b ``` c ` ~~d~~ **e** $x$ \n# h"), Format::Markdown, false);
    assert!(!out.contains("```") && !out.contains("~~d~~") && !out.contains("**e**"), "{out}");
    for row in out.lines().filter(|l| l.starts_with('|')) {
        let pipes = row.replace("\\|", "").matches('|').count();
        assert_eq!(pipes, 5, "a table row with extra cells: {row}");
    }
    assert!(!out.lines().any(|l| l.starts_with("# h")), "a source cannot start a line:\n{out}");
    // A message starts a line (it begins with a source id): no heading, list or rule.
    for id in ["# daily", "- daily", "1. daily", "=== daily", "  > daily"] {
        let mut report = multi_kind_report();
        report.findings[0].message = format!("{id} quotes someone");
        let out = render(&report, Format::Markdown, false);
        let line = out.lines().find(|l| l.contains("daily quotes someone")).expect("the message");
        assert!(line.starts_with('\\') || line.starts_with("1\\.") || line.starts_with("&gt;"), "{line}");
    }
}

#[test]
fn markdown_format_from_the_cli_is_inert() {
    let s = Scratch::new("md-inject");
    let (a, b) = hostile_sources(&s);
    let run = claimdiff(["check", "--format", "markdown", &a, &b]);
    assert_markdown_inert(&run.expect_code(1).stdout_str());
}

#[test]
fn junit_lists_every_kind_and_fails_per_dissenting_source() {
    let report = multi_kind_report();
    let out = render(&report, Format::Junit, false);
    assert_eq!(out.matches("<testsuite ").count(), 1, "one suite:\n{out}");
    for kind in KINDS {
        assert!(out.contains(&format!("classname=\"claimdiff.{kind}\"")), "no case for {kind}:\n{out}");
    }
    assert!(
        out.contains("name=\"figure-value [weekly]\"") && out.contains("name=\"figure-value [tabloid]\"")
    );
    assert_eq!(out.matches("<failure ").count(), report.findings.len(), "one failing case each here");
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for format in
        [Format::Markdown, Format::Sarif, Format::Github, Format::Junit, Format::Html, Format::Terminal]
    {
        assert_eq!(rendered(format), rendered(format), "{format:?}");
    }
}
