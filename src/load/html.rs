//! HTML sources: the page reduced to its article text by `dom_smoothie`
//! (a port of readability.js), with paragraphs separated by blank lines, the
//! publication date from the page's metadata, and a map from each paragraph
//! of the text back to where its words stand in the HTML, so line and column
//! in a report point into the file the user has.

use std::path::Path;

use dom_smoothie::{Config, Readability, TextMode};

use crate::error::{Error, Result};
use crate::value::DateValue;

/// The article of a page.
#[derive(Debug, Clone)]
pub struct Article {
    pub text: String,
    pub published: Option<DateValue>,
    /// (offset in `text`, offset in the HTML) of each paragraph's start.
    pub map: Vec<(usize, usize)>,
}

/// Reduce an HTML page to its article text.
pub fn article(path: &Path, html: &str) -> Result<Article> {
    let cfg = Config { text_mode: TextMode::Formatted, ..Default::default() };
    let err = |e: dom_smoothie::ReadabilityError| Error::Read {
        path: path.to_path_buf(),
        reason: format!("no article found in the HTML ({e})"),
    };
    // Nesting beyond a bound is dropped first: the parser and readability
    // slow down with depth (cubically), a page's size should decide.
    let (page, elements) = super::flatten::scan(html);
    if elements > super::flatten::MAX_ELEMENTS {
        return Err(Error::Read {
            path: path.to_path_buf(),
            reason: format!(
                "HTML page of {elements} elements, over the article reader's limit of {} (convert it to text first)",
                super::flatten::MAX_ELEMENTS
            ),
        });
    }
    let mut r = Readability::new(&*page, None, Some(cfg)).map_err(err)?;
    let a = r.parse().map_err(err)?;
    let paragraphs: Vec<String> = a
        .text_content
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(Error::Read {
            path: path.to_path_buf(),
            reason: "no article text found in the HTML".into(),
        });
    }
    let visible = Visible::of(html);
    let mut text = String::new();
    let mut map = Vec::new();
    let mut from = 0;
    // A paragraph not found costs a search to the end of the page; the
    // searches that fail may read the page 32 times over, then the rest of
    // the paragraphs go unmapped (they point at the last one found).
    let mut budget = visible.chars.len().saturating_mul(32);
    for p in &paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if budget > 0 {
            if let Some((at, next)) = visible.find(p, from) {
                map.push((text.len(), at));
                from = next;
            } else {
                budget = budget.saturating_sub(visible.chars.len() - from.min(visible.chars.len()) + 1);
            }
        }
        text.push_str(p);
    }
    let published = a.published_time.as_deref().and_then(iso_date);
    Ok(Article { text, published, map })
}

/// "2024-02-20T09:00:00Z" -> 2024-02-20.
fn iso_date(s: &str) -> Option<DateValue> {
    let d: jiff::civil::Date = s.get(..10)?.parse().ok()?;
    Some(DateValue { year: Some(d.year()), month: Some(d.month()), day: Some(d.day()), ..Default::default() })
}

/// The visible characters of an HTML page (tags, scripts and styles left
/// out, common entities decoded), whitespace folded, each with its offset.
struct Visible {
    chars: Vec<char>,
    offsets: Vec<usize>,
}

impl Visible {
    fn of(html: &str) -> Self {
        let mut chars = Vec::new();
        let mut offsets = Vec::new();
        let lower = html.to_ascii_lowercase();
        let mut i = 0;
        let mut space = true;
        // The raw-text elements found without an end tag after some point:
        // looking again would read the rest of the page once per tag.
        let mut unclosed = [false; 3];
        while i < html.len() {
            let rest = &html[i..];
            if rest.starts_with('<') {
                let skip_to = ["script", "style", "noscript"]
                    .iter()
                    .position(|t| lower[i + 1..].starts_with(*t))
                    .filter(|&k| !unclosed[k])
                    .and_then(|k| {
                        let t = ["script", "style", "noscript"][k];
                        let found = memchr::memmem::find(&lower.as_bytes()[i..], format!("</{t}").as_bytes());
                        unclosed[k] = found.is_none();
                        found.map(|e| i + e)
                    });
                let from = skip_to.unwrap_or(i);
                i = html[from..].find('>').map_or(html.len(), |e| from + e + 1);
                continue;
            }
            let (c, len) = if rest.starts_with('&') {
                entity(rest).unwrap_or(('&', 1))
            } else {
                let c = rest.chars().next().expect("not at end");
                (c, c.len_utf8())
            };
            if c.is_whitespace() {
                if !space {
                    chars.push(' ');
                    offsets.push(i);
                    space = true;
                }
            } else {
                chars.push(c);
                offsets.push(i);
                space = false;
            }
            i += len;
        }
        Visible { chars, offsets }
    }

    /// Where the paragraph's opening words stand, searching from `from`.
    fn find(&self, paragraph: &str, from: usize) -> Option<(usize, usize)> {
        let needle: Vec<char> = paragraph.chars().take(40).collect();
        if needle.is_empty() || self.chars.len() < needle.len() {
            return None;
        }
        (from..=self.chars.len() - needle.len())
            .find(|&k| self.chars[k..k + needle.len()] == needle[..])
            .map(|k| (self.offsets[k], k + needle.len()))
    }
}

fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.len().min(12)].find(';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_skips_navigation_and_maps_back() {
        let html = "<html><head><meta property=\"article:published_time\" content=\"2024-02-20T09:00:00Z\"></head><body><nav>Home News Sport</nav><article><h1>Storm</h1><p>The cyclone forced 3,000 people from their homes on Tuesday, officials said in a statement to reporters.</p><p>Rescue teams reached the coast &amp; began work. The government said it would send more aid to the worst-hit districts.</p></article><footer>Copyright</footer></body></html>";
        let a = article(Path::new("p.html"), html).unwrap();
        assert!(a.text.contains("3,000 people"));
        assert!(!a.text.contains("Sport"));
        assert!(a.text.contains("coast & began"));
        assert_eq!(a.published.and_then(|d| d.day), Some(20));
        let (t, h) = a.map[0];
        assert_eq!(&a.text[t..t + 3], &html[h..h + 3]);
    }
}
