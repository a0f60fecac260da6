//! Segment: paragraphs (separated by blank lines) and sentences, each a span
//! into the original text. Sentence boundaries come from `sentencex`, which
//! knows news abbreviations (Mr., U.S., Gen., Jan.) that must not end one.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::span::Span;
use crate::text;

/// A document cut into paragraphs and sentences.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// The text with line breaks and tabs replaced by spaces (same byte
    /// offsets as the original), so a match can span a hard wrap.
    pub flat: String,
    /// Per paragraph, whether it is page furniture (headline, byline,
    /// subhead, caption) rather than story: see [`crate::zone`].
    pub furniture: Vec<bool>,
    /// Lower-case words of the document, for rejoining hyphenation; built
    /// on first need (only a word hyphenated across a line break needs it).
    words: OnceLock<HashSet<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

thread_local! {
    static ENGLISH: RefCell<Option<Box<dyn sentencex::languages::Language>>> = const { RefCell::new(None) };
}

impl Segmented {
    /// Index of the sentence containing byte `offset` (or the nearest before).
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= offset);
        i.checked_sub(1)
    }

    /// The span of the sentences overlapping `span`.
    pub fn sentence_cover(&self, span: Span) -> Span {
        let first = self.sentence_at(span.start);
        let last = self.sentence_at(span.end.saturating_sub(1).max(span.start));
        match (first, last) {
            (Some(a), Some(b)) => self.sentences[a].span.cover(&self.sentences[b].span).cover(&span),
            _ => span,
        }
    }

    /// Display text of a span (see [`text::clean`]). `original` is the text
    /// this was segmented from.
    pub fn clean(&self, original: &str, span: Span) -> String {
        let known = |w: &str| self.words.get_or_init(|| text::word_set(original)).contains(w);
        text::clean_with(&original[span.start..span.end], known)
    }
}

/// Cut `text` into paragraphs and sentences.
///
/// ```
/// let s = claimdiff::segment::segment("Mr. Ouedraogo spoke. He left.\n\nNew one.");
/// assert_eq!(s.paragraphs.len(), 2);
/// assert_eq!(s.sentences.len(), 3);
/// ```
pub fn segment(text: &str) -> Segmented {
    let flat = flatten(text);
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for span in sentences_in(&flat, *para) {
            sentences.push(Sentence { span, paragraph: p });
        }
    }
    let furniture = crate::zone::furniture(text, &paragraphs);
    Segmented { paragraphs, sentences, flat, furniture, words: OnceLock::new() }
}

/// `text` with line breaks, tabs, vertical tabs, form feeds and byte-order
/// marks as spaces, at the same byte offsets.
pub(crate) fn flatten(text: &str) -> String {
    if !text.contains('\u{feff}') {
        // Only ASCII bytes change, each to one space: a byte-for-byte copy.
        let bytes: Vec<u8> = text
            .bytes()
            .map(|b| if matches!(b, b'\n' | b'\r' | b'\t' | 0x0b | 0x0c) { b' ' } else { b })
            .collect();
        return String::from_utf8(bytes).expect("ASCII bytes replaced by ASCII keep UTF-8 valid");
    }
    let flat: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{feff}' | '\u{0b}' | '\u{0c}') { ' ' } else { c })
        .collect();
    // Replacing U+FEFF (3 bytes) by one space would shift offsets: pad it.
    pad_to_original(text, flat)
}

fn pad_to_original(text: &str, flat: String) -> String {
    if flat.len() == text.len() {
        return flat;
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' => " ".to_string(),
            '\u{feff}' => "   ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// What every line [`CREDIT`] matches contains, asked of the line in ASCII
/// lower case: one of its credit words or a slash. Most lines have neither,
/// and are spared the credit pattern, which is slow to build and to run.
/// (Case-insensitive, these words meet no letter beyond ASCII, so the
/// lower-cased line says exactly what `(?i)` on the line would; a pattern
/// of plain literals is searched many times faster.)
/// The slash is looked for on its own: a one-byte literal among the words
/// would make the pattern's prefilter stop at every `p`, `i` and `c`.
static CREDIT_HINT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"photo|picture|image|credit").expect("static regex"));

/// Whether a line (in ASCII lower case) may hold a credit: [`CREDIT_HINT`]
/// or a slash.
fn may_credit(lower: &str) -> bool {
    memchr::memchr(b'/', lower.as_bytes()).is_some() || CREDIT_HINT.is_match(lower)
}

static CREDIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?:\b(?:photo|picture|image|credit|file photo|photograph)\s*(?::|by)\s*[\p{L}\s./&-]{1,40}|\s/\s*[\p{Lu}][\p{Lu}\p{L}&.\s-]{1,30})$")
        .expect("static regex")
});

