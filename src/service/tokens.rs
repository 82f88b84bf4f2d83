//! Bearer tokens in the cache and their revocation, shared by logging in
//! and out (`service::auth`) and by staff account changes (`service::staff`).
//!
//! Tokens live in the database (the source of truth) and are cached for a few
//! minutes under their hash, so every instance accepts them and a logout or a
//! disabled account takes effect at once everywhere.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use crate::{
    clients::cache::Cache,
    domain::{Principal, TokenHash},
    entity::auth_token,
    error::{AppError, AppResult, ErrorCode},
};

/// How long a validated token is trusted from the cache before the database
/// is asked again (revocation also deletes the cache entry directly).
const TOKEN_CACHE_TTL: Duration = Duration::from_secs(600);

/// A token's principal as kept in the cache.
#[derive(Serialize, Deserialize)]
struct CachedToken {
    principal: Principal,
    expires_at: DateTime<Utc>,
}

pub fn cache_key(hash: &TokenHash) -> String {
    format!("token:{}", hash.as_str())
}

/// The cache key under which a presented token's principal is kept, for a
/// caller that reads it in one round trip with other keys.
pub fn token_key(presented: &str) -> String {
    cache_key(&TokenHash::of(presented))
}

/// A cache entry's principal: `None` when unreadable (e.g. written by an
/// older version: just a miss), 401 once the token has expired.
pub fn cached_principal(json: &str, now: DateTime<Utc>) -> Option<AppResult<Principal>> {
    let cached = serde_json::from_str::<CachedToken>(json).ok()?;
    Some(if cached.expires_at > now {
        Ok(cached.principal)
    } else {
        Err(ErrorCode::Unauthenticated.into())
    })
}

/// The student whose live token the entry read under [`token_key`] holds.
/// `None` for anything else: the caller then asks `auth::authenticate`.
pub fn cached_student(json: &str, now: DateTime<Utc>) -> Option<i64> {
    match cached_principal(json, now)? {
        Ok(Principal::Student { student_id }) => Some(student_id),
        _ => None,
    }
}

/// Caches a principal read from the database, until its token expires or
/// for [`TOKEN_CACHE_TTL`] at most. A cache failure is only logged.
pub async fn remember(
    cache: &dyn Cache,
    key: &str,
    principal: &Principal,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let remaining = (expires_at - now).to_std().unwrap_or_default();
    let cached = CachedToken {
        principal: principal.clone(),
        expires_at,
    };
    let json = serde_json::to_string(&cached).map_err(AppError::internal)?;
    if let Err(err) = cache.set(key, &json, remaining.min(TOKEN_CACHE_TTL)).await {
        tracing::warn!(error = %err, "token cache not written");
    }
    Ok(())
}

/// The hashes of every token a staff account holds.
pub async fn staff_token_hashes(
    db: &DatabaseConnection,
    staff_id: i64,
) -> AppResult<Vec<TokenHash>> {
    Ok(auth_token::Entity::find()
        .filter(auth_token::Column::StaffId.eq(staff_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| TokenHash::from_stored(t.token_hash))
        .collect())
}

/// Runs `change` (which must delete the tokens from the database) so that a
/// revocation is all-or-nothing and immediate on every instance:
/// 1. evict the cached tokens; if the cache is down, fail with nothing changed;
/// 2. commit `change` in one transaction;
/// 3. evict again, in case a concurrent request re-cached a token between 1 and 2.
pub async fn revoke<T>(
    db: &DatabaseConnection,
    cache: &dyn Cache,
    hashes: &[TokenHash],
    change: impl AsyncFnOnce(&DatabaseTransaction) -> AppResult<T>,
) -> AppResult<T> {
    for hash in hashes {
        cache.delete(&cache_key(hash)).await?;
    }
    let txn = crate::service::begin_write(db).await?;
    let out = change(&txn).await?;
    txn.commit().await?;
    for hash in hashes {
        if let Err(err) = cache.delete(&cache_key(hash)).await {
            tracing::warn!(error = %err, "second eviction of a revoked token failed");
        }
    }
    Ok(out)
}
