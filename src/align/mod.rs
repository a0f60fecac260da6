//! Align: group the claims that state the same thing across sources, at most
//! one claim per source per group. Candidates are narrowed first through an
//! inverted index (quote words, figure units) so the cost grows with the
//! number of claims, not with its square; pairs are then scored and joined
//! greedily, best first, never putting two claims of one source together.

use std::collections::{BTreeSet, HashMap};

use crate::extract::{Claim, ClaimKind};
use crate::words::{contains, STOPWORDS};

/// Thresholds for pairing claims (config may override).
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Share of the shorter quote's words found in the other (0..1).
    pub quote_min_overlap: f64,
    /// Share of the smaller context shared by two figures (0..1).
    pub figure_min_context: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { quote_min_overlap: 0.6, figure_min_context: 0.25 }
    }
}

/// A group of aligned claims (indices into the claim list), sorted by source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub members: Vec<usize>,
}

/// Index keys per claim kind; a key shared by too many claims is skipped
/// (it narrows nothing).
fn keys(c: &Claim) -> Vec<String> {
    match (&c.data, c.kind()) {
        (crate::extract::Data::Quote(q), _) => q
            .tokens
            .iter()
            .map(|t| t.norm.clone())
            .filter(|n| n.chars().count() > 2 && !contains(STOPWORDS, n))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        (crate::extract::Data::Figure(f), _) => vec![format!("unit:{}", f.unit_key.as_deref().unwrap_or(""))],
    }
}

/// Group claims across sources.
pub fn align(claims: &[Claim], opts: AlignOptions) -> Vec<Cluster> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for k in keys(c) {
            index.entry(k).or_default().push(i);
        }
    }
    let sources = claims.iter().map(|c| c.source).collect::<BTreeSet<_>>().len().max(1);
    // How many figures of each unit each source has: a unit a source
    // mentions once needs less context to align.
    let mut unit_counts: HashMap<(usize, &str), usize> = HashMap::new();
    for c in claims {
        if let Some(k) = c.figure().and_then(|f| f.unit_key.as_deref()) {
            *unit_counts.entry((c.source, k)).or_default() += 1;
        }
    }
    let unique = |c: &Claim| {
        c.figure()
            .and_then(|f| f.unit_key.as_deref())
            .is_some_and(|k| unit_counts.get(&(c.source, k)) == Some(&1))
    };
    let cap = 64.max(sources * 8);
    let mut edges: Vec<(u64, usize, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for (i, a) in claims.iter().enumerate() {
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        for k in keys(a) {
            let post = &index[&k];
            if post.len() <= cap || k.starts_with("unit:") {
                cands.extend(post.iter().copied().filter(|&j| j > i && claims[j].source != a.source));
            }
        }
        for j in cands {
            if !seen.insert((i, j)) {
                continue;
            }
            let b = &claims[j];
            if let Some(s) = score(a, b, unique(a) && unique(b), opts) {
                // Scores as integers keep the sort total and deterministic.
                edges.push(((s * 1e6) as u64, i, j));
            }
        }
    }
    edges.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    join(claims, &edges)
}

/// Union the best edges first while no group holds two claims of one source.
fn join(claims: &[Claim], edges: &[(u64, usize, usize)]) -> Vec<Cluster> {
    let mut group: Vec<usize> = (0..claims.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..claims.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in edges {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj {
            continue;
        }
        let clash =
            members[gi].iter().any(|&a| members[gj].iter().any(|&b| claims[a].source == claims[b].source));
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group[m] = gi;
        }
        members[gi].extend(moved);
    }
    let mut out: Vec<Cluster> = members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_by_key(|&i| (claims[i].source, claims[i].span.start));
            Cluster { members: m }
        })
        .collect();
    out.sort_by_key(|c| c.members.clone());
    out
}

/// How strongly two claims of different sources state the same thing, or
/// `None` when they do not.
fn score(a: &Claim, b: &Claim, unique_units: bool, opts: AlignOptions) -> Option<f64> {
    if a.kind() != b.kind() {
        return None;
    }
    match a.kind() {
        ClaimKind::Quote => quote_score(a, b, opts),
        ClaimKind::Figure => figure_score(a, b, unique_units, opts),
    }
}

fn quote_score(a: &Claim, b: &Claim, opts: AlignOptions) -> Option<f64> {
    let (qa, qb) = (a.quote()?, b.quote()?);
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in &qa.tokens {
        *counts.entry(t.norm.as_str()).or_default() += 1;
    }
    let mut shared = 0usize;
    let mut shared_content = 0usize;
    for t in &qb.tokens {
        if let Some(n) = counts.get_mut(t.norm.as_str()) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
                if !contains(STOPWORDS, &t.norm) {
                    shared_content += 1;
                }
            }
        }
    }
    let shorter = qa.tokens.len().min(qb.tokens.len()).max(1);
    let overlap = shared as f64 / shorter as f64;
    if overlap < opts.quote_min_overlap || shared_content < 2.min(shorter) || shared < 3.min(shorter) {
        return None;
    }
    let same_speaker = match (&qa.speaker, &qb.speaker) {
        (Some(x), Some(y)) if x.key() == y.key() => 0.05,
        _ => 0.0,
    };
    let longer = qa.tokens.len().max(qb.tokens.len()) as f64;
    Some(overlap + same_speaker + 0.01 * (shared as f64 / longer))
}

/// Units too general to identify a figure by themselves.
const GENERIC_UNITS: &[&str] = &["percent", "people", "time", "year", "day", "month", "week", "hour"];

fn figure_score(a: &Claim, b: &Claim, unique_units: bool, opts: AlignOptions) -> Option<f64> {
    let (fa, fb) = (a.figure()?, b.figure()?);
    if fa.unit_key != fb.unit_key {
        return None;
    }
    let unit_words: BTreeSet<String> =
        [&fa.unit, &fb.unit].into_iter().flatten().flat_map(|u| crate::text::content_words(u)).collect();
    let ca: BTreeSet<&String> = a.context.iter().filter(|w| !unit_words.contains(*w)).collect();
    let cb: BTreeSet<&String> = b.context.iter().filter(|w| !unit_words.contains(*w)).collect();
    let shared = ca.intersection(&cb).count();
    let smaller = ca.len().min(cb.len());
    let context = if smaller == 0 { 0.0 } else { shared as f64 / smaller as f64 };
    let same_value = fa.value == fb.value && fa.high == fb.high;
    let key = fa.unit_key.as_deref().unwrap_or("");
    let specific = !key.is_empty() && !contains(GENERIC_UNITS, key) && key.len() != 3;
    let aligned = match fa.unit_key {
        // With no unit, only a strongly shared context makes two numbers one figure.
        None => context >= 0.6 && shared >= 2,
        // The one figure of a specific unit in each source: the same thing.
        Some(_) if unique_units && specific => same_value || shared >= 1,
        Some(_) => (context >= opts.figure_min_context && shared >= 1) || shared >= 3,
    };
    if !aligned {
        return None;
    }
    Some(context + if same_value { 0.3 } else { 0.0 } + if unique_units { 0.1 } else { 0.0 })
}