/// Whether a line ends with a photo credit ("... Photo: Tribune",
/// "Savostyanov / TASS").
pub(crate) fn is_credit_line(line: &str) -> bool {
    let trimmed = line.trim_end();
    may_credit(&trimmed.to_ascii_lowercase()) && CREDIT.is_match(trimmed)
}

/// Paragraph spans: runs of non-blank lines, trimmed of outer whitespace.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    let lower = text.to_ascii_lowercase();
    for line in text.split_inclusive('\n') {
        let blank = line.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
        if blank {
            if let Some(s) = start.take() {
                out.push(trim(text, Span::new(s, end)));
            }
        } else {
            start.get_or_insert(offset);
            end = offset + line.len();
            // A photo caption's credit line ends its paragraph even without
            // a blank line after it ("... Photo: Tribune", "Savostyanov / TASS").
            let trimmed = line.trim_end();
            if may_credit(&lower[offset..offset + trimmed.len()]) && CREDIT.is_match(trimmed) {
                if let Some(s) = start.take() {
                    out.push(trim(text, Span::new(s, end)));
                }
            }
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(trim(text, Span::new(s, end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let is_ws = |c: char| c.is_whitespace() || c == '\u{feff}';
    let lead = s.len() - s.trim_start_matches(is_ws).len();
    let trimmed = s.trim_matches(is_ws);
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Most bytes of paragraph text [`sentences_in`] remembers per thread.
const SPLITS_KEPT_BYTES: usize = 256 * 1024;

thread_local! {
    /// Sentence spans (relative) of paragraphs this thread split before,
    /// by paragraph text.
    static SPLITS: RefCell<crate::text::TextMemo<Vec<Span>>> = RefCell::default();
}

fn sentences_in(flat: &str, para: Span) -> Vec<Span> {
    let slice = &flat[para.start..para.end];
    let shift =
        |spans: &[Span]| spans.iter().map(|s| Span::new(para.start + s.start, para.start + s.end)).collect();
    if let Some(v) = SPLITS.with_borrow(|memo| memo.get(slice).map(|spans| shift(spans))) {
        return v;
    }
    let found = split_paragraph(flat, para);
    if slice.len() > SPLITS_KEPT_BYTES / 16 {
        return found; // a long paragraph is rarely repeated, and would crowd out the rest
    }
    let relative = found.iter().map(|s| Span::new(s.start - para.start, s.end - para.start)).collect();
    SPLITS.with_borrow_mut(|memo| memo.insert(slice, relative, SPLITS_KEPT_BYTES));
    found
}

/// The sentences of one paragraph, as `sentencex` splits it (trimmed).
/// The sentence spans `get_sentence_boundaries` gives `text`, relative.
fn boundary_spans(lang: &dyn sentencex::languages::Language, text: &str) -> Vec<Span> {
    lang.get_sentence_boundaries(text).into_iter().map(|b| Span::new(b.start_byte, b.end_byte)).collect()
}

fn split_paragraph(flat: &str, para: Span) -> Vec<Span> {
    let slice = &flat[para.start..para.end];
    ENGLISH.with(|cell| {
        let mut lang = cell.borrow_mut();
        let lang = lang.get_or_insert_with(|| sentencex::language_factory("en"));
        // `segment` finds the boundaries `get_sentence_boundaries` finds
        // without counting characters or naming each boundary's symbol. A
        // flattened paragraph has no line break, so no separator: its
        // sentences tile it, each starting where the last ended (checked,
        // to the end).
        let pieces = lang.segment(slice);
        let mut at = 0;
        let mut spans = Vec::with_capacity(pieces.len());
        for piece in pieces {
            if !std::ptr::eq(piece.as_ptr(), slice.as_ptr().wrapping_add(at)) {
                break;
            }
            spans.push(Span::new(at, at + piece.len()));
            at += piece.len();
        }
        if at != slice.len() {
            spans = boundary_spans(&**lang, slice);
        }
        let mut out: Vec<Span> = spans
            .into_iter()
            .map(|b| trim(flat, Span::new(para.start + b.start, para.start + b.end)))
            .filter(|s| !s.is_empty())
            .collect();
        if out.is_empty() {
            out.push(para);
        }
        if out.iter().any(|s| s.len() > MAX_SENTENCE_BYTES) {
            out = out.into_iter().flat_map(|s| bounded(flat, s)).collect();
        }
        out
    })
}

/// Longest sentence read as one: news sentences run to a few hundred bytes;
/// a longer run without a full stop (a list, a flattened table, a hostile
/// input) is cut into pieces, so that what is read per sentence stays
/// bounded and the whole stays linear in the text.
const MAX_SENTENCE_BYTES: usize = 3000;

/// `s` in pieces of at most [`MAX_SENTENCE_BYTES`], each cut after a
/// semicolon or comma in its last sixth when there is one, else at a space.
fn bounded(flat: &str, s: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = s.start;
    while s.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !flat.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &flat[start..limit];
        let late = window.len() - window.len() / 6;
        // (after a comma or semicolon that ends a clause, not the one in
        // "1,000")
        let bytes = window.as_bytes();
        let cut = (late..window.len().saturating_sub(1))
            .rev()
            .find(|&i| matches!(bytes[i], b';' | b',') && bytes[i + 1].is_ascii_whitespace())
            .map(|i| i + 1)
            .or_else(|| window.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(window.len());
        out.push(trim(flat, Span::new(start, start + cut)));
        start += cut;
    }
    out.push(trim(flat, Span::new(start, s.end)));
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The credit hint on a line in ASCII lower case says what the
    /// case-insensitive pattern says on the line.
    #[test]
    fn credit_hint_on_lower_case_is_the_case_insensitive_hint() {
        let pattern = regex::Regex::new(r"(?i)photo|picture|image|credit|/").expect("regex");
        let pieces = [
            "PHOTO", "Photo", "phot", "Picture", "IMAGE", "imag", "Credit", "/", "x", " ", "İ", "ı", "K", "é",
        ];
        for s in crate::text::test_texts(&pieces, 20_000, 5) {
            assert_eq!(may_credit(&s.to_ascii_lowercase()), pattern.is_match(&s), "{s:?}");
        }
    }

    /// Sentences read from `segment`'s slices are the boundaries
    /// `get_sentence_boundaries` gives, on paragraphs with terminators,
    /// abbreviations, quotes, parentheses, list markers and ellipses.
    #[test]
    fn segment_slices_are_the_sentence_boundaries() {
        let pieces = [
            "He said.",
            " ",
            "Mr.",
            "U.S.",
            "“Go.”",
            "(see p. 4.)",
            "1)",
            "2.",
            "a",
            "No!",
            "Why?",
            "…",
            "\"",
            "’",
            "Jan.",
            "é",
            "  ",
            "3.5",
            "end",
            "—",
        ];
        let lang = sentencex::language_factory("en");
        for text in crate::text::test_texts(&pieces, 3000, 14) {
            let flat = flatten(&text);
            let para = Span::new(0, flat.len());
            let want: Vec<Span> = boundary_spans(&*lang, &flat)
                .into_iter()
                .map(|b| trim(&flat, b))
                .filter(|s| !s.is_empty())
                .collect();
            let want = if want.is_empty() { vec![para] } else { want };
            assert_eq!(split_paragraph(&flat, para), want, "{flat:?}");
        }
    }

    #[test]
    fn a_run_without_full_stops_is_read_in_bounded_pieces() {
        let text = "The army said 1,000 fighters arrived, ".repeat(400);
        let seg = segment(&text);
        assert!(seg.sentences.len() > 1);
        assert!(seg.sentences.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
        let covered: usize = seg.sentences.iter().map(|s| s.span.len()).sum();
        assert!(covered + 2 * seg.sentences.len() >= text.trim_end().len());
    }

    /// A cut falls after a comma that ends a clause, never inside "1,000".
    #[test]
    fn a_bounded_piece_never_splits_a_number() {
        let text = "The army said 1,000 fighters arrived ".repeat(400);
        let seg = segment(&text);
        assert!(seg.sentences.len() > 1);
        for s in &seg.sentences {
            let piece = &seg.flat[s.span.start..s.span.end];
            assert!(!piece.starts_with("000") && !piece.ends_with("1,"), "{piece:?}");
        }
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_paragraph() {
        let text = "The deal was\nreported on Thursday. It was\ndenied.\n\n  Next para.\n";
        let s = segment(text);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(&text[s.paragraphs[1].start..s.paragraphs[1].end], "Next para.");
        assert_eq!(s.sentences.len(), 3);
        assert_eq!(s.flat.len(), text.len());
    }

    #[test]
    fn caption_credit_ends_a_paragraph() {
        let text = "The mayor at City Hall. Photo: Tribune\nThe city paid the ransom on\nTuesday.\n";
        assert_eq!(segment(text).paragraphs.len(), 2);
        let seed_like = "Petrov and Ouedraogo. Lena\nHart / WIRE\n\nMoscow said.";
        assert_eq!(segment(seed_like).paragraphs.len(), 2);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = segment("Gen. Smith met Mr. Jones in the U.S. capital on Jan. 5. Then he left.");
        assert_eq!(s.sentences.len(), 2);
    }
}
