//! Values that claims hold and lower layers need too (a page's publication
//! date, the hedge classes of the word lists): plain data with no knowledge
//! of extraction. `extract` re-exports them.

use jiff::civil::Date;
use serde::Serialize;

use crate::words::WEEKDAYS;

/// The class of a figure's hedge or bound. Hedges of one class are the same
/// qualifier (about / around / some / roughly are all `Approximate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Approximate,
    /// at least, more than, over
    Lower,
    /// up to, at most, fewer than, nearly
    Upper,
}

impl Qualifier {
    pub fn describe(self) -> &'static str {
        match self {
            Qualifier::Approximate => "approximate",
            Qualifier::Lower => "lower bound",
            Qualifier::Upper => "upper bound",
        }
    }
}

/// What a date says, as far as it says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<i8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<i8>,
    /// 0 = Monday .. 6 = Sunday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<i8>,
    /// The preposition tying the date to its event ("since", "in", "on",
    /// "from"): "from Saturday" and "on Wednesday" date different things.
    #[serde(skip)]
    pub relation: Option<&'static str>,
}

impl DateValue {
    /// Whether two dates contradict each other where both say something.
    pub fn conflicts(&self, o: &DateValue) -> bool {
        let differ = |a: Option<i8>, b: Option<i8>| matches!((a, b), (Some(x), Some(y)) if x != y);
        let year_differs = matches!((self.year, o.year), (Some(x), Some(y)) if x != y);
        year_differs
            || differ(self.month, o.month)
            || differ(self.day, o.day)
            || differ(self.weekday, o.weekday)
    }

    /// The kind of date and how it ties to its event, for aligning like
    /// with like: "day:on", "day:from", "year:since", ...
    pub fn shape(&self) -> String {
        let class = match (self.day, self.weekday, self.month) {
            (Some(_), _, _) | (None, Some(_), _) => "day",
            (None, None, Some(_)) => "month",
            _ => "year",
        };
        let relation = match self.relation.unwrap_or("on") {
            "since" | "from" | "after" => "from",
            "until" | "till" | "by" | "before" => "until",
            _ => "on",
        };
        format!("{class}:{relation}")
    }

    /// Fill the calendar date of a weekday, or the weekday of a full date,
    /// from the publication date (a weekday means the last such day on or
    /// before it).
    pub fn resolve(&mut self, published: Option<Date>) {
        if let (Some(y), Some(m), Some(d)) = (self.year, self.month, self.day) {
            if let Ok(date) = Date::new(y, m, d) {
                self.weekday.get_or_insert(date.weekday().to_monday_zero_offset());
            }
            return;
        }
        let Some(p) = published else { return };
        if let (None, Some(w)) = (self.day, self.weekday) {
            let back = (i32::from(p.weekday().to_monday_zero_offset()) - i32::from(w)).rem_euclid(7);
            if let Ok(d) = p.checked_sub(jiff::Span::new().days(i64::from(back))) {
                self.year = Some(d.year());
                self.month = Some(d.month());
                self.day = Some(d.day());
            }
        } else if let (Some(m), Some(d), None) = (self.month, self.day, self.year) {
            self.year = Some(p.year());
            if let Ok(date) = Date::new(p.year(), m, d) {
                self.weekday.get_or_insert(date.weekday().to_monday_zero_offset());
            }
        }
    }

    /// As a reader would write it: "2021-11-11 (Thursday)".
    pub fn describe(&self) -> String {
        let wd = self.weekday.and_then(|w| WEEKDAYS.get(w as usize)).map(|w| capitalise(w));
        match (self.year, self.month, self.day, wd) {
            (Some(y), Some(m), Some(d), Some(w)) => format!("{y:04}-{m:02}-{d:02} ({w})"),
            (Some(y), Some(m), Some(d), None) => format!("{y:04}-{m:02}-{d:02}"),
            (None, Some(m), Some(d), _) => format!("--{m:02}-{d:02}"),
            (_, _, _, Some(w)) => w,
            (Some(y), Some(m), None, _) => format!("{y:04}-{m:02}"),
            (Some(y), None, None, _) => format!("{} {y}", self.relation.unwrap_or("in")),
            _ => "?".into(),
        }
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
