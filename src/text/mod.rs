//! Text normalisation shared by the stages: the cleaned display form of a span
//! (whitespace folded, line-break hyphenation rejoined), the folded comparison
//! form (case, diacritics, typographic quotes and dashes), and word tokens.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock};

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

mod atom;
mod clean;
mod folding;
mod hash;
mod lexicon;
mod token;
mod words;

pub use atom::*;
pub use clean::*;
pub use folding::*;
pub use hash::*;
pub use lexicon::*;
pub use token::*;
pub use words::*;

/// Test that `ascii`, a pattern with ASCII word boundaries, captures exactly
/// what `unicode` does on every generated text where
/// [`ascii_boundaries_suffice`] (and that most texts qualify).
#[cfg(test)]
pub(crate) fn assert_ascii_variant_agrees(
    ascii: &regex::Regex,
    unicode: &regex::Regex,
    pieces: &[&str],
    len: usize,
) {
    let spans = |re: &regex::Regex, s: &str| -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(s).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()).collect()
    };
    let mut checked = 0;
    for s in test_texts(pieces, 20_000, len) {
        if ascii_boundaries_suffice(&s) {
            checked += 1;
            assert_eq!(spans(ascii, &s), spans(unicode, &s), "{s:?}");
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Pseudo-random texts for tests that hold a fast path to the general one:
/// `count` strings of `len` pieces each, drawn from `pieces` (xorshift,
/// fixed seed: the same strings every run).
#[cfg(test)]
pub(crate) fn test_texts(pieces: &[&str], count: usize, len: usize) -> Vec<String> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..count).map(|_| (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lexicon holds exactly its lists' words: every entry, and no probe
    /// that is not one (near misses by length, first bytes and last byte).
    #[test]
    fn lexicon_membership_is_the_lists() {
        use crate::words::{NON_NAME_CAPITALS, TITLE_WORDS};
        let lex = Lexicon::new(&[TITLE_WORDS, NON_NAME_CAPITALS]);
        let listed = |w: &str| TITLE_WORDS.contains(&w) || NON_NAME_CAPITALS.contains(&w);
        let mut probes: Vec<String> = vec![String::new(), "é".into(), "x".repeat(70)];
        for w in TITLE_WORDS.iter().chain(NON_NAME_CAPITALS) {
            probes.push((*w).to_string());
            probes.push(format!("{w}s"));
            probes.push(w[..w.len() - 1].to_string());
            probes.push(w[1..].to_string());
            probes.push(w.to_uppercase());
            probes.push(format!("{w}\u{e9}"));
        }
        probes.extend(test_texts(&["a", "m", "in", "ster", "e", "é", "’", "the"], 3000, 3));
        let mut hits = 0;
        for p in &probes {
            assert_eq!(lex.contains(p), listed(p), "{p:?}");
            hits += usize::from(listed(p));
        }
        assert!(hits >= TITLE_WORDS.len(), "{hits}");
    }

    /// A piece of combining marks only folds to an empty comparison form,
    /// which a token keeps (it is not its written form).
    #[test]
    fn empty_comparison_form_stays_empty() {
        let t = tokens("abc \u{93f}def");
        assert!(t.iter().any(|t| t.norm().is_empty() && !t.text().is_empty()), "{t:?}");
        let t = Token::new(" \u{64e}", "", Break::None);
        assert_eq!((t.text(), t.norm()), (" \u{64e}", ""));
    }

    /// What [`already_clean`] passes, the full cleaning leaves as it is.
    #[test]
    fn already_clean_text_is_what_clean_leaves_alone() {
        let alphabet: Vec<char> = "ab -\n\t\u{a0}\u{feff}\u{ad}’\u{2009}é".chars().collect();
        let mut stack = vec![String::new()];
        let mut passed = 0;
        while let Some(s) = stack.pop() {
            if already_clean(&s) {
                passed += 1;
                assert_eq!(clean(&s, None), s, "{s:?}");
            }
            if s.chars().count() < 5 {
                for c in &alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
        }
        assert!(passed > 1_000, "{passed}");
    }

    /// [`word_bounds`] splits ASCII text exactly as `split_word_bounds`:
    /// every string of up to four characters over an alphabet with a
    /// character of each word-break class (and one the fast path leaves to
    /// the general algorithm), and long pseudo-random ones.
    #[test]
    fn ascii_word_bounds_match_the_general_algorithm() {
        let alphabet: Vec<char> = "aZ7:.,;'_ \r\n\u{b}\t-\"(‘’“”—–…é".chars().collect();
        let check = |s: &str| {
            let ours: Vec<(usize, &str)> = word_bounds(s).collect();
            let theirs: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
            assert_eq!(ours, theirs, "{s:?}");
        };
        let mut stack = vec![String::new()];
        while let Some(s) = stack.pop() {
            check(&s);
            if s.chars().count() < 4 {
                for c in &alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
        }
        let chars: Vec<String> = alphabet.iter().map(char::to_string).collect();
        let pieces: Vec<&str> = chars.iter().map(String::as_str).collect();
        for s in test_texts(&pieces, 5_000, 40) {
            check(&s);
        }
    }

    #[test]
    fn clean_drops_hyphen_when_the_joined_word_is_known() {
        let known: HashSet<String> = ["negotiations".to_string()].into();
        assert_eq!(clean("nego-\ntiations began", Some(&known)), "negotiations began");
    }

    /// The straightforward form of [`fold`] the fast paths must agree with.
    fn fold_reference(s: &str) -> String {
        s.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
                c => c,
            })
            .flat_map(|c| match c {
                'ø' => vec!['o'],
                'æ' => vec!['a', 'e'],
                'œ' => vec!['o', 'e'],
                'ß' => vec!['s', 's'],
                'ł' => vec!['l'],
                'đ' | 'ð' => vec!['d'],
                'ı' => vec!['i'],
                'þ' => vec!['t', 'h'],
                _ => vec![c],
            })
            .collect()
    }

    #[test]
    fn fold_fast_paths_match_the_reference() {
        let samples = [
            "Plain ASCII, with `backticks` and UPPER case 1,000!",
            "Korvin’s “deal” — ok",
            "ØRSTED Æsir Œuvre Straße Łódź Đorđe ıI Þór",
            "ﬁ ½ Ａ \u{a0}\u{202f}\u{2009}\u{2212}\u{2010}\u{b4}\u{2033}",
            "e\u{301} İstanbul ΣΑΣ",
            "",
        ];
        for s in samples {
            assert_eq!(fold(s), fold_reference(s), "{s:?}");
        }
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert_eq!(fold(&all), fold_reference(&all));
    }

    #[test]
    fn partial_folds_agree_with_the_whole() {
        let unit = "Ab\u{a8} \u{301}É ß\u{37a}  x,\u{a0}Σ ";
        for n in 0..60 {
            let s: String = unit.chars().cycle().skip(n % 7).take(n * 3).collect();
            for min in [0, 3, 9] {
                let (whole, tail, head) = (fold(&s), fold_tail(&s, min), fold_head(&s, min));
                assert!(whole.ends_with(&tail) && (tail == whole || tail.trim_end().len() > min), "{s:?}");
                assert!(
                    whole.starts_with(&head) && (head == whole || head.trim_start().len() > min),
                    "{s:?}"
                );
            }
        }
        assert_eq!(last_chars("abcdef", 2), "ef");
        assert_eq!(first_chars("aé€d", 3), "aé€");
        assert_eq!(last_chars("ab", 5), "ab");
    }

    #[test]
    fn tokens_fold_typography() {
        let a: Vec<_> = tokens("“Don’t go,” al-Qaeda").iter().map(|t| t.norm().to_string()).collect();
        let b: Vec<_> = tokens("\"Don't go,\" al Qaeda").iter().map(|t| t.norm().to_string()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn sentence_breaks_are_recorded() {
        let t = tokens("We stay. We fight, now");
        assert_eq!(t[2].brk, Break::Sentence);
        assert_eq!(t[4].brk, Break::Clause);
    }
}
