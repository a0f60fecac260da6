//! The command line: help, every `--format`, `--fail-on` and exit codes,
//! `--case`, `ID=PATH` naming and `-` for standard input.

use crate::common::{arg, claimdiff, claimdiff_stdin, quote_pair, root, Scratch, LAVROV};

/// The `--format` values `check --help` lists, so a new format is covered too.
fn check_formats() -> Vec<String> {
    let help = claimdiff(["check", "--help"]).expect_code(0).stdout_str();
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with("--format"))
        .unwrap_or_else(|| panic!("no --format in check --help:\n{help}"));
    let values = line
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no possible values for --format: {line}"));
    values.split(", ").map(str::to_string).collect()
}

fn ids(report: &serde_json::Value, key: &str) -> Vec<String> {
    report[key].as_array().expect("array").iter().map(|s| s["id"].as_str().expect("id").to_string()).collect()
}

fn kinds(report: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["kind"].as_str().expect("kind").to_string())
        .collect();
    k.sort();
    k
}

#[test]
fn help_lists_the_subcommands() {
    let out = claimdiff(["--help"]).expect_code(0).stdout_str();
    for word in ["check", "claims", "test"] {
        assert!(out.contains(word), "--help should mention `{word}`:\n{out}");
    }
}

#[test]
fn version_prints_the_name() {
    let out = claimdiff(["--version"]).expect_code(0).stdout_str();
    assert!(out.starts_with("claimdiff "), "{out}");
}

#[test]
fn check_help_lists_the_options() {
    let out = claimdiff(["check", "--help"]).expect_code(0).stdout_str();
    for opt in [
        "--format",
        "--output",
        "-o",
        "--fail-on",
        "--reference",
        "--case",
        "--color",
        "--max-bytes",
        "--allow-outside",
        "terminal",
        "json",
        "none",
        "info",
        "warning",
        "error",
    ] {
        assert!(out.contains(opt), "check --help should mention `{opt}`:\n{out}");
    }
}

#[test]
fn claims_and_test_help_exit_0() {
    for sub in ["claims", "test"] {
        let out = claimdiff([sub, "--help"]).expect_code(0).stdout_str();
        assert!(out.contains("--format"), "{sub} --help:\n{out}");
    }
}

#[test]
fn every_format_reports_the_lavrov_findings() {
    let formats = check_formats();
    assert!(formats.iter().any(|f| f == "terminal") && formats.iter().any(|f| f == "json"), "{formats:?}");
    for format in &formats {
        let run = claimdiff(["check", "--format", format, LAVROV]);
        run.expect_code(1);
        assert!(!run.stdout.is_empty(), "{}: empty output", run.cmd);
        assert!(run.stderr.is_empty(), "{}: stderr:\n{}", run.cmd, run.stderr);
    }
}

#[test]
fn terminal_output_names_each_finding_kind() {
    let out = claimdiff(["check", "--color", "never", LAVROV]).expect_code(1).stdout_str();
    for kind in ["figure-value", "quote-wording", "quote-attribution"] {
        assert!(out.contains(kind), "terminal output should name `{kind}`:\n{out}");
    }
}

#[test]
fn fail_on_none_exits_0_despite_findings() {
    let run = claimdiff(["check", "--fail-on", "none", "--format", "json", LAVROV]);
    run.expect_code(0);
    assert!(
        !run.json()["findings"].as_array().expect("findings").is_empty(),
        "the findings are still reported"
    );
}

#[test]
fn fail_on_error_exits_1_on_errors() {
    claimdiff(["check", "--fail-on", "error", LAVROV]).expect_code(1);
}

#[test]
fn fail_on_error_ignores_warnings() {
    let s = Scratch::new("fail-on");
    let (a, b) = quote_pair(&s);
    let (a, b) = (arg(&a), arg(&b));
    let report = claimdiff(["check", "--fail-on", "none", "--format", "json", &a, &b]).expect_code(0).json();
    // Precondition: the pair gives warnings and no error.
    assert_eq!(report["summary"]["error"], 0, "{report:#}");
    assert!(report["summary"]["warning"].as_u64() >= Some(1), "{report:#}");
    claimdiff(["check", &a, &b]).expect_code(1);
    claimdiff(["check", "--fail-on", "warning", &a, &b]).expect_code(1);
    claimdiff(["check", "--fail-on", "info", &a, &b]).expect_code(1);
    claimdiff(["check", "--fail-on", "error", &a, &b]).expect_code(0);
}

#[test]
fn clean_case_exits_0_with_no_findings() {
    let dir = "cases/clean-museum-grant";
    let report = claimdiff(["check", "--format", "json", dir]).expect_code(0).json();
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["sources"].as_array().map(Vec::len), Some(3));
    claimdiff(["check", "--fail-on", "info", dir]).expect_code(0);
}

