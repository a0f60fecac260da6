//! The words of running text: the tokenizer (the word pattern matched by
//! hand, with fast paths for ASCII) and the word list of a document that
//! names, polarity, dates and speakers all read.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;
use crate::text::{atom, fold, Atom};

/// A word or a punctuation mark of running text, with its span. The text
/// is borrowed from the document (a word rejoined across a line break is
/// the one that owns its text): a document has thousands of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub span: Span,
    pub text: Cow<'a, str>,
    /// Written with a possessive `'s` (stripped from `text`): an owner,
    /// as in "Zambia's trade minister".
    pub possessive: bool,
    /// `fold(text)`, folded once (every extractor asks for it, often
    /// twice); `None` when that is `text` itself. An atom: the capitalised
    /// words of a document are few words many times.
    lower: Option<Atom>,
    /// What name finding asks of every word, several times: found once.
    punct: bool,
    capitalised: bool,
    inner_capital: bool,
}

impl<'a> Word<'a> {
    pub fn new(span: Span, text: impl Into<Cow<'a, str>>, possessive: bool) -> Self {
        let text = text.into();
        let same = text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`');
        let lower = (!same).then(|| atom(&fold(&text)));
        let first = text.chars().next();
        let punct = !first.is_some_and(char::is_alphanumeric);
        // Lower-case ASCII has no capital anywhere.
        let (capitalised, inner_capital) = if same {
            (false, false)
        } else {
            (first.is_some_and(char::is_uppercase), has_inner_capital(&text))
        };
        Word { span, text, possessive, lower, punct, capitalised, inner_capital }
    }
    /// [`Word::new`] for text of ASCII letters, digits, apostrophes and
    /// hyphens that starts with a letter (most words), its case already
    /// read: whether it has a capital, starts with one, and has one after
    /// an apostrophe or hyphen.
    fn ascii(span: Span, text: &'a str, possessive: bool, case: (bool, bool, bool)) -> Self {
        let (upper, capitalised, inner_capital) = case;
        // `fold` leaves such text as it is but for case.
        let lower = upper.then(|| {
            let mut buf = [0u8; 64];
            match buf.get_mut(..text.len()) {
                Some(low) => {
                    low.copy_from_slice(text.as_bytes());
                    low.make_ascii_lowercase();
                    atom(std::str::from_utf8(low).expect("ASCII stays UTF-8"))
                }
                None => atom(&text.to_ascii_lowercase()),
            }
        });
        Word { span, text: Cow::Borrowed(text), possessive, lower, punct: false, capitalised, inner_capital }
    }
    /// [`Word::new`] for one mark of ASCII punctuation other than the
    /// backtick (which folds to an apostrophe).
    fn mark(span: Span, text: &'a str) -> Self {
        Word {
            span,
            text: Cow::Borrowed(text),
            possessive: false,
            lower: None,
            punct: true,
            capitalised: false,
            inner_capital: false,
        }
    }
    pub fn is_punct(&self) -> bool {
        self.punct
    }
    /// The comparison form of the word (see [`fold`]).
    pub fn lower(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.text)
    }
    pub(crate) fn is_capitalised(&self) -> bool {
        self.capitalised
    }
    /// Whether the word can be part of a name: capitalised (not a mark), or
    /// with a capital after an apostrophe or hyphen ("al-Bashir").
    pub(crate) fn is_name_word(&self) -> bool {
        (self.capitalised && !self.punct) || self.inner_capital
    }
}

// Words follow the pattern `\p{L}[\p{L}\p{M}\p{N}'’\-]*|\p{N}[\p{N},.]*\p{N}|\p{N}|[^\s\p{L}\p{N}]`
// (a letter and the letters, marks, digits, apostrophes and hyphens after
// it; digits with inner separators; any other single non-space character),
// matched by hand: a regex search per word costs more than the rest of the
// extraction. The tests hold the two to the same matches.

static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}$").expect("static regex"));
static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{M}$").expect("static regex"));
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{N}$").expect("static regex"));
static SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s$").expect("static regex"));

/// General category of a character, as far as the word pattern asks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Mark,
    Number,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Number,
            _ if c.is_ascii_whitespace() || c == '\u{0b}' => Class::Space,
            _ => Class::Other,
        };
    }
    // Ranges common in news text, whole blocks of one class: accented
    // Latin letters, and the dashes, curly quotes and marks of General
    // Punctuation, the currency signs (the test below holds these to the
    // tables).
    match c {
        '\u{c0}'..='\u{24f}' if c != '\u{d7}' && c != '\u{f7}' => return Class::Letter,
        '\u{2010}'..='\u{2027}' | '\u{20a0}'..='\u{20cf}' => return Class::Other,
        _ => {}
    }
    // The regex crate's Unicode tables, not std's (their versions differ).
    let mut buf = [0; 4];
    let s = c.encode_utf8(&mut buf);
    if LETTER.is_match(s) {
        Class::Letter
    } else if NUMBER.is_match(s) {
        Class::Number
    } else if MARK.is_match(s) {
        Class::Mark
    } else if SPACE.is_match(s) {
        Class::Space
    } else {
        Class::Other
    }
}

