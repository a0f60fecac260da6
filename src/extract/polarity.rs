//! Polarity: clauses that say something is or is not so. A clause with a
//! negation cue ("there was no contract"), a denial verb ("denied any
//! links") or an affirmation verb ("confirmed", "signed") is a marked claim;
//! an even number of cues affirms ("did not deny that talks took place").
//! Every other factual clause is kept, unmarked, as a possible counterpart,
//! so "Velmora signed a contract with Redline" can answer "there was no contract
//! with Redline". Claims align by what they are about (their content stems),
//! not by their wording.

use std::cell::RefCell;
use std::sync::LazyLock;

use serde::Serialize;

use super::PolarityData;
use crate::extract::word::{words, DocWords, Word};
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{atom, fold, lemma, remembered, Atom, Lexicon, Memo};
use crate::words::{
    contains, AFFIRM_VERBS, CLAUSE_OPENERS, COPULAS, DENIAL_VERBS, DENIED_STATEMENTS, EVENT_SYNONYMS,
    HYPOTHETICAL_OPENERS, LIGHT_VERBS, NEGATION_CUES, NON_ASSERTIVE, REFUSAL_VERBS, REPORTING_VERBS,
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
    pub data: PolarityData,
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
    if let Some((_, base)) = IRREGULAR_PASTS.iter().find(|(past, _)| *past == w) {
        return (*base).to_string();
    }
    let mut s = w.as_str();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(t) = s.strip_suffix(suffix) {
            if t.chars().count() >= 3 {
                s = t;
                break;
            }
        }
    }
    let s: String = s.chars().take(6).collect();
    EVENT_SYNONYMS.iter().find(|(w, _)| *w == s).map_or(s, |(_, canon)| (*canon).to_string())
}

/// Whether a word (lower case) is an irregular past form ("met", "flown").
pub(crate) fn is_irregular_past(w: &str) -> bool {
    IRREGULAR_PASTS.iter().any(|(past, _)| *past == w)
}

