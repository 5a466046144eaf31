//! Fuzz target: any bytes given to the recovery loader either load (and then write back to text that
//! reads again identically) or give an error; never a panic, hang or unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use myomap::storage::RecoveryRecord as Target;
use myomap::storage::{decode, decode_bytes, encode};

fuzz_target!(|data: &[u8]| match decode_bytes::<Target>(data) {
    Ok(value) => {
        let text = encode(&value).expect("whatever loads can be written");
        let again: Target = decode(&text).expect("what was written reads back");
        assert_eq!(encode(&again).expect("writes"), text);
    }
    Err(error) => assert!(!error.to_string().is_empty()),
});
