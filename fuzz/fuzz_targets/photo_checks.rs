//! Any bytes as an uploaded photo: refused as unreadable, too large or with
//! metadata too large, or checked and normalised, never a panic or an
//! unbounded allocation.
#![no_main]
use std::io::Cursor;

use diploma_photo::service::photo_check::{analyse, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((image, format)) = decode(Cursor::new(data)) {
        // Analysing includes cutting and re-checking the normalised photo.
        let _ = analyse(image, format);
    }
});
