//! Names of people (and organisations) in running text: capitalised word runs
//! with titles and possessives stripped, and the registry of mentions that
//! speaker attribution resolves pronouns, surnames and titles against.

use std::sync::LazyLock;

use super::word::{words, Word};
use crate::span::Span;
use crate::text::{fold, Lexicon};
use crate::words::{DESCRIPTORS, NON_NAME_CAPITALS, TITLE_WORDS};

/// [`TITLE_WORDS`] as a set (asked for nearly every word of a document).
pub(crate) static TITLES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[TITLE_WORDS]));
static NON_NAMES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[NON_NAME_CAPITALS]));
static ORG_SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[crate::words::ORG_WORDS]));
/// [`DESCRIPTORS`] as a set.
pub(crate) static DESCRIPTOR_SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[DESCRIPTORS]));
static PARTICLE_SET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[PARTICLES]));
static PLACES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[PLACE_PREPOSITIONS]));

/// Prepositions after which a capitalised run names a place, not a person.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "from",
    "to",
    "into",
    "near",
    "across",
    "outside",
    "inside",
    "towards",
    "toward",
    "throughout",
    "around",
    "via",
    "through",
    "of",
    "for",
    "over",
    "under",
];

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "du", "da", "di", "del", "der", "van", "von", "le", "la", "dos",
    "das", "ben", "bint", "ould", "ag",
];

/// Whether a word is a name particle ("al", "de", "van", "bin").
pub fn is_particle(w: &str) -> bool {
    PARTICLE_SET.contains(w)
}

/// A person or organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    /// The name as written, titles stripped.
    pub name: String,
    /// Title and role words written just before it, lower case.
    pub titles: Vec<String>,
    /// Written after a preposition of place or a common noun ("in Fogo
    /// Island", "the coalition Delta Solidarité"): not a person.
    pub place_like: bool,
    /// Written as an owner ("Zambia's"): a modifier of what follows.
    pub possessive: bool,
}

impl Name {
    pub fn token_count(&self) -> usize {
        self.name.split_whitespace().count()
    }
    /// The comparison key: folded last token (the surname).
    pub fn key(&self) -> String {
        surname_key(&self.name)
    }
}

/// Folded last word of a name: "Anton Petrov" -> "lavrov".
pub fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    fold(last).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn is_name_word(w: &Word) -> bool {
    w.is_name_word()
}

/// The name run ending at word index `end` (inclusive), if `ws[end]` is a name word.
pub fn name_ending_at(ws: &[Word], end: usize) -> Option<Name> {
    if !is_name_word(&ws[end]) {
        return None;
    }
    let mut start = end;
    while start > 0 {
        let prev = &ws[start - 1];
        let particle = PARTICLE_SET.contains(prev.lower()) && start >= 2 && is_name_word(&ws[start - 2]);
        let initial = prev.text == "." && start >= 2 && is_initial_or_title(&ws[start - 2]);
        if prev.possessive || !(is_name_word(prev) || particle || initial) {
            break;
        }
        start -= 1;
    }
    name_from(ws, start, end)
}

/// Abbreviated titles that are no title word in full ("Del." for a
/// delegate, "Atty." for an attorney): a title only before a full stop
/// and a name.
pub(crate) const ABBREVIATED_TITLES: &[&str] =
    &["del", "atty", "supt", "cmdr", "amb", "insp", "det", "hon", "sec", "pres", "lt", "gen", "sgt", "cpl"];

/// Title words that are also surnames ("Charlie King", "John Major").
const SURNAME_TITLES: &[&str] =
    &["king", "major", "prince", "bishop", "judge", "chancellor", "lord", "pope", "marshal"];

