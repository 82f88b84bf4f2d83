//! The check-in code a student shows as a QR code on the session day: a
//! short payload binding booking, student and session, signed with
//! HMAC-SHA256 under a server secret, valid until the end of the session day.
use hmac::{Hmac, Mac};
use sha2::Sha256;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInClaims {
    pub booking_id: i64,
    pub student_id: i64,
    pub session_id: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// Not a check-in code, or tampered with.
    Invalid,
    Expired,
}

const VERSION: &str = "dp1";
/// Real codes are about 80 characters; anything much longer is not one.
pub const MAX_PAYLOAD_CHARS: usize = 200;

fn mac(key: &[u8], body: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(body.as_bytes());
    mac
}

pub fn sign(claims: CheckInClaims, key: &[u8]) -> String {
    let body = format!(
        "{VERSION}.{}.{}.{}.{}",
        claims.booking_id, claims.student_id, claims.session_id, claims.expires_at
    );
    let tag = URL_SAFE_NO_PAD.encode(mac(key, &body).finalize().into_bytes());
    format!("{body}.{tag}")
}

pub fn verify(payload: &str, key: &[u8], now_unix: i64) -> Result<CheckInClaims, VerifyError> {
    let payload = payload.trim();
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(VerifyError::Invalid);
    }
    let (body, tag) = payload.rsplit_once('.').ok_or(VerifyError::Invalid)?;
    let tag = URL_SAFE_NO_PAD
        .decode(tag)
        .map_err(|_| VerifyError::Invalid)?;
    // Constant-time comparison.
    mac(key, body)
        .verify_slice(&tag)
        .map_err(|_| VerifyError::Invalid)?;
    let parts: Vec<&str> = body.split('.').collect();
    let [VERSION, booking, student, session, expires] = parts[..] else {
        return Err(VerifyError::Invalid);
    };
    let num = |s: &str| s.parse::<i64>().map_err(|_| VerifyError::Invalid);
    let claims = CheckInClaims {
        booking_id: num(booking)?,
        student_id: num(student)?,
        session_id: num(session)?,
        expires_at: num(expires)?,
    };
    if now_unix >= claims.expires_at {
        return Err(VerifyError::Expired);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KEY: &[u8] = b"test key";
    const CLAIMS: CheckInClaims = CheckInClaims {
        booking_id: 12,
        student_id: 34,
        session_id: 5,
        expires_at: 2_000,
    };

    #[test]
    fn a_signed_code_verifies_until_it_expires() {
        let code = sign(CLAIMS, KEY);
        assert!(code.len() < 100, "{code}");
        assert_eq!(verify(&code, KEY, 1_999), Ok(CLAIMS));
        assert_eq!(verify(&format!(" {code}\n"), KEY, 1_999), Ok(CLAIMS));
        assert_eq!(verify(&code, KEY, 2_000), Err(VerifyError::Expired));
    }

    #[test]
    fn no_mutation_verifies() {
        let code = sign(CLAIMS, KEY);
        assert_eq!(verify(&code, b"other key", 0), Err(VerifyError::Invalid));
        for i in 0..code.len() {
            let mut bytes = code.clone().into_bytes();
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let mutated = String::from_utf8(bytes).unwrap();
            if mutated != code {
                assert_eq!(
                    verify(&mutated, KEY, 0),
                    Err(VerifyError::Invalid),
                    "{mutated}"
                );
            }
        }
        let other_booking = sign(
            CheckInClaims {
                booking_id: 13,
                ..CLAIMS
            },
            KEY,
        );
        let (_, tag) = other_booking.rsplit_once('.').unwrap();
        let (body, _) = code.rsplit_once('.').unwrap();
        assert_eq!(
            verify(&format!("{body}.{tag}"), KEY, 0),
            Err(VerifyError::Invalid)
        );
        for garbage in ["", ".", "dp1.1.2.3.4", &"x".repeat(500), "dp1.a.b.c.d.e"] {
            assert_eq!(
                verify(garbage, KEY, 0),
                Err(VerifyError::Invalid),
                "{garbage}"
            );
        }
    }

    /// How a payload can be damaged or forged.
    #[derive(Debug, Clone)]
    enum Edit {
        Replace(usize, char),
        Insert(usize, char),
        Delete(usize),
    }

    fn edit(code: &str, e: &Edit) -> String {
        let mut chars: Vec<char> = code.chars().collect();
        let n = chars.len();
        match *e {
            Edit::Replace(i, c) => chars[i % n] = c,
            Edit::Insert(i, c) => chars.insert(i % (n + 1), c),
            Edit::Delete(i) => {
                chars.remove(i % n);
            }
        }
        chars.into_iter().collect()
    }

    proptest! {
        #[test]
        fn every_signed_code_verifies_and_no_edit_of_it_does(
            booking in 0i64..i64::MAX,
            student in 0i64..i64::MAX,
            session in 0i64..i64::MAX,
            expires in 1i64..i64::MAX,
            key in prop::collection::vec(any::<u8>(), 1..64),
            edits in prop::collection::vec(
                prop_oneof![
                    (0usize..200, any::<char>()).prop_map(|(i, c)| Edit::Replace(i, c)),
                    (0usize..200, any::<char>()).prop_map(|(i, c)| Edit::Insert(i, c)),
                    (0usize..200).prop_map(Edit::Delete),
                ],
                1..4,
            ),
        ) {
            let claims = CheckInClaims { booking_id: booking, student_id: student, session_id: session, expires_at: expires };
            let code = sign(claims, &key);
            prop_assert_eq!(verify(&code, &key, expires - 1), Ok(claims));
            let forged = edits.iter().fold(code.clone(), |c, e| if c.is_empty() { c } else { edit(&c, e) });
            // Surrounding whitespace is trimmed, so only a real change counts.
            prop_assume!(forged.trim() != code);
            prop_assert_eq!(verify(&forged, &key, 0), Err(VerifyError::Invalid), "{}", forged);
        }
    }
}
