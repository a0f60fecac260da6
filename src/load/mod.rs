//! Load: turn command-line sources (files, directories, `-`, `ID=PATH`) into
//! [`Document`]s, validating their bytes (UTF-8, not binary, not empty).

#[cfg(feature = "html")]
pub mod flatten;
pub mod git;
#[cfg(feature = "html")]
pub mod html;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::span::LineIndex;

/// Default largest source accepted, in bytes (`--max-bytes` raises it).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What a source is in a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reference,
    Report,
}

/// One source text, as read.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The path as the user gave it (or `-` for standard input).
    pub path: String,
    pub text: String,
    pub role: Role,
    pub lines: LineIndex,
    /// The publication date from metadata (HTML), when known.
    pub published: Option<crate::value::DateValue>,
    /// For a source reduced from HTML: the page as read, and a map from
    /// paragraph starts in `text` to offsets in it.
    pub origin: Option<Origin>,
}

/// The file a derived text came from (an HTML page), for locating claims.
#[derive(Debug, Clone)]
pub struct Origin {
    pub raw: String,
    pub lines: LineIndex,
    pub map: Vec<(usize, usize)>,
}

impl Document {
    pub fn new(id: impl Into<String>, path: impl Into<String>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        Document {
            id: id.into(),
            path: path.into(),
            text,
            role: Role::Report,
            lines,
            published: None,
            origin: None,
        }
    }

    /// 1-based line and character column, in the file as read, of a byte
    /// offset into `text`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        match &self.origin {
            Some(o) => o.lines.line_col(&o.raw, self.source_offset(offset)),
            None => self.lines.line_col(&self.text, offset),
        }
    }

    /// The byte offset in the file as read of a byte offset into `text`
    /// (the same unless the text was derived from HTML, where it is the
    /// paragraph's start in the page plus the distance into the paragraph).
    pub fn source_offset(&self, offset: usize) -> usize {
        let Some(o) = &self.origin else { return offset };
        let i = o.map.partition_point(|&(t, _)| t <= offset);
        let Some(&(t, h)) = i.checked_sub(1).and_then(|i| o.map.get(i)) else { return 0 };
        let mut at = (h + (offset - t)).min(o.raw.len());
        while !o.raw.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// A source as written on the command line: `PATH`, `ID=PATH` or `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceArg {
    pub id: Option<String>,
    pub path: String,
}

impl SourceArg {
    /// ```
    /// use claimdiff::load::SourceArg;
    /// assert_eq!(SourceArg::parse("wire=a/b.txt").id.as_deref(), Some("wire"));
    /// assert_eq!(SourceArg::parse("a/x=y.txt").id, None);
    /// ```
    pub fn parse(s: &str) -> Self {
        if let Some((id, path)) = s.split_once('=') {
            let simple =
                !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if simple && !path.is_empty() {
                return SourceArg { id: Some(id.to_string()), path: path.to_string() };
            }
        }
        SourceArg { id: None, path: s.to_string() }
    }
}

/// Options for reading sources.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// An entry of a directory source that looked like a text file but could
/// not be read as one (a broken symbolic link, a named pipe): left out, and
/// said so (the command line prints it as a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: skipped: {}", self.path.display(), self.reason)
    }
}

/// Read every source; a directory expands to its `.txt`/`.md` files sorted
/// by name. Ids must be unique. Directory entries left out are not reported
/// (see [`load_sources_noting`]).
pub fn load_sources(args: &[SourceArg], opts: LoadOptions) -> Result<Vec<Document>> {
    load_sources_noting(args, opts, &mut Vec::new())
}

