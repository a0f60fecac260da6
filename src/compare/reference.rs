//! Reference mode: `omission` (a quote or figure of the reference that a
//! report leaves out) and `unsupported` (a quote or figure of a report that
//! the reference lacks). Only when a source is marked as the reference.

use std::collections::HashMap;

use super::Ctx;
use crate::align::Cluster;
use crate::extract::ClaimKind;
use crate::load::Role;
use crate::model::{Finding, FindingKind};

fn checked(kind: ClaimKind) -> bool {
    matches!(kind, ClaimKind::Quote | ClaimKind::Figure)
}

pub fn compare(ctx: &Ctx, clusters: &[Cluster]) -> Vec<Finding> {
    let Some(reference) = ctx.docs.iter().position(|d| d.role == Role::Reference) else {
        return Vec::new();
    };
    let reports: Vec<usize> = (0..ctx.docs.len()).filter(|&d| d != reference).collect();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for (g, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            group_of.insert(m, g);
        }
    }
    let members = |i: usize| group_of.get(&i).map_or_else(|| vec![i], |&g| clusters[g].members.clone());
    let mut out = Vec::new();
    for (i, c) in ctx.claims.iter().enumerate() {
        if !checked(c.kind()) {
            continue;
        }
        let group = members(i);
        let has = |d: usize| group.iter().any(|&m| ctx.claims[m].source == d);
        if c.source == reference {
            let missing: Vec<usize> = reports.iter().copied().filter(|&d| !has(d)).collect();
            if missing.is_empty() {
                continue;
            }
            let ids: Vec<String> = missing.iter().map(|&d| ctx.docs[d].id.clone()).collect();
            let what = if c.kind() == ClaimKind::Quote { "quote" } else { "figure" };
            let message = format!(
                "{} {} the {what} \"{}\" of {}",
                ids.join(", "),
                if ids.len() == 1 { "omits" } else { "omit" },
                excerpt(&c.text),
                ctx.docs[reference].id
            );
            out.push(ctx.finding_with(FindingKind::Omission, &group, &missing, ids, message, Vec::new()));
        } else if !has(reference) && group.iter().min() == Some(&i) {
            // One finding per group of reports carrying the same claim.
            let dissent: Vec<String> =
                group.iter().map(|&m| ctx.docs[ctx.claims[m].source].id.clone()).collect();
            let what = if c.kind() == ClaimKind::Quote { "quote" } else { "figure" };
            let message = format!(
                "{} {} the {what} \"{}\", which {} does not contain",
                dissent.join(", "),
                if dissent.len() == 1 { "has" } else { "have" },
                excerpt(&c.text),
                ctx.docs[reference].id
            );
            out.push(ctx.finding_with(
                FindingKind::Unsupported,
                &group,
                &[reference],
                dissent,
                message,
                Vec::new(),
            ));
        }
    }
    out
}

fn excerpt(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 10 {
        words.join(" ")
    } else {
        format!("{} …", words[..10].join(" "))
    }
}
