//! Names of people (and organisations) in running text: capitalised word runs
//! with titles and possessives stripped, and the registry of mentions that
//! speaker attribution resolves pronouns, surnames and titles against.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;
use crate::text::fold;
use crate::words::{contains, NON_NAME_CAPITALS, TITLE_WORDS};

/// A word or a punctuation mark of running text, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub text: String,
    /// Written with a possessive `'s` (stripped from `text`): an owner,
    /// as in "Kenya's trade minister".
    pub possessive: bool,
}

impl Word {
    pub fn is_punct(&self) -> bool {
        !self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
    pub fn lower(&self) -> String {
        fold(&self.text)
    }
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{L}[\p{L}\p{M}\p{N}'’\-]*|\p{N}[\p{N},.]*\p{N}|\p{N}|[^\s\p{L}\p{N}]")
        .expect("static regex")
});

/// Words and punctuation of `flat[span]`, spans absolute.
pub fn words(flat: &str, span: Span) -> Vec<Word> {
    let slice = &flat[span.start..span.end];
    let mut out: Vec<Word> = Vec::new();
    let mut joined_until = 0;
    for m in WORD.find_iter(slice) {
        if m.start() < joined_until {
            continue;
        }
        let raw = m.as_str();
        // A word hyphenated across a line break ("Timbuk-" + "tu") is one word.
        if raw.ends_with('-') && raw.len() > 1 {
            let rest = &slice[m.end()..];
            let gap = rest.len() - rest.trim_start().len();
            if gap > 0 && rest[gap..].starts_with(|c: char| c.is_lowercase()) {
                if let Some(next) = WORD.find(&rest[gap..]) {
                    let tail = next.as_str().trim_end_matches(['\'', '’', '-']);
                    let end = m.end() + gap + tail.len();
                    joined_until = end;
                    out.push(Word {
                        span: Span::new(span.start + m.start(), span.start + end),
                        text: format!("{}{}", &raw[..raw.len() - 1], tail),
                        possessive: false,
                    });
                    continue;
                }
            }
        }
        let trimmed = raw.trim_end_matches(['\'', '’', '-']);
        let owner = trimmed.strip_suffix("'s").or_else(|| trimmed.strip_suffix("’s"));
        let text = owner.unwrap_or(trimmed);
        if !text.is_empty() {
            out.push(Word {
                span: Span::new(span.start + m.start(), span.start + m.start() + text.len()),
                text: text.to_string(),
                possessive: owner.is_some(),
            });
        }
    }
    out
}

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
    contains(PARTICLES, w)
}

/// A person or organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub span: Span,
    /// The name as written, titles stripped.
    pub name: String,
    /// Title and role words written just before it, lower case.
    pub titles: Vec<String>,
    /// Written after a preposition of place or a common noun ("in Cape
    /// Breton", "the coalition Sahel Solidarité"): not a person.
    pub place_like: bool,
    /// Written as an owner ("Kenya's"): a modifier of what follows.
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

/// Folded last word of a name: "Sergei Lavrov" -> "lavrov".
pub fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    fold(last).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn is_name_word(w: &Word) -> bool {
    (w.is_capitalised() && !w.is_punct()) || has_inner_capital(&w.text)
}