/// The name run starting at word index `start`.
pub fn name_starting_at(ws: &[Word], start: usize) -> Option<Name> {
    let mut i = start;
    // Titles may be lower case ("foreign minister Anton Petrov"), or
    // abbreviated ("Del. Ann Roe").
    while i < ws.len() {
        let abbreviated = ABBREVIATED_TITLES.contains(&ws[i].lower())
            && ws.get(i + 1).is_some_and(|w| w.text == ".")
            && ws.get(i + 2).is_some_and(is_name_word);
        if abbreviated {
            i += 2;
        } else if !is_name_word(&ws[i])
            && !ws[i].possessive // "the congressman's Twitter account": an owner, no title
            && (TITLES.contains(ws[i].lower()) || ws[i].lower() == "the")
        {
            i += 1;
        } else {
            break;
        }
    }
    if i >= ws.len() || !is_name_word(&ws[i]) {
        return None;
    }
    let mut end = i;
    while end + 1 < ws.len() {
        let next = &ws[end + 1];
        if ws[end].possessive {
            break; // "Zambia's": the owner ends the run
        }
        let then_name = end + 2 < ws.len() && is_name_word(&ws[end + 2]);
        let initial = next.text == "." && is_initial_or_title(&ws[end]);
        if is_name_word(next) {
            end += 1;
        } else if then_name && (initial || PARTICLE_SET.contains(next.lower())) {
            end += 2;
        } else if let Some(last) = then_name.then(|| org_after_and(ws, end + 1)).flatten() {
            // "Health and Human Services Department", "Fish and Wildlife
            // Service": one organisation's name.
            end = last;
        } else {
            break;
        }
    }
    let mut name = name_from(ws, i, end)?;
    let titles: Vec<String> =
        ws[start..i].iter().map(Word::lower).filter(|t| *t != "the").map(str::to_string).collect();
    name.titles.splice(0..0, titles);
    Some(name)
}

/// When `ws[and]` is "and" and the capitalised run after it ends in an
/// organisation word, the index of that word.
fn org_after_and(ws: &[Word], and: usize) -> Option<usize> {
    if ws[and].lower() != "and" {
        return None;
    }
    let run = ws[and + 1..].iter().take(6).take_while(|w| is_name_word(w) && !w.possessive).count();
    let last = and + run;
    (run > 0 && ORG_SET.contains(ws[last].lower())).then_some(last)
}

fn is_initial_or_title(w: &Word) -> bool {
    (w.text.chars().count() == 1 && w.is_capitalised()) || TITLES.contains(w.lower())
}

/// Strip titles, possessive owners ("Velmora's") and sentence-initial
/// non-names from `ws[start..=end]`; what remains is the name.
fn name_from(ws: &[Word], start: usize, end: usize) -> Option<Name> {
    // The run's words but initials' full stops; most runs are a word or
    // two, listed on the stack.
    let (mut small, mut large) = ([&ws[start]; 16], Vec::new());
    let words = ws[start..=end].iter().filter(|w| w.text != ".");
    let run: &[&Word] = if end - start < small.len() {
        let mut n = 0;
        for w in words {
            small[n] = w;
            n += 1;
        }
        &small[..n]
    } else {
        large.extend(words);
        &large
    };
    // Everything up to the last title word is title, owner or modifier:
    // "Meeting Velmoran Foreign Minister Idrissa Ouedraogo" -> "Idrissa Ouedraogo".
    // An organisation keeps its words ("International Atomic Energy Agency").
    let org = run.last().is_some_and(|w| ORG_SET.contains(w.lower()));
    let mut first =
        if org { 0 } else { run.iter().rposition(|w| TITLES.contains(w.lower())).map_or(0, |k| k + 1) };
    // A party or nationality before a full name is a modifier:
    // "Republican Donald Trump" -> "Donald Trump".
    // (an organisation keeps it: "American Bar Association")
    while !org && run.len() - first >= 3 && DESCRIPTOR_SET.contains(run[first].lower()) {
        first += 1;
    }
    // What comes before the name is kept as its roles ("Indiana Gov." ->
    // indiana, gov).
    let titles: Vec<String> = run[..first]
        .iter()
        .map(|w| w.lower())
        .filter(|l| !NON_NAMES.contains(l))
        .map(str::to_string)
        .collect();
    while first < run.len()
        && (NON_NAMES.contains(run[first].lower()) || PARTICLE_SET.contains(run[first].lower()))
    {
        first += 1;
    }
    // Trailing titles or non-names ("Petrov Thursday") are cut too.
    let mut last = run.len();
    while last > first && NON_NAMES.contains(run[last - 1].lower()) {
        last -= 1;
    }
    if first >= last && first == run.len() && run.len() >= 2 {
        // "Charlie King", "Ann Major": a title word that can be a surname,
        // after a given name, is the surname.
        let k = run.len() - 1;
        let given = run[k - 1];
        let surname_title = SURNAME_TITLES.contains(&run[k].lower()) && run[k].is_capitalised();
        if surname_title
            && !TITLES.contains(given.lower())
            && !DESCRIPTOR_SET.contains(given.lower())
            && !NON_NAMES.contains(given.lower())
        {
            first = run[..k - 1].iter().rposition(|w| TITLES.contains(w.lower())).map_or(0, |t| t + 1);
            while NON_NAMES.contains(run[first].lower()) && first < k - 1 {
                first += 1;
            }
        }
    }
    if first >= last {
        // "Mr. King", "Mr. Prince": after an honorific, a title word is the surname.
        let honorific = run.len() >= 2 && matches!(run[run.len() - 2].lower(), "mr" | "mrs" | "ms" | "dr");
        if !honorific || NON_NAMES.contains(run[run.len() - 1].lower()) {
            return None;
        }
        first = run.len() - 1;
        last = run.len();
    }
    let kept = &run[first..last];
    let mut name = String::with_capacity(kept.iter().map(|w| w.text.len() + 1).sum());
    for (k, w) in kept.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(&w.text);
    }
    let span = kept[0].span.cover(&kept[kept.len() - 1].span);
    let possessive = kept[kept.len() - 1].possessive;
    Some(Name { span, name, titles, place_like: false, possessive })
}

