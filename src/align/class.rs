//! Classes of interchangeable claims: claims of one kind whose scored data
//! are equal, so that each scores exactly as the others against any claim
//! (the same quote in 800 reports is one class). Alignment indexes and
//! scores classes, not claims, and joins their members block by block.

use std::collections::HashMap;

use crate::extract::{Claim, Data};

/// Everything [`super::score`] reads of a claim, and nothing else. Word
/// lists the scores treat as sets are kept sorted without repeats.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Quote {
        norms: Vec<&'a str>,
        speaker: Option<String>,
    },
    Figure {
        unit_key: Option<&'a str>,
        unit: Option<&'a str>,
        context: Vec<&'a str>,
        value: u64,
        high: Option<u64>,
        unique: bool,
    },
    Polarity {
        marked: bool,
        scope: Vec<&'a str>,
        stems: Vec<&'a str>,
        head: Option<&'a str>,
    },
    Date {
        ymdw: (Option<i16>, Option<i8>, Option<i8>, Option<i8>),
        relation: Option<&'static str>,
        said: bool,
        event: Vec<&'a str>,
        unique: bool,
    },
    Name(&'a str),
}

fn set<S: AsRef<str>>(words: &[S]) -> Vec<&str> {
    let mut s: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// `unique` says whether a claim is its source's only one of its unit or
/// date shape (the scores read it for figures and dates).
fn key(c: &Claim, unique: bool) -> Key<'_> {
    match &c.data {
        Data::Quote(q) => Key::Quote {
            norms: q.tokens.iter().map(|t| t.norm()).collect(),
            speaker: q.speaker.as_ref().filter(|s| s.identified()).map(|s| s.key()),
        },
        Data::Figure(f) => Key::Figure {
            unit_key: f.unit_key.as_deref(),
            unit: f.unit.as_deref(),
            context: set(&c.context),
            value: f.value.to_bits(),
            high: f.high.map(f64::to_bits),
            unique,
        },
        Data::Polarity(p) => Key::Polarity {
            marked: p.marked,
            scope: set(&p.scope),
            stems: set(&p.stems),
            head: p.head.as_deref(),
        },
        Data::Date(d) => Key::Date {
            ymdw: (d.value.year, d.value.month, d.value.day, d.value.weekday),
            relation: d.value.relation,
            said: d.said,
            event: set(&d.event),
            unique,
        },
        Data::Name(n) => Key::Name(&n.spelling),
    }
}

/// The classes of `claims`, numbered in order of their first claim; each
/// lists its claims in ascending order.
pub fn classes(claims: &[Claim], unique: impl Fn(&Claim) -> bool) -> Vec<Vec<usize>> {
    let mut ids: HashMap<Key, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let k = key(c, unique(c));
        let id = *ids.entry(k).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[id].push(i);
    }
    members
}