/// The end of the word-pattern match that starts at `s[at..]` (a
/// non-space character): leftmost-first, greedy, as the regex would. ASCII
/// is read a byte at a time; other characters ask [`class`].
fn token_end(s: &str, at: usize) -> usize {
    let bytes = s.as_bytes();
    let Some(first) = s[at..].chars().next() else { return at };
    let mut end = at + first.len_utf8();
    match class(first) {
        Class::Letter => loop {
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'\'' | b'-'))
            {
                end += 1;
            }
            let Some(c) = s[end..].chars().next().filter(|c| !c.is_ascii()) else { return end };
            if c == '’' || matches!(class(c), Class::Letter | Class::Mark | Class::Number) {
                end += c.len_utf8();
            } else {
                return end;
            }
        },
        Class::Number => {
            // `\p{N}[\p{N},.]*\p{N}` ends at the last digit of the run;
            // without a second digit, `\p{N}` alone.
            let mut pos = end;
            while let Some(c) = s[pos..].chars().next() {
                if c.is_ascii_digit() || (!c.is_ascii() && class(c) == Class::Number) {
                    pos += c.len_utf8();
                    end = pos;
                } else if c == ',' || c == '.' {
                    pos += 1;
                } else {
                    break;
                }
            }
            end
        }
        _ => end,
    }
}

/// What the fast path of [`words_into`] asks of an ASCII byte (other
/// bytes: nothing).
const B_LETTER: u8 = 1;
const B_UPPER: u8 = 2;
/// A letter, digit, apostrophe or hyphen: goes on a word begun by a letter.
const B_IN_WORD: u8 = 4;
/// An apostrophe or hyphen.
const B_MARK: u8 = 8;
const B_HYPHEN: u8 = 16;
static ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            B_LETTER | B_UPPER | B_IN_WORD
        } else if c.is_ascii_lowercase() {
            B_LETTER | B_IN_WORD
        } else if c.is_ascii_digit() {
            B_IN_WORD
        } else if c == b'\'' {
            B_IN_WORD | B_MARK
        } else if c == b'-' {
            B_IN_WORD | B_MARK | B_HYPHEN
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Where the next word-pattern match at or after `at` starts: past the
/// white space.
fn next_token(s: &str, mut at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    loop {
        match bytes.get(at) {
            None => return None,
            Some(b) if b.is_ascii_whitespace() || *b == 0x0b => at += 1,
            Some(b) if b.is_ascii() => return Some(at),
            Some(_) => {
                let c = s[at..].chars().next().expect("at a char boundary");
                if class(c) != Class::Space {
                    return Some(at);
                }
                at += c.len_utf8();
            }
        }
    }
}

/// Start and end of each word-pattern match in `s`, in order.
#[cfg(test)]
fn tokens(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_token(s, at)?;
        at = token_end(s, start);
        Some((start, at))
    })
}

/// Words and punctuation of `flat[span]`, spans absolute.
pub fn words(flat: &str, span: Span) -> Vec<Word<'_>> {
    // About one word or mark per five bytes of news text.
    let mut out: Vec<Word> = Vec::with_capacity(span.len() / 5 + 1);
    words_into(flat, span, &mut out, None);
    out
}

