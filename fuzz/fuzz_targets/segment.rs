//! Fuzz target: the `segment` stage (see claimdiff_fuzz::segment).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimdiff_fuzz::segment(data));
