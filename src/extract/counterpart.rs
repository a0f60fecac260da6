//! Unmarked polarity clauses, held back. Every factual clause is a possible
//! counterpart of a marked one ("Velmora signed a contract" answers "there was
//! no contract"), but a clause can only ever pair with a marked clause whose
//! scope shares one of its stems (that is the only index key they meet
//! under), and which stems marked clauses use is known only once every
//! source is read. Until then each clause is kept small: its spans and a
//! 32-bit hash of each stem. [`Split::finish`] turns the ones with a wanted
//! hash into claims (their stems found again from the text); the others
//! could never join a group, so leaving them out changes no group and no
//! finding, and saves most of the memory a large run would hold. Two stems
//! may share a hash: that only keeps a clause that cannot pair, which is as
//! harmless as leaving it out.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use std::sync::{Arc, OnceLock};

use super::polarity;
use super::{carried_text, Carried, Claim, Data, Polarity, PolarityData};
use crate::load::Document;
use crate::span::Span;
use crate::text::{self, Atom};

/// An unmarked clause before it is known to be needed.
struct Counterpart {
    span: Span,
    sentence: Carried,
    paragraph: u32,
    polarity: Polarity,
    /// Its stems' hashes: `Split::stems[stems.0..stems.1]`.
    stems: (u32, u32),
}

/// The hash a held clause keeps of a stem.
pub fn stem_hash(stem: &str) -> u32 {
    let mut h = text::Fx::fixed();
    h.write(stem.as_bytes());
    (h.finish() >> 32) as u32
}

/// The stem hashes some marked clause uses: what [`Split::finish`] keeps.
pub type Wanted = HashSet<u32, BuildHasherDefault<text::Fx>>;

/// The claims of one document, its unmarked polarity clauses held back.
/// A large run holds every clause of every source here at once, so the
/// held clauses share one flat buffer of stem hashes rather than owning lists.
pub struct Split {
    source: usize,
    /// Every other claim, in document order (sorted by start and kind).
    claims: Vec<Claim>,
    counterparts: Vec<Counterpart>,
    /// The held clauses' stem hashes, one clause after another.
    stems: Vec<u32>,
}

impl Split {
    pub(super) fn new(source: usize, claims: Vec<Claim>) -> Self {
        Split { source, claims, counterparts: Vec::new(), stems: Vec::new() }
    }

    /// Give back what the buffers reserved beyond their contents (they are
    /// held until every source is read).
    pub(super) fn shrink(&mut self) {
        self.claims.shrink_to_fit();
        self.counterparts.shrink_to_fit();
        self.stems.shrink_to_fit();
    }

    /// Hold back an unmarked clause (in document order), with its stems.
    pub(super) fn hold(
        &mut self,
        (span, sentence, paragraph): (Span, Carried, usize),
        polarity: Polarity,
        stems: Vec<Atom>,
    ) {
        let first = self.stems.len() as u32;
        self.stems.extend(stems.iter().map(|s| stem_hash(s)));
        let stems = (first, self.stems.len() as u32);
        let paragraph = u32::try_from(paragraph).unwrap_or(u32::MAX);
        self.counterparts.push(Counterpart { span, sentence, paragraph, polarity, stems });
    }

    /// The hashes of the stems of the document's marked clauses' scopes: a
    /// held clause with one of these (in any source) can pair.
    pub fn marked_scope(&self) -> impl Iterator<Item = u32> + '_ {
        self.claims
            .iter()
            .filter_map(Claim::polarity)
            .filter(|p| p.marked)
            .flat_map(|p| &p.scope)
            .map(|s| stem_hash(s))
    }

    /// The document's claims in document order, with the held clauses that
    /// have a `wanted` stem hash (all of them for `None`) made claims again,
    /// exactly as extraction would have made them.
    pub fn finish(self, doc: &Document, wanted: Option<&Wanted>) -> Vec<Claim> {
        let Split { source, claims, counterparts, stems: all_stems } = self;
        let words = OnceLock::new();
        let clean = |span: Span| {
            let known = |w: &str| words.get_or_init(|| text::word_set(&doc.text)).contains(w);
            text::clean_with(&doc.text[span.start..span.end], known)
        };
        let mut sentences: text::FastMap<Carried, Arc<str>> = text::FastMap::default();
        let mut kept: Vec<Claim> = Vec::new();
        for c in counterparts {
            let hashes = &all_stems[c.stems.0 as usize..c.stems.1 as usize];
            if wanted.is_some_and(|w| !hashes.iter().any(|h| w.contains(h))) {
                continue;
            }
            let sentence =
                sentences.entry(c.sentence).or_insert_with(|| carried_text(c.sentence, clean).into()).clone();
            let stems = polarity::clause_stems(&doc.text, c.span);
            let data = Data::Polarity(PolarityData {
                polarity: c.polarity,
                marked: false,
                scope: stems.clone(),
                stems,
                head: None,
                narrow: false,
                complement: Vec::new(),
                asserted_by: None,
            });
            kept.push(Claim {
                source,
                span: c.span,
                text: clean(c.span),
                sentence_span: c.sentence.0,
                sentence,
                paragraph: c.paragraph as usize,
                furniture: false, // held clauses are story (see `polarities`)
                // Only figures carry context words (see `Claim::context`).
                context: Default::default(),
                data,
            });
        }
        merge_sorted(claims, kept)
    }
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
