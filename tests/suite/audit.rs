//! `claimdiff audit`: stories matched to the wire items they draw on and
//! checked against them, scored on a generated day of copy; every output
//! format; the same JSON on one thread and on four.

use std::process::{Command, Stdio};

use crate::common::{claimdiff, root, Scratch};

#[path = "../../benches/day/mod.rs"]
mod day;

/// Write a generated day (W wire items, S stories) under `s`.
fn write_day(s: &Scratch, w: usize, n: usize, seed: u64) -> day::Truth {
    for d in day::wires(seed, w) {
        s.write(&format!("wire/{}.txt", d.id), d.text);
    }
    let (stories, truth) = day::stories(seed, w, n);
    for d in stories {
        s.write(&format!("stories/{}.txt", d.id), d.text);
    }
    truth
}

fn audit_json(s: &Scratch, threads: usize) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["audit", "--format", "json", "--wire"])
        .arg(s.join("wire"))
        .arg(s.join("stories"))
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn a_generated_day_is_matched_and_its_planted_changes_found() {
    let s = Scratch::new("audit-day");
    let truth = write_day(&s, 120, 400, 7);
    let one = audit_json(&s, 1);
    assert!(one == audit_json(&s, 4), "audit JSON differs between 1 and 4 threads");
    let audit: serde_json::Value = serde_json::from_slice(&one).unwrap();
    let score = day::score(&truth, &audit);
    let table = day::render(&score);
    assert!(score.matching.precision >= 0.98 && score.matching.recall >= 0.98, "{table}");
    for kind in ["quote-wording", "figure-value", "figure-qualifier", "omission", "unsupported"] {
        let p = score.kinds.get(kind).unwrap_or_else(|| panic!("no {kind} planted\n{table}"));
        assert!(p.expected > 0, "{table}");
        // The 0.95 per kind; a kind planted fewer than 100 times
        // here (figure-qualifier: about 50) moves by 0.02 a miss, so it is
        // held to 0.90 (the full day in scripts/bench.sh measures 0.95).
        let floor = if p.expected >= 100 { 0.95 } else { 0.90 };
        assert!(p.precision >= floor && p.recall >= floor, "{kind}\n{table}");
    }
    // Findings only of the planted kinds.
    assert_eq!(score.kinds.len(), 5, "{table}");
    // The contract's shape.
    assert_eq!(audit["schema"], "claimdiff/audit/v1");
    assert_eq!(audit["wire"].as_array().unwrap().len(), 120);
    let stories = audit["stories"].as_array().unwrap();
    let ids: Vec<&str> = stories.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let unmatched = stories.iter().filter(|s| s["matches"].as_array().unwrap().is_empty()).count();
    assert!(unmatched > 0);
    assert_eq!(audit["summary"]["stories"], 400);
    assert_eq!(audit["summary"]["unmatched"], unmatched);
    for s in stories {
        for m in s["matches"].as_array().unwrap() {
            let share = m["share"].as_f64().unwrap();
            assert!(share > 0.0 && share <= 1.0, "{m}");
        }
        for f in s["findings"].as_array().unwrap() {
            assert!(f["sources"].as_array().unwrap().contains(&s["id"]), "{f}");
        }
    }
}

#[test]
fn every_format_of_check_renders_an_audit() {
    let s = Scratch::new("audit-formats");
    write_day(&s, 12, 10, 3);
    let wire = s.join("wire");
    let stories = s.join("stories");
    for format in ["terminal", "json", "markdown", "sarif", "github", "junit", "html"] {
        let run = claimdiff([
            "audit",
            "--format",
            format,
            "--color",
            "never",
            "--wire",
            wire.to_str().unwrap(),
            stories.to_str().unwrap(),
        ]);
        run.expect_code(1);
        let out = run.stdout_str();
        assert!(out.contains("s00001"), "{format}: the stories are named\n{out}");
        if matches!(format, "json" | "sarif") {
            serde_json::from_str::<serde_json::Value>(&out).unwrap();
        }
        if matches!(format, "terminal" | "markdown") {
            assert!(out.contains("no wire source found") || out.contains("draws on"), "{format}\n{out}");
        }
    }
}

#[test]
fn audit_input_errors_name_the_file() {
    let s = Scratch::new("audit-bad");
    s.write("wire/w1.txt", "Crews cleared 40 tonnes of silt.\n");
    s.write("stories/w1.txt", "Crews cleared 40 tonnes of silt.\n");
    let run =
        claimdiff(["audit", "--wire", s.join("wire").to_str().unwrap(), s.join("stories").to_str().unwrap()]);
    crate::common::assert_bad_input(&run, &["w1"]);
    let run =
        claimdiff(["audit", "--wire", s.join("nope").to_str().unwrap(), s.join("stories").to_str().unwrap()]);
    crate::common::assert_bad_input(&run, &["nope"]);
}

/// Every directory of `cases/audit/` (see its README): matches exactly as
/// expected, every expected finding, no other finding.
#[test]
fn audit_cases_meet_their_expectations() {
    let dir = root().join("cases/audit");
    let mut cases: Vec<_> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let expect: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap()).unwrap();
        let run = claimdiff([
            "audit",
            "--format",
            "json",
            "--wire",
            case.join("wire").to_str().unwrap(),
            case.join("stories").to_str().unwrap(),
        ]);
        let audit = run.json();
        let stories = audit["stories"].as_array().unwrap();
        let want = expect["stories"].as_object().unwrap();
        assert_eq!(stories.len(), want.len(), "{}", case.display());
        for s in stories {
            let id = s["id"].as_str().unwrap();
            let w = &want[id];
            let got: Vec<&str> =
                s["matches"].as_array().unwrap().iter().map(|m| m["wire"].as_str().unwrap()).collect();
            let expected: Vec<&str> =
                w["matches"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
            assert_eq!(got, expected, "{}: {id}: matches", case.display());
            let mut open: Vec<&serde_json::Value> = w["findings"].as_array().unwrap().iter().collect();
            for f in s["findings"].as_array().unwrap() {
                let texts: Vec<String> = f["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|c| [c["text"].as_str().unwrap_or(""), c["sentence"].as_str().unwrap_or("")])
                    .map(str::to_lowercase)
                    .collect();
                let meets = |e: &&serde_json::Value| {
                    e["kind"] == f["kind"]
                        && e["contains"].as_array().unwrap().iter().all(|c| {
                            let c = c.as_str().unwrap().to_lowercase();
                            texts.iter().any(|t| t.contains(&c))
                        })
                };
                let i = open.iter().position(meets).unwrap_or_else(|| {
                    panic!("{}: {id}: unexpected finding {}", case.display(), f["message"])
                });
                open.remove(i);
            }
            assert!(open.is_empty(), "{}: {id}: missed {open:?}", case.display());
        }
    }
}