/// Every name in `flat[span]`, with possessive owners dropped.
pub fn names_in(flat: &str, span: Span) -> Vec<Name> {
    names_in_words(&words(flat, span))
}

/// Every name among the words of one paragraph (see [`names_in`]).
pub fn names_in_words(ws: &[Word]) -> Vec<Name> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if is_name_word(&ws[i]) || TITLES.contains(ws[i].lower()) {
            if let Some(name) = name_starting_at(ws, i) {
                // Word spans increase, and the name's words are at `i` or later.
                let end = ws[i..].iter().position(|w| w.span.end >= name.span.end).map_or(i, |k| i + k);
                i = end.max(i) + 1;
                let mut name = name;
                let before = ws.partition_point(|w| w.span.end <= name.span.start).checked_sub(1);
                name.place_like =
                    name.titles.is_empty() && before.is_some_and(|b| PLACES.contains(ws[b].lower()));
                out.push(name);
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        names_in(s, Span::new(0, s.len())).into_iter().map(|n| n.name).collect()
    }

    #[test]
    fn titles_and_owners_are_stripped() {
        assert_eq!(names("Velmora's Foreign Minister Anton Petrov said"), ["Velmora", "Anton Petrov"]);
        assert_eq!(names("said Health Minister Jane Moyo."), ["Jane Moyo"]);
        assert_eq!(names("the foreign minister Ana Ruiz"), ["Ana Ruiz"]);
    }

    /// An organisation keeps its nationality and its "and":
    /// one body, not two names or a truncated one.
    #[test]
    fn organisations_keep_their_whole_name() {
        assert_eq!(names("said the Estonian Bar Association."), ["Estonian Bar Association"]);
        assert_eq!(
            names("a spokesman for the Forest and Wildlife Service said"),
            ["Forest and Wildlife Service"]
        );
        // (two places joined by "and" stay two names)
        assert_eq!(names("filed by Kelsby and Orran, where"), ["Kelsby", "Orran"]);
    }

    #[test]
    fn titles_are_recorded() {
        let s = "Foreign Minister Anton Petrov spoke";
        let n = names_in(s, Span::new(0, s.len()));
        assert!(n[0].titles.contains(&"minister".to_string()));
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        assert_eq!(names("The talks went on"), Vec::<String>::new());
        assert_eq!(names("But Ouedraogo said"), ["Ouedraogo"]);
    }

    #[test]
    fn party_before_a_full_name_is_a_role() {
        let s = "Republican Donald Trump said";
        let n = names_in(s, Span::new(0, s.len()));
        assert_eq!(n[0].name, "Donald Trump");
        assert!(n[0].titles.contains(&"republican".to_string()));
        assert_eq!(names("United Nations officials"), ["United Nations"]);
    }

    #[test]
    fn place_before_a_title_is_a_role() {
        let s = "Ohio Gov. Ann Roe spoke";
        let n = names_in(s, Span::new(0, s.len()));
        assert_eq!(n[0].name, "Ann Roe");
        assert_eq!(n[0].titles, ["ohio", "gov"]);
    }

    #[test]
    fn title_word_after_an_honorific_is_a_surname() {
        assert_eq!(names("said Mr. King on Monday"), ["King"]);
    }

    #[test]
    fn surname_key_folds() {
        assert_eq!(surname_key("Ilia Korvïn"), "korvin");
    }
}
