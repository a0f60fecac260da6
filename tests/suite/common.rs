//! Shared helpers: run the `claimdiff` binary, scratch directories that clean
//! up after themselves, and the checks every bad-input test makes.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The labelled case with one finding of each implemented quote/figure kind.
pub const LAVROV: &str = "cases/lavrov-diop-talks";

/// The finding kinds, in the contract's order (written out here, not read
/// from the crate: the tests hold the crate to the contract).
pub const KINDS: [&str; 9] = [
    "quote-wording",
    "quote-attribution",
    "figure-value",
    "figure-qualifier",
    "polarity",
    "date",
    "name-spelling",
    "omission",
    "unsupported",
];

/// The package root; every command runs there, so `cases/...` resolves.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub cmd: String,
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout_str(&self) -> String {
        String::from_utf8(self.stdout.clone())
            .unwrap_or_else(|e| panic!("{}: stdout is not UTF-8: {e}", self.cmd))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| {
            panic!("{}: stdout is not JSON: {e}\n{}", self.cmd, String::from_utf8_lossy(&self.stdout))
        })
    }

    /// Panic unless the exit status is `code`.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            code,
            "{}: exit status\nstdout:\n{}\nstderr:\n{}",
            self.cmd,
            String::from_utf8_lossy(&self.stdout),
            self.stderr
        );
        self
    }
}

/// Run `claimdiff ARGS` with no standard input.
pub fn claimdiff<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    claimdiff_stdin(args, None)
}

/// Run `claimdiff ARGS`, feeding `stdin` when given.
pub fn claimdiff_stdin<I, S>(args: I, stdin: Option<&[u8]>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_os_string()).collect();
    let shown = args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ");
    let cmd = format!("claimdiff {shown}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimdiff"));
    command
        .args(&args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap_or_else(|e| panic!("{cmd}: cannot start: {e}"));
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin was piped");
        let bytes = bytes.to_vec();
        // A thread, so a large report on stdout cannot deadlock the write.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{cmd}: {e}"));
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    let code = out.status.code().unwrap_or_else(|| panic!("{cmd}: killed by a signal ({:?})", out.status));
    Run { cmd, code, stdout: out.stdout, stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// Check the contract's bad-input outcome: exit 2, nothing on stdout, and one
/// line on stderr that starts `claimdiff: error: ` and mentions each of `names`.
pub fn assert_bad_input(run: &Run, names: &[&str]) {
    run.expect_code(2);
    assert!(
        run.stdout.is_empty(),
        "{}: stdout should be empty on error:\n{}",
        run.cmd,
        String::from_utf8_lossy(&run.stdout)
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}: stderr should be exactly one line:\n{}", run.cmd, run.stderr);
    assert!(lines[0].starts_with("claimdiff: error: "), "{}: stderr prefix:\n{}", run.cmd, run.stderr);
    for name in names {
        assert!(lines[0].contains(name), "{}: stderr should mention `{name}`:\n{}", run.cmd, run.stderr);
    }
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "{}: looks like a panic:\n{}",
        run.cmd,
        run.stderr
    );
}

/// Say on the test's output why a check was skipped.
#[allow(clippy::print_stderr, reason = "a skipped check must say why in the test log")]
pub fn skip(why: &str) {
    eprintln!("note: skipped: {why}");
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    pub fn new(tag: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("claimdiff-tests-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Scratch { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Write `name` (creating parent directories) and return its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path.join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        p
    }

    /// The names in `dir` (relative to the scratch root), sorted.
    pub fn entries(&self, dir: &str) -> Vec<String> {
        let d = self.path.join(dir);
        let mut names: Vec<String> = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("{}: {e}", d.display()))
            .map(|e| e.expect("dir entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        #[cfg(unix)]
        make_writable(&self.path);
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Undo `chmod` games so the directory can be removed.
#[cfg(unix)]
fn make_writable(dir: &Path) {
    let _ = set_mode(dir, 0o755);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                make_writable(&p);
            } else if !e.file_type().is_ok_and(|t| t.is_symlink()) {
                let _ = set_mode(&p, 0o644);
            }
        }
    }
}

#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// The path as a command-line argument.
pub fn arg(p: &Path) -> String {
    p.to_str().expect("scratch paths are UTF-8").to_string()
}

/// Two short reports that differ in one word of one quote: a single
/// `quote-wording` finding (a warning by default).
pub fn quote_pair(s: &Scratch) -> (PathBuf, PathBuf) {
    let text = |word: &str| {
        format!(
            "Minister Jane Smith spoke on Monday.\n\n\"We will build the new {word} across the river by next spring,\" Smith said.\n"
        )
    };
    (s.write("first.txt", text("bridge")), s.write("second.txt", text("tunnel")))
}
