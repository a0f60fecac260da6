//! `name-spelling`: the same person or organisation spelled two ways. A
//! source that itself uses both spellings names two different things (or is
//! inconsistent on its own), so it is not held against the others.

use std::collections::HashSet;

use super::Ctx;
use crate::model::{DiffOp, DiffTag, Finding, FindingKind};

pub fn compare(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let spelling = |i: usize| ctx.claims[i].name().map_or("", |n| &*n.spelling);
    let (base, dissent) = ctx.majority(members, spelling, |x, y| spelling(x) == spelling(y));
    let uses = |source: usize, s: &str| ctx.uses_name(source, s);
    let dissent: Vec<usize> = dissent
        .into_iter()
        .filter(|&d| {
            !uses(ctx.claims[d].source, spelling(base)) && !uses(ctx.claims[base].source, spelling(d))
        })
        .collect();
    let first = *dissent.first()?;
    let spellings: HashSet<&str> = members.iter().map(|&m| spelling(m)).collect();
    if spellings.len() < 2 {
        return None;
    }
    let supporters: Vec<usize> = members.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let message = format!(
        "{} {} \"{}\" where {} {} \"{}\"",
        ctx.names(&dissent),
        if dissent.len() == 1 { "spells it" } else { "spell it" },
        ctx.claims[first].text,
        ctx.names(&supporters),
        if supporters.len() == 1 { "has" } else { "have" },
        ctx.claims[base].text,
    );
    let diff = vec![
        DiffOp { op: DiffTag::Delete, text: ctx.claims[base].text.clone() },
        DiffOp { op: DiffTag::Insert, text: ctx.claims[first].text.clone() },
    ];
    Some(ctx.finding(FindingKind::NameSpelling, members, &dissent, message, diff))
}
