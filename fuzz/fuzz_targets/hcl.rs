//! HCL parser: any text is parsed into a body or refused with an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = coglint_syntax::parse_hcl(text, coglint_syntax::Limits::default());
    }
});
