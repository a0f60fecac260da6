//! The config file (`claimdiff.yaml` in the working directory, or
//! `--config FILE`): per-kind severity and on/off, figure tolerance,
//! alignment thresholds, extra speech verbs and hedge words, ignore rules,
//! the default reference and `fail-on`. Unknown keys and bad values are
//! errors naming file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use crate::align::AlignOptions;
use crate::error::{Error, Result};
use crate::model::{Finding, FindingKind, Severity};

/// The file looked for in the working directory when `--config` is not given.
pub const DEFAULT_FILE: &str = "claimdiff.yaml";

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// The source id used as the reference when `--reference` is not given.
    pub reference: Option<String>,
    /// The default of `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// Severity per finding kind, overriding the defaults.
    pub severity: BTreeMap<KindName, Severity>,
    /// Finding kinds switched on (`true`) or off (`false`); all are on by default.
    pub kinds: BTreeMap<KindName, bool>,
    pub figure_tolerance: Tolerance,
    pub alignment: Alignment,
    /// Extra verbs that introduce reported speech ("intoned", "quipped").
    pub speech_verbs: Vec<String>,
    /// Extra hedges meaning "approximately" ("give or take").
    pub hedge_words: Vec<String>,
    pub ignore: Vec<IgnoreRule>,
}

/// `fail-on` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    None,
    Info,
    Warning,
    Error,
}

/// A finding kind id as written in the config (validated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct KindName(pub FindingKind);

impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FindingKind::parse(&s).map(KindName).ok_or_else(|| {
            let ids: Vec<&str> = FindingKind::ALL.iter().map(|k| k.id()).collect();
            serde::de::Error::custom(format!(
                "unknown finding kind `{s}`, expected one of {}",
                ids.join(", ")
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match String::deserialize(d)?.as_str() {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(serde::de::Error::custom(format!(
                "unknown severity `{other}`, expected error, warning or info"
            ))),
        }
    }
}

/// When two figures' values count as the same: within `absolute` units or
/// within `relative` (a fraction of the larger), whichever is looser.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Tolerance {
    pub relative: f64,
    pub absolute: f64,
}

impl Tolerance {
    pub fn same(&self, a: f64, b: f64) -> bool {
        let diff = (a - b).abs();
        diff <= 1e-9 * a.abs().max(b.abs()).max(1.0)
            || diff <= self.absolute
            || diff <= self.relative * a.abs().max(b.abs())
    }
}

/// Alignment thresholds (see `AlignOptions`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Alignment {
    /// Share of the shorter quote's words the other must contain (0..1).
    pub quote_min_overlap: f64,
    /// Share of context two figures must share (0..1).
    pub figure_min_context: f64,
    /// Share of a denial's scope its counterpart must state (0..1).
    pub polarity_min_cover: f64,
}

impl Default for Alignment {
    fn default() -> Self {
        let d = AlignOptions::default();
        Alignment {
            quote_min_overlap: d.quote_min_overlap,
            figure_min_context: d.figure_min_context,
            polarity_min_cover: d.polarity_min_cover,
        }
    }
}

/// Findings to drop. Every field given must match: the kind, a source among
/// the finding's sources, a regular expression found in the message or a
/// claim's text, or the fingerprint.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct IgnoreRule {
    pub kind: Option<KindName>,
    pub source: Option<String>,
    pub pattern: Option<String>,
    pub fingerprint: Option<String>,
}

