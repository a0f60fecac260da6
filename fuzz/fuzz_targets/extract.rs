//! Fuzz target: the `extract` stage (see claimdiff_fuzz::extract).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdiff_fuzz::extract(data));
