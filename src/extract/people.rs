//! Who a document mentions: one model of the people and bodies named in it
//! (outside quotes), built once per document, with the names, roles,
//! affiliations and gender the text gives them. Speaker attribution
//! resolves names, descriptions ("the Indiana governor") and pronouns
//! against it.
//!
//! What the model learns, and from where:
//! - a name's mentions: a full name and its later surname-only mentions
//!   ("Mike Pence" ... "Pence" ... "Mr. Pence") are one entity;
//! - roles: titles and role words written before a name ("Indiana Gov.",
//!   "campaign spokesman"), and appositions either side of it ("Pau Serra,
//!   the head of the agency," / "the agency's head, Pau Serra,");
//! - gender: honorifics and gendered role words ("Mrs.", "spokeswoman"), and
//!   he/she pronouns that can only refer to it (one person named since the
//!   previous sentence);
//! - kind: a body (organisation, outlet) when its name says so.

use std::sync::LazyLock;

use crate::extract::person::{surname_key, Name, DESCRIPTOR_SET, TITLES};
use crate::extract::word::{DocWords, Word};
use crate::segment::Segmented;
use crate::span::Span;
use crate::text::{fold, FastMap, Lexicon};
use crate::words::{
    is_speech_verb, DETERMINERS, FEMALE_WORDS, MALE_WORDS, ORG_WORDS, ROLE_ALIASES, SOURCE_NOUNS,
};

static ORGS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[ORG_WORDS]));
static FEMALE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[FEMALE_WORDS]));
static MALE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[MALE_WORDS]));
pub(crate) static DETS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[DETERMINERS]));
pub(crate) static SOURCES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[SOURCE_NOUNS]));

/// Longest apposition read as a role ("the top Democrat on the panel").
const APPOSITION_WORDS: usize = 10;
/// How far into its sentence (bytes) a name may start and still be read as
/// the sentence's subject ("Councillor Tom Reyes").
const SUBJECT_REACH: usize = 24;
/// Most mentions a pronoun looks back over for its person.
const PRONOUN_REACH: usize = 200;
/// How far back (bytes) a pronoun looks past a person of unknown gender for
/// one of its own.
const GENDER_REACH: usize = 400;
/// Most role words read before a name ("Clinton campaign spokesman").
const ROLE_WORDS_BEFORE: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Body,
    /// A single word the text never marks as either ("Japan", "Pence").
    Unknown,
}

/// One person or body of the document.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest form of its name in the text.
    pub name: String,
    pub kind: Kind,
    /// Roles, affiliations and origins, lower case, canonical
    /// ([`ROLE_ALIASES`]): "governor", "indiana", "republican".
    pub roles: Vec<String>,
    female: u32,
    male: u32,
}

/// The gender a role word says, if any ("spokeswoman", "Mr.").
fn role_gender(written: &str) -> Option<Gender> {
    let role = canonical_role(written);
    let written = written.trim_end_matches('.');
    if FEMALE.contains(written) || FEMALE.contains(role) && !MALE.contains(written) {
        Some(Gender::Female)
    } else if MALE.contains(written) || MALE.contains(role) && !FEMALE.contains(written) {
        Some(Gender::Male)
    } else {
        None
    }
}

impl Entity {
    pub fn gender(&self) -> Option<Gender> {
        match (self.female, self.male) {
            (f, m) if f > m => Some(Gender::Female),
            (f, m) if m > f => Some(Gender::Male),
            _ => None,
        }
    }
    pub fn fits(&self, g: Option<Gender>) -> bool {
        g.is_none() || self.gender().is_none() || self.gender() == g
    }
    fn add_role(&mut self, written: &str) {
        let role = canonical_role(written);
        if role.chars().count() > 1 && !self.roles.iter().any(|r| r == role) {
            self.roles.push(role.to_string());
        }
        // (the role as written: "spokeswoman" is filed under "spokesman")
        match role_gender(written) {
            Some(Gender::Female) => self.female += 4,
            Some(Gender::Male) => self.male += 4,
            None => {}
        }
    }
}

/// The canonical form of a role word ("gov" -> "governor").
pub fn canonical_role(w: &str) -> &str {
    let w = w.trim_end_matches('.');
    ROLE_ALIASES.iter().find(|(a, _)| *a == w).map_or(w, |(_, r)| r)
}

