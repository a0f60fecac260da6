//! Extract: the claims of one segmented document. One extractor per file;
//! this module owns the [`Claim`] model they all produce.

pub mod counterpart;
pub mod date;
pub mod figure;
pub mod frame;
pub mod name;
pub mod people;
pub mod person;
pub mod polarity;
pub mod quote;
mod repeat;
pub mod speaker;
pub mod word;

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use serde::Serialize;

use crate::load::Document;
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{self, Atom, FastMap, Token};

pub use counterpart::Split;
pub use date::DateValue;
pub use polarity::Polarity;
pub use speaker::{Attribution, Speaker, Via};

pub use crate::value::Qualifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quote,
    Figure,
    Polarity,
    Date,
    Name,
}

/// A direct quote's words and speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteData {
    pub speaker: Option<Speaker>,
    /// The words the source used for the speaker ("he", "the minister"),
    /// resolved or not.
    pub mention: Option<Span>,
    /// The quoted words sit inside the reporter's own sentence (called
    /// the vote "rigged").
    pub partial: bool,
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
    /// Whose figure it is and what it is attached to (empty in listings).
    pub frame: frame::Frame,
}

/// A clause said to be (or not to be) so.
#[derive(Debug, Clone, PartialEq)]
pub struct PolarityData {
    pub polarity: Polarity,
    /// Marked by a negation, denial or affirmation cue; unmarked clauses
    /// only answer marked ones and are never listed on their own.
    pub marked: bool,
    /// Stems of what the clause is about: for a marked clause, the words in
    /// the scope of its cue (with the subject when the scope is short).
    pub scope: Vec<Atom>,
    /// Stems of the whole clause.
    pub stems: Vec<Atom>,
    /// The first content stem a marked clause's cue governs (its predicate).
    pub head: Option<Atom>,
    /// Whether the scope is the cue's own words (not the whole clause).
    pub narrow: bool,
    /// Stems after the head in a marked clause's scope: what the predicate
    /// is about ("paid *the ransom*"); empty when the cue governs a bare
    /// verb ("did not speak at all").
    pub complement: Vec<Atom>,
    /// Whose assertion the sentence reports ("Ann Roe insisted", "Bo Park
    /// says"), as a surname key: two people's opposing positions are not
    /// outlets disagreeing.
    pub asserted_by: Option<String>,
}

/// A date and the event it dates.
#[derive(Debug, Clone, PartialEq)]
pub struct DateData {
    pub value: DateValue,
    /// Stems of the clause around the date (the event).
    pub event: Vec<Atom>,
    /// Whether the date is that of a statement ("said on Wednesday").
    pub said: bool,
    /// Who acts and what happens on the date (empty in listings).
    pub frame: frame::Frame,
}

/// A name as one source spells it.
#[derive(Debug, Clone, PartialEq)]
pub struct NameData {
    /// The comparison form (see [`name::spelling`]).
    pub spelling: Atom,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Quote(QuoteData),
    Figure(FigureData),
    Polarity(PolarityData),
    Date(DateData),
    Name(NameData),
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
    /// The sentence as shown (shared by the claims of one sentence).
    pub sentence: Arc<str>,
    pub paragraph: usize,
    /// Whether the claim stands in page furniture (a headline, byline,
    /// subhead or caption: [`crate::zone`]): listed, never compared.
    pub furniture: bool,
    /// Folded content words of the sentence, for aligning figures (the
    /// thing counted is often named only around the number). Empty for the
    /// other kinds, whose alignment reads their own data: a large run holds
    /// tens of thousands of claims, and this list was most of their memory.
    pub context: Context,
    pub data: Data,
}

