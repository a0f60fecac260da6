//! Speaker attribution as a sequence of sieves, most reliable first: a name
//! (or pronoun, or "the minister") beside a speech verb after the quote, then
//! the subject of a speech verb before it, then "according to", then the
//! speaker of the quote just before when a paragraph continues the exchange.
//! Pronouns, bare surnames and titles resolve to the nearest named person.

use std::cmp::Reverse;

use crate::extract::person::{name_ending_at, name_starting_at, surname_key, Name, TITLES};
use crate::extract::quote::RawQuote;
use crate::extract::word::{DocWords, Word};
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{FastMap, FastSet};
use crate::words::{contains, ORG_WORDS, PERSONAL_PRONOUNS};

/// How a speaker was found; later sieves are less certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// a name beside a speech verb
    Named,
    /// a pronoun or title resolved to a named person
    Resolved,
    /// carried over from the previous quote of the exchange
    Continued,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Full name as the source gives it.
    pub name: String,
    /// The mention the attribution used, when there is one.
    pub span: Option<Span>,
    pub via: Via,
}

impl Speaker {
    pub fn key(&self) -> String {
        surname_key(&self.name)
    }
}

/// What the words beside a speech verb point at.
enum Subject {
    Name(Name),
    Pronoun(usize),
    Title(String, usize),
}

/// Words that may stand between a subject and its speech verb.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "had",
    "has",
    "have",
    "once",
    "further",
    "previously",
    "earlier",
    "quickly",
    "simply",
];

/// Attribute each quote (in document order) to a speaker.
pub fn attribute(seg: &Segmented, quotes: &[RawQuote]) -> Vec<Option<Speaker>> {
    let names: Vec<Name> =
        seg.paragraphs.iter().flat_map(|p| crate::extract::person::names_in(&seg.flat, *p)).collect();
    attribute_with(seg, quotes, &names)
}

/// [`attribute`], given the names of the document (every paragraph's
/// [`names_in`](crate::extract::person::names_in), in order).
pub fn attribute_with(seg: &Segmented, quotes: &[RawQuote], names: &[Name]) -> Vec<Option<Speaker>> {
    attribute_in(seg, quotes, names, &DocWords::new(seg))
}

/// [`attribute_with`], given the document's words too.
pub fn attribute_in(
    seg: &Segmented,
    quotes: &[RawQuote],
    names: &[Name],
    doc_words: &DocWords,
) -> Vec<Option<Speaker>> {
    let flat = seg.flat.as_str();
    let inside = inside_quotes(quotes);
    let mentions: Vec<Name> = names.iter().filter(|n| !inside(n.span)).cloned().collect();
    let mentions = Registry::new(&mentions);
    let mut out: Vec<Option<Speaker>> = Vec::with_capacity(quotes.len());
    for (k, q) in quotes.iter().enumerate() {
        let para = seg.paragraphs[q.paragraph];
        let last_para =
            seg.paragraphs[quotes[k].pieces.len() - 1 + q.paragraph.min(seg.paragraphs.len() - 1)];
        let sentence_start = seg.sentence_at(q.open).map_or(para.start, |i| seg.sentences[i].span.start);
        let prev_close = k.checked_sub(1).map(|j| quotes[j].close).filter(|&c| c > para.start && c <= q.open);
        let before = Span::new(prev_close.unwrap_or(sentence_start).max(para.start).min(q.open), q.open);
        let next_open = quotes.get(k + 1).map(|n| n.open).filter(|&o| o >= q.close);
        let para_end = last_para.end.max(q.close);
        let after = Span::new(q.close.min(para_end), next_open.unwrap_or(para_end).min(para_end));
        let (after_ws, before_ws) = (doc_words.sentence(after), doc_words.sentence(before));
        let subject = after_subject(&after_ws)
            .or_else(|| before_subject(&before_ws))
            .or_else(|| colon_subject(&before_ws))
            .or_else(|| according_to(&before_ws))
            .or_else(|| according_to(&first_clause(&after_ws)));
        let speaker = match subject {
            Some(s) => resolve(s, &mentions, &out),
            None => continued(seg, quotes, k, &out, before, flat),
        };
        out.push(speaker);
    }
    out
}

