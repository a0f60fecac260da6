//! `claimdiff batch`: many event groups in one run, JSON Lines in and out
//! (the contract's "Batch"), for a day of copy and for engines that stream
//! lines through a program (Spark's `RDD.pipe`, GNU parallel, xargs).
//!
//! One input line is one group: `{"id": "g1", "reference": "wire",
//! "sources": [{"id": "wire", "text": "…"}, {"id": "daily", "path": "d.txt"}]}`.
//! One output line answers it, in input order: `{"id": "g1", "report": …}`
//! or `{"id": "g1", "error": "one-line reason"}`. A line's answer depends on
//! its content only (never on its position, its neighbours or the number of
//! threads), so the reason in an error line names no line number: the caller
//! reports where the line was ([`Outcome::Error`] keeps the reason).
//!
//! Groups run in parallel on the rayon pool with a bounded window of lines
//! in flight (a count and a byte budget, which a single larger line may
//! exceed alone), so memory is bounded by the largest group, not the input.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::{mpsc, Arc};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::load::{self, Document, LoadOptions};
use crate::model::{Report, Severity};
use crate::CheckOptions;

/// Settings of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Config and default reference, the same for every group.
    pub check: CheckOptions,
    pub load: LoadOptions,
    /// Most lines in flight (read, not yet written); 0 picks 4 per thread.
    pub window: usize,
    /// Most bytes of input lines in flight (a larger line runs alone).
    pub window_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            check: CheckOptions::default(),
            load: LoadOptions::default(),
            window: 0,
            window_bytes: 64 << 20,
        }
    }
}

/// How one line went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A report; its worst finding's severity.
    Report(Option<Severity>),
    /// An error line, with its reason.
    Error(String),
}

/// What a batch run did.
#[derive(Debug, Clone, Default)]
pub struct BatchSummary {
    pub lines: usize,
    /// Line numbers (1-based) and reasons of the error lines.
    pub errors: Vec<(usize, String)>,
    /// The worst finding's severity over every report.
    pub worst: Option<Severity>,
}

/// An input line as the contract writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    #[allow(dead_code, reason = "read from the raw value before the group is parsed")]
    id: serde_json::Value,
    #[serde(default)]
    reference: Option<String>,
    sources: Vec<SourceIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    path: Option<String>,
}

#[derive(Serialize)]
struct ReportLine<'a> {
    id: &'a serde_json::Value,
    report: &'a Report,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
}

/// Answer one input line (without its line break): the output line (with
/// its line break) and how it went. Never fails: a bad line is an error line.
///
/// ```
/// use claimdiff::batch::{answer, BatchOptions, Outcome};
/// let (line, outcome) = answer(b"{\"id\": \"g1\", \"sources\": []", &BatchOptions::default());
/// assert!(matches!(outcome, Outcome::Error(_)));
/// assert!(line.starts_with("{\"id\":null,\"error\":\"invalid JSON"));
/// ```
pub fn answer(line: &[u8], opts: &BatchOptions) -> (String, Outcome) {
    let id = line_id(line);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_group(line, opts)))
        .unwrap_or_else(|_| Err(Error::Usage("internal error while checking this group".into())));
    let mut out = Vec::new();
    let outcome = match result {
        Ok(report) => {
            crate::report::json::write_line(&ReportLine { id: &id, report: &report }, &mut out)
                .expect("writing to memory cannot fail");
            Outcome::Report(report.worst())
        }
        Err(e) => {
            let reason = one_line(&e.to_string());
            crate::report::json::write_line(&ErrorLine { id: &id, error: &reason }, &mut out)
                .expect("writing to memory cannot fail");
            Outcome::Error(reason)
        }
    };
    (String::from_utf8(out).expect("serde_json writes UTF-8"), outcome)
}