/// Irregular past forms, so "paid" and "did not pay" meet.
const IRREGULAR_PASTS: &[(&str, &str)] = &[
    ("paid", "pay"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("held", "hold"),
    ("left", "leave"),
    ("sent", "send"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("found", "find"),
    ("kept", "keep"),
    ("fought", "fight"),
    ("bought", "buy"),
    ("sold", "sell"),
    ("won", "win"),
    ("lost", "lose"),
    ("met", "meet"),
    ("struck", "strike"),
    ("began", "begin"),
    ("begun", "begin"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fled", "flee"),
    ("forgot", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("grew", "grow"),
    ("known", "know"),
    ("knew", "know"),
    ("led", "lead"),
    ("lent", "lend"),
    ("meant", "mean"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("saw", "see"),
    ("seen", "see"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("swore", "swear"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("wrote", "write"),
    ("written", "write"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("broke", "break"),
    ("broken", "break"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("signed", "sign"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("sang", "sing"),
    ("heard", "hear"),
    ("shook", "shake"),
    ("wore", "wear"),
    ("sank", "sink"),
];

/// Words that are never what a clause is about, as one set.
static NOT_CONTENT: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&[STOPWORDS, REPORTING_VERBS, LIGHT_VERBS, DENIAL_VERBS]));
static NEGATION: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[NEGATION_CUES]));
static DENIAL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[DENIAL_VERBS]));
static AFFIRM: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[AFFIRM_VERBS]));

fn is_content(w: &Word) -> bool {
    let l = w.lower();
    !w.is_punct()
        && l.chars().count() > 2
        && l.chars().any(char::is_alphabetic)
        && !NOT_CONTENT.contains(l)
        && !is_negation(l)
}

fn is_negation(l: &str) -> bool {
    NEGATION.contains(l) || l.ends_with("n't") || l.ends_with("n’t")
}

/// [`stem`] as an atom, remembered per word (on this thread).
pub(crate) fn stem_atom(w: &str) -> Atom {
    thread_local! {
        static STEMS: RefCell<Memo<Atom>> = RefCell::default();
    }
    remembered(&STEMS, w, |w| atom(&stem(w)))
}

/// What a clause's reading asks of one word. It depends only on the word
/// as written, so it is found once per written form (per thread): reports
/// of one event say the same words again and again.
#[derive(Clone)]
struct Lex {
    /// The word's stem, when the word is a content word ([`is_content`]).
    stem: Option<Atom>,
    negation: bool,
    denial: bool,
    affirm: bool,
    refusal: bool,
    opener: bool,
}

fn lex(w: &Word) -> Lex {
    thread_local! {
        static LEX: RefCell<Memo<Lex>> = RefCell::default();
    }
    remembered(&LEX, &w.text, |text| {
        let l = w.lower();
        Lex {
            stem: is_content(w).then(|| stem_atom(text)),
            negation: is_negation(l),
            denial: DENIAL.contains(l),
            affirm: AFFIRM.contains(l),
            refusal: contains(REFUSAL_VERBS, l),
            opener: contains(CLAUSE_OPENERS, l),
        }
    })
}

/// The stems of the clause at `span` of `text`, as [`polarities`] found
/// them (the clause read again from the original text).
pub(crate) fn clause_stems(text: &str, span: Span) -> Vec<Atom> {
    let flat = crate::segment::flatten(&text[span.start..span.end]);
    words(&flat, Span::new(0, flat.len())).iter().filter_map(|w| lex(w).stem).collect()
}

/// Clauses of one sentence, as ranges of its words: split at punctuation
/// and clause openers.
fn clauses(ws: &[Word], lx: &[Lex]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        let boundary_punct = w.is_punct() && !matches!(&*w.text, "'" | "’" | "-" | "$" | "%" | "€" | "£");
        let opener = i > start && lx[i].opener;
        if boundary_punct || opener {
            if i > start {
                out.push(start..i);
            }
            start = if boundary_punct { i + 1 } else { i };
        }
    }
    if start < ws.len() {
        out.push(start..ws.len());
    }
    out
}

/// The polarity claims of one document.
pub fn polarities(seg: &Segmented) -> Vec<RawPolarity> {
    polarities_in(seg, &DocWords::new(seg), true)
}

/// [`polarities`], with the document's words already found; the unmarked
/// clauses only when `unmarked` (they are counterparts for alignment, and
/// a listing of claims leaves them out).
pub fn polarities_in(seg: &Segmented, doc_words: &DocWords, unmarked: bool) -> Vec<RawPolarity> {
    use rayon::prelude::*;
    // Sentences are read in parallel (one long document uses every core),
    // a block at a time, in order.
    let mut out = Vec::new();
    for block in seg.sentences.chunks(256) {
        let found: Vec<Vec<RawPolarity>> = block
            .par_iter()
            .with_min_len(16)
            .map(|sentence| sentence_polarities(seg, doc_words, sentence.span, unmarked))
            .collect();
        out.extend(found.into_iter().flatten());
    }
    out
}

/// [`polarities_in`] of one sentence.
fn sentence_polarities(
    seg: &Segmented,
    doc_words: &DocWords,
    span: Span,
    unmarked: bool,
) -> Vec<RawPolarity> {
    let mut out = Vec::new();
    let text = &seg.flat[span.start..span.end];
    if text.trim_end().ends_with('?') {
        return out;
    }
    if !unmarked && !MARK_HINT.is_match(text) {
        return out;
    }
    let ws = doc_words.sentence(span);
    if !unmarked && !ws.iter().any(|w| may_mark(w.lower())) {
        return out;
    }
    let lx: Vec<Lex> = ws.iter().map(lex).collect();
    let mut asserter: Option<Option<String>> = None;
    // (found once: asked of every clause for all the words before it, it
    // was quadratic in a long sentence)
    let first_non_assertive = ws.iter().position(non_assertive).unwrap_or(ws.len());
    for r in clauses(&ws, &lx) {
        let hypothetical_before = first_non_assertive < r.start;
        if let Some(mut p) = clause_polarity(hypothetical_before, &ws[r.clone()], &lx[r]) {
            if unmarked || p.data.marked {
                p.data.asserted_by = asserter.get_or_insert_with(|| asserted_by(&ws)).clone();
                out.push(p);
            }
        }
    }
    out
}

/// The person whose statement a sentence reports: the name before its
/// speech verb ("Ann Roe said that ...", "..., Ann Roe insisted"), as a
/// surname key.
fn asserted_by(ws: &[Word]) -> Option<String> {
    (1..ws.len()).find_map(|v| {
        let w = &ws[v];
        if w.is_capitalised() || !crate::words::is_speech_verb(w.lower()) {
            return None;
        }
        let mut j = v - 1;
        while j > 0 && matches!(ws[j].lower(), "has" | "had" | "have" | "also" | "again" | "later" | ",") {
            j -= 1;
        }
        let name = crate::extract::person::name_ending_at(ws, j).filter(|n| !n.possessive)?;
        Some(crate::extract::person::surname_key(&name.name))
    })
}

/// Cues and affirmation verbs as one set, asked first of every word when
/// only marked clauses are wanted: a sentence without one has none.
static MARKERS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(&[NEGATION_CUES, DENIAL_VERBS, AFFIRM_VERBS, REFUSAL_VERBS]));