/// [`load_sources`], adding to `skipped` each entry of a directory source
/// with a text file's name that is not a readable regular file.
pub fn load_sources_noting(
    args: &[SourceArg],
    opts: LoadOptions,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for arg in args {
        if arg.path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(opts.max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Read { path: "-".into(), reason: e.to_string() })?;
            check_size(Path::new("-"), bytes.len() as u64, opts)?;
            let text = decode(Path::new("-"), bytes)?;
            docs.push(Document::new(arg.id.clone().unwrap_or_else(|| "stdin".into()), "-", text));
            continue;
        }
        let path = PathBuf::from(&arg.path);
        if path.is_dir() && arg.id.is_some() {
            return Err(Error::Read {
                path,
                reason:
                    "is a directory: ID=PATH names a single file (a directory's files take their own names)"
                        .into(),
            });
        }
        if path.is_dir() {
            let files = text_files(&path, skipped)?;
            for file in files {
                let id = stem(&file);
                docs.push(load_document(id, &file, file.display().to_string(), opts)?);
            }
        } else {
            let id = arg.id.clone().unwrap_or_else(|| stem(&path));
            docs.push(load_document(id, &path, arg.path.clone(), opts)?);
        }
    }
    check_unique(&docs)?;
    Ok(docs)
}

/// Fail on the first id used twice.
pub fn check_unique(docs: &[Document]) -> Result<()> {
    let mut seen = std::collections::BTreeMap::new();
    for d in docs {
        if let Some(first) = seen.insert(d.id.as_str(), d.path.as_str()) {
            return Err(Error::DuplicateId {
                id: d.id.clone(),
                first: first.to_string(),
                second: d.path.clone(),
            });
        }
    }
    Ok(())
}

/// Read one file as a document; an `.html` page is reduced to its article.
pub fn load_document(id: String, path: &Path, shown: String, opts: LoadOptions) -> Result<Document> {
    let text = read_file(path, opts)?;
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if is_html {
        return from_html(id, path, shown, text);
    }
    Ok(Document::new(id, shown, text))
}

#[cfg(feature = "html")]
fn from_html(id: String, path: &Path, shown: String, raw: String) -> Result<Document> {
    let a = html::article(path, &raw)?;
    let mut d = Document::new(id, shown, a.text);
    d.published = a.published;
    d.origin = Some(Origin { lines: LineIndex::new(&raw), raw, map: a.map });
    Ok(d)
}

#[cfg(not(feature = "html"))]
fn from_html(_: String, path: &Path, _: String, _: String) -> Result<Document> {
    Err(Error::Read { path: path.to_path_buf(), reason: "HTML sources need the `html` feature".into() })
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn text_files(dir: &Path, skipped: &mut Vec<Skipped>) -> Result<Vec<PathBuf>> {
    let read_err = |e: std::io::Error| Error::Read { path: dir.to_path_buf(), reason: e.to_string() };
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "md" | "markdown" | "html" | "htm") {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push(path),
            // A directory named like a text file is not one: nothing to say.
            Ok(m) if m.is_dir() => {}
            Ok(_) => left_out.push(Skipped { path, reason: "not a regular file".into() }),
            Err(e) => {
                let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                let reason = if link && e.kind() == std::io::ErrorKind::NotFound {
                    "broken symbolic link (its target does not exist)".to_string()
                } else if link {
                    format!("symbolic link that cannot be followed ({})", io_reason(&e))
                } else {
                    io_reason(&e)
                };
                left_out.push(Skipped { path, reason });
            }
        }
    }
    files.sort();
    left_out.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.extend(left_out);
    if files.is_empty() {
        return Err(Error::NoTextFiles { path: dir.to_path_buf() });
    }
    Ok(files)
}

