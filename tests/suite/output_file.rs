//! `-o FILE`: the report is written whole or not at all, stdout stays quiet,
//! and a failed write leaves neither a temporary file nor a damaged old one.

use crate::common::{arg, assert_bad_input, claimdiff, Scratch, LAVROV};

/// The temporary files a failed write might have left in `dir`.
fn leftovers(s: &Scratch, dir: &str) -> Vec<String> {
    s.entries(dir).into_iter().filter(|n| n.ends_with(".tmp") || n.contains("claimdiff-")).collect()
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let s = Scratch::new("output");
    let out = s.join("report.json");
    let run = claimdiff(["check", "--format", "json", "-o", &arg(&out), LAVROV]);
    run.expect_code(1);
    assert!(run.stdout.is_empty(), "{}: stdout:\n{}", run.cmd, String::from_utf8_lossy(&run.stdout));
    assert!(run.stderr.is_empty(), "{}: stderr:\n{}", run.cmd, run.stderr);
    let written = std::fs::read(&out).expect("report written");
    let printed = claimdiff(["check", "--format", "json", LAVROV]).expect_code(1).stdout.clone();
    assert!(written == printed, "-o should write what stdout would show");
    assert_eq!(s.entries("."), ["report.json"], "nothing but the report");
}

#[test]
fn output_file_in_terminal_format_has_no_colour() {
    let s = Scratch::new("output-terminal");
    let out = s.join("report.txt");
    claimdiff(["check", "-o", &arg(&out), LAVROV]).expect_code(1);
    let written = std::fs::read(&out).expect("report written");
    assert!(
        !written.is_empty() && !written.contains(&0x1b),
        "colour codes in a file:\n{}",
        String::from_utf8_lossy(&written)
    );
}

#[test]
fn claims_output_file_is_written() {
    let s = Scratch::new("output-claims");
    let out = s.join("claims.json");
    let run = claimdiff(["claims", "--format", "json", "-o", &arg(&out), LAVROV]);
    run.expect_code(0);
    assert!(run.stdout.is_empty(), "{}: stdout should be empty", run.cmd);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    assert_eq!(v["schema"], "claimdiff/claims/v1");
}

#[test]
fn output_into_missing_directory_fails_without_leftovers() {
    let s = Scratch::new("output-missing-dir");
    let out = arg(&s.join("no-such-dir/report.json"));
    assert_bad_input(&claimdiff(["check", "--format", "json", "-o", &out, LAVROV]), &[&out]);
    assert!(s.entries(".").is_empty(), "left behind: {:?}", s.entries("."));
}

/// The old report at another path is untouched when a write fails (a path
/// whose parent is a regular file cannot be created, even by root).
#[test]
fn failed_write_leaves_other_outputs_untouched() {
    let s = Scratch::new("output-blocked");
    let previous = s.join("previous.json");
    claimdiff(["check", "--format", "json", "-o", &arg(&previous), LAVROV]).expect_code(1);
    let before = std::fs::read(&previous).expect("previous report");
    s.write("blocker", "a regular file, not a directory\n");
    let out = arg(&s.join("blocker/report.json"));
    assert_bad_input(&claimdiff(["check", "--format", "json", "-o", &out, LAVROV]), &[&out]);
    assert_eq!(std::fs::read(&previous).expect("previous report"), before);
    assert_eq!(s.entries("."), ["blocker", "previous.json"]);
}

/// Writing over a directory fails at the rename: the temporary file written
/// beside it must be removed, and the directory left as it was.
#[test]
fn failed_rename_removes_the_temporary_file() {
    let s = Scratch::new("output-over-dir");
    s.write("target/keep.txt", "keep me\n");
    let out = arg(&s.join("target"));
    assert_bad_input(&claimdiff(["check", "--format", "json", "-o", &out, LAVROV]), &[&out]);
    assert!(leftovers(&s, ".").is_empty(), "left behind: {:?}", s.entries("."));
    assert_eq!(s.entries("."), ["target"]);
    assert_eq!(std::fs::read_to_string(s.join("target/keep.txt")).expect("kept"), "keep me\n");
}

/// In a read-only directory the previous report stays as it was.
#[cfg(unix)]
#[test]
fn failed_write_keeps_the_previous_file() {
    let s = Scratch::new("output-readonly");
    let out = s.join("ro/report.json");
    std::fs::create_dir(s.join("ro")).expect("mkdir");
    std::fs::write(&out, "previous report\n").expect("previous report");
    crate::common::set_mode(&s.join("ro"), 0o555).expect("chmod 555");
    if std::fs::write(s.join("ro/probe"), "x").is_ok() {
        crate::common::skip("running with privileges that write into a mode-555 directory (root?)");
        return;
    }
    let run = claimdiff(["check", "--format", "json", "-o", &arg(&out), LAVROV]);
    assert_bad_input(&run, &[&arg(&out)]);
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), "previous report\n");
    assert_eq!(s.entries("ro"), ["report.json"]);
}
