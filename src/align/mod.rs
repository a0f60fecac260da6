//! Align: group the claims that state the same thing across sources, at most
//! one claim per source per group. Candidates are narrowed first through an
//! inverted index (quote words, figure units, polarity scope, date shapes,
//! name words) so the cost grows with the number of claims, not with its
//! square; pairs are then scored (`score.rs`) and joined greedily, best
//! first, never putting two claims of one source together.

mod score;

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::extract::{Claim, Data};
use crate::words::{contains, STOPWORDS};

/// Thresholds for pairing claims (config may override).
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Share of the shorter quote's words found in the other (0..1).
    pub quote_min_overlap: f64,
    /// Share of the smaller context shared by two figures (0..1).
    pub figure_min_context: f64,
    /// Share of a marked clause's scope found in its counterpart (0..1).
    pub polarity_min_cover: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { quote_min_overlap: 0.6, figure_min_context: 0.25, polarity_min_cover: 0.75 }
    }
}

/// A group of aligned claims (indices into the claim list), sorted by source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub members: Vec<usize>,
}

/// Index keys of a claim. A key is only a way to find candidates; the score
/// decides.
fn keys(c: &Claim) -> Vec<String> {
    match &c.data {
        Data::Quote(q) => q
            .tokens
            .iter()
            .map(|t| t.norm.clone())
            .filter(|n| n.chars().count() > 2 && !contains(STOPWORDS, n))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|n| format!("q:{n}"))
            .collect(),
        // "people:dead" and plain "people" meet under "people"; the score
        // keeps "people:dead" and "people:injured" apart.
        Data::Figure(f) => {
            let key = f.unit_key.as_deref().unwrap_or("");
            vec![format!("unit:{}", key.split(':').next().unwrap_or(key))]
        }
        Data::Polarity(p) => {
            let words = if p.marked { &p.scope } else { &p.stems };
            words.iter().collect::<BTreeSet<_>>().into_iter().map(|s| format!("p:{s}")).collect()
        }
        Data::Date(d) => vec![format!("date:{}", d.value.shape())],
        Data::Name(n) => n
            .spelling
            .split(' ')
            .map(|w| format!("n:{}", w.chars().take(2).collect::<String>()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    }
}

/// Keys whose postings are compared in full however many claims share them
/// (they are already narrow: the thing a figure counts, a date's shape).
fn uncapped(key: &str) -> bool {
    key.starts_with("unit:") || key.starts_with("date:")
}

/// Group claims across sources.
pub fn align(claims: &[Claim], opts: AlignOptions) -> Vec<Cluster> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    let claim_keys: Vec<Vec<String>> = claims.iter().map(keys).collect();
    for (i, ks) in claim_keys.iter().enumerate() {
        for k in ks {
            index.entry(k.clone()).or_default().push(i);
        }
    }
    let sources = claims.iter().map(|c| c.source).collect::<BTreeSet<_>>().len().max(1);
    let cap = 64.max(sources * 8);
    let ctx = score::Context::new(claims, opts);
    let mut edges: Vec<(u64, usize, usize)> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for (i, a) in claims.iter().enumerate() {
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        for k in &claim_keys[i] {
            let post = &index[k];
            if post.len() <= cap || uncapped(k) {
                cands.extend(post.iter().copied().filter(|&j| j > i && claims[j].source != a.source));
            }
        }
        for j in cands {
            if !seen.insert((i, j)) {
                continue;
            }
            if let Some(s) = ctx.score(i, j) {
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
    let mut sources: Vec<HashSet<usize>> = claims.iter().map(|c| HashSet::from([c.source])).collect();
    for &(_, i, j) in edges {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj || !sources[gi].is_disjoint(&sources[gj]) {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group[m] = gi;
        }
        members[gi].extend(moved);
        let moved_sources = std::mem::take(&mut sources[gj]);
        sources[gi].extend(moved_sources);
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
