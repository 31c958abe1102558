//! The whole pipeline, bytes in, report out: the first byte picks a project layout (a
//! CloudFormation template, Terraform files, a Serverless service with its includes, an Amplify
//! Gen 1 backend, SAM with samconfig.toml, a CDK cloud assembly, a coglint.toml with what it
//! configures), the rest is split on NUL bytes into its files (fuzz/layout.rs). The project is
//! written to disk and scanned like a user's, and the result rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    coglint_fuzz_common::scan_bytes(data);
});

#[path = "../common.rs"]
mod coglint_fuzz_common;
