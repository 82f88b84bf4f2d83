//! The shared cache: tokens, rate limits and (later) slot availability.
//!
//! Production uses Redis so every instance sees the same values; the embedded
//! default keeps them in process, which is only correct for a single instance.
//! The same contract tests (`tests/cache.rs`) run against both.

use std::{
    collections::HashMap,
    sync::{
        Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use async_trait::async_trait;
use redis::{AsyncCommands, aio::ConnectionManager};

#[derive(Debug, thiserror::Error)]
#[error("cache unavailable: {0}")]
pub struct CacheError(String);

impl From<redis::RedisError> for CacheError {
    fn from(err: redis::RedisError) -> Self {
        Self(err.to_string())
    }
}

#[async_trait]
pub trait Cache: Send + Sync {
    async fn get(&self, key: &str) -> Result<Option<String>, CacheError>;
    /// Several keys in one round trip, in order.
    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, CacheError>;
    async fn set(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CacheError>;
    /// Several `(key, value, ttl)` in one round trip, stored in this order.
    async fn set_many(&self, entries: &[(&str, &str, Duration)]) -> Result<(), CacheError>;
    /// Stores the value only if the key is absent; true when it was stored.
    async fn set_if_absent(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<bool, CacheError>;
    async fn delete(&self, key: &str) -> Result<(), CacheError>;
    /// Adds one to a counter and returns the new value. The first increment
    /// starts a window of `window`; the counter disappears when it ends.
    async fn incr(&self, key: &str, window: Duration) -> Result<i64, CacheError>;
    /// Takes one back from a counter whose window is still open (an attempt
    /// reserved with `incr` that turned out not to count); nothing once the
    /// window has ended, so no counter outlives its window.
    async fn decr(&self, key: &str) -> Result<(), CacheError>;
    async fn ping(&self) -> Result<(), CacheError>;
}

/// In-process cache for the embedded single-instance setup.
#[derive(Default)]
pub struct MemoryCache {
    entries: Mutex<HashMap<String, (String, Instant)>>,
    /// Size at which the next insert sweeps (starts at 0: the first insert
    /// sets it).
    sweep_at: AtomicUsize,
}

/// Expired entries are swept once the map grows past this many keys (or
/// twice the keys alive after the last sweep), so abandoned rate-limit
/// counters cannot grow memory without bound.
const SWEEP_THRESHOLD: usize = 10_000;

impl MemoryCache {
    fn live<'a>(
        map: &'a mut HashMap<String, (String, Instant)>,
        key: &str,
        now: Instant,
    ) -> Option<&'a mut (String, Instant)> {
        if map.get(key).is_some_and(|(_, exp)| *exp <= now) {
            map.remove(key);
        }
        map.get_mut(key)
    }

    fn insert(
        &self,
        map: &mut HashMap<String, (String, Instant)>,
        key: &str,
        entry: (String, Instant),
    ) {
        if map.len() >= self.sweep_at.load(Ordering::Relaxed) {
            let now = Instant::now();
            map.retain(|_, (_, exp)| *exp > now);
            // With many live keys (20,000 students' tokens), sweeping at a
            // fixed size would make every insert a pass over all of them.
            self.sweep_at
                .store((map.len() * 2).max(SWEEP_THRESHOLD), Ordering::Relaxed);
        }
        map.insert(key.to_owned(), entry);
    }
}

#[async_trait]
impl Cache for MemoryCache {
    async fn get(&self, key: &str) -> Result<Option<String>, CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        Ok(Self::live(&mut map, key, Instant::now()).map(|(v, _)| v.clone()))
    }

    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        let now = Instant::now();
        Ok(keys
            .iter()
            .map(|k| Self::live(&mut map, k, now).map(|(v, _)| v.clone()))
            .collect())
    }

    async fn set(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        self.insert(&mut map, key, (value.to_owned(), Instant::now() + ttl));
        Ok(())
    }

    async fn set_many(&self, entries: &[(&str, &str, Duration)]) -> Result<(), CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        let now = Instant::now();
        for (key, value, ttl) in entries {
            self.insert(&mut map, key, ((*value).to_owned(), now + *ttl));
        }
        Ok(())
    }

    async fn set_if_absent(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<bool, CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        let now = Instant::now();
        if Self::live(&mut map, key, now).is_some() {
            return Ok(false);
        }
        self.insert(&mut map, key, (value.to_owned(), now + ttl));
        Ok(true)
    }

    async fn delete(&self, key: &str) -> Result<(), CacheError> {
        self.entries
            .lock()
            .expect("cache lock poisoned")
            .remove(key);
        Ok(())
    }

    async fn incr(&self, key: &str, window: Duration) -> Result<i64, CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        let now = Instant::now();
        if let Some((value, _)) = Self::live(&mut map, key, now) {
            let next = value.parse::<i64>().unwrap_or(0) + 1;
            *value = next.to_string();
            return Ok(next);
        }
        self.insert(&mut map, key, ("1".to_owned(), now + window));
        Ok(1)
    }

    async fn decr(&self, key: &str) -> Result<(), CacheError> {
        let mut map = self.entries.lock().expect("cache lock poisoned");
        if let Some((value, _)) = Self::live(&mut map, key, Instant::now()) {
            *value = (value.parse::<i64>().unwrap_or(0) - 1).to_string();
        }
        Ok(())
    }

    async fn ping(&self) -> Result<(), CacheError> {
        Ok(())
    }
}

