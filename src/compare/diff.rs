//! Word diffs between two quotes, with typographic variation folded away and
//! the partial-quote rule applied: a cut is allowed unless it drops a
//! negation, condition or limiting qualifier that governs the kept words.

use similar::{capture_diff_slices, Algorithm, DiffTag as Tag};

use crate::model::{DiffOp, DiffTag};
use crate::text::{Break, Token};
use crate::words::{contains, CONDITIONS, COORDINATORS, LIMITERS, NEGATIONS};

/// A region where two quotes differ (token ranges in each).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Region {
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
}

/// The outcome of comparing two quotes of one remark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// The word diff from `a` to `b`, cuts at the edges left out.
    pub ops: Vec<DiffOp>,
    /// Whether the two differ in wording (not only in cut or typography).
    pub differs: bool,
    /// A short "old -> new" of the first differing region.
    pub first_change: Option<(String, String)>,
}

/// Compare the words of two quotes. A word diff has several equally short
/// alignments (repeated words); the quotes differ only if every candidate
/// alignment shows a significant difference, and the one with the fewest
/// differing regions is reported.
pub fn compare_quotes(a: &[Token], b: &[Token]) -> Wording {
    let an: Vec<&str> = a.iter().map(|t| t.norm()).collect();
    let bn: Vec<&str> = b.iter().map(|t| t.norm()).collect();
    let candidates = [
        capture_diff_slices(Algorithm::Myers, &an, &bn),
        capture_diff_slices(Algorithm::Patience, &an, &bn),
        reversed_diff(&an, &bn),
    ];
    candidates
        .iter()
        .map(|ops| judge(a, b, ops))
        .min_by_key(|w| (w.differs, w.ops.iter().filter(|o| o.op != DiffTag::Equal).count()))
        .expect("three candidates")
}

/// A diff computed on the reversed sequences (it prefers matching the later
/// of repeated words), mapped back to forward ranges.
fn reversed_diff(a: &[&str], b: &[&str]) -> Vec<similar::DiffOp> {
    let ra: Vec<&str> = a.iter().rev().copied().collect();
    let rb: Vec<&str> = b.iter().rev().copied().collect();
    let mut ops: Vec<similar::DiffOp> = capture_diff_slices(Algorithm::Myers, &ra, &rb)
        .into_iter()
        .map(|op| {
            let (tag, x, y) = op.as_tag_tuple();
            let fx = a.len() - x.end..a.len() - x.start;
            let fy = b.len() - y.end..b.len() - y.start;
            match tag {
                Tag::Equal => {
                    similar::DiffOp::Equal { old_index: fx.start, new_index: fy.start, len: fx.len() }
                }
                Tag::Delete => {
                    similar::DiffOp::Delete { old_index: fx.start, old_len: fx.len(), new_index: fy.start }
                }
                Tag::Insert => {
                    similar::DiffOp::Insert { old_index: fx.start, new_index: fy.start, new_len: fy.len() }
                }
                Tag::Replace => similar::DiffOp::Replace {
                    old_index: fx.start,
                    old_len: fx.len(),
                    new_index: fy.start,
                    new_len: fy.len(),
                },
            }
        })
        .collect();
    ops.reverse();
    ops
}

fn judge(a: &[Token], b: &[Token], ops: &[similar::DiffOp]) -> Wording {
    // Group into equal runs and differing regions.
    let mut regions: Vec<(bool, Region)> = Vec::new();
    for op in ops {
        let (tag, ar, br) = op.as_tag_tuple();
        let equal = tag == Tag::Equal;
        match regions.last_mut() {
            Some((false, r)) if !equal => {
                r.a.end = ar.end;
                r.b.end = br.end;
            }
            _ => regions.push((equal, Region { a: ar, b: br })),
        }
    }
    let first_eq = regions.iter().position(|(e, _)| *e);
    let last_eq = regions.iter().rposition(|(e, _)| *e);
    let mut differs = first_eq.is_none();
    let mut first_change = None;
    let mut out = Vec::new();
    for (k, (equal, r)) in regions.iter().enumerate() {
        if *equal {
            out.push(DiffOp { op: DiffTag::Equal, text: join(&a[r.a.clone()]) });
            continue;
        }
        let edge = first_eq.is_none_or(|f| k < f) || last_eq.is_none_or(|l| k > l);
        let significant = if edge { edge_matters(a, b, r, k == 0) } else { inner_matters(a, b, r) };
        if !significant {
            continue;
        }
        differs = true;
        if first_change.is_none() {
            first_change = Some((join(&a[r.a.clone()]), join(&b[r.b.clone()])));
        }
        if !r.a.is_empty() {
            out.push(DiffOp { op: DiffTag::Delete, text: join(&a[r.a.clone()]) });
        }
        if !r.b.is_empty() {
            out.push(DiffOp { op: DiffTag::Insert, text: join(&b[r.b.clone()]) });
        }
    }
    merge_equal(&mut out);
    Wording { ops: out, differs, first_change }
}

