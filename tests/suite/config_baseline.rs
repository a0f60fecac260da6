//! The config file and baselines, end to end through the CLI.

use crate::common::{arg, claimdiff, root, Scratch, LAVROV};

/// Copy the Lavrov case's reports into a scratch folder.
fn lavrov(s: &Scratch) {
    for f in ["agency.txt", "daily.txt", "weekly.txt"] {
        s.write(f, std::fs::read(root().join(LAVROV).join(f)).unwrap());
    }
}

fn kinds(json: &serde_json::Value) -> Vec<String> {
    json["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap().to_string()).collect()
}

#[test]
fn unknown_config_key_names_file_line_and_column() {
    let s = Scratch::new("config-unknown");
    let cfg = s.write("claimdiff.yaml", "reference: agency\nfigure-tolerance:\n  percent: 5\n");
    let run = claimdiff(["check", "--config", &arg(&cfg), LAVROV]);
    run.expect_code(2);
    let line = run.stderr.trim();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.contains("claimdiff.yaml:3:3:") && line.contains("percent"), "{line}");
}

#[test]
fn config_overrides_severity_switches_kinds_and_ignores() {
    let s = Scratch::new("config-apply");
    let cfg = s.write(
        "c.yaml",
        "severity:\n  figure-value: info\nkinds:\n  quote-wording: false\nignore:\n  - kind: quote-attribution\n    source: agency\n",
    );
    let json = claimdiff(["check", "--format", "json", "--config", &arg(&cfg), LAVROV]).expect_code(0).json();
    assert_eq!(kinds(&json), ["figure-value"]);
    assert_eq!(json["findings"][0]["severity"], "info");
    // fail-on from the config makes the info finding fail the run.
    let cfg = s.write("d.yaml", "fail-on: info\n");
    claimdiff(["check", "--config", &arg(&cfg), LAVROV]).expect_code(1);
}

#[test]
fn figure_tolerance_treats_close_values_as_agreeing() {
    let s = Scratch::new("config-tolerance");
    s.write(
        "a.txt",
        "Officials said 1,000 soldiers were deployed to the northern border region on Monday.\n",
    );
    s.write(
        "b.txt",
        "Officials said 1,010 soldiers were deployed to the northern border region on Monday.\n",
    );
    let both = [arg(&s.join("a.txt")), arg(&s.join("b.txt"))];
    claimdiff(["check", &both[0], &both[1]]).expect_code(1);
    let cfg = s.write("c.yaml", "figure-tolerance:\n  relative: 0.02\n");
    claimdiff(["check", "--config", &arg(&cfg), &both[0], &both[1]]).expect_code(0);
}

#[test]
fn config_in_the_working_directory_is_found() {
    let s = Scratch::new("config-cwd");
    lavrov(&s);
    s.write("claimdiff.yaml", "fail-on: none\n");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .current_dir(s.path())
        .args(["check", "agency.txt", "daily.txt", "weekly.txt"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn baseline_round_trip_reports_only_new_findings() {
    let s = Scratch::new("baseline");
    lavrov(&s);
    let base = s.join("baseline.json");
    let dir = arg(s.path());
    claimdiff(["check", "--write-baseline", &arg(&base), &dir]).expect_code(1);
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&base).unwrap()).unwrap();
    assert_eq!(written["schema"], "claimdiff/baseline/v1");
    assert_eq!(written["findings"].as_array().unwrap().len(), 3);
    assert!(written["findings"][0]["message"].is_string());

    let run = claimdiff(["check", "--baseline", &arg(&base), &dir]);
    run.expect_code(0);
    assert!(run.stderr.contains("3 findings suppressed"), "{}", run.stderr);

    // A paragraph inserted above the claims changes no fingerprint.
    let daily = std::fs::read_to_string(s.join("daily.txt")).unwrap();
    s.write(
        "daily.txt",
        format!("An unrelated opening paragraph about the weather in the capital.\n\n{daily}"),
    );
    claimdiff(["check", "--baseline", &arg(&base), &dir]).expect_code(0);

    // One new disagreement is reported alone.
    s.write(
        "agency.txt",
        std::fs::read_to_string(s.join("agency.txt")).unwrap()
            + "\nThe agency said 42 trucks of aid had reached the city on Tuesday.\n",
    );
    s.write(
        "weekly.txt",
        std::fs::read_to_string(s.join("weekly.txt")).unwrap()
            + "\nThe weekly said 24 trucks of aid had reached the city on Tuesday.\n",
    );
    let run = claimdiff(["check", "--format", "json", "--baseline", &arg(&base), &dir]);
    run.expect_code(1);
    let json = run.json();
    assert_eq!(kinds(&json), ["figure-value"], "{json:#}");
    assert_eq!(json["suppressed"], 3);
}

#[test]
fn a_broken_baseline_is_an_error_naming_it() {
    let s = Scratch::new("baseline-bad");
    let base = s.write("b.json", "{\"schema\": \"claimdiff/baseline/v1\", \"findings\": [}");
    let run = claimdiff(["check", "--baseline", &arg(&base), LAVROV]);
    run.expect_code(2);
    assert!(run.stderr.contains("b.json:1:"), "{}", run.stderr);
}

#[test]
fn completions_and_man_page_print() {
    let run = claimdiff(["completions", "bash"]);
    run.expect_code(0);
    assert!(run.stdout_str().contains("claimdiff"));
    let run = claimdiff(["man"]);
    run.expect_code(0);
    assert!(run.stdout_str().contains(".TH"));
}
