//! SARIF 2.1.0 (via `serde-sarif`), for code-scanning dashboards such as
//! GitHub's: one run whose driver `claimdiff` declares one rule per finding
//! kind (all nine, `ruleId` = the kind id, with help text and the kind's
//! default level), and one result per finding.
//!
//! A result is located at the first dissenting source's claim (else the
//! finding's first claim): `artifactLocation.uri` is the source path as the
//! report gives it (relative paths stay relative, `\` becomes `/`, characters
//! a URI cannot hold are percent-encoded), the region its start line and
//! column and, when known (see [`super::end_position`]), its end. Columns
//! count characters (`columnKind: unicodeCodePoints`). The other sources'
//! claims are `relatedLocations`; `partialFingerprints` carries the finding's
//! stable fingerprint as `claimdiff/v1`.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool,
    ToolComponent,
};

use crate::model::{ClaimView, Finding, FindingKind, Report, Severity};

use super::{end_position, other_claims, primary_claim, source_path};

/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimdiff/v1";
const INFORMATION_URI: &str = "https://github.com/claimdiff/claimdiff";
/// The OASIS schema of SARIF 2.1.0 (errata 01).
pub const SCHEMA_URL: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF log, pretty-printed.
pub fn render(report: &Report) -> String {
    let run = Run::builder()
        .tool(Tool::builder().driver(driver()).build())
        .results(report.findings.iter().map(|f| result(report, f)).collect::<Vec<_>>())
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    let log =
        Sarif::builder().schema(SCHEMA_URL).version(serde_json::Value::from("2.1.0")).runs(vec![run]).build();
    let mut s = serde_json::to_string_pretty(&log).expect("a SARIF log always serialises");
    s.push('\n');
    s
}

fn driver() -> ToolComponent {
    ToolComponent::builder()
        .name("claimdiff")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(FindingKind::ALL.iter().map(|&k| rule(k)).collect::<Vec<_>>())
        .build()
}

fn rule(kind: FindingKind) -> ReportingDescriptor {
    let (short, help) = help(kind);
    ReportingDescriptor::builder()
        .id(kind.id())
        .name(kind.id())
        .short_description(MultiformatMessageString::builder().text(short).build())
        .help(MultiformatMessageString::builder().text(help).build())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::from(level(kind.default_severity()).to_string()))
                .build(),
        )
        .build()
}

/// A rule's short description and help text.
fn help(kind: FindingKind) -> (&'static str, &'static str) {
    match kind {
        FindingKind::QuoteWording => (
            "The words of the same quote differ",
            "Sources quote the same remark with different words. Check the quote against the original; a partial quote is only reported when the cut drops a negation, condition or limiting qualifier.",
        ),
        FindingKind::QuoteAttribution => (
            "The same quote is attributed to different speakers",
            "Sources give the same words to different people. Check who said them.",
        ),
        FindingKind::FigureValue => (
            "The value of the same figure differs",
            "Sources give different values for the same thing counted in the same context (1,000 fighters / 1,200 fighters).",
        ),
        FindingKind::FigureQualifier => (
            "Same value, different hedge or bound",
            "Sources give the same value with a different qualifier class (at least / up to / about / exactly).",
        ),
        FindingKind::Polarity => (
            "One source affirms what another denies",
            "A statement is affirmed in one source and denied in another.",
        ),
        FindingKind::Date => (
            "The same event is dated differently",
            "Sources put the same event on different days or years.",
        ),
        FindingKind::NameSpelling => (
            "A person or organisation is spelt differently",
            "Sources spell the same name differently (diacritics and hyphenation aside).",
        ),
        FindingKind::Omission => (
            "A claim of the reference is left out",
            "A quote or figure of the reference is missing from a report.",
        ),
        FindingKind::Unsupported => (
            "A claim is not in the reference",
            "A report carries a quote or figure that the reference does not contain.",
        ),
    }
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn result(report: &Report, f: &Finding) -> SarifResult {
    let primary = primary_claim(f).map_or_else(
        || file_location(report, f.sources.first().map_or("", String::as_str)),
        |c| claim_location(report, c, None),
    );
    let related: Vec<Location> =
        other_claims(f).enumerate().map(|(i, c)| claim_location(report, c, Some(i as i64 + 1))).collect();
    let builder = SarifResult::builder()
        .rule_id(f.kind.id())
        .level(level(f.severity))
        .message(Message::builder().text(f.message.as_str()).build())
        .locations(vec![primary])
        .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_string(), f.fingerprint.clone())]));
    if related.is_empty() {
        builder.build()
    } else {
        builder.related_locations(related).build()
    }
}

fn artifact(report: &Report, id: &str) -> ArtifactLocation {
    ArtifactLocation::builder().uri(uri(source_path(report, id))).build()
}

/// A location with no region: the whole file of source `id`.
fn file_location(report: &Report, id: &str) -> Location {
    Location::builder()
        .physical_location(PhysicalLocation::builder().artifact_location(artifact(report, id)).build())
        .build()
}

/// A claim's location; related locations carry an id and the claim's text.
fn claim_location(report: &Report, c: &ClaimView, id: Option<i64>) -> Location {
    let region = match end_position(c) {
        Some((end_line, end_column)) => Region::builder()
            .start_line(c.line as i64)
            .start_column(c.column as i64)
            .end_line(end_line as i64)
            .end_column(end_column as i64)
            .build(),
        None => Region::builder().start_line(c.line as i64).start_column(c.column as i64).build(),
    };
    let physical =
        PhysicalLocation::builder().artifact_location(artifact(report, &c.source)).region(region).build();
    let location = Location::builder().physical_location(physical);
    match id {
        Some(id) => location
            .id(id)
            .message(Message::builder().text(format!("{}: {}", c.source, c.text)).build())
            .build(),
        None => location.build(),
    }
}

/// A path as a relative (or absolute) URI reference: `/` separators, and
/// every byte outside the unreserved set and `/` percent-encoded.
///
/// ```
/// use claimdiff::report::sarif::uri;
/// assert_eq!(uri("cases/a b/wire.txt"), "cases/a%20b/wire.txt");
/// assert_eq!(uri("dir\\x#1.txt"), "dir/x%231.txt");
/// ```
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
