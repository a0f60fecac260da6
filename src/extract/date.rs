//! Dates: weekdays ("on Thursday"), calendar dates (Nov. 11, 11 November
//! 2021, 2021-11-11) and years tied to an event ("since 2013"), each with the
//! stems of the clause it dates (the event), resolved against the dateline
//! ("MOSCOW, Nov 11 (Wire) -") or a publication date where there is one.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::span::Span;
use crate::text::fold;
use crate::words::{MONTHS, WEEKDAYS, YEAR_PREPOSITIONS};

pub use crate::value::DateValue;

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDate {
    pub span: Span,
    pub value: DateValue,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| date_regex(false));

/// [`DATE`] with ASCII word boundaries, for a sentence where they are the
/// same as Unicode ones ([`crate::text::ascii_boundaries_suffice`]).
static DATE_ASCII: LazyLock<Regex> = LazyLock::new(|| date_regex(true));

/// The date pattern, with ASCII word boundaries and digits when `ascii`.
fn date_regex(ascii: bool) -> Regex {
    let b = if ascii { r"(?-u:\b)" } else { r"\b" };
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    let pattern = format!(
        r"(?x)
        (?P<wdate>{b}(?P<ww>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:(?P<wm_m>{month})\s+(?P<wm_d>\d{{1,2}})(?:st|nd|rd|th)?{b}|(?P<wd_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<wd_m>{month})))
        | (?P<iso>{b}(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}){b})
        | {b}(?P<md_m>{month})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?{b}(?:,?\s+(?P<md_y>\d{{4}}){b})?
        | {b}(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_m>{month})(?:\s+(?P<dm_y>\d{{4}}){b})?
        | {b}(?P<my_m>{month})\s+(?P<my_y>\d{{4}}){b}
        | {b}(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){b}
        | {b}(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter)\s+(?:early\s+|late\s+|mid-?)?(?P<yr>(?:18|19|20)\d{{2}}){b}(?:[-–/]\d)?
        "
    );
    // Where ASCII boundaries suffice no digit is beyond ASCII, and the
    // ASCII class builds a far smaller automaton.
    let pattern = if ascii { pattern.replace(r"\d", "[0-9]") } else { pattern };
    Regex::new(&pattern).expect("static regex")
}

/// What every [`DATE`] match contains: a digit or a weekday. Most
/// sentences have neither and skip the capturing search, the slow part.
static DATE_HINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(DATE_HINT_PATTERN).expect("static regex"));

/// [`DATE_HINT`]'s pattern (a group: it joins the figure hint's, see
/// [`crate::extract`]).
pub(crate) const DATE_HINT_PATTERN: &str = r"(?:\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

fn month_number(s: &str) -> Option<i8> {
    let m = fold(s.trim_end_matches('.'));
    let i = MONTHS.iter().position(|x| *x == m || (m.len() >= 3 && x.starts_with(&m)))?;
    // MONTHS lists the twelve full names, then abbreviations in order.
    let n = if i < 12 { i } else { [0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11][i - 12] };
    Some(n as i8 + 1)
}

