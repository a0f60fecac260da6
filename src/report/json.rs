//! The contract's JSON report (`claimdiff/report/v1`), pretty-printed.

use crate::model::Report;

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// [`render`], written to `w` as it is made (a large report is not held
/// in memory twice).
pub fn write(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_pretty(report, w)
}

/// Any serialisable value as pretty JSON and a final newline, to `w`.
/// The serialiser writes through a buffer of a known type: its many small
/// writes then inline, where each would otherwise be a call through `dyn`.
pub fn write_pretty<T: serde::Serialize>(value: &T, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut buf, value).map_err(std::io::Error::from)?;
    buf.write_all(b"\n")?;
    buf.flush()
}
