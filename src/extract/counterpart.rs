//! Unmarked polarity clauses, held back. Every factual clause is a possible
//! counterpart of a marked one ("Velmora signed a contract" answers "there was
//! no contract"), but a clause can only ever pair with a marked clause whose
//! scope shares one of its stems (that is the only index key they meet
//! under), and which stems marked clauses use is known only once every
//! source is read. Until then each clause is kept small: its spans and its
//! stems as numbers into the document's stem list. [`Split::finish`] turns
//! the ones that can pair into claims; the others could never join a group,
//! so leaving them out changes no group and no finding, and saves most of
//! the memory a large run would hold.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::{carried_text, Carried, Claim, Data, Polarity, PolarityData};
use crate::load::Document;
use crate::span::Span;
use crate::text;

/// An unmarked clause before it is known to be needed.
struct Counterpart {
    span: Span,
    sentence: Carried,
    paragraph: usize,
    polarity: Polarity,
    /// Its stems: `Split::stem_ids[stems.0..stems.1]`.
    stems: (u32, u32),
}

/// The claims of one document, its unmarked polarity clauses held back.
/// A large run holds every clause of every source here at once, so the
/// held clauses share three flat buffers rather than owning lists.
pub struct Split {
    source: usize,
    /// Every other claim, in document order (sorted by start and kind).
    claims: Vec<Claim>,
    counterparts: Vec<Counterpart>,
    /// The held clauses' stems, as indices into the pool.
    stem_ids: Vec<u32>,
    /// The document's distinct stems, one after another; stem `i` ends at `pool_ends[i]`.
    pool: String,
    pool_ends: Vec<u32>,
}

impl Split {
    pub(super) fn new(source: usize, claims: Vec<Claim>) -> Self {
        Split {
            source,
            claims,
            counterparts: Vec::new(),
            stem_ids: Vec::new(),
            pool: String::new(),
            pool_ends: Vec::new(),
        }
    }

    /// Give back what the buffers reserved beyond their contents (they are
    /// held until every source is read).
    pub(super) fn shrink(&mut self) {
        self.claims.shrink_to_fit();
        self.counterparts.shrink_to_fit();
        self.stem_ids.shrink_to_fit();
        self.pool.shrink_to_fit();
        self.pool_ends.shrink_to_fit();
    }

    /// Hold back an unmarked clause (in document order), with its stems.
    pub(super) fn hold(
        &mut self,
        ids: &mut HashMap<String, u32>,
        (span, sentence, paragraph): (Span, Carried, usize),
        polarity: Polarity,
        stems: Vec<String>,
    ) {
        let first = self.stem_ids.len() as u32;
        for s in stems {
            let id = *ids.entry(s).or_insert_with_key(|s| {
                self.pool.push_str(s);
                self.pool_ends.push(self.pool.len() as u32);
                (self.pool_ends.len() - 1) as u32
            });
            self.stem_ids.push(id);
        }
        let stems = (first, self.stem_ids.len() as u32);
        self.counterparts.push(Counterpart { span, sentence, paragraph, polarity, stems });
    }

    /// The stems of the document's marked clauses' scopes: a held clause
    /// with one of these (in any source) can pair.
    pub fn marked_scope(&self) -> impl Iterator<Item = &str> {
        self.claims
            .iter()
            .filter_map(Claim::polarity)
            .filter(|p| p.marked)
            .flat_map(|p| &p.scope)
            .map(String::as_str)
    }

    /// The document's claims in document order, with the held clauses that
    /// have a `wanted` stem made claims again (exactly as extraction would
    /// have made them).
    pub fn finish(self, doc: &Document, wanted: impl Fn(&str) -> bool) -> Vec<Claim> {
        let Split { source, claims, counterparts, stem_ids, pool, pool_ends } = self;
        let stem = |id: u32| stem_of(&pool, &pool_ends, id);
        let words = OnceLock::new();
        let clean = |span: Span| {
            let known = |w: &str| words.get_or_init(|| text::word_set(&doc.text)).contains(w);
            text::clean_with(&doc.text[span.start..span.end], known)
        };
        let mut sentences: HashMap<Carried, Arc<str>> = HashMap::new();
        let mut kept: Vec<Claim> = Vec::new();
        for c in counterparts {
            let ids = &stem_ids[c.stems.0 as usize..c.stems.1 as usize];
            if !ids.iter().any(|&s| wanted(stem(s))) {
                continue;
            }
            let sentence =
                sentences.entry(c.sentence).or_insert_with(|| carried_text(c.sentence, clean).into()).clone();
            let stems: Vec<String> = ids.iter().map(|&s| stem(s).to_string()).collect();
            let data = Data::Polarity(PolarityData {
                polarity: c.polarity,
                marked: false,
                scope: stems.clone(),
                stems,
                head: None,
                narrow: false,
            });
            kept.push(Claim {
                source,
                span: c.span,
                text: clean(c.span),
                sentence_span: c.sentence.0,
                sentence,
                paragraph: c.paragraph,
                // Only figures carry context words (see `Claim::context`).
                context: Vec::new(),
                data,
            });
        }
        merge_sorted(claims, kept)
    }
}

/// Stem `id` of a pool (see [`Split::pool`]).
fn stem_of<'p>(pool: &'p str, ends: &[u32], id: u32) -> &'p str {
    let end = ends[id as usize] as usize;
    let start = if id == 0 { 0 } else { ends[id as usize - 1] as usize };
    &pool[start..end]
}

/// Two lists sorted by start and kind, as one (the first list's claim first
/// on a tie, which extraction never makes).
fn merge_sorted(a: Vec<Claim>, b: Vec<Claim>) -> Vec<Claim> {
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for c in a {
        while let Some(x) = b.next_if(|x| (x.span.start, x.kind()) < (c.span.start, c.kind())) {
            out.push(x);
        }
        out.push(c);
    }
    out.extend(b);
    out
}
