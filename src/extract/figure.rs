//! Figures: counts, amounts and percentages with their scale, currency,
//! qualifier (about / at least / up to) and the thing counted. Digits with
//! separators, decimals, scale words and suffixes (1.2 million, $3m, 2bn,
//! 40k), number words (one thousand, a dozen, twenty-five), ranges. Years,
//! dates, times, ordinals and identifiers (Covid-19, Article 5) are not figures.

use std::sync::LazyLock;

use regex::Regex;
use text2num::{text2digits, Language};

use crate::extract::Qualifier;
use crate::span::Span;
use crate::text::{fold, fold_head, fold_tail, lemma};
use crate::words::{
    contains, CURRENCIES, EVENT_CUES, IDENTIFIER_WORDS, IRREGULAR_PLURALS, MONTHS, QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE, SCALES, UNIT_STOPS, UNIT_SYNONYMS, YEAR_CUES,
};

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// From the currency or first digit to the end of the unit noun phrase.
    pub span: Span,
    pub value: f64,
    /// The upper end of a range ("1,000-1,200", "between 10 and 15").
    pub high: Option<f64>,
    /// The thing counted as written ("ethnic groups"), or the currency code.
    pub unit: Option<String>,
    /// Comparison key of the thing counted ("group", "USD", "percent").
    pub unit_key: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub qualifier_text: Option<String>,
}

const NUMBER_WORDS: &str = "half|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen";

static NUMBER: LazyLock<Regex> = LazyLock::new(|| number_regex(false));

/// [`NUMBER`] with ASCII word boundaries, for a sentence where they are the
/// same as Unicode ones ([`crate::text::ascii_boundaries_suffice`]): a Unicode `\b`
/// keeps the fast engine from running on any text with a curly quote.
static NUMBER_ASCII: LazyLock<Regex> = LazyLock::new(|| number_regex(true));

/// The figure pattern, with ASCII word boundaries and digits when `ascii`.
fn number_regex(ascii: bool) -> Regex {
    let b = if ascii { r"(?-u:\b)" } else { r"\b" };
    let scale = "thousand|million|billion|trillion|mln|bln|mn|bn|tn|m|b|k|crore|lakh";
    let words =
        format!(r"(?:(?:a|an|{NUMBER_WORDS})(?:[\s-]+(?:and[\s-]+)?(?:an?[\s-]+)?(?:{NUMBER_WORDS}))*)");
    let pattern = format!(
        r"(?xi)
        (?P<cur>US\$|\$|€|£|¥|₦|₹|₽|{b}(?:USD|EUR|GBP|CFA|XOF|CHF|CNY|RUB|INR|NGN|ZAR|KES)\s?)?
        (?:
          (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\u{{a0}}\u{{202f}}\u{{2009}}\x20]\d{{3}})+{b}|\d+(?:\.\d+)?)
          (?:\s?(?P<scale>{scale}){b})?
        |
          {b}(?P<words>{words}){b}
        )
        (?P<pct>\s?%|\s?per\s?cent{b}|\s?percent{b}|\s?percentage\s+points?{b})?
        "
    );
    // Where ASCII boundaries suffice no digit is beyond ASCII, and the
    // ASCII class builds a far smaller automaton.
    let pattern = if ascii { pattern.replace(r"\d", "[0-9]") } else { pattern };
    Regex::new(&pattern).expect("static regex")
}

static RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s?[-–—]\s?|\s+to\s+|\s+and\s+)(?:US\$|\$|€|£)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|m|bn|k)\b)?")
        .expect("static regex")
});

/// What every figure [`NUMBER`] yields contains: a digit or a number word
/// other than "a"/"an" (which alone count nothing). Most sentences have
/// neither and skip the capturing search, the slow part. The word
/// boundaries are ASCII ones (a Unicode `\b` keeps the fast engine from
/// running); they differ only beside a non-ASCII letter that folds to an
/// ASCII one, `ſ` or `K`, and the hint passes a sentence with those to the
/// full search (in the same pass over the text).
static NUMBER_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&number_hint_pattern()).expect("static regex"));

/// [`NUMBER_HINT`]'s pattern (a group: it joins the date hint's, see
/// [`crate::extract`]).
pub(crate) fn number_hint_pattern() -> String {
    format!(r"(?i:\d|(?-i:\x{{17F}}|\x{{212A}})|(?-u:\b)(?:{NUMBER_WORDS})(?-u:\b))")
}

