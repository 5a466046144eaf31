//! Fuzz target: the recovery loader (see common.rs for the oracle).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::load_or_fail_cleanly::<myomap::storage::RecoveryRecord>(data);
});
