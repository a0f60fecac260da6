//! Frames: what a figure or a date is about, read from the words of its own
//! clause. Two claims that share a unit noun or a weekday are not the same
//! claim when their frames differ: seats a party *holds* against seats
//! another party *lost*, a statement issued on Thursday against a different
//! statement on Saturday. Alignment compares these fields; it never reads
//! the sentence again (STYLE 18).
//!
//! - the **clause** of a claim: its sentence's words between the nearest
//!   punctuation or clause-opening word ([`FRAME_BOUNDARIES`]) either side;
//! - the **holders**: the head of each capitalised run before the claim in
//!   its clause ("House Democrats have lost 60 seats": `democrat`), titles,
//!   honorifics and suffixes aside ([`NOT_HOLDER_HEADS`]);
//! - the **anchors**: the nearest lower-case content word either side of the
//!   claim in its clause, times of day skipped ("had to apologize Saturday":
//!   `apolog`), which for a date is the event it dates.

use crate::extract::polarity::{is_irregular_past, stem_atom};
use crate::extract::word::Word;
use crate::span::Span;
use std::sync::LazyLock;

use crate::text::{Atom, Lexicon, STOPWORDS};
use crate::words::{
    AUXILIARIES, CLAIMANT_CLASSES, CLAIMANT_NOUNS, FRAME_BOUNDARIES, MONTHS, NOT_HOLDER_HEADS, PREPOSITIONS,
    TIME_OF_DAY, WEEKDAYS,
};

// The lists a frame asks of every word of a claim's clause, as sets.
static BOUNDARY_WORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[FRAME_BOUNDARIES]));
static NOT_HOLDER: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[NOT_HOLDER_HEADS]));
static CLAIMANTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[CLAIMANT_NOUNS]));
static GOVERNING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[PREPOSITIONS]));
static AUXILIARY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[AUXILIARIES]));
static TIMES_OF_DAY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[TIME_OF_DAY]));
static DATE_WORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[WEEKDAYS, MONTHS]));
static LIGHT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[crate::words::LIGHT_VERBS]));

/// Who holds a claim and what it is attached to (stems). Boxed slices: a
/// large run holds tens of thousands of frames.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    pub holders: Box<[Atom]>,
    /// Who gives the figure when the text says so with a common noun
    /// ("police said", "organisers claimed"): [`CLAIMANT_NOUNS`] in the
    /// claim's clause, or in a closing "..., police said".
    pub claimants: Box<[Atom]>,
    pub anchors: Box<[Atom]>,
    /// The verb of the clause before the claim, when it has one (also an
    /// anchor).
    pub verb: Option<Atom>,
    /// The content words nearest the claim in its sentence ([`LOCAL_WORDS`]
    /// either side, names included): what a sum buys, what a share is of.
    pub local: Box<[Atom]>,
    /// Those of them after the claim in its own clause ("$5,150 on fur
    /// capes", "74 percent of promised benefits"): what is counted.
    pub counted: Box<[Atom]>,
}

/// Content words either side of a claim that make its local frame.
pub const LOCAL_WORDS: usize = 4;

/// Whether two lists have a word in common, or either is empty.
fn meet(a: &[Atom], b: &[Atom]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|h| b.contains(h))
}

impl Frame {
    /// Whether two frames can be one claim's: when both name holders, they
    /// share one.
    pub fn holders_agree(&self, other: &Frame) -> bool {
        meet(&self.holders, &other.holders) && self.claimants_agree(other)
    }

    /// Whether two figures can come from one claimant: when both name one
    /// (police, organisers), it is the same.
    pub fn claimants_agree(&self, other: &Frame) -> bool {
        meet(&self.claimants, &other.claimants)
    }

    /// Whether the two claims are attached to the same word (when both are
    /// attached to any).
    pub fn anchors_meet(&self, other: &Frame) -> bool {
        self.anchors.iter().any(|a| other.anchors.contains(a))
    }

    /// [`Frame::anchors_meet`] on a word that names one event: a statement,
    /// an interview or a speech is given again and again ("a statement late
    /// Thursday" / "a rare Saturday statement"), so sharing only such a
    /// word is not one event.
    pub fn event_anchors_meet(&self, other: &Frame) -> bool {
        // (anchors are light stems: "statem" for "statement")
        let repeated = |a: &str| a.len() >= 4 && REPEATED_EVENTS.iter().any(|e| e.starts_with(a));
        self.anchors.iter().any(|a| other.anchors.contains(a) && !repeated(a))
    }
}

