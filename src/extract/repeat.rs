//! Repeats within one source: a source that states the same figure (or
//! quote) twice states one claim. Claims are keyed, not compared pairwise,
//! so a long document with thousands of figures merges in linear time.

use super::{Claim, Data, Qualifier};
use crate::text::FastMap;

/// What makes two claims of one source the same claim for
/// [`merge_repeats`]: a figure's unit, value, range and qualifier, or a
/// quote's words. Values compare as numbers (`-0 == 0`; a NaN never merges).
#[derive(PartialEq, Eq, Hash)]
enum RepeatKey<'a> {
    Figure(&'a str, u64, Option<u64>, Option<Qualifier>),
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

fn repeat_key(c: &Claim) -> Option<RepeatKey<'_>> {
    match &c.data {
        Data::Figure(f) => {
            let high = match f.high {
                Some(h) => Some(number_key(h)?),
                None => None,
            };
            Some(RepeatKey::Figure(f.unit_key.as_deref()?, number_key(f.value)?, high, f.qualifier))
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
    for (c, t) in claims.into_iter().zip(target) {
        let t = t.expect("every claim has a place");
        if t < out.len() {
            out[t].context.extend(c.context);
        } else {
            out.push(c);
        }
    }
    out
}
