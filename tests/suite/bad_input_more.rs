//! More of the bad-input table: symbolic-link loops and named pipes in a
//! directory source, the size limit on large files and on sources whose size
//! the file system does not know, a case `file:` that is a symlink out of the
//! case's folder, broken UTF-16, and `ID=DIR`. Each either works or exits 2
//! with one line naming the file, and none hangs.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{arg, assert_bad_input, claimdiff, quote_pair, Run, Scratch};

/// Run `claimdiff ARGS`, killing it (and failing) if it runs longer than
/// `limit`: the inputs here are the kind that make a reader block or spin.
fn claimdiff_within(args: &[&str], limit: Duration) -> Run {
    let cmd = format!("claimdiff {}", args.join(" "));
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(crate::common::root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd}: cannot start: {e}"));
    let start = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd}: still running after {limit:?} (blocked on a source?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let code = out.status.code().unwrap_or_else(|| panic!("{cmd}: killed by a signal"));
    Run { cmd, code, stdout: out.stdout, stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// The source ids a JSON report lists.
fn source_ids(run: &Run) -> Vec<String> {
    let report = run.json();
    let sources = report["sources"].as_array().expect("sources");
    sources.iter().map(|s| s["id"].as_str().expect("id").to_string()).collect()
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap_or_else(|e| panic!("{}: {e}", link.display()));
}

/// Make a named pipe, or say why the test cannot.
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    if !made {
        crate::common::skip("mkfifo is not available");
    }
    made
}

/// A directory source skips what is not a regular file: a `.txt` symlink to
/// itself, a symlink to the directory itself, and a named pipe (reading it
/// would block forever). The two real reports are compared.
#[cfg(unix)]
#[test]
fn directory_source_skips_symlink_loops_and_pipes() {
    let s = Scratch::new("dir-loops");
    let (first, second) = quote_pair(&s);
    std::fs::create_dir(s.join("dir")).expect("mkdir");
    std::fs::rename(&first, s.join("dir/first.txt")).expect("move");
    std::fs::rename(&second, s.join("dir/second.txt")).expect("move");
    symlink("loop.txt", &s.join("dir/loop.txt"));
    symlink(".", &s.join("dir/again.txt"));
    symlink("../dir", &s.join("dir/up.md"));
    let pipe = mkfifo(&s.join("dir/pipe.txt"));
    let run = claimdiff_within(&["check", "--format", "json", &arg(&s.join("dir"))], Duration::from_secs(60));
    run.expect_code(1);
    assert_eq!(
        source_ids(&run),
        ["first", "second"],
        "{}: only the regular files (pipe made: {pipe})",
        run.cmd
    );
}

/// A directory holding nothing but a symlink loop has no text files.
#[cfg(unix)]
#[test]
fn directory_of_only_a_symlink_loop_is_refused_naming_it() {
    let s = Scratch::new("dir-only-loop");
    std::fs::create_dir(s.join("dir")).expect("mkdir");
    symlink("loop.txt", &s.join("dir/loop.txt"));
    let (good, _) = quote_pair(&s);
    let dir = arg(&s.join("dir"));
    let run = claimdiff_within(&["check", &dir, &arg(&good)], Duration::from_secs(60));
    assert_bad_input(&run, &[&dir, "no .txt"]);
}

/// A source that is itself a symlink loop is named, with the reason.
#[cfg(unix)]
#[test]
fn symlink_loop_given_as_a_source_is_named() {
    let s = Scratch::new("loop-source");
    let (good, _) = quote_pair(&s);
    let looped = s.join("self.txt");
    symlink("self.txt", &looped);
    let run = claimdiff_within(&["check", &arg(&looped), &arg(&good)], Duration::from_secs(60));
    assert_bad_input(&run, &[&arg(&looped), "symbolic links"]);
}

/// A file over the default limit (64 MiB) is refused before it is read; a
/// sparse file, so the test costs no disk.
#[test]
fn file_over_the_default_limit_is_refused_before_reading() {
    let s = Scratch::new("huge");
    let (good, _) = quote_pair(&s);
    let huge = s.join("huge.txt");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(claimdiff::load::DEFAULT_MAX_BYTES + 1).expect("set_len");
    drop(f);
    let run = claimdiff_within(&["check", &arg(&huge), &arg(&good)], Duration::from_secs(30));
    assert_bad_input(&run, &[&arg(&huge), &claimdiff::load::DEFAULT_MAX_BYTES.to_string(), "--max-bytes"]);
}

/// A large real text is refused under a low `--max-bytes` and compared once
/// the limit is raised past it.
#[test]
fn max_bytes_raised_past_a_large_file_accepts_it() {
    let s = Scratch::new("large");
    let (good, _) = quote_pair(&s);
    let paragraph = "The council met on Monday to discuss the budget of 1,200 homes.\n\n";
    let large = s.write("large.txt", paragraph.repeat(300_000 / paragraph.len()));
    let size = std::fs::metadata(&large).expect("metadata").len();
    let (large, good) = (arg(&large), arg(&good));
    let low = (size / 2).to_string();
    let refused = claimdiff(["check", "--max-bytes", &low, &large, &good]);
    assert_bad_input(&refused, &[&large, &low]);
    let high = (size * 2).to_string();
    let run = claimdiff_within(&["check", "--max-bytes", &high, &large, &good], Duration::from_secs(120));
    assert!(run.code == 0 || run.code == 1, "{}: exit {}\n{}", run.cmd, run.code, run.stderr);
}

/// Standard input is held to the limit too (it has no size to ask for).
#[test]
fn stdin_over_max_bytes_is_refused() {
    let s = Scratch::new("stdin-large");
    let (good, _) = quote_pair(&s);
    let text = "The council met on Monday.\n".repeat(100);
    let run = crate::common::claimdiff_stdin(
        ["check", "--max-bytes", "1000", "-", &arg(&good)],
        Some(text.as_bytes()),
    );
    assert_bad_input(&run, &["-", "1000"]);
}

// Broke: the limit was checked against the size the file system reports, so a
// named pipe or device (size 0: /dev/zero, /dev/urandom) was read without end.
#[cfg(unix)]
#[test]
fn max_bytes_holds_for_a_source_without_a_known_size() {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let s = Scratch::new("fifo-large");
    let (good, _) = quote_pair(&s);
    let fifo = s.join("stream.txt");
    if !mkfifo(&fifo) {
        return;
    }
    // The writer opens without blocking (O_NONBLOCK) once claimdiff has the
    // pipe open for reading, so a refusal before reading cannot hang the test.
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).custom_flags(0o4000).open(&path) {
                let _ = f.write_all("The council met on Monday.\n".repeat(80).as_bytes());
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let run = claimdiff_within(
        &["check", "--max-bytes", "1000", &arg(&fifo), &arg(&good)],
        Duration::from_secs(60),
    );
    writer.join().expect("writer");
    assert_bad_input(&run, &[&arg(&fifo), "1000"]);
}

/// A case's `file:` that looks local but is a symlink out of the case's
/// folder is refused, unless `--allow-outside`.
#[cfg(unix)]
#[test]
fn case_file_symlinked_outside_its_folder_is_refused() {
    let s = Scratch::new("case-symlink");
    let (outside, wire) = quote_pair(&s);
    std::fs::create_dir(s.join("case")).expect("mkdir");
    std::fs::copy(&wire, s.join("case/wire.txt")).expect("copy");
    symlink(&arg(&outside), &s.join("case/daily.txt"));
    let yaml = "name: x\nsources:\n  - id: wire\n    file: wire.txt\n  - id: daily\n    file: daily.txt\n";
    let case = arg(&s.write("case/case.yaml", yaml));
    let run = claimdiff(["check", "--case", &case]);
    assert_bad_input(&run, &[&case, "daily.txt", "--allow-outside"]);
    let allowed = claimdiff(["check", "--allow-outside", "--case", &case]);
    allowed.expect_code(1);
}

/// UTF-16 whose byte-order mark promises text but whose units do not decode
/// (a lone surrogate) is refused naming the file.
#[test]
fn utf16_with_a_lone_surrogate_is_refused() {
    let s = Scratch::new("utf16-bad");
    let (good, _) = quote_pair(&s);
    let mut units: Vec<u16> = "The minister spoke on Monday.\n".encode_utf16().collect();
    units.insert(4, 0xd800);
    for (name, big) in [("bad-le.txt", false), ("bad-be.txt", true)] {
        let bom: [u8; 2] = if big { [0xfe, 0xff] } else { [0xff, 0xfe] };
        let bytes: Vec<u8> = bom
            .into_iter()
            .chain(units.iter().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() }))
            .collect();
        let bad = arg(&s.write(name, bytes));
        assert_bad_input(&claimdiff(["check", &bad, &arg(&good)]), &[&bad, "UTF-16"]);
    }
}

/// `ID=DIR`: an id names one file; a directory's files take their own names.
#[test]
fn id_given_to_a_directory_is_refused() {
    let s = Scratch::new("id-dir");
    let (first, _) = quote_pair(&s);
    std::fs::create_dir(s.join("dir")).expect("mkdir");
    std::fs::copy(&first, s.join("dir/report.txt")).expect("copy");
    let dir = arg(&s.join("dir"));
    let run = claimdiff(["check", &format!("wire={dir}"), &arg(&first)]);
    assert_bad_input(&run, &[&dir, "directory"]);
}
