//! Direct quotes: text between paired quotation marks (straight, curly,
//! guillemets; single quotes when a paragraph uses no double ones), with
//! apostrophes told apart from quote marks, an unbalanced mark recovered
//! locally, and a quote continued across paragraphs (reopened without being
//! closed) kept as one quote. Spans cover the quoted words, not the marks.

use crate::span::Span;

/// A quote found in the text, before its speaker is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// The quoted words, one piece per paragraph it runs over.
    pub pieces: Vec<Span>,
    /// Where the opening mark stands.
    pub open: usize,
    /// Just after the closing mark (or the paragraph end when unclosed).
    pub close: usize,
    pub paragraph: usize,
}

impl RawQuote {
    pub fn span(&self) -> Span {
        self.pieces[0].cover(&self.pieces[self.pieces.len() - 1])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Every quote mark and apostrophe of `text` (`"` `'` “ ” „ ‘ ’ « »), with
/// its offset and length, in order. Two apostrophes in a row (`''`, the
/// quote mark of some newspapers' archives) are one double mark, `"`. Each
/// mark is ASCII or starts with byte 0xC2 or 0xE2: vectorised searches for
/// those four bytes find every candidate.
fn mark_chars(text: &str) -> Vec<(usize, char, usize)> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, char, usize)> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes)
        .chain(memchr::memchr_iter(0xC2, bytes))
        .filter_map(|i| {
            let c = text[i..].chars().next().expect("a lead byte starts a char");
            matches!(c, '"' | '”' | '“' | '„' | '«' | '»' | '\'' | '‘' | '’').then_some((i, c, c.len_utf8()))
        })
        .collect();
    found.sort_unstable_by_key(|m| m.0);
    let mut out: Vec<(usize, char, usize)> = Vec::with_capacity(found.len());
    for m in found {
        match out.last_mut() {
            Some(last) if last.1 == '\'' && last.2 == 1 && m.1 == '\'' && last.0 + 1 == m.0 => {
                *last = (last.0, '"', 2);
            }
            _ => out.push(m),
        }
    }
    out
}