/// Nouns of events that recur in one story (see [`Frame::event_anchors_meet`]).
const REPEATED_EVENTS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "speech",
    "speeches",
    "remarks",
    "tweet",
    "tweets",
    "post",
    "posts",
    "briefing",
    "briefings",
    "appearance",
    "call",
    "calls",
    "comments",
    "message",
    "messages",
    "rally",
    "rallies",
    "visit",
    "visits",
    "meeting",
    "meetings",
];

fn boundary(w: &Word) -> bool {
    (w.is_punct()
        && !matches!(&*w.text, "'" | "’" | "‘" | "\"" | "“" | "”" | "-" | "$" | "%" | "€" | "£" | "." | "&"))
        || BOUNDARY_WORDS.contains(w.lower())
}

/// A sentence longer than this (bytes) is read only [`NEAR_BYTES`] either
/// side of a claim for its clause, as its text is carried (see
/// `extract`): a run-on line of megabytes without punctuation would
/// otherwise be read whole once per claim. News sentences are read whole.
const LONG_SENTENCE: usize = 2_000;
const NEAR_BYTES: usize = 400;

/// The words of `ws` (a sentence's, in order) the clause of `span` is
/// looked for in.
fn near<'w, 'a>(ws: &'w [Word<'a>], span: Span) -> &'w [Word<'a>] {
    let (Some(a), Some(b)) = (ws.first(), ws.last()) else { return ws };
    if b.span.end - a.span.start <= LONG_SENTENCE {
        return ws;
    }
    let lo = ws.partition_point(|w| w.span.end + NEAR_BYTES <= span.start);
    let hi = ws.partition_point(|w| w.span.start < span.end + NEAR_BYTES).max(lo);
    &ws[lo..hi]
}

/// The range of `ws` (a sentence's words) that is the clause of `span`.
fn clause(ws: &[Word], span: Span) -> (usize, usize, usize) {
    let first = ws.iter().position(|w| w.span.end > span.start).unwrap_or(ws.len());
    let last = ws.iter().rposition(|w| w.span.start < span.end).map_or(first, |i| i + 1).max(first);
    let start = ws[..first].iter().rposition(boundary).map_or(0, |i| i + 1);
    let end = ws[last..].iter().position(boundary).map_or(ws.len(), |i| last + i);
    (start, first, end.max(last))
}

/// Whether a word after a capitalised run makes the run a subject: an
/// auxiliary or a past form ("have", "will", "filed").
fn verb_like(w: &Word) -> bool {
    let l = w.lower();
    !w.is_punct() && (AUXILIARY.contains(l) || (l.len() > 4 && l.ends_with("ed")) || is_irregular_past(l))
}

fn is_date_word(l: &str) -> bool {
    DATE_WORDS.contains(l)
}

