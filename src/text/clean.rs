//! The display form of a span: whitespace folded, a word hyphenated
//! across a line break rejoined.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The display form of `s`: each run of whitespace shown as one space, a word
/// hyphenated across a line break rejoined, a byte-order mark dropped.
///
/// The hyphen is kept (`conflict-` + `ridden` -> `conflict-ridden`) unless the
/// joined word occurs elsewhere in the document (`known`), which shows the
/// hyphen was only a line-break split.
///
/// ```
/// use claimdiff::text::clean;
/// assert_eq!(clean("a  deal to\nsend  troops", None), "a deal to send troops");
/// assert_eq!(clean("war-\n  torn", None), "war-torn");
/// ```
pub fn clean(s: &str, known: Option<&HashSet<String>>) -> String {
    clean_with(s, |w| known.is_some_and(|k| k.contains(w)))
}

/// [`clean`] with the known words as a predicate, so a caller can build the
/// word set only when a line-break hyphen asks for it.
pub(crate) fn clean_with(s: &str, known: impl Fn(&str) -> bool) -> String {
    if already_clean(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\u{feff}' || c == '\u{ad}' {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c == '-' && !pending_space && out.chars().last().is_some_and(char::is_alphabetic) {
            if let Some(skip) = line_break_after(&s[i + 1..]) {
                let rest = &s[i + 1 + skip..];
                if rest.chars().next().is_some_and(char::is_lowercase) {
                    let left: String = word_suffix(&out);
                    let right: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                    let joined = format!("{left}{right}").to_lowercase();
                    if !known(&joined) {
                        out.push('-');
                    }
                    while chars.peek().is_some_and(|(j, _)| *j < i + 1 + skip) {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// If `s` starts with optional spaces, a line break and optional spaces,
/// the byte length of that run.
/// Whether [`clean`] leaves `s` as it is: no whitespace but single inner
/// spaces, no byte-order mark or soft hyphen (and so no line break for a
/// hyphen to be joined across). Most claims' text is one line.
pub(super) fn already_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Printable ASCII (most claim text) only needs its spaces single: two
    // passes without early exits, which the compiler vectorises.
    let printable = bytes.iter().fold(true, |ok, b| ok & (b' '..=b'~').contains(b));
    if printable {
        let next = bytes.get(1..).unwrap_or_default();
        return !bytes.iter().zip(next).fold(false, |twice, (a, b)| twice | (*a == b' ' && *b == b' '));
    }
    let mut prev_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii() {
            if b == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
                continue;
            }
            if b.is_ascii_whitespace() || b == 0x0b {
                return false;
            }
        } else if b >= 0xC0 {
            let c = s[i..].chars().next().expect("a lead byte starts a char");
            if c.is_whitespace() || c == '\u{feff}' || c == '\u{ad}' {
                return false;
            }
        }
        prev_space = false;
    }
    true
}

pub(super) fn line_break_after(s: &str) -> Option<usize> {
    let ws: usize = s.chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum();
    s[..ws].contains('\n').then_some(ws)
}

pub(super) fn word_suffix(s: &str) -> String {
    let mut w: Vec<char> = s.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    w.reverse();
    w.into_iter().collect()
}

/// Lower-case words of a document, for [`clean`]'s hyphenation decision.
pub fn word_set(text: &str) -> HashSet<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}
