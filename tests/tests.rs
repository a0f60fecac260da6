//! The one integration-test binary (house style 9: linking is the slow part).
//!
//! The modules live in `tests/suite/`, not directly in `tests/`: Cargo builds
//! every `tests/*.rs` as a test binary of its own unless `autotests = false`
//! is set in Cargo.toml, so flat files would be compiled twice.

#[path = "suite/audit.rs"]
mod audit;
#[path = "suite/bad_input.rs"]
mod bad_input;
#[path = "suite/bad_input_more.rs"]
mod bad_input_more;
#[path = "suite/batch.rs"]
mod batch;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/common.rs"]
mod common;
#[path = "suite/config_baseline.rs"]
mod config_baseline;
#[path = "suite/corpus.rs"]
mod corpus;
#[path = "suite/formats.rs"]
mod formats;
#[path = "suite/hard_inputs.rs"]
mod hard_inputs;
#[path = "suite/html.rs"]
mod html;
#[path = "suite/html_report.rs"]
mod html_report;
#[path = "suite/injection.rs"]
mod injection;
#[path = "suite/json_contract.rs"]
mod json_contract;
#[path = "suite/output_file.rs"]
mod output_file;
#[path = "suite/props.rs"]
mod props;
#[path = "suite/threads.rs"]
mod threads;
#[path = "suite/versions.rs"]
mod versions;
