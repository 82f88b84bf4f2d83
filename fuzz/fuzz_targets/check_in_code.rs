//! Any text as a check-in code: only a code signed with the key verifies.
#![no_main]
use diploma_photo::domain::checkin::{CheckInClaims, sign, verify};
use libfuzzer_sys::fuzz_target;

const KEY: &[u8] = b"fuzz key";

fuzz_target!(|data: &str| {
    if let Ok(claims) = verify(data, KEY, 0) {
        // Whatever verified is exactly what the key signed.
        assert_eq!(sign(claims, KEY), data.trim());
        let _: CheckInClaims = claims;
    }
});
