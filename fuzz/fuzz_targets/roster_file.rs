//! Any bytes as a roster file: rows, row errors or a refusal (too many rows,
//! an archive too large), never a panic.
#![no_main]
use std::collections::HashMap;

use diploma_photo::service::roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let units = HashMap::from([("CS".to_owned(), 1), ("MED".to_owned(), 2)]);
    if let Ok(Err(problems)) = roster::parse_file(data, &units) {
        assert!(!problems.listed().is_empty());
    }
});