impl Claim {
    pub fn kind(&self) -> ClaimKind {
        match self.data {
            Data::Quote(_) => ClaimKind::Quote,
            Data::Figure(_) => ClaimKind::Figure,
            Data::Polarity(_) => ClaimKind::Polarity,
            Data::Date(_) => ClaimKind::Date,
            Data::Name(_) => ClaimKind::Name,
        }
    }
    pub fn quote(&self) -> Option<&QuoteData> {
        match &self.data {
            Data::Quote(q) => Some(q),
            _ => None,
        }
    }
    pub fn figure(&self) -> Option<&FigureData> {
        match &self.data {
            Data::Figure(f) => Some(f),
            _ => None,
        }
    }
    pub fn polarity(&self) -> Option<&PolarityData> {
        match &self.data {
            Data::Polarity(p) => Some(p),
            _ => None,
        }
    }
    pub fn date(&self) -> Option<&DateData> {
        match &self.data {
            Data::Date(d) => Some(d),
            _ => None,
        }
    }
    pub fn name(&self) -> Option<&NameData> {
        match &self.data {
            Data::Name(n) => Some(n),
            _ => None,
        }
    }
    /// Whether the claim is listed on its own (unmarked polarity clauses
    /// are only counterparts).
    pub fn listed(&self) -> bool {
        self.polarity().is_none_or(|p| p.marked)
    }
}

/// Fewest words a quoted phrase needs to count as a quote on its own; a
/// shorter one counts when its sentence attributes it (called it "a con"),
/// else it is a scare quote, a title or a nickname.
const MIN_QUOTE_WORDS: usize = 3;

/// Most words of a quoted title ("Face the Nation", 'All Bets Are Off').
const TITLE_WORDS: usize = 8;

/// Every claim of one document, in document order.
pub fn extract(source: usize, doc: &Document, seg: &Segmented) -> Vec<Claim> {
    extract_split(source, doc, seg).finish(doc, None)
}

/// Every claim of one document, its unmarked polarity clauses held back
/// until the stems marked clauses use across all sources are known (see
/// [`counterpart`]).
pub fn extract_split(source: usize, doc: &Document, seg: &Segmented) -> Split {
    extract_with(source, doc, seg, true)
}

/// The claims a listing shows, in document order, without what only
/// alignment reads: no unmarked polarity clause, no context words of a
/// figure, no event words of a date.
pub fn extract_listed(source: usize, doc: &Document, seg: &Segmented) -> Vec<Claim> {
    extract_with(source, doc, seg, false).finish(doc, None)
}

/// [`extract_split`]; what only alignment reads only when `align`.
fn extract_with(source: usize, doc: &Document, seg: &Segmented, align: bool) -> Split {
    let words = word::DocWords::new(seg);
    let cx = DocCtx {
        source,
        doc,
        seg,
        words,
        align,
        counted: figure_or_date(seg),
        sentences: RefCell::default(),
        long: RefCell::default(),
        cue: RefCell::default(),
    };
    // Speakers resolve against the document's names, and names are claims:
    // find them once.
    let all_names: Vec<person::Name> =
        seg.paragraphs.iter().flat_map(|p| person::names_in_words(&cx.words.paragraph(*p))).collect();
    let mut claims = quotes(&cx, &all_names);
    claims.extend(figures(&cx));
    let unmarked = polarities(&cx, &mut claims);
    claims.extend(dates(&cx));
    claims.extend(names(&cx, all_names));
    claims.sort_by_key(|c| (c.span.start, c.kind()));
    let mut split = Split::new(source, repeat::merge_repeats(claims));
    for (at, p) in unmarked {
        split.hold(at, p.data.polarity, p.data.stems);
    }
    split.shrink();
    split
}

/// One document being extracted. A sentence holds several claims; its
/// display text and context words are computed once, here.
struct DocCtx<'a> {
    source: usize,
    doc: &'a Document,
    seg: &'a Segmented,
    /// Its words, found once for every extractor that reads words.
    words: word::DocWords<'a>,
    /// Per sentence, whether it may hold a figure or a date.
    counted: Vec<bool>,
    /// Whether the claims are for alignment (else for a listing, which
    /// leaves out what only alignment reads).
    align: bool,
    /// Per sentence span: its display text, and its context words once a
    /// figure asks for them.
    sentences: RefCell<FastMap<Carried, Shown>>,
    /// The content words of the last sentence too long to carry whole,
    /// with their offsets, found once for all its claims (which come in
    /// document order).
    long: RefCell<Option<LongWords>>,
    /// The last sentence asked whether it holds a cue of attribution, and
    /// the answer (its short quotes come in order and ask in turn).
    cue: RefCell<Option<(Span, bool)>>,
}

