//! Polarity: clauses that say something is or is not so. A clause with a
//! negation cue ("there was no contract"), a denial verb ("denied any
//! links") or an affirmation verb ("confirmed", "signed") is a marked claim;
//! an even number of cues affirms ("did not deny that talks took place").
//! Every other factual clause is kept, unmarked, as a possible counterpart,
//! so "Mali signed a contract with Wagner" can answer "there was no contract
//! with Wagner". Claims align by what they are about (their content stems),
//! not by their wording.

use serde::Serialize;

use crate::extract::person::{words, Word};
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{fold, lemma};
use crate::words::{
    contains, AFFIRM_VERBS, CLAUSE_OPENERS, DENIAL_VERBS, HYPOTHETICAL_OPENERS, NEGATION_CUES, SPEECH_VERBS,
    STOPWORDS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Affirmed,
    Denied,
}

/// A clause and what it says is or is not so.
#[derive(Debug, Clone, PartialEq)]
pub struct RawPolarity {
    pub span: Span,
    pub polarity: Polarity,
    /// Whether a cue marked the clause (unmarked clauses only answer marked ones).
    pub marked: bool,
    /// Stems of what the clause is about: for a marked clause, the words in
    /// the scope of its cue (with the subject when the scope is short).
    pub scope: Vec<String>,
    /// Stems of the whole clause.
    pub stems: Vec<String>,
}

/// Fewest content stems a clause needs to be compared at all.
const MIN_STEMS: usize = 2;

/// A crude stem for matching across inflections: "signed"/"signing"/"signs"
/// -> "sign", "contracts" -> "contract" (cut to six letters).
///
/// ```
/// use claimdiff::extract::polarity::stem;
/// assert_eq!(stem("signed"), stem("signing"));
/// assert_eq!(stem("Contracts"), stem("contract"));
/// ```
pub fn stem(w: &str) -> String {
    let w = lemma(&fold(w));
    let mut s = w.as_str();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(t) = s.strip_suffix(suffix) {
            if t.chars().count() >= 3 {
                s = t;
                break;
            }
        }
    }
    s.chars().take(6).collect()
}

fn is_content(w: &Word) -> bool {
    let l = w.lower();
    !w.is_punct()
        && l.chars().count() > 2
        && l.chars().any(char::is_alphabetic)
        && !contains(STOPWORDS, &l)
        && !contains(SPEECH_VERBS, &l)
        && !is_negation(&l)
        && !contains(DENIAL_VERBS, &l)
}

fn is_negation(l: &str) -> bool {
    contains(NEGATION_CUES, l) || l.ends_with("n't") || l.ends_with("n’t")
}

/// Clauses of one sentence: split at punctuation and clause openers.
fn clauses(ws: &[Word]) -> Vec<&[Word]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        let boundary_punct =
            w.is_punct() && !matches!(w.text.as_str(), "'" | "’" | "-" | "$" | "%" | "€" | "£");
        let opener = i > start && contains(CLAUSE_OPENERS, &w.lower());
        if boundary_punct || opener {
            if i > start {
                out.push(&ws[start..i]);
            }
            start = if boundary_punct { i + 1 } else { i };
        }
    }
    if start < ws.len() {
        out.push(&ws[start..]);
    }
    out
}

/// The polarity claims of one document.
pub fn polarities(seg: &Segmented) -> Vec<RawPolarity> {
    let mut out = Vec::new();
    for sentence in &seg.sentences {
        let text = &seg.flat[sentence.span.start..sentence.span.end];
        if text.trim_end().ends_with('?') {
            continue;
        }
        let ws = words(&seg.flat, sentence.span);
        for clause in clauses(&ws) {
            if let Some(p) = clause_polarity(clause) {
                out.push(p);
            }
        }
    }
    out
}

fn clause_polarity(clause: &[Word]) -> Option<RawPolarity> {
    let first = clause.first()?;
    if contains(HYPOTHETICAL_OPENERS, &first.lower()) {
        return None;
    }
    let cues: Vec<usize> = (0..clause.len())
        .filter(|&i| {
            let l = clause[i].lower();
            is_negation(&l) || contains(DENIAL_VERBS, &l)
        })
        .collect();
    let affirm = clause.iter().position(|w| contains(AFFIRM_VERBS, &w.lower()));
    let stems: Vec<String> = clause.iter().filter(|w| is_content(w)).map(|w| stem(&w.text)).collect();
    let span = clause[0].span.cover(&clause[clause.len() - 1].span);
    let (polarity, marked, scope_from) = match (cues.first(), affirm) {
        (Some(&c), _) => {
            let p = if cues.len() % 2 == 1 { Polarity::Denied } else { Polarity::Affirmed };
            (p, true, Some(c))
        }
        (None, Some(a)) => (Polarity::Affirmed, true, Some(a)),
        (None, None) => (Polarity::Affirmed, false, None),
    };
    let scope: Vec<String> = match scope_from {
        Some(c) => {
            let after: Vec<String> =
                clause[c + 1..].iter().filter(|w| is_content(w)).map(|w| stem(&w.text)).collect();
            if after.len() >= MIN_STEMS {
                after
            } else {
                stems.clone()
            }
        }
        None => stems.clone(),
    };
    if scope.len() < MIN_STEMS || (!marked && stems.len() < MIN_STEMS + 1) {
        return None;
    }
    Some(RawPolarity { span, polarity, marked, scope, stems })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn marked(text: &str) -> Vec<(Polarity, Vec<String>)> {
        polarities(&segment(text)).into_iter().filter(|p| p.marked).map(|p| (p.polarity, p.scope)).collect()
    }

    #[test]
    fn denial_and_its_scope() {
        let m = marked("Diop said there was no contract with Wagner.");
        assert_eq!(m, [(Polarity::Denied, vec![stem("contract"), stem("Wagner")])]);
    }

    #[test]
    fn double_negation_affirms() {
        let m = marked("The ministry did not deny that talks took place in Rome.");
        assert_eq!(m[0].0, Polarity::Affirmed);
    }

    #[test]
    fn conditions_and_questions_are_not_claims() {
        assert!(marked("If they do not pay the contract lapses.").is_empty());
        assert!(marked("Why was there no contract with Wagner?").is_empty());
    }

    #[test]
    fn unmarked_clauses_are_kept_as_counterparts() {
        let all = polarities(&segment("Mali signed a contract with Wagner in May."));
        assert_eq!(all.len(), 1);
        assert!(all[0].marked, "signed is an affirmation verb");
        let all = polarities(&segment("Police fired tear gas at the crowd."));
        assert!(!all[0].marked);
    }
}
