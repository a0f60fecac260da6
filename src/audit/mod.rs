//! `claimdiff audit --wire WIRE_DIR STORY...`: a day of copy against the
//! wire. Each story is matched to the wire items it draws on ([`index`]),
//! then checked against each match as its reference (quote wording,
//! figures, qualifiers, omissions, unsupported material) with the same
//! check as `claimdiff check --reference`.
//!
//! A story that draws on several wire items is checked against each; a
//! quote or figure of the story is `unsupported` only when none of its
//! matches contains it (what one item lacks, another may supply).

pub mod index;
mod render;

pub use render::render;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::load::{Document, Role};
use crate::model::{Finding, FindingKind, Number, Report, SourceInfo};
use crate::CheckOptions;
use index::{IndexOptions, WireIndex};

pub const AUDIT_SCHEMA: &str = "claimdiff/audit/v1";

/// Settings of an audit.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// Config for the checks (`reference` is ignored: each match is one).
    pub check: CheckOptions,
    pub index: IndexOptions,
}

/// The contract's `claimdiff/audit/v1`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AuditReport {
    pub schema: &'static str,
    pub wire: Vec<DocRef>,
    pub stories: Vec<StoryAudit>,
    pub summary: AuditSummary,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocRef {
    pub id: String,
    pub path: String,
}

/// One story: the wire items it draws on and what its checks found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoryAudit {
    pub id: String,
    pub path: String,
    pub matches: Vec<WireMatch>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WireMatch {
    pub wire: String,
    /// The part of the story's quotes and figures drawn from this item
    /// (0..1, three decimals).
    pub share: Number,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct AuditSummary {
    pub stories: usize,
    pub matched: usize,
    pub unmatched: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Match every story to the wire and check it against each match.
/// Stories are reported in the order given; ids must be unique across
/// wire and stories.
pub fn audit(wire: &[Document], stories: &[Document], opts: &AuditOptions) -> Result<AuditReport> {
    if wire.is_empty() {
        return Err(Error::Usage("no wire item given".into()));
    }
    crate::load::check_unique(wire)?;
    crate::load::check_unique(stories)?;
    let wire_ids: std::collections::HashMap<&str, &str> =
        wire.iter().map(|d| (d.id.as_str(), d.path.as_str())).collect();
    if let Some(s) = stories.iter().find(|s| wire_ids.contains_key(s.id.as_str())) {
        return Err(Error::DuplicateId {
            id: s.id.clone(),
            first: wire_ids[s.id.as_str()].to_string(),
            second: s.path.clone(),
        });
    }
    let wire_units: Vec<_> = wire.par_iter().map(index::units).collect();
    let index = WireIndex::new(&wire_units, opts.index);
    drop(wire_units);
    let stories: Vec<StoryAudit> =
        stories.par_iter().map(|s| audit_story(s, wire, &index, opts)).collect::<Result<_>>()?;
    let wire = wire.iter().map(|d| DocRef { id: d.id.clone(), path: d.path.clone() }).collect();
    let mut report = AuditReport { schema: AUDIT_SCHEMA, wire, stories, summary: AuditSummary::default() };
    report.recount();
    Ok(report)
}

fn audit_story(
    story: &Document,
    wire: &[Document],
    index: &WireIndex,
    opts: &AuditOptions,
) -> Result<StoryAudit> {
    let hits = index.matches(&index::units(story));
    let mut checks = Vec::with_capacity(hits.len());
    for h in &hits {
        let reference = &wire[h.wire];
        let check = CheckOptions { reference: Some(reference.id.clone()), ..opts.check.clone() };
        let mut story = story.clone();
        story.role = Role::Report;
        checks.push(crate::check(vec![reference.clone(), story], &check)?.findings);
    }
    let findings = merge(&story.id, checks);
    let matches = hits
        .iter()
        .map(|h| WireMatch {
            wire: wire[h.wire].id.clone(),
            share: Number((h.share * 1000.0).round() / 1000.0),
        })
        .collect();
    Ok(StoryAudit { id: story.id.clone(), path: story.path.clone(), matches, findings })
}

/// The findings of a story's checks, one check per match in match order;
/// an `unsupported` claim of the story stays only when every match lacks it.
fn merge(story: &str, checks: Vec<Vec<Finding>>) -> Vec<Finding> {
    let unsupported_at = |f: &Finding| -> Option<(usize, usize)> {
        (f.kind == FindingKind::Unsupported)
            .then(|| f.claims.iter().find(|c| c.source == story).map(|c| (c.start, c.end)))
            .flatten()
    };
    let per_check: Vec<std::collections::HashSet<(usize, usize)>> =
        checks.iter().map(|fs| fs.iter().filter_map(unsupported_at).collect()).collect();
    let mut out = Vec::new();
    let mut kept_unsupported = std::collections::HashSet::new();
    for fs in checks {
        for f in fs {
            match unsupported_at(&f) {
                Some(at) => {
                    if per_check.iter().all(|s| s.contains(&at)) && kept_unsupported.insert(at) {
                        out.push(f);
                    }
                }
                None => out.push(f),
            }
        }
    }
    out
}

impl AuditReport {
    /// The whole audit as one check report, for the formats other than
    /// JSON: the matched wire items (as references) and the stories as
    /// sources, every story's findings in story order.
    pub fn to_report(&self, wire: &[Document]) -> Report {
        let used: std::collections::BTreeSet<&str> =
            self.stories.iter().flat_map(|s| s.matches.iter().map(|m| m.wire.as_str())).collect();
        let mut sources: Vec<SourceInfo> = wire
            .iter()
            .filter(|d| used.contains(d.id.as_str()))
            .map(|d| SourceInfo { id: d.id.clone(), path: d.path.clone(), role: Role::Reference })
            .collect();
        sources.extend(self.stories.iter().map(|s| SourceInfo {
            id: s.id.clone(),
            path: s.path.clone(),
            role: Role::Report,
        }));
        Report::new(sources, self.stories.iter().flat_map(|s| s.findings.iter().cloned()).collect())
    }

    /// Count stories and findings again (after findings were suppressed).
    pub fn recount(&mut self) {
        let mut summary = AuditSummary { stories: self.stories.len(), ..AuditSummary::default() };
        for s in &self.stories {
            if s.matches.is_empty() {
                summary.unmatched += 1;
            } else {
                summary.matched += 1;
            }
            for f in &s.findings {
                match f.severity {
                    crate::model::Severity::Error => summary.error += 1,
                    crate::model::Severity::Warning => summary.warning += 1,
                    crate::model::Severity::Info => summary.info += 1,
                }
            }
        }
        self.summary = summary;
    }

    /// The worst finding's severity over every story.
    pub fn worst(&self) -> Option<crate::model::Severity> {
        self.stories.iter().flat_map(|s| s.findings.iter().map(|f| f.severity)).max()
    }
}