/// A TTL in whole milliseconds, at least one (Redis refuses zero).
fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

/// Redis-backed cache shared by every instance. Keys are prefixed so several
/// deployments (or test runs) can share one Redis.
pub struct RedisCache {
    conn: ConnectionManager,
    prefix: String,
}

impl RedisCache {
    /// Connects and checks the server answers; fails fast when it does not.
    pub async fn connect(url: &str, prefix: &str) -> Result<Self, CacheError> {
        let client = redis::Client::open(url)?;
        // Short timeouts: a request waiting on a dead Redis should fail with
        // 503 quickly, and the manager reconnects by itself when it is back.
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_response_timeout(Some(Duration::from_secs(2)))
            .set_number_of_retries(1);
        let conn = ConnectionManager::new_with_config(client, config).await?;
        let cache = Self {
            conn,
            prefix: prefix.to_owned(),
        };
        cache.ping().await?;
        Ok(cache)
    }

    fn key(&self, key: &str) -> String {
        format!("{}{}", self.prefix, key)
    }
}

#[async_trait]
impl Cache for RedisCache {
    async fn get(&self, key: &str) -> Result<Option<String>, CacheError> {
        Ok(self.conn.clone().get(self.key(key)).await?)
    }

    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, CacheError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = keys.iter().map(|k| self.key(k)).collect();
        // MGET of one key returns a bare value, so always ask as a command.
        Ok(redis::cmd("MGET")
            .arg(&keys)
            .query_async(&mut self.conn.clone())
            .await?)
    }

    async fn set(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CacheError> {
        let millis = millis(ttl);
        let _: () = self
            .conn
            .clone()
            .pset_ex(self.key(key), value, millis)
            .await?;
        Ok(())
    }

    async fn set_many(&self, entries: &[(&str, &str, Duration)]) -> Result<(), CacheError> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut pipe = redis::pipe();
        for (key, value, ttl) in entries {
            pipe.pset_ex(self.key(key), *value, millis(*ttl)).ignore();
        }
        let _: () = pipe.query_async(&mut self.conn.clone()).await?;
        Ok(())
    }

    async fn set_if_absent(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<bool, CacheError> {
        let millis = millis(ttl);
        let stored: Option<String> = redis::cmd("SET")
            .arg(self.key(key))
            .arg(value)
            .arg("PX")
            .arg(millis)
            .arg("NX")
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(stored.is_some())
    }

    async fn delete(&self, key: &str) -> Result<(), CacheError> {
        let _: () = self.conn.clone().del(self.key(key)).await?;
        Ok(())
    }

    async fn incr(&self, key: &str, window: Duration) -> Result<i64, CacheError> {
        let key = self.key(key);
        let millis = millis(window);
        // One atomic round trip; `NX` keeps the window that the first increment started.
        let (count,): (i64,) = redis::pipe()
            .atomic()
            .incr(&key, 1)
            .cmd("PEXPIRE")
            .arg(&key)
            .arg(millis)
            .arg("NX")
            .ignore()
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(count)
    }

    async fn decr(&self, key: &str) -> Result<(), CacheError> {
        // A plain DECR on a key that just expired would create one without a window.
        let script = redis::Script::new(
            "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end return 0",
        );
        let _: i64 = script
            .key(self.key(key))
            .invoke_async(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    async fn ping(&self) -> Result<(), CacheError> {
        let _: String = redis::cmd("PING")
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn fill(cache: &MemoryCache, from: usize, n: usize, ttl: Duration) {
        for i in from..from + n {
            cache.set(&format!("k{i}"), "v", ttl).await.unwrap();
        }
    }

    fn size(cache: &MemoryCache) -> usize {
        cache.entries.lock().unwrap().len()
    }

    #[tokio::test]
    async fn expired_keys_are_swept_but_live_ones_do_not_make_every_insert_sweep() {
        let cache = MemoryCache::default();
        fill(&cache, 0, SWEEP_THRESHOLD, Duration::ZERO).await;
        assert_eq!(size(&cache), SWEEP_THRESHOLD);
        // The next insert sweeps the expired keys away.
        fill(&cache, SWEEP_THRESHOLD, 1, Duration::from_secs(3600)).await;
        assert_eq!(size(&cache), 1);

        // Live keys past the threshold: one sweep, then none until they double.
        let hour = Duration::from_secs(3600);
        fill(&cache, 0, SWEEP_THRESHOLD, hour).await;
        assert_eq!(cache.sweep_at.load(Ordering::Relaxed), 2 * SWEEP_THRESHOLD);
        fill(&cache, SWEEP_THRESHOLD, SWEEP_THRESHOLD / 2, hour).await;
        assert_eq!(cache.sweep_at.load(Ordering::Relaxed), 2 * SWEEP_THRESHOLD);
        assert_eq!(cache.get("k0").await.unwrap().as_deref(), Some("v"));
    }
}
