//! The JSON contract: `claimdiff/report/v1` and `claimdiff/claims/v1` field by
//! field, spans that point at the source bytes, and deterministic output.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::{arg, claimdiff, root, Scratch, KINDS, LAVROV};

const SEVERITIES: [&str; 3] = ["error", "warning", "info"];
const CLAIM_KINDS: [&str; 5] = ["quote", "figure", "polarity", "date", "name"];

fn lavrov_report() -> Value {
    claimdiff(["check", "--format", "json", LAVROV]).expect_code(1).json()
}

fn str_of<'a>(v: &'a Value, key: &str, ctx: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{ctx}: `{key}` should be a string: {v:#}"))
}

fn usize_of(v: &Value, key: &str, ctx: &str) -> usize {
    v[key].as_u64().unwrap_or_else(|| panic!("{ctx}: `{key}` should be an unsigned integer: {v:#}")) as usize
}

fn array_of<'a>(v: &'a Value, key: &str, ctx: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("{ctx}: `{key}` should be an array: {v:#}"))
}

/// Drop whitespace, hyphens, soft hyphens and byte-order marks: what is left
/// must match between a claim's `text` and its source bytes.
///
/// `"authori-\n  ties"` -> `"authorities"`
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{feff}')).collect()
}

/// A quote continued across paragraphs reopens each one with a quote mark
/// that is punctuation, not one of the quote's words: drop a mark that
/// starts a line inside the span.
///
/// `"staff are\n\n\"That is why"` -> `"staff are\n\nThat is why"`
fn drop_reopening_marks(slice: &str) -> String {
    let mut out = String::with_capacity(slice.len());
    let mut line_start = false;
    for c in slice.chars() {
        if line_start && matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'' | '\u{ab}') {
            line_start = false;
            continue;
        }
        if c == '\n' {
            line_start = true;
        } else if !c.is_whitespace() {
            line_start = false;
        }
        out.push(c);
    }
    out
}

/// 1-based line and character column of byte `offset`, counted independently.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Check that `claim`'s span, line and column point at its `text` in `file`.
fn check_span(file: &str, claim: &Value, ctx: &str) {
    let (start, end) = (usize_of(claim, "start", ctx), usize_of(claim, "end", ctx));
    assert!(
        start < end && end <= file.len(),
        "{ctx}: span {start}..{end} outside the file ({} bytes)",
        file.len()
    );
    let slice =
        file.get(start..end).unwrap_or_else(|| panic!("{ctx}: span {start}..{end} splits a character"));
    let text = str_of(claim, "text", ctx);
    let quote = claim["kind"] == "quote";
    let shown = squash(&if quote { drop_reopening_marks(slice) } else { slice.to_string() });
    let why = format!("{ctx}: bytes {start}..{end} are {slice:?}, text is {text:?}");
    // A quote split by its speaker tag is one claim whose text joins the
    // parts with " … "; its span covers the tag too.
    let parts: Vec<String> =
        if quote { text.split(" … ").map(squash).collect() } else { vec![squash(text)] };
    if let [only] = parts.as_slice() {
        assert_eq!(&shown, only, "{why}");
    } else {
        assert!(shown.starts_with(&parts[0]) && shown.ends_with(&parts[parts.len() - 1]), "{why}");
        let mut rest = shown.as_str();
        for part in &parts {
            let at = rest.find(part.as_str()).unwrap_or_else(|| panic!("{why}: part {part:?} missing"));
            rest = &rest[at + part.len()..];
        }
    }
    assert!(
        !text.contains("  ") && !text.contains(['\n', '\r', '\t']),
        "{ctx}: text should fold whitespace: {text:?}"
    );
    let expected = line_col(file, start);
    let got = (usize_of(claim, "line", ctx), usize_of(claim, "column", ctx));
    assert_eq!(got, expected, "{ctx}: line/column of byte {start}");
    let sentence = str_of(claim, "sentence", ctx);
    assert!(
        !sentence.contains("  ") && !sentence.contains(['\n', '\r', '\t']),
        "{ctx}: sentence should fold whitespace: {sentence:?}"
    );
    assert!(squash(file).contains(&squash(sentence)), "{ctx}: sentence not found in the file: {sentence:?}");
}

