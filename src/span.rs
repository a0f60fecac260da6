//! Byte spans into a source's original text, and the line/column index that
//! turns a byte offset into the 1-based line and character column users see.

use serde::Serialize;

/// A half-open byte range `[start, end)` into one source's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps byte offsets to 1-based (line, column), column counted in characters.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// In lines longer than [`CHECKPOINT_BYTES`], every so many bytes: a
    /// byte offset and the characters from its line's start to it, so that
    /// a column is counted from near its offset (a 10 MB line with a claim
    /// every few words stays linear).
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two column checkpoints of a long line.
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::new();
        for (k, &start) in line_starts.iter().enumerate() {
            let end = line_starts.get(k + 1).map_or(text.len(), |&e| e - 1);
            if end.saturating_sub(start) <= CHECKPOINT_BYTES {
                continue;
            }
            let mut next = start + CHECKPOINT_BYTES;
            for (chars, (i, _)) in text[start..end].char_indices().enumerate() {
                if start + i >= next {
                    checkpoints.push((start + i, chars));
                    next = start + i + CHECKPOINT_BYTES;
                }
            }
        }
        LineIndex { line_starts, checkpoints }
    }

    /// 1-based line and character column of byte `offset` in `text`.
    ///
    /// ```
    /// use claimdiff::span::LineIndex;
    /// let text = "ab\ncé d";
    /// let idx = LineIndex::new(text);
    /// assert_eq!(idx.line_col(text, 6), (2, 3));
    /// ```
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let offset = offset.min(text.len());
        let k = self.checkpoints.partition_point(|c| c.0 <= offset);
        let (from, before) =
            k.checked_sub(1).map(|k| self.checkpoints[k]).filter(|c| c.0 >= start).unwrap_or((start, 0));
        let column = before + text.get(from..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_a_long_line_count_every_character() {
        let text = format!("é{}\nb", "aé ".repeat(5000));
        let idx = LineIndex::new(&text);
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)).step_by(97) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let want = text[line_start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset).1, want, "{offset}");
        }
    }

    #[test]
    fn line_col_at_line_starts_and_ends() {
        let text = "one\ntwo\n\nfour";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (1, 4));
        assert_eq!(idx.line_col(text, 4), (2, 1));
        assert_eq!(idx.line_col(text, 9), (4, 1));
    }
}
