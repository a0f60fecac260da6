//! The workloads of issue 13, built the way a new user's inputs are rather
//! than the way the project's own generator writes: reports whose quotes
//! and filler come from one small shared vocabulary (every claim shares
//! words with every other), near-duplicate quotes across hundreds of
//! reports, deep and wide HTML, a figure-dense line and truncated UTF-16.
//! Deterministic per seed, like the rest of the generator.

use super::{capitalise, Report, Rng};

/// The shared vocabulary: about 40 words, every quote and filler sentence
/// drawn from it.
const VOCAB: &[&str] = &[
    "water", "river", "town", "people", "rain", "road", "bridge", "house", "field", "night", "morning",
    "council", "army", "help", "food", "boats", "wall", "school", "market", "farm", "hill", "village",
    "police", "family", "storm", "rescue", "doctor", "hospital", "teams", "workers", "north", "south",
    "reached", "crossed", "opened", "closed", "moved", "carried", "the", "and",
];

/// Units of the shared figures (words of the vocabulary themselves).
const UNITS: &[&str] = &["people", "boats", "teams", "workers", "families", "houses"];

const SPEAKERS: &[&str] = &["Ilse Varga", "Tomas Brenner", "Amara Okonjo", "Pieter Lund"];

/// `n` words of the vocabulary.
fn words(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    (0..n).map(|_| *rng.pick(VOCAB)).collect()
}

/// The 24 shared claims of a small-vocabulary set: 12 quotes (speaker,
/// words) and 12 figures (value, unit, words before, words after).
struct Shared {
    quotes: Vec<(usize, Vec<&'static str>)>,
    figures: Vec<(u32, &'static str, Vec<&'static str>, Vec<&'static str>)>,
}

fn shared(seed: u64) -> Shared {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(13));
    let quotes = (0..12)
        .map(|_| {
            let n = 10 + rng.below(8);
            (rng.below(SPEAKERS.len()), words(&mut rng, n))
        })
        .collect();
    let figures = (0..12)
        .map(|_| {
            let value = 10 + rng.below(5000) as u32;
            let unit = *rng.pick(UNITS);
            let (a, b) = (2 + rng.below(3), 2 + rng.below(3));
            (value, unit, words(&mut rng, a), words(&mut rng, b))
        })
        .collect();
    Shared { quotes, figures }
}

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(7);
    format!("{}.", capitalise(&words(rng, n).join(" ")))
}

