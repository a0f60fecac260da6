//! The comparison form of text (case, diacritics, typographic marks folded),
//! light singulars, and folding at the edges of long strings.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The comparison form: lower case, diacritics removed, typographic quotes,
/// apostrophes and dashes folded to plain ones.
///
/// ```
/// use claimdiff::text::fold;
/// assert_eq!(fold("Korvin’s “deal” — ok"), "korvin's \"deal\" - ok");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // NFKD, combining marks and the typographic table leave ASCII alone
        // except for case and the backtick.
        let lower = s.to_ascii_lowercase();
        return if lower.contains('`') { lower.replace('`', "'") } else { lower };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            c => c,
        };
        // Letters NFKD does not decompose.
        match c {
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            c => out.push(c),
        }
    }
    out
}

/// A crude singular: enough to make "fighters" and "fighter" one key.
///
/// ```
/// use claimdiff::text::lemma;
/// assert_eq!(lemma("fighters"), "fighter");
/// assert_eq!(lemma("casualties"), "casualty");
/// assert_eq!(lemma("news"), "news");
/// ```
pub fn lemma(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w != "news" {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Replace control characters (ANSI escapes among them) with visible
/// `\u{..}` escapes, so source text cannot act on a terminal or a CI log.
///
/// ```
/// use claimdiff::text::neutralize;
/// assert_eq!(neutralize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
/// ```
pub fn neutralize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The first `n` characters of `s`.
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The last `n` characters of `s`.
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    match n.checked_sub(1).and_then(|k| s.char_indices().rev().nth(k)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Extra characters folded beyond what a check reads, so that a character
/// folding to whitespace cannot starve it.
pub(super) const FOLD_MARGIN: usize = 16;

/// `fold(s)` as far as a check of its last `min` bytes (after trailing
/// whitespace) and the character before them needs: the fold of a tail of
/// `s`, or of all of it. [`fold`] works character by character, so it can
/// be cut before any ASCII character (a figure in a 50,000-number sentence
/// would otherwise fold the whole sentence before it).
pub(crate) fn fold_tail(s: &str, min: usize) -> String {
    let body = s.trim_end();
    let mut seen = 0;
    let mut cut = 0;
    for (i, c) in body.char_indices().rev() {
        seen += 1;
        if seen > min + FOLD_MARGIN && c.is_ascii() {
            cut = i;
            break;
        }
    }
    if cut > 0 {
        let f = fold(&s[cut..]);
        if f.trim_end().len() > min {
            return f;
        }
    }
    fold(s)
}

/// `fold(s)` as far as a check of its first `min` bytes (after leading
/// whitespace) and the character after them needs (see [`fold_tail`]).
pub(crate) fn fold_head(s: &str, min: usize) -> String {
    let lead = s.len() - s.trim_start().len();
    let mut seen = 0;
    let cut = s[lead..].char_indices().map(|(i, c)| (lead + i, c)).find(|&(_, c)| {
        seen += 1;
        seen > min + FOLD_MARGIN + 1 && c.is_ascii()
    });
    if let Some((cut, _)) = cut {
        let f = fold(&s[..cut]);
        if f.trim_start().len() > min {
            return f;
        }
    }
    fold(s)
}