/// [`words`], pushed onto `out`; with `raw_ends`, where each word's token
/// really ends too (past the apostrophes, hyphens and `'s` its text drops,
/// and past the second half of a word rejoined across a line break).
fn words_into<'a>(flat: &'a str, span: Span, out: &mut Vec<Word<'a>>, mut raw_ends: Option<&mut Vec<usize>>) {
    let slice = &flat[span.start..span.end];
    let mut joined_until = 0;
    let mut at = 0;
    while let Some(m_start) = next_token(slice, at) {
        if m_start >= joined_until {
            if let Some(end) = ascii_word(slice, span.start, m_start, out, raw_ends.as_deref_mut()) {
                at = end;
                continue;
            }
        }
        at = token_end(slice, m_start);
        let token = (m_start, at);
        push_token(slice, span.start, token, &mut joined_until, out, raw_ends.as_deref_mut());
    }
}

/// The fast paths of [`words_into`], for the token at `slice[m_start..]`:
/// ASCII letters, digits, apostrophes and hyphens that start with a letter
/// and end before an ASCII byte (most words), read in one pass with what
/// [`Word::new`] would find of their case; or a mark of ASCII punctuation
/// (no letter, digit, apostrophe or hyphen: those have a class), a
/// one-byte word. Pushed onto `out` (spans shifted by `base`); where the
/// token ends, or `None` for any other token (the general path).
fn ascii_word<'a>(
    slice: &'a str,
    base: usize,
    m_start: usize,
    out: &mut Vec<Word<'a>>,
    raw_ends: Option<&mut Vec<usize>>,
) -> Option<usize> {
    let bytes = slice.as_bytes();
    let first = ASCII_WORD[bytes[m_start] as usize];
    if first == 0 {
        let b = bytes[m_start];
        if !b.is_ascii() || b == b'`' {
            return None; // the backtick folds to an apostrophe
        }
        let end = m_start + 1;
        out.push(Word::mark(Span::new(base + m_start, base + end), &slice[m_start..end]));
        if let Some(ends) = raw_ends {
            ends.push(base + end);
        }
        return Some(end);
    }
    if first & B_LETTER == 0 {
        return None;
    }
    let (mut seen, mut prev) = (first, first);
    let mut m_end = m_start + 1;
    while let Some(&b) = bytes.get(m_end) {
        let class = ASCII_WORD[b as usize];
        if class & B_IN_WORD == 0 {
            break;
        }
        seen |= class;
        prev = class;
        m_end += 1;
    }
    // A word going on past ASCII, or ending in a hyphen (maybe across a
    // line break), takes the general path.
    if !bytes.get(m_end).is_none_or(u8::is_ascii) || prev & B_HYPHEN != 0 {
        return None;
    }
    // As the general path trims (what it drops has no capital).
    let raw = &bytes[m_start..m_end];
    let mut len = raw.len();
    while ASCII_WORD[raw[len - 1] as usize] & B_MARK != 0 {
        len -= 1;
    }
    let possessive = raw[..len].ends_with(b"'s");
    if possessive {
        len -= 2;
    }
    // A capital after an apostrophe or hyphen ("al-Bashir").
    let inner_capital = seen & B_MARK != 0
        && seen & B_UPPER != 0
        && raw.windows(2).any(|p| ASCII_WORD[p[0] as usize] & B_MARK != 0 && p[1].is_ascii_uppercase());
    let case = (seen & B_UPPER != 0, first & B_UPPER != 0, inner_capital);
    let span = Span::new(base + m_start, base + m_start + len);
    out.push(Word::ascii(span, &slice[m_start..m_start + len], possessive, case));
    if let Some(ends) = raw_ends {
        ends.push(base + m_end);
    }
    Some(m_end)
}

