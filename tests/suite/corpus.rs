//! The corpus gate: the case runner over `cases/` must keep precision and
//! recall at or above 0.95, overall and for every kind the corpus scores.

use std::path::PathBuf;

use claimdiff::load::LoadOptions;
use claimdiff::testrun::{self, KindScore};
use claimdiff::CheckOptions;

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.95;

fn below(score: &KindScore) -> bool {
    score.precision < MIN_PRECISION || score.recall < MIN_RECALL
}

#[test]
fn corpus_precision_and_recall_stay_above_the_gate() {
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("cases");
    let summary = testrun::run(&[cases], &CheckOptions::default(), LoadOptions::default(), false)
        .unwrap_or_else(|e| panic!("the corpus should load: {e}"));
    assert!(!summary.cases.is_empty(), "no cases found");
    assert!(!summary.kinds.is_empty(), "no kind was scored");
    let mut failing: Vec<String> = summary
        .kinds
        .iter()
        .filter(|k| below(k))
        .map(|k| format!("{} (precision {:.3}, recall {:.3})", k.kind, k.precision, k.recall))
        .collect();
    if below(&summary.overall) {
        failing.push(format!(
            "overall (precision {:.3}, recall {:.3})",
            summary.overall.precision, summary.overall.recall
        ));
    }
    assert!(
        failing.is_empty(),
        "below the {MIN_PRECISION:.2}/{MIN_RECALL:.2} gate: {}\n\n{}",
        failing.join("; "),
        testrun::render(&summary)
    );
}
