//! One contract for the cache, checked against the in-process cache always
//! and against Redis when the run provides one (`DP_TEST_REDIS_URL`).
mod common;

use std::time::Duration;

use diploma_photo::clients::cache::{Cache, MemoryCache, RedisCache};

async fn caches() -> Vec<(&'static str, Box<dyn Cache>)> {
    let mut caches: Vec<(&'static str, Box<dyn Cache>)> =
        vec![("memory", Box::new(MemoryCache::default()))];
    if let Some(url) = common::redis_url() {
        let prefix = format!("t:{}:", uuid::Uuid::new_v4().simple());
        caches.push((
            "redis",
            Box::new(RedisCache::connect(&url, &prefix).await.expect("redis")),
        ));
    }
    caches
}

#[tokio::test]
async fn set_get_delete() {
    for (name, cache) in caches().await {
        assert_eq!(cache.get("k").await.unwrap(), None, "{name}");
        cache.set("k", "v1", Duration::from_secs(60)).await.unwrap();
        assert_eq!(
            cache.get("k").await.unwrap().as_deref(),
            Some("v1"),
            "{name}"
        );
        cache.set("k", "v2", Duration::from_secs(60)).await.unwrap();
        assert_eq!(
            cache.get("k").await.unwrap().as_deref(),
            Some("v2"),
            "{name}"
        );
        cache.delete("k").await.unwrap();
        assert_eq!(cache.get("k").await.unwrap(), None, "{name}");
        // Deleting what is not there is fine.
        cache.delete("k").await.unwrap();
        cache.ping().await.unwrap();
    }
}

#[tokio::test]
async fn many_keys_at_once_in_order() {
    for (name, cache) in caches().await {
        assert!(cache.get_many(&[]).await.unwrap().is_empty(), "{name}");
        cache.set("a", "1", Duration::from_secs(60)).await.unwrap();
        cache.set("c", "3", Duration::from_secs(60)).await.unwrap();
        let keys = ["a", "b", "c"].map(String::from);
        let got = cache.get_many(&keys).await.unwrap();
        assert_eq!(
            got,
            [Some("1".to_owned()), None, Some("3".to_owned())],
            "{name}"
        );
        assert_eq!(
            cache.get_many(&keys[..1]).await.unwrap(),
            [Some("1".to_owned())],
            "{name}"
        );
    }
}

#[tokio::test]
async fn set_if_absent_claims_a_key_once() {
    for (name, cache) in caches().await {
        assert!(
            cache
                .set_if_absent("claim", "first", Duration::from_secs(60))
                .await
                .unwrap(),
            "{name}"
        );
        assert!(
            !cache
                .set_if_absent("claim", "second", Duration::from_secs(60))
                .await
                .unwrap(),
            "{name}"
        );
        assert_eq!(
            cache.get("claim").await.unwrap().as_deref(),
            Some("first"),
            "{name}"
        );
        cache.delete("claim").await.unwrap();
        assert!(
            cache
                .set_if_absent("claim", "third", Duration::from_millis(50))
                .await
                .unwrap(),
            "{name}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(
            cache
                .set_if_absent("claim", "after expiry", Duration::from_secs(60))
                .await
                .unwrap(),
            "{name}"
        );
    }
}

#[tokio::test]
async fn several_values_stored_at_once_each_with_its_own_lifetime() {
    for (name, cache) in caches().await {
        cache
            .set("a", "old", Duration::from_secs(60))
            .await
            .unwrap();
        cache
            .set_many(&[
                ("a", "1", Duration::from_secs(60)),
                ("b", "2", Duration::from_millis(50)),
            ])
            .await
            .unwrap();
        let keys = ["a", "b"].map(String::from);
        assert_eq!(
            cache.get_many(&keys).await.unwrap(),
            [Some("1".to_owned()), Some("2".to_owned())],
            "{name}"
        );
        // Waiting out a TTL is what is being tested here.
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert_eq!(
            cache.get_many(&keys).await.unwrap(),
            [Some("1".to_owned()), None],
            "{name}"
        );
        cache.set_many(&[]).await.unwrap();
    }
}

#[tokio::test]
async fn values_expire() {
    for (name, cache) in caches().await {
        cache
            .set("short", "v", Duration::from_millis(50))
            .await
            .unwrap();
        cache
            .set("long", "v", Duration::from_secs(60))
            .await
            .unwrap();
        // Waiting out a TTL is what is being tested here.
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert_eq!(cache.get("short").await.unwrap(), None, "{name}");
        assert_eq!(
            cache.get("long").await.unwrap().as_deref(),
            Some("v"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn counters_count_within_their_window() {
    for (name, cache) in caches().await {
        for expected in 1..=3 {
            assert_eq!(
                cache.incr("c", Duration::from_millis(200)).await.unwrap(),
                expected,
                "{name}"
            );
        }
        assert_eq!(
            cache.get("c").await.unwrap().as_deref(),
            Some("3"),
            "{name}"
        );
        // Later increments do not extend the window the first one started.
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(
            cache.incr("c", Duration::from_secs(60)).await.unwrap(),
            4,
            "{name}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert_eq!(
            cache.incr("c", Duration::from_secs(60)).await.unwrap(),
            1,
            "{name}"
        );
    }
}

#[tokio::test]
async fn a_counter_gives_back_within_its_window_only() {
    for (name, cache) in caches().await {
        cache.incr("g", Duration::from_millis(200)).await.unwrap();
        cache.incr("g", Duration::from_millis(200)).await.unwrap();
        cache.decr("g").await.unwrap();
        assert_eq!(
            cache.get("g").await.unwrap().as_deref(),
            Some("1"),
            "{name}"
        );
        // No counter appears for a key that does not exist (or whose window ended).
        cache.decr("never").await.unwrap();
        assert_eq!(cache.get("never").await.unwrap(), None, "{name}");
        assert_eq!(
            cache.incr("never", Duration::from_secs(60)).await.unwrap(),
            1,
            "{name}"
        );
    }
}

#[tokio::test]
async fn concurrent_increments_are_not_lost() {
    for (name, cache) in caches().await {
        let cache: std::sync::Arc<dyn Cache> = cache.into();
        let tasks: Vec<_> = (0..50)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move { cache.incr("n", Duration::from_secs(60)).await.unwrap() })
            })
            .collect();
        let mut seen: Vec<i64> = Vec::new();
        for t in tasks {
            seen.push(t.await.unwrap());
        }
        seen.sort();
        assert_eq!(seen, (1..=50).collect::<Vec<_>>(), "{name}");
    }
}

#[tokio::test]
async fn keys_are_namespaced_by_prefix() {
    let Some(url) = common::redis_url() else {
        // Prefixes only exist for Redis; the memory cache is per process.
        return;
    };
    let a = RedisCache::connect(&url, "t:ns-a:").await.unwrap();
    let b = RedisCache::connect(&url, "t:ns-b:").await.unwrap();
    a.set("shared", "from-a", Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(b.get("shared").await.unwrap(), None);
    a.delete("shared").await.unwrap();
}

#[tokio::test]
async fn an_unreachable_redis_is_a_clear_error() {
    let err = RedisCache::connect("redis://127.0.0.1:1", "x:")
        .await
        .err()
        .expect("must fail");
    assert!(err.to_string().contains("cache unavailable"), "{err}");
}