fn read_source(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn report_has_the_contract_shape() {
    let r = lavrov_report();
    assert_eq!(r["schema"], "claimdiff/report/v1");
    let sources = array_of(&r, "sources", "report");
    let ids: Vec<&str> = sources.iter().map(|s| str_of(s, "id", "source")).collect();
    assert_eq!(ids, ["agency", "daily", "weekly"]);
    for s in sources {
        assert!(str_of(s, "path", "source").ends_with(".txt"), "{s:#}");
        assert!(matches!(str_of(s, "role", "source"), "reference" | "report"), "{s:#}");
    }
    let findings = array_of(&r, "findings", "report");
    assert!(!findings.is_empty());
    for (i, f) in findings.iter().enumerate() {
        let ctx = format!("findings[{i}]");
        let fp = str_of(f, "fingerprint", &ctx);
        assert!(fp.len() == 16 && fp.chars().all(|c| c.is_ascii_hexdigit()), "{ctx}: fingerprint {fp:?}");
        assert!(KINDS.contains(&str_of(f, "kind", &ctx)), "{ctx}: kind {:?}", f["kind"]);
        assert!(SEVERITIES.contains(&str_of(f, "severity", &ctx)), "{ctx}: severity {:?}", f["severity"]);
        assert!(!str_of(f, "message", &ctx).trim().is_empty(), "{ctx}: empty message");
        let fsources: Vec<&str> =
            array_of(f, "sources", &ctx).iter().map(|s| s.as_str().expect("source id")).collect();
        assert!(fsources.len() >= 2, "{ctx}: a disagreement concerns two sources at least: {fsources:?}");
        assert!(fsources.iter().all(|s| ids.contains(s)), "{ctx}: unknown source in {fsources:?}");
        let claims = array_of(f, "claims", &ctx);
        let mut seen = BTreeSet::new();
        for (j, c) in claims.iter().enumerate() {
            let cctx = format!("{ctx}.claims[{j}]");
            let src = str_of(c, "source", &cctx);
            assert!(
                fsources.contains(&src),
                "{cctx}: claim source `{src}` missing from the finding's sources"
            );
            assert!(seen.insert(src), "{cctx}: two claims from `{src}` in one finding");
            for key in ["text", "sentence"] {
                str_of(c, key, &cctx);
            }
            for key in ["start", "end", "line", "column"] {
                usize_of(c, key, &cctx);
            }
        }
        for (j, d) in array_of(f, "diff", &ctx).iter().enumerate() {
            assert!(matches!(str_of(d, "op", &ctx), "equal" | "delete" | "insert"), "{ctx}.diff[{j}]: {d:#}");
            str_of(d, "text", &format!("{ctx}.diff[{j}]"));
        }
    }
    let summary = r["summary"].as_object().expect("summary object");
    let keys: BTreeSet<&str> = summary.keys().map(String::as_str).collect();
    assert_eq!(keys, BTreeSet::from(SEVERITIES));
    for sev in SEVERITIES {
        let n = findings.iter().filter(|f| f["severity"] == sev).count();
        assert_eq!(summary[sev].as_u64(), Some(n as u64), "summary.{sev}");
    }
}

/// Each kind's claims carry the fields that say what disagrees.
#[test]
fn findings_carry_what_disagrees() {
    let r = lavrov_report();
    let findings = array_of(&r, "findings", "report");
    let find = |kind: &str| {
        findings
            .iter()
            .find(|f| f["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} finding in the Lavrov case:\n{r:#}"))
    };
    let figure = find("figure-value");
    let claims = array_of(figure, "claims", "figure-value");
    let mut values = BTreeSet::new();
    for c in claims {
        let v = c["value"].as_f64().unwrap_or_else(|| panic!("figure claim without a numeric value: {c:#}"));
        values.insert(v.to_bits());
        assert_eq!(c["unit"], "fighters", "{c:#}");
    }
    assert_eq!(values.len(), 2, "1,000 against 1,200: {figure:#}");
    assert_eq!(claims.len(), 3, "one claim from each source: {figure:#}");

    let attribution = find("quote-attribution");
    let speakers: BTreeSet<&str> = array_of(attribution, "claims", "attribution")
        .iter()
        .map(|c| str_of(c, "speaker", "attribution claim"))
        .collect();
    assert_eq!(speakers, BTreeSet::from(["Abdoulaye Diop", "Sergei Lavrov"]));

    let wording = find("quote-wording");
    for c in array_of(wording, "claims", "wording") {
        assert_eq!(str_of(c, "speaker", "wording claim"), "Sergei Lavrov");
    }
    let ops = array_of(wording, "diff", "wording");
    let changed = |op: &str| {
        ops.iter().filter(|d| d["op"] == op).map(|d| str_of(d, "text", "diff")).collect::<Vec<_>>().join(" ")
    };
    assert!(changed("delete").contains("equipment") || changed("insert").contains("equipment"), "{ops:?}");
    assert!(changed("delete").contains("hardware") || changed("insert").contains("hardware"), "{ops:?}");
}

#[test]
fn claim_spans_are_byte_offsets_into_the_file() {
    let r = lavrov_report();
    let paths: Vec<(String, String)> = array_of(&r, "sources", "report")
        .iter()
        .map(|s| (str_of(s, "id", "source").to_string(), str_of(s, "path", "source").to_string()))
        .collect();
    let mut checked = 0;
    for (i, f) in array_of(&r, "findings", "report").iter().enumerate() {
        for (j, c) in array_of(f, "claims", "finding").iter().enumerate() {
            let src = str_of(c, "source", "claim");
            let path = &paths.iter().find(|(id, _)| id == src).expect("claim source listed").1;
            check_span(&read_source(path), c, &format!("findings[{i}].claims[{j}] ({path})"));
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected claims from three findings, checked {checked}");
}

/// A quote hyphenated across a line break ("authori-" / "ties") still has
/// a span that covers exactly its words.
#[test]
fn hyphenated_quote_span_covers_the_line_break() {
    let r = lavrov_report();
    let attribution = array_of(&r, "findings", "report")
        .iter()
        .find(|f| f["kind"] == "quote-attribution")
        .expect("attribution");
    let mut wrapped = 0;
    for c in array_of(attribution, "claims", "attribution") {
        let path = format!("{LAVROV}/{}.txt", str_of(c, "source", "claim"));
        let file = read_source(&path);
        let slice = &file[usize_of(c, "start", &path)..usize_of(c, "end", &path)];
        if slice.contains("-\n") {
            wrapped += 1;
            let text = str_of(c, "text", &path);
            assert!(text.contains("authorities"), "{path}: the split word should be rejoined: {text:?}");
        }
        check_span(&file, c, &path);
    }
    assert!(wrapped >= 1, "the case hyphenates a quote across a line break in one source");
}

#[test]
fn json_output_is_byte_identical_across_runs() {
    for format in ["json", "terminal"] {
        let a = claimdiff(["check", "--color", "never", "--format", format, LAVROV])
            .expect_code(1)
            .stdout
            .clone();
        let b = claimdiff(["check", "--color", "never", "--format", format, LAVROV])
            .expect_code(1)
            .stdout
            .clone();
        assert!(a == b, "--format {format}: two runs differ");
    }
}

/// Fingerprints survive an unrelated edit that shifts every offset.
#[test]
fn fingerprints_survive_unrelated_edits() {
    let s = Scratch::new("fingerprint");
    for id in ["agency", "daily", "weekly"] {
        let text = read_source(&format!("{LAVROV}/{id}.txt"));
        s.write(
            &format!("{id}.txt"),
            format!("The talks were held in Moscow under tight security.\n\n{text}"),
        );
    }
    let prints = |r: &Value| -> BTreeSet<String> {
        array_of(r, "findings", "report")
            .iter()
            .map(|f| str_of(f, "fingerprint", "finding").to_string())
            .collect()
    };
    let edited = claimdiff(["check", "--format", "json", &arg(s.path())]).expect_code(1).json();
    assert_eq!(prints(&edited), prints(&lavrov_report()));
}

fn check_claims_report(r: &Value, ctx: &str) {
    assert_eq!(r["schema"], "claimdiff/claims/v1", "{ctx}");
    for s in array_of(r, "sources", ctx) {
        let id = str_of(s, "id", ctx);
        let path = str_of(s, "path", ctx);
        let file = read_source(path);
        for (j, c) in array_of(s, "claims", ctx).iter().enumerate() {
            let cctx = format!("{ctx}: {id}.claims[{j}]");
            let kind = str_of(c, "kind", &cctx);
            assert!(CLAIM_KINDS.contains(&kind), "{cctx}: kind {kind:?}");
            if path.ends_with(".html") {
                // A page's text is derived (tags dropped, entities decoded):
                // offsets are the paragraph's place in the page plus the
                // distance into it, so only line/column consistency holds.
                let start = usize_of(c, "start", &cctx);
                let got = (usize_of(c, "line", &cctx), usize_of(c, "column", &cctx));
                assert_eq!(got, line_col(&file, start), "{cctx}: line/column of byte {start}");
                continue;
            }
            check_span(&file, c, &cctx);
            match kind {
                "quote" => {
                    assert!(c.get("speaker").is_some(), "{cctx}: a quote has `speaker` (null when unknown)");
                    if let (Some(a), Some(b)) = (c["speaker_start"].as_u64(), c["speaker_end"].as_u64()) {
                        let (a, b) = (a as usize, b as usize);
                        assert!(a < b && file.get(a..b).is_some(), "{cctx}: speaker span {a}..{b}");
                        assert!(c["speaker"].is_string(), "{cctx}: a located speaker has a name");
                    }
                }
                "figure" => {
                    assert!(c["value"].is_number(), "{cctx}: figure value");
                    assert!(
                        c.get("unit").is_some() && c.get("qualifier").is_some(),
                        "{cctx}: unit and qualifier keys"
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn claims_json_has_the_contract_shape() {
    let r = claimdiff(["claims", "--format", "json", LAVROV]).expect_code(0).json();
    check_claims_report(&r, LAVROV);
    let ids: Vec<&str> =
        array_of(&r, "sources", "claims").iter().map(|s| str_of(s, "id", "source")).collect();
    assert_eq!(ids, ["agency", "daily", "weekly"]);
    let agency = &r["sources"][0]["claims"];
    let lavrov = agency
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["speaker"] == "Sergei Lavrov")
        .expect("a Lavrov quote");
    let (a, b) = (usize_of(lavrov, "speaker_start", "claim"), usize_of(lavrov, "speaker_end", "claim"));
    let file = read_source(&format!("{LAVROV}/agency.txt"));
    assert!("Sergei Lavrov".contains(&file[a..b]), "speaker span shows {:?}", &file[a..b]);
}

/// Every case directory's claims point at their own bytes.
#[test]
fn claim_spans_hold_across_the_corpus() {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("cases"))
        .expect("cases/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && has_text_files(p))
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        let rel = dir.strip_prefix(root()).expect("under root").to_str().expect("UTF-8").to_string();
        let r = claimdiff(["claims", "--format", "json", &rel]).expect_code(0).json();
        check_claims_report(&r, &rel);
    }
}

fn has_text_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|it| it.flatten().any(|e| e.path().extension().is_some_and(|x| x == "txt" || x == "md")))
        .unwrap_or(false)
}