/// Figures in one sentence of `flat` (the document with line breaks as spaces).
pub fn figures_in(flat: &str, sentence: Span) -> Vec<RawFigure> {
    let s = &flat[sentence.start..sentence.end];
    let mut out: Vec<RawFigure> = Vec::new();
    if !NUMBER_HINT.is_match(s) {
        return out;
    }
    let mut skip_until = 0;
    let number = if crate::text::ascii_boundaries_suffice(s) { &*NUMBER_ASCII } else { &*NUMBER };
    for caps in number.captures_iter(s) {
        let m = caps.get(0).expect("group 0");
        if m.start() < skip_until || m.as_str().trim().is_empty() {
            continue;
        }
        let mut end = m.end();
        let cur = caps.name("cur").map(|c| c.as_str().trim());
        let pct = caps.name("pct").is_some();
        let scale_at = caps.name("scale");
        let scale = scale_at.map(|c| c.as_str());
        let (value, is_words) = match (caps.name("num"), caps.name("words")) {
            (Some(n), _) => (parse_digits(n.as_str()), false),
            (None, Some(w)) => match parse_words(w.as_str()) {
                Some(v) => (Some(v), true),
                None => continue,
            },
            _ => continue,
        };
        let Some(mut value) = value else { continue };
        let num_text = caps.name("num").map_or("", |n| n.as_str());
        let age = age_context(s, m.start(), m.end());
        if !is_words
            && !age
            && !plausible_count(s, m.start(), m.end(), num_text, cur.is_some() || pct || scale.is_some())
        {
            continue;
        }
        if let Some(sc) = scale_at {
            // A bare "m"/"b"/"k" suffix must be attached ("$3m", "40k"): no
            // space between the number and it (a percent sign may follow).
            let attached = !s[m.start()..sc.start()].ends_with(' ');
            if sc.len() > 2 || attached {
                value *= scale_of(sc.as_str());
            }
        }
        let mut high = None;
        // "rose 9% to €412m" is a change, not a range: a range's ends are
        // the same kind of number.
        let tail = RANGE_TAIL.captures(&s[end..]).filter(|r| {
            let money_tail = r[0].contains(['$', '€', '£']);
            !pct && money_tail == cur.is_some()
        });
        if let Some(r) = tail {
            let is_between_and = r[0].trim_start().starts_with("and");
            let between =
                crate::text::last_chars(s[..m.start()].trim_end(), 16).to_lowercase().ends_with("between");
            if !is_between_and || between {
                if let Some(mut h) = parse_digits(&r[1]) {
                    if let Some(sc) = r.get(2) {
                        h *= scale_of(sc.as_str());
                    } else if let Some(sc) = scale {
                        h *= scale_of(sc);
                    }
                    if h > value {
                        high = Some(h);
                        end += r[0].len();
                    } else if !is_between_and {
                        // "passed 234-193", "won 5-4", "the 2012-13 season":
                        // a tally, a score or a season, not a count.
                        skip_until = end + r[0].len();
                        continue;
                    }
                }
            }
        }
        skip_until = end;
        let currency = cur.map(currency_code).or_else(|| currency_word_after(&s[end..]));
        let (unit, unit_end) = unit_after(s, end);
        let (mut qualifier, mut qualifier_text) = qualifier_of(s, m.start(), unit_end.unwrap_or(end));
        // "spent it over four years": a period, not "more than four years".
        let period =
            unit.as_deref().map(fold).is_some_and(|u| contains(DURATION_UNITS, u.trim_end_matches('s')));
        if period && matches!(qualifier_text.as_deref(), Some("over" | "across" | "within")) {
            (qualifier, qualifier_text) = (None, None);
        }
        let unit_key = if pct {
            Some("percent".to_string())
        } else if let Some(c) = &currency {
            Some(c.clone())
        } else {
            // "30,000 had joined the march": a bare count that gathers is of people.
            let key = unit
                .as_deref()
                .map(unit_key)
                .or_else(|| crowd_after(&s[end..]).then(|| "people".to_string()));
            match key.as_deref() {
                None | Some("people") => event_cue(s, m.start(), end).map(|c| format!("people:{c}")).or(key),
                Some(k) => Some(cue_of(k).map_or_else(|| k.to_string(), |c| format!("people:{c}"))),
            }
        };
        // An age is its own quantity ("the 76-year-old leader", "aged 76",
        // "Mira Quell, 76,"); a number joined to its noun by a hyphen
        // describes something else ("a 2,300-worker plant", "a 40-mile
        // trip") and never stands against a plain count.
        let unit_lower = unit.as_deref().map(fold);
        let (unit, unit_key) =
            if age || matches!(unit_lower.as_deref(), Some("year-old" | "years old" | "year old")) {
                (Some(unit.filter(|_| !age).unwrap_or_else(|| "years".to_string())), Some("age".to_string()))
            } else if unit.is_some() && s[end..].starts_with('-') && !pct && currency.is_none() {
                (unit, unit_key.map(|k| format!("{k}@attr")))
            } else if is_total(&s[..m.start()]) {
                // "won 240 of the 420 seats": 420 is the whole, not a count of it.
                (unit, unit_key.map(|k| format!("{k}@total")))
            } else {
                (unit, unit_key)
            };
        let unit_text = if pct { Some("percent".to_string()) } else { currency.clone().or(unit) };
        let start = sentence.start + m.start() + (m.as_str().len() - m.as_str().trim_start().len());
        let stop = sentence.start + unit_end.unwrap_or(end);
        out.push(RawFigure {
            span: Span::new(start, stop.max(start)),
            value,
            high,
            unit: unit_text,
            unit_key,
            qualifier,
            qualifier_text,
        });
    }
    out
}

