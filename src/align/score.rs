//! Pair scores per claim kind: how strongly two claims of different sources
//! state the same thing, or `None` when they do not.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::AlignOptions;
use crate::extract::{name, Claim, Data};
use crate::text::{Fx, STOPWORDS};
use crate::words::contains;

/// Units too general to identify a figure by themselves.
const GENERIC_UNITS: &[&str] = &["percent", "people", "time", "year", "day", "month", "week", "hour"];

/// Per-run facts the scores need: how often each source uses a figure unit
/// or a date shape (a thing a source mentions once needs less context).
pub struct Context<'a> {
    claims: &'a [Claim],
    opts: AlignOptions,
    counts: HashMap<(usize, String), usize>,
}

impl<'a> Context<'a> {
    pub fn new(claims: &'a [Claim], opts: AlignOptions) -> Self {
        let mut counts: HashMap<(usize, String), usize> = HashMap::new();
        for c in claims {
            if let Some(k) = count_key(c) {
                *counts.entry((c.source, k)).or_default() += 1;
            }
        }
        Context { claims, opts, counts }
    }

    pub fn unique(&self, c: &Claim) -> bool {
        count_key(c).is_some_and(|k| self.counts.get(&(c.source, k)) == Some(&1))
    }

    pub fn score(&self, i: usize, j: usize) -> Option<f64> {
        let (a, b) = (&self.claims[i], &self.claims[j]);
        if a.kind() != b.kind() {
            return None;
        }
        let unique = self.unique(a) && self.unique(b);
        match (&a.data, &b.data) {
            (Data::Quote(_), _) => quote(a, b, self.opts),
            (Data::Figure(_), _) => figure(a, b, unique, self.opts),
            (Data::Polarity(_), _) => polarity(a, b, self.opts),
            (Data::Date(_), _) => date(a, b, unique),
            (Data::Name(_), _) => names(a, b),
        }
    }
}

fn count_key(c: &Claim) -> Option<String> {
    match &c.data {
        Data::Figure(f) => f.unit_key.clone(),
        Data::Date(d) => Some(d.value.shape()),
        _ => None,
    }
}

fn quote(a: &Claim, b: &Claim, opts: AlignOptions) -> Option<f64> {
    let (qa, qb) = (a.quote()?, b.quote()?);
    let mut counts: HashMap<&str, i32, BuildHasherDefault<Fx>> = HashMap::default();
    for t in &qa.tokens {
        *counts.entry(t.norm()).or_default() += 1;
    }
    let mut shared = 0usize;
    let mut shared_content = 0usize;
    for t in &qb.tokens {
        if let Some(n) = counts.get_mut(t.norm()) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
                if !STOPWORDS.contains(t.norm()) {
                    shared_content += 1;
                }
            }
        }
    }
    let shorter = qa.tokens.len().min(qb.tokens.len()).max(1);
    let overlap = shared as f64 / shorter as f64;
    if overlap < opts.quote_min_overlap || shared_content < 2.min(shorter) || shared < 3.min(shorter) {
        return None;
    }
    // Two speakers who differ: only the same words (an outlet giving one
    // remark to the wrong person), not a shared idiom ("on the wrong side of
    // history"), make them one remark. (A speaker carried over from the
    // paragraph's earlier quote counts: the stricter test can only keep two
    // remarks apart.)
    // (A speaker only described, "a friend", is no one to differ from.)
    fn named(q: &crate::extract::QuoteData) -> Option<&crate::extract::Speaker> {
        // (nor is a body, which often speaks through a person another outlet names)
        q.speaker.as_ref().filter(|s| s.identified() && s.via != crate::extract::Via::Source)
    }
    let speakers_differ = matches!((named(qa), named(qb)), (Some(x), Some(y)) if x.key() != y.key());
    let least = if speakers_differ { MIN_RUN_SHARE_OTHER_SPEAKER } else { MIN_RUN_SHARE };
    if !same_remark(&qa.tokens, &qb.tokens, least) {
        return None;
    }
    let same_speaker = match (named(qa), named(qb)) {
        (Some(x), Some(y)) if x.key() == y.key() => 0.05,
        _ => 0.0,
    };
    // Half containment (a partial quote matches its source), half Dice (of
    // two candidates, the fuller match wins).
    let dice = 2.0 * shared as f64 / (qa.tokens.len() + qb.tokens.len()) as f64;
    Some(0.5 * overlap + 0.5 * dice + same_speaker)
}

