//! Parallel extraction must not change the output: `check` and `claims` print
//! byte-identical JSON with one thread and with four (`RAYON_NUM_THREADS`),
//! over every case file and a generated set of reports.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{root, Scratch};

#[allow(dead_code, reason = "the generator's pathological inputs are for the benchmarks")]
#[path = "../../benches/gen/mod.rs"]
pub mod gen;

/// Stdout of `claimdiff ARGS` run on `threads` threads; it must exit 0 or 1.
fn run(threads: usize, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("claimdiff {args:?}: {e}"));
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "claimdiff {args:?} on {threads} threads: exit {code:?}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn same_on_one_and_four(args: &[&str]) -> Vec<u8> {
    let one = run(1, args);
    let four = run(4, args);
    assert!(one == four, "claimdiff {args:?}: output differs between 1 and 4 threads");
    one
}

#[test]
fn case_reports_are_byte_identical_on_one_and_four_threads() {
    let mut cases: Vec<_> = std::fs::read_dir(root().join("cases"))
        .expect("cases/")
        .map(|e| e.expect("entry").path().join("case.yaml"))
        .filter(|p| p.is_file())
        .collect();
    cases.sort();
    assert!(cases.len() > 10, "expected the case corpus");
    for case in &cases {
        let case = case.to_str().expect("UTF-8 path");
        same_on_one_and_four(&["check", "--case", case, "--format", "json", "--fail-on", "none"]);
    }
}

#[test]
fn generated_reports_are_byte_identical_on_one_and_four_threads() {
    let dir = Scratch::new("threads");
    for r in gen::reports(7, 24) {
        dir.write(&r.name, &r.text);
    }
    let path = dir.path().to_str().expect("UTF-8 path");
    let report = same_on_one_and_four(&["check", "--format", "json", "--fail-on", "none", path]);
    let report: serde_json::Value = serde_json::from_slice(&report).expect("JSON report");
    let findings = report["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "the planted disagreements should be found");
    same_on_one_and_four(&["claims", "--format", "json", path]);
    assert!(Path::new(path).join("r0023.txt").is_file());
}