/// A mention of an entity.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub span: Span,
    pub entity: usize,
    /// Written as an owner ("Lee's attorney"): not the subject.
    pub possessive: bool,
}

/// The people and bodies of one document and their mentions in order.
#[derive(Debug, Default)]
pub struct People {
    pub entities: Vec<Entity>,
    mentions: Vec<Mention>,
    /// Per folded full name (two words or more), its entity.
    by_full: FastMap<String, usize>,
    /// Per surname key, the entities with that surname, in order of first mention.
    by_key: FastMap<String, Vec<usize>>,
    /// Per entity, where its mentions start, in order (lookups by position
    /// stay logarithmic on long documents).
    starts: Vec<Vec<usize>>,
    /// Where each sentence of the document starts.
    sentences: Vec<usize>,
    /// Folded names the text uses as places ("in Oklahoma", a dateline's
    /// "WASHINGTON"), never as anyone.
    places: std::collections::HashSet<String>,
}

impl People {
    /// The model of a document, from its names (every paragraph's, in
    /// order); names inside quotes (`inside`) are left out.
    pub fn build(seg: &Segmented, words: &DocWords, names: &[Name], inside: &dyn Fn(Span) -> bool) -> People {
        let mut people =
            People { sentences: seg.sentences.iter().map(|s| s.span.start).collect(), ..People::default() };
        let mut k = 0;
        for (p, para) in seg.paragraphs.iter().enumerate() {
            let ws = words.paragraph(*para);
            let start = k;
            while k < names.len() && names[k].span.start < para.end {
                k += 1;
            }
            let dateline = dateline_end(&ws);
            for n in &names[start..k] {
                if inside(n.span) {
                    continue;
                }
                if n.span.end <= dateline || (n.place_like && n.titles.is_empty()) {
                    people.places.insert(fold(&n.name));
                    continue;
                }
                if p == 0 && seg.paragraphs.len() > 2 && is_headline(&ws) {
                    continue;
                }
                people.add(n, &ws);
            }
            people.learn_gender(&ws, inside);
        }
        people
    }

    /// Add one mention (`ws`: the words of its paragraph).
    fn add(&mut self, n: &Name, ws: &[Word]) {
        if !may_be_source(&n.name) {
            return;
        }
        let at = ws.partition_point(|w| w.span.start < n.span.start);
        let end = ws.partition_point(|w| w.span.start < n.span.end);
        let roles: Vec<String> = n.titles.iter().cloned().chain(roles_before(ws, at)).collect();
        let roles = fuse_ranks(&roles);
        let beside: Vec<String> = if n.possessive {
            Vec::new()
        } else {
            apposition_after(ws, end)
                .into_iter()
                .chain(apposition_before(ws, at))
                .chain(office_taken(ws, end))
                .collect()
        };
        // ("the first lady, Michelle Obama" is no one the text has called
        // "Mr. Obama")
        let hint = roles.iter().chain(&beside).find_map(|r| role_gender(r));
        let id = self.entity_for(n, hint);
        self.mentions.push(Mention { span: n.span, entity: id, possessive: n.possessive });
        self.starts[id].push(n.span.start);
        // "the United States", "the National Mall": a name the text writes
        // after "the", with no title, is a place or a body, never a person
        // a pronoun could stand for.
        // (a first mention's kind is only a guess from its length)
        let first = self.starts[id].len() == 1;
        let the = at.checked_sub(1).is_some_and(|i| ws[i].lower() == "the");
        let e = &mut self.entities[id];
        // (a one-word name after "the" may modify a noun: "the Trump campaign")
        if the && n.titles.is_empty() && n.token_count() >= 2 && (first || e.kind != Kind::Person) {
            e.kind = Kind::Body;
        }
        for r in roles.iter().chain(&beside) {
            e.add_role(r);
        }
        if e.kind == Kind::Unknown && (e.roles.iter().any(|r| TITLES.contains(r)) || e.gender().is_some()) {
            e.kind = Kind::Person;
        }
    }