fn scale_of(word: &str) -> f64 {
    let w = word.to_lowercase();
    SCALES.iter().find(|(s, _)| *s == w).map_or(1.0, |(_, v)| *v)
}

fn currency_code(sym: &str) -> String {
    let s = sym.to_lowercase();
    CURRENCIES.iter().find(|(k, _)| *k == s).map_or_else(|| sym.to_uppercase(), |(_, c)| (*c).to_string())
}

/// "6 billion CFA francs", "300 euros": a currency written after the number.
fn currency_word_after(rest: &str) -> Option<String> {
    let mut words = rest
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let first = words.next()?;
    let hit =
        |w: &str| CURRENCIES.iter().find(|(k, _)| k.len() > 1 && *k == w).map(|(_, c)| (*c).to_string());
    hit(&first).or_else(|| if first == "cfa" { Some("XOF".into()) } else { None })
}

/// ```
/// use claimdiff::extract::figure::parse_digits;
/// assert_eq!(parse_digits("1,200"), Some(1200.0));
/// assert_eq!(parse_digits("1 000"), Some(1000.0));
/// assert_eq!(parse_digits("2.5"), Some(2.5));
/// ```
pub fn parse_digits(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    cleaned.parse().ok()
}

/// Number words to a value: "one thousand" -> 1000, "a dozen" -> 12,
/// "twenty-five" -> 25. A lone "one" or "a" is not a figure.
pub fn parse_words(s: &str) -> Option<f64> {
    let lower = s.to_lowercase().replace('-', " ");
    let ws: Vec<&str> = lower.split_whitespace().collect();
    let content: Vec<&str> = ws.iter().copied().filter(|w| !matches!(*w, "a" | "an" | "and")).collect();
    if content.is_empty() || content == ["one"] || content == ["zero"] || content == ["half"] {
        return None;
    }
    let scale = |w: &str| SCALES.iter().find(|(k, _)| *k == w && k.len() > 2).map(|(_, v)| *v);
    // A scale word alone ("million dollars") counts nothing by itself.
    if content.len() == 1 && scale(content[0]).is_some() && !matches!(ws.first(), Some(&"a" | &"an")) {
        return None;
    }
    if let Some(h) = content.iter().position(|w| *w == "half") {
        // "one and a half million" = 1.5 million; "half a million" = 0.5 million.
        let whole = if h == 0 {
            0.0
        } else {
            parse_words(&content[..h].join(" ")).or((content[..h] == ["one"]).then_some(1.0))?
        };
        let mult = match &content[h + 1..] {
            [] => 1.0,
            [w] => scale(w)?,
            _ => return None,
        };
        return Some((whole + 0.5) * mult);
    }
    if content.last() == Some(&"dozen") {
        let lead = &content[..content.len() - 1];
        let mult = if lead.is_empty() {
            1.0
        } else {
            parse_words(&lead.join(" ")).or((lead == ["one"]).then_some(1.0))?
        };
        return Some(mult * 12.0);
    }
    if ws.first().is_some_and(|w| matches!(*w, "a" | "an")) && content.len() == 1 {
        // "a thousand", "a million", "a hundred"
        return SCALES.iter().find(|(k, _)| *k == content[0] && k.len() > 2).map(|(_, v)| *v);
    }
    let phrase = ws.iter().copied().filter(|w| !matches!(*w, "a" | "an")).collect::<Vec<_>>().join(" ");
    text2digits(&phrase, &Language::english()).ok()?.parse().ok()
}

