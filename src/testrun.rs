//! `claimdiff test`: run case files and score their findings against their
//! expectations, per the contract: a finding meets an expectation when the
//! kind is equal, its sources include the listed ones and every `contains`
//! string occurs in one claim's text or sentence (folded). Each finding meets
//! at most one expectation (a maximum matching).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::case::{self, Case, Expectation};
use crate::error::Result;
use crate::load::LoadOptions;
use crate::model::{Finding, FindingKind};
use crate::text::fold;
use crate::CheckOptions;

#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub name: String,
    pub path: String,
    pub passed: bool,
    pub misses: Vec<String>,
    pub false_alarms: Vec<String>,
    #[serde(skip)]
    pub tally: BTreeMap<FindingKind, Tally>,
}

/// Matched findings, false alarms and misses of one kind.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    pub hits: usize,
    pub false_alarms: usize,
    pub misses: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.hits + self.false_alarms)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.hits + self.misses)
    }
    fn add(&mut self, o: Tally) {
        self.hits += o.hits;
        self.false_alarms += o.false_alarms;
        self.misses += o.misses;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct KindScore {
    pub kind: FindingKind,
    #[serde(flatten)]
    pub tally: Tally,
    pub precision: f64,
    pub recall: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestSummary {
    pub cases: Vec<CaseResult>,
    pub kinds: Vec<KindScore>,
    pub overall: KindScore,
    pub passed: usize,
    pub failed: usize,
}

/// Run every case under `paths`.
pub fn run(
    paths: &[PathBuf],
    opts: &CheckOptions,
    load: LoadOptions,
    allow_outside: bool,
) -> Result<TestSummary> {
    let files = case::find_cases(paths)?;
    if files.is_empty() {
        return Err(crate::error::Error::Usage("no case files (*.yaml) found".into()));
    }
    let mut cases = Vec::new();
    for f in files {
        let c = case::load_case(&f, load, allow_outside)?;
        cases.push(score_case(&c, opts)?);
    }
    let mut per_kind: BTreeMap<FindingKind, Tally> = BTreeMap::new();
    for c in &cases {
        for (k, t) in &c.tally {
            per_kind.entry(*k).or_default().add(*t);
        }
    }
    let mut overall = Tally::default();
    for t in per_kind.values() {
        overall.add(*t);
    }
    let score =
        |kind, tally: Tally| KindScore { kind, tally, precision: tally.precision(), recall: tally.recall() };
    let passed = cases.iter().filter(|c| c.passed).count();
    Ok(TestSummary {
        failed: cases.len() - passed,
        passed,
        kinds: per_kind.into_iter().map(|(k, t)| score(k, t)).collect(),
        overall: score(FindingKind::QuoteWording, overall),
        cases,
    })
}

/// Check one case and score its findings.
pub fn score_case(case: &Case, opts: &CheckOptions) -> Result<CaseResult> {
    let mut o = opts.clone();
    if case.file.reference.is_some() {
        o.reference = case.file.reference.clone();
    }
    let report = match case.file.mode {
        case::Mode::Check => crate::check(case.docs.clone(), &o)?,
        case::Mode::Versions => crate::versions(case.docs.clone(), &o)?,
    };
    let findings = &report.findings;
    let meets = |f: &Finding, (kind, e): &(FindingKind, Expectation)| {
        f.kind == *kind
            && e.sources.iter().all(|s| f.sources.contains(s))
            && e.contains.iter().all(|needle| {
                let n = norm(needle);
                f.claims.iter().any(|c| norm(&c.text).contains(&n) || norm(&c.sentence).contains(&n))
            })
    };
    let matched = matching(findings.len(), case.expect.len(), |i, j| meets(&findings[i], &case.expect[j]));
    let mut tally: BTreeMap<FindingKind, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for (j, (kind, e)) in case.expect.iter().enumerate() {
        if matched.contains(&Some(j)) {
            tally.entry(*kind).or_default().hits += 1;
        } else {
            tally.entry(*kind).or_default().misses += 1;
            misses.push(format!("{kind} [{}] contains {:?}", e.sources.join(", "), e.contains));
        }
    }
    for (i, f) in findings.iter().enumerate() {
        if matched[i].is_none() {
            tally.entry(f.kind).or_default().false_alarms += 1;
            false_alarms.push(format!("{} [{}]: {}", f.kind, f.sources.join(", "), f.message));
        }
    }
    Ok(CaseResult {
        name: case.file.name.clone(),
        path: case.path.display().to_string(),
        passed: misses.is_empty() && false_alarms.is_empty(),
        misses,
        false_alarms,
        tally,
    })
}

/// Case-insensitive, whitespace folded, typographic quotes and dashes plain.
fn norm(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Maximum bipartite matching (Kuhn): for each finding, the expectation it meets.
fn matching(n: usize, m: usize, edge: impl Fn(usize, usize) -> bool) -> Vec<Option<usize>> {
    let adj: Vec<Vec<usize>> = (0..n).map(|i| (0..m).filter(|&j| edge(i, j)).collect()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; m];
    fn augment(i: usize, adj: &[Vec<usize>], seen: &mut [bool], owner: &mut [Option<usize>]) -> bool {
        for &j in &adj[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            if owner[j].is_none_or(|o| augment(o, adj, seen, owner)) {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    for i in 0..n {
        let mut seen = vec![false; m];
        augment(i, &adj, &mut seen, &mut owner);
    }
    let mut out = vec![None; n];
    for (j, o) in owner.iter().enumerate() {
        if let Some(i) = o {
            out[*i] = Some(j);
        }
    }
    out
}

/// The human summary: per case, then per kind, then `N passed, N failed`.
pub fn render(s: &TestSummary) -> String {
    let mut out = String::new();
    for c in &s.cases {
        let _ = writeln!(out, "{} {} ({})", if c.passed { "PASS" } else { "FAIL" }, c.name, c.path);
        for m in &c.misses {
            let _ = writeln!(out, "    miss: {}", crate::text::neutralize(m));
        }
        for f in &c.false_alarms {
            let _ = writeln!(out, "    false alarm: {}", crate::text::neutralize(f));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>6} {:>6} {:>9} {:>7}",
        "kind", "hits", "false", "missed", "precision", "recall"
    );
    for k in s.kinds.iter().chain(std::iter::once(&s.overall)) {
        let name = if std::ptr::eq(k, &s.overall) { "overall" } else { k.kind.id() };
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>6} {:>6} {:>9.3} {:>7.3}",
            name, k.tally.hits, k.tally.false_alarms, k.tally.misses, k.precision, k.recall
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{} passed, {} failed", s.passed, s.failed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_prefers_a_full_assignment() {
        // finding 0 meets both expectations, finding 1 only the first.
        let m = matching(2, 2, |i, j| i == 0 || j == 0);
        assert_eq!(m, vec![Some(1), Some(0)]);
    }
}