fn join(ts: &[Token]) -> String {
    let mut s = String::new();
    for (i, t) in ts.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(t.text());
    }
    s
}

fn merge_equal(ops: &mut Vec<DiffOp>) {
    let mut out: Vec<DiffOp> = Vec::with_capacity(ops.len());
    for op in ops.drain(..) {
        match out.last_mut() {
            Some(last) if last.op == op.op => {
                last.text.push(' ');
                last.text.push_str(&op.text);
            }
            _ => out.push(op),
        }
    }
    *ops = out;
}

/// Same words written differently: "al-Qaeda"/"al Qaeda", "1,000"/"one thousand".
fn equivalent(a: &[Token], b: &[Token]) -> bool {
    let cat = |ts: &[Token]| ts.iter().map(|t| t.norm()).collect::<String>();
    if cat(a) == cat(b) {
        return true;
    }
    let num = |ts: &[Token]| {
        let text = ts.iter().map(|t| t.text()).collect::<Vec<_>>().join(" ");
        let f = crate::extract::figure::figures_in(&text, crate::span::Span::new(0, text.len()));
        (f.len() == 1).then(|| f[0].value)
    };
    matches!((num(a), num(b)), (Some(x), Some(y)) if x == y) || transliterated(a, b)
}

/// One name romanised two ways ("Gadhafi" / "al-Qaddafi", "Moammar" /
/// "Muammar"): capitalised words only, the same consonants once spelling
/// variants are folded (q/k/g, dh/d, ph/f, doubled letters), an article
/// particle aside.
fn transliterated(a: &[Token], b: &[Token]) -> bool {
    fn skeleton(ts: &[Token]) -> Option<String> {
        let words: Vec<&str> = ts
            .iter()
            .map(|t| t.text())
            .filter(|w| !matches!(w.to_lowercase().as_str(), "al" | "el" | "-" | "ad" | "ash" | "as"))
            .collect();
        if words.is_empty() || words.len() > 3 || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return None;
        }
        let mut out = String::new();
        for w in words {
            let w = w.to_lowercase();
            let w = w.trim_start_matches("al-").trim_start_matches("el-");
            let mut prev = ' ';
            for c in w.replace("ph", "f").replace("dh", "d").replace("th", "t").replace("kh", "k").chars() {
                let c = match c {
                    'q' | 'g' | 'c' => 'k',
                    'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' | '\'' | '-' => continue,
                    c => c,
                };
                if c != prev {
                    out.push(c);
                }
                prev = c;
            }
            out.push(' ');
        }
        Some(out)
    }
    matches!((skeleton(a), skeleton(b)), (Some(x), Some(y)) if x == y && x.trim().len() >= 2)
}

/// A differing region at the start or end of the overlap. A one-sided one is
/// a cut (partial quote); it matters only when it drops a governing cue.
fn edge_matters(a: &[Token], b: &[Token], r: &Region, leading: bool) -> bool {
    if equivalent(&a[r.a.clone()], &b[r.b.clone()]) {
        return false;
    }
    match (r.a.is_empty(), r.b.is_empty()) {
        (false, false) => r.a.len() <= 4 && r.b.len() <= 4,
        (false, true) => cut_drops_cue(a, if leading { r.a.end..a.len() } else { 0..r.a.start }, leading),
        (true, false) => cut_drops_cue(b, if leading { r.b.end..b.len() } else { 0..r.b.start }, leading),
        (true, true) => false,
    }
}

/// A differing region inside the overlap.
fn inner_matters(a: &[Token], b: &[Token], r: &Region) -> bool {
    let (ra, rb) = (&a[r.a.clone()], &b[r.b.clone()]);
    if equivalent(ra, rb) {
        return false;
    }
    // One-sided: words one quote leaves out (or adds) mid-quote.
    let (full, gone, next) = match (ra.is_empty(), rb.is_empty()) {
        (false, true) => (a, ra, (b, r.b.start)),
        (true, false) => (b, rb, (a, r.a.start)),
        _ => return true,
    };
    let range = if ra.is_empty() { r.b.clone() } else { r.a.clone() };
    let cue = gone.iter().any(|t| {
        contains(NEGATIONS, t.norm()) || contains(CONDITIONS, t.norm()) || contains(LIMITERS, t.norm())
    });
    // The words left out start a clause or sentence and end one (where the
    // next one starts, or at a joining "and": "I went too far. I made a
    // mistake and I was wrong" / "I went too far and I was wrong").
    let whole_unit = (gone[0].brk != Break::None
        && full.get(range.end).is_none_or(|t| t.brk != Break::None || contains(COORDINATORS, t.norm())))
        // or a clause joined by "and" ("I reacted to an article and
        // quickly judged" / "I quickly judged")
        || (gone.len() >= 3 && gone.last().is_some_and(|t| contains(COORDINATORS, t.norm())));
    if whole_unit {
        return false; // a separate clause or sentence left out
    }
    if cue {
        return true;
    }
    let marked = next.0.get(next.1).is_some_and(|t| t.brk == Break::Gap);
    !marked
}

