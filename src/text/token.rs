//! Word tokens of a quote: each word as written and in comparison form,
//! with what separates it from the word before.

#[allow(clippy::wildcard_imports)]
use super::*;

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Break {
    None,
    /// a comma, colon or dash
    Clause,
    /// a full stop, question or exclamation mark, semicolon
    Sentence,
    /// a marked elision (`...`, `…`, `[...]`) or a bracketed editorial insertion
    Gap,
}

/// A word of a quote: as written, and in comparison form. Both are one
/// [`Atom`] (a run holds every word of every quote of every source, and
/// the sources quote the same words), the comparison form shared with the
/// written one when they are equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The written form, then the comparison form unless `same`.
    buf: Atom,
    /// Length of the written form in `buf`.
    text_len: u32,
    /// Whether the comparison form is the written one (it can also be
    /// empty: a piece of combining marks only).
    same: bool,
    pub brk: Break,
}

impl Token {
    pub fn new(text: &str, norm: &str, brk: Break) -> Self {
        let same = text == norm;
        let buf = if same { atom(text) } else { atom(&[text, norm].concat()) };
        let text_len = u32::try_from(text.len()).expect("a word under 4 GB");
        Token { buf, text_len, same, brk }
    }
    /// The word as written.
    pub fn text(&self) -> &str {
        &self.buf[..self.text_len as usize]
    }
    /// The comparison form (see [`tokens`]).
    pub fn norm(&self) -> &str {
        if self.same {
            self.text()
        } else {
            &self.buf[self.text_len as usize..]
        }
    }
}

/// Words of `s` with the punctuation that separates them.
///
/// ```
/// use claimdiff::text::{tokens, Break};
/// let t = tokens("We act, [the army] … now 20 per cent.");
/// let norms: Vec<_> = t.iter().map(|t| t.norm()).collect();
/// assert_eq!(norms, ["we", "act", "now", "20", "percent"]);
/// assert_eq!(t[2].brk, Break::Gap);
/// ```
pub fn tokens(s: &str) -> Vec<Token> {
    // Reports of one event quote the same remarks word for word: a quote
    // met before on this thread costs a copy of its list.
    thread_local! {
        static QUOTES: RefCell<TextMemo<Vec<Token>>> = RefCell::default();
    }
    if s.len() > KEPT_QUOTE_BYTES {
        return read_tokens(s);
    }
    if let Some(t) = QUOTES.with_borrow(|memo| memo.get(s).cloned()) {
        return t;
    }
    let t = read_tokens(s);
    QUOTES.with_borrow_mut(|memo| memo.insert(s, t.clone(), KEPT_QUOTES_BYTES));
    t
}

/// Longest text whose [`tokens`] are remembered (a quote; a longer text is
/// rarely repeated).
const KEPT_QUOTE_BYTES: usize = 2048;

/// Most bytes of quote text [`tokens`] remembers per thread.
const KEPT_QUOTES_BYTES: usize = 16 * 1024;

/// [`tokens`], read afresh.
fn read_tokens(s: &str) -> Vec<Token> {
    // About one word per six bytes of a quote.
    let mut out: Vec<Token> = Vec::with_capacity(s.len() / 6 + 1);
    // The comparison form of the current word, built in one buffer.
    let mut norm = String::new();
    let mut brk = Break::None;
    let mut depth = 0usize;
    let mut dots = 0usize;
    for (_, piece) in word_bounds(s) {
        // Brackets, and parentheses inside a quote, hold the editor's words.
        if piece == "[" || piece == "(" {
            depth += 1;
            brk = Break::Gap;
            continue;
        }
        if piece == "]" || piece == ")" {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue;
        }
        if piece == "." {
            dots += 1;
            if dots >= 2 {
                brk = Break::Gap;
            } else if brk != Break::Gap {
                brk = Break::Sentence;
            }
            continue;
        }
        if !piece.trim().is_empty() {
            dots = 0;
        }
        match piece {
            "…" => brk = Break::Gap,
            "!" | "?" | ";" if brk != Break::Gap => brk = Break::Sentence,
            "," | ":" | "—" | "–" | "―" if brk == Break::None => brk = Break::Clause,
            "&" => push(&mut out, "&", "and", &mut brk),
            "%" => push(&mut out, "%", "percent", &mut brk),
            "$" | "€" | "£" | "¥" => push(&mut out, piece, &fold(piece), &mut brk),
            _ if piece.chars().any(char::is_alphanumeric) => {
                norm.clear();
                if piece.is_ascii() {
                    // `fold` of ASCII is lower case.
                    norm.extend(
                        piece
                            .bytes()
                            .filter(u8::is_ascii_alphanumeric)
                            .map(|b| char::from(b.to_ascii_lowercase())),
                    );
                } else {
                    norm.extend(fold(piece).chars().filter(|c| c.is_alphanumeric()));
                }
                if norm == "cent" && out.last().is_some_and(|t| t.norm() == "per") {
                    let last = out.last_mut().expect("checked");
                    *last = Token::new(&format!("{} cent", last.text()), "percent", last.brk);
                    continue;
                }
                push(&mut out, piece, &norm, &mut brk);
            }
            _ => {}
        }
    }
    out.shrink_to_fit();
    out
}

pub(super) fn push(out: &mut Vec<Token>, text: &str, norm: &str, brk: &mut Break) {
    out.push(Token::new(text, norm, *brk));
    *brk = Break::None;
}