impl DocCtx<'_> {
    /// [`speaker::has_cue`] of the sentence `cover`, found once for all its quotes.
    fn sentence_has_cue(&self, cover: Span) -> bool {
        let mut cue = self.cue.borrow_mut();
        match *cue {
            Some((at, answer)) if at == cover => answer,
            _ => {
                let answer = speaker::has_cue(&self.words.sentence(cover));
                *cue = Some((cover, answer));
                answer
            }
        }
    }

    /// The display text of the carried sentence `at`, made once.
    fn shown(&self, at: Carried) -> Arc<str> {
        let mut sentences = self.sentences.borrow_mut();
        let (shown, _) = sentences
            .entry(at)
            .or_insert_with(|| (carried_text(at, |s| self.seg.clean(&self.doc.text, s)).into(), None));
        shown.clone()
    }

    /// The sentence of a figure at `span` and the stretch of it the figure
    /// carries (the whole sentence unless it is long).
    fn figure_window(&self, span: Span) -> (Span, Span) {
        let cover = self.seg.sentence_cover(span);
        (cover, carried(&self.doc.text, cover, span).0)
    }

    /// The context words of a figure at `span`: its sentence's content
    /// words, or those of the stretch it carries of a long sentence.
    fn figure_context(&self, span: Span) -> Context {
        let cover = self.seg.sentence_cover(span);
        let at = carried(&self.doc.text, cover, span);
        self.shown(at);
        let mut sentences = self.sentences.borrow_mut();
        let (sentence, context) = sentences.get_mut(&at).expect("shown above");
        let words = || {
            if at.0 == cover {
                text::content_words(sentence).into()
            } else {
                self.window_context(cover, at.0).into()
            }
        };
        context.get_or_insert_with(words).clone()
    }

    /// The content words of `window`, a stretch of the sentence `cover`.
    fn context_within(&self, cover: Span, window: Span) -> Vec<Atom> {
        if window != cover {
            return self.window_context(cover, window);
        }
        let mut sentences = self.sentences.borrow_mut();
        let (sentence, context) = sentences
            .entry((cover, false, false))
            .or_insert_with(|| (self.seg.clean(&self.doc.text, cover).into(), None));
        context.get_or_insert_with(|| text::content_words(sentence).into()).to_vec()
    }

    /// The context words of a claim that carries `window` of the long
    /// sentence `cover`: the sentence's content words that start in it.
    fn window_context(&self, cover: Span, window: Span) -> Vec<Atom> {
        let mut long = self.long.borrow_mut();
        if long.as_ref().is_none_or(|(at, _)| *at != cover) {
            *long = Some((cover, text::content_word_indices(&self.doc.text[cover.start..cover.end])));
        }
        let words = &long.as_ref().expect("set above").1;
        let (from, to) = (window.start - cover.start, window.end - cover.start);
        let a = words.partition_point(|(i, _)| *i < from);
        let b = words.partition_point(|(i, _)| *i < to);
        words[a..b].iter().map(|(_, w)| w.clone()).collect()
    }
}

/// Longest sentence a claim carries whole. A longer one (a table dump, a
/// text without full stops) is carried as a stretch of at least
/// [`SENTENCE_WINDOW`] bytes either side of the claim, marked `…` where
/// cut: each of its thousands of figures would otherwise hold all of it.
/// The stretches lie on a grid of [`SENTENCE_WINDOW`] bytes, so claims
/// near one another share one (its text and context words held once).
const MAX_SENTENCE: usize = 2_000;
const SENTENCE_WINDOW: usize = 400;

