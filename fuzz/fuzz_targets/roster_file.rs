//! Any bytes as a roster file: rows or row errors, never a panic.
#![no_main]
use std::collections::HashMap;

use diploma_photo::service::roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let units = HashMap::from([("CS".to_owned(), 1), ("MED".to_owned(), 2)]);
    if let Err(errors) = roster::parse_file(data, &units) {
        assert!(!errors.is_empty());
    }
});
