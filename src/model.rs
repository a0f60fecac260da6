//! The report model: what comparison produces and all a reporter sees.
//! Serialised as the contract's JSON report (`claimdiff/report/v1`).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::load::Role;

/// Stable finding kind ids (the contract's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    QuoteWording,
    QuoteAttribution,
    FigureValue,
    FigureQualifier,
    Polarity,
    Date,
    NameSpelling,
    Omission,
    Unsupported,
}

impl FindingKind {
    pub const ALL: [FindingKind; 9] = [
        FindingKind::QuoteWording,
        FindingKind::QuoteAttribution,
        FindingKind::FigureValue,
        FindingKind::FigureQualifier,
        FindingKind::Polarity,
        FindingKind::Date,
        FindingKind::NameSpelling,
        FindingKind::Omission,
        FindingKind::Unsupported,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FindingKind::QuoteWording => "quote-wording",
            FindingKind::QuoteAttribution => "quote-attribution",
            FindingKind::FigureValue => "figure-value",
            FindingKind::FigureQualifier => "figure-qualifier",
            FindingKind::Polarity => "polarity",
            FindingKind::Date => "date",
            FindingKind::NameSpelling => "name-spelling",
            FindingKind::Omission => "omission",
            FindingKind::Unsupported => "unsupported",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }

    /// The documented default severity of each kind.
    pub fn default_severity(self) -> Severity {
        match self {
            FindingKind::FigureValue | FindingKind::QuoteAttribution | FindingKind::Polarity => {
                Severity::Error
            }
            FindingKind::QuoteWording | FindingKind::FigureQualifier | FindingKind::Date => Severity::Warning,
            FindingKind::NameSpelling | FindingKind::Omission | FindingKind::Unsupported => Severity::Info,
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A source as the report lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceInfo {
    pub id: String,
    pub path: String,
    pub role: Role,
}

/// A number that serialises as an integer when it is whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

/// One aligned claim as a finding shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimView {
    pub source: String,
    pub kind: crate::extract::ClaimKind,
    pub text: String,
    /// Shared with the claim (and every other view of it).
    pub sentence: std::sync::Arc<str>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_high: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polarity: Option<crate::extract::Polarity>,
    /// The date as resolved ("2021-11-11 (Thursday)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    Equal,
    Delete,
    Insert,
}

/// One step of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    pub op: DiffTag,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub fingerprint: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub message: String,
    /// Every source the finding concerns.
    pub sources: Vec<String>,
    /// The sources that disagree with the majority (or the reference).
    pub dissenting: Vec<String>,
    pub claims: Vec<ClaimView>,
    pub diff: Vec<DiffOp>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub schema: &'static str,
    pub sources: Vec<SourceInfo>,
    pub findings: Vec<Finding>,
    pub summary: BTreeMap<&'static str, usize>,
    /// Findings a baseline suppressed (omitted when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub const REPORT_SCHEMA: &str = "claimdiff/report/v1";

impl Report {
    pub fn new(sources: Vec<SourceInfo>, findings: Vec<Finding>) -> Self {
        let mut summary = BTreeMap::from([("error", 0), ("warning", 0), ("info", 0)]);
        for f in &findings {
            *summary.entry(f.severity.id()).or_default() += 1;
        }
        Report { schema: REPORT_SCHEMA, sources, findings, summary, suppressed: 0 }
    }

    /// The most severe finding's severity.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// A 64-bit FNV-1a hash as 16 hex digits: stable across runs and platforms.
///
/// ```
/// assert_eq!(claimdiff::model::fingerprint(["a", "b"]).len(), 16);
/// ```
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