/// Quote marks of one paragraph with their classes, given the paragraph's
/// quote marks and apostrophes (`found`, offsets into `text`).
fn marks(text: &str, para: Span, singles: bool, found: &[(usize, char, usize)]) -> Vec<(usize, usize, Mark)> {
    let s = &text[para.start..para.end];
    let mut out = Vec::new();
    // Only quote marks and apostrophes can be marks: look at those alone.
    for &(at, c, len) in found {
        let i = at - para.start;
        let m = &s[i..i + len];
        let prev = s[..i].chars().next_back();
        let next = s[i + m.len()..].chars().next();
        let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let after_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
        let mark = match c {
            '"' | '”' | '“' | '„' | '«' | '»' if !singles => match c {
                '“' | '„' | '«' => Mark::Open,
                '»' => Mark::Close,
                '”' if before_space && !after_space => Mark::Open,
                '”' => Mark::Close,
                _ if before_space && !after_space => Mark::Open,
                _ if after_space && !before_space => Mark::Close,
                _ => Mark::Either,
            },
            '\'' | '‘' | '’' if singles => {
                let alnum_before = prev.is_some_and(char::is_alphanumeric);
                let alnum_after = next.is_some_and(char::is_alphanumeric);
                if alnum_before && alnum_after {
                    continue; // don't, Velmora's
                }
                if before_space && next.is_some_and(|n| n.is_alphabetic() && n != 'n') && c != '’' {
                    Mark::Open
                } else if after_space && !before_space && !(alnum_before && next == Some('s')) {
                    if prev == Some('s') && next.is_some_and(|n| n == ' ') {
                        // plural possessive ("the ministers' meeting") is ambiguous; treat as close
                    }
                    Mark::Close
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        out.push((para.start + i, para.start + i + len, mark));
    }
    out
}

fn uses_double_marks(found: &[(usize, char, usize)]) -> bool {
    found.iter().any(|&(_, c, _)| matches!(c, '"' | '“' | '”' | '«' | '»' | '„'))
}

/// Find the quotes of a document, given its paragraphs.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut found = mark_chars(text);
    let tags = markup_tags(text);
    if !tags.is_empty() {
        // `<tweet id="...">`: marks inside markup are its attributes.
        found.retain(|m| {
            let k = tags.partition_point(|t| t.start <= m.0);
            k == 0 || tags[k - 1].end <= m.0
        });
    }
    // A quote left open at the end of the previous paragraph.
    let mut carry: Option<RawQuote> = None;
    for (p, &para) in paragraphs.iter().enumerate() {
        let here = &found[found.partition_point(|m| m.0 < para.start)..];
        let here = &here[..here.partition_point(|m| m.0 < para.end)];
        let singles = !uses_double_marks(here);
        let ms = marks(text, para, singles, here);
        // The quote being read, and where its current piece starts.
        let mut cur: Option<(RawQuote, usize)> = None;
        let mut skip = 0;
        if let Some(c) = carry.take() {
            match ms.first() {
                Some(&(start, end, Mark::Open | Mark::Either))
                    if text[para.start..start].trim().is_empty() =>
                {
                    cur = Some((c, end));
                    skip = 1;
                }
                _ => out.push(c),
            }
        }
        let rest = &ms[skip..];
        // A quote nested in the current one: its opening mark.
        let mut nested: Option<(usize, usize)> = None;
        for (i, &(start, end, mark)) in rest.iter().enumerate() {
            if let Some((open, from)) = nested.take() {
                let piece = trim_piece(text, Span::new(from, start));
                out.push(RawQuote { pieces: vec![piece], open, close: end, paragraph: p });
                continue;
            }
            // `"... what he calls "hell" than live ..."`: an opening mark
            // inside a quote, then two closing ones, nests a quote in this
            // one (a quote of its own, and words of this one).
            let closing = |k: usize| rest.get(i + k).is_some_and(|m| m.2 != Mark::Open);
            if cur.is_some() && mark == Mark::Open && closing(1) && closing(2) {
                nested = Some((start, end));
                continue;
            }
            cur = match (cur, mark) {
                (None, Mark::Close) => None, // a stray closing mark
                (None, _) => Some((RawQuote { pieces: vec![], open: start, close: end, paragraph: p }, end)),
                (Some((mut q, from)), mark) => {
                    q.pieces.push(trim_piece(text, Span::new(from, start)));
                    q.close = end;
                    out.push(q);
                    // A second opening mark inside a quote: the first was never
                    // closed; recover by starting a new quote here.
                    let curly_open = mark == Mark::Open && !text[start..end].starts_with(['"', '\'']);
                    curly_open
                        .then(|| (RawQuote { pieces: vec![], open: start, close: end, paragraph: p }, end))
                }
            };
        }
        if let Some((mut q, from)) = cur {
            q.pieces.push(trim_piece(text, Span::new(from, para.end)));
            q.close = para.end;
            carry = Some(q);
        }
    }
    out.extend(carry);
    for q in &mut out {
        q.pieces.retain(|p| !p.is_empty());
    }
    out.retain(|q| !q.pieces.is_empty());
    // (a nested quote is found before the quote around it closes)
    out.sort_by_key(|q| q.open);
    out
}

/// The spans of markup tags left in a text (`<tweet id="1">`, `</p>`): a
/// `<` then a letter or `/`, up to the next `>` on the same line.
fn markup_tags(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for i in memchr::memchr_iter(b'<', bytes) {
        if !bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/') {
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e);
        if let Some(e) = memchr::memchr(b'>', &bytes[i..line_end]) {
            if out.last().is_none_or(|l: &Span| l.end <= i) {
                out.push(Span::new(i, i + e + 1));
            }
        }
    }
    out
}

/// Trim whitespace and trailing commas/colons from a quote piece.
fn trim_piece(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ':', ';', ' ', '\n', '\r', '\t']).trim_end();
    let start = span.start + lead;
    Span::new(start, start + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn quotes(text: &str) -> Vec<String> {
        let seg = segment(text);
        find_quotes(text, &seg.paragraphs)
            .iter()
            .map(|q| q.pieces.iter().map(|p| &text[p.start..p.end]).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        assert_eq!(quotes("\"We go now,\" he said. “We stay,” she said."), ["We go now", "We stay"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("\"Velmora's army won't stop in the '90s,\" he said."),
            ["Velmora's army won't stop in the '90s"]
        );
    }

    #[test]
    fn single_quotes_when_no_double_marks() {
        assert_eq!(quotes("He said: 'We won't leave Velmora's north.'"), ["We won't leave Velmora's north."]);
    }

    #[test]
    fn quote_continued_across_paragraphs_is_one_quote() {
        let t = "\"We will stay in the region.\n\n\"We will not leave,\" he said.";
        assert_eq!(quotes(t), ["We will stay in the region. | We will not leave"]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let t = "He said \"we are ready to talk\n\nNothing else.";
        assert_eq!(quotes(t), ["we are ready to talk"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(
            quotes("''It isn't reform,'' said Ann Lee. ''It's worse.''"),
            ["It isn't reform", "It's worse."]
        );
    }

    #[test]
    fn marks_inside_markup_are_not_quotes() {
        assert_eq!(quotes("<tweet id=\"123\" by=\"x\">Text \"we go now\" here.</tweet>"), ["we go now"]);
    }

    #[test]
    fn nested_single_inside_double() {
        assert_eq!(quotes("\"He called it 'a farce' today,\" she said."), ["He called it 'a farce' today"]);
    }

    /// Double marks inside double marks: the inner quote is one of its
    /// own and words of the outer one; an opening mark with one close
    /// after it still recovers an unclosed quote.
    #[test]
    fn nested_double_inside_double() {
        assert_eq!(
            quotes("“I would rather live in what he calls “hell” than here,” she said."),
            ["I would rather live in what he calls “hell” than here", "hell"]
        );
        assert_eq!(quotes("“We waited. “We stay,” she said."), ["We waited.", "We stay"]);
    }
}
