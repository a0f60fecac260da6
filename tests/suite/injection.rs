//! Control characters in sources (ANSI/OSC escapes, BEL, backspace, bidi
//! overrides) never reach the terminal raw: they are shown as `\u{..}`.

use crate::common::{arg, claimdiff, Scratch};

/// Bytes that must never come from a source to the terminal unescaped.
const RAW: [u8; 3] = [0x1b, 0x07, 0x08];

/// Two reports whose one quote differs ("bridge" / "tunnel"), laced with
/// escape sequences and other control characters.
fn hostile_pair(s: &Scratch) -> (String, String) {
    let text = |word: &str| {
        format!(
            "Minister Jane Smith spoke on Monday.\n\n\"We will \x1b[31mbuild\x1b]0;title\x07 the new {word} \x08across\u{202e} the river by next spring,\" Smith said.\n"
        )
    };
    (arg(&s.write("first.txt", text("bridge"))), arg(&s.write("second.txt", text("tunnel"))))
}

fn assert_no_raw_controls(out: &[u8], what: &str) {
    assert_no_raw_bytes(out, what);
    assert!(!String::from_utf8_lossy(out).contains('\u{202e}'), "{what}: raw bidi override");
}

/// JSON keeps printable characters such as U+202E as they are (they are the
/// source's text); control bytes must be `\u` escaped.
fn assert_no_raw_bytes(out: &[u8], what: &str) {
    for b in RAW {
        assert!(
            !out.contains(&b),
            "{what}: raw byte {b:#04x} from a source:\n{}",
            String::from_utf8_lossy(out)
        );
    }
}

#[test]
fn terminal_output_neutralises_source_control_characters() {
    let s = Scratch::new("inject");
    let (a, b) = hostile_pair(&s);
    let run = claimdiff(["check", "--color", "never", &a, &b]);
    let out = run.expect_code(1).stdout_str();
    assert!(out.contains("tunnel"), "the injected quote should be reported:\n{out}");
    assert_no_raw_controls(&run.stdout, &run.cmd);
    for shown in ["\\u{1b}[31mbuild", "\\u{1b}]0;title", "\\u{7}"] {
        assert!(out.contains(shown), "{}: should show `{shown}`:\n{out}", run.cmd);
    }
}

#[test]
fn coloured_output_still_neutralises_source_escapes() {
    let s = Scratch::new("inject-color");
    let (a, b) = hostile_pair(&s);
    let run = claimdiff(["check", "--color", "always", &a, &b]);
    let out = run.expect_code(1).stdout_str();
    for raw in ["\x1b[31mbuild", "\x1b]", "\x07", "\x08", "\u{202e}"] {
        assert!(!out.contains(raw), "{}: raw {raw:?} from a source:\n{out}", run.cmd);
    }
    assert!(out.contains("\\u{1b}]0;title"), "{}:\n{out}", run.cmd);
}

#[test]
fn claims_listing_neutralises_source_control_characters() {
    let s = Scratch::new("inject-claims");
    let (a, _) = hostile_pair(&s);
    let run = claimdiff(["claims", &a]);
    let out = run.expect_code(0).stdout_str();
    assert!(out.contains("bridge"), "the quote should be listed:\n{out}");
    assert_no_raw_controls(&run.stdout, &run.cmd);
}

#[test]
fn json_output_escapes_control_characters() {
    let s = Scratch::new("inject-json");
    let (a, b) = hostile_pair(&s);
    let run = claimdiff(["check", "--format", "json", &a, &b]);
    run.expect_code(1);
    assert_no_raw_bytes(&run.stdout, &run.cmd);
    let text =
        run.json()["findings"][0]["claims"][0]["text"].as_str().map(str::to_string).unwrap_or_default();
    assert!(text.contains("\x1b[31mbuild"), "JSON keeps the source's characters (escaped): {text:?}");
}

/// Regression: JSON passed DEL and the C1 controls (U+009B introduces a
/// control sequence to some terminals) through unescaped.
#[test]
fn json_output_escapes_del_and_c1_controls() {
    let s = Scratch::new("inject-c1");
    let text = |word: &str| {
        format!("Minister Jane Smith spoke.\n\n\"We will \u{7f}\u{9b}31mbuild the new {word} by spring,\" Smith said.\n")
    };
    let a = arg(&s.write("first.txt", text("bridge")));
    let b = arg(&s.write("second.txt", text("tunnel")));
    for args in [vec!["check", "--format", "json", &a, &b], vec!["claims", "--format", "json", &a]] {
        let run = claimdiff(args);
        let out = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(!out.contains(['\u{7f}', '\u{9b}']), "{}: raw DEL or CSI:\n{out}", run.cmd);
        assert!(out.contains(r"\u007f\u009b31mbuild"), "{}: escaped in place:\n{out}", run.cmd);
    }
}

/// A hostile file name reaches the terminal in the report and in errors.
#[cfg(unix)]
#[test]
fn hostile_file_names_are_neutralised() {
    let s = Scratch::new("inject-name");
    let (a, _) = hostile_pair(&s);
    let b = arg(&s.write("evil\x1b]0;pwned\x07.txt", std::fs::read(s.join("second.txt")).expect("second")));
    let run = claimdiff(["check", "--color", "never", &a, &b]);
    run.expect_code(1);
    assert_no_raw_controls(&run.stdout, &run.cmd);

    let missing = arg(&s.join("gone\x1b[2J.txt"));
    let run = claimdiff(["check", &a, &missing]);
    run.expect_code(2);
    assert!(!run.stderr.contains('\x1b'), "{}: raw ESC on stderr: {:?}", run.cmd, run.stderr);
    assert!(run.stderr.contains("gone\\u{1b}[2J.txt"), "{}: {:?}", run.cmd, run.stderr);
}
