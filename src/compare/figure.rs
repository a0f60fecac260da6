//! Rules for figures: `figure-value` (the same thing counted, a different
//! value or range) and, when values agree, `figure-qualifier` (a different
//! class of hedge or bound).

use super::Ctx;
use crate::extract::{FigureData, Qualifier};
use crate::model::{DiffOp, DiffTag, Finding, FindingKind};

fn data<'a>(ctx: &'a Ctx, i: usize) -> &'a FigureData {
    ctx.claims[i].figure().expect("figure group")
}

/// Same value (and range end) within the configured tolerance.
fn same_value(ctx: &Ctx, a: &FigureData, b: &FigureData) -> bool {
    let close = |x: f64, y: f64| ctx.tolerance.same(x, y);
    close(a.value, b.value)
        && a.high.zip(b.high).is_none_or(|(x, y)| close(x, y))
        && a.high.is_some() == b.high.is_some()
}

/// The figure as a reader sees it, qualifier included.
fn shown(ctx: &Ctx, i: usize) -> String {
    let f = data(ctx, i);
    match &f.qualifier_text {
        Some(q) => format!("{q} {}", ctx.claims[i].text),
        None => ctx.claims[i].text.clone(),
    }
}

/// Whether a bound and a value inside it can both be true: "more than $1
/// million" and "$1.1 million", "nearly two dozen" and 23. Two bounds of one
/// direction with different values ("up to 1.6 million" / "as many as 1.5
/// million") are not: they state different limits.
fn within_bound(a: &FigureData, b: &FigureData) -> bool {
    let inside = |bound: &FigureData, other: &FigureData| {
        if bound.high.is_some() || other.high.is_some() || bound.qualifier == other.qualifier {
            return false;
        }
        match bound.qualifier {
            Some(Qualifier::Lower) => other.qualifier != Some(Qualifier::Upper) && other.value >= bound.value,
            Some(Qualifier::Upper) => other.qualifier != Some(Qualifier::Lower) && other.value <= bound.value,
            _ => false,
        }
    };
    inside(a, b) || inside(b, a)
}

pub fn compare(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let key = |i: usize| {
        let f = data(ctx, i);
        (f.value.to_bits(), f.high.map(f64::to_bits), f.qualifier)
    };
    let agree = |x: usize, y: usize| {
        let (a, b) = (data(ctx, x), data(ctx, y));
        same_value(ctx, a, b) || within_bound(a, b)
    };
    let (base, dissent) = ctx.majority(members, key, agree);
    let (kind, base, dissent) = if dissent.is_empty() {
        // A different hedge or bound on the same value; a value inside
        // another's bound is consistent, not a different qualifier.
        let same: Vec<usize> =
            members.iter().copied().filter(|&m| same_value(ctx, data(ctx, m), data(ctx, base))).collect();
        let qualifier = |i: usize| data(ctx, i).qualifier;
        let (b, d) = ctx.majority(&same, qualifier, |x, y| qualifier(x) == qualifier(y));
        (FindingKind::FigureQualifier, b, d)
    } else {
        (FindingKind::FigureValue, base, dissent)
    };
    let first = *dissent.first()?;
    let supporters: Vec<usize> = members.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { many.to_string() };
    let message = format!(
        "{} {} {} where {} {} {}",
        ctx.names(&dissent),
        plural(dissent.len(), "says", "say"),
        shown(ctx, first),
        ctx.names(&supporters),
        plural(supporters.len(), "says", "say"),
        shown(ctx, base),
    );
    let diff = word_diff(&shown(ctx, base), &shown(ctx, first));
    Some(ctx.finding(kind, members, &dissent, message, diff))
}

/// A plain word diff of two short texts.
fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let mut out: Vec<DiffOp> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &aw, &bw) {
        for (tag, text) in op.iter_changes(&aw, &bw).map(|c| (c.tag(), c.value())) {
            let tag = match tag {
                similar::ChangeTag::Equal => DiffTag::Equal,
                similar::ChangeTag::Delete => DiffTag::Delete,
                similar::ChangeTag::Insert => DiffTag::Insert,
            };
            match out.last_mut() {
                Some(last) if last.op == tag => {
                    last.text.push(' ');
                    last.text.push_str(text);
                }
                _ => out.push(DiffOp { op: tag, text: text.to_string() }),
            }
        }
    }
    out
}
