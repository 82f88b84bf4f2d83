//! Opaque bearer tokens: 256 random bits sent to the client, only their
//! SHA-256 stored, so a leaked database or cache cannot be replayed.
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A token as issued to the client. Not `Debug`, so it cannot end up in logs.
pub struct SessionToken(String);

/// The stored form of a token (64 lowercase hex characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenHash(String);

impl SessionToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl TokenHash {
    /// Hashes whatever the client sent; garbage simply hashes to an unknown value.
    pub fn of(presented: &str) -> Self {
        Self(hex::encode(Sha256::digest(presented.as_bytes())))
    }

    pub fn from_stored(hex: String) -> Self {
        Self(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hash_stably() {
        let a = SessionToken::generate();
        let b = SessionToken::generate();
        assert_ne!(a.as_str(), b.as_str());
        assert_eq!(a.as_str().len(), 43);
        assert_eq!(TokenHash::of(a.as_str()), TokenHash::of(a.as_str()));
        assert_ne!(TokenHash::of(a.as_str()), TokenHash::of(b.as_str()));
        assert_eq!(TokenHash::of("x").as_str().len(), 64);
    }
}