/// The part of `sentence` a claim at `span` carries (see [`MAX_SENTENCE`]),
/// and whether it was cut before and after.
fn carried(text: &str, sentence: Span, span: Span) -> Carried {
    if sentence.len() <= MAX_SENTENCE {
        return (sentence, false, false);
    }
    // The claim's block of the grid and one block either side; a claim
    // that reaches past its next block (a long unit phrase) gets its own.
    let k = (span.start - sentence.start) / SENTENCE_WINDOW;
    let mut start = sentence.start + k.saturating_sub(1) * SENTENCE_WINDOW;
    let mut end = (sentence.start + (k + 2) * SENTENCE_WINDOW).min(sentence.end);
    if span.end + SENTENCE_WINDOW / 2 > end {
        end = (span.end + SENTENCE_WINDOW).min(sentence.end);
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Cut between words, not inside one.
    const SNAP: usize = 64;
    if start > sentence.start {
        let mut to = (start + SNAP).min(span.start);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        if let Some(i) = text[start..to].find(char::is_whitespace) {
            start += i + 1;
        }
    }
    if end < sentence.end {
        let mut from = end.saturating_sub(SNAP).max(span.end);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if let Some(i) = text[from..end].rfind(char::is_whitespace) {
            end = from + i;
        }
    }
    (Span::new(start, end), start > sentence.start, end < sentence.end)
}

/// A long sentence and its content words with their offsets.
type LongWords = (Span, Vec<(usize, Atom)>);

/// A claim's sentence span as carried, and whether it was cut before and after.
type Carried = (Span, bool, bool);

/// A carried sentence's display text, and its context words once a figure
/// asks for them.
type Shown = (Arc<str>, Option<Context>);

/// A figure's context words, shared by the claims of one sentence.
pub type Context = Arc<[Atom]>;

/// The context of a claim that has none (every kind but figures).
fn no_context() -> Context {
    static NONE: LazyLock<Context> = LazyLock::new(|| Arc::from(Vec::new()));
    NONE.clone()
}

/// The display text of a carried sentence: `clean` of its span, `…` where cut.
fn carried_text((span, before, after): Carried, clean: impl FnOnce(Span) -> String) -> String {
    let shown = clean(span);
    if !before && !after {
        return shown;
    }
    format!("{}{shown}{}", if before { "… " } else { "" }, if after { " …" } else { "" })
}

fn claim(cx: &DocCtx, span: Span, text: String, data: Data) -> Claim {
    let seg = cx.seg;
    let cover = seg.sentence_cover(span);
    let at = carried(&cx.doc.text, cover, span);
    let sentence_span = at.0;
    let sentence = cx.shown(at);
    let context = match data {
        Data::Figure(_) if cx.align => cx.figure_context(span),
        _ => no_context(),
    };
    let paragraph = seg.sentence_at(span.start).map_or(0, |i| seg.sentences[i].paragraph);
    let furniture = seg.furniture.get(paragraph).copied().unwrap_or(false);
    Claim { source: cx.source, span, text, sentence_span, sentence, paragraph, furniture, context, data }
}

fn quotes(cx: &DocCtx, names: &[person::Name]) -> Vec<Claim> {
    let (doc, seg) = (cx.doc, cx.seg);
    let raw = quote::find_quotes(&doc.text, &seg.paragraphs);
    let attributions = speaker::attribute_in(seg, &raw, names, &cx.words);
    let headline = headline_end(cx);
    // (span, text, attribution, close, open) of quotes, an interrupted one merged.
    let mut merged: Vec<(Span, String, Attribution, usize, usize)> = Vec::new();
    for (q, att) in raw.iter().zip(attributions) {
        if q.open < headline {
            continue; // headlines compress and invert: not the story's claims
        }
        let text = q.pieces.iter().map(|p| seg.clean(&doc.text, *p)).collect::<Vec<_>>().join(" ");
        if let Some(last) = merged.last_mut() {
            let key = |a: &Attribution| a.speaker.as_ref().map(Speaker::key);
            // (merged for comparison only: a listing shows each quoted span
            // as the text has it, the reporter's words between left out)
            if cx.align
                && interrupts(&doc.text, last.3, q.open)
                && text.starts_with(|c: char| c.is_lowercase())
                && (att.speaker.is_none() || key(&att) == key(&last.2))
            {
                // "We are cautious," Dahl said, "because ...": one remark.
                last.0 = last.0.cover(&q.span());
                last.1 = format!("{} … {}", last.1, text);
                last.3 = q.close;
                if last.2.speaker.is_none() {
                    last.2 = att;
                }
                continue;
            }
        }
        merged.push((q.span(), text, att, q.close, q.open));
    }
    merged
        .into_iter()
        .filter_map(|(span, text, att, _, open)| {
            let tokens = text::tokens(&text);
            let short = tokens.len() < MIN_QUOTE_WORDS;
            if tokens.is_empty() || ((short || is_title(&text)) && !attributed(cx, &text, span, open, &att)) {
                return None;
            }
            if subhead(cx, span, open, &att) {
                return None;
            }
            let partial = is_partial(&doc.text, seg, open, &text);
            let data = Data::Quote(QuoteData { speaker: att.speaker, mention: att.mention, partial, tokens });
            Some(claim(cx, span, text, data))
        })
        .collect()
}

/// Where the document's headline ends (0 when it has none): a first
/// paragraph of one short line before the body.
fn headline_end(cx: &DocCtx) -> usize {
    let seg = cx.seg;
    let Some(first) = seg.paragraphs.first() else { return 0 };
    let one_line = !cx.doc.text.get(first.start..first.end).is_some_and(|t| t.contains('\n'));
    let headline = seg.paragraphs.len() > 2 && one_line && people::is_headline(&cx.words.paragraph(*first));
    if headline {
        first.end
    } else {
        0
    }
}

/// Words before a quote that name what it is ("called him a", "known as").
const NAMING: &[&str] =
    &["called", "calling", "calls", "call", "dubbed", "nicknamed", "branded", "labeled", "labelled", "as"];

/// Whether a short or title-like quote is attributed: its sentence ties it
/// to a source, and a title-like one is named by a naming verb ("called
/// her \"Miss Piggy\"") or is a one-word reply.
fn attributed(cx: &DocCtx, text: &str, span: Span, open: usize, att: &Attribution) -> bool {
    if !is_title(text) {
        // A short quote: attributed by its own sentence, which may name the
        // source before an earlier quote ("called them \"losers\" and \"sad\"").
        return att.cued || cx.sentence_has_cue(cx.seg.sentence_cover(span));
    }
    if !att.cued {
        return false;
    }
    if text::tokens(text).len() == 1 && att.speaker.is_some() {
        return true;
    }
    let from = open.saturating_sub(40);
    let before = cx.doc.text.get(from..open).unwrap_or("");
    before.split_whitespace().rev().take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        crate::words::contains(NAMING, &w)
    })
}