/// [`CLAIMANT_NOUNS`] in `ws[start..end]` (the claim's clause), or, when
/// there are none, in the sentence's last clause if it is an attribution
/// ("..., police said").
fn claimants(ws: &[Word], start: usize, end: usize) -> Vec<Atom> {
    // A claimant is written as a common noun: "police", or "Police" opening
    // its sentence; "Northgate General Hospital" is a name.
    let common = |r: &[Word], i: usize| {
        let w = &r[i];
        CLAIMANTS.contains(w.lower())
            && (!w.is_name_word() || i == 0 || r[i - 1].is_punct() || matches!(r[i - 1].lower(), "the" | "a"))
            && !r.get(i + 1).is_some_and(|n| n.is_name_word() && !n.is_punct())
    };
    let nouns = |r: &[Word]| -> Vec<Atom> {
        fn class(l: &str) -> &str {
            CLAIMANT_CLASSES.iter().find(|(_, words)| words.contains(&l)).map_or(l, |(name, _)| name)
        }
        let mut v: Vec<Atom> =
            (0..r.len()).filter(|&i| common(r, i)).map(|i| stem_atom(class(r[i].lower()))).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let own = nouns(&ws[start..end]);
    if !own.is_empty() || end >= ws.len() {
        return own;
    }
    let last = ws.iter().rposition(boundary).map_or(0, |i| i + 1).max(end);
    let tail = &ws[last..];
    if tail.len() <= 6 && tail.iter().any(|w| crate::words::is_speech_verb(w.lower())) {
        nouns(tail)
    } else {
        Vec::new()
    }
}

/// The heads of the capitalised runs of `ws[start..end]` that are the
/// subject of a verb, sorted.
fn holders_in(ws: &[Word], start: usize, first: usize) -> Vec<Atom> {
    let mut holders = Vec::new();
    let mut run_head: Option<&Word> = None;
    // Whether the current run follows a preposition ("the plant in
    // Saarlouis will": the plant acts, not Saarlouis).
    let mut governed = false;
    let mut in_run = false;
    for (i, w) in ws[start..first].iter().enumerate() {
        let name = w.is_name_word() && !w.is_punct();
        let counts = name && !NOT_HOLDER.contains(w.lower()) && !is_date_word(w.lower());
        // A capitalised first word of the sentence is a holder only when it
        // is not a common word written with a capital.
        let sentence_initial = start + i == 0 && STOPWORDS.contains(w.lower());
        if counts && !sentence_initial {
            if !in_run {
                // "to The New York Times": look past the article.
                let before = ws[..start + i].iter().rev().find(|p| !matches!(p.lower(), "the" | "a" | "an"));
                governed = before.is_some_and(|p| GOVERNING.contains(p.lower()));
                in_run = true;
            }
            if !governed {
                run_head = Some(w);
            }
        } else if run_head.is_some()
            && w.lower() == "of"
            && ws.get(start + i + 1).is_some_and(Word::is_name_word)
        {
            // "The Farmers' Bloc of Anna Ilves ended": the run before
            // "of" is the subject; the name after it only qualifies it.
            in_run = true;
            governed = true;
            continue;
        } else if !(name || &*w.text == ".") {
            in_run = false;
            // A run is a holder when it is the subject of a verb ("Portugal
            // will spend", "House Democrats have lost"), not a modifier
            // ("Porto's airport") or an object.
            if let Some(h) = run_head.take() {
                if verb_like(w) {
                    holders.push(stem_atom(h.lower()));
                }
            }
        }
    }
    holders.sort_unstable();
    holders.dedup();
    holders
}

/// The frame of the claim at `span`, among its sentence's words `ws`.
///
/// ```
/// use claimdiff::extract::{frame::frame, word::words};
/// use claimdiff::span::Span;
/// let s = "House Democrats have also lost nearly 60 seats.";
/// let ws = words(s, Span::new(0, s.len()));
/// let f = frame(&ws, Span::new(37, 39));
/// assert_eq!(f.holders.len(), 1);
/// assert_eq!(&*f.anchors[0], &*claimdiff::extract::polarity::stem("lost"));
/// ```
pub fn frame(ws: &[Word], span: Span) -> Frame {
    let ws = near(ws, span);
    let (start, first, end) = clause(ws, span);
    let mut holders = holders_in(ws, start, first);
    if holders.is_empty() && end < ws.len() && ws[end].is_punct() {
        // A fronted date or figure ("In an interview Tuesday, Mr. Ryan
        // said"): the subject is the next clause's.
        let next = ws[end + 1..].iter().position(boundary).map_or(ws.len(), |i| end + 1 + i);
        holders = holders_in(ws, end + 1, next);
    }
    let content = |w: &&Word| {
        let l = w.lower();
        !w.is_punct()
            && !w.is_name_word()
            && l.chars().count() > 2
            && l.chars().all(char::is_alphabetic)
            && !STOPWORDS.contains(l)
            && !TIMES_OF_DAY.contains(l)
            && !is_date_word(l)
    };
    let inside = |w: &Word| w.span.start < span.end && w.span.end > span.start;
    let left = ws[start..first].iter().rev().find(content);
    let right = ws[first..end].iter().filter(|w| !inside(w)).find(content);
    // The verb of the clause before the claim ("ended the siege early on
    // Monday": `end`, not only `siege`).
    let verb = (start..first).rev().find(|&i| {
        let l = ws[i].lower();
        // "took effect" / "came into force": a light verb carries no event.
        !LIGHT.contains(&crate::extract::polarity::stem(l))
            && content(&&ws[i])
            && (verb_like(&ws[i])
                || is_irregular_past(l)
                || (i > start && AUXILIARY.contains(ws[i - 1].lower())))
    });
    let verb = verb.map(|i| stem_atom(ws[i].lower()));
    // The clause's own words before the claim ("the airline has operated
    // since 2012": `airline`, `operat`), up to [`LOCAL_WORDS`].
    let before = ws[start..first].iter().rev().filter(content).take(LOCAL_WORDS);
    let mut anchors: Vec<Atom> = verb
        .iter()
        .cloned()
        .chain(left.into_iter().chain(before).chain(right).map(|w| stem_atom(w.lower())))
        .collect();
    anchors.sort_unstable();
    anchors.dedup();
    let near = |w: &&Word| {
        let l = w.lower();
        !w.is_punct()
            && !inside(w)
            && l.chars().count() > 2
            && l.chars().any(char::is_alphabetic)
            && !STOPWORDS.contains(l)
    };
    let after = |to: usize| -> Vec<Atom> {
        ws[first..to].iter().filter(near).take(LOCAL_WORDS).map(|w| stem_atom(w.lower())).collect()
    };
    let timeless =
        |w: &&Word| !TIMES_OF_DAY.contains(w.lower()) && !is_date_word(w.lower()) && w.lower() != "month";
    // The claim's own noun counts too ("$43,350 watch").
    let own_noun =
        |w: &&Word| inside(w) && w.lower().chars().all(char::is_alphabetic) && w.lower().chars().count() > 2;
    let mut counted: Vec<Atom> = ws[first..end]
        .iter()
        .filter(|w| near(w) || own_noun(w))
        .filter(|w| !STOPWORDS.contains(w.lower()))
        .filter(timeless)
        .take(LOCAL_WORDS)
        .map(|w| stem_atom(w.lower()))
        .collect();
    let mut local: Vec<Atom> =
        ws[..first].iter().rev().filter(near).take(LOCAL_WORDS).map(|w| stem_atom(w.lower())).collect();
    local.extend(after(ws.len()));
    for v in [&mut local, &mut counted] {
        v.sort_unstable();
        v.dedup();
    }
    let claimants = claimants(ws, start, end);
    Frame {
        holders: holders.into(),
        claimants: claimants.into(),
        anchors: anchors.into(),
        verb,
        local: local.into(),
        counted: counted.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::word::words;

    fn frame_of(s: &str, claim: &str) -> Frame {
        let at = s.find(claim).expect("claim in sentence");
        frame(&words(s, Span::new(0, s.len())), Span::new(at, at + claim.len()))
    }

    #[test]
    fn holders_of_two_parties_differ() {
        let a = frame_of("Republicans are on track to hold at least 240 seats in the House.", "240 seats");
        let b = frame_of("House Democrats have also lost nearly 60 seats over six years.", "60 seats");
        assert!(!a.holders_agree(&b), "{a:?} {b:?}");
    }

    #[test]
    fn titles_and_suffixes_are_not_holders() {
        let a = frame_of("Former Rep. Jesse Jackson Jr. has bought a $43,000 watch.", "$43,000");
        assert_eq!(&*a.holders, [stem_atom("jackson")]);
    }

    #[test]
    fn police_and_organisers_give_different_estimates() {
        let a = frame_of("About 5,000 people joined the march on Saturday, police said.", "5,000");
        let b = frame_of("Organisers say 20,000 people marched on Saturday.", "20,000");
        assert!(!a.holders_agree(&b), "{a:?} {b:?}");
        let c = frame_of("Police put the crowd at about 5,000, while organisers claimed 30,000.", "30,000");
        assert!(c.holders_agree(&b), "{c:?} {b:?}");
    }

    #[test]
    fn a_name_after_a_preposition_is_not_a_holder() {
        let a = frame_of("Her remarks to The Daily Ledger published Sunday drew fire.", "Sunday");
        assert!(a.holders.is_empty(), "{a:?}");
    }

    #[test]
    fn the_subject_before_of_is_the_holder() {
        let a = frame_of("The Farmers' Bloc of Anna Ilves ended up with 98 seats.", "98 seats");
        let b = frame_of("The Green League won 31 seats.", "31 seats");
        assert_eq!(&*a.holders, [stem_atom("bloc")]);
        assert!(!a.holders_agree(&b), "{a:?} {b:?}");
    }

    #[test]
    fn a_modifier_is_not_a_holder() {
        let a = frame_of("Porto's Campanha airport will get a $250m expansion.", "$250m");
        assert!(a.holders.is_empty(), "{a:?}");
    }

    #[test]
    fn a_list_item_has_its_own_clause() {
        let a = frame_of("Jackson bought a $40 hat, and a $50 scarf.", "$50");
        assert!(a.holders.is_empty(), "{a:?}");
    }

    #[test]
    fn anchors_are_the_event_words_next_to_a_date() {
        let a = frame_of("The aide had to apologize Saturday for the post.", "Saturday");
        let b = frame_of("A staffer on Friday apologized for a post.", "Friday");
        assert!(a.anchors_meet(&b), "{a:?} {b:?}");
        let c = frame_of("In a statement Wednesday night, the hospital said more.", "Wednesday");
        let d = frame_of("Thursday night, the hospital issued a statement.", "Thursday");
        assert!(!c.anchors_meet(&d), "{c:?} {d:?}");
    }
}
