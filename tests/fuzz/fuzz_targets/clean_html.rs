#![no_main]
//! Fuzz target `clean_html`: see `tests/fuzz/targets.rs`.

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::clean_html(data));
