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
use std::sync::OnceLock;

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
    /// Indices into [`Split::pool`].
    stems: Vec<u32>,
}

/// The claims of one document, its unmarked polarity clauses held back.
pub struct Split {
    source: usize,
    /// Every other claim, in document order (sorted by start and kind).
    claims: Vec<Claim>,
    counterparts: Vec<Counterpart>,
    pool: Vec<String>,
}

impl Split {
    pub(super) fn new(source: usize, claims: Vec<Claim>) -> Self {
        Split { source, claims, counterparts: Vec::new(), pool: Vec::new() }
    }

    /// Hold back an unmarked clause (in document order), with its stems.
    pub(super) fn hold(
        &mut self,
        ids: &mut HashMap<String, u32>,
        (span, sentence, paragraph): (Span, Carried, usize),
        polarity: Polarity,
        stems: Vec<String>,
    ) {
        let stems = stems
            .into_iter()
            .map(|s| {
                *ids.entry(s).or_insert_with_key(|s| {
                    self.pool.push(s.clone());
                    (self.pool.len() - 1) as u32
                })
            })
            .collect();
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
        let Split { source, claims, counterparts, pool } = self;
        let words = OnceLock::new();
        let clean = |span: Span| {
            let known = |w: &str| words.get_or_init(|| text::word_set(&doc.text)).contains(w);
            text::clean_with(&doc.text[span.start..span.end], known)
        };
        let mut sentences: HashMap<Carried, String> = HashMap::new();
        let mut kept: Vec<Claim> = Vec::new();
        for c in counterparts {
            if !c.stems.iter().any(|&s| wanted(&pool[s as usize])) {
                continue;
            }
            let sentence =
                sentences.entry(c.sentence).or_insert_with(|| carried_text(c.sentence, clean)).clone();
            let stems: Vec<String> = c.stems.iter().map(|&s| pool[s as usize].clone()).collect();
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