/// One small-vocabulary report of about 11 KB: the 24 shared claims (quotes
/// in full or cut, figures with their number written alike), filler from
/// the same words, and planted disagreements like the main generator's.
fn small_vocab_report(seed: u64, shared: &Shared, r: usize) -> String {
    let mut rng = Rng::new(seed ^ (r as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5eed);
    let mut paras: Vec<String> = Vec::new();
    for (q, (speaker, ws)) in shared.quotes.iter().enumerate() {
        // Cut at either end, or a word changed, as outlets quote: most
        // reports' quotes differ a little from every other report's.
        let mut ws = ws.clone();
        if rng.chance(35) {
            ws.truncate(ws.len() - 1 - rng.below(3));
        }
        if rng.chance(25) {
            ws.drain(..1 + rng.below(2));
        }
        if rng.chance(25) {
            let at = rng.below(ws.len());
            ws[at] = *rng.pick(VOCAB);
        }
        if r % 11 == 5 && r / 11 % 12 == q {
            ws[2] = "bridge";
        }
        let speaker = if r % 13 == 8 && r / 13 % 12 == q { (speaker + 1) % SPEAKERS.len() } else { *speaker };
        let body = capitalise(&ws.join(" "));
        paras.push(format!("\u{201c}{body},\u{201d} {} said.", SPEAKERS[speaker]));
    }
    for (f, (value, unit, before, after)) in shared.figures.iter().enumerate() {
        let value = if r % 7 == 3 && r / 7 % 12 == f { value + 100 } else { *value };
        paras.push(format!("{} {value} {unit} {}.", capitalise(&before.join(" ")), after.join(" ")));
    }
    rng.shuffle(&mut paras);
    let mut body: Vec<String> = Vec::new();
    for p in paras {
        body.push(p);
        if rng.chance(50) {
            body.push((0..4).map(|_| sentence(&mut rng)).collect::<Vec<_>>().join(" "));
        }
    }
    while body.iter().map(String::len).sum::<usize>() < 10_500 {
        body.push((0..5).map(|_| sentence(&mut rng)).collect::<Vec<_>>().join(" "));
    }
    let mut text = body.join("\n\n");
    text.push('\n');
    text
}

/// `n` small-vocabulary reports, `v0000.txt`, ...; report `r` depends only
/// on the seed and `r`.
pub fn small_vocab(seed: u64, n: usize) -> Vec<Report> {
    let s = shared(seed);
    (0..n).map(|r| Report { name: format!("v{r:04}.txt"), text: small_vocab_report(seed, &s, r) }).collect()
}

/// `n` reports quoting the same ten remarks, each report with one word of
/// each remark changed at its own place: hundreds of distinct, nearly
/// equal quotes that all are candidates of each other.
pub fn near_duplicates(seed: u64, n: usize) -> Vec<Report> {
    let mut base = Rng::new(seed.wrapping_add(77));
    let remarks: Vec<Vec<&str>> = (0..10)
        .map(|_| {
            let n = 14 + base.below(6);
            words(&mut base, n)
        })
        .collect();
    (0..n)
        .map(|r| {
            let mut rng = Rng::new(seed ^ (r as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
            let mut paras = Vec::new();
            for (k, ws) in remarks.iter().enumerate() {
                let mut ws = ws.clone();
                let at = rng.below(ws.len());
                ws[at] = *rng.pick(VOCAB);
                let body = capitalise(&ws.join(" "));
                paras.push(format!("\u{201c}{body},\u{201d} {} said.", SPEAKERS[k % SPEAKERS.len()]));
                paras.push(sentence(&mut rng));
            }
            Report { name: format!("d{r:04}.txt"), text: paras.join("\n\n") + "\n" }
        })
        .collect()
}

/// An article page whose paragraph sits inside `depth` nested `<div>`s.
pub fn deep_html(depth: usize) -> String {
    let mut s = String::with_capacity(depth * 12 + 512);
    s.push_str("<!DOCTYPE html><html><head><title>Dam</title></head><body>");
    for _ in 0..depth {
        s.push_str("<div>");
    }
    s.push_str("<p>The army said 120 soldiers reached the valley on Tuesday, officials told reporters at the dam.</p>");
    for _ in 0..depth {
        s.push_str("</div>");
    }
    s.push_str("</body></html>\n");
    s
}

/// An article page of `n` sibling paragraphs.
pub fn wide_html(seed: u64, n: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::from("<!DOCTYPE html><html><head><title>Dam</title></head><body><article>");
    for _ in 0..n {
        s.push_str("<p>");
        s.push_str(&sentence(&mut rng));
        s.push_str("</p>\n");
    }
    s.push_str("</article></body></html>\n");
    s
}

/// One line of `bytes` bytes: "The army said 1,000 fighters arrived " repeated.
pub fn figure_line(bytes: usize) -> String {
    let unit = "The army said 1,000 fighters arrived ";
    let mut s = unit.repeat(bytes / unit.len() + 1);
    s.truncate(bytes);
    s
}

/// [`figure_line`] with a different figure each time ("1,000 fighters",
/// "1,001 fighters", ...): no repeat merges, every figure is a claim.
pub fn distinct_figure_line(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut n = 1_000u64;
    while s.len() < bytes {
        let digits = n.to_string();
        let (high, low) = digits.split_at(digits.len() - 3);
        s.push_str(&format!("The army said {high},{low} fighters arrived "));
        n += 1;
    }
    s.truncate(bytes);
    s
}

/// UTF-16 LE with its byte-order mark and an odd number of bytes after it.
pub fn truncated_utf16() -> Vec<u8> {
    let mut b = vec![0xff, 0xfe];
    b.extend("The army said 1,000 fighters arrived.\n".encode_utf16().flat_map(u16::to_le_bytes));
    b.push(b'x');
    b
}

/// UTF-16 LE with its byte-order mark and a high surrogate with no low one.
pub fn unpaired_surrogate() -> Vec<u8> {
    let mut units: Vec<u16> = "The army said 1,000 fighters arrived.\n".encode_utf16().collect();
    units.insert(9, 0xd83d);
    let mut b = vec![0xff, 0xfe];
    b.extend(units.into_iter().flat_map(u16::to_le_bytes));
    b
}
