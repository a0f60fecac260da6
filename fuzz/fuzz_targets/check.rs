//! Fuzz target: the `check` stage (see claimdiff_fuzz::check).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdiff_fuzz::check(data));