/// Whether digits at `s[start..end]` are a count, not a year, date, time,
/// ordinal or identifier.
/// Whether the number at `start..end` of `s` is an age: after "aged", or
/// set off by commas right after a name ("Quell, 67, said").
/// Whether the words before a number make it the whole of a part just
/// given ("240 of the 420", "three out of 10").
fn is_total(before: &str) -> bool {
    let b = before.trim_end();
    let Some(rest) = ["of the", "out of", "of"].iter().find_map(|p| b.strip_suffix(p)) else { return false };
    let prev = rest.split_whitespace().next_back().unwrap_or("");
    !prev.is_empty() && prev.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Units of time: "over" before one makes a period, not a bound.
const DURATION_UNITS: &[&str] =
    &["year", "month", "week", "day", "decade", "hour", "minute", "quarter", "season"];

fn age_context(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].trim_end();
    let after = &s[end..];
    if last_word(before).eq_ignore_ascii_case("aged") {
        return true;
    }
    let Some(head) = before.strip_suffix(',') else { return false };
    let name = head.split_whitespace().next_back().unwrap_or("").trim_end_matches(['’', '\'']);
    name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().all(char::is_alphabetic)
        && after.starts_with([',', '.', ';'])
        && s[start..end].trim().chars().all(|c| c.is_ascii_digit())
        && s[start..end].trim().len() <= 3
}

fn plausible_count(s: &str, start: usize, end: usize, num: &str, marked: bool) -> bool {
    let before = &s[..start];
    let after = &s[end..];
    let prev_char = before.chars().last();
    let next_char = after.chars().next();
    // Covid-19, G20, F-16, 737-800, 10:30, 2012-13, 3pm, 11th.
    if prev_char.is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '/')
        || (prev_char == Some('-')
            && before[..before.len() - 1].chars().last().is_some_and(char::is_alphanumeric))
    {
        return false;
    }
    if next_char.is_some_and(|c| c.is_alphabetic()) && !marked {
        return false;
    }
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if after.starts_with('/')
        || after.starts_with(['–', '-'])
            && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
            && is_year(num)
    {
        return false;
    }
    let prev_word = last_word(before);
    let next_word = first_word(after);
    if regex_is_time(after) {
        return false;
    }
    if contains(MONTHS, &prev_word)
        || contains(MONTHS, &next_word)
        || contains(MONTHS, prev_word.trim_end_matches('.'))
    {
        return false;
    }
    if contains(IDENTIFIER_WORDS, &prev_word) && !marked {
        return false;
    }
    if is_year(num) && !marked {
        let plural_noun =
            next_word.len() > 3 && next_word.ends_with('s') && !contains(UNIT_STOPS, &next_word);
        if contains(YEAR_CUES, &prev_word) || !plural_noun {
            return false;
        }
    }
    true
}

fn is_year(num: &str) -> bool {
    num.len() == 4
        && num.chars().all(|c| c.is_ascii_digit())
        && (1800..=2100).contains(&num.parse::<u32>().unwrap_or(0))
}

fn regex_is_time(after: &str) -> bool {
    // The checks read at most the first seven characters (and "am"/"pm"
    // the whole rest): a long rest need not be lowered whole.
    let a = crate::text::first_chars(after.trim_start(), 16).to_lowercase();
    a.starts_with("a.m")
        || a.starts_with("p.m")
        || a.starts_with("am ")
        || a.starts_with("pm ")
        || a == "am"
        || a == "pm"
        || a.starts_with("gmt")
        || a.starts_with("hours")
        || a.starts_with("hrs")
        || a.starts_with("o'clock")
}

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .next_back()
        .map(|w| fold(w).trim_matches(|c: char| !c.is_alphanumeric() && c != '.').to_string())
        .unwrap_or_default()
}

