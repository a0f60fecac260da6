//! `polarity`: one source affirms what another denies.

use super::Ctx;
use crate::extract::Polarity;
use crate::model::{DiffOp, DiffTag, Finding, FindingKind};

pub fn compare(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let pol = |i: usize| ctx.claims[i].polarity().map(|p| p.polarity);
    let (base, dissent) = ctx.majority(members, pol, |x, y| pol(x) == pol(y));
    let first = *dissent.first()?;
    // Two quotes at odds are the quote rules' business (a cut that drops a
    // "not" is a quote-wording finding), not a second finding here.
    if ctx.inside_quote(base) && ctx.inside_quote(first) {
        return None;
    }
    let verb = |i: usize, n: usize| match (pol(i), n) {
        (Some(Polarity::Denied), 1) => "denies",
        (Some(Polarity::Denied), _) => "deny",
        (_, 1) => "says",
        _ => "say",
    };
    let supporters: Vec<usize> = members.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let message = format!(
        "{} {} \"{}\" where {} {} \"{}\"",
        ctx.names(&dissent),
        verb(first, dissent.len()),
        ctx.claims[first].text,
        ctx.names(&supporters),
        verb(base, supporters.len()),
        ctx.claims[base].text,
    );
    let diff = vec![
        DiffOp { op: DiffTag::Delete, text: ctx.claims[base].text.clone() },
        DiffOp { op: DiffTag::Insert, text: ctx.claims[first].text.clone() },
    ];
    Some(ctx.finding(FindingKind::Polarity, members, &dissent, message, diff))
}
