//! Any bytes as a CHSI status list: rows or row errors, never a panic.
#![no_main]
use std::collections::HashMap;

use diploma_photo::service::verification::{ListKind, parse_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let entries = HashMap::from([("30000000".to_owned(), 1), ("30000001".to_owned(), 2)]);
    for kind in [ListKind::ChsiStatus, ListKind::GraduatePlatform] {
        if let Err(errors) = parse_list(kind, data, &entries) {
            assert!(!errors.is_empty());
        }
    }
});
