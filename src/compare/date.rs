//! `date`: when the same thing happened.

use super::Ctx;
use crate::model::{DiffOp, DiffTag, Finding, FindingKind};

pub fn compare(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let value = |i: usize| ctx.claims[i].date().map(|d| d.value).unwrap_or_default();
    let ymdw = |i: usize| {
        let v = value(i);
        (v.year, v.month, v.day, v.weekday)
    };
    let (base, dissent) = ctx.majority(members, ymdw, |x, y| !value(x).conflicts(&value(y)));
    let first = *dissent.first()?;
    let supporters: Vec<usize> = members.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let shown = |i: usize| {
        let d = value(i).describe();
        let t = &ctx.claims[i].text;
        if d.contains(t.as_str()) {
            d
        } else {
            format!("{t} ({d})")
        }
    };
    let message = format!(
        "{} {} {} where {} {} {}",
        ctx.names(&dissent),
        if dissent.len() == 1 { "dates it" } else { "date it" },
        shown(first),
        ctx.names(&supporters),
        if supporters.len() == 1 { "says" } else { "say" },
        shown(base),
    );
    let diff = vec![
        DiffOp { op: DiffTag::Delete, text: ctx.claims[base].text.clone() },
        DiffOp { op: DiffTag::Insert, text: ctx.claims[first].text.clone() },
    ];
    Some(ctx.finding(FindingKind::Date, members, &dissent, message, diff))
}
