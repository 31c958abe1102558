//! The pipeline: discover files, parse them, lower templates to the model, run the rules, and
//! gather findings and problems in a deterministic order.

pub mod baseline;
mod cdk;
pub mod config;
mod discover;
pub mod fix;
pub mod merge;
mod problem;
mod project;
mod read;
mod scan;
mod suppress;
mod terraform;

pub use baseline::display_path;
pub use config::ParameterMapping;
pub use discover::{discover, Discovered};
pub use problem::{Problem, ProblemKind};
pub use read::Overlay;
pub use scan::{scan, ScanOptions, ScanResult, MAX_FILE_SIZE};
pub use terraform::UnfollowedModule;
