//! The library's error type: every variant renders as one line naming the
//! file (and line/column where there is one), for exit status 2.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: cannot read: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: not valid UTF-16 ({what} at byte offset {offset})")]
    NotUtf16 { path: PathBuf, offset: usize, what: &'static str },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: is empty")]
    Empty { path: PathBuf },
    #[error("{path}: contains only whitespace")]
    Blank { path: PathBuf },
    #[error("{path}: larger than the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{path}: directory has no .txt, .md or .html files")]
    NoTextFiles { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    Yaml { path: PathBuf, line: u64, column: u64, message: String },
    #[error("{path}: {message}")]
    Case { path: PathBuf, message: String },
    #[error("{second}: source id `{id}` is already used by {first} (name sources with ID=PATH)")]
    DuplicateId { id: String, first: String, second: String },
    #[error("{path}: only one source given; claimdiff compares two or more reports")]
    SingleSource { path: String },
    #[error("--reference `{0}` names no source (sources: {1})")]
    UnknownReference(String, String),
    #[error("{0}")]
    Usage(String),
    #[error("{path}: cannot write: {reason}")]
    Write { path: PathBuf, reason: String },
}

pub type Result<T> = std::result::Result<T, Error>;