fn first_word(s: &str) -> String {
    s.split_whitespace()
        .next()
        .map(|w| fold(w).trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .unwrap_or_default()
}

/// The noun phrase after a number naming what it counts ("ethnic groups",
/// "Redline fighters", "killed"): up to four words, stopping at punctuation,
/// function words and numbers. Returns the phrase and the byte end of it.
/// Verbs of people gathering: a bare number doing them counts people.
const CROWD_VERBS: &[&str] = &[
    "joined",
    "marched",
    "attended",
    "protested",
    "rallied",
    "gathered",
    "demonstrated",
    "turned",
    "took",
    "walked",
    "packed",
    "lined",
    "filled",
    "signed",
];

/// Whether the words after a bare number say people gathered: "30,000
/// had joined", "5,000 marched", "2,000 turned out".
fn crowd_after(rest: &str) -> bool {
    let mut words =
        rest.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    let mut w = words.next();
    while w
        .as_deref()
        .is_some_and(|w| matches!(w, "had" | "have" | "has" | "were" | "are" | "also" | "reportedly"))
    {
        w = words.next();
    }
    let Some(verb) = w else { return false };
    contains(CROWD_VERBS, &verb)
        && match verb.as_str() {
            "turned" => words.next().as_deref() == Some("out"),
            "took" => words.next().as_deref() == Some("part"),
            _ => true,
        }
}

fn unit_after(s: &str, from: usize) -> (Option<String>, Option<usize>) {
    // "almost 40 of its branches": the thing counted follows "of" + determiner.
    if let Some(m) = OF_DETERMINER.find(&s[from..]) {
        let (unit, end) = unit_after(s, from + m.end());
        if unit.is_some() {
            return (unit, end);
        }
    }
    let rest = &s[from..];
    let mut words: Vec<(usize, usize)> = Vec::new();
    for m in NONSPACE.find_iter(rest) {
        let raw = m.as_str();
        let word = raw.trim_end_matches(|c: char| ",.;:!?)\"”'’".contains(c));
        let w = fold(word);
        let hyphen_unit = words.is_empty() && m.start() == 0 && word.starts_with('-');
        // "3,000 more air traffic controllers": the count's own adjective.
        if words.is_empty() && matches!(w.as_str(), "more" | "additional" | "extra" | "new" | "fewer") {
            continue;
        }
        let is_word = !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !(is_word || hyphen_unit) || contains(UNIT_STOPS, &w) || words.len() >= 4 {
            break;
        }
        if words.is_empty() && w.ends_with("ly") {
            break;
        }

        words.push((m.start(), m.start() + word.len()));
        if word.len() != raw.len() {
            break; // punctuation closes the phrase
        }
    }
    if words.is_empty() {
        return (None, None);
    }
    // The head noun is the first plural in the phrase ("people live
    // downstream" -> "people"); without one, the first word ("30 wounded").
    let plural = words.iter().position(|&(a, b)| is_plural(&rest[a..b]));
    words.truncate(plural.map_or(1, |p| p + 1));
    let (a, b) = (words[0].0, words[words.len() - 1].1);
    let text = rest[a..b].trim_start_matches('-').to_string();
    (Some(text), Some(from + b))
}

fn is_plural(w: &str) -> bool {
    let w = fold(w);
    contains(IRREGULAR_PLURALS, &w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

static OF_DETERMINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:the|its|their|his|her|our|those|these)\b").expect("static regex")
});

static NONSPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+").expect("static regex"));

fn cue_of(word: &str) -> Option<&'static str> {
    EVENT_CUES.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