/// Most words of a section heading written as a quote ('All Bets Are Off.').
const SUBHEAD_WORDS: usize = 8;

/// Whether a quote is a section heading: a short single-quoted phrase that
/// is its whole paragraph, with no cue.
fn subhead(cx: &DocCtx, span: Span, open: usize, att: &Attribution) -> bool {
    let seg = cx.seg;
    let Some(i) = seg.sentence_at(open) else { return false };
    let para = seg.paragraphs[seg.sentences[i].paragraph];
    let single = cx.doc.text[open..].starts_with(['\'', '‘', '’']);
    let rest = cx.doc.text.get(span.end..para.end.max(span.end)).unwrap_or("");
    let whole = cx.doc.text[para.start.min(open)..open].trim().is_empty()
        && rest
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "’‘".contains(c))
            .is_empty();
    single && whole && !att.cued && text::tokens(&cx.doc.text[span.start..span.end]).len() <= SUBHEAD_WORDS
}

/// Whether a quote reads as a title: a few words, every one of more than
/// three letters capitalised, two at least and half of them ("Face the
/// Nation", "Fox and Friends").
fn is_title(text: &str) -> bool {
    // (read no further than a title's length: most quotes are longer)
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(TITLE_WORDS + 1)
        .collect();
    !words.is_empty()
        && words.len() <= TITLE_WORDS
        && words.iter().all(|w| {
            w.chars().count() <= 3 && w.chars().all(char::is_lowercase)
                || w.starts_with(char::is_uppercase)
                || w.starts_with(|c: char| c.is_numeric())
        })
        && {
            let capitals = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
            // "That's the way it is, Nicole." is a sentence, not a title.
            capitals >= 2 && capitals * 2 >= words.len()
        }
}

/// Whether a quote sits inside the reporter's sentence: it starts in lower
/// case, or something other than a sentence end, a colon or a comma
/// stands before it.
fn is_partial(text: &str, seg: &crate::segment::Segmented, open: usize, quoted: &str) -> bool {
    if quoted.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let para = seg.sentence_at(open).map_or(0, |i| seg.paragraphs[seg.sentences[i].paragraph].start);
    let before = text.get(para.min(open)..open).unwrap_or("").trim_end();
    !(before.is_empty() || before.ends_with([':', ',', '.', '?', '!', '"', '“', '”', '—', '–', '-']))
}

