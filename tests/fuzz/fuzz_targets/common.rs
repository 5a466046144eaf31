//! The oracle shared by the loader fuzz targets: any bytes either load (and then write back to
//! text that reads again to the same text) or give an error with a message; never a panic, a
//! hang or an unbounded allocation.

use myomap::storage::{Versioned, decode, decode_bytes, encode};

pub fn load_or_fail_cleanly<T: Versioned>(data: &[u8]) {
    match decode_bytes::<T>(data) {
        Ok(value) => {
            let text = encode(&value).expect("whatever loads can be written");
            let again: T = decode(&text).expect("what was written reads back");
            assert_eq!(encode(&again).expect("writes"), text);
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}
