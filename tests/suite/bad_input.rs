//! Bad input: each case exits 2 with one `claimdiff: error: ` line on stderr
//! naming the file (and line:column for YAML), never a panic.

use crate::common::{arg, assert_bad_input, claimdiff, Scratch, LAVROV};

/// A short valid source, for pairing with a bad one.
const GOOD: &str =
    "Minister Jane Smith spoke on Monday.\n\n\"We will build the new bridge by spring,\" Smith said.\n";

fn good(s: &Scratch) -> String {
    arg(&s.write("good.txt", GOOD))
}

#[test]
fn missing_file_is_named() {
    let s = Scratch::new("missing");
    let missing = arg(&s.join("no-such-report.txt"));
    assert_bad_input(&claimdiff(["check", &missing, &good(&s)]), &[&missing]);
}

#[test]
fn directory_without_text_files_is_named() {
    let s = Scratch::new("no-text");
    s.write("notes/code.rs", "fn main() {}\n");
    s.write("notes/scan.pdf", "%PDF-1.4\n");
    let dir = arg(&s.join("notes"));
    assert_bad_input(&claimdiff(["check", &dir, &good(&s)]), &[&dir]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_named() {
    let s = Scratch::new("unreadable");
    let p = s.write("locked.txt", GOOD);
    crate::common::set_mode(&p, 0o000).expect("chmod 000");
    if std::fs::read(&p).is_ok() {
        crate::common::skip("running with privileges that read a mode-000 file (root?)");
        return;
    }
    let locked = arg(&p);
    let run = claimdiff(["check", &locked, &good(&s)]);
    assert_bad_input(&run, &[&locked]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let s = Scratch::new("utf8");
    let bad = arg(&s.write("latin1.txt", b"Le ministre a d\xe9clar\xe9 lundi.\n"));
    assert_bad_input(&claimdiff(["check", &bad, &good(&s)]), &[&bad, "offset 15"]);
}

#[test]
fn binary_file_is_refused() {
    let s = Scratch::new("binary");
    let bad = arg(&s.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
    assert_bad_input(&claimdiff(["check", &bad, &good(&s)]), &[&bad]);
}

#[test]
fn empty_file_is_refused() {
    let s = Scratch::new("empty");
    let bad = arg(&s.write("empty.txt", ""));
    assert_bad_input(&claimdiff(["check", &bad, &good(&s)]), &[&bad]);
}

#[test]
fn whitespace_only_file_is_refused() {
    let s = Scratch::new("blank");
    let bad = arg(&s.write("blank.txt", " \n\t\r\n  \n"));
    assert_bad_input(&claimdiff(["check", &bad, &good(&s)]), &[&bad]);
}

// Guards: the refusal said "1 source given" without naming the file.
#[test]
fn single_source_is_refused_naming_it() {
    let s = Scratch::new("single");
    let only = good(&s);
    assert_bad_input(&claimdiff(["check", &only]), &[&only]);
}

// Guards: the refusal named the id but neither of the colliding files.
#[test]
fn duplicate_source_ids_are_refused_naming_the_files() {
    let s = Scratch::new("duplicate");
    let a = arg(&s.write("a/report.txt", GOOD));
    let b = arg(&s.write("b/report.txt", GOOD));
    let run = claimdiff(["check", &a, &b]);
    assert_bad_input(&run, &["report"]);
    assert!(
        run.stderr.contains(&a) || run.stderr.contains(&b),
        "{}: should name a file:\n{}",
        run.cmd,
        run.stderr
    );
}

#[test]
fn max_bytes_limit_is_enforced() {
    let s = Scratch::new("max-bytes");
    let g = good(&s);
    let run = claimdiff(["check", "--max-bytes", "10", &g, &format!("{LAVROV}/agency.txt")]);
    assert_bad_input(&run, &[&g, "10"]);
}

#[test]
fn malformed_case_yaml_names_file_line_and_column() {
    let s = Scratch::new("yaml");
    let case = arg(&s.write("case.yaml", "name: x\nabout: y\nsources: []\nreference: a: b\n"));
    let run = claimdiff(["check", "--case", &case]);
    assert_bad_input(&run, &[&format!("{case}:4:")]);
    let rest = run.stderr.split(&format!("{case}:4:")).nth(1).unwrap_or_default();
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    assert!(
        !column.is_empty() && rest[column.len()..].starts_with(':'),
        "{}: needs file:line:column:\n{}",
        run.cmd,
        run.stderr
    );
}

#[test]
fn unknown_case_key_is_named_with_its_line() {
    let s = Scratch::new("unknown-key");
    s.write("wire.txt", GOOD);
    let case = arg(&s.write("case.yaml", "name: x\nsources:\n  - id: wire\n    file: wire.txt\nbogus: 1\n"));
    assert_bad_input(&claimdiff(["check", "--case", &case]), &[&format!("{case}:5:"), "bogus"]);
}

#[test]
fn case_file_escaping_its_folder_is_refused() {
    let s = Scratch::new("escape");
    s.write("wire.txt", GOOD);
    for outside in ["../../etc/passwd", "/etc/passwd"] {
        let yaml = format!(
            "name: x\nsources:\n  - id: wire\n    file: wire.txt\n  - id: leak\n    file: {outside}\n"
        );
        let case = arg(&s.write("case.yaml", yaml));
        let run = claimdiff(["check", "--case", &case]);
        assert_bad_input(&run, &[&case, outside]);
        assert!(!run.stderr.contains("root:"), "{}: leaked the file:\n{}", run.cmd, run.stderr);
    }
}

#[test]
fn case_source_file_missing_is_named() {
    let s = Scratch::new("case-missing");
    s.write("wire.txt", GOOD);
    let case = arg(&s.write(
        "case.yaml",
        "name: x\nsources:\n  - id: wire\n    file: wire.txt\n  - id: gone\n    file: gone.txt\n",
    ));
    assert_bad_input(&claimdiff(["check", "--case", &case]), &["gone.txt"]);
}

#[test]
fn unknown_reference_is_named() {
    let run = claimdiff(["check", "--reference", "nosuchsource", LAVROV]);
    assert_bad_input(&run, &["nosuchsource"]);
}

/// UTF-16 with a byte-order mark is text, not a binary file.
#[test]
fn utf16_with_bom_is_decoded() {
    let s = Scratch::new("utf16");
    let agency =
        std::fs::read_to_string(crate::common::root().join(LAVROV).join("agency.txt")).expect("agency.txt");
    let units: Vec<u16> = agency.encode_utf16().collect();
    let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(units.iter().flat_map(|u| u.to_le_bytes())).collect();
    let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(units.iter().flat_map(|u| u.to_be_bytes())).collect();
    let utf8_claims =
        claimdiff(["claims", "--format", "json", &format!("{LAVROV}/agency.txt")]).expect_code(0).json();
    let texts = |r: &serde_json::Value| -> Vec<String> {
        r["sources"][0]["claims"].as_array().expect("claims").iter().map(|c| c["text"].to_string()).collect()
    };
    for (name, bytes) in [("agency-le.txt", le), ("agency-be.txt", be)] {
        let p = arg(&s.write(name, bytes));
        let run = claimdiff(["check", &p, &format!("{LAVROV}/daily.txt")]);
        assert!(run.code == 0 || run.code == 1, "{}: exit {}\n{}", run.cmd, run.code, run.stderr);
        let claims = claimdiff(["claims", "--format", "json", &p]).expect_code(0).json();
        assert_eq!(texts(&claims), texts(&utf8_claims), "{name}: the same claims as the UTF-8 file");
    }
}
