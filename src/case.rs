//! Case files (`cases/**/*.yaml`): sources inline or from files beside the
//! case, an optional reference, and the findings the case expects.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::load::{self, Document, LoadOptions};
use crate::model::FindingKind;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    pub name: String,
    #[serde(default)]
    pub about: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    /// `versions`: the sources are successive versions of one text, oldest first.
    #[serde(default)]
    pub mode: Mode,
    pub sources: Vec<CaseSource>,
    #[serde(default)]
    pub expect: Vec<Expectation>,
}

/// How a case's sources relate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Several reports of one event (`claimdiff check`).
    #[default]
    Check,
    /// Versions of one text, oldest first (`claimdiff versions`).
    Versions,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSource {
    pub id: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub kind: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub contains: Vec<String>,
}

/// A parsed case with its sources loaded.
#[derive(Debug, Clone)]
pub struct Case {
    pub path: PathBuf,
    pub file: CaseFile,
    pub docs: Vec<Document>,
    pub expect: Vec<(FindingKind, Expectation)>,
}

static LOCATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\s*(?:at\s+)?line\s+\d+,?\s+column\s+\d+\s*").expect("static regex")
});

/// Parse YAML, mapping errors to `file:line:column: message`.
pub fn parse_yaml<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<T> {
    serde_saphyr::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.to_string();
        let first = message.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid YAML").trim();
        let first = first.trim_start_matches("error: ");
        // The location is given once, in front; drop the library's copy.
        let message = LOCATION.replace(first, "").trim_start_matches([':', ' ', ',']).to_string();
        Error::Yaml { path: path.to_path_buf(), line, column, message }
    })
}

/// Read and validate a case file and load its sources. A `file:` must stay
/// inside the case's folder unless `allow_outside`.
pub fn load_case(path: &Path, opts: LoadOptions, allow_outside: bool) -> Result<Case> {
    let text = load::read_file(path, opts)?;
    let file: CaseFile = parse_yaml(path, &text)?;
    let bad = |message: String| Error::Case { path: path.to_path_buf(), message };
    if file.sources.is_empty() {
        return Err(bad("case has no sources".into()));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut docs = Vec::new();
    for s in &file.sources {
        let doc = match (&s.text, &s.file) {
            (Some(t), None) => {
                let shown = format!("{}#{}", path.display(), s.id);
                let text = load::decode(Path::new(&shown), t.clone().into_bytes())?;
                Document::new(&s.id, shown, text)
            }
            (None, Some(f)) => {
                if !allow_outside && escapes(f) {
                    return Err(bad(format!(
                        "source `{}`: file `{f}` is outside the case's folder (use --allow-outside to permit)",
                        s.id
                    )));
                }
                let p = dir.join(f);
                if !allow_outside && !inside(dir, &p) {
                    return Err(bad(format!(
                        "source `{}`: file `{f}` resolves outside the case's folder (use --allow-outside to permit)",
                        s.id
                    )));
                }
                load::load_document(s.id.clone(), &p, p.display().to_string(), opts)?
            }
            _ => return Err(bad(format!("source `{}` needs exactly one of `text` or `file`", s.id))),
        };
        docs.push(doc);
    }
    load::check_unique(&docs).map_err(|e| bad(e.to_string()))?;
    if let Some(r) = &file.reference {
        if !docs.iter().any(|d| &d.id == r) {
            return Err(bad(format!("reference `{r}` names no source")));
        }
    }
    let mut expect = Vec::new();
    for e in &file.expect {
        let kind =
            FindingKind::parse(&e.kind).ok_or_else(|| bad(format!("unknown finding kind `{}`", e.kind)))?;
        for s in &e.sources {
            if !docs.iter().any(|d| &d.id == s) {
                return Err(bad(format!("expectation names unknown source `{s}`")));
            }
        }
        expect.push((kind, e.clone()));
    }
    Ok(Case { path: path.to_path_buf(), file, docs, expect })
}

/// Whether `path`, with symbolic links resolved, stays inside `dir` (a path
/// that does not exist yet is left to the read to report).
fn inside(dir: &Path, path: &Path) -> bool {
    match (dir.canonicalize(), path.canonicalize()) {
        (Ok(d), Ok(p)) => p.starts_with(d),
        _ => true,
    }
}

/// Whether a relative path leaves its folder (absolute, or `..` past the top).
fn escapes(f: &str) -> bool {
    let p = Path::new(f);
    if p.is_absolute() {
        return true;
    }
    let mut depth: i32 = 0;
    for c in p.components() {
        match c {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            _ => return true,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

/// Case files under `paths` (files as given; directories searched
/// recursively for `*.yaml`), sorted.
pub fn find_cases(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, 0)?;
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Error::Read { path: p.clone(), reason: "no such file or directory".into() });
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    if depth > 32 {
        return Err(Error::Read {
            path: dir.to_path_buf(),
            reason: "directories nested too deep (a symlink loop?)".into(),
        });
    }
    let err = |e: std::io::Error| Error::Read { path: dir.to_path_buf(), reason: e.to_string() };
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let entry = entry.map_err(err)?;
        let p = entry.path();
        let ty = entry.file_type().map_err(err)?;
        if ty.is_dir() {
            walk(&p, out, depth + 1)?;
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") && !ty.is_symlink() {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_paths_are_detected() {
        assert!(escapes("../../etc/passwd"));
        assert!(escapes("/etc/passwd"));
        assert!(escapes("a/../../b"));
        assert!(!escapes("a/../b.txt"));
        assert!(!escapes("wire.txt"));
    }

    #[test]
    fn unknown_field_is_rejected_with_position() {
        let e = parse_yaml::<CaseFile>(Path::new("c.yaml"), "name: x\nsources: []\nbogus: 1\n").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("c.yaml:3:"), "{s}");
        assert!(s.contains("bogus"), "{s}");
    }
}
