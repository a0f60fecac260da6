//! Rules for quotes: `quote-wording` (the words differ beyond typography and
//! the partial-quote rule) and `quote-attribution` (different speakers).

use super::diff::compare_quotes;
use super::Ctx;
use crate::extract::{Speaker, Via};
use crate::model::{Finding, FindingKind};

/// Longest excerpt of a quote shown in a message.
const EXCERPT_WORDS: usize = 8;

pub fn wording(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let tokens = |i: usize| &ctx.claims[i].quote().expect("quote group").tokens;
    let agree = |x: usize, y: usize| x == y || !compare_quotes(tokens(x), tokens(y)).differs;
    let (base, dissent) = ctx.majority(members, tokens, agree);
    let first = *dissent.first()?;
    let w = compare_quotes(tokens(base), tokens(first));
    let (old, new) = w.first_change.clone().unwrap_or_default();
    let supporters: Vec<usize> = members.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let speaker = ctx.claims[base]
        .quote()
        .and_then(|q| q.speaker.as_ref())
        .map_or_else(String::new, |s| format!(" {}", s.name));
    let message = format!(
        "{} quote{}{speaker} as \"{}\" where {} {} \"{}\"",
        ctx.names(&dissent),
        if dissent.len() == 1 { "s" } else { "" },
        excerpt(&new),
        ctx.names(&supporters),
        if supporters.len() == 1 { "has" } else { "have" },
        excerpt(&old),
    );
    Some(ctx.finding(FindingKind::QuoteWording, members, &dissent, message, w.ops))
}

fn excerpt(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() {
        return "…".into();
    }
    if words.len() <= EXCERPT_WORDS {
        return words.join(" ");
    }
    format!("{} …", words[..EXCERPT_WORDS].join(" "))
}

/// Surnames close enough to be one name spelled two ways, not two people.
fn same_person(a: &str, b: &str) -> bool {
    a == b || strsim::jaro_winkler(a, b) >= 0.9
}

/// Whether a speaker is certain enough to accuse an outlet of putting words
/// in the wrong mouth: found for the quote itself (named, or a pronoun or
/// title beside its speech verb resolved to a person), never carried over
/// from an earlier quote, and a name (the people model keeps titles,
/// demonyms and places out of it).
///
/// A description resolved to someone ("the Texas governor", "said the
/// president") is not certain: on real news it named the wrong person or a
/// place more often than not, and a wrong accusation costs more than a
/// missed one. A pronoun ("she added") resolved to the person just named is.
fn certain(ctx: &Ctx, claim: usize, s: &Speaker) -> bool {
    let named = s.name.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase));
    // A title resolved to the one person named before who holds it ("the
    // minister" after "Education Minister Ann Roe", no other minister).
    let by_description = || {
        let doc = &ctx.docs[ctx.claims[claim].source];
        s.span.and_then(|m| doc.text.get(m.start..m.end)).is_some_and(|m| {
            let first = m.split_whitespace().next().unwrap_or("").to_lowercase();
            matches!(first.as_str(), "the" | "a" | "an") && m.split_whitespace().count() <= 4
        })
    };
    let by_pronoun = || {
        let doc = &ctx.docs[ctx.claims[claim].source];
        s.span.and_then(|m| doc.text.get(m.start..m.end)).is_some_and(|m| {
            crate::words::contains(crate::words::PERSONAL_PRONOUNS, &m.trim().to_lowercase())
        })
    };
    named && (s.via == Via::Named || (s.via == Via::Resolved && (by_pronoun() || by_description())))
}

/// Fewest words a quote needs to show who said it: "a balanced approach"
/// or "exhilarated" in two outlets is a phrase two people can use.
const MIN_ATTRIBUTED_WORDS: usize = 5;

pub fn attribution(ctx: &Ctx, members: &[usize]) -> Option<Finding> {
    let speaker = |i: usize| {
        ctx.claims[i]
            .quote()
            .filter(|q| q.tokens.len() >= MIN_ATTRIBUTED_WORDS)
            .and_then(|q| q.speaker.as_ref())
            .filter(|s| certain(ctx, i, s))
    };
    let known: Vec<usize> = members.iter().copied().filter(|&i| speaker(i).is_some()).collect();
    if known.len() < 2 {
        return None;
    }
    let key = |i: usize| speaker(i).map(|s| s.key()).unwrap_or_default();
    let (base, dissent) = ctx.majority(&known, key, |x, y| same_person(&key(x), &key(y)));
    let first = *dissent.first()?;
    let supporters: Vec<usize> = known.iter().copied().filter(|m| !dissent.contains(m)).collect();
    let name = |i: usize| speaker(i).map(|s| s.name.clone()).unwrap_or_default();
    let q = excerpt(&ctx.claims[base].text);
    let message = format!(
        "{} attribute{} \"{}\" to {} where {} attribute{} it to {}",
        ctx.names(&dissent),
        if dissent.len() == 1 { "s" } else { "" },
        q,
        name(first),
        ctx.names(&supporters),
        if supporters.len() == 1 { "s" } else { "" },
        name(base),
    );
    let diff = vec![
        crate::model::DiffOp { op: crate::model::DiffTag::Delete, text: name(base) },
        crate::model::DiffOp { op: crate::model::DiffTag::Insert, text: name(first) },
    ];
    Some(ctx.finding(FindingKind::QuoteAttribution, members, &dissent, message, diff))
}