/// Whether the words a partial quote keeps (`kept`, in the fuller quote
/// `full`) lost a negation, condition or limiting qualifier that governs
/// them when the other part was cut (`leading`: cut before the kept words).
fn cut_drops_cue(full: &[Token], kept: std::ops::Range<usize>, leading: bool) -> bool {
    if kept.is_empty() {
        return false;
    }
    if leading {
        let s = kept.start;
        // Right before the kept words, within the clause.
        for back in 1..=2 {
            let Some(i) = s.checked_sub(back) else { break };
            let t = &full[i];
            if contains(NEGATIONS, t.norm()) || contains(LIMITERS, t.norm()) {
                return true;
            }
            if full[i + 1].brk != Break::None {
                break;
            }
        }
        // A conditional clause opening the kept words' sentence.
        let mut p = s;
        while p > 0 && full[p].brk != Break::Sentence && full[p].brk != Break::Gap {
            p -= 1;
        }
        p < s && contains(CONDITIONS, full[p].norm()) && full[s].brk == Break::Clause
    } else {
        let e = kept.end;
        full.get(e).is_some_and(|t| {
            t.brk != Break::Sentence
                && t.brk != Break::Gap
                && (contains(CONDITIONS, t.norm()) || (t.brk == Break::None && contains(NEGATIONS, t.norm())))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn differs(a: &str, b: &str) -> bool {
        compare_quotes(&tokens(a), &tokens(b)).differs
    }

    #[test]
    fn typography_is_not_a_difference() {
        assert!(!differs("“We don’t know,” – al-Qaeda", "\"We don't know\" - al Qaeda"));
        assert!(!differs("we sent 1,000 men", "we sent one thousand men"));
    }

    #[test]
    fn synonym_swap_differs() {
        assert!(differs(
            "the necessary equipment, weapons and ammunition",
            "the necessary equipment, arms and munitions"
        ));
    }

    #[test]
    fn partial_quote_is_fine() {
        assert!(!differs(
            "We provide the country with the necessary equipment and weapons.",
            "the necessary equipment"
        ));
    }

    #[test]
    fn partial_quote_dropping_negation_differs() {
        assert!(differs("We will not withdraw our troops", "withdraw our troops"));
    }

    #[test]
    fn partial_quote_dropping_condition_differs() {
        assert!(differs("We will withdraw unless they pay", "We will withdraw"));
        assert!(differs("If they pay, we will withdraw the troops", "we will withdraw the troops"));
    }

    #[test]
    fn separate_sentence_cut_is_fine() {
        assert!(!differs("We will not stay. We will leave soon", "We will leave soon"));
        assert!(!differs("We act now. It is not easy. We go on", "We act now. We go on"));
    }

    #[test]
    fn marked_elision_is_fine() {
        assert!(!differs(
            "we will do whatever is needed to protect the state",
            "we will do whatever … to protect the state"
        ));
    }

    #[test]
    fn separate_sentence_cut_before_a_joining_and_is_fine() {
        assert!(!differs(
            "I went too far. I made a mistake and I was wrong.",
            "I went too far and I was wrong"
        ));
    }

    #[test]
    fn a_coordinated_clause_cut_is_fine() {
        assert!(!differs("I reacted to the news and quickly judged them", "I quickly judged them"));
    }

    #[test]
    fn ampersand_and_parenthetical_insertion_are_typography() {
        assert!(!differs(
            "conservation & healthy herds are critical",
            "conservation and healthy herds are critical"
        ));
        assert!(!differs("it looks like (the strongman) he will win", "it looks like he will win"));
    }

    #[test]
    fn romanised_names_are_one_name() {
        assert!(!differs(
            "now it looks like Ivan Qaddafi is going to win",
            "now it looks like Ivan Gadhafi is going to win"
        ));
        assert!(!differs("as Moammar al-Rashid said", "as Muammar Rashid said"));
        assert!(differs(
            "now it looks like Petrov is going to win",
            "now it looks like Ivanov is going to win"
        ));
    }

    #[test]
    fn dropped_word_mid_quote_differs() {
        assert!(differs("the necessary equipment arrived", "the equipment arrived"));
    }
}