impl Config {
    /// Read `--config FILE`, or `claimdiff.yaml` in `dir` when present.
    pub fn load(explicit: Option<&Path>, dir: &Path) -> Result<(Config, Option<PathBuf>)> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = dir.join(DEFAULT_FILE);
                if !p.is_file() {
                    return Ok((Config::default(), None));
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Read { path: path.clone(), reason: e.to_string() })?;
        let config = Config::parse(&path, &text)?;
        Ok((config, Some(path)))
    }

    /// Parse and validate a config's text.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config: Config = crate::case::parse_yaml(path, text)?;
        config.validate(path)?;
        Ok(config)
    }

    fn validate(&self, path: &Path) -> Result<()> {
        let bad = |message: String| Error::Case { path: path.to_path_buf(), message };
        let t = &self.figure_tolerance;
        let valid = (0.0..1.0).contains(&t.relative) && (0.0..=f64::MAX).contains(&t.absolute);
        if !valid {
            return Err(bad("figure-tolerance: relative must be in [0, 1) and absolute at least 0".into()));
        }
        let a = &self.alignment;
        for (name, v) in [
            ("quote-min-overlap", a.quote_min_overlap),
            ("figure-min-context", a.figure_min_context),
            ("polarity-min-cover", a.polarity_min_cover),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(bad(format!("alignment.{name} must be between 0 and 1, not {v}")));
            }
        }
        for (i, r) in self.ignore.iter().enumerate() {
            if let Some(p) = &r.pattern {
                Regex::new(p).map_err(|e| {
                    bad(format!(
                        "ignore[{i}].pattern: {}",
                        e.to_string().lines().last().unwrap_or("invalid regex")
                    ))
                })?;
            }
            if r.kind.is_none() && r.source.is_none() && r.pattern.is_none() && r.fingerprint.is_none() {
                return Err(bad(format!(
                    "ignore[{i}] matches every finding: give kind, source, pattern or fingerprint"
                )));
            }
        }
        Ok(())
    }

    pub fn align_options(&self) -> AlignOptions {
        AlignOptions {
            quote_min_overlap: self.alignment.quote_min_overlap,
            figure_min_context: self.alignment.figure_min_context,
            polarity_min_cover: self.alignment.polarity_min_cover,
        }
    }

    /// Apply kind switches, ignore rules and severity overrides.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let patterns: Vec<Option<Regex>> =
            self.ignore.iter().map(|r| r.pattern.as_deref().and_then(|p| Regex::new(p).ok())).collect();
        findings
            .into_iter()
            .filter(|f| self.kinds.get(&KindName(f.kind)).copied().unwrap_or(true))
            .filter(|f| !self.ignore.iter().zip(&patterns).any(|(r, re)| r.matches(f, re.as_ref())))
            .map(|mut f| {
                if let Some(s) = self.severity.get(&KindName(f.kind)) {
                    f.severity = *s;
                }
                f
            })
            .collect()
    }
}

impl IgnoreRule {
    fn matches(&self, f: &Finding, pattern: Option<&Regex>) -> bool {
        self.kind.is_none_or(|k| k.0 == f.kind)
            && self.source.as_ref().is_none_or(|s| f.sources.contains(s))
            && self.fingerprint.as_ref().is_none_or(|p| *p == f.fingerprint)
            && pattern
                .is_none_or(|re| re.is_match(&f.message) || f.claims.iter().any(|c| re.is_match(&c.text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Config> {
        Config::parse(Path::new("claimdiff.yaml"), s)
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            "reference: wire\nfail-on: error\nseverity:\n  name-spelling: warning\nkinds:\n  date: false\nfigure-tolerance:\n  relative: 0.01\n  absolute: 10\nalignment:\n  quote-min-overlap: 0.7\nspeech-verbs: [intoned]\nhedge-words: [give or take]\nignore:\n  - kind: omission\n    source: online\n  - pattern: 'Ouaga'\n",
        )
        .unwrap();
        assert_eq!(c.reference.as_deref(), Some("wire"));
        assert_eq!(c.severity.get(&KindName(FindingKind::NameSpelling)), Some(&Severity::Warning));
        assert_eq!(c.kinds.get(&KindName(FindingKind::Date)), Some(&false));
        assert!(c.figure_tolerance.same(1000.0, 1010.0));
        assert!(!c.figure_tolerance.same(1000.0, 1200.0));
        assert_eq!(c.ignore.len(), 2);
    }

    #[test]
    fn unknown_top_level_key_is_rejected_with_position() {
        let e = parse("reference: wire\nbogus: 1\n").unwrap_err().to_string();
        assert!(e.starts_with("claimdiff.yaml:2:1:") && e.contains("bogus"), "{e}");
    }

    #[test]
    fn unknown_nested_key_is_rejected() {
        let e = parse("figure-tolerance:\n  percent: 5\n").unwrap_err().to_string();
        assert!(e.starts_with("claimdiff.yaml:2:") && e.contains("percent"), "{e}");
    }

    #[test]
    fn unknown_kind_is_rejected() {
        let e = parse("severity:\n  figure-values: error\n").unwrap_err().to_string();
        assert!(e.contains("figure-values"), "{e}");
    }

    #[test]
    fn bad_severity_is_rejected() {
        let e = parse("severity:\n  date: fatal\n").unwrap_err().to_string();
        assert!(e.contains("fatal"), "{e}");
    }

    #[test]
    fn out_of_range_threshold_is_rejected() {
        assert!(parse("alignment:\n  quote-min-overlap: 1.5\n").is_err());
        assert!(parse("figure-tolerance:\n  relative: -1\n").is_err());
    }

    #[test]
    fn bad_regex_is_rejected() {
        assert!(parse("ignore:\n  - pattern: '('\n").is_err());
    }

    #[test]
    fn empty_ignore_rule_is_rejected() {
        assert!(parse("ignore:\n  - {}\n").is_err());
    }
}
