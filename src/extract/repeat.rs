//! Repeats within one source: a source that states the same figure (or
//! quote) twice states one claim. Claims are keyed, not compared pairwise,
//! so a long document with thousands of figures merges in linear time.

use super::{Claim, Data, Qualifier};
use crate::text::{Atom, FastMap, FastSet};

/// What makes two claims of one source the same claim for
/// [`merge_repeats`]: a figure's unit, value, range and qualifier, or a
/// quote's words. Values compare as numbers (`-0 == 0`; a NaN never merges).
#[derive(PartialEq, Eq, Hash)]
enum RepeatKey<'a> {
    Figure(FigureKey<'a>),
    Quote(Vec<&'a str>),
}

fn number_key(x: f64) -> Option<u64> {
    if x.is_nan() {
        None
    } else if x == 0.0 {
        Some(0)
    } else {
        Some(x.to_bits())
    }
}

/// A figure's unit, value, range and qualifier, as [`merge_repeats`] keys it.
pub(super) type FigureKey<'a> = (&'a str, u64, Option<u64>, Option<Qualifier>);

/// The key of a figure for [`merge_repeats`]; none without a unit or with
/// a NaN, which never merge.
pub(super) fn figure_key(
    unit_key: Option<&str>,
    value: f64,
    high: Option<f64>,
    qualifier: Option<Qualifier>,
) -> Option<FigureKey<'_>> {
    let high = match high {
        Some(h) => Some(number_key(h)?),
        None => None,
    };
    Some((unit_key?, number_key(value)?, high, qualifier))
}

/// Adds `more` to the context words of a claim that absorbs a repeat,
/// each word once (alignment reads the context as a set): `seen` holds the
/// words already there, filled on the first repeat. A figure stated ten
/// thousand times keeps one copy of each word around it.
pub(super) fn absorb(
    context: &mut Vec<Atom>,
    seen: &mut FastSet<Atom>,
    more: impl IntoIterator<Item = Atom>,
) {
    if seen.is_empty() {
        context.sort_unstable();
        context.dedup();
        seen.extend(context.iter().cloned());
    }
    for w in more {
        if seen.insert(w.clone()) {
            context.push(w);
        }
    }
}

fn repeat_key(c: &Claim) -> Option<RepeatKey<'_>> {
    match &c.data {
        Data::Figure(f) => {
            figure_key(f.unit_key.as_deref(), f.value, f.high, f.qualifier).map(RepeatKey::Figure)
        }
        Data::Quote(q) => Some(RepeatKey::Quote(q.tokens.iter().map(|t| t.norm()).collect())),
        _ => None,
    }
}

/// A source that states the same figure (or quote) twice states one claim:
/// keep the first mention, with the context of both for alignment. Page
/// furniture and story merge only within their own zone.
pub(super) fn merge_repeats(claims: Vec<Claim>) -> Vec<Claim> {
    // A headline's figure and the story's are kept apart: the headline's is
    // never compared, the story's must be.
    let keys: Vec<Option<(bool, RepeatKey)>> =
        claims.iter().map(|c| repeat_key(c).map(|k| (c.furniture, k))).collect();
    // The first claim of each key (its index in `claims`) and its place in `out`.
    let mut first: FastMap<&(bool, RepeatKey), usize> = FastMap::default();
    let mut target: Vec<Option<usize>> = vec![None; claims.len()];
    let mut kept = 0;
    for (i, k) in keys.iter().enumerate() {
        match k.as_ref().and_then(|k| first.get(k).copied()) {
            Some(f) => target[i] = target[f],
            None => {
                if let Some(k) = k {
                    first.insert(k, i);
                }
                target[i] = Some(kept);
                kept += 1;
            }
        }
    }
    drop(first);
    let mut out: Vec<Claim> = Vec::with_capacity(kept);
    // The context words of each claim that absorbs a repeat, and the set of them.
    let mut grown: FastMap<usize, (Vec<Atom>, FastSet<Atom>)> = FastMap::default();
    for (c, t) in claims.into_iter().zip(target) {
        let t = t.expect("every claim has a place");
        if t < out.len() {
            let (words, seen) =
                grown.entry(t).or_insert_with(|| (out[t].context.to_vec(), FastSet::default()));
            absorb(words, seen, c.context.iter().cloned());
        } else {
            out.push(c);
        }
    }
    for (t, (words, _)) in grown {
        out[t].context = words.into();
    }
    out
}
