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
    merge_repeats(claims)
}

/// A source that states the same figure (or quote) twice states one claim:
/// keep the first mention, with the context of both for alignment.
fn merge_repeats(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    for c in claims {
        let same = out.iter_mut().find(|o| match (&o.data, &c.data) {
            (Data::Figure(a), Data::Figure(b)) => {
                a.unit_key.is_some()
                    && a.unit_key == b.unit_key
                    && a.value == b.value
                    && a.high == b.high
                    && a.qualifier == b.qualifier
            }
            (Data::Quote(a), Data::Quote(b)) => {
                a.tokens.iter().map(|t| &t.norm).eq(b.tokens.iter().map(|t| &t.norm))
            }
            _ => false,
        });
        match same {
            Some(o) => o.context.extend(c.context),
            None => out.push(c),
        }
    }
    out
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
    // (span, text, speaker, close) of quotes, an interrupted one merged.
    let mut merged: Vec<(Span, String, Option<Speaker>, usize)> = Vec::new();
    for (q, speaker) in raw.iter().zip(speakers) {
        let text = q.pieces.iter().map(|p| seg.clean(&doc.text, *p)).collect::<Vec<_>>().join(" ");
        if let Some(last) = merged.last_mut() {
            if interrupts(&doc.text, last.3, q.open)
                && (speaker.is_none()
                    || speaker.as_ref().map(Speaker::key) == last.2.as_ref().map(Speaker::key))
            {
                // "We are cautious," Dahl said, "because ...": one remark.
                last.0 = last.0.cover(&q.span());
                last.1 = format!("{} … {}", last.1, text);
                last.3 = q.close;
                if last.2.is_none() {
                    last.2 = speaker;
                }
                continue;
            }
        }
        merged.push((q.span(), text, speaker, q.close));
    }
    merged
        .into_iter()
        .filter_map(|(span, text, speaker, _)| {
            let tokens = text::tokens(&text);
            if tokens.len() < MIN_QUOTE_WORDS {
                return None;
            }
            let data = Data::Quote(QuoteData { speaker, tokens });
            Some(claim(source, doc, seg, span, text, data))
        })
        .collect()
}

/// Whether the text between two quotes is only an attribution that
/// interrupts one remark (`, Dahl said, `), within one paragraph.
fn interrupts(text: &str, close: usize, open: usize) -> bool {
    let Some(between) = text.get(close..open) else { return false };
    let words: Vec<&str> = between.split_whitespace().collect();
    let has_verb = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        crate::words::contains(crate::words::SPEECH_VERBS, &w)
    });
    let trimmed = between.trim();
    !between.contains("\n\n")
        && words.len() <= 16
        && has_verb
        && trimmed.ends_with(',')
        && !trimmed.contains(['.', ':', ';'])
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
