//! The contract's JSON report (`claimdiff/report/v1`), pretty-printed.
//!
//! Strings are escaped as JSON requires and further: DEL and the C1 control
//! characters (U+007F to U+009F, which JSON allows raw) are written as
//! `\u` escapes, so a source's text cannot drive a terminal that shows the
//! report (U+009B is a control sequence introducer to some). A parser reads
//! the same strings back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::model::Report;

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`render`], written to `w` as it is made (a large report is not held
/// in memory twice).
pub fn write(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    write_pretty(report, w)
}

/// Any serialisable value as pretty JSON and a final newline, to `w`.
/// The serialiser writes through a buffer of a known type: its many small
/// writes then inline, where each would otherwise be a call through `dyn`.
pub fn write_pretty<T: Serialize>(value: &T, w: &mut dyn Write) -> io::Result<()> {
    let mut buf = io::BufWriter::with_capacity(1 << 16, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Escaping::default());
    value.serialize(&mut ser).map_err(io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// serde_json's pretty printer (two-space indent, `": "` after a key), with
/// DEL and C1 controls escaped too. A line break and its indent go out as
/// one write (serde_json's writes the indent a level at a time).
#[derive(Default)]
struct Escaping {
    depth: usize,
    has_value: bool,
}

/// A line break and the indent of up to [`MAX_INDENT`] levels.
const BREAK: &[u8; 1 + 2 * MAX_INDENT] = &{
    let mut b = [b' '; 1 + 2 * MAX_INDENT];
    b[0] = b'\n';
    b
};
const MAX_INDENT: usize = 16;

impl Escaping {
    fn new_line<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        let shallow = self.depth.min(MAX_INDENT);
        w.write_all(&BREAK[..1 + 2 * shallow])?;
        for _ in shallow..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

/// Any serialisable value as one line of JSON (no line break inside) and a
/// final newline, escaped as [`write_pretty`] escapes: a JSON Lines record.
pub fn write_line<T: Serialize>(value: &T, w: &mut dyn Write) -> io::Result<()> {
    let mut buf = io::BufWriter::with_capacity(1 << 16, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, CompactEscaping);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// serde_json's compact layout, with DEL and C1 controls escaped.
struct CompactEscaping;

impl Formatter for CompactEscaping {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        write_escaped(w, fragment)
    }
}

/// A string fragment with DEL and the C1 controls as `\u` escapes.
fn write_escaped<W: ?Sized + Write>(w: &mut W, fragment: &str) -> io::Result<()> {
    // DEL is byte 0x7F; a C1 control is 0xC2 then 0x80..=0x9F. Keys
    // and short values are looked over directly, longer ones with memchr.
    let bytes = fragment.as_bytes();
    if bytes.len() < 32 && !bytes.iter().any(|&b| b == 0x7f || b == 0xc2) {
        return w.write_all(bytes);
    }
    let mut from = 0;
    for i in memchr::memchr2_iter(0x7f, 0xc2, bytes) {
        let c = match bytes[i] {
            0x7f => 0x7f,
            _ => match bytes.get(i + 1) {
                Some(&b @ 0x80..=0x9f) => u32::from(b),
                _ => continue,
            },
        };
        w.write_all(&bytes[from..i])?;
        write!(w, "\\u{c:04x}")?;
        from = i + if c == 0x7f { 1 } else { 2 };
    }
    w.write_all(&bytes[from..])
}

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        write_escaped(w, fragment)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Laid out exactly as serde_json's pretty printer lays it out: empty
    /// and nested containers, nesting deeper than the indent table.
    #[test]
    fn layout_is_serde_json_pretty() {
        let mut deep = serde_json::json!({"leaf": [1, "two", null, {}, []]});
        for level in 0..20 {
            deep = serde_json::json!({ "level": level, "inner": [deep, [], {"k": "v"}], "empty": {} });
        }
        for value in [
            deep,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("s"),
            serde_json::json!([[]]),
        ] {
            let mut out = Vec::new();
            write_pretty(&value, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&value).unwrap() + "\n");
        }
    }

    /// DEL and C1 controls leave as escapes and read back as themselves;
    /// other text (a control below U+0020, a non-ASCII letter) as before.
    #[test]
    fn del_and_c1_controls_are_escaped() {
        let value = serde_json::json!({ "text": "a\u{7f}b\u{9b}31m\u{85}c é\n" });
        let mut out = Vec::new();
        write_pretty(&value, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains(r"a\u007fb\u009b31m\u0085c é\n"), "{s}");
        assert!(!s.contains(['\u{7f}', '\u{9b}', '\u{85}']));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, value);
        assert_eq!(s, "{\n  \"text\": \"a\\u007fb\\u009b31m\\u0085c é\\n\"\n}\n");
        // Short fragments (keys, most values) take a shorter path: both ways
        // escape alike.
        for text in [
            "\u{7f}",
            "x\u{9b}",
            &"long text ".repeat(8),
            &format!("{}\u{9b}{}", "a".repeat(40), "é".repeat(20)),
        ] {
            let mut out = Vec::new();
            write_pretty(&text, &mut out).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(!s.contains(['\u{7f}', '\u{9b}']), "{s}");
            assert_eq!(serde_json::from_str::<String>(&s).unwrap(), text);
        }
    }

    /// A JSON Lines record: one line, escaped alike, read back as written.
    #[test]
    fn write_line_is_one_escaped_line() {
        let value = serde_json::json!({ "id": "g\n1", "nested": { "text": "a\u{9b}b", "list": [1, 2] } });
        let mut out = Vec::new();
        write_line(&value, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "{\"id\":\"g\\n1\",\"nested\":{\"list\":[1,2],\"text\":\"a\\u009bb\"}}\n");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), value);
    }
}
