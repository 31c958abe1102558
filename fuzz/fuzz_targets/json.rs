//! JSON front end: any text is parsed (or refused with an error) and, when it is a
//! template, lowered to the model and checked by every rule.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = coglint_syntax::parse_json(
            coglint_source::FileId(0),
            text,
            coglint_syntax::Limits::default(),
        ) {
            coglint_fuzz_common::check_template(&doc.root);
        }
    }
});

#[path = "../common.rs"]
mod coglint_fuzz_common;
