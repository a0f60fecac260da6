//! claimdiff: extract the claims (quotes with speakers, figures) of several
//! reports of one event, align the same claim across them, and report the
//! ones that disagree, with word-level diffs.
//!
//! The pipeline, one module a stage:
//! `load -> segment -> extract -> align -> compare -> report`.

pub mod align;
pub mod audit;
pub mod baseline;
pub mod batch;
pub mod case;
pub mod compare;
pub mod config;
pub mod error;
pub mod extract;
pub mod load;
pub mod model;
pub mod output;
pub mod report;
pub mod segment;
pub mod span;
pub mod testrun;
pub mod text;
pub mod value;
#[rustfmt::skip]
pub mod words;
pub mod zone;

use serde::Serialize;

pub use error::{Error, Result};
use extract::{Claim, Data};
use load::{Document, Role};
use model::{Number, Report, SourceInfo};

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The id of the reference source, if any (else the config's).
    pub reference: Option<String>,
    /// The config file's settings (defaults when there is none).
    pub config: config::Config,
}

/// Mark the reference source, failing when the id names none.
fn assign_roles(docs: &mut [Document], reference: Option<&str>) -> Result<()> {
    if let Some(r) = reference {
        let ids = docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ");
        let d =
            docs.iter_mut().find(|d| d.id == r).ok_or_else(|| Error::UnknownReference(r.to_string(), ids))?;
        d.role = Role::Reference;
    }
    Ok(())
}

/// Segment and extract every document, in parallel (rayon), the claims in
/// document order whatever the number of threads. Unmarked polarity clauses
/// that no marked clause of any source shares a stem with are left out:
/// they could never join a group (see [`extract::counterpart`]).
pub fn extract_all(docs: &[Document]) -> Vec<Claim> {
    let splits = extract_splits(docs);
    let wanted: extract::counterpart::Wanted = splits.iter().flat_map(extract::Split::marked_scope).collect();
    gather(splits, docs, &wanted)
}

/// The listed claims of every document (no unmarked polarity clause: they
/// only ever answer a marked one in alignment), in document order.
pub fn extract_listed(docs: &[Document]) -> Vec<Claim> {
    use rayon::prelude::*;
    let per_doc: Vec<Vec<Claim>> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| extract::extract_listed(i, d, &segment::segment(&d.text)))
        .collect();
    per_doc.into_iter().flatten().collect()
}

fn extract_splits(docs: &[Document]) -> Vec<extract::Split> {
    use rayon::prelude::*;
    docs.par_iter()
        .enumerate()
        .map(|(i, d)| extract::extract_split(i, d, &segment::segment(&d.text)))
        .collect()
}

/// The claims of every document in document order, with the held clauses
/// that have a `wanted` stem.
fn gather(
    splits: Vec<extract::Split>,
    docs: &[Document],
    wanted: &extract::counterpart::Wanted,
) -> Vec<Claim> {
    // One document at a time into one list: each document's claims are
    // freed as they are moved, so the run never holds them twice.
    let mut out = Vec::new();
    for (s, d) in splits.into_iter().zip(docs) {
        out.extend(s.finish(d, Some(wanted)));
    }
    out
}

/// The main job: align claims across the documents and report disagreements.
pub fn check(docs: Vec<Document>, opts: &CheckOptions) -> Result<Report> {
    run(docs, opts, false)
}

/// Successive versions of one text, oldest first: what changed at each step.
/// A claim is compared with the version before it, and a finding shows its
/// whole trajectory.
pub fn versions(docs: Vec<Document>, opts: &CheckOptions) -> Result<Report> {
    run(docs, opts, true)
}

/// [`analyse`] on a worker of the thread pool (`rayon::scope` runs its body
/// there when called from outside the pool). Extraction allocates on the
/// workers; running the rest on one of them lets it reuse what extraction
/// freed, where the calling thread's heap would grow afresh.
fn run(docs: Vec<Document>, opts: &CheckOptions, versions: bool) -> Result<Report> {
    rayon::scope(|_| analyse(docs, opts, versions))
}

