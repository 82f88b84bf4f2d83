//! Any bytes as a CHSI status list: rows, row errors or a refusal (too many
//! rows, an archive too large), never a panic.
#![no_main]
use std::collections::HashMap;

use diploma_photo::service::verification::{ListKind, parse_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let entries = HashMap::from([("30000000".to_owned(), 1), ("30000001".to_owned(), 2)]);
    for kind in [ListKind::ChsiStatus, ListKind::GraduatePlatform] {
        if let Ok(Err(problems)) = parse_list(kind, data, &entries) {
            assert!(!problems.listed().is_empty());
        }
    }
});
