//! Baselines: the fingerprints of accepted findings, so CI reports only new
//! ones. A fingerprint hashes a finding's kind and its claims' sources and
//! folded texts, so it survives edits elsewhere in the files (a paragraph
//! added above, a line re-wrapped) but not a renamed source id or a changed
//! claim.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Finding;

pub const BASELINE_SCHEMA: &str = "claimdiff/baseline/v1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub findings: Vec<Entry>,
}

/// One accepted finding: its fingerprint and a line for the humans who
/// review the file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub kind: String,
    pub message: String,
}

impl Baseline {
    pub fn of(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                kind: f.kind.id().to_string(),
                message: f.message.clone(),
            })
            .collect();
        entries.sort();
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline { schema: BASELINE_SCHEMA.to_string(), findings: entries }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline always serialises");
        s.push('\n');
        s
    }

    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Read { path: path.to_path_buf(), reason: e.to_string() })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| Error::Yaml {
            path: path.to_path_buf(),
            line: e.line() as u64,
            column: e.column() as u64,
            message: format!("not a claimdiff baseline: {e}"),
        })?;
        if b.schema != BASELINE_SCHEMA {
            return Err(Error::Case {
                path: path.to_path_buf(),
                message: format!("unknown baseline schema `{}`", b.schema),
            });
        }
        Ok(b)
    }

    /// Drop the findings the baseline holds; returns how many were dropped.
    pub fn suppress(&self, findings: &mut Vec<Finding>) -> usize {
        let known: BTreeSet<&str> = self.findings.iter().map(|e| e.fingerprint.as_str()).collect();
        let before = findings.len();
        findings.retain(|f| !known.contains(f.fingerprint.as_str()));
        before - findings.len()
    }
}