/// What every sentence holding a word [`may_mark`] accepts contains, read
/// on the sentence's text in one pass (most sentences have none, and are
/// spared reading their words): a marker as an ASCII word in any case,
/// "n't" with any apostrophe fold makes one, "rul"; and, where the text
/// might spell a marker otherwise, a character beyond ASCII that could
/// fold into a letter (all but the typographic quotes and dashes, the
/// no-break space and the ellipsis), an underscore (a word character to
/// the pattern's boundaries, not to the word reader), or a dash before a
/// space (a word hyphenated across a line break is read rejoined).
static MARK_HINT: LazyLock<regex::Regex> = LazyLock::new(|| {
    let markers = [NEGATION_CUES, DENIAL_VERBS, AFFIRM_VERBS, REFUSAL_VERBS].concat().join("|");
    let pattern =
        format!(r"(?i)(?-u:\b)(?:{markers})(?-u:\b)|n['`‘’‚‛]t|rul|_|[-–—]\s|[^\x00-\x7F“”‘’–—…«»\u{{a0}}]");
    regex::Regex::new(&pattern).expect("static regex")
});

/// Whether the word (folded) can make a clause marked ([`clause_polarity`]'s cues).
fn may_mark(l: &str) -> bool {
    // MARKERS holds the negation cues: `is_negation` less its set look-up.
    MARKERS.contains(l) || l.ends_with("n't") || l.ends_with("n’t") || l.starts_with("rul")
}

/// Whether "without" after these words says what its subject lacks
/// ("households were still without power"), not which ones ("members
/// without police protection").
fn predicative(before: &[Word]) -> bool {
    let mut back = before.iter().rev().filter(|w| !matches!(w.lower(), "still" | "also" | "now" | "largely"));
    back.next().is_some_and(|w| contains(COPULAS, w.lower()))
}

/// Whether the words after a denial verb are a statement it denies ("denied
/// that ...", "denied paying", "rejected the allegations"), not a thing it
/// refuses ("rejected a subpoena", "deny service to gays"): refusing a
/// thing asserts nothing another outlet could contradict.
fn denies_statement(after: &[Word]) -> bool {
    let mut rest = after.iter().skip_while(|w| {
        matches!(
            w.lower(),
            "the" | "a" | "an" | "any" | "all" | "those" | "these" | "his" | "her" | "their" | "its"
        )
    });
    match rest.next() {
        Some(w) => {
            let l = w.lower();
            l == "that" || l.ends_with("ing") || contains(DENIED_STATEMENTS, l)
        }
        None => false,
    }
}

/// Whether a word makes what follows it in its sentence a plan, a
/// possibility or a condition ([`NON_ASSERTIVE`]).
fn non_assertive(w: &Word) -> bool {
    NON_ASSERTIVE_SET.contains(w.lower())
}

/// [`NON_ASSERTIVE`] as a set: asked of every word of every sentence.
static NON_ASSERTIVE_SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[NON_ASSERTIVE]));