/// The general path of [`words_into`]: the token at `slice[m_start..m_end]`
/// pushed onto `out` (spans shifted by `base`), unless a word rejoined
/// before it took it (`joined_until`). A word hyphenated across a line break
/// ("Ouaga-" + "dougou") is one word; trailing apostrophes and hyphens are
/// trimmed, and a possessive `'s` marks an owner.
fn push_token<'a>(
    slice: &'a str,
    base: usize,
    (m_start, m_end): (usize, usize),
    joined_until: &mut usize,
    out: &mut Vec<Word<'a>>,
    raw_ends: Option<&mut Vec<usize>>,
) {
    if m_start < *joined_until {
        return;
    }
    let raw = &slice[m_start..m_end];
    if raw.ends_with('-') && raw.len() > 1 {
        let rest = &slice[m_end..];
        let gap = rest.len() - rest.trim_start().len();
        if gap > 0 && rest[gap..].starts_with(|c: char| c.is_lowercase()) {
            let next = &rest[gap..token_end(rest, gap)];
            let tail = next.trim_end_matches(['\'', '’', '-']);
            let end = m_end + gap + tail.len();
            *joined_until = end;
            let text = format!("{}{}", &raw[..raw.len() - 1], tail);
            out.push(Word::new(Span::new(base + m_start, base + end), text, false));
            if let Some(ends) = raw_ends {
                ends.push(base + m_end + gap + next.len());
            }
            return;
        }
    }
    let trimmed = raw.trim_end_matches(['\'', '’', '-']);
    let owner = trimmed.strip_suffix("'s").or_else(|| trimmed.strip_suffix("’s"));
    let text = owner.unwrap_or(trimmed);
    if !text.is_empty() {
        out.push(Word::new(Span::new(base + m_start, base + m_start + text.len()), text, owner.is_some()));
        if let Some(ends) = raw_ends {
            ends.push(base + m_end);
        }
    }
}

