//! Compare: per aligned group, the rules of each finding kind. A group whose
//! claims disagree makes one finding naming the dissenting sources (those
//! against the majority, or against the reference when there is one).

mod date;
pub mod diff;
mod figure;
mod name;
mod polarity;
mod quote;
mod reference;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::align::Cluster;
use crate::extract::{Claim, Data};
use crate::load::{Document, Role};
use crate::model::{fingerprint, ClaimView, DiffOp, Finding, FindingKind, Number};
use crate::span::Span;
use crate::text::fold;

/// Everything a rule needs to build a finding.
pub struct Ctx<'a> {
    pub docs: &'a [Document],
    pub claims: &'a [Claim],
    /// The sources are successive versions of one text, oldest first: a
    /// claim is judged against the version before it, not the majority.
    pub versions: bool,
    /// When two figure values count as the same.
    pub tolerance: crate::config::Tolerance,
    /// Facts about all claims that rules ask per finding, gathered once.
    index: OnceCell<Index<'a>>,
}

/// Lookups over every claim, so a rule asking about one claim does not
/// scan them all.
struct Index<'a> {
    /// Per source, its quotes' spans sorted by start, each with the furthest
    /// end reached so far.
    quotes: Vec<Vec<(usize, usize)>>,
    /// (source, spelling) of every name claim.
    names: HashSet<(usize, &'a str)>,
}

impl<'a> Index<'a> {
    fn new(docs: usize, claims: &'a [Claim]) -> Self {
        let mut quotes: Vec<Vec<Span>> = vec![Vec::new(); docs];
        let mut names = HashSet::new();
        for c in claims {
            match &c.data {
                Data::Quote(_) => quotes[c.source].push(c.span),
                Data::Name(n) => {
                    names.insert((c.source, &*n.spelling));
                }
                _ => {}
            }
        }
        let quotes = quotes
            .into_iter()
            .map(|mut spans| {
                spans.sort_by_key(|s| s.start);
                let mut reach = 0;
                spans
                    .iter()
                    .map(|s| {
                        reach = reach.max(s.end);
                        (s.start, reach)
                    })
                    .collect()
            })
            .collect();
        Index { quotes, names }
    }
}

/// How to compare.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub versions: bool,
    pub tolerance: crate::config::Tolerance,
}

