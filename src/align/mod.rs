//! Align: group the claims that state the same thing across sources, at most
//! one claim per source per group. Claims whose scored data are equal form a
//! class (`class.rs`: the same quote in 800 reports is one class). Candidate
//! classes are narrowed by blocking keys that lose no pair (quote word
//! trigrams, figure units, polarity words, date shapes, name words), rarest
//! first, a bounded number per class (`candidates.rs`); class pairs are scored
//! (`score.rs`), and their claims joined greedily, best edge first, never
//! two claims of one source together, walking blocks of equal edges rather
//! than listing them (`join.rs`): the cost grows with the number of claims
//! and classes, not with the square of the number of sources.

mod candidates;
mod class;
mod join;
mod score;

use crate::extract::Claim;

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

/// Group claims across sources.
pub fn align(claims: &[Claim], opts: AlignOptions) -> Vec<Cluster> {
    align_with(claims, opts, false)
}

/// [`align`] scoring every pair of classes of one kind, without blocking:
/// the reference the candidate generation is held to (tests, benchmarks).
#[doc(hidden)]
pub fn align_exhaustive(claims: &[Claim], opts: AlignOptions) -> Vec<Cluster> {
    align_with(claims, opts, true)
}

fn align_with(claims: &[Claim], opts: AlignOptions, exhaustive: bool) -> Vec<Cluster> {
    let ctx = score::Context::new(claims, opts);
    let members = class::classes(claims, |c| ctx.unique(c));
    let reps: Vec<usize> = members.iter().map(|m| m[0]).collect();
    // The one source of a class whose claims all come from one source: two
    // such classes of the same source have no pair to score.
    let one_source: Vec<Option<usize>> = members
        .iter()
        .map(|m| {
            let s = claims[m[0]].source;
            m.iter().all(|&i| claims[i].source == s).then_some(s)
        })
        .collect();
    // An unmarked polarity clause only answers a marked one: two never pair.
    let unmarked: Vec<bool> = reps.iter().map(|&r| claims[r].polarity().is_some_and(|p| !p.marked)).collect();
    let cls = candidates::Classes { reps: &reps, one_source: &one_source, unmarked: &unmarked };
    let pairs =
        if exhaustive { candidates::all_pairs(claims, &cls) } else { candidates::pairs(claims, &cls) };
    // Scores as integers keep the order total and deterministic.
    let scored = |i: usize, j: usize| ctx.score(i, j).map(|s| (s * 1e6) as u64);
    let mut blocks: Vec<join::Block> = Vec::new();
    for (a, b) in pairs {
        if let Some(score) = scored(reps[a], reps[b]) {
            blocks.push(join::Block { score, rows: a, cols: b });
        }
        if b != a {
            if let Some(score) = scored(reps[b], reps[a]) {
                blocks.push(join::Block { score, rows: b, cols: a });
            }
        }
    }
    let source: Vec<usize> = claims.iter().map(|c| c.source).collect();
    let mut out: Vec<Cluster> = join::join(&source, &members, &blocks)
        .into_iter()
        .map(|mut m| {
            m.sort_by_key(|&i| (claims[i].source, claims[i].span.start));
            Cluster { members: m }
        })
        .collect();
    out.sort_by(|x, y| x.members.cmp(&y.members));
    out
}