fn has_inner_capital(t: &str) -> bool {
    t.split(['-', '\'', '’']).skip(1).any(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// The words of a document, found once for all its extractors: paragraph
/// by paragraph, in order (a sentence's words are a stretch of them).
/// A paragraph longer than [`KEPT_PARAGRAPH`] bytes (a dump without line
/// breaks) is not kept: its words are read again where asked, a sentence at
/// a time, so memory stays near the size of the text.
pub struct DocWords<'a> {
    flat: &'a str,
    words: Vec<Word<'a>>,
    /// Where each word's token really ends (see [`words_into`]): a word's
    /// span can end before its token does.
    raw_ends: Vec<usize>,
    /// The paragraphs too long to keep, in order.
    long: Vec<Span>,
}

/// Longest paragraph whose words [`DocWords`] keeps.
const KEPT_PARAGRAPH: usize = 64 * 1024;

impl<'a> DocWords<'a> {
    pub fn new(seg: &'a crate::segment::Segmented) -> Self {
        let (kept, long): (Vec<Span>, Vec<Span>) =
            seg.paragraphs.iter().partition(|p| p.len() <= KEPT_PARAGRAPH);
        let mut all = Vec::with_capacity(kept.iter().map(|p| p.len()).sum::<usize>() / 5 + 1);
        let mut raw_ends = Vec::with_capacity(all.capacity());
        for p in &kept {
            words_into(&seg.flat, *p, &mut all, Some(&mut raw_ends));
        }
        DocWords { flat: &seg.flat, words: all, raw_ends, long }
    }

    /// Whether `span` lies in a paragraph too long to keep.
    fn in_long(&self, span: Span) -> bool {
        let k = self.long.partition_point(|p| p.start <= span.start);
        k > 0 && self.long[k - 1].end >= span.end
    }

    /// The words that start in `span` (a paragraph), and where they start.
    fn range(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.words.partition_point(|w| w.span.start < span.start);
        let b = self.words.partition_point(|w| w.span.start < span.end);
        a..b
    }

    /// The words of the paragraph at `span`.
    pub fn paragraph(&self, span: Span) -> Cow<'_, [Word<'a>]> {
        if self.in_long(span) {
            return Cow::Owned(words(self.flat, span));
        }
        Cow::Borrowed(&self.words[self.range(span)])
    }

    /// The words of `span` (a sentence, or the text beside a quote) exactly
    /// as [`words`] gives them: the paragraph's, unless a token runs across
    /// one of its ends (a word hyphenated across it, an apostrophe or `'s`
    /// just past it), when it is read again.
    pub fn sentence(&self, span: Span) -> Cow<'_, [Word<'a>]> {
        if self.in_long(span) {
            return Cow::Owned(words(self.flat, span));
        }
        let r = self.range(span);
        let crosses_start = r.start > 0 && self.raw_ends[r.start - 1] > span.start;
        let crosses_end = r.end > r.start && self.raw_ends[r.end - 1] > span.end;
        if crosses_start || crosses_end {
            return Cow::Owned(words(self.flat, span));
        }
        Cow::Borrowed(&self.words[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document's word list read over any stretch of a paragraph gives
    /// what tokenising that stretch gives (regression: a token trimmed to
    /// `co-` from `co-'s` ended past a stretch its word seemed to end in).
    #[test]
    fn doc_words_of_any_stretch_are_its_words() {
        let pieces = [
            "co-'s", " ", "Ouaga-", "\n", "dougou", "said", "'", "’s", "Zambia's", "1,200", "x-", "-", "é",
            ".", "“", "Mr", "don't", "’",
        ];
        for text in crate::text::test_texts(&pieces, 300, 8) {
            let seg = crate::segment::segment(&text);
            let dw = DocWords::new(&seg);
            for p in &seg.paragraphs {
                let cuts: Vec<usize> = (p.start..=p.end).filter(|&i| seg.flat.is_char_boundary(i)).collect();
                for (k, &a) in cuts.iter().enumerate() {
                    for &b in &cuts[k..] {
                        let span = Span::new(a, b);
                        assert_eq!(*dw.sentence(span), words(&seg.flat, span)[..], "{text:?} {a}..{b}");
                    }
                }
            }
        }
    }

    /// The words of `slice` as the general path alone reads them (every
    /// token through [`push_token`]): the oracle for the fast paths of
    /// [`words_into`] ([`ascii_word`]).
    fn words_by_general_path(slice: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut joined_until = 0;
        for token in tokens(slice) {
            push_token(slice, 0, token, &mut joined_until, &mut out, None);
        }
        out
    }

    /// The ASCII fast path gives what the general path gives.
    #[test]
    fn ascii_words_are_the_general_words() {
        let pieces = [
            "Co-'s",
            " ",
            "Ouaga-",
            "\n",
            "dougou",
            "Said",
            "'",
            "’s",
            "Zambia's",
            "1,200",
            "x-",
            "-",
            "é",
            ".",
            "“",
            "Mr",
            "don't",
            "’",
            "O'Neil",
            "al-Bashir",
            "`",
            "a1",
            "K",
            "-'",
            "'s",
            "s",
        ];
        let all: String = (0u32..0x11_0000).filter_map(char::from_u32).collect();
        let mut texts = crate::text::test_texts(&pieces, 2000, 12);
        texts.push(all);
        for text in &texts {
            let got = words(text, Span::new(0, text.len()));
            assert_eq!(got, words_by_general_path(text), "{text:?}");
        }
    }

    #[test]
    fn tokens_match_the_word_pattern() {
        let re =
            Regex::new(r"\p{L}[\p{L}\p{M}\p{N}'’\-]*|\p{N}[\p{N},.]*\p{N}|\p{N}|[^\s\p{L}\p{N}]").unwrap();
        let all: String = (0u32..0x11_0000).filter_map(char::from_u32).collect();
        let samples = [
            "Velmora's 1,000-strong force, 2.5 ... 3,, 4., .5 x1 e\u{301}t\u{301} \u{301}a ’90s – Ouaga-\ndougou",
            "\u{b}\u{85}\u{a0}a\u{2028}b\u{3000}c \u{1c}d \u{661}\u{662},\u{663} Ⅻ ² ½",
            all.as_str(),
        ];
        for s in samples {
            let want: Vec<(usize, usize)> = re.find_iter(s).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = tokens(s).collect();
            let first = got.iter().zip(&want).position(|(a, b)| a != b);
            if let Some(k) = first {
                panic!(
                    "at {k}: got {:?} want {:?} text {:?}",
                    got[k],
                    want[k],
                    &s[want[k].0.min(got[k].0)..want[k].1.max(got[k].1)]
                );
            }
            assert_eq!(got, want);
        }
    }
}
