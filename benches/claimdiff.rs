//! Benchmarks (divan): extraction throughput over a generated report set,
//! and `check` end to end at several set sizes. Run with
//! `cargo bench --bench claimdiff`; `scripts/bench.sh` compares the binary
//! against `wc -w` and `git diff --word-diff` on the same files.

#[allow(dead_code, reason = "the pathological inputs are for scripts/bench.sh")]
mod gen;

use claimdiff::load::Document;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};

/// The generated reports as documents.
fn docs(n: usize) -> Vec<Document> {
    gen::reports(1, n)
        .into_iter()
        .map(|r| {
            let id = r.name.trim_end_matches(".txt").to_string();
            Document::new(id, r.name, r.text)
        })
        .collect()
}

fn main() {
    divan::main();
}

/// Segment and extract every document of a 50-report set (MB/s).
#[divan::bench(sample_count = 10)]
fn extract(b: Bencher) {
    let d = docs(50);
    let bytes: usize = d.iter().map(|x| x.text.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| claimdiff::extract_all(black_box(&d)));
}

/// The extraction `claims` runs (what a listing shows) on 50 reports (MB/s).
#[divan::bench(sample_count = 10)]
fn extract_listed(b: Bencher) {
    let d = docs(50);
    let bytes: usize = d.iter().map(|x| x.text.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| claimdiff::extract_listed(black_box(&d)));
}

/// `check` end to end (extract, align, compare) on N reports.
#[divan::bench(args = [50, 100, 200], sample_count = 5)]
fn check(b: Bencher, n: usize) {
    let d = docs(n);
    let bytes: usize = d.iter().map(|x| x.text.len()).sum();
    let opts = claimdiff::CheckOptions::default();
    b.counter(BytesCount::new(bytes))
        .with_inputs(|| d.clone())
        .bench_values(|d| claimdiff::check(d, &opts).expect("a generated set checks"));
}