    /// The entity a name mention belongs to, made when new; not one of
    /// the other gender than the mention's roles say (`hint`).
    fn entity_for(&mut self, n: &Name, hint: Option<Gender>) -> usize {
        let key = surname_key(&n.name);
        let full = fold(&n.name);
        let tokens = n.token_count();
        if let Some(&id) = self.by_full.get(&full) {
            return id;
        }
        let same_surname: &[usize] = self.by_key.get(&key).map_or(&[], Vec::as_slice);
        if tokens >= 2 {
            let first = fold(n.name.split_whitespace().next().unwrap_or(""));
            // "Donald J. Trump" after "Donald Trump"; "Donald Trump" after "Trump".
            let found = same_surname.iter().rev().copied().find(|&id| {
                let e = &self.entities[id];
                let words = e.name.split_whitespace().count();
                (words == 1 && e.fits(hint)) || fold(e.name.split_whitespace().next().unwrap_or("")) == first
            });
            if let Some(id) = found {
                let e = &mut self.entities[id];
                if tokens > e.name.split_whitespace().count() {
                    e.name = n.name.clone();
                }
                if is_body(&n.name) {
                    e.kind = Kind::Body;
                } else if e.kind == Kind::Unknown && !n.possessive {
                    e.kind = Kind::Person;
                }
                self.by_full.insert(full, id);
                return id;
            }
        } else {
            let fitting: Vec<usize> =
                same_surname.iter().copied().filter(|&id| self.entities[id].fits(hint)).collect();
            if let Some(&id) = self.latest_of(&fitting) {
                return id;
            }
        }
        let id = self.entities.len();
        let kind = if is_body(&n.name) {
            Kind::Body
        } else if tokens >= 2 && !n.possessive {
            Kind::Person
        } else {
            Kind::Unknown
        };
        self.entities.push(Entity { name: n.name.clone(), kind, roles: Vec::new(), female: 0, male: 0 });
        self.starts.push(Vec::new());
        if tokens >= 2 {
            self.by_full.insert(full, id);
        }
        self.by_key.entry(key).or_default().push(id);
        id
    }

