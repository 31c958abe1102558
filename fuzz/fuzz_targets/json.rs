//! JSON front end: any text is parsed (or refused with an error) and, when it is a template, a
//! Serverless service or an Amplify `cli-inputs.json`, lowered to the model and checked by
//! every rule (see `check_document` in common.rs).
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let parsed = coglint_syntax::parse_json(
            coglint_source::FileId(0),
            text,
            coglint_syntax::Limits::default(),
        );
        if let Ok(doc) = parsed {
            coglint_fuzz_common::check_document(&Arc::new(doc));
        }
    }
});

#[path = "../common.rs"]
mod coglint_fuzz_common;
