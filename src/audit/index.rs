//! The shingle index of the wire: which wire items a story draws on, at
//! claim level (the passage-reuse approach of passim and churnalism
//! detectors, applied to the claims claimdiff checks).
//!
//! A document's *units* are its quotes (the quoted words) and the sentences
//! that hold its figures; headlines, bylines and captions (page furniture)
//! are not units, and a sentence's opening dateline (`HARWICK, May 3
//! (Wire) -`) is cut off. A unit's shingles are its runs of [`SHINGLE`]
//! words, folded, with every word holding a digit written `#`: a figure
//! changed or rounded in a rewrite leaves its sentence's shingles intact.
//! Shingles that occur in many wire items (agency boilerplate, stock
//! phrases) are dropped from the index.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::{self, ClaimKind};
use crate::load::Document;
use crate::segment;

/// Words per shingle.
pub const SHINGLE: usize = 4;

/// How the index is built and a match decided.
#[derive(Debug, Clone, Copy)]
pub struct IndexOptions {
    /// A shingle found in more wire items than this is boilerplate.
    pub max_df: usize,
    /// Part of a unit's shingles that must occur in a wire item for the
    /// unit to be drawn from it.
    pub unit_share: f64,
    /// Fewest units a story must draw from a wire item to match it.
    pub min_units: usize,
    /// Least part of the story's units drawn from a wire item to match it.
    pub min_share: f64,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions { max_df: 5, unit_share: 0.3, min_units: 2, min_share: 0.1 }
    }
}

/// One unit: its distinct shingle hashes.
pub type Unit = Vec<u64>;

/// A wire item a story draws on: its index in the wire list and the part
/// of the story's units found in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub wire: usize,
    pub units: usize,
    pub share: f64,
}

/// Shingle -> the wire items holding it (ascending, each once); the
/// boilerplate shingles (in more than `max_df` items) apart.
pub struct WireIndex {
    postings: HashMap<u64, Vec<u32>>,
    boilerplate: std::collections::HashSet<u64>,
    opts: IndexOptions,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // An upper-case place, an optional date, an optional (Agency), a dash.
    Regex::new(r"^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]+(?:,[^–—()-]{0,40})?\s*(?:\([^)]{1,40}\))?\s*(?:-|–|—)+\s*")
        .expect("dateline pattern")
});

/// The text after a sentence's opening dateline, if it has one.
///
/// ```
/// use claimdiff::audit::index::strip_dateline;
/// assert_eq!(strip_dateline("HARWICK, May 3 (Wire) - Rain fell."), "Rain fell.");
/// assert_eq!(strip_dateline("Rain fell in Tolvey - again."), "Rain fell in Tolvey - again.");
/// ```
pub fn strip_dateline(s: &str) -> &str {
    DATELINE.find(s).map_or(s, |m| &s[m.end()..])
}

/// The folded words of `s`, a word holding a digit as `#`.
///
/// ```
/// use claimdiff::audit::index::words;
/// assert_eq!(words("At least 1,200 Homes, said Dr. Øst"), ["at", "least", "#", "homes", "said", "dr", "ost"]);
/// ```
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.' || c == '\''))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            // "1,200" and "3.4" are one word; "homes," and "Dr." lose the mark.
            let parts: Vec<&str> = if w.chars().any(|c| c.is_ascii_digit()) {
                vec![w]
            } else {
                w.split([',', '.']).filter(|p| !p.is_empty()).collect()
            };
            parts.into_iter().map(|p| {
                if p.chars().any(|c| c.is_ascii_digit()) {
                    "#".to_string()
                } else {
                    crate::text::fold(p)
                }
            })
        })
        .collect()
}

