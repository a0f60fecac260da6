//! Report: render the [`Report`] model in each output format. Reporters see
//! only the model, never extraction.

pub mod json;
pub mod terminal;

use crate::model::Report;

/// Output formats of `check` (more land with the CI reporting work).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Terminal,
    Json,
}

/// Render `report` as `format`; `color` applies to the terminal format.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Terminal => terminal::render(report, color),
        Format::Json => json::render(report),
    }
}