/// Whether the text between two quotes is only an attribution that
/// interrupts one remark (`, Dahl said, `), within one paragraph.
fn interrupts(text: &str, close: usize, open: usize) -> bool {
    let Some(between) = text.get(close..open) else { return false };
    let trimmed = between.trim();
    // The cheap tests first: the text between two quotes is often long.
    trimmed.ends_with(',')
        && !between.contains("\n\n")
        && !trimmed.contains(['.', ':', ';'])
        && between.split_whitespace().nth(16).is_none()
        && between.split_whitespace().any(crate::words::is_speech_verb_written)
}

/// Push the marked polarity claims; return the unmarked clauses with their
/// span, sentence span and paragraph, to be held back.
fn polarities(cx: &DocCtx, out: &mut Vec<Claim>) -> Vec<((Span, Carried, usize), polarity::RawPolarity)> {
    let (doc, seg) = (cx.doc, cx.seg);
    let mut unmarked = Vec::new();
    // A clause inside a direct quote is the speaker's position, compared
    // as the quote's wording, never as the outlet's own assertion.
    let mut quoted: Vec<Span> = out.iter().filter(|c| c.quote().is_some()).map(|c| c.span).collect();
    quoted.sort_by_key(|s| s.start);
    let in_quote = |span: Span| {
        let i = quoted.partition_point(|q| q.start <= span.start);
        i > 0 && quoted[i - 1].end > span.start
    };
    for p in polarity::polarities_in(seg, &cx.words, cx.align) {
        if in_quote(p.span) {
            continue;
        }
        if !p.data.marked {
            let paragraph = seg.sentence_at(p.span.start).map_or(0, |i| seg.sentences[i].paragraph);
            if seg.furniture.get(paragraph).copied().unwrap_or(false) {
                continue; // furniture is never compared: no counterpart there
            }
            unmarked.push(((p.span, carried(&doc.text, seg.sentence_cover(p.span), p.span), paragraph), p));
            continue;
        }
        let text = seg.clean(&doc.text, p.span);
        out.push(claim(cx, p.span, text, Data::Polarity(p.data)));
    }
    unmarked
}

fn dates(cx: &DocCtx) -> Vec<Claim> {
    let (doc, seg) = (cx.doc, cx.seg);
    let published = doc.published.or_else(|| date::dateline(&doc.text));
    let published_date = published.as_ref().and_then(date::full_date);
    let dateline_span = published.and_then(|_| seg.sentences.first().map(|s| s.span.start));
    seg.sentences
        .iter()
        .zip(&cx.counted)
        .filter(|(_, counted)| **counted)
        .flat_map(|(s, _)| date::dates_in(&seg.flat, s.span).into_iter().map(move |d| (s.span, d)))
        // The dateline's own date is the publication date, not a claim.
        .filter(|(s, d)| {
            !(Some(s.start) == dateline_span
                && d.span.start < s.start + 60
                && doc.text[s.start..d.span.start].contains(',')
                && !doc.text[s.start..d.span.start].contains(" on "))
        })
        .map(|(sentence, d)| {
            let mut value = d.value;
            value.resolve(published_date);
            let (event, frame) = if cx.align {
                let ws = cx.words.sentence(sentence);
                (event_stems(&ws, d.span), frame::frame(&ws, d.span))
            } else {
                Default::default()
            };
            let said = dates_a_statement(&seg.flat[sentence.start..d.span.start]);
            let text = seg.clean(&doc.text, d.span);
            claim(cx, d.span, text, Data::Date(DateData { value, event, said, frame }))
        })
        .collect()
}

/// Whether the words just before a date are a speech verb ("said on").
fn dates_a_statement(before: &str) -> bool {
    before.split_whitespace().rev().take(3).any(crate::words::is_speech_verb_written)
}

/// Words either side of a date that say what it dates.
const EVENT_WINDOW: usize = 8;

/// Stems of the content words around a date (within [`EVENT_WINDOW`] words
/// in its sentence), leaving out the date's own words.
fn event_stems(ws: &[word::Word], own: Span) -> Vec<Atom> {
    let at = ws.iter().position(|w| w.span.start >= own.start).unwrap_or(ws.len());
    let lo = at.saturating_sub(EVENT_WINDOW);
    let hi = (at + EVENT_WINDOW).min(ws.len());
    ws[lo..hi]
        .iter()
        .filter(|w| !own.contains(&w.span) && !w.is_punct())
        .map(|w| w.lower())
        .filter(|l| l.chars().count() > 2 && !text::STOPWORDS.contains(l))
        .filter(|l| {
            !crate::words::contains(crate::words::WEEKDAYS, l)
                && !crate::words::contains(crate::words::MONTHS, l)
        })
        .map(polarity::stem_atom)
        .collect()
}