/// Dates in one sentence of `flat`.
pub fn dates_in(flat: &str, sentence: Span) -> Vec<RawDate> {
    let s = &flat[sentence.start..sentence.end];
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<i16>().ok());
    let mut out = Vec::new();
    if !DATE_HINT.is_match(s) {
        return out;
    }
    let date = if crate::text::ascii_boundaries_suffice(s) { &*DATE_ASCII } else { &*DATE };
    for c in date.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        let mut v = DateValue::default();
        if let Some(w) = c.name("ww") {
            // "Sunday, March 3": one date, both ways.
            v.weekday = WEEKDAYS.iter().position(|x| *x == fold(w.as_str())).map(|i| i as i8);
            v.month = c.name("wm_m").or(c.name("wd_m")).and_then(|m| month_number(m.as_str()));
            v.day = num(c.name("wm_d").or(c.name("wd_d"))).map(|x| x as i8);
        } else if c.name("iso").is_some() {
            v.year = num(c.name("iy"));
            v.month = num(c.name("im")).map(|x| x as i8);
            v.day = num(c.name("id")).map(|x| x as i8);
        } else if let Some(mm) = c.name("md_m") {
            v.month = month_number(mm.as_str());
            v.day = num(c.name("md_d")).map(|x| x as i8);
            v.year = num(c.name("md_y"));
        } else if let Some(mm) = c.name("dm_m") {
            v.month = month_number(mm.as_str());
            v.day = num(c.name("dm_d")).map(|x| x as i8);
            v.year = num(c.name("dm_y"));
        } else if let Some(mm) = c.name("my_m") {
            v.month = month_number(mm.as_str());
            v.year = num(c.name("my_y"));
        } else if let Some(w) = c.name("wd") {
            v.weekday = WEEKDAYS.iter().position(|x| *x == fold(w.as_str())).map(|i| i as i8);
        } else if let Some(p) = c.name("prep") {
            v.year = num(c.name("yr"));
            let p = fold(p.as_str());
            v.relation = YEAR_PREPOSITIONS.iter().find(|x| **x == p).copied();
        }
        // "May" is also a verb: only with a day or year is it a month.
        if c.name("wd").is_none() && c.name("ww").is_none() && v.month.is_none() && v.year.is_none() {
            continue;
        }
        if v.day.is_some_and(|d| !(1..=31).contains(&d)) || v.month.is_some_and(|m| !(1..=12).contains(&m)) {
            continue;
        }
        if v.relation.is_none() {
            let prev = s[..m.start()].split_whitespace().next_back().map(fold).unwrap_or_default();
            v.relation = YEAR_PREPOSITIONS.iter().find(|x| **x == prev).copied();
        }
        let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
        out.push(RawDate { span, value: v });
    }
    out
}

/// The publication date a dateline gives ("MOSCOW, Nov 11 (Wire) -",
/// "Lusaka, 3 March 2024 -"), when the text opens with one.
pub fn dateline(text: &str) -> Option<DateValue> {
    let head: String = text.chars().take(200).collect();
    let upto = head
        .find(" - ")
        .or_else(|| head.find(" – "))
        .or_else(|| head.find(" — "))
        .or_else(|| head.find(" -- "))?;
    let prefix = &head[..upto];
    if prefix.split_whitespace().count() > 8 {
        return None;
    }
    let d = dates_in(prefix, Span::new(0, prefix.len())).into_iter().next()?;
    (d.value.day.is_some() || d.value.weekday.is_some()).then_some(d.value)
}

/// A full date from a dateline or metadata, when it has a year.
pub fn full_date(v: &DateValue) -> Option<Date> {
    Date::new(v.year?, v.month?, v.day?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On text whose non-ASCII characters are punctuation and signs, the
    /// ASCII-boundary pattern captures exactly what the Unicode one does.
    #[test]
    fn ascii_boundaries_match_unicode_ones_where_they_suffice() {
        let pieces = [
            "12",
            "3",
            "2024",
            "1999-04-05",
            "Monday",
            "Sunday",
            ",",
            " ",
            " ",
            "March",
            "Sept.",
            "Jan",
            "st",
            "th",
            "in",
            "In",
            "since",
            "by",
            "mid-",
            "late ",
            "–",
            "—",
            "“",
            "”",
            "’",
            "…",
            "/",
            "-",
            "\u{a0}",
            "é",
            "x",
            "Mondays",
            "2",
        ];
        crate::text::assert_ascii_variant_agrees(&DATE_ASCII, &DATE, &pieces, 10);
    }

    fn dates(s: &str) -> Vec<DateValue> {
        dates_in(s, Span::new(0, s.len())).into_iter().map(|d| d.value).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(dates("met on Thursday")[0].weekday, Some(3));
        let d = dates("on Nov. 11, 2021 they met")[0];
        assert_eq!((d.year, d.month, d.day), (Some(2021), Some(11), Some(11)));
        let d = dates("on 11 November 2021")[0];
        assert_eq!((d.year, d.month, d.day), (Some(2021), Some(11), Some(11)));
        assert_eq!(dates("since 2013")[0].relation, Some("since"));
        assert!(dates("he may go").is_empty());
    }

    #[test]
    fn weekday_resolves_against_publication() {
        let mut v = dates("on Wednesday")[0];
        v.resolve(Some(Date::new(2021, 11, 11).unwrap())); // a Thursday
        assert_eq!((v.month, v.day), (Some(11), Some(10)));
    }

    #[test]
    fn dateline_is_read() {
        let v = dateline("MOSCOW, Nov 11 (Wire) - Velmora said").unwrap();
        assert_eq!((v.month, v.day), (Some(11), Some(11)));
    }
}
