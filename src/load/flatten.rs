//! Bound the nesting depth of an HTML page before it is parsed: the tags of
//! elements nested deeper than [`MAX_DEPTH`] are dropped (their text kept),
//! so the parser and the readability pass, whose cost grows with depth
//! (cubically in readability's scoring), work in time linear in the page.
//! A page within the bound is returned as it is, byte for byte: real
//! articles nest a few dozen elements deep at most, and read exactly as
//! they did.
//!
//! The depth is counted on the raw tags, in one pass: a start tag of an
//! element that must be closed opens a level, its end tag closes one.
//! Void elements (`<br>`, `<img>`), self-closing tags and elements whose
//! end tag is optional (`<p>`, `<li>`, `<td>`, ...) open none; comments and
//! the contents of `<script>`, `<style>` and the other raw-text elements
//! are skipped whole.

use std::borrow::Cow;

/// Deepest nesting kept; deeper tags are dropped.
pub const MAX_DEPTH: usize = 128;

/// Most elements (start tags) of a page the article reader takes; a larger
/// page is refused (see [`count_elements`]). A news article has a few
/// thousand.
pub const MAX_ELEMENTS: usize = 50_000;

/// Elements that never hold content or whose end tag may be left out: they
/// do not count as a level (unclosed `<p>`s would otherwise pile up).
const NOT_LEVELS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// The page with tags beyond [`MAX_DEPTH`] levels dropped (each replaced
/// by a space, so words on either side stay apart).
///
/// ```
/// use claimdiff::load::flatten::{flatten, MAX_DEPTH};
/// let deep = "<div>".repeat(MAX_DEPTH + 2) + "text" + &"</div>".repeat(MAX_DEPTH + 2);
/// let flat = flatten(&deep);
/// assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
/// assert!(flat.contains("text"));
/// let page = "<p>One<p>Two <b>three</b></p>";
/// assert_eq!(flatten(page), page);
/// ```
pub fn flatten(html: &str) -> Cow<'_, str> {
    scan(html).0
}

/// The number of elements (start tags) of a page that [`flatten`] keeps.
pub fn count_elements(html: &str) -> usize {
    scan(html).1
}

/// [`flatten`] and [`count_elements`] in one pass.
pub fn scan(html: &str) -> (Cow<'_, str>, usize) {
    let mut elements = 0;
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) {
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            i = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = at + 1 + usize::from(closing);
        let name_len = b[name_at..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_at + name_len);
        let self_closing = !closing && end >= 2 && b[end - 2] == b'/';
        let level = !self_closing && !NOT_LEVELS.contains(&name.as_str());
        let mut drop = false;
        if level && closing {
            drop = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
        } else if level {
            depth += 1;
            drop = depth > MAX_DEPTH;
        }
        elements += usize::from(!closing && !drop);
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            o.push(' ');
            copied = end;
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(b, end, name.as_bytes());
        }
    }
    let page = match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    };
    (page, elements)
}

/// Where `needle` starts in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&b[from..], needle).map(|k| from + k)
}

/// The byte after the `>` that ends a tag whose name ends at `from`
/// (quoted attribute values may hold `>`), or the end of the page.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The byte after the end tag `</name ...>` at or after `from` (any
/// letter case), or the end of the page.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = find(b, i, b"</") {
        let n = at + 2;
        if b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name) {
            return tag_end(b, n + name.len());
        }
        i = n;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_the_bound_are_untouched() {
        let page = "<html><body><div class=\"a>b\"><script>if (a<b) { x('</div>') }</script>\
                    <!-- <div> --><ul><li>One<li>Two</ul><img src=x><br/></div></body></html>";
        assert!(matches!(flatten(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_to_the_bound_keeping_the_text() {
        let n = MAX_DEPTH * 3;
        let page = format!("{}<p>Deep words here.</p>{}", "<section>".repeat(n), "</section>".repeat(n));
        let flat = flatten(&page);
        assert_eq!(flat.matches("<section>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</section>").count(), MAX_DEPTH);
        assert!(flat.contains("<p>Deep words here.</p>"));
    }

    #[test]
    fn unclosed_paragraphs_and_lists_open_no_level() {
        let page = "<li>x".repeat(MAX_DEPTH * 2) + &"<p>y".repeat(MAX_DEPTH * 2);
        assert!(matches!(flatten(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn elements_are_counted_by_start_tags() {
        assert_eq!(count_elements("<p>a<br><!-- <b> --><script>'<i>'</script></p>"), 3);
    }

    #[test]
    fn unterminated_pieces_end_the_scan() {
        for page in ["<div", "<!-- open", "<script>never closed", "<div title=\"open>"] {
            assert_eq!(flatten(page), page);
        }
    }
}
