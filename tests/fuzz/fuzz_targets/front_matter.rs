#![no_main]
//! Fuzz target `front_matter`: see `tests/fuzz/targets.rs`.

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::front_matter(data));