fn is_verb(w: &Word) -> bool {
    crate::words::is_speech_verb(w.lower())
}

/// Words up to the end of the first sentence (at most 16).
fn first_clause<'a>(ws: &[Word<'a>]) -> Vec<Word<'a>> {
    ws.iter()
        .take_while(|w| !matches!(&*w.text, "." | "!" | "?" | ";" | "\"" | "“" | "”"))
        .take(16)
        .cloned()
        .collect()
}

/// `"...," Petrov said` / `"...," said Petrov` / `"...," he added`.
fn after_subject(all: &[Word]) -> Option<Subject> {
    let ws = first_clause(all);
    let lead = ws.iter().take_while(|w| w.is_punct()).count();
    let v = ws.iter().take(14).position(is_verb)?;
    if v <= lead {
        // Inversion: said Petrov / said the minister / said he.
        let next = ws.get(v + 1)?;
        if contains(PERSONAL_PRONOUNS, next.lower()) {
            return Some(Subject::Pronoun(next.span.start));
        }
        return speaker_np(&ws, v + 1).map(Subject::Name).or_else(|| title_at(&ws, v + 1));
    }
    // The first noun phrase after the quote is the subject:
    // "Ilse Tarsis of the coalition Delta Solidarité said".
    let pre = &ws[lead..v];
    if let Some(w) = pre.iter().find(|w| !w.is_punct()) {
        if contains(PERSONAL_PRONOUNS, w.lower()) {
            return Some(Subject::Pronoun(w.span.start));
        }
    }
    (0..pre.len()).find_map(|i| speaker_np(pre, i)).map(Subject::Name).or_else(|| subject_before(&ws, v))
}

/// The speaker noun phrase starting at `i`: a name, stepping over a
/// modifier name and role words to the person they introduce
/// ("Velmoran foreign minister Anton Petrov", "CSO statistician Niamh Brask").
fn speaker_np(ws: &[Word], i: usize) -> Option<Name> {
    let mut name = name_starting_at(ws, i)?;
    loop {
        let end = ws.iter().position(|w| w.span.start >= name.span.end).unwrap_or(ws.len());
        let mut k = end;
        while k < ws.len() && k < end + 3 && !ws[k].is_punct() && is_role_word(&ws[k]) {
            k += 1;
        }
        // "Zambia's trade minister, Ruth Banda": roles, a comma, the name.
        let roles = k > end;
        if roles && ws.get(k).is_some_and(|w| w.text == ",") {
            k += 1;
        }
        match (roles || name.possessive).then(|| name_starting_at(ws, k)).flatten() {
            Some(next) => name = next,
            None => return Some(name),
        }
    }
}

/// A lower-case word that can sit between a modifier and a name.
fn is_role_word(w: &Word) -> bool {
    let l = w.lower();
    w.text.chars().next().is_some_and(char::is_lowercase)
        && !crate::text::STOPWORDS.contains(l)
        && !is_verb(w)
}

/// The subject just before the speech verb at `v`.
fn subject_before(ws: &[Word], v: usize) -> Option<Subject> {
    let mut j = v;
    while j > 0 && contains(BETWEEN, ws[j - 1].lower()) {
        j -= 1;
    }
    let j = j.checked_sub(1)?;
    let w = &ws[j];
    if w.text == "," {
        let c = ws[..j].iter().rposition(|x| x.text == ",").filter(|&c| j - c <= 16)?;
        // A name in apposition: "The head of the agency, Pau Serra, said".
        let inner = &ws[c + 1..j];
        if let Some(n) =
            name_ending_at(ws, j - 1).filter(|n| inner.first().is_some_and(|f| f.span.start >= n.span.start))
        {
            return Some(Subject::Name(n));
        }
        // An appositive after the name: "Tom Halden, who leads the union, said".
        return c.checked_sub(1).and_then(|k| name_ending_at(ws, k)).map(Subject::Name);
    }
    if contains(PERSONAL_PRONOUNS, w.lower()) {
        return Some(Subject::Pronoun(w.span.start));
    }
    if let Some(name) = name_ending_at(ws, j) {
        return Some(Subject::Name(name));
    }
    if TITLES.contains(w.lower()) && j > 0 {
        let t = ws[..j].iter().rposition(|x| x.lower() == "the").unwrap_or(j);
        return title_at(ws, t);
    }
    None
}

