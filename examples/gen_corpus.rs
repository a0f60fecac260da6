//! Write a generated report set (or the pathological inputs) to a folder,
//! for `scripts/bench.sh` and for trying claimdiff at scale by hand.
//!
//! ```text
//! cargo run --release --example gen_corpus -- reports N SEED DIR
//! cargo run --release --example gen_corpus -- pathological SEED DIR
//! ```
//! `reports` writes `DIR/r0000.txt` ... ; `pathological` writes one
//! subfolder per input (`no-line-breaks`, `quote-marks`, `numbers`,
//! `one-line-sources`).

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
        _ => Err("usage: gen_corpus reports N SEED DIR | gen_corpus pathological SEED DIR".into()),
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