/// Fewest words a quote needs to be aligned at all.
const MIN_SHORT_QUOTE: usize = 3;

/// Fewest words of a shared run that makes two quotes one remark.
const MIN_RUN: usize = 4;
/// Least share of the shorter quote that the shared run must cover.
const MIN_RUN_SHARE: f64 = 0.3;
/// The same, when the two quotes' speakers are named and differ.
const MIN_RUN_SHARE_OTHER_SPEAKER: f64 = 0.8;

/// Whether two quotes are one remark: they share a contiguous run of words
/// (as passage-reuse tools align text), not merely a bag of words. The
/// shorter quote lies whole inside the other, or the run has at least
/// [`MIN_RUN`] words, two of them content words, and covers
/// [`MIN_RUN_SHARE`] of the shorter quote.
///
/// Quotes that share a speaker and topic words ("I don't know" / "I sure
/// don't want a detail") are different remarks.
fn same_remark(a: &[crate::text::Token], b: &[crate::text::Token], least: f64) -> bool {
    let (run, at) = longest_run(a, b);
    let shorter = a.len().min(b.len());
    if shorter < MIN_SHORT_QUOTE {
        // A word or two ("crazy", "God") found in two quotes is not
        // evidence that they are one remark: it would chain any quotes
        // that happen to use it.
        return false;
    }
    if run == shorter {
        return true;
    }
    let content = a[at..at + run].iter().filter(|t| !STOPWORDS.contains(t.norm())).count();
    if run >= MIN_RUN && content >= 2 && run as f64 >= least * shorter as f64 {
        return true;
    }
    // A remark with a word changed or added every few words ("are alleged
    // to be [both] discriminators and victims"): its words in order still
    // cover most of the shorter quote.
    run >= MIN_RUN && in_order(a, b) as f64 >= least.max(MIN_IN_ORDER_SHARE) * shorter as f64
}

/// Least share of the shorter quote that the words two quotes have in
/// order must cover, when their longest shared run is short.
const MIN_IN_ORDER_SHARE: f64 = 0.7;