/// "the minister" / "the spokesman" at `i`.
fn title_at(ws: &[Word], i: usize) -> Option<Subject> {
    let mut k = i;
    if ws.get(k)?.lower() == "the" {
        k += 1;
    }
    let mut title = None;
    while let Some(w) = ws.get(k) {
        if TITLES.contains(w.lower()) {
            title = Some(w.lower());
            k += 1;
        } else {
            break;
        }
    }
    title.map(|t| Subject::Title(t.to_string(), ws[i].span.start))
}

/// `Petrov said: "..."` / `Ouedraogo said he had told ... but underlined that, "..."`.
fn before_subject(ws: &[Word]) -> Option<Subject> {
    (0..ws.len()).rev().filter(|&v| is_verb(&ws[v])).find_map(|v| subject_before(ws, v))
}

/// `Halden put it bluntly: "..."`: a short clause ending in a colon
/// whose subject is a name.
fn colon_subject(ws: &[Word]) -> Option<Subject> {
    if ws.last()?.text != ":" {
        return None;
    }
    let start = ws[..ws.len() - 1]
        .iter()
        .rposition(|w| matches!(&*w.text, "." | "!" | "?" | ";" | ":"))
        .map_or(0, |i| i + 1);
    let clause = &ws[start..ws.len() - 1];
    if clause.len() > 12 {
        return None;
    }
    if let Some(w) = clause.first().filter(|w| contains(PERSONAL_PRONOUNS, w.lower())) {
        return Some(Subject::Pronoun(w.span.start));
    }
    (0..clause.len().min(4)).find_map(|i| speaker_np(clause, i)).map(Subject::Name)
}

/// `according to Petrov` anywhere in the words.
fn according_to(ws: &[Word]) -> Option<Subject> {
    let i = ws.windows(2).position(|w| w[0].lower() == "according" && w[1].lower() == "to")?;
    name_starting_at(ws, i + 2).map(Subject::Name).or_else(|| title_at(ws, i + 2))
}

/// Whether a span lies inside one of the quotes: a binary search over the
/// quotes sorted by start, with the furthest end reached so far.
fn inside_quotes(quotes: &[RawQuote]) -> impl Fn(Span) -> bool {
    let mut spans: Vec<Span> = quotes.iter().map(RawQuote::span).collect();
    spans.sort_by_key(|s| s.start);
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |max, s| {
            *max = s.end.max(*max);
            Some(*max)
        })
        .collect();
    move |s: Span| {
        let k = starts.partition_point(|&start| start <= s.start);
        k > 0 && reach[k - 1] >= s.end
    }
}

/// The mentions a speaker resolves against (names outside quotes, in
/// document order), with what resolution asks of them computed once, so a
/// quote's lookup does not scan them all.
struct Registry<'a> {
    mentions: &'a [Name],
    /// Surname keys of the mentions that are a person's full name.
    person_keys: FastSet<String>,
    /// Per surname key, the fullest name of two or more words (most words,
    /// then earliest).
    fullest: FastMap<String, (usize, Reverse<usize>, &'a str)>,
}

