//! Extract: the claims of one segmented document. One extractor per file;
//! this module owns the [`Claim`] model they all produce.

pub mod figure;
pub mod person;
pub mod quote;
pub mod speaker;

use serde::Serialize;

use crate::load::Document;
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{self, Token};

pub use speaker::{Speaker, Via};

/// The class of a figure's hedge or bound. Hedges of one class are the same
/// qualifier (about / around / some / roughly are all `Approximate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Approximate,
    /// at least, more than, over
    Lower,
    /// up to, at most, fewer than, nearly
    Upper,
}

impl Qualifier {
    pub fn describe(self) -> &'static str {
        match self {
            Qualifier::Approximate => "approximate",
            Qualifier::Lower => "lower bound",
            Qualifier::Upper => "upper bound",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quote,
    Figure,
}

/// A direct quote's words and speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteData {
    pub speaker: Option<Speaker>,
    pub tokens: Vec<Token>,
}

/// A figure's value and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureData {
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub unit_key: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub qualifier_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Quote(QuoteData),
    Figure(FigureData),
}

/// One claim of one source, pointing back into its original bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the source in the run's document list.
    pub source: usize,
    pub span: Span,
    /// The claim's characters, whitespace folded, hyphenation rejoined.
    pub text: String,
    pub sentence_span: Span,
    pub sentence: String,
    pub paragraph: usize,
    /// Folded content words of the sentence, for alignment.
    pub context: Vec<String>,
    pub data: Data,
}

impl Claim {
    pub fn kind(&self) -> ClaimKind {
        match self.data {
            Data::Quote(_) => ClaimKind::Quote,
            Data::Figure(_) => ClaimKind::Figure,
        }
    }
    pub fn quote(&self) -> Option<&QuoteData> {
        match &self.data {
            Data::Quote(q) => Some(q),
            Data::Figure(_) => None,
        }
    }
    pub fn figure(&self) -> Option<&FigureData> {
        match &self.data {
            Data::Figure(f) => Some(f),
            Data::Quote(_) => None,
        }
    }
}

/// Fewest words a quoted phrase needs to count as a quote (shorter ones are
/// scare quotes, titles and nicknames).
const MIN_QUOTE_WORDS: usize = 3;

/// Every claim of one document, in document order.
pub fn extract(source: usize, doc: &Document, seg: &Segmented) -> Vec<Claim> {
    let mut claims = quotes(source, doc, seg);
    claims.extend(figures(source, doc, seg));
    claims.sort_by_key(|c| (c.span.start, c.kind()));
    claims
}

fn claim(source: usize, doc: &Document, seg: &Segmented, span: Span, text: String, data: Data) -> Claim {
    let sentence_span = seg.sentence_cover(span);
    let sentence = seg.clean(&doc.text, sentence_span);
    let paragraph = seg.sentence_at(span.start).map_or(0, |i| seg.sentences[i].paragraph);
    let context = text::content_words(&sentence);
    Claim { source, span, text, sentence_span, sentence, paragraph, context, data }
}

fn quotes(source: usize, doc: &Document, seg: &Segmented) -> Vec<Claim> {
    let raw = quote::find_quotes(&doc.text, &seg.paragraphs);
    let speakers = speaker::attribute(seg, &raw);
    raw.iter()
        .zip(speakers)
        .filter_map(|(q, speaker)| {
            let text = q.pieces.iter().map(|p| seg.clean(&doc.text, *p)).collect::<Vec<_>>().join(" ");
            let tokens = text::tokens(&text);
            if tokens.len() < MIN_QUOTE_WORDS {
                return None;
            }
            let data = Data::Quote(QuoteData { speaker, tokens });
            Some(claim(source, doc, seg, q.span(), text, data))
        })
        .collect()
}

fn figures(source: usize, doc: &Document, seg: &Segmented) -> Vec<Claim> {
    seg.sentences
        .iter()
        .flat_map(|s| figure::figures_in(&seg.flat, s.span))
        .map(|f| {
            let text = seg.clean(&doc.text, f.span);
            let data = Data::Figure(FigureData {
                value: f.value,
                high: f.high,
                unit: f.unit,
                unit_key: f.unit_key,
                qualifier: f.qualifier,
                qualifier_text: f.qualifier_text,
            });
            claim(source, doc, seg, f.span, text, data)
        })
        .collect()
}