/// The polarity of one clause; `hypothetical_before` says whether the rest
/// of its sentence before it holds a non-assertive word. A clause under a
/// condition, a question word, a modal or a plan ("whether ... or a bid to
/// deny", "if there is no response", "would not support", "is set to
/// override") asserts nothing and is no claim.
fn clause_polarity(hypothetical_before: bool, clause: &[Word], lx: &[Lex]) -> Option<RawPolarity> {
    let first = clause.first()?;
    if contains(HYPOTHETICAL_OPENERS, first.lower()) {
        return None;
    }
    let later = |i: usize, word: &str| clause[i + 1..].iter().any(|w| w.lower() == word);
    let next_is = |i: usize, word: &str| clause.get(i + 1).is_some_and(|w| w.lower() == word);
    let cues: Vec<usize> = (0..clause.len())
        .filter(|&i| {
            let x = &lx[i];
            // "did not finish until Wednesday" dates the event; "not only"
            // adds to it: neither denies it.
            let temporal = x.negation
                && (later(i, "until") || next_is(i, "only") || next_is(i, "just") || next_is(i, "merely"));
            let rule_out = clause[i].lower().starts_with("rul") && next_is(i, "out");
            // "refused to pay" denies; "every slot refused" does not.
            let refusal = x.refusal && next_is(i, "to");
            // A cue with nothing after it in its clause ("No. 3", "he did
            // not.") governs nothing.
            let last = i + 1 == clause.len();
            (x.negation && !temporal && !last)
                || (clause[i].lower() == "without" && predicative(&clause[..i]))
                || (x.denial && denies_statement(&clause[i + 1..]))
                || rule_out
                || refusal
        })
        .collect();
    let affirm = lx.iter().position(|x| x.affirm);
    // Up to the cue (the whole clause when there is none): nothing may
    // make it hypothetical.
    let upto = cues.first().copied().or(affirm).unwrap_or(clause.len());
    if hypothetical_before || clause[..upto].iter().any(non_assertive) {
        return None;
    }
    let stems: Vec<Atom> = lx.iter().filter_map(|x| x.stem.clone()).collect();
    let span = clause[0].span.cover(&clause[clause.len() - 1].span);
    let (polarity, marked, scope_from) = match (cues.first(), affirm) {
        (Some(&c), _) => {
            let p = if cues.len() % 2 == 1 { Polarity::Denied } else { Polarity::Affirmed };
            (p, true, Some(c))
        }
        (None, Some(a)) => (Polarity::Affirmed, true, Some(a)),
        (None, None) => (Polarity::Affirmed, false, None),
    };
    let after: Vec<Atom> = match scope_from {
        Some(c) => clause[c + 1..]
            .iter()
            .zip(&lx[c + 1..])
            .filter(|(w, _)| w.lower() != "out")
            .filter_map(|(_, x)| x.stem.clone())
            .collect(),
        None => Vec::new(),
    };
    // The predicate a cue governs: its first content word ("no contract",
    // "has not paid"); a counterpart must state it too.
    let head = after.first().cloned();
    let complement = after.iter().skip(1).cloned().collect();
    let narrow = after.len() >= MIN_STEMS;
    let scope = if narrow { after } else { stems.clone() };
    if scope.len() < MIN_STEMS || (!marked && stems.len() < MIN_STEMS + 1) {
        return None;
    }
    Some(RawPolarity {
        span,
        data: PolarityData { polarity, marked, scope, stems, head, narrow, complement, asserted_by: None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// A sentence with a word that may mark a clause always passes the
    /// hint: on texts of markers in any case and spelling, contractions,
    /// words around them, accents, underscores and hyphenated line breaks.
    #[test]
    fn the_mark_hint_passes_every_marked_sentence() {
        let pieces = [
            "not",
            "NOT",
            "Not",
            "nót",
            "no\u{301}t",
            "no",
            "denied",
            "DENIED",
            "de-\nnied",
            "de- nied",
            "don't",
            "don’t",
            "don`t",
            "don‘t",
            "ruled",
            "Rules",
            "signed",
            "fails",
            "n",
            "t",
            "'",
            "’",
            "_",
            "-",
            "—",
            " ",
            " ",
            " ",
            ".",
            ",",
            "“",
            "”",
            "…",
            "\u{a0}",
            "word",
            "note",
            "know",
            "ﬁ",
            "ǹot",
            "é",
            "nobody's",
        ];
        for text in crate::text::test_texts(&pieces, 20_000, 8) {
            let seg = crate::segment::segment(&text);
            let dw = DocWords::new(&seg);
            for sentence in &seg.sentences {
                let ws = dw.sentence(sentence.span);
                if ws.iter().any(|w| may_mark(w.lower())) {
                    let s = &seg.flat[sentence.span.start..sentence.span.end];
                    assert!(MARK_HINT.is_match(s), "{s:?} in {text:?}");
                }
            }
        }
    }

    fn marked(text: &str) -> Vec<(Polarity, Vec<String>)> {
        polarities(&segment(text))
            .into_iter()
            .filter(|p| p.data.marked)
            .map(|p| (p.data.polarity, p.data.scope.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn denial_and_its_scope() {
        let m = marked("Ouedraogo said there was no contract with Redline.");
        assert_eq!(m, [(Polarity::Denied, vec![stem("contract"), stem("Redline")])]);
    }

    #[test]
    fn refusing_a_thing_is_not_denying_a_statement() {
        assert!(marked("Flynn rejected a subpoena from the Senate committee.").is_empty());
        assert_eq!(marked("The ministry denied that talks took place in Rome.")[0].0, Polarity::Denied);
        assert_eq!(marked("The ministry rejected the allegations of fraud in Rome.")[0].0, Polarity::Denied);
    }

    #[test]
    fn a_number_abbreviation_is_not_a_negation() {
        assert!(marked("He moved up from No. 3 in the party leadership.").is_empty());
    }

    #[test]
    fn double_negation_affirms() {
        let m = marked("The ministry did not deny that talks took place in Rome.");
        assert_eq!(m[0].0, Polarity::Affirmed);
    }

    #[test]
    fn conditions_and_questions_are_not_claims() {
        assert!(marked("If they do not pay the contract lapses.").is_empty());
        assert!(marked("Why was there no contract with Redline?").is_empty());
        assert!(
            marked("Whether that means a fight or a bid to deny him the post remains unclear.").is_empty()
        );
        assert!(marked("Burr added that if there is no response, the panel may act.").is_empty());
        assert!(marked("He said he would not support the lawsuit.").is_empty());
    }

    #[test]
    fn unmarked_clauses_are_kept_as_counterparts() {
        let all = polarities(&segment("Velmora signed a contract with Redline in May."));
        assert_eq!(all.len(), 1);
        assert!(all[0].data.marked, "signed is an affirmation verb");
        let all = polarities(&segment("Police fired tear gas at the crowd."));
        assert!(!all[0].data.marked);
    }
}
