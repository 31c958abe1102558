//! The whole pipeline, bytes in, report out: the first byte picks the file's name (a
//! CloudFormation template in YAML or JSON, a Terraform file, a variables file, a parameters
//! file), the rest is its content. The file is scanned from disk like a user's, and the result
//! rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coglint_fuzz_common::scan_bytes(data);
});

#[path = "../common.rs"]
mod coglint_fuzz_common;
