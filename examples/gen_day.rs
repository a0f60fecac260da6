//! A day of copy for `claimdiff audit` and `claimdiff batch`, and the
//! scorer of an audit against what was planted.
//!
//! ```text
//! cargo run --release --example gen_day -- write W S SEED DIR
//! claimdiff audit --format json --wire DIR/wire DIR/stories > audit.json
//! cargo run --release --example gen_day -- score DIR/truth.json audit.json [--min P]
//! ```
//! `write` writes `DIR/wire/wNNNN.txt`, `DIR/stories/sNNNNN.txt`,
//! `DIR/truth.json` (each story's wire sources and every planted change)
//! and `DIR/groups.jsonl` (one batch line per story: the story and its wire
//! sources, the first as reference; stories without a source are left out).
//! `score` prints precision and recall of matching and of findings per
//! kind; with `--min P` it exits 1 when one of them is below P.

#[path = "../benches/day/mod.rs"]
mod day;

use std::path::Path;
use std::process::ExitCode;

fn write(w: usize, s: usize, seed: u64, dir: &Path) -> Result<(), String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let wires = day::wires(seed, w);
    let (stories, truth) = day::stories(seed, w, s);
    for (sub, docs) in [("wire", &wires), ("stories", &stories)] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(|e| io(&d, e))?;
        for doc in docs.iter() {
            let p = d.join(format!("{}.txt", doc.id));
            std::fs::write(&p, &doc.text).map_err(|e| io(&p, e))?;
        }
    }
    let p = dir.join("truth.json");
    let json = serde_json::to_string_pretty(&truth).map_err(|e| e.to_string())?;
    std::fs::write(&p, json + "\n").map_err(|e| io(&p, e))?;
    let mut lines = String::new();
    for story in &stories {
        let srcs = &truth.sources[&story.id];
        let Some(first) = srcs.first() else { continue };
        let mut sources: Vec<serde_json::Value> = srcs
            .iter()
            .map(|id| {
                let text = &wires[id[1..].parse::<usize>().expect("wire id")].text;
                serde_json::json!({ "id": id, "text": text })
            })
            .collect();
        sources.push(serde_json::json!({ "id": story.id, "text": story.text }));
        let line = serde_json::json!({ "id": story.id, "reference": first, "sources": sources });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let p = dir.join("groups.jsonl");
    std::fs::write(&p, lines).map_err(|e| io(&p, e))
}

#[allow(clippy::print_stdout, reason = "the scorer prints its table")]
fn score(truth: &Path, audit: &Path, min: Option<f64>) -> Result<bool, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let truth: day::Truth =
        serde_json::from_str(&read(truth)?).map_err(|e| format!("{}: {e}", truth.display()))?;
    let audit: serde_json::Value =
        serde_json::from_str(&read(audit)?).map_err(|e| format!("{}: {e}", audit.display()))?;
    let s = day::score(&truth, &audit);
    print!("{}", day::render(&s));
    let traps: Vec<String> = truth.traps.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("planted, not findings: {}", traps.join(", "));
    let Some(min) = min else { return Ok(true) };
    let ok = |p: &day::Pr| p.precision >= min && p.recall >= min;
    Ok(ok(&s.matching) && s.kinds.values().all(ok))
}

fn run(args: &[String]) -> Result<bool, String> {
    let num = |s: &str| s.parse::<u64>().map_err(|e| format!("{s}: {e}"));
    match args {
        [cmd, w, s, seed, dir] if cmd == "write" => {
            write(num(w)? as usize, num(s)? as usize, num(seed)?, Path::new(dir)).map(|()| true)
        }
        [cmd, truth, audit] if cmd == "score" => score(Path::new(truth), Path::new(audit), None),
        [cmd, truth, audit, flag, min] if cmd == "score" && flag == "--min" => {
            let min = min.parse::<f64>().map_err(|e| format!("{min}: {e}"))?;
            score(Path::new(truth), Path::new(audit), Some(min))
        }
        _ => Err("usage: gen_day write W S SEED DIR | gen_day score TRUTH.json AUDIT.json [--min P]".into()),
    }
}

#[allow(clippy::print_stderr, reason = "a command-line tool reports its usage error")]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("gen_day: {e}");
            ExitCode::from(2)
        }
    }
}
