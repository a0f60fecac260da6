//! `claimdiff batch`: one answer line per input line, in input order, each
//! depending only on its own line (not its neighbours, its position or the
//! number of threads); a bad line is an error line and the run goes on.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use crate::common::{claimdiff, root, Scratch};

/// A group of the case corpus as one batch line: its text files inline.
fn case_line(id: &str, dir: &str, reference: Option<&str>) -> String {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let sources: Vec<serde_json::Value> = files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            serde_json::json!({ "id": id, "text": std::fs::read_to_string(p).unwrap() })
        })
        .collect();
    let mut line = serde_json::json!({ "id": id, "sources": sources });
    if let Some(r) = reference {
        line["reference"] = serde_json::json!(r);
    }
    line.to_string()
}

/// Two short invented reports of one event, differing in a figure when `n` is odd.
fn small_line(n: usize) -> String {
    let a = format!("The ferry to Kelby carried 340 passengers on trip {n}, the harbour office said.\n");
    let b = if n % 2 == 1 {
        format!("The ferry to Kelby carried 430 passengers on trip {n}, the harbour office said.\n")
    } else {
        a.clone()
    };
    serde_json::json!({ "id": format!("g{n}"), "sources": [{ "id": "a", "text": a }, { "id": "b", "text": b }] })
        .to_string()
}

/// `claimdiff batch FILE` on `threads` threads: exit status, output lines, stderr.
fn batch(file: &std::path::Path, threads: usize) -> (i32, Vec<String>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["batch".as_ref(), file.as_os_str()])
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap(),
        stdout.lines().map(str::to_string).collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn id_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    v["id"].to_string()
}

#[test]
fn the_same_line_gives_the_same_answer_whatever_its_neighbours_order_or_threads() {
    let s = Scratch::new("batch-same");
    let mut lines = vec![
        case_line("lavrov", "cases/lavrov-diop-talks", None),
        case_line("lavrov-ref", "cases/lavrov-diop-talks", Some("agency")),
        case_line("floods", "cases/olt-valley-floods", None),
        case_line("clean", "cases/clean-battery-plant-jobs", None),
        r#"{"id": "broken", "sources": [{"id": "a", "text": "x"}]}"#.to_string(),
    ];
    lines.extend((0..12).map(small_line));
    let forward = s.write("forward.jsonl", lines.join("\n") + "\n");
    let mut shuffled = lines.clone();
    shuffled.reverse();
    shuffled.swap(2, 9);
    // Alone, with other neighbours.
    let alone = s.write("alone.jsonl", format!("{}\n{}\n", lines[0], lines[4]));
    let shuffled = s.write("shuffled.jsonl", shuffled.join("\n"));

    let answers = |file: &std::path::Path, threads: usize, input: &[String]| {
        let (code, out, _) = batch(file, threads);
        assert_eq!(code, 2, "one line is an error");
        assert_eq!(out.len(), input.len());
        // Input order: the i-th answer is the i-th line's.
        for (line, answer) in input.iter().zip(&out) {
            let want: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(id_of(answer), want["id"].to_string());
        }
        out.into_iter().map(|l| (id_of(&l), l)).collect::<BTreeMap<_, _>>()
    };
    let base = answers(&forward, 1, &lines);
    let mut reordered = lines.clone();
    reordered.reverse();
    reordered.swap(2, 9);
    assert_eq!(answers(&forward, 4, &lines), base);
    assert_eq!(answers(&shuffled, 3, &reordered), base);
    let few = answers(&alone, 2, &[lines[0].clone(), lines[4].clone()]);
    for (id, line) in few {
        assert_eq!(base[&id], line);
    }
    assert!(base["\"lavrov\""].contains("\"kind\":\"figure-value\""));
    assert!(base["\"broken\""].starts_with("{\"id\":\"broken\",\"error\":"));
    assert!(base["\"g1\""].contains("430"), "{}", base["\"g1\""]);
}

#[test]
fn one_malformed_line_among_a_thousand_gives_999_reports_and_one_error() {
    let s = Scratch::new("batch-thousand");
    let mut lines: Vec<String> = (0..1000).map(small_line).collect();
    lines[637] = r#"{"id": "g637", "sources": [{"id": "a", "text": "#.to_string();
    let file = s.write("day.jsonl", lines.join("\n") + "\n");
    let (code, out, stderr) = batch(&file, 2);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(out.len(), 1000);
    let is_error = |l: &str| serde_json::from_str::<serde_json::Value>(l).unwrap().get("error").is_some();
    let errors: Vec<usize> = (0..1000).filter(|&i| is_error(&out[i])).collect();
    assert_eq!(errors, [637]);
    // The line is not JSON, so its id cannot be read: null.
    assert!(out[637].starts_with(r#"{"id":null,"error":"invalid JSON"#), "{}", out[637]);
    for (i, line) in out.iter().enumerate().filter(|&(i, _)| i != 637) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], format!("g{i}"));
        assert_eq!(v["report"]["schema"], "claimdiff/report/v1");
        assert_eq!(v["report"]["findings"].as_array().unwrap().is_empty(), i % 2 == 0, "{line}");
    }
    // One line on stderr naming the file and the line.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("day.jsonl:638: invalid JSON"), "{stderr}");
}