impl Ctx<'_> {
    fn id(&self, claim: usize) -> &str {
        &self.docs[self.claims[claim].source].id
    }

    fn is_reference(&self, claim: usize) -> bool {
        self.docs[self.claims[claim].source].role == Role::Reference
    }

    /// Build a finding over `members`, with `dissent` the disagreeing ones.
    fn finding(
        &self,
        kind: FindingKind,
        members: &[usize],
        dissent: &[usize],
        message: String,
        diff: Vec<DiffOp>,
    ) -> Finding {
        let dissenting: Vec<String> = dissent.iter().map(|&i| self.id(i).to_string()).collect();
        self.finding_with(kind, members, &[], dissenting, message, diff)
    }

    /// A finding that also concerns sources without a claim in it (`extra`,
    /// document indices): the reports that omit a claim, the reference that
    /// lacks one.
    fn finding_with(
        &self,
        kind: FindingKind,
        members: &[usize],
        extra: &[usize],
        dissenting: Vec<String>,
        message: String,
        diff: Vec<DiffOp>,
    ) -> Finding {
        let claims: Vec<ClaimView> = members.iter().map(|&i| self.view(i)).collect();
        let mut docs: Vec<usize> =
            members.iter().map(|&i| self.claims[i].source).chain(extra.iter().copied()).collect();
        docs.sort_unstable();
        docs.dedup();
        let sources: Vec<String> = docs.iter().map(|&d| self.docs[d].id.clone()).collect();
        let mut parts: Vec<String> =
            members.iter().map(|&i| format!("{}\u{1f}{}", self.id(i), fold(&self.claims[i].text))).collect();
        parts.sort();
        let fp = fingerprint(std::iter::once(kind.id()).chain(parts.iter().map(String::as_str)));
        Finding {
            fingerprint: fp,
            kind,
            severity: kind.default_severity(),
            message,
            sources,
            dissenting,
            claims,
            diff,
        }
    }

    /// The report's view of one claim.
    pub fn view(&self, i: usize) -> ClaimView {
        let c = &self.claims[i];
        let doc = &self.docs[c.source];
        let (line, column) = doc.line_col(c.span.start);
        let mut v = ClaimView {
            source: doc.id.clone(),
            kind: c.kind(),
            text: c.text.clone(),
            sentence: c.sentence.clone(),
            start: doc.source_offset(c.span.start),
            end: doc.source_offset(c.span.end),
            line,
            column,
            speaker: None,
            value: None,
            value_high: None,
            unit: None,
            qualifier: None,
            polarity: None,
            date: None,
        };
        match &c.data {
            Data::Quote(q) => v.speaker = q.speaker.as_ref().map(|s| s.name.clone()),
            Data::Figure(f) => {
                v.value = Some(Number(f.value));
                v.value_high = f.high.map(Number);
                v.unit = f.unit.clone();
                v.qualifier = f.qualifier_text.clone();
            }
            Data::Polarity(p) => v.polarity = Some(p.polarity),
            Data::Date(d) => v.date = Some(d.value.describe()),
            Data::Name(_) => {}
        }
        v
    }

    /// Split members into the base version's supporters and dissenters:
    /// the reference decides when present, else the largest agreeing group
    /// (ties go to the earliest source).
    ///
    /// `agree(x, y)` must depend only on `key(x)` and `key(y)` (and, for
    /// `x == y`, on `key(x)`): it is asked once per pair of keys, not once
    /// per pair of members, so a group of 800 copies of one quote costs a
    /// few comparisons rather than 640,000.
    fn majority<K: Hash + Eq>(
        &self,
        members: &[usize],
        key: impl Fn(usize) -> K,
        agree: impl Fn(usize, usize) -> bool,
    ) -> (usize, Vec<usize>) {
        if self.versions {
            // Members are sorted by source, and sources are in version order.
            let changed = members.windows(2).filter(|w| !agree(w[0], w[1])).map(|w| w[1]).collect();
            return (members[0], changed);
        }
        let classes = KeyClasses::new(members, key);
        // Fullness only matters for quotes (a partial quote agrees with every
        // version it is cut from); other claims are all of one size.
        let size = |m: usize| self.claims[m].quote().map_or(1, |q| q.tokens.len());
        let base = members.iter().copied().find(|&m| self.is_reference(m)).unwrap_or_else(|| {
            // Only the fuller versions may stand for the group: a partial
            // quote agrees with every version it is cut from.
            let longest = members.iter().map(|&m| size(m)).max().unwrap_or(0);
            let mut full: Vec<usize> =
                (0..members.len()).filter(|&p| size(members[p]) * 5 >= longest * 3).collect();
            // Each candidate's support asks every version once: with
            // hundreds of distinct versions (a quote changed a little in
            // every report) only the most repeated stand, so the cost is
            // linear in the versions. Groups with fewer (every case) are
            // judged exactly as before.
            let mut bases: Vec<usize> = full.iter().map(|&p| classes.of[p]).collect();
            bases.sort_unstable();
            bases.dedup();
            if bases.len() > MAX_BASES {
                bases.sort_by_key(|&c| (std::cmp::Reverse(classes.count[c]), c));
                bases.truncate(MAX_BASES);
                bases.sort_unstable();
                full.retain(|&p| bases.binary_search(&classes.of[p]).is_ok());
            }
            let mut support: HashMap<usize, usize> = HashMap::new();
            let mut key = |p: usize| {
                let c = classes.of[p];
                let s = *support.entry(c).or_insert_with(|| classes.support(c, &agree));
                (s, size(members[p]))
            };
            let keyed: Vec<((usize, usize), usize)> = full.iter().map(|&p| (key(p), members[p])).collect();
            let best = keyed.iter().map(|k| k.0).max().unwrap_or((0, 0));
            keyed.iter().find(|k| k.0 == best).map_or(members[0], |k| k.1)
        });
        let dissent = classes.disagreeing(members, base, &agree);
        (base, dissent)
    }

    fn index(&self) -> &Index<'_> {
        self.index.get_or_init(|| Index::new(self.docs.len(), self.claims))
    }

    /// Whether a claim stands inside a quote of its own source.
    fn inside_quote(&self, i: usize) -> bool {
        let c = &self.claims[i];
        let quotes = &self.index().quotes[c.source];
        let k = quotes.partition_point(|&(start, _)| start <= c.span.start);
        k > 0 && quotes[k - 1].1 >= c.span.end
    }

    /// Whether `source` has a name claim spelled `spelling`.
    fn uses_name(&self, source: usize, spelling: &str) -> bool {
        self.index().names.contains(&(source, spelling))
    }

    /// "a, b" for a list of claims' sources.
    fn names(&self, claims: &[usize]) -> String {
        claims.iter().map(|&i| self.id(i)).collect::<Vec<_>>().join(", ")
    }
}

/// Most distinct versions of a group weighed as its base (see
/// [`Ctx::majority`]).
const MAX_BASES: usize = 24;

/// The members of a group sorted into classes of equal key (see
/// [`Ctx::majority`]), each with its first member, a second one when it
/// has one, and its size.
struct KeyClasses {
    /// The class of each member (by position in the member list).
    of: Vec<usize>,
    first: Vec<usize>,
    second: Vec<Option<usize>>,
    count: Vec<usize>,
}