fn analyse(mut docs: Vec<Document>, opts: &CheckOptions, versions: bool) -> Result<Report> {
    match docs.first() {
        None => return Err(Error::Usage("no source given: claimdiff compares two or more reports".into())),
        Some(d) if docs.len() == 1 => return Err(Error::SingleSource { path: d.path.clone() }),
        _ => {}
    }
    load::check_unique(&docs)?;
    let reference = opts.reference.as_deref().or(opts.config.reference.as_deref());
    assign_roles(&mut docs, reference)?;
    // The user's order is how the report lists sources; the analysis runs in
    // id order so that listing the same sources differently cannot change
    // any finding (ties go to the same claim whatever the order). Versions
    // are ordered by definition.
    let listed: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    if !versions {
        docs.sort_by(|a, b| a.id.cmp(&b.id));
    }
    words::set_extra(&opts.config.speech_verbs, &opts.config.hedge_words);
    let mut claims = extract_all(&docs);
    // Headlines, bylines and captions are listed by `claims`, never compared.
    claims.retain(|c| !c.furniture);
    let clusters = align::align(&claims, opts.config.align_options());
    let compare_opts = compare::Options { versions, tolerance: opts.config.figure_tolerance };
    let findings = compare::compare(&docs, &claims, &clusters, &compare_opts);
    let mut findings = opts.config.apply(findings);
    let positions: std::collections::HashMap<&str, usize> =
        listed.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let position = |id: &str| positions.get(id).copied().unwrap_or(usize::MAX);
    for f in &mut findings {
        f.claims.sort_by_key(|c| (position(&c.source), c.start));
        f.sources.sort_by_key(|s| position(s));
        f.dissenting.sort_by_key(|s| position(s));
    }
    let order = |f: &model::Finding| {
        let first = f.claims.first();
        (
            first.map_or(0, |c| position(&c.source)),
            first.map_or(0, |c| c.start),
            f.kind,
            f.fingerprint.clone(),
        )
    };
    findings.sort_by_key(order);
    docs.sort_by_key(|d| position(&d.id));
    let sources =
        docs.iter().map(|d| SourceInfo { id: d.id.clone(), path: d.path.clone(), role: d.role }).collect();
    Ok(Report::new(sources, findings))
}

/// `claimdiff claims --format json`: the claims of each source.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimsReport {
    pub schema: &'static str,
    pub sources: Vec<SourceClaims>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceClaims {
    pub id: String,
    pub path: String,
    pub claims: Vec<ClaimOut>,
}

/// One claim as `claims` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    pub kind: extract::ClaimKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub sentence: std::sync::Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Option<String>>,
    /// The words the source used for the speaker ("he", "the minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_end: Option<usize>,
    /// A quote inside the reporter's own sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_high: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polarity: Option<extract::Polarity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<extract::DateValue>,
}

pub const CLAIMS_SCHEMA: &str = "claimdiff/claims/v1";

/// The claims of every document, for inspection.
pub fn claims(docs: &[Document]) -> ClaimsReport {
    use rayon::prelude::*;
    // Each document's claims become its listing as they are found (not
    // gathered into one list first: that copy was a tenth of the run).
    let sources = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let claims = extract::extract_listed(i, d, &segment::segment(&d.text));
            SourceClaims {
                id: d.id.clone(),
                path: d.path.clone(),
                claims: claims.into_iter().filter(Claim::listed).map(|c| claim_out(d, c)).collect(),
            }
        })
        .collect();
    ClaimsReport { schema: CLAIMS_SCHEMA, sources }
}

/// A claim as listed (its text moves into the listing).
fn claim_out(doc: &Document, c: Claim) -> ClaimOut {
    let (line, column) = doc.line_col(c.span.start);
    let mut out = ClaimOut {
        kind: c.kind(),
        text: c.text,
        start: doc.source_offset(c.span.start),
        end: doc.source_offset(c.span.end),
        line,
        column,
        sentence: c.sentence,
        speaker: None,
        speaker_mention: None,
        speaker_start: None,
        speaker_end: None,
        partial: None,
        value: None,
        value_high: None,
        unit: None,
        qualifier: None,
        polarity: None,
        date: None,
    };
    match c.data {
        Data::Quote(q) => {
            // The mention is listed even when it resolves to no one; it is
            // located only when it names a speaker.
            let at = q.mention;
            out.speaker_mention = at.and_then(|s| doc.text.get(s.start..s.end)).map(|t| text::clean(t, None));
            let located = at.filter(|_| q.speaker.is_some());
            out.speaker_start = located.map(|s| doc.source_offset(s.start));
            out.speaker_end = located.map(|s| doc.source_offset(s.end));
            out.speaker = Some(q.speaker.map(|s| s.name));
            out.partial = Some(q.partial);
        }
        Data::Figure(f) => {
            out.value = Some(Number(f.value));
            out.value_high = f.high.map(Number);
            out.unit = Some(f.unit);
            out.qualifier = Some(f.qualifier_text);
        }
        Data::Polarity(p) => out.polarity = Some(p.polarity),
        Data::Date(d) => out.date = Some(d.value),
        Data::Name(_) => {}
    }
    out
}
