//! Run the fuzz targets' checks over files on stable Rust (no libFuzzer):
//! a seed corpus, a crash artifact, or a regression input.
//!
//! ```text
//! cargo run --release --bin replay -- [--target segment|extract|check] PATH...
//! ```
//!
//! Every file under each PATH (directories are walked) goes through each
//! target (or the one named). Prints one line per failure and a closing
//! `N passed, N failed`; exits 1 when any input failed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
        entries.sort();
        for e in entries {
            files(&e, out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut only = None;
    if let Some(i) = args.iter().position(|a| a == "--target") {
        if i + 1 >= args.len() {
            eprintln!("replay: --target needs a name (segment, extract, check)");
            return ExitCode::from(2);
        }
        only = Some(args.remove(i + 1));
        args.remove(i);
    }
    let targets: Vec<_> =
        claimdiff_fuzz::TARGETS.iter().filter(|(n, _)| only.as_deref().is_none_or(|o| o == *n)).collect();
    if targets.is_empty() || args.is_empty() {
        eprintln!("usage: replay [--target segment|extract|check] PATH...");
        return ExitCode::from(2);
    }
    let mut inputs = Vec::new();
    for a in &args {
        if let Err(e) = files(Path::new(a), &mut inputs) {
            eprintln!("replay: {a}: {e}");
            return ExitCode::from(2);
        }
    }
    // Keep the default hook's message (it says what broke); we add the file.
    let (mut passed, mut failed) = (0usize, 0usize);
    for input in &inputs {
        let data = match std::fs::read(input) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("replay: {}: {e}", input.display());
                return ExitCode::from(2);
            }
        };
        for (name, run) in &targets {
            if catch_unwind(AssertUnwindSafe(|| run(&data))).is_ok() {
                passed += 1;
            } else {
                failed += 1;
                eprintln!("FAILED {name} {}", input.display());
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
