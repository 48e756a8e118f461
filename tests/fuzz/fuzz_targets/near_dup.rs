#![no_main]
//! Fuzz target `near_dup`: see `tests/fuzz/targets.rs`.

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::near_dup(data));