fn names(cx: &DocCtx, all: Vec<person::Name>) -> Vec<Claim> {
    let (doc, seg) = (cx.doc, cx.seg);
    name::distinct_spelled(all)
        .into_iter()
        .map(|(n, spelling)| {
            let text = seg.clean(&doc.text, n.span);
            claim(cx, n.span, text, Data::Name(NameData { spelling }))
        })
        .collect()
}

/// What every figure and every date holds: the figure hint or the date
/// hint, in one search (most sentences have neither: one pass over them,
/// not two).
static FIGURE_OR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("{}|{}", figure::number_hint_pattern(), date::DATE_HINT_PATTERN))
        .expect("static regex")
});

/// Per sentence of `seg`, whether it may hold a figure or a date.
fn figure_or_date(seg: &Segmented) -> Vec<bool> {
    seg.sentences.iter().map(|s| FIGURE_OR_DATE.is_match(&seg.flat[s.span.start..s.span.end])).collect()
}

/// A figure's repeat key ([`repeat::figure_key`]) with its zone (furniture or not).
type OwnedFigureKey = (bool, String, u64, Option<u64>, Option<Qualifier>);

/// Sentences whose figures are read together, in parallel (see [`figures`]).
const FIGURE_BLOCK: usize = 256;

/// What a figure's first mention has absorbed of its repeats' context:
/// the words it holds, and how far into the last repeat's sentence it read.
struct Absorbed {
    /// The first mention's context words and the repeats' new ones.
    words: Vec<Atom>,
    seen: text::FastSet<Atom>,
    cover: Span,
    upto: usize,
}

