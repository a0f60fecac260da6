//! Inputs of issue 13 that the project did not design: truncated UTF-16,
//! surrogates without their pair, a broken symbolic link in a directory
//! source, and HTML pages deep or wide enough to have stalled the reader.

use crate::common::{arg, assert_bad_input, claimdiff, quote_pair, Scratch};

use crate::threads::gen;

/// UTF-16 bytes of `text` after a little- or big-endian byte-order mark.
fn utf16(text: &str, big: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big { [0xfe, 0xff] } else { [0xff, 0xfe] };
    let units = text.encode_utf16().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() });
    bom.into_iter().chain(units).collect()
}

/// A UTF-16 file cut in the middle of a unit (an odd number of bytes after
/// the byte-order mark) was padded and read; it is refused, naming the file
/// and the offset of the stray byte.
#[test]
fn truncated_utf16_is_refused_with_the_byte_offset() {
    let s = Scratch::new("utf16-odd");
    let (good, _) = quote_pair(&s);
    for (name, big) in [("odd-le.txt", false), ("odd-be.txt", true)] {
        let mut bytes = utf16("The minister spoke on Monday.\n", big);
        bytes.push(b'x');
        let offset = (bytes.len() - 1).to_string();
        let bad = arg(&s.write(name, bytes));
        let run = claimdiff(["check", &bad, &arg(&good)]);
        assert_bad_input(&run, &[&bad, "UTF-16", "truncated", &format!("byte offset {offset}")]);
    }
    let bad = arg(&s.write("generated.txt", gen::hard::truncated_utf16()));
    assert_bad_input(&claimdiff(["claims", &bad]), &[&bad, "UTF-16"]);
}

/// A surrogate without its pair, high or low, is refused at its offset.
#[test]
fn unpaired_surrogate_is_refused_with_the_byte_offset() {
    let s = Scratch::new("utf16-surrogate");
    let (good, _) = quote_pair(&s);
    // "The " is four units: the stray surrogate is the fifth, at byte 2 + 8.
    for (name, unit) in [("high.txt", 0xd83d_u16), ("low.txt", 0xde00)] {
        let mut units: Vec<u16> = "The minister spoke on Monday.\n".encode_utf16().collect();
        units.insert(4, unit);
        let bytes: Vec<u8> =
            [0xff, 0xfe].into_iter().chain(units.iter().flat_map(|u| u.to_le_bytes())).collect();
        let bad = arg(&s.write(name, bytes));
        let run = claimdiff(["check", &bad, &arg(&good)]);
        assert_bad_input(&run, &[&bad, "UTF-16", "surrogate", "byte offset 10"]);
    }
    // A proper pair is text.
    let fine = arg(&s.write("pair.txt", utf16("The minister \u{1f600} spoke on Monday.\n", false)));
    claimdiff(["claims", &fine]).expect_code(0);
}

/// A `.txt` symlink whose target is gone was skipped without a word; the
/// run goes on with the other files and says which entry it left out.
#[cfg(unix)]
#[test]
fn broken_symlink_in_a_directory_source_is_reported_on_stderr() {
    let s = Scratch::new("dir-broken-link");
    let (first, second) = quote_pair(&s);
    std::fs::create_dir(s.join("dir")).expect("mkdir");
    std::fs::rename(&first, s.join("dir/first.txt")).expect("move");
    std::fs::rename(&second, s.join("dir/second.txt")).expect("move");
    let link = s.join("dir/gone.txt");
    std::os::unix::fs::symlink("deleted-report.txt", &link).expect("symlink");
    let run = claimdiff(["check", "--format", "json", &arg(&s.join("dir"))]);
    run.expect_code(1);
    let ids: Vec<String> =
        run.json()["sources"].as_array().expect("sources").iter().map(|s| s["id"].to_string()).collect();
    assert_eq!(ids, ["\"first\"", "\"second\""], "{}", run.cmd);
    let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("claimdiff: warning: ")).collect();
    assert_eq!(warnings.len(), 1, "{}: one warning:\n{}", run.cmd, run.stderr);
    assert!(
        warnings[0].contains(&arg(&link)) && warnings[0].contains("broken symbolic link"),
        "{}",
        warnings[0]
    );
}

/// Run `claimdiff check` on an HTML page beside an ordinary report; it must
/// finish (exit 0 or 1, or 2 naming the page) without running away.
fn check_page(name: &str, html: &str) {
    let s = Scratch::new(name);
    let page = s.write("page.html", html);
    let (good, _) = quote_pair(&s);
    let start = std::time::Instant::now();
    let run = claimdiff(["check", "--format", "json", "--fail-on", "none", &arg(&page), &arg(&good)]);
    // A debug build, a loaded machine: generous, but far below what the
    // quadratic and cubic readers took (minutes at these sizes).
    assert!(start.elapsed().as_secs() < 30, "{}: {:?}", run.cmd, start.elapsed());
    run.expect_code(0);
    let text = run.json().to_string();
    assert!(text.contains("page"), "{}: the page is a source", run.cmd);
}

/// 20,000 nested `<div>`s around one paragraph took hours (cubic in depth).
#[test]
fn deeply_nested_html_is_read_in_time() {
    check_page("deep-html", &gen::hard::deep_html(20_000));
}

/// 20,000 sibling paragraphs.
#[test]
fn wide_html_is_read_in_time() {
    check_page("wide-html", &gen::hard::wide_html(3, 20_000));
}

/// Bounded candidate generation finds exactly the groups that comparing
/// every class with every other finds, on small random sets drawn from one
/// small vocabulary (every claim shares words with every other).
#[test]
fn bounded_candidates_align_as_the_exhaustive_comparison() {
    use claimdiff::align::{align, align_exhaustive, AlignOptions};
    use claimdiff::load::Document;
    for seed in 0..40u64 {
        let n = 2 + (seed as usize % 5);
        let docs: Vec<Document> = gen::hard::small_vocab(seed, n)
            .into_iter()
            .map(|r| Document::new(r.name.trim_end_matches(".txt").to_string(), r.name, r.text))
            .collect();
        let claims = claimdiff::extract_all(&docs);
        let opts = AlignOptions::default();
        assert_eq!(align(&claims, opts), align_exhaustive(&claims, opts), "seed {seed}, {n} reports");
    }
}
