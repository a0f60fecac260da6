//! JUnit XML (via `quick-junit`), for CI views that list test results: one
//! test suite, `claimdiff`, and one test case per finding kind per
//! dissenting source.
//!
//! Grouping choice: a finding belongs to the case `KIND [SOURCE]` of each of
//! its dissenting sources (the source that disagrees is what a reader has to
//! fix), or `KIND [A+B]` (its sources joined) when it names no dissenter.
//! Several findings of one kind against one source make one failing case
//! whose message counts them and whose text lists each (severity, message,
//! every claim with `path:line:column`); the failure `type` is the most
//! severe one's severity, so consumers can tell `info` from `error`. Every
//! kind without a finding gets one passing case `KIND [all sources]`, so the
//! report always lists all nine kinds and is never empty. Cases are ordered
//! by kind (the contract's order), then by first appearance in the report.
//! The suite's properties list the sources (`source.ID` = path). No
//! timestamps or timings are written: the same input gives the same bytes.

use std::fmt::Write;

use quick_junit::{NonSuccessKind, Property, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};

use crate::model::{Finding, FindingKind, Report};
use crate::text::neutralize;

use super::source_path;

/// The JUnit XML document.
pub fn render(report: &Report) -> String {
    let mut suite = TestSuite::new("claimdiff");
    for s in &report.sources {
        suite.add_property(Property::new(format!("source.{}", neutralize(&s.id)), neutralize(&s.path)));
    }
    for kind in FindingKind::ALL {
        let groups = groups(report, kind);
        if groups.is_empty() {
            let mut case = TestCase::new(format!("{} [all sources]", kind.id()), TestCaseStatus::success());
            case.set_classname(format!("claimdiff.{}", kind.id()));
            suite.add_test_case(case);
        }
        for (subject, findings) in groups {
            suite.add_test_case(failing_case(report, kind, &subject, &findings));
        }
    }
    let mut junit = JunitReport::new("claimdiff");
    junit.add_test_suite(suite);
    junit.to_string().expect("writing JUnit XML to memory cannot fail")
}

/// The findings of `kind`, grouped by dissenting source, in report order.
fn groups(report: &Report, kind: FindingKind) -> Vec<(String, Vec<&Finding>)> {
    let mut groups: Vec<(String, Vec<&Finding>)> = Vec::new();
    for f in report.findings.iter().filter(|f| f.kind == kind) {
        let subjects = if f.dissenting.is_empty() { vec![f.sources.join("+")] } else { f.dissenting.clone() };
        for s in subjects {
            match groups.iter_mut().find(|(g, _)| *g == s) {
                Some((_, list)) => list.push(f),
                None => groups.push((s, vec![f])),
            }
        }
    }
    groups
}

fn failing_case(report: &Report, kind: FindingKind, subject: &str, findings: &[&Finding]) -> TestCase {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
    let message = match findings {
        [one] => neutralize(&one.message),
        many => format!("{} {} findings against {}", many.len(), kind.id(), neutralize(subject)),
    };
    let worst = findings.iter().map(|f| f.severity).max().map_or("error", |s| s.id());
    let mut text = String::new();
    for f in findings {
        describe(&mut text, report, f);
    }
    status.set_message(message).set_type(worst).set_description(text);
    let mut case = TestCase::new(format!("{} [{}]", kind.id(), neutralize(subject)), status);
    case.set_classname(format!("claimdiff.{}", kind.id()));
    case
}

/// One finding in a failure's text: its headline, then one line per claim.
fn describe(out: &mut String, report: &Report, f: &Finding) {
    let _ =
        writeln!(out, "{}[{}] {} ({})", f.severity.id(), f.kind.id(), neutralize(&f.message), f.fingerprint);
    for c in &f.claims {
        let mark = if f.dissenting.contains(&c.source) { '*' } else { ' ' };
        let _ = writeln!(
            out,
            "  {mark}{} {}:{}:{}: {}",
            neutralize(&c.source),
            neutralize(source_path(report, &c.source)),
            c.line,
            c.column,
            neutralize(&c.text)
        );
    }
}