/// The event cue ("killed", "injured") nearest to the number at
/// `s[start..end]`, within ten words either side.
fn event_cue(s: &str, start: usize, end: usize) -> Option<&'static str> {
    let before = s[..start].split_whitespace().rev().take(10).enumerate();
    let after = s[end..].split_whitespace().take(10).enumerate();
    before
        .chain(after)
        .filter_map(|(d, w)| {
            let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            cue_of(&w).map(|c| (d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Comparison key of a unit phrase: the singular of its head noun, mapped
/// through the synonym table.
///
/// ```
/// use claimdiff::extract::figure::unit_key;
/// assert_eq!(unit_key("ethnic groups"), "group");
/// assert_eq!(unit_key("Redline fighters"), "fighter");
/// assert_eq!(unit_key("soldiers"), "troop");
/// ```
pub fn unit_key(unit: &str) -> String {
    let head = unit.split_whitespace().last().unwrap_or(unit);
    let l = lemma(&fold(head));
    UNIT_SYNONYMS.iter().find(|(w, _)| *w == l).map_or(l, |(_, k)| (*k).to_string())
}

/// The qualifier written before the figure (or after its unit).
fn qualifier_of(s: &str, start: usize, end: usize) -> (Option<Qualifier>, Option<String>) {
    let extra = crate::words::extra_hedges();
    let longest = |phrases: &mut dyn Iterator<Item = usize>| phrases.max().unwrap_or(0);
    let before_max =
        longest(&mut QUALIFIERS_BEFORE.iter().map(|(p, _)| p.len()).chain(extra.iter().map(String::len)));
    let before = fold_tail(&s[..start], before_max);
    let before = before.trim_end();
    for (phrase, q) in QUALIFIERS_BEFORE {
        if let Some(cut) = before.strip_suffix(phrase) {
            if cut.is_empty() || cut.ends_with(|c: char| !c.is_alphanumeric()) {
                return (Some(*q), Some(phrase.trim_end_matches('-').to_string()));
            }
        }
    }
    for hedge in extra {
        if let Some(cut) = before.strip_suffix(hedge.as_str()) {
            if cut.is_empty() || cut.ends_with(|c: char| !c.is_alphanumeric()) {
                return (Some(Qualifier::Approximate), Some(hedge));
            }
        }
    }
    let after = fold_head(&s[end..], longest(&mut QUALIFIERS_AFTER.iter().map(|(p, _)| p.len())));
    let after = after.trim_start();
    for (phrase, q) in QUALIFIERS_AFTER {
        if after.starts_with(phrase)
            && after[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        {
            return (Some(*q), Some(phrase.to_string()));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hint passes what the number hint without the folding letters
    /// passes, and any text with `ſ` or `K` (which fold to `s` and `k`), and
    /// nothing else: the folding letters match only themselves.
    #[test]
    fn hint_passes_folding_letters_and_only_them() {
        let plain = Regex::new(&format!(r"(?i)\d|(?-u:\b)(?:{NUMBER_WORDS})(?-u:\b)")).unwrap();
        let pieces = ["s", "S", "k", "K", "\u{17f}", "\u{212a}", "six", "SIX", "x", " ", "7", "\u{663}", "é"];
        let mut passed = 0;
        for text in crate::text::test_texts(&pieces, 3000, 5) {
            let want = plain.is_match(&text) || text.contains(['\u{17f}', '\u{212a}']);
            assert_eq!(NUMBER_HINT.is_match(&text), want, "{text:?}");
            passed += usize::from(want);
        }
        assert!(passed > 500 && passed < 2900, "{passed}");
    }

    /// On text whose non-ASCII characters are punctuation and signs, the
    /// ASCII-boundary pattern captures exactly what the Unicode one does.
    #[test]
    fn ascii_boundaries_match_unicode_ones_where_they_suffice() {
        let pieces = [
            "12",
            "1,200",
            "3.5",
            "40k",
            "$",
            "€",
            "US$",
            "USD ",
            "one",
            "thousand",
            "a",
            "dozen",
            "ten",
            "per cent",
            "%",
            "million",
            "bn",
            " ",
            " ",
            "-",
            "–",
            "—",
            "“",
            "”",
            "’",
            "'",
            "…",
            "(",
            ")",
            ",",
            ".",
            "fighters",
            "Oneida",
            "tent",
            "twenty-five",
            "between",
            "and",
            "to",
            "\u{a0}",
            "\u{2009}",
            "points",
            "percentage",
            "k",
            "m",
            "CFA",
            "é",
            "Ñ",
        ];
        crate::text::assert_ascii_variant_agrees(&NUMBER_ASCII, &NUMBER, &pieces, 12);
    }

    /// Regression: a scale word followed by a percent sign was cut off the
    /// match by its length from the end, inside a multi-byte `K` (a panic).
    #[test]
    fn scale_before_percent_sign_is_read_where_it_stands() {
        let _ = figs("It was 2024 \u{212a} %.");
        assert_eq!(figs("It was 2024 k %.")[0].0, 2024.0);
        assert_eq!(figs("Costs rose 40k % in a year.")[0].0, 40_000.0);
    }

    fn figs(s: &str) -> Vec<(f64, Option<String>, Option<Qualifier>)> {
        figures_in(s, Span::new(0, s.len())).into_iter().map(|f| (f.value, f.unit_key, f.qualifier)).collect()
    }

    #[test]
    fn counts_with_units() {
        assert_eq!(figs("a deal to send 1,000 fighters to Mali"), [(1000.0, Some("fighter".into()), None)]);
        assert_eq!(
            figs("home to at least 20 ethnic groups"),
            [(20.0, Some("group".into()), Some(Qualifier::Lower))]
        );
    }

    #[test]
    fn money_and_scales() {
        assert_eq!(figs("a $1.2 million grant")[0].0, 1_200_000.0);
        assert_eq!(figs("a $3m grant")[0].0, 3_000_000.0);
        assert_eq!(figs("it cost 2bn euros")[0].0, 2e9);
        assert_eq!(figs("a $3m grant")[0].1.as_deref(), Some("USD"));
    }

    #[test]
    fn percent_forms_agree() {
        assert_eq!(figs("rose 20% last year")[0].1.as_deref(), Some("percent"));
        assert_eq!(figs("rose 20 per cent last year")[0].0, 20.0);
    }

    #[test]
    fn number_words() {
        assert_eq!(figs("one thousand fighters")[0].0, 1000.0);
        assert_eq!(figs("a dozen villages")[0].0, 12.0);
        assert_eq!(figs("twenty-five people")[0].0, 25.0);
        assert_eq!(figs("a thousand troops")[0].0, 1000.0);
        assert_eq!(figs("one and a half million dollars")[0].0, 1_500_000.0);
        assert_eq!(figs("half a million people")[0].0, 500_000.0);
        assert!(figs("one of the men").is_empty());
    }

    #[test]
    fn years_dates_times_and_identifiers_are_not_figures() {
        assert!(figs("fighting since 2013").is_empty());
        assert!(figs("on Nov. 11 the talks").is_empty());
        assert!(figs("at 2.15pm local").is_empty());
        assert!(figs("the Covid-19 crisis").is_empty());
        assert!(figs("the 2012-13 season").is_empty());
        assert!(figs("under Article 5 of").is_empty());
    }

    #[test]
    fn ranges_and_qualifiers() {
        let f = figures_in("between 10 and 15 people died", Span::new(0, 29));
        assert_eq!((f[0].value, f[0].high), (10.0, Some(15.0)));
        assert_eq!(figs("up to 700 troops")[0].2, Some(Qualifier::Upper));
        assert_eq!(figs("nearly 300 homes")[0].2, Some(Qualifier::Upper));
        assert_eq!(figs("some 1,000 troops")[0].2, Some(Qualifier::Approximate));
        assert_eq!(figs("100 people or more")[0].2, Some(Qualifier::Lower));
        let f = figures_in("profit rose 9% to €412m", Span::new(0, 23));
        assert_eq!((f[0].value, f[0].high), (9.0, None));
    }

    #[test]
    fn a_whole_is_not_a_count_of_its_part() {
        let f = figs("the party won 240 of the 420 seats");
        assert!(f.iter().any(|x| x.1.as_deref().is_some_and(|k| k.ends_with("@total"))), "{f:?}");
    }

    #[test]
    fn over_a_duration_is_a_period() {
        assert_eq!(figs("he spent it over four years")[0].2, None);
        assert_eq!(figs("over 300 homes")[0].2, Some(Qualifier::Lower));
    }

    #[test]
    fn ages_are_their_own_quantity() {
        for (s, v) in [
            ("Mira Quell, 67, said so.", 67.0),
            ("the leader, aged 76, said", 76.0),
            ("the 76-year-old leader", 76.0),
        ] {
            let f = figures_in(s, Span::new(0, s.len()));
            assert_eq!(f.len(), 1, "{s}");
            assert_eq!((f[0].value, f[0].unit_key.as_deref()), (v, Some("age")), "{s}");
        }
        let f = figs("its 2,300-worker plant");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn tallies_scores_and_seasons_are_not_figures() {
        for s in [
            "The bill passed 234-193 on Friday.",
            "The House voted 234 to 193 on Friday.",
            "They won 5-4 after extra time.",
            "The 2012-13 season ended.",
        ] {
            assert!(figures_in(s, Span::new(0, s.len())).is_empty(), "{s}");
        }
    }

    #[test]
    fn space_separated_thousands() {
        assert_eq!(figs("816 000 tonnes")[0].0, 816_000.0);
    }
}