#[test]
fn case_file_gives_the_same_findings_as_its_directory() {
    let case = claimdiff(["check", "--format", "json", "--case", "cases/lavrov-diop-talks/case.yaml"])
        .expect_code(1)
        .json();
    let dir = claimdiff(["check", "--format", "json", LAVROV]).expect_code(1).json();
    assert_eq!(ids(&case, "sources"), ["agency", "daily", "weekly"]);
    assert_eq!(kinds(&case), ["figure-value", "quote-attribution", "quote-wording"]);
    let prints = |r: &serde_json::Value| {
        let mut p: Vec<String> = r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["fingerprint"].to_string())
            .collect();
        p.sort();
        p
    };
    assert_eq!(prints(&case), prints(&dir));
}

#[test]
fn id_equals_path_names_the_source() {
    let agency = format!("wire={LAVROV}/agency.txt");
    let daily = format!("paper={LAVROV}/daily.txt");
    let report = claimdiff(["check", "--format", "json", &agency, &daily]).expect_code(1).json();
    assert_eq!(ids(&report, "sources"), ["wire", "paper"]);
    assert_eq!(report["sources"][0]["path"], format!("{LAVROV}/agency.txt"));
    for f in report["findings"].as_array().expect("findings") {
        for c in f["claims"].as_array().expect("claims") {
            let src = c["source"].as_str().expect("source");
            assert!(src == "wire" || src == "paper", "claim source `{src}` should use the given ids");
        }
    }
}

#[test]
fn dash_reads_standard_input() {
    let agency = std::fs::read(root().join(LAVROV).join("agency.txt")).expect("agency.txt");
    let daily = format!("{LAVROV}/daily.txt");
    let run = claimdiff_stdin(["check", "--format", "json", "-", &daily], Some(&agency));
    let report = run.expect_code(1).json();
    assert_eq!(ids(&report, "sources"), ["stdin", "daily"]);
    assert_eq!(report["sources"][0]["path"], "-");
    let wording =
        report["findings"].as_array().expect("findings").iter().find(|f| f["kind"] == "quote-wording");
    let wording =
        wording.unwrap_or_else(|| panic!("the hardware/equipment quote should differ:\n{report:#}"));
    assert_eq!(wording["sources"], serde_json::json!(["stdin", "daily"]));
}

#[test]
fn id_equals_dash_names_standard_input() {
    let agency = std::fs::read(root().join(LAVROV).join("agency.txt")).expect("agency.txt");
    let daily = format!("{LAVROV}/daily.txt");
    let report =
        claimdiff_stdin(["check", "--format", "json", "wire=-", &daily], Some(&agency)).expect_code(1).json();
    assert_eq!(ids(&report, "sources"), ["wire", "daily"]);
    assert_eq!(report["sources"][0]["path"], "-");
}

#[test]
fn reference_marks_the_role() {
    let report =
        claimdiff(["check", "--format", "json", "--reference", "agency", LAVROV]).expect_code(1).json();
    let roles: Vec<&str> = report["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["role"].as_str().expect("role"))
        .collect();
    assert_eq!(roles, ["reference", "report", "report"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["check"],
        vec!["check", "--format", "xml", LAVROV],
        vec!["check", "--fail-on", "sometimes", LAVROV],
        vec!["frobnicate"],
        vec![],
    ] {
        let run = claimdiff(&args);
        run.expect_code(2);
        assert!(run.stdout.is_empty(), "{}: stdout:\n{}", run.cmd, String::from_utf8_lossy(&run.stdout));
        assert!(
            !run.stderr.trim().is_empty() && !run.stderr.contains("panicked"),
            "{}: stderr:\n{}",
            run.cmd,
            run.stderr
        );
    }
}

#[test]
fn test_subcommand_closes_with_a_pass_fail_line() {
    for case in ["cases/lavrov-diop-talks/case.yaml", "cases/clean-museum-grant/case.yaml"] {
        let run = claimdiff(["test", case]);
        let out = run.stdout_str();
        let last = out.lines().last().unwrap_or_default();
        let counts: Vec<usize> = last
            .strip_suffix(" failed")
            .and_then(|l| l.split_once(" passed, "))
            .and_then(|(p, f)| Some(vec![p.parse().ok()?, f.parse().ok()?]))
            .unwrap_or_else(|| panic!("{}: closing line should be `N passed, N failed`:\n{out}", run.cmd));
        assert_eq!(counts[0] + counts[1], 1, "{}: one case:\n{out}", run.cmd);
        run.expect_code(if counts[1] > 0 { 1 } else { 0 });
    }
    let summary = claimdiff(["test", "--format", "json", "cases/clean-museum-grant/case.yaml"]).json();
    assert_eq!(summary["cases"].as_array().map(Vec::len), Some(1), "{summary:#}");
}
