//! Fuzz target: the patient loader (see common.rs for the oracle).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::load_or_fail_cleanly::<myomap::model::Patient>(data);
});