fn hash(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The distinct shingles of a text: every run of [`SHINGLE`] words, or the
/// whole text when it has three words or more but fewer than that.
fn shingles(text: &str) -> Unit {
    let w = words(text);
    let mut out: Vec<u64> = if w.len() >= SHINGLE {
        w.windows(SHINGLE).map(hash).collect()
    } else if w.len() >= 3 {
        vec![hash(&w)]
    } else {
        Vec::new()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The units of one document: its quotes' words and its figures'
/// sentences (each once), without page furniture or datelines.
pub fn units(doc: &Document) -> Vec<Unit> {
    let claims = extract::extract_listed(0, doc, &segment::segment(&doc.text));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| !c.furniture) {
        let text: &str = match c.kind() {
            ClaimKind::Quote => &c.text,
            ClaimKind::Figure => strip_dateline(&c.sentence),
            _ => continue,
        };
        if !seen.insert((c.kind() == ClaimKind::Quote, text)) {
            continue;
        }
        let unit = shingles(text);
        if !unit.is_empty() {
            out.push(unit);
        }
    }
    out
}

impl WireIndex {
    /// Index the units of every wire item (`wire[i]` is item `i`).
    pub fn new(wire: &[Vec<Unit>], opts: IndexOptions) -> Self {
        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, units) in wire.iter().enumerate() {
            let mut mine: Vec<u64> = units.iter().flatten().copied().collect();
            mine.sort_unstable();
            mine.dedup();
            for s in mine {
                postings.entry(s).or_default().push(i as u32);
            }
        }
        let boilerplate =
            postings.iter().filter(|(_, items)| items.len() > opts.max_df).map(|(&s, _)| s).collect();
        postings.retain(|_, items| items.len() <= opts.max_df);
        WireIndex { postings, boilerplate, opts }
    }

    /// The wire items a story (its units) draws on, most of the story first
    /// (ties by wire index).
    pub fn matches(&self, story: &[Unit]) -> Vec<Hit> {
        if story.is_empty() {
            return Vec::new();
        }
        let mut drawn: HashMap<u32, usize> = HashMap::new();
        let mut hits: HashMap<u32, usize> = HashMap::new();
        for unit in story {
            hits.clear();
            // Boilerplate counts neither for a wire item nor against it.
            let mut own = 0usize;
            for s in unit {
                if self.boilerplate.contains(s) {
                    continue;
                }
                own += 1;
                for &w in self.postings.get(s).map_or(&[][..], Vec::as_slice) {
                    *hits.entry(w).or_default() += 1;
                }
            }
            // At least two shingles (one for a unit of one), and the set part.
            let need = own.min(2).max((own as f64 * self.opts.unit_share).ceil() as usize).max(1);
            // The unit is drawn from the item(s) sharing most of it: a
            // stock phrase shared with another item does not make a source.
            let best = hits.values().copied().max().unwrap_or(0);
            if best < need {
                continue;
            }
            for (&w, &n) in &hits {
                if n == best {
                    *drawn.entry(w).or_default() += 1;
                }
            }
        }
        let mut out: Vec<Hit> = drawn
            .into_iter()
            .map(|(w, units)| Hit { wire: w as usize, units, share: units as f64 / story.len() as f64 })
            .filter(|h| h.units >= self.opts.min_units.min(story.len()) && h.share >= self.opts.min_share)
            .collect();
        out.sort_by(|a, b| b.units.cmp(&a.units).then(a.wire.cmp(&b.wire)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new("d", "d.txt", text.to_string())
    }

    #[test]
    fn a_changed_figure_keeps_its_sentence_shingles() {
        assert_eq!(
            shingles("Crews cleared 1,240 tonnes of silt from the Varnel weir."),
            shingles("Crews cleared 1,420 tonnes of silt from the Varnel weir.")
        );
    }

    #[test]
    fn datelines_are_not_shingled() {
        assert_eq!(
            shingles(strip_dateline("OSTRAVEL, June 2 (Wire) - Crews cleared 40 tonnes of silt.")),
            shingles(strip_dateline("KELMORE, June 9 (Agency) - Crews cleared 40 tonnes of silt."))
        );
    }

    #[test]
    fn boilerplate_shared_by_many_wire_items_is_dropped() {
        let common = shingles("Crews cleared 40 tonnes of silt from the weir.");
        let own = |s: &str| vec![common.clone(), shingles(s)];
        let towns = ["Arlow", "Brisk", "Calder", "Dunmere", "Elswick", "Fenby", "Garth", "Holm"];
        let wire: Vec<Vec<Unit>> =
            towns.iter().map(|t| own(&format!("The council of {t} voted for new ferries at dawn"))).collect();
        let index =
            WireIndex::new(&wire, IndexOptions { max_df: 3, min_units: 1, ..IndexOptions::default() });
        // Only the boilerplate unit: no match.
        assert!(index.matches(std::slice::from_ref(&common)).is_empty());
        let story = vec![shingles("The council of Fenby voted for new ferries at dawn")];
        let hits = index.matches(&story);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].wire, 5);
    }

    #[test]
    fn units_are_quotes_and_figure_sentences() {
        let d = doc("HARWICK, May 3 (Wire) - Floods forced 1,200 people from their homes on Friday.\n\n\
             \"We will rebuild every bridge before the winter comes,\" Mayor Ada Kellan said.\n\n\
             The river rose through the night.\n");
        let u = units(&d);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[0], shingles("Floods forced 1,200 people from their homes on Friday."));
    }
}