impl<'a> Registry<'a> {
    fn new(mentions: &'a [Name]) -> Self {
        let org = |o: &Name| o.name.split_whitespace().any(|w| contains(ORG_WORDS, &crate::text::fold(w)));
        let mut person_keys = FastSet::default();
        let mut fullest: FastMap<String, (usize, Reverse<usize>, &str)> = FastMap::default();
        for m in mentions {
            if m.token_count() < 2 {
                continue;
            }
            let key = m.key();
            if full_person(m) && !org(m) {
                person_keys.insert(key.clone());
            }
            let rank = (m.token_count(), Reverse(m.span.start), m.name.as_str());
            let best = fullest.entry(key).or_insert(rank);
            if (rank.0, rank.1) > (best.0, best.1) {
                *best = rank;
            }
        }
        Registry { mentions, person_keys, fullest }
    }

    /// The mentions that start before `at`, latest first.
    fn before(&self, at: usize) -> impl Iterator<Item = &'a Name> {
        let k = self.mentions.partition_point(|m| m.span.start < at);
        self.mentions[..k].iter().rev()
    }

    /// A mention is a person when it has two or more words or is the surname of one.
    fn is_person(&self, m: &Name) -> bool {
        let org = || m.name.split_whitespace().any(|w| contains(ORG_WORDS, &crate::text::fold(w)));
        (full_person(m) && !org()) || (!m.place_like && self.person_keys.contains(&m.key()))
    }

    /// The fullest name in the document with the same surname.
    fn full_name(&self, n: &Name) -> String {
        if n.token_count() >= 2 {
            return n.name.clone();
        }
        self.fullest.get(&n.key()).map_or_else(|| n.name.clone(), |b| b.2.to_string())
    }
}

/// Two or more words, not a place, not an owner (organisations aside).
fn full_person(o: &Name) -> bool {
    o.token_count() >= 2 && !o.place_like && !o.possessive
}

fn resolve(subject: Subject, mentions: &Registry, earlier: &[Option<Speaker>]) -> Option<Speaker> {
    match subject {
        Subject::Name(n) => {
            let full = mentions.full_name(&n);
            Some(Speaker { name: full, span: Some(n.span), via: Via::Named })
        }
        Subject::Pronoun(at) => {
            let last_speaker =
                earlier.iter().rev().flatten().find(|s| s.span.is_some_and(|sp| sp.start < at));
            let person = mentions.before(at).find(|m| mentions.is_person(m));
            let pick = match (last_speaker, person) {
                (Some(s), Some(p)) if s.span.is_some_and(|sp| sp.start >= p.span.start) => {
                    return Some(Speaker { via: Via::Resolved, ..s.clone() })
                }
                (_, Some(p)) => p,
                (Some(s), None) => return Some(Speaker { via: Via::Resolved, ..s.clone() }),
                (None, None) => return None,
            };
            Some(Speaker { name: mentions.full_name(pick), span: Some(pick.span), via: Via::Resolved })
        }
        Subject::Title(title, at) => {
            let m = mentions.before(at).find(|m| m.titles.contains(&title))?;
            Some(Speaker { name: mentions.full_name(m), span: Some(m.span), via: Via::Resolved })
        }
    }
}

/// A quote that opens its paragraph with no attribution of its own continues
/// the exchange of the quote just before, when that one is in the previous
/// paragraph.
fn continued(
    seg: &Segmented,
    quotes: &[RawQuote],
    k: usize,
    earlier: &[Option<Speaker>],
    before: Span,
    flat: &str,
) -> Option<Speaker> {
    let prev = k.checked_sub(1)?;
    let q = &quotes[k];
    let opens_paragraph =
        flat[seg.paragraphs[q.paragraph].start..q.open].trim().is_empty() && before.is_empty();
    let prev_para = quotes[prev].paragraph + quotes[prev].pieces.len();
    let adjacent = q.paragraph <= prev_para;
    let s = earlier[prev].as_ref()?;
    (opens_paragraph && adjacent).then(|| Speaker { name: s.name.clone(), span: None, via: Via::Continued })
}