fn has_inner_capital(t: &str) -> bool {
    t.split(['-', '\'', '’']).skip(1).any(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// The name run ending at word index `end` (inclusive), if `ws[end]` is a name word.
pub fn name_ending_at(ws: &[Word], end: usize) -> Option<Name> {
    if !is_name_word(&ws[end]) {
        return None;
    }
    let mut start = end;
    while start > 0 {
        let prev = &ws[start - 1];
        let particle = contains(PARTICLES, &prev.lower()) && start >= 2 && is_name_word(&ws[start - 2]);
        let initial = prev.text == "." && start >= 2 && is_initial_or_title(&ws[start - 2]);
        if prev.possessive || !(is_name_word(prev) || particle || initial) {
            break;
        }
        start -= 1;
    }
    name_from(ws, start, end)
}

/// The name run starting at word index `start`.
pub fn name_starting_at(ws: &[Word], start: usize) -> Option<Name> {
    let mut i = start;
    // Titles may be lower case ("foreign minister Sergei Lavrov").
    while i < ws.len()
        && !is_name_word(&ws[i])
        && (contains(TITLE_WORDS, &ws[i].lower()) || ws[i].lower() == "the")
    {
        i += 1;
    }
    if i >= ws.len() || !is_name_word(&ws[i]) {
        return None;
    }
    let mut end = i;
    while end + 1 < ws.len() {
        let next = &ws[end + 1];
        if ws[end].possessive {
            break; // "Kenya's": the owner ends the run
        }
        let then_name = end + 2 < ws.len() && is_name_word(&ws[end + 2]);
        let initial = next.text == "." && is_initial_or_title(&ws[end]);
        if is_name_word(next) {
            end += 1;
        } else if then_name && (initial || contains(PARTICLES, &next.lower())) {
            end += 2;
        } else {
            break;
        }
    }
    let mut name = name_from(ws, i, end)?;
    let titles: Vec<String> = ws[start..i].iter().map(Word::lower).filter(|t| t != "the").collect();
    name.titles.splice(0..0, titles);
    Some(name)
}

fn is_initial_or_title(w: &Word) -> bool {
    (w.text.chars().count() == 1 && w.is_capitalised()) || contains(TITLE_WORDS, &w.lower())
}

/// Strip titles, possessive owners ("Russia's") and sentence-initial
/// non-names from `ws[start..=end]`; what remains is the name.
fn name_from(ws: &[Word], start: usize, end: usize) -> Option<Name> {
    let run: Vec<&Word> = ws[start..=end].iter().filter(|w| w.text != ".").collect();
    // Everything up to the last title word is title, owner or modifier:
    // "Meeting Malian Foreign Minister Abdoulaye Diop" -> "Abdoulaye Diop".
    let mut first = run.iter().rposition(|w| contains(TITLE_WORDS, &w.lower())).map_or(0, |k| k + 1);
    let titles: Vec<String> =
        run[..first].iter().map(|w| w.lower()).filter(|l| contains(TITLE_WORDS, l)).collect();
    while first < run.len()
        && (contains(NON_NAME_CAPITALS, &run[first].lower()) || contains(PARTICLES, &run[first].lower()))
    {
        first += 1;
    }
    // Trailing titles or non-names ("Lavrov Thursday") are cut too.
    let mut last = run.len();
    while last > first && contains(NON_NAME_CAPITALS, &run[last - 1].lower()) {
        last -= 1;
    }
    if first >= last {
        return None;
    }
    let kept = &run[first..last];
    let name = kept.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    let span = kept[0].span.cover(&kept[kept.len() - 1].span);
    let possessive = kept[kept.len() - 1].possessive;
    Some(Name { span, name, titles, place_like: false, possessive })
}

/// Every name in `flat[span]`, with possessive owners dropped.
pub fn names_in(flat: &str, span: Span) -> Vec<Name> {
    let ws = words(flat, span);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if is_name_word(&ws[i]) || contains(TITLE_WORDS, &ws[i].lower()) {
            if let Some(name) = name_starting_at(&ws, i) {
                let end = ws.iter().position(|w| w.span.end >= name.span.end).unwrap_or(i);
                i = end.max(i) + 1;
                let mut name = name;
                let before = ws.iter().rposition(|w| w.span.end <= name.span.start);
                name.place_like = name.titles.is_empty()
                    && before.is_some_and(|b| {
                        let w = &ws[b];
                        contains(PLACE_PREPOSITIONS, &w.lower())
                    });
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
        assert_eq!(names("Russia's Foreign Minister Sergei Lavrov said"), ["Russia", "Sergei Lavrov"]);
        assert_eq!(names("said Health Minister Jane Okafor."), ["Jane Okafor"]);
        assert_eq!(names("the foreign minister Ana Ruiz"), ["Ana Ruiz"]);
    }

    #[test]
    fn titles_are_recorded() {
        let s = "Foreign Minister Sergei Lavrov spoke";
        let n = names_in(s, Span::new(0, s.len()));
        assert!(n[0].titles.contains(&"minister".to_string()));
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        assert_eq!(names("The talks went on"), Vec::<String>::new());
        assert_eq!(names("But Diop said"), ["Diop"]);
    }

    #[test]
    fn surname_key_folds() {
        assert_eq!(surname_key("Moussa Maïga"), "maiga");
    }
}