/// Read one file (read-only) and validate it as text.
pub fn read_file(path: &Path, opts: LoadOptions) -> Result<String> {
    let read_err = |e: std::io::Error| Error::Read { path: path.to_path_buf(), reason: io_reason(&e) };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    check_size(path, meta.len(), opts)?;
    // A pipe or special file reports no size: read at most one byte past
    // the limit, so the limit holds whatever the metadata says.
    // A regular file is read into a buffer of its size (growing by
    // doubling would hold up to twice the input for the whole run).
    let hint = usize::try_from(meta.len().min(opts.max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint.saturating_add(1));
    std::fs::File::open(path)
        .and_then(|f| f.take(opts.max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(read_err)?;
    check_size(path, bytes.len() as u64, opts)?;
    bytes.shrink_to_fit();
    decode(path, bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn check_size(path: &Path, len: u64, opts: LoadOptions) -> Result<()> {
    if len > opts.max_bytes {
        return Err(Error::TooLarge { path: path.to_path_buf(), limit: opts.max_bytes });
    }
    Ok(())
}

/// Validate bytes as a text source: UTF-16 with a byte-order mark is
/// decoded; otherwise the bytes must be UTF-8 without NUL bytes, and not blank.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let text = match bytes.get(..2) {
        Some([0xff, 0xfe]) | Some([0xfe, 0xff]) => decode_utf16(path, &bytes)?,
        _ => {
            // `contains` on bytes is a vectorised search; the offset is only
            // needed for the error.
            if bytes.contains(&0) {
                let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
                return Err(Error::Binary { path: path.to_path_buf(), offset });
            }
            String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            })?
        }
    };
    if text.is_empty() {
        return Err(Error::Empty { path: path.to_path_buf() });
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(Error::Blank { path: path.to_path_buf() });
    }
    Ok(text)
}

/// UTF-16 after a byte-order mark (`bytes[..2]`). A trailing odd byte (a
/// truncated file) and a surrogate without its pair are refused with the
/// byte offset where they stand, never padded or replaced.
fn decode_utf16(path: &Path, bytes: &[u8]) -> Result<String> {
    let little = bytes[0] == 0xff;
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Err(Error::NotUtf16 {
            path: path.to_path_buf(),
            offset: bytes.len() - 1,
            what: "truncated: an odd number of bytes, the last unit is cut",
        });
    }
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut unit = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16();
            }
            Err(_) => {
                return Err(Error::NotUtf16 {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * unit,
                    what: "a surrogate without its pair",
                })
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_invalid_utf8_with_offset() {
        let e = decode(Path::new("x.txt"), b"ab\xffcd".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "x.txt: not valid UTF-8 (invalid byte at offset 2)");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let bytes = vec![0xff, 0xfe, b'h', 0, b'i', 0];
        assert_eq!(decode(Path::new("x"), bytes).unwrap(), "hi");
    }

    #[test]
    fn rejects_truncated_utf16_with_the_offset_of_the_cut_byte() {
        let bytes = vec![0xff, 0xfe, b'h', 0, b'i'];
        let e = decode(Path::new("x.txt"), bytes).unwrap_err();
        assert!(e.to_string().starts_with("x.txt: not valid UTF-16 (truncated"), "{e}");
        assert!(e.to_string().ends_with("at byte offset 4)"), "{e}");
    }

    #[test]
    fn rejects_unpaired_surrogates_with_their_offset() {
        // A high surrogate followed by a letter (LE), a low one alone (BE).
        let high = vec![0xff, 0xfe, b'h', 0, 0x3d, 0xd8, b'i', 0];
        let e = decode(Path::new("x"), high).unwrap_err();
        assert!(e.to_string().ends_with("a surrogate without its pair at byte offset 4)"), "{e}");
        let low = vec![0xfe, 0xff, 0, b'h', 0, b'i', 0xdc, 0x00];
        let e = decode(Path::new("x"), low).unwrap_err();
        assert!(e.to_string().ends_with("at byte offset 6)"), "{e}");
        let paired = vec![0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde];
        assert_eq!(decode(Path::new("x"), paired).unwrap(), "\u{1f600}");
    }

    #[test]
    fn rejects_blank() {
        assert!(matches!(decode(Path::new("x"), b"  \n".to_vec()), Err(Error::Blank { .. })));
    }
}