    /// Of some entities, the one mentioned last (or the first listed).
    fn latest_of<'a>(&self, ids: &'a [usize]) -> Option<&'a usize> {
        ids.iter()
            .max_by_key(|&&i| self.starts[i].last().copied())
            .filter(|&&i| !self.starts[i].is_empty())
            .or(ids.first())
    }

    /// Of some entities, the one mentioned last before `at` (a description
    /// refers back to someone the text has introduced).
    fn latest_before(&self, ids: &[usize], at: usize) -> Option<usize> {
        ids.iter()
            .filter_map(|&i| {
                let s = &self.starts[i];
                let k = s.partition_point(|&x| x < at);
                k.checked_sub(1).map(|k| (s[k], i))
            })
            .max()
            .map(|(_, i)| i)
    }

    /// Count he/she pronouns that can only refer to one person: the only
    /// person mentioned since the start of the previous sentence.
    fn learn_gender(&mut self, ws: &[Word], inside: &dyn Fn(Span) -> bool) {
        let lo = self.mentions.partition_point(|m| ws.first().is_none_or(|w| m.span.start < w.span.start));
        let mine: Vec<Mention> = self.mentions[lo..].to_vec();
        let mut sentence_starts = vec![0usize];
        for (i, w) in ws.iter().enumerate() {
            let l = w.lower();
            // (most words are no pronoun: told by their first letter)
            if !l.starts_with(['h', 's']) {
                if matches!(&*w.text, "." | "?" | "!") {
                    sentence_starts.push(i + 1);
                }
                continue;
            }
            let g = match l {
                "he" | "him" | "his" | "himself" => Gender::Male,
                "she" | "her" | "hers" | "herself" => Gender::Female,
                _ => continue,
            };
            if inside(w.span) {
                continue;
            }
            let from = sentence_starts[sentence_starts.len().saturating_sub(2)];
            let from = ws.get(from).map_or(w.span.start, |f| f.span.start);
            let a = mine.partition_point(|m| m.span.start < from);
            let b = mine.partition_point(|m| m.span.start < w.span.start);
            let mut seen: Vec<usize> = mine[a..b]
                .iter()
                .filter(|m| m.span.end <= w.span.start)
                .map(|m| m.entity)
                .filter(|&e| self.entities[e].kind == Kind::Person)
                .collect();
            seen.dedup();
            if let [only] = seen[..] {
                let e = &mut self.entities[only];
                match g {
                    Gender::Female => e.female += 1,
                    Gender::Male => e.male += 1,
                }
            }
        }
    }

    /// The entity of a name mention (by full name, else by surname: the
    /// latest entity with that surname mentioned before `at`).
    /// Whether the text uses a name only as a place: "Oklahoma" after "in
    /// Oklahoma", never as a person or body.
    pub fn is_place(&self, name: &str) -> bool {
        let f = fold(name);
        self.places.contains(&f)
            && !self.by_full.contains_key(&f)
            && !self.by_key.contains_key(&surname_key(name))
    }

    pub fn find(&self, name: &str, at: usize) -> Option<usize> {
        if let Some(&id) = self.by_full.get(&fold(name)) {
            return Some(id);
        }
        // The mention itself, when the model read it ("Mr. Obama": the
        // one of that surname its title fits).
        let k = self.mentions.partition_point(|m| m.span.start < at);
        if let Some(m) = self.mentions.get(k).filter(|m| m.span.start == at) {
            if surname_key(&self.entities[m.entity].name) == surname_key(name) {
                return Some(m.entity);
            }
        }
        let ids = self.by_key.get(&surname_key(name))?;
        if name.split_whitespace().count() >= 2 {
            let first = fold(name.split_whitespace().next().unwrap_or(""));
            return ids.iter().copied().find(|&id| {
                let e = &self.entities[id].name;
                e.split_whitespace().count() == 1 || fold(e.split_whitespace().next().unwrap_or("")) == first
            });
        }
        self.latest_before(ids, at).or(ids.first().copied())
    }

    /// The latest person mentioned before `at` (not as an owner) that fits
    /// `gender`, with the mention. When that person's gender is unknown, a
    /// person of the pronoun's gender mentioned just before wins ("Ms. Ruiz
    /// met Hugo Bell. ... she said").
    pub fn last_person_before(&self, at: usize, gender: Option<Gender>) -> Option<(usize, Span)> {
        let k = self.mentions.partition_point(|m| m.span.start < at);
        // A pronoun's person is near: the scan is bounded on long documents.
        let mut fitting =
            self.mentions[..k].iter().rev().take(PRONOUN_REACH).filter(|m| !m.possessive).filter(|m| {
                let e = &self.entities[m.entity];
                e.kind != Kind::Body && self.is_person(m.entity) && e.fits(gender)
            });
        let first = fitting.next()?;
        // The subject of that sentence, when a person who fits opens it,
        // is more salient than an object after it ("Tom Reyes, who
        // attacked Mayor Ana Silva, has apologised. ... he said").
        let si = self.sentences.partition_point(|&x| x <= first.span.start);
        if let Some(&start) = si.checked_sub(1).and_then(|i| self.sentences.get(i)) {
            let lo = self.mentions.partition_point(|m| m.span.start < start);
            let opener =
                self.mentions[lo..].iter().take_while(|m| m.span.start < first.span.start).find(|m| {
                    let e = &self.entities[m.entity];
                    !m.possessive
                        && m.span.start < start + SUBJECT_REACH
                        && self.is_person(m.entity)
                        && e.fits(gender)
                });
            if let Some(m) = opener.filter(|m| m.entity != first.entity) {
                let known = self.entities[m.entity].gender().is_some() && gender.is_some();
                if known || self.entities[first.entity].gender().is_none() {
                    return Some((m.entity, m.span));
                }
            }
        }
        if gender.is_some() && self.entities[first.entity].gender().is_none() {
            let near = first.span.start.saturating_sub(GENDER_REACH);
            let known = fitting
                .take_while(|m| m.span.start >= near)
                .take(3)
                .find(|m| self.entities[m.entity].gender() == gender);
            if let Some(m) = known {
                return Some((m.entity, m.span));
            }
        }
        Some((first.entity, first.span))
    }

    /// Whether a person other than `chosen` who fits `gender` is mentioned
    /// between the start of the sentence before `at` and `at`: then "he
    /// said" could be either ("... confounded Justice Kennedy and drew the
    /// ire of Justice Scalia. ... he said"), and the resolution is a guess.
    pub fn rivals_before(&self, at: usize, gender: Option<Gender>, chosen: usize) -> bool {
        let si = self.sentences.partition_point(|&x| x <= at);
        let from = si.checked_sub(2).and_then(|i| self.sentences.get(i)).copied().unwrap_or(0);
        let lo = self.mentions.partition_point(|m| m.span.start < from);
        let hi = self.mentions.partition_point(|m| m.span.start < at);
        self.mentions[lo..hi].iter().any(|m| {
            m.entity != chosen && self.is_person(m.entity) && self.entities[m.entity].fits(gender) && {
                // Known to be someone else's gender than the chosen one's
                // when the pronoun's gender is unknown: not a rival either.
                let (a, b) = (self.entities[m.entity].gender(), self.entities[chosen].gender());
                a.is_none() || b.is_none() || a == b
            }
        })
    }

    /// A person: marked so, or a surname the text gives a full name for.
    fn is_person(&self, id: usize) -> bool {
        let e = &self.entities[id];
        e.kind == Kind::Person || (e.kind == Kind::Unknown && e.gender().is_some())
    }

    /// The entity a description fits ("the Indiana governor": role
    /// `governor`, with `indiana` among its roles when any entity has it),
    /// the latest mentioned before `at` among the best fits.
    pub fn describe(&self, words: &[String], at: usize) -> Option<usize> {
        let (head, mut mods) = description_parts(words)?;
        // "the vice president" is no president.
        let rank = mods.last().filter(|m| RANKS.contains(m)).map(|m| format!("{m}-{head}"));
        if rank.is_some() {
            mods.pop();
        }
        let head = rank.as_deref().unwrap_or_else(|| canonical_role(head));
        let candidates: Vec<usize> =
            (0..self.entities.len()).filter(|&i| self.entities[i].roles.iter().any(|r| r == head)).collect();
        if candidates.is_empty() {
            return None;
        }
        let score = |i: usize| {
            let roles = &self.entities[i].roles;
            mods.iter().filter(|m| roles.iter().any(|r| r == canonical_role(m))).count()
        };
        let best = candidates.iter().map(|&i| score(i)).max()?;
        // A modifier that says where or whose (a place, a party) must fit
        // when some candidate has it.
        let best: Vec<usize> = candidates.into_iter().filter(|&i| score(i) == best).collect();
        self.latest_before(&best, at)
    }

    /// [`People::describe`], and whether the one it finds is the only
    /// person or body named before `at` whom the description fits.
    pub fn describe_only(&self, words: &[String], at: usize) -> Option<(usize, bool)> {
        let id = self.describe(words, at)?;
        let (head, _) = description_parts(words)?;
        let head = canonical_role(head);
        let fitting = (0..self.entities.len())
            .filter(|&i| self.entities[i].roles.iter().any(|r| r == head))
            .filter(|&i| self.starts[i].first().is_some_and(|&s| s < at))
            .count();
        Some((id, fitting == 1))
    }

    pub fn entity(&self, id: usize) -> &Entity {
        &self.entities[id]
    }
}

