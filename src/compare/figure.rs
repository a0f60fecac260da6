//! Rules for figures: `figure-value` (the same thing counted, a different
//! value or range) and, when values agree, `figure-qualifier` (a different
//! class of hedge or bound).

use super::Ctx;
use crate::extract::FigureData;
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

pub fn compare(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let value = |i: usize| (data(ctx, i).value.to_bits(), data(ctx, i).high.map(f64::to_bits));
    let (base, dissent) = ctx.majority(members, value, |x, y| same_value(ctx, data(ctx, x), data(ctx, y)));
    let (kind, base, dissent) = if dissent.is_empty() {
        let qualifier = |i: usize| data(ctx, i).qualifier;
        let (b, d) = ctx.majority(members, qualifier, |x, y| qualifier(x) == qualifier(y));
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
