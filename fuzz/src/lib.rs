//! The checks the fuzz targets run, shared with the stable `replay` binary:
//! each stage must not panic, and every span it returns must be ordered, in
//! bounds and on char boundaries, with line/column agreeing with the offset.

use claimdiff::load::Document;
use claimdiff::span::Span;
use claimdiff::CheckOptions;

/// Bytes that never occur in UTF-8: the `check` target cuts its input into
/// documents on it.
pub const SEPARATOR: u8 = 0xff;

/// A fuzz target's check: panics when the stage misbehaves on `data`.
pub type Target = fn(&[u8]);

/// The text stages, by target name.
pub const TARGETS: [(&str, Target); 3] = [("segment", segment), ("extract", extract), ("check", check)];

/// Input bytes as text (invalid UTF-8 replaced, so every input reaches the stage).
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: start {} > end {}", span.start, span.end);
    assert!(span.end <= text.len(), "{what}: end {} past {} bytes", span.end, text.len());
    assert!(text.is_char_boundary(span.start), "{what}: start {} inside a char", span.start);
    assert!(text.is_char_boundary(span.end), "{what}: end {} inside a char", span.end);
}

/// 1-based line and character column of `offset`, computed from scratch.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// `segment`: paragraph and sentence spans are sound.
pub fn segment(data: &[u8]) {
    let text = text(data);
    let seg = claimdiff::segment::segment(&text);
    assert_eq!(seg.flat.len(), text.len(), "flat text keeps offsets");
    for p in &seg.paragraphs {
        assert_span(&text, *p, "paragraph");
    }
    for s in &seg.sentences {
        assert_span(&text, s.span, "sentence");
    }
}

/// `extract`: claim, sentence and speaker spans are sound, and `claims`
/// reports line/column that agree with the offsets.
pub fn extract(data: &[u8]) {
    let text = text(data);
    let docs = vec![Document::new("a", "a.txt", text.clone())];
    for c in claimdiff::extract_all(&docs) {
        assert_span(&text, c.span, "claim");
        assert_span(&text, c.sentence_span, "claim sentence");
        if let Some(span) = c.quote().and_then(|q| q.speaker.as_ref()).and_then(|s| s.span) {
            assert_span(&text, span, "speaker");
        }
    }
    for c in &claimdiff::claims(&docs).sources[0].claims {
        assert_span(&text, Span { start: c.start, end: c.end }, "listed claim");
        assert_eq!((c.line, c.column), line_col(&text, c.start), "line/column of {}", c.start);
    }
}

/// `check`: the input cut on [`SEPARATOR`] into 2-3 documents (one part is
/// compared with itself); findings' claims are sound and a second run gives
/// byte-identical JSON. The first byte picks whether `a` is the reference.
pub fn check(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else { return };
    let mut parts: Vec<String> = rest.split(|&b| b == SEPARATOR).take(3).map(text).collect();
    if parts.len() == 1 {
        parts.push(parts[0].clone());
    }
    let docs: Vec<Document> = parts
        .into_iter()
        .zip(["a", "b", "c"])
        .map(|(t, id)| Document::new(id, format!("{id}.txt"), t))
        .collect();
    let opts = CheckOptions { reference: (flags & 1 == 1).then(|| "a".into()), ..CheckOptions::default() };
    let report = claimdiff::check(docs.clone(), &opts).expect("2-3 distinct ids are valid");
    for f in &report.findings {
        for c in &f.claims {
            let doc = docs.iter().find(|d| d.id == c.source).expect("known source");
            assert_span(&doc.text, Span { start: c.start, end: c.end }, "finding claim");
            assert_eq!((c.line, c.column), line_col(&doc.text, c.start), "line/column");
        }
    }
    let first = serde_json::to_string(&report).expect("serialise");
    let again = serde_json::to_string(&claimdiff::check(docs, &opts).expect("again")).expect("serialise");
    assert_eq!(first, again, "same input, different output");
}