/// Words that make a title a lesser office ("vice president", "deputy
/// minister"): the two are one role.
const RANKS: &[&str] = &["vice", "deputy", "assistant", "lieutenant", "associate", "under"];

/// Roles as read before a name, a rank fused with the title after it
/// ("vice", "president" -> "vice-president").
fn fuse_ranks(roles: &[String]) -> Vec<String> {
    let fused = fuse_pairs(roles);
    // ("deputy", "mayor" read again on their own are parts of the one role)
    let parts: Vec<&str> = fused
        .iter()
        .filter_map(|r| r.split_once('-'))
        .filter(|(a, _)| RANKS.contains(a))
        .flat_map(|(a, b)| [a, b])
        .collect();
    fused.iter().filter(|r| !parts.contains(&r.as_str())).cloned().collect()
}

fn fuse_pairs(roles: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(roles.len());
    let mut i = 0;
    while i < roles.len() {
        match roles.get(i + 1).filter(|_| RANKS.contains(&roles[i].as_str())) {
            Some(next) => {
                out.push(format!("{}-{next}", roles[i]));
                i += 2;
            }
            None => {
                out.push(roles[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The head word of a description ("the mayor of Tulsa" -> mayor).
pub fn description_head(words: &[String]) -> Option<&str> {
    description_parts(words).map(|(h, _)| h)
}

/// The head of a description and its modifiers ("the mayor of Tulsa" ->
/// mayor, [tulsa]); none when it is only determiners.
fn description_parts(words: &[String]) -> Option<(&str, Vec<&str>)> {
    let cut =
        words.iter().position(|w| matches!(w.as_str(), "of" | "for" | "at" | "in" | "from" | "on" | "with"));
    let (np, tail) = words.split_at(cut.unwrap_or(words.len()));
    let content: Vec<&str> = np.iter().map(String::as_str).filter(|w| !DETS.contains(w)).collect();
    let (head, mods) = content.split_last()?;
    let mut mods: Vec<&str> = mods.to_vec();
    mods.extend(tail.iter().skip(1).map(String::as_str).filter(|w| !DETS.contains(w)));
    Some((head, mods))
}

/// Whether a name may be a source at all: not a party or nationality alone.
pub(crate) fn may_be_source(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // Three or more words in capitals are a heading ("CONGRESS HAS
    // INVESTIGATED HIM"), not a name.
    let heading = words.len() >= 3 && words.iter().all(|w| !w.chars().any(char::is_lowercase));
    // "R. S.", "U.S.": initials alone are no one.
    let initials = words.iter().all(|w| w.chars().count() == 1);
    !heading && !initials && words.iter().any(|w| !DESCRIPTOR_SET.contains(&fold(w)))
}

/// Whether a name is an organisation's or an outlet's.
pub fn is_body(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = words.len() == 1
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name.chars().all(|c| !c.is_lowercase());
    acronym || words.iter().any(|w| ORGS.contains(&fold(w)))
}

/// Where a dateline ("MIDWAY ATOLL - ", "LONDON, May 3 (Wire) - ") ends in
/// a paragraph's words: its dash; 0 when there is none.
fn dateline_end(ws: &[Word]) -> usize {
    let first = ws.iter().take_while(|w| !w.is_punct()).take(4).collect::<Vec<_>>();
    let caps = !first.is_empty()
        && first.iter().all(|w| w.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase));
    if !caps {
        return 0;
    }
    ws.iter().take(16).find(|w| matches!(&*w.text, "-" | "—" | "–")).map_or(0, |w| w.span.end)
}

/// Whether a first paragraph reads as a headline: one short line.
pub fn is_headline(ws: &[Word]) -> bool {
    ws.iter().filter(|w| !w.is_punct()).count() <= 25
}

/// Role words written just before the name at word `at`: lower-case
/// nouns and modifiers, and capitalised owners ("Clinton campaign
/// spokesman", "Trump's running mate").
fn roles_before(ws: &[Word], at: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = at;
    while i > 0 && out.len() < ROLE_WORDS_BEFORE {
        let w = &ws[i - 1];
        let l = w.lower();
        if w.is_punct() || DETS.contains(l) || crate::text::STOPWORDS.contains(l) || is_speech_verb(l) {
            break;
        }
        // "the congressman's Twitter account": an owner right before the
        // name owns it; it is not the name's role.
        if w.possessive && i == at {
            break;
        }
        let lower_word = !w.is_capitalised();
        if !(lower_word || w.possessive || DESCRIPTOR_SET.contains(l) || TITLES.contains(l)) {
            // A capitalised word that is no role: another name ends here.
            if !w.possessive {
                out.push(l.to_string());
            }
            break;
        }
        out.push(l.to_string());
        i -= 1;
    }
    out
}

/// The words of an apposition after a name ending before word `end`:
/// `, the mayor of Tulsa,` / `, a spokeswoman for the campaign.`
fn apposition_after(ws: &[Word], end: usize) -> Vec<String> {
    if ws.get(end).is_none_or(|w| w.text != ",") || !ws.get(end + 1).is_some_and(|w| DETS.contains(w.lower()))
    {
        return Vec::new();
    }
    let body: Vec<&Word> = ws[end + 1..]
        .iter()
        .take_while(|w| !matches!(&*w.text, "," | "." | ";" | ":" | "(" | ")" | "\"" | "“" | "”"))
        .take(APPOSITION_WORDS + 1)
        .collect();
    if body.len() > APPOSITION_WORDS || body.iter().any(|w| is_speech_verb(w.lower()) || w.lower() == "who") {
        return Vec::new();
    }
    role_words(&body)
}

/// Verbs by which a person takes or holds an office named after "as".
const OFFICE_VERBS: &[&str] = &[
    "sworn",
    "assumed",
    "took",
    "takes",
    "elected",
    "named",
    "appointed",
    "served",
    "serves",
    "confirmed",
    "installed",
    "chosen",
    "nominated",
    "became",
    "becomes",
    "inaugurated",
];

/// The office a person takes in their clause: "Ann Roe was sworn in on
/// Friday as the 45th mayor" (roles: mayor), "Roe became the mayor".
fn office_taken(ws: &[Word], end: usize) -> Vec<String> {
    let clause: Vec<&Word> = ws[end.min(ws.len())..]
        .iter()
        .take_while(|w| !matches!(&*w.text, "," | "." | ";" | ":" | "\"" | "“" | "”"))
        .take(16)
        .collect();
    let Some(v) = clause.iter().position(|w| OFFICE_VERBS.contains(&w.lower())) else { return Vec::new() };
    let Some(a) =
        clause[v..].iter().position(|w| matches!(w.lower(), "as" | "became" | "becomes")).map(|a| a + v)
    else {
        return Vec::new();
    };
    let det = clause.get(a + 1).is_some_and(|w| DETS.contains(w.lower()));
    let from = if det { a + 2 } else { a + 1 };
    let body: Vec<&Word> = clause[from.min(clause.len())..]
        .iter()
        .take_while(|w| !matches!(w.lower(), "of" | "for" | "in" | "on" | "at" | "to" | "with" | "by"))
        .take(4)
        .copied()
        .collect();
    if body.last().is_some_and(|w| TITLES.contains(w.lower())) {
        role_words(&body)
    } else {
        Vec::new()
    }
}

/// The words of an apposition before a name at word `at`: `the mayor,
/// Bill Lee` / `the agency's head, Pau Serra`.
fn apposition_before(ws: &[Word], at: usize) -> Vec<String> {
    if at < 2 || ws[at - 1].text != "," {
        return Vec::new();
    }
    let mut i = at - 1;
    while i > 0 && at - 1 - i < APPOSITION_WORDS {
        let w = &ws[i - 1];
        if w.is_punct() || is_speech_verb(w.lower()) {
            break;
        }
        i -= 1;
        if DETS.contains(w.lower()) || w.possessive {
            let body: Vec<&Word> = ws[i..at - 1].iter().collect();
            return role_words(&body);
        }
    }
    Vec::new()
}

/// The content words of a description, lower case.
fn role_words(body: &[&Word]) -> Vec<String> {
    body.iter()
        .filter(|w| !w.is_punct() && !DETS.contains(w.lower()) && !crate::text::STOPWORDS.contains(w.lower()))
        .map(|w| w.lower().to_string())
        .collect()
}

/// Whether a description's head names a body or document ("the report").
pub fn is_source_noun(w: &str) -> bool {
    SOURCES.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::person::names_in_words;

    fn model(text: &str) -> People {
        let seg = crate::segment::segment(text);
        let dw = DocWords::new(&seg);
        let names: Vec<Name> =
            seg.paragraphs.iter().flat_map(|p| names_in_words(&dw.paragraph(*p))).collect();
        People::build(&seg, &dw, &names, &|_| false)
    }

    #[test]
    fn surname_mentions_join_the_full_name() {
        let p = model("Body text.\n\nMore text.\n\nMayor Ann Roe spoke. Roe said no. Ms. Roe left.");
        let id = p.find("Roe", 60).unwrap();
        assert_eq!(p.entity(id).name, "Ann Roe");
        assert_eq!(p.entity(id).gender(), Some(Gender::Female));
        assert!(p.entity(id).roles.contains(&"mayor".to_string()));
    }

    #[test]
    fn description_resolves_by_role_and_place() {
        let t = "Head.\n\nIntro.\n\nOhio Gov. Ann Roe met Texas Gov. Bo Park. Sam Lee, the mayor of Dayton, came.";
        let p = model(t);
        let w = |s: &str| s.split(' ').map(str::to_lowercase).collect::<Vec<_>>();
        let ohio = p.describe(&w("the Ohio governor"), t.len()).unwrap();
        assert_eq!(p.entity(ohio).name, "Ann Roe");
        let mayor = p.describe(&w("the mayor"), t.len()).unwrap();
        assert_eq!(p.entity(mayor).name, "Sam Lee");
        assert!(p.describe(&w("the president"), t.len()).is_none());
    }

    #[test]
    fn pronouns_teach_gender() {
        let p = model("Head.\n\nIntro.\n\nKim Lo arrived. He was late.");
        assert_eq!(p.entity(p.find("Lo", 40).unwrap()).gender(), Some(Gender::Male));
    }

    #[test]
    fn demonyms_are_not_entities() {
        let p = model("Head.\n\nIntro.\n\nThe Zambian delegation arrived.");
        assert!(p.entities.iter().all(|e| e.name != "Zambian"));
    }
}
