//! Names: the people, organisations and places a document names, one claim
//! per distinct spelling (a bare surname folded into the full name it
//! belongs to), for spotting the same name spelled two ways across sources.

use std::cell::RefCell;

use crate::extract::person::{names_in, Name};
use crate::segment::Segmented;
use crate::text::{atom, fold, remembered, Atom, FastSet, Memo};

/// The comparison form of a name: folded (case, diacritics), hyphens and
/// apostrophes as spaces, so "al-Qaeda" = "al Qaeda" and "Korvïn" = "Korvin".
///
/// ```
/// use claimdiff::extract::name::spelling;
/// assert_eq!(spelling("Al-Qaïda"), spelling("al Qaida"));
/// ```
pub fn spelling(name: &str) -> String {
    let folded: String = fold(name).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    // Particles ("al", "de", "van") come and go with style: "al Qassim",
    // "Qassim" and "al-Qassim" are one spelling.
    let kept: Vec<&str> = words.iter().copied().filter(|w| !crate::extract::person::is_particle(w)).collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// [`spelling`] as an atom, remembered per name (on this thread): a
/// document names the same people again and again.
pub(crate) fn spelling_atom(name: &str) -> Atom {
    thread_local! {
        static SPELLINGS: RefCell<Memo<Atom>> = RefCell::default();
    }
    remembered(&SPELLINGS, name, |n| atom(&spelling(n)))
}

/// Shortest name word that can be misspelled meaningfully.
const MIN_WORD: usize = 4;

/// Distinct names of a document, in order of first mention.
pub fn names(seg: &Segmented) -> Vec<Name> {
    distinct(seg.paragraphs.iter().flat_map(|p| names_in(&seg.flat, *p)).collect())
}

/// [`names`], given every name mention of the document in order.
pub fn distinct(all: Vec<Name>) -> Vec<Name> {
    distinct_spelled(all).into_iter().map(|(n, _)| n).collect()
}

/// [`distinct`], each name with its [`spelling`].
pub(crate) fn distinct_spelled(all: Vec<Name>) -> Vec<(Name, Atom)> {
    let spelled: Vec<(Name, Atom)> = all
        .into_iter()
        .map(|n| {
            let s = spelling_atom(&n.name);
            (n, s)
        })
        .collect();
    let multi: FastSet<&str> =
        spelled.iter().filter(|(n, _)| n.token_count() >= 2).flat_map(|(_, s)| s.split(' ')).collect();
    let keep: Vec<bool> = {
        let mut seen: FastSet<&str> = FastSet::default();
        spelled
            .iter()
            .map(|(n, s)| {
                n.name.chars().count() >= MIN_WORD
                    // A bare surname (or first name) of a full name is not a name of its own.
                    && (n.token_count() >= 2 || !multi.contains(&**s))
                    && seen.insert(s)
            })
            .collect()
    };
    spelled.into_iter().zip(keep).filter_map(|(ns, k)| k.then_some(ns)).collect()
}

/// Whether two spellings name the same thing written differently: the same
/// number of words, each equal or a near miss (at most two edits, similar
/// overall), at least one different.
///
/// ```
/// use claimdiff::extract::name::variant;
/// assert!(variant("idrissa ouedraogo", "idrisa ouedraogo"));
/// assert!(variant("macina", "massina"));
/// assert!(!variant("amadou ouedraogo", "idrissa ouedraogo"));
/// assert!(!variant("idrissa ouedraogo", "idrissa ouedraogo"));
/// ```
pub fn variant(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let mut differs = false;
    for (x, y) in wa.iter().zip(&wb) {
        if x == y {
            continue;
        }
        let near = x.chars().count() >= MIN_WORD
            && y.chars().count() >= MIN_WORD
            && x.chars().next() == y.chars().next()
            && strsim::levenshtein(x, y) <= 2
            && strsim::jaro_winkler(x, y) >= 0.85
            && !plural_of(x, y);
        if !near {
            return false;
        }
        differs = true;
    }
    differs
}

/// "Redline" / "Redlines", "Zambia" / "Zambian", "Velmoran" / "Velmora",
/// "Democrat" / "Democratic", "Mexico" / "Mexican": one stem with two
/// endings is an inflection, a demonym or an adjective, not a spelling.
fn plural_of(x: &str, y: &str) -> bool {
    let common = x.chars().zip(y.chars()).take_while(|(a, b)| a == b).count();
    if common < MIN_STEM {
        return false;
    }
    let tail = |w: &str| w.chars().skip(common).collect::<String>();
    let (tx, ty) = (tail(x), tail(y));
    DERIVATION_TAILS.contains(&tx.as_str()) && DERIVATION_TAILS.contains(&ty.as_str())
}

/// Shortest shared stem of two derived forms of one word.
const MIN_STEM: usize = 4;

/// Endings that make another form of the same word (after the shared stem).
const DERIVATION_TAILS: &[&str] = &[
    "", "s", "es", "n", "an", "ans", "ian", "ians", "ese", "i", "is", "ns", "a", "o", "ic", "ics", "ical",
    "ism", "ist", "ists", "ite", "ites", "er", "ers", "ish",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_forms_of_one_word_are_not_spellings() {
        for (a, b) in [
            ("democrat", "democratic"),
            ("democrats", "democratic"),
            ("mexico", "mexican"),
            ("zambia", "zambian"),
        ] {
            assert!(!variant(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_changed_letter_is_a_spelling() {
        assert!(variant("stacy", "stacey"));
        assert!(variant("abdoulaye diop", "abdulaye diop"));
    }
}
