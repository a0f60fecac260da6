//! Align: group the claims that state the same thing across sources, at most
//! one claim per source per group. Claims whose scored data are equal form a
//! class (`class.rs`: the same quote in 800 reports is one class). Candidate
//! classes are narrowed through an inverted index (quote words, figure
//! units, polarity scope, date shapes, name words); class pairs are scored
//! (`score.rs`), and their claims joined greedily, best edge first, never
//! two claims of one source together, walking blocks of equal edges rather
//! than listing them (`join.rs`): the cost grows with the number of claims
//! and classes, not with the square of the number of sources.

mod class;
mod join;
mod score;

use std::collections::{BTreeSet, HashMap};

use crate::extract::{Claim, Data};
use crate::text::STOPWORDS;

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
            .map(|t| t.norm().to_string())
            .filter(|n| n.chars().count() > 2 && !STOPWORDS.contains(n))
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
    let class_keys: Vec<Vec<String>> = reps.iter().map(|&r| keys(&claims[r])).collect();
    let mut index: HashMap<&str, Posting> = HashMap::new();
    for (k, ks) in class_keys.iter().enumerate() {
        for key in ks {
            let p = index.entry(key.as_str()).or_default();
            p.claims += members[k].len();
            p.all.push(k);
            if !unmarked[k] {
                p.answerable.push(k);
            }
        }
    }
    let sources = claims.iter().map(|c| c.source).collect::<BTreeSet<_>>().len().max(1);
    let cap = 64.max(sources * 8);
    // Scores as integers keep the order total and deterministic.
    let scored = |i: usize, j: usize| ctx.score(i, j).map(|s| (s * 1e6) as u64);
    let mut blocks: Vec<join::Block> = Vec::new();
    for p in index.values_mut() {
        p.all.seal(&one_source);
        p.answerable.seal(&one_source);
    }
    let mut seen = vec![usize::MAX; members.len()];
    for a in 0..members.len() {
        for key in &class_keys[a] {
            let p = &index[key.as_str()];
            if p.claims > cap && !uncapped(key) {
                continue;
            }
            let list = if unmarked[a] { &p.answerable } else { &p.all };
            for b in list.after(a, &one_source) {
                if seen[b] == a {
                    continue;
                }
                seen[b] = a;
                if let Some(score) = scored(reps[a], reps[b]) {
                    blocks.push(join::Block { score, rows: a, cols: b });
                }
                if b != a {
                    if let Some(score) = scored(reps[b], reps[a]) {
                        blocks.push(join::Block { score, rows: b, cols: a });
                    }
                }
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

/// The classes that hold one index key, and how many claims they hold.
#[derive(Default)]
struct Posting {
    claims: usize,
    all: Classes,
    /// The classes a claim of any kind can pair with (no unmarked clause).
    answerable: Classes,
}

/// Class numbers in ascending order, with, for each, where the run of
/// classes from the same one source as it ends: a class meets the classes
/// after it but those of its own one source, which a document that
/// repeats a claim thousands of times has thousands of.
#[derive(Default)]
struct Classes {
    ids: Vec<usize>,
    run_end: Vec<usize>,
}

impl Classes {
    fn push(&mut self, class: usize) {
        self.ids.push(class);
    }

    fn seal(&mut self, one_source: &[Option<usize>]) {
        let n = self.ids.len();
        self.run_end = vec![n; n];
        for t in (0..n).rev() {
            let s = one_source[self.ids[t]];
            self.run_end[t] = match s {
                Some(_) if t + 1 < n && one_source[self.ids[t + 1]] == s => self.run_end[t + 1],
                _ => t + 1,
            };
        }
    }

    /// The classes from `a` on (itself included) that can hold a claim of
    /// another source than some claim of `a`.
    fn after<'a>(&'a self, a: usize, one_source: &'a [Option<usize>]) -> impl Iterator<Item = usize> + 'a {
        let mut t = self.ids.partition_point(|&b| b < a);
        std::iter::from_fn(move || loop {
            let b = *self.ids.get(t)?;
            if one_source[a].is_some() && one_source[b] == one_source[a] {
                t = self.run_end[t];
                continue;
            }
            t += 1;
            return Some(b);
        })
    }
}
