#![no_main]
//! Fuzz target `serve_path`: see `tests/fuzz/targets.rs`.

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::serve_path(data));
