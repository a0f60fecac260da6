//! Versions of one file from git history, oldest first, each labelled by its
//! short commit hash and date, so a newsroom that keeps articles in git needs
//! no export step.

use std::path::Path;
use std::process::Command;

use super::{decode, Document, LoadOptions};
use crate::error::{Error, Result};

fn git(dir: &Path, args: &[&str], path: &Path) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::Read { path: path.to_path_buf(), reason: format!("cannot run git: {e}") })?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let first = msg.lines().next().unwrap_or("git failed").trim().to_string();
        return Err(Error::Read { path: path.to_path_buf(), reason: first });
    }
    Ok(out.stdout)
}

/// Every committed version of `file` (in `range`, e.g. `v1..HEAD`), oldest first.
pub fn versions(file: &Path, range: Option<&str>, opts: LoadOptions) -> Result<Vec<Document>> {
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .ok_or_else(|| Error::Read { path: file.to_path_buf(), reason: "not a file name".into() })?
        .to_string_lossy()
        .into_owned();
    let mut args = vec!["log", "--format=%H %h %cs", "--reverse", "--follow"];
    if let Some(r) = range {
        args.insert(1, r);
    }
    args.extend(["--", name.as_str()]);
    let log = String::from_utf8_lossy(&git(dir, &args, file)?).into_owned();
    let mut docs = Vec::new();
    for line in log.lines() {
        let mut parts = line.split(' ');
        let (Some(hash), Some(short), Some(date)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let spec = format!("{hash}:./{name}");
        let bytes = git(dir, &["show", &spec], file)?;
        if bytes.len() as u64 > opts.max_bytes {
            return Err(Error::TooLarge { path: file.to_path_buf(), limit: opts.max_bytes });
        }
        let label = format!("{}@{short} ({date})", file.display());
        let text = decode(Path::new(&label), bytes)?;
        docs.push(Document::new(short, label, text));
    }
    if docs.is_empty() {
        return Err(Error::Read {
            path: file.to_path_buf(),
            reason: "no committed versions in git history".into(),
        });
    }
    Ok(docs)
}
