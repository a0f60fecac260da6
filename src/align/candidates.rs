//! Candidate pairs of classes: which classes are scored against each other.
//!
//! Each class gets blocking keys that lose no pair the scores could accept
//! (two quotes that are one remark share a run of at least three words, so
//! they share a word trigram; a marked clause's scope word is among its
//! counterpart's stems; a figure's unit, a date's shape, a name's word
//! openings). A class takes the classes under its rarest keys first, and
//! stops once it has [`BUDGET`] candidates; a key held by more classes than
//! that, met first, yields the [`BUDGET`] classes nearest it in order. So a
//! class has at most about twice [`BUDGET`] candidates however much
//! vocabulary the claims share, and when no class has more than [`BUDGET`]
//! classes sharing a key with it (every case, every small set), the pairs
//! are exactly those of comparing every class with every other
//! (`align_exhaustive`, held equal by tests).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::extract::{Claim, Data};
use crate::text::Fx;

/// Most candidate classes a class gathers from whole keys.
pub const BUDGET: usize = 24;

/// A blocking key: the claim kind and a hash of what it names (a hash
/// collision only adds a candidate, never loses one).
type Key = u64;

fn hash(kind: u8, parts: &[&str]) -> Key {
    let mut h = Fx::default();
    kind.hash(&mut h);
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

/// The blocking keys of a claim, sorted without repeats.
fn keys(c: &Claim) -> Vec<Key> {
    let mut out: Vec<Key> = match &c.data {
        Data::Quote(q) => {
            let norms: Vec<&str> = q.tokens.iter().map(|t| t.norm()).collect();
            norms.windows(3).map(|w| hash(0, w)).collect()
        }
        // "people:dead" and plain "people" meet under "people"; the score
        // keeps "people:dead" and "people:injured" apart.
        Data::Figure(f) => {
            let key = f.unit_key.as_deref().unwrap_or("");
            vec![hash(1, &[key.split(':').next().unwrap_or(key)])]
        }
        // A marked clause's scope words must be among the other clause's
        // stems: scope and stems both key a clause.
        Data::Polarity(p) => p.scope.iter().chain(&p.stems).map(|s| hash(2, &[s])).collect(),
        Data::Date(d) => vec![hash(3, &[&d.value.shape()])],
        Data::Name(n) => n
            .spelling
            .split(' ')
            .map(|w| {
                let end = w.char_indices().nth(2).map_or(w.len(), |(i, _)| i);
                hash(4, &[&w[..end]])
            })
            .collect(),
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// What decides whether two classes may pair at all, besides keys.
pub struct Classes<'a> {
    /// A representative claim of each class.
    pub reps: &'a [usize],
    /// The one source of a class whose claims all come from one source.
    pub one_source: &'a [Option<usize>],
    /// Whether a class is an unmarked polarity clause (two never pair).
    pub unmarked: &'a [bool],
}

impl Classes<'_> {
    /// Whether classes `a` and `b` can have an edge at all.
    fn may_pair(&self, a: usize, b: usize) -> bool {
        let same_one_source = self.one_source[a].is_some() && self.one_source[a] == self.one_source[b];
        let both_unmarked = self.unmarked[a] && self.unmarked[b];
        !same_one_source && !both_unmarked
    }
}

/// The pairs `(a, b)`, `a <= b`, of classes to score, sorted.
pub fn pairs(claims: &[Claim], cls: &Classes) -> Vec<(usize, usize)> {
    let n = cls.reps.len();
    let class_keys: Vec<Vec<Key>> = cls.reps.iter().map(|&r| keys(&claims[r])).collect();
    let mut postings: HashMap<Key, Vec<usize>, BuildHasherDefault<Fx>> = HashMap::default();
    for (k, ks) in class_keys.iter().enumerate() {
        for key in ks {
            postings.entry(*key).or_default().push(k);
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut seen = vec![usize::MAX; n];
    let mut order: Vec<&Vec<usize>> = Vec::new();
    for a in 0..n {
        order.clear();
        order.extend(class_keys[a].iter().map(|k| &postings[k]));
        // Rarest first; equal sizes by their first class (deterministic).
        order.sort_by_key(|p| (p.len(), p[0]));
        seen[a] = a;
        let mut taken = 1;
        if cls.may_pair(a, a) {
            out.push((a, a));
        }
        for p in &order {
            let list: &[usize] = if p.len() <= BUDGET {
                p
            } else if taken == 0 {
                let at = p.partition_point(|&b| b < a);
                let from = at.saturating_sub(BUDGET / 2).min(p.len() - BUDGET);
                &p[from..from + BUDGET]
            } else {
                break;
            };
            for &b in list {
                if seen[b] != a {
                    seen[b] = a;
                    taken += 1;
                    if cls.may_pair(a, b) {
                        out.push((a.min(b), a.max(b)));
                    }
                }
            }
            if taken >= BUDGET {
                break;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every pair of classes of one kind that may pair: what [`pairs`] equals
/// when no class has more than [`BUDGET`] candidates (for tests).
pub fn all_pairs(claims: &[Claim], cls: &Classes) -> Vec<(usize, usize)> {
    let n = cls.reps.len();
    let mut out = Vec::new();
    for a in 0..n {
        for b in a..n {
            if claims[cls.reps[a]].kind() == claims[cls.reps[b]].kind() && cls.may_pair(a, b) {
                out.push((a, b));
            }
        }
    }
    out
}