fn figures(cx: &DocCtx) -> Vec<Claim> {
    let (doc, seg) = (cx.doc, cx.seg);
    let mut out: Vec<Claim> = Vec::new();
    // A source that states a figure again states one claim
    // ([`repeat::merge_repeats`]): a repeat adds only its context words to
    // the first mention, before any frame or display text is built for it,
    // so a text that says one figure a hundred thousand times costs one
    // claim, not a hundred thousand merged later.
    let mut first: FastMap<OwnedFigureKey, usize> = FastMap::default();
    let mut absorbed: FastMap<usize, Absorbed> = FastMap::default();
    // Figures are read a block of sentences at a time, the block's
    // sentences in parallel: one long document (a table dump, a text
    // without full stops) uses every core, and holds one block's raw
    // figures at a time.
    let counted: Vec<&crate::segment::Sentence> =
        seg.sentences.iter().zip(&cx.counted).filter(|(_, counted)| **counted).map(|(s, _)| s).collect();
    let blocks = counted.chunks(FIGURE_BLOCK).map(|block| {
        use rayon::prelude::*;
        let found: Vec<Vec<figure::RawFigure>> =
            block.par_iter().with_min_len(16).map(|s| figure::figures_in(&seg.flat, s.span)).collect();
        block.iter().copied().zip(found)
    });
    for (s, found) in blocks.flatten() {
        if found.is_empty() {
            continue;
        }
        let furniture = seg.furniture.get(s.paragraph).copied().unwrap_or(false);
        // (read once the sentence holds a figure that is not a repeat)
        let mut ws = None;
        for f in found {
            let key = repeat::figure_key(f.unit_key.as_deref(), f.value, f.high, f.qualifier)
                .map(|(u, v, h, q)| (furniture, u.to_owned(), v, h, q));
            if let Some(&i) = key.as_ref().and_then(|k| first.get(k)) {
                if cx.align {
                    let a = absorbed.entry(i).or_insert_with(|| {
                        let (cover, window) = cx.figure_window(out[i].span);
                        let words = out[i].context.to_vec();
                        Absorbed { words, seen: text::FastSet::default(), cover, upto: window.end }
                    });
                    // Only the words not read for an earlier mention: the
                    // stretches of one long sentence overlap.
                    let (cover, window) = cx.figure_window(f.span);
                    let from = if a.cover == cover { window.start.max(a.upto) } else { window.start };
                    if from < window.end || a.cover != cover {
                        let more = cx.context_within(cover, Span::new(from.min(window.end), window.end));
                        repeat::absorb(&mut a.words, &mut a.seen, more);
                    }
                    a.upto = if a.cover == cover { a.upto.max(window.end) } else { window.end };
                    a.cover = cover;
                }
                continue;
            }
            let frame = if cx.align {
                frame::frame(ws.get_or_insert_with(|| cx.words.sentence(s.span)), f.span)
            } else {
                frame::Frame::default()
            };
            let text = seg.clean(&doc.text, f.span);
            let data = Data::Figure(FigureData {
                value: f.value,
                high: f.high,
                unit: f.unit,
                unit_key: f.unit_key,
                qualifier: f.qualifier,
                qualifier_text: f.qualifier_text,
                frame,
            });
            if let Some(k) = key {
                first.insert(k, out.len());
            }
            out.push(claim(cx, f.span, text, data));
        }
    }
    for (i, a) in absorbed {
        out[i].context = a.words.into();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_told_from_short_sentences() {
        assert!(is_title("Face the Nation"));
        assert!(is_title("All Bets Are Off."));
        assert!(!is_title("That's the way it is, Nicole."));
        assert!(!is_title("Thank you"));
        assert!(!is_title("deeply flawed"));
    }

    /// A figure a run-on line states a thousand times is one claim whose
    /// context holds each word once; the claims of nearby distinct figures
    /// share their carried stretch of the line.
    #[test]
    fn a_run_on_line_of_figures() {
        let line = "The army said 1,000 fighters arrived ".repeat(1000);
        let doc = Document::new("a", "a.txt", line);
        let seg = crate::segment::segment(&doc.text);
        let claims = extract(0, &doc, &seg);
        let figures: Vec<&Claim> = claims.iter().filter(|c| c.figure().is_some()).collect();
        assert_eq!(figures.len(), 1, "{figures:?}");
        let mut words: Vec<&str> = figures[0].context.iter().map(|w| &**w).collect();
        let n = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), n);
        assert_eq!(words, ["army", "arrived", "fighter"]);

        let line: String =
            (0..1000).map(|i| format!("The army said {} fighters arrived ", 1000 + i)).collect();
        let doc = Document::new("b", "b.txt", line);
        let seg = crate::segment::segment(&doc.text);
        let claims = extract(0, &doc, &seg);
        let figures: Vec<&Claim> = claims.iter().filter(|c| c.figure().is_some()).collect();
        assert!(figures.len() > 900);
        let shared = figures.windows(2).filter(|w| Arc::ptr_eq(&w[0].sentence, &w[1].sentence)).count();
        assert!(shared * 2 > figures.len(), "{shared} of {}", figures.len());
        for f in &figures {
            assert!(f.sentence_span.start <= f.span.start && f.span.end <= f.sentence_span.end);
        }
    }

    /// A short quote inside the reporter's sentence is partial; a full
    /// sentence after a colon is not.
    #[test]
    fn partial_quotes() {
        let t = "He called the count \"deeply flawed\". She said: \"We will win.\"";
        let seg = crate::segment::segment(t);
        let first = t.find('"').unwrap();
        let second = t.rfind(": \"").unwrap() + 2;
        assert!(is_partial(t, &seg, first, "deeply flawed"));
        assert!(!is_partial(t, &seg, second, "We will win."));
    }

    /// The joint hint passes exactly what the figure hint or the date hint
    /// passes (each keeps its own flags inside the join).
    #[test]
    fn joint_hint_is_either_hint() {
        let number = Regex::new(&figure::number_hint_pattern()).unwrap();
        let date = Regex::new(date::DATE_HINT_PATTERN).unwrap();
        let pieces =
            ["one", "ONE", "x", " ", "7", "\u{663}", "Monday", "MONDAY", "monday", "\u{17f}", "k", "_", "é"];
        let (mut either, mut neither) = (0, 0);
        for text in crate::text::test_texts(&pieces, 5000, 4) {
            let want = number.is_match(&text) || date.is_match(&text);
            assert_eq!(FIGURE_OR_DATE.is_match(&text), want, "{text:?}");
            if want {
                either += 1;
            } else {
                neither += 1;
            }
        }
        assert!(either > 500 && neither > 500, "{either} {neither}");
    }
}