impl KeyClasses {
    fn new<K: Hash + Eq>(members: &[usize], key: impl Fn(usize) -> K) -> Self {
        let mut ids: HashMap<K, usize> = HashMap::new();
        let mut c = KeyClasses { of: Vec::new(), first: Vec::new(), second: Vec::new(), count: Vec::new() };
        for &m in members {
            let next = c.first.len();
            let id = *ids.entry(key(m)).or_insert(next);
            if id == next {
                c.first.push(m);
                c.second.push(None);
                c.count.push(0);
            } else if c.second[id].is_none() {
                c.second[id] = Some(m);
            }
            c.count[id] += 1;
            c.of.push(id);
        }
        c
    }

    /// How many members a member of class `x` agrees with (itself included).
    fn support(&self, x: usize, agree: &impl Fn(usize, usize) -> bool) -> usize {
        let r = self.first[x];
        let mut n = usize::from(agree(r, r));
        if let Some(s) = self.second[x] {
            if agree(r, s) {
                n += self.count[x] - 1;
            }
        }
        for y in (0..self.first.len()).filter(|&y| y != x) {
            if agree(r, self.first[y]) {
                n += self.count[y];
            }
        }
        n
    }

    /// The members that `base` does not agree with, in order.
    fn disagreeing(
        &self,
        members: &[usize],
        base: usize,
        agree: &impl Fn(usize, usize) -> bool,
    ) -> Vec<usize> {
        let mut verdict: HashMap<usize, bool> = HashMap::new();
        members
            .iter()
            .zip(&self.of)
            .filter(|&(&m, &c)| {
                // The same claim, or another member of the class of `base`,
                // or a member of another class: three verdicts per class.
                if m == base {
                    return !agree(base, base);
                }
                !*verdict.entry(c).or_insert_with(|| agree(base, m))
            })
            .map(|(&m, _)| m)
            .collect()
    }
}

/// Every finding of every group, in a deterministic order.
pub fn compare(docs: &[Document], claims: &[Claim], clusters: &[Cluster], opts: &Options) -> Vec<Finding> {
    let versions = opts.versions;
    let ctx = Ctx { docs, claims, versions, tolerance: opts.tolerance, index: OnceCell::new() };
    let mut out = Vec::new();
    for cluster in clusters {
        let m = &cluster.members;
        match &claims[m[0]].data {
            Data::Quote(_) => {
                out.extend(quote::wording(&ctx, m));
                out.extend(quote::attribution(&ctx, m));
            }
            Data::Figure(_) => out.extend(figure::compare(&ctx, m)),
            Data::Polarity(_) => out.extend(polarity::compare(&ctx, m)),
            Data::Date(_) => out.extend(date::compare(&ctx, m)),
            Data::Name(_) => out.extend(name::compare(&ctx, m)),
        }
    }
    out.extend(reference::compare(&ctx, clusters));
    if versions {
        for f in &mut out {
            f.message = trajectory(f);
        }
    }
    out
}

/// A versions finding's message: the claim as each version has it, in
/// order ("at least 12 (v1) → at least 15 (v2) → 17 (v3)").
fn trajectory(f: &Finding) -> String {
    let step = |c: &ClaimView| {
        let shown = match f.kind {
            FindingKind::QuoteAttribution => c.speaker.clone().unwrap_or_else(|| "unknown".into()),
            FindingKind::FigureValue | FindingKind::FigureQualifier => match &c.qualifier {
                Some(q) => format!("{q} {}", c.text),
                None => c.text.clone(),
            },
            FindingKind::Date => c.date.clone().unwrap_or_else(|| c.text.clone()),
            FindingKind::Polarity => format!(
                "{} \"{}\"",
                if c.polarity == Some(crate::extract::Polarity::Denied) { "denies" } else { "says" },
                c.text
            ),
            _ => format!("\"{}\"", excerpt(&c.text, 12)),
        };
        format!("{shown} ({})", c.source)
    };
    let label = match f.kind {
        FindingKind::FigureValue => "figure changed",
        FindingKind::FigureQualifier => "figure qualifier changed",
        FindingKind::QuoteWording => "quote reworded",
        FindingKind::QuoteAttribution => "quote re-attributed",
        FindingKind::Polarity => "polarity changed",
        FindingKind::Date => "date changed",
        FindingKind::NameSpelling => "spelling changed",
        FindingKind::Omission | FindingKind::Unsupported => return f.message.clone(),
    };
    let steps: Vec<String> = f.claims.iter().map(step).collect();
    format!("{label}: {}", steps.join(" → "))
}

fn excerpt(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}