/// Length of the longest common subsequence of comparison forms (the
/// words two quotes have in the same order), on at most [`MAX_RUN_CELLS`].
fn in_order(a: &[crate::text::Token], b: &[crate::text::Token]) -> usize {
    let b = &b[..b.len().min(MAX_RUN_CELLS / a.len().max(1)).max(1.min(b.len()))];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x.norm() == y.norm() { diag + 1 } else { row[j + 1].max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Length of the longest run of equal comparison forms in `a` and `b`, and
/// where it starts in `a` (dynamic programming over one row).
///
/// Quotes are sentences, not documents: the product of their lengths is
/// small; a pair past [`MAX_RUN_CELLS`] is judged on its first words.
fn longest_run(a: &[crate::text::Token], b: &[crate::text::Token]) -> (usize, usize) {
    let b = &b[..b.len().min(MAX_RUN_CELLS / a.len().max(1)).max(1.min(b.len()))];
    let mut row = vec![0usize; b.len() + 1];
    let (mut best, mut at) = (0, 0);
    for (i, x) in a.iter().enumerate() {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x.norm() == y.norm() { diag + 1 } else { 0 };
            if row[j + 1] > best {
                best = row[j + 1];
                at = i + 1 - best;
            }
            diag = up;
        }
    }
    (best, at)
}

/// Most cells of the run table for one pair of quotes.
const MAX_RUN_CELLS: usize = 1 << 20;

/// The distinct words of a list, sorted (a set without a tree).
fn word_set<S: AsRef<str>>(words: &[S]) -> Vec<&str> {
    let mut set: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Shared stems of two word lists, and the share of the smaller they are.
fn overlap<S: AsRef<str>>(a: &[S], b: &[S]) -> (usize, f64) {
    let (sa, sb) = (word_set(a), word_set(b));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].cmp(sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = sa.len().min(sb.len());
    (shared, if smaller == 0 { 0.0 } else { shared as f64 / smaller as f64 })
}

fn figure(a: &Claim, b: &Claim, unique_units: bool, opts: AlignOptions) -> Option<f64> {
    let (fa, fb) = (a.figure()?, b.figure()?);
    if !units_match(fa.unit_key.as_deref(), fb.unit_key.as_deref()) {
        return None;
    }
    let unit_words: Vec<crate::text::Atom> =
        [&fa.unit, &fb.unit].into_iter().flatten().flat_map(|u| crate::text::content_words(u)).collect();
    let ca: Vec<&str> = a.context.iter().filter(|w| !unit_words.contains(*w)).map(|w| &**w).collect();
    let cb: Vec<&str> = b.context.iter().filter(|w| !unit_words.contains(*w)).map(|w| &**w).collect();
    let (shared, context) = overlap(&ca, &cb);
    let same_value = fa.value == fb.value && fa.high == fb.high;
    let key = fa.unit_key.as_deref().unwrap_or("");
    let specific =
        !key.is_empty() && !contains(GENERIC_UNITS, key) && key.len() != 3 && fa.unit_key == fb.unit_key;
    // What is counted is named next to the number: a sum's purchase, a
    // share's whole. To stand two different values against each other, a
    // general unit (dollars, percent, votes, years) needs two such words in
    // common, a specific one (fighters, women) one; equal values agree
    // whatever the words around them (a rewrite says "wage increase" where
    // the wire said "pay rise"), and a false agreement raises no alarm.
    let la: Vec<&str> = fa.frame.local.iter().filter(|w| !unit_words.contains(*w)).map(|w| &**w).collect();
    let lb: Vec<&str> = fb.frame.local.iter().filter(|w| !unit_words.contains(*w)).map(|w| &**w).collect();
    let (local, _) = overlap(&la, &lb);
    // One party's seats are not another's, whatever the sentences share;
    // only a thing described alike on both sides ("administered the 38-word
    // oath" / "took the 35-word oath administered by the chief justice")
    // outweighs two different subjects.
    if !fa.frame.claimants_agree(&fb.frame) || (!fa.frame.holders_agree(&fb.frame) && local < STRONG_LOCAL) {
        return None;
    }
    // Compared on their first letters: "expansion" / "expanding".
    fn prefix(w: &crate::text::Atom) -> &str {
        w.char_indices().nth(COUNTED_PREFIX).map_or(w, |(i, _)| &w[..i])
    }
    let ca: Vec<&str> = fa.frame.counted.iter().filter(|w| !unit_words.contains(*w)).map(prefix).collect();
    let cb: Vec<&str> = fb.frame.counted.iter().filter(|w| !unit_words.contains(*w)).map(prefix).collect();
    let (counted, _) = overlap(&ca, &cb);
    // What follows the number in its clause ("on fur capes", "vacation")
    // names the thing: two local words and one of those, or more local
    // words when the clause goes on differently ("a €250m expansion" /
    // "2.5 billion euros to enlarging").
    let framed = if specific {
        local >= 1
    } else {
        // Otherwise the values must look like one number misreported:
        // close, or the same digits at another scale ($1.2 million / $1.2
        // billion), not a $43,350 item against a $186,000 total.
        let counted_meet = counted >= 1 || ca.is_empty() || cb.is_empty();
        local >= MIN_LOCAL_SHARED && (counted_meet || slip(fa.value, fb.value))
    };
    if !same_value && !framed {
        return None;
    }
    // A modifier only one side gives the counted thing ("19 independent
    // steps" / "23 steps") makes two things, unless it says whose
    // ("Russian fighters"): different values of different things agree.
    if !same_value && unit_modifier_differs(fa.unit.as_deref(), fb.unit.as_deref()) {
        return None;
    }
    let aligned = match fa.unit_key {
        // With no unit, only a strongly shared context makes two numbers one figure.
        None => context >= 0.6 && shared >= 2,
        // The one figure of a specific unit in each source: the same thing.
        Some(_) if unique_units && specific => same_value || shared >= 1,
        Some(_) => (context >= opts.figure_min_context && shared >= 1) || shared >= 3,
    };
    if !aligned {
        return None;
    }
    Some(context + if same_value { 0.3 } else { 0.0 } + if unique_units { 0.1 } else { 0.0 })
}

/// Whether one unit phrase has a modifier (not an origin or party) the
/// other lacks: "independent steps" / "steps".
fn unit_modifier_differs(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let words = |u: &str| -> Vec<String> { u.split_whitespace().map(crate::text::fold).collect() };
    let (wa, wb) = (words(a), words(b));
    let extra = |x: &[String], y: &[String]| {
        x.iter().any(|w| {
            !y.contains(w)
                && !crate::extract::person::DESCRIPTOR_SET.contains(w.as_str())
                && !STOPWORDS.contains(w.as_str())
                && w.chars().all(char::is_alphabetic)
        })
    };
    wa.len() != wb.len() && (extra(&wa, &wb) || extra(&wb, &wa))
}

/// Whether two values look like one number misreported: within a factor
/// of [`MAX_SLIP_RATIO`], or with the same two leading significant digits.
///
/// ```text
/// 250e6 / 2.5e9 -> true; 1000 / 1200 -> true; 43350 / 186000 -> false
/// ```
fn slip(a: f64, b: f64) -> bool {
    let (lo, hi) = (a.abs().min(b.abs()), a.abs().max(b.abs()));
    if lo == 0.0 {
        return hi == 0.0;
    }
    let lead = |x: f64| {
        let scaled = x / 10f64.powf(x.log10().floor() - 1.0);
        scaled.round() as u32
    };
    hi / lo <= MAX_SLIP_RATIO || lead(lo) == lead(hi)
}

/// Largest ratio of two values that may be one figure misreported.
const MAX_SLIP_RATIO: f64 = 1.5;

/// Letters of a counted word compared (a light stem).
const COUNTED_PREFIX: usize = 5;

/// Local words shared that make two figures one thing whoever holds them.
const STRONG_LOCAL: usize = 3;

/// Local words two figures of a general unit share to count one thing.
const MIN_LOCAL_SHARED: usize = 2;

/// Same thing counted: equal keys, or people counted generally ("people")
/// and by what happened to them ("people:dead").
fn units_match(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if x != y => {
            let generic = |k: &str| k == "people";
            let people = |k: &str| k.starts_with("people:");
            (generic(x) && people(y)) || (people(x) && generic(y))
        }
        (x, y) => x == y,
    }
}

/// A marked clause and a clause that covers its scope. Two unmarked clauses
/// never pair: they make no claim to compare.
fn polarity(a: &Claim, b: &Claim, opts: AlignOptions) -> Option<f64> {
    let (pa, pb) = (a.polarity()?, b.polarity()?);
    if !pa.marked && !pb.marked {
        return None;
    }
    // Two people's positions, each reported: not one claim.
    if matches!((&pa.asserted_by, &pb.asserted_by), (Some(x), Some(y)) if x != y) {
        return None;
    }
    // The marked clause's predicate must be stated by the other: "no
    // contract" / "signed a contract" pair, "not affected" / "kept working"
    // do not (synonyms are beyond a word match, and a false alarm costs
    // more than a miss).
    let cover = |p: &crate::extract::PolarityData, stems: &[crate::text::Atom]| {
        let set = word_set(stems);
        let scope = word_set(&p.scope);
        let has = |w: &str| set.binary_search(&w).is_ok();
        let hit = scope.iter().filter(|s| has(s)).count();
        if p.head.as_deref().is_none_or(has) {
            (hit, hit as f64 / scope.len().max(1) as f64)
        } else {
            (0, 0.0)
        }
    };
    let (hit_a, cover_a) = if pa.marked { cover(pa, &pb.stems) } else { (0, 0.0) };
    let (hit_b, cover_b) = if pb.marked { cover(pb, &pa.stems) } else { (0, 0.0) };
    let (hit, c) = if cover_a >= cover_b { (hit_a, cover_a) } else { (hit_b, cover_b) };
    // The predicate is about the same thing: what follows it in the marked
    // clause ("did not pay *the ransom*") is stated by the other; a bare
    // verb ("did not speak at all") answers only a clause that adds at
    // most a word ("spoke on Friday", not "spoke with the minister and
    // congratulated her"): a different occasion otherwise.
    let (marked, other) = if cover_a >= cover_b { (pa, pb) } else { (pb, pa) };
    let about = if marked.complement.is_empty() {
        let own = word_set(&marked.stems);
        word_set(&other.stems).iter().filter(|w| own.binary_search(w).is_err()).count() <= 1
    } else {
        let theirs = word_set(&other.stems);
        marked.complement.iter().any(|w| theirs.binary_search(&&**w).is_ok())
    };
    if !about {
        return None;
    }
    // One proposition, not two that share a topic word or two: the clauses
    // share at least [`MIN_PROPOSITION_WORDS`] words, most of the shorter.
    let (shared, share) = overlap(&pa.stems, &pb.stems);
    let smaller = word_set(&pa.stems).len().min(word_set(&pb.stems).len());
    let one = shared >= MIN_PROPOSITION_WORDS.min(smaller) && share >= MIN_PROPOSITION_SHARE;
    (hit >= 2 && c >= opts.polarity_min_cover && one).then_some(c + 0.01 * hit as f64)
}

/// Fewest words two polarity clauses share to state one proposition, and
/// the least share of the shorter clause they are.
const MIN_PROPOSITION_WORDS: usize = 3;
const MIN_PROPOSITION_SHARE: f64 = 0.5;

/// Most years apart two "since" dates of one event are when misreported.
const MAX_YEAR_SLIP: i16 = 2;

fn date(a: &Claim, b: &Claim, unique: bool) -> Option<f64> {
    let (da, db) = (a.date()?, b.date()?);
    if da.value.shape() != db.value.shape() {
        return None;
    }
    // "said on Wednesday" dates a statement; "started on Tuesday" an event.
    if da.said != db.said {
        return None;
    }
    // A date dates an event: the word it is attached to ("apologized on
    // Friday", "published Sunday") must be the same, and the actors, when
    // both name them. Sharing a weekday and a topic is not enough.
    // Or the verb one attaches to is among the other's event words
    // ("met on Thursday" / "a meeting of ministers on Thursday").
    let attached = |x: &crate::extract::DateData, y: &crate::extract::DateData| {
        x.frame.verb.as_ref().is_some_and(|v| y.frame.anchors.contains(v))
    };
    // Two verbs that differ ("filed on Friday" / "released on Wednesday")
    // date two acts, whatever nouns the clauses share.
    let verbs_differ = match (&da.frame.verb, &db.frame.verb) {
        (Some(x), Some(y)) => !db.frame.anchors.contains(x) && !da.frame.anchors.contains(y),
        _ => false,
    };
    let same_event =
        !verbs_differ && (da.frame.event_anchors_meet(&db.frame) || attached(da, db) || attached(db, da));
    // The one "since 2012" of each source needs less when the years are
    // near (a misreported year is off by one or two; "held since 2016" and
    // "worst since 1991" are two events): a year bound is rarely said of two
    // events in one story, a weekday often is.
    let near_years =
        matches!((da.value.year, db.value.year), (Some(x), Some(y)) if (x - y).abs() <= MAX_YEAR_SLIP);
    let distinctive = unique && !da.value.shape().ends_with(":on") && near_years;
    if !(same_event || distinctive) || !da.frame.holders_agree(&db.frame) {
        return None;
    }
    let (shared, context) = overlap(&da.event, &db.event);
    let agree = !da.value.conflicts(&db.value);
    let aligned = (shared >= 2 && context >= 0.25) || (distinctive && shared >= 1);
    // Of two candidates, the one attached to the same word is the one.
    let direct = if da.frame.anchors_meet(&db.frame) { 0.5 } else { 0.0 };
    aligned.then_some(context + direct + if agree { 0.2 } else { 0.0 } + if unique { 0.1 } else { 0.0 })
}

fn names(a: &Claim, b: &Claim) -> Option<f64> {
    let (na, nb) = (a.name()?, b.name()?);
    if na.spelling == nb.spelling {
        Some(1.0)
    } else if name::variant(&na.spelling, &nb.spelling) {
        Some(0.9)
    } else {
        None
    }
}
