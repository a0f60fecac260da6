//! Zones: which paragraphs are the story and which are page furniture
//! (a headline, a standfirst-less title line, a byline, a subhead, a "Sign
//! up" box, a photo caption). Furniture compresses and inverts what the story
//! says ("X rejects veto" over "Y overrides veto"), so its claims are listed
//! but never stand against another source's claims.
//!
//! The rule reads only the paragraph's shape, never its words' meaning:
//! - the first paragraph is a headline when it is one short line (at most
//!   [`HEADLINE_WORDS`] words) that does not end a sentence with a full stop;
//! - any paragraph of at most [`SUBHEAD_WORDS`] words with no sentence end
//!   (`.`, `!`, `?`, possibly inside closing quotes or brackets) is a subhead,
//!   a byline or a box;
//! - a paragraph whose last line is a photo credit is a caption.
//!
//! ```
//! let text = "Minister Rejects Claims\n\nThe minister said on Monday that the claims were false.\n";
//! let seg = claimdiff::segment::segment(text);
//! assert_eq!(claimdiff::zone::furniture(text, &seg.paragraphs), vec![true, false]);
//! ```

use crate::span::Span;

/// Most words of a first-line headline.
pub const HEADLINE_WORDS: usize = 25;
/// Most words of a subhead, byline or box line anywhere.
pub const SUBHEAD_WORDS: usize = 12;

/// Per paragraph, whether it is furniture rather than story.
pub fn furniture(text: &str, paragraphs: &[Span]) -> Vec<bool> {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let para = &text[p.start..p.end];
            // (words counted only where a limit applies, and only as far
            // as it: most paragraphs end a sentence and are not the first)
            let ends = ends_sentence(para);
            let headline = i == 0
                && word_count(para, HEADLINE_WORDS + 1) <= HEADLINE_WORDS
                && !para.trim_end().contains('\n')
                && !ends_with_stop(para);
            let subhead = !ends && word_count(para, SUBHEAD_WORDS + 1) <= SUBHEAD_WORDS;
            let caption = para.lines().last().is_some_and(crate::segment::is_credit_line);
            headline || subhead || caption
        })
        .collect()
}

/// The number of whitespace-separated words of `para`, counted no further
/// than `limit`: [`str::split_whitespace`], with ASCII bytes (most of any
/// text) classed without decoding (the char-wise split was the slow part
/// of segmenting a document).
fn word_count(para: &str, limit: usize) -> usize {
    let bytes = para.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            // (`char::is_whitespace` of ASCII: vertical tab included)
            (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'), 1)
        } else {
            let c = para[i..].chars().next().expect("i is a char boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            if words >= limit {
                return limit;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// Closing marks that may follow a sentence's last stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
}

/// Whether the paragraph ends a sentence (`.`, `!`, `?`, `…`, possibly
/// inside closing quotes or brackets).
fn ends_sentence(para: &str) -> bool {
    let last = para.trim_end().trim_end_matches(is_closer).chars().last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'))
}

/// Whether the paragraph ends with a full stop (a headline may end with a
/// question or an exclamation, never with a full stop).
fn ends_with_stop(para: &str) -> bool {
    let text = para.trim_end().trim_end_matches(is_closer);
    // "... From the I.R.S.": an abbreviation's point, not a full stop.
    let word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let initials = word.len() >= 4
        && word.split_terminator('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    matches!(text.chars().last(), Some('.' | '…' | ':' | ';')) && !initials
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<bool> {
        let seg = crate::segment::segment(text);
        furniture(text, &seg.paragraphs)
    }

    /// The byte-wise count is the char-wise one, up to its limit.
    #[test]
    fn word_count_is_split_whitespace() {
        let pieces =
            ["a", "bc", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "é", ".", "\u{2003}"];
        for s in crate::text::test_texts(&pieces, 20_000, 12) {
            for limit in [1, 3, 26] {
                assert_eq!(word_count(&s, limit), s.split_whitespace().take(limit).count(), "{s:?}");
            }
        }
    }

    #[test]
    fn title_line_is_a_headline() {
        assert_eq!(zones("Council Overrides Veto on Rents\n\nThe council voted on Monday.\n"), [true, false]);
        assert_eq!(zones("Will the Council Act?\n\nThe council voted on Monday.\n"), [true, false]);
    }

    #[test]
    fn a_headline_ending_in_initials_is_a_headline() {
        assert_eq!(
            zones("Couples Get Recognition From the I.R.S.\n\nThe agency said on Thursday it would act.\n"),
            [true, false]
        );
    }

    #[test]
    fn a_short_lead_sentence_is_story() {
        assert_eq!(zones("The council voted on Monday.\n\nIt met again.\n"), [false, false]);
    }

    #[test]
    fn byline_and_sign_up_box_are_furniture() {
        let text = "Rents Rise\n\nBy Ana Lima\n\nRents rose by 4% in May, the agency said.\n\nSign up for our daily newsletter\n";
        assert_eq!(zones(text), [true, true, false, true]);
    }

    #[test]
    fn quoted_paragraph_ending_in_closing_quote_is_story() {
        assert_eq!(zones("Rents Rise\n\n\u{201c}We will act.\u{201d}\n"), [true, false]);
    }

    #[test]
    fn caption_with_credit_is_furniture() {
        let text = "Rents Rise\n\nThe mayor at City Hall on Monday. Photo: Tribune\n\nRents rose in May, the agency said.\n";
        assert_eq!(zones(text), [true, true, false]);
    }

    #[test]
    fn a_long_first_paragraph_without_a_stop_is_story() {
        let long = "word ".repeat(30);
        assert_eq!(zones(&format!("{long}\n\nThe end.\n")), [false, false]);
    }
}