/// The line's `id` when it is a JSON object with a string or number id, else null.
fn line_id(line: &[u8]) -> serde_json::Value {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    match serde_json::from_slice::<IdOnly>(line) {
        Ok(IdOnly { id: Some(v @ (serde_json::Value::String(_) | serde_json::Value::Number(_))) }) => v,
        _ => serde_json::Value::Null,
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parse, load and check one group.
fn run_group(line: &[u8], opts: &BatchOptions) -> Result<Report> {
    let text = std::str::from_utf8(line)
        .map_err(|e| Error::Usage(format!("not valid UTF-8 (invalid byte at offset {})", e.valid_up_to())))?;
    if text.trim().is_empty() {
        return Err(Error::Usage("empty line: expected a JSON object".into()));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::Usage(format!("invalid JSON: {e}")))?;
    match value.get("id") {
        Some(serde_json::Value::String(_) | serde_json::Value::Number(_)) => {}
        Some(_) => return Err(Error::Usage("`id` must be a string or a number".into())),
        None => return Err(Error::Usage("missing field `id`".into())),
    }
    let group: Group =
        serde_json::from_value(value).map_err(|e| Error::Usage(format!("invalid group: {e}")))?;
    let docs = group.sources.into_iter().map(|s| load_source(s, opts.load)).collect::<Result<Vec<_>>>()?;
    let check = CheckOptions {
        reference: group.reference.or_else(|| opts.check.reference.clone()),
        ..opts.check.clone()
    };
    crate::check(docs, &check)
}

/// One source of a group: inline `text`, or a `path` read relative to the
/// current directory.
fn load_source(s: SourceIn, opts: LoadOptions) -> Result<Document> {
    if s.id.is_empty() {
        return Err(Error::Usage("a source has an empty `id`".into()));
    }
    match (s.text, s.path) {
        (Some(text), None) => {
            let name = format!("source `{}`", s.id);
            if text.len() as u64 > opts.max_bytes {
                return Err(Error::TooLarge { path: name.into(), limit: opts.max_bytes });
            }
            let text = load::decode(Path::new(&name), text.into_bytes())?;
            Ok(Document::new(s.id, "", text))
        }
        (None, Some(path)) if path == "-" => {
            Err(Error::Usage(format!("source `{}`: `-` (standard input) is not a path in batch mode", s.id)))
        }
        (None, Some(path)) => load::load_document(s.id, Path::new(&path), path.clone(), opts),
        _ => Err(Error::Usage(format!("source `{}`: give exactly one of `text` and `path`", s.id))),
    }
}

/// Run every line of `input`, writing one output line per input line to
/// `out` in input order. `progress` is called after each line is written
/// with the input bytes and lines done so far. Fails only when the input
/// cannot be read or the output cannot be written (`input_name` names the
/// input in that error).
///
/// Reading and writing happen on the calling thread; the groups run on the
/// rayon pool. A line is read only when the window has room: fewer than
/// `window` lines read and not yet written, and their bytes within
/// `window_bytes` (a larger line waits for an empty window and runs alone).
pub fn run(
    input: &mut dyn BufRead,
    input_name: &str,
    out: &mut dyn Write,
    opts: &BatchOptions,
    progress: &dyn Fn(u64, usize),
) -> Result<BatchSummary> {
    let max_lines = if opts.window == 0 { 4 * rayon::current_num_threads().max(1) } else { opts.window };
    let shared = Arc::new(opts.clone());
    let (tx, rx) = mpsc::channel::<Answered>();
    let read_err = |e: std::io::Error| Error::Read { path: input_name.into(), reason: e.to_string() };
    let mut w = Writer {
        out,
        progress,
        pending: BTreeMap::new(),
        next: 0,
        bytes: 0,
        held: (0, 0),
        summary: BatchSummary::default(),
    };
    let mut n = 0usize;
    loop {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).map_err(read_err)? == 0 {
            break;
        }
        let consumed = line.len();
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        let held = line.len();
        // Wait for room (answers arrive in any order; each is written in turn).
        while w.held.0 > 0 && (w.held.0 >= max_lines || w.held.1 + held > opts.window_bytes) {
            let a = rx.recv().expect("a line in flight answers");
            w.take(a)?;
        }
        w.held.0 += 1;
        w.held.1 += held;
        let (tx, opts) = (tx.clone(), Arc::clone(&shared));
        let index = n;
        rayon::spawn(move || {
            let (text, outcome) = answer(&line, &opts);
            // The receiver lives until every line is written.
            let _ = tx.send(Answered { index, consumed, held, text, outcome });
        });
        n += 1;
        while let Ok(a) = rx.try_recv() {
            w.take(a)?;
        }
    }
    drop(tx);
    while w.next < n {
        let a = rx.recv().expect("a line in flight answers");
        w.take(a)?;
    }
    w.out.flush().map_err(|e| Error::Write { path: "-".into(), reason: e.to_string() })?;
    Ok(w.summary)
}

/// One line's answer, as a worker hands it back.
struct Answered {
    index: usize,
    /// Input bytes the line took, its line break included.
    consumed: usize,
    /// Window room it holds.
    held: usize,
    text: String,
    outcome: Outcome,
}

/// Writes answers in input order, as they become next.
struct Writer<'a> {
    out: &'a mut dyn Write,
    progress: &'a dyn Fn(u64, usize),
    pending: BTreeMap<usize, Answered>,
    next: usize,
    bytes: u64,
    /// Lines and bytes in flight.
    held: (usize, usize),
    summary: BatchSummary,
}

impl Writer<'_> {
    fn take(&mut self, a: Answered) -> Result<()> {
        self.pending.insert(a.index, a);
        while let Some(a) = self.pending.remove(&self.next) {
            self.next += 1;
            self.held.0 -= 1;
            self.held.1 -= a.held;
            self.out
                .write_all(a.text.as_bytes())
                .map_err(|e| Error::Write { path: "-".into(), reason: e.to_string() })?;
            self.bytes += a.consumed as u64;
            self.summary.lines += 1;
            match a.outcome {
                Outcome::Report(worst) => self.summary.worst = self.summary.worst.max(worst),
                Outcome::Error(reason) => self.summary.errors.push((self.next, reason)),
            }
            (self.progress)(self.bytes, self.summary.lines);
        }
        Ok(())
    }
}
