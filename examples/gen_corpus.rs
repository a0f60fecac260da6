//! Write a generated report set (or the pathological inputs) to a folder,
//! for `scripts/bench.sh` and for trying claimdiff at scale by hand.
//!
//! ```text
//! cargo run --release --example gen_corpus -- reports N SEED DIR
//! cargo run --release --example gen_corpus -- pathological SEED DIR
//! cargo run --release --example gen_corpus -- small-vocab N SEED DIR
//! cargo run --release --example gen_corpus -- near-duplicates N SEED DIR
//! cargo run --release --example gen_corpus -- hard SEED DIR
//! ```
//! `reports` writes `DIR/r0000.txt` ... ; `pathological` writes one
//! subfolder per input (`no-line-breaks`, `quote-marks`, `numbers`,
//! `one-line-sources`); `small-vocab` and `near-duplicates` write the
//! issue-13 report sets; `hard` writes one subfolder per issue-13 input
//! (`deep-html`, `wide-html`, `figure-line`, `figure-line-distinct`,
//! `truncated-utf16`, `unpaired-surrogate`), each with
//! an ordinary report beside it.

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::path::Path;
use std::process::ExitCode;

fn write(dir: &Path, reports: &[gen::Report]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for r in reports {
        std::fs::write(dir.join(&r.name), &r.text)?;
    }
    Ok(())
}

/// The issue-13 inputs, one subfolder each, beside an ordinary report.
fn hard(seed: u64, dir: &Path) -> std::io::Result<()> {
    let base = &gen::reports(seed, 1)[0].text;
    let inputs: [(&str, &str, Vec<u8>); 6] = [
        ("deep-html", "deep.html", gen::hard::deep_html(100_000).into_bytes()),
        ("wide-html", "wide.html", gen::hard::wide_html(seed, 100_000).into_bytes()),
        ("figure-line", "line.txt", gen::hard::figure_line(10_000_000).into_bytes()),
        ("figure-line-distinct", "line.txt", gen::hard::distinct_figure_line(10_000_000).into_bytes()),
        ("truncated-utf16", "utf16.txt", gen::hard::truncated_utf16()),
        ("unpaired-surrogate", "utf16.txt", gen::hard::unpaired_surrogate()),
    ];
    for (name, file, bytes) in inputs {
        let sub = dir.join(name);
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join("base.txt"), base)?;
        std::fs::write(sub.join(file), bytes)?;
    }
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let num = |s: &str| s.parse::<u64>().map_err(|e| format!("{s}: {e}"));
    match args {
        [cmd, n, seed, dir] if cmd == "reports" => {
            let n = usize::try_from(num(n)?).map_err(|e| e.to_string())?;
            write(Path::new(dir), &gen::reports(num(seed)?, n)).map_err(|e| format!("{dir}: {e}"))
        }
        [cmd, seed, dir] if cmd == "pathological" => {
            for (name, files) in gen::pathological(num(seed)?) {
                let sub = Path::new(dir).join(name);
                write(&sub, &files).map_err(|e| format!("{}: {e}", sub.display()))?;
            }
            Ok(())
        }
        [cmd, n, seed, dir] if cmd == "small-vocab" || cmd == "near-duplicates" => {
            let n = usize::try_from(num(n)?).map_err(|e| e.to_string())?;
            let set = if cmd == "small-vocab" {
                gen::hard::small_vocab(num(seed)?, n)
            } else {
                gen::hard::near_duplicates(num(seed)?, n)
            };
            write(Path::new(dir), &set).map_err(|e| format!("{dir}: {e}"))
        }
        [cmd, seed, dir] if cmd == "hard" => hard(num(seed)?, Path::new(dir)).map_err(|e| format!("{dir}: {e}")),
        _ => Err("usage: gen_corpus reports|small-vocab|near-duplicates N SEED DIR | gen_corpus pathological|hard SEED DIR".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            #[allow(clippy::print_stderr, reason = "a command-line tool reports its usage error")]
            {
                eprintln!("gen_corpus: {e}");
            }
            ExitCode::from(2)
        }
    }
}