#[test]
fn exit_status_follows_check_when_every_line_is_good() {
    let s = Scratch::new("batch-exit");
    let clean = s.write("clean.jsonl", small_line(0) + "\n" + &small_line(2) + "\n");
    let findings = s.write("findings.jsonl", small_line(0) + "\n" + &small_line(1) + "\n");
    assert_eq!(batch(&clean, 2).0, 0);
    assert_eq!(batch(&findings, 2).0, 1);
    let run = claimdiff(["batch", "--fail-on", "none", findings.to_str().unwrap()]);
    run.expect_code(0);
    // Standard input by default, and `-`.
    let input = std::fs::read(&findings).unwrap();
    for args in [&["batch"][..], &["batch", "-"][..]] {
        let run = crate::common::claimdiff_stdin(args, Some(&input));
        run.expect_code(1);
        assert_eq!(run.stdout_str().lines().count(), 2);
    }
}

#[test]
fn path_sources_are_read_from_the_current_directory() {
    let line = serde_json::json!({
        "id": "paths",
        "reference": "agency",
        "sources": [
            { "id": "agency", "path": "cases/lavrov-diop-talks/agency.txt" },
            { "id": "daily", "path": "cases/lavrov-diop-talks/daily.txt" },
        ],
    });
    let missing = serde_json::json!({
        "id": "missing",
        "sources": [{ "id": "a", "path": "cases/no-such-file.txt" }, { "id": "b", "text": "Some text." }],
    });
    let both = serde_json::json!({
        "id": "both",
        "sources": [{ "id": "a", "path": "x.txt", "text": "y" }, { "id": "b", "text": "Some text." }],
    });
    let input = format!("{line}\n{missing}\n{both}\n");
    let run = crate::common::claimdiff_stdin(["batch"], Some(input.as_bytes()));
    run.expect_code(2);
    let out: Vec<serde_json::Value> =
        run.stdout_str().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(out[0]["report"]["sources"][0]["role"], "reference");
    assert_eq!(out[0]["report"]["sources"][0]["path"], "cases/lavrov-diop-talks/agency.txt");
    let err = out[1]["error"].as_str().unwrap();
    assert!(err.contains("cases/no-such-file.txt") && err.contains("no such file"), "{err}");
    assert!(out[2]["error"].as_str().unwrap().contains("exactly one of `text` and `path`"));
    assert!(run.stderr.contains("-:2:"), "{}", run.stderr);
}

#[test]
fn bad_lines_of_every_sort_are_error_lines() {
    let lines = [
        "",
        "not json",
        "[1, 2]",
        r#"{"sources": []}"#,
        r#"{"id": {"x": 1}, "sources": []}"#,
        r#"{"id": "one", "sources": [{"id": "a", "text": "Only one source here."}]}"#,
        r#"{"id": "unknown", "refrence": "a", "sources": []}"#,
        r#"{"id": "ref", "reference": "zz", "sources": [{"id": "a", "text": "A b."}, {"id": "b", "text": "C d."}]}"#,
        r#"{"id": "blank", "sources": [{"id": "a", "text": "  "}, {"id": "b", "text": "C d."}]}"#,
        r#"{"id": "nul", "sources": [{"id": "a", "text": "a\u0000b"}, {"id": "b", "text": "C d."}]}"#,
        r#"{"id": "dup", "sources": [{"id": "a", "text": "A b."}, {"id": "a", "text": "C d."}]}"#,
        r#"{"id": "stdin", "sources": [{"id": "a", "path": "-"}, {"id": "b", "text": "C d."}]}"#,
    ];
    let mut input = lines.join("\n").into_bytes();
    input.extend_from_slice(b"\n\xff\xfe\n");
    let run = crate::common::claimdiff_stdin(["batch"], Some(&input));
    run.expect_code(2);
    let out: Vec<serde_json::Value> =
        run.stdout_str().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(out.len(), lines.len() + 1);
    for (i, v) in out.iter().enumerate() {
        let reason = v["error"].as_str().unwrap_or_else(|| panic!("line {}: {v}", i + 1));
        assert!(!reason.contains('\n') && !reason.is_empty());
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(out[5]["id"], "one");
    assert_eq!(out[0]["id"], serde_json::Value::Null);
}
