//! The WeChat server API, reached at a configurable base URL so tests can
//! point it at a fake server.

use std::time::Duration;

use serde::{Deserialize, de::DeserializeOwned};

use crate::{clients::cache::Cache, config::WechatCredentials};

/// What `jscode2session` tells us about the user behind a `wx.login` code.
pub struct WechatSession {
    pub openid: String,
    pub unionid: Option<String>,
    /// Secret: stored server-side only, never returned or logged.
    pub session_key: String,
}

#[derive(Debug, thiserror::Error)]
pub enum WechatError {
    /// 40029 / 40163: the code is invalid or already used.
    #[error("invalid or used login code (errcode {0})")]
    InvalidCode(i64),
    /// 45011: WeChat rate-limits this user.
    #[error("rate limited by WeChat")]
    RateLimited,
    /// Timeouts, 5xx, garbage, -1 (busy) or an errcode we cannot act on.
    #[error("WeChat unavailable: {0}")]
    Unavailable(String),
}

pub struct WechatClient {
    http: reqwest::Client,
    base: String,
    credentials: WechatCredentials,
}

#[derive(Deserialize)]
struct Code2SessionReply {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
    openid: Option<String>,
    unionid: Option<String>,
    session_key: Option<String>,
}

/// WeChat answers a few hundred bytes; anything far bigger is not a real reply.
const MAX_REPLY_BYTES: usize = 64 * 1024;

impl WechatClient {
    pub fn new(base: &str, credentials: WechatCredentials, timeout: Duration) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(timeout.min(Duration::from_secs(3)))
            .timeout(timeout)
            .build()
            .expect("static reqwest configuration is valid");
        Self {
            http,
            base: base.to_owned(),
            credentials,
        }
    }

    /// `GET /sns/jscode2session`: exchanges a `wx.login` code for the openid.
    pub async fn code_to_session(&self, code: &str) -> Result<WechatSession, WechatError> {
        let response = self
            .http
            .get(format!("{}/sns/jscode2session", self.base))
            .query(&[
                ("appid", self.credentials.appid.as_str()),
                ("secret", self.credentials.secret.as_str()),
                ("js_code", code),
                ("grant_type", "authorization_code"),
            ])
            .send()
            .await
            .map_err(unavailable)?;
        let reply: Code2SessionReply = read_reply(response).await?;
        match reply.errcode {
            0 => match (reply.openid, reply.session_key) {
                (Some(openid), Some(session_key))
                    if !openid.is_empty() && openid.len() <= 64 && session_key.len() <= 128 =>
                {
                    Ok(WechatSession {
                        openid,
                        unionid: reply.unionid.filter(|u| !u.is_empty() && u.len() <= 64),
                        session_key,
                    })
                }
                _ => Err(WechatError::Unavailable("reply without openid".into())),
            },
            40029 | 40163 => Err(WechatError::InvalidCode(reply.errcode)),
            45011 => Err(WechatError::RateLimited),
            other => Err(WechatError::Unavailable(format!(
                "errcode {other}: {}",
                reply.errmsg
            ))),
        }
    }
}

fn unavailable(e: reqwest::Error) -> WechatError {
    // Without the URL: it may carry the access token.
    WechatError::Unavailable(e.without_url().to_string())
}

/// Reads a WeChat reply: a success status and a small JSON body.
async fn read_reply<T: DeserializeOwned>(
    mut response: reqwest::Response,
) -> Result<T, WechatError> {
    if !response.status().is_success() {
        return Err(WechatError::Unavailable(format!(
            "HTTP {}",
            response.status()
        )));
    }
    // Read in chunks so an endless or huge body cannot exhaust memory.
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unavailable)? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_REPLY_BYTES {
            return Err(WechatError::Unavailable("oversized reply".into()));
        }
    }
    // WeChat labels its JSON as text/plain, so parse the bytes ourselves.
    serde_json::from_slice(&body)
        .map_err(|e| WechatError::Unavailable(format!("unreadable reply: {e}")))
}

#[derive(Deserialize)]
struct TokenReply {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
    access_token: Option<String>,
    #[serde(default)]
    expires_in: u64,
}

#[derive(Deserialize)]
struct SendReply {
    #[serde(default)]
    errcode: i64,
    #[serde(default)]
    errmsg: String,
}

/// Why a subscribe message was not delivered.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// 43101: the student refused, or has no subscription left on WeChat's side.
    #[error("the user refused the message (43101)")]
    Refused,
    /// WeChat will never accept this message (bad openid, template or data).
    #[error("rejected by WeChat: errcode {0}: {1}")]
    Rejected(i64, String),
    /// Worth trying again later: timeouts, 5xx, busy, rate limits.
    #[error("{0}")]
    Transient(String),
}

/// One subscribe message, as `message/subscribe/send` takes it.
#[derive(serde::Serialize)]
pub struct SubscribeMessage<'a> {
    pub touser: &'a str,
    pub template_id: &'a str,
    pub page: &'a str,
    pub miniprogram_state: &'a str,
    pub lang: &'a str,
    pub data: serde_json::Value,
}

const TOKEN_KEY: &str = "wechat:access_token";
const TOKEN_LOCK_KEY: &str = "wechat:access_token:lock";
/// Refresh this long before WeChat's expiry, so no call uses a dying token.
const TOKEN_MARGIN_SECS: u64 = 300;
/// Errcodes meaning the access token is invalid or expired.
const TOKEN_ERRCODES: [i64; 3] = [40001, 40014, 42001];

impl WechatClient {
    /// The deployment's one access token: from the shared cache, or fetched
    /// by whichever instance takes the refresh lock while the others wait for
    /// it. `stale` is a token WeChat just refused: it is replaced (with
    /// `force_refresh`) unless another instance already did.
    pub async fn access_token(
        &self,
        cache: &dyn Cache,
        stale: Option<&str>,
    ) -> Result<String, WechatError> {
        let cache_err =
            |e: crate::clients::cache::CacheError| WechatError::Unavailable(format!("cache: {e}"));
        let fresh = |t: &Option<String>| t.as_deref().is_some_and(|t| Some(t) != stale);
        let cached = cache.get(TOKEN_KEY).await.map_err(cache_err)?;
        if fresh(&cached) {
            return Ok(cached.unwrap_or_default());
        }
        if cache
            .set_if_absent(TOKEN_LOCK_KEY, "1", Duration::from_secs(15))
            .await
            .map_err(cache_err)?
        {
            // Another instance may have refreshed between our read and the
            // lock: use its token rather than fetch a second one.
            let cached = cache.get(TOKEN_KEY).await.map_err(cache_err)?;
            if fresh(&cached) {
                cache.delete(TOKEN_LOCK_KEY).await.map_err(cache_err)?;
                return Ok(cached.unwrap_or_default());
            }
            let fetched = self.fetch_token(stale.is_some()).await;
            if let Ok((token, expires_in)) = &fetched {
                let ttl = expires_in.saturating_sub(TOKEN_MARGIN_SECS).max(60);
                cache
                    .set(TOKEN_KEY, token, Duration::from_secs(ttl))
                    .await
                    .map_err(cache_err)?;
            }
            cache.delete(TOKEN_LOCK_KEY).await.map_err(cache_err)?;
            return fetched.map(|(token, _)| token);
        }
        // Another instance is refreshing: wait for its token.
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let cached = cache.get(TOKEN_KEY).await.map_err(cache_err)?;
            if fresh(&cached) {
                return Ok(cached.unwrap_or_default());
            }
        }
        Err(WechatError::Unavailable(
            "access token refresh by another instance did not finish".into(),
        ))
    }

    /// `POST /cgi-bin/stable_token`.
    async fn fetch_token(&self, force_refresh: bool) -> Result<(String, u64), WechatError> {
        let response = self
            .http
            .post(format!("{}/cgi-bin/stable_token", self.base))
            .json(&serde_json::json!({
                "grant_type": "client_credential",
                "appid": self.credentials.appid,
                "secret": self.credentials.secret,
                "force_refresh": force_refresh,
            }))
            .send()
            .await
            .map_err(unavailable)?;
        let reply: TokenReply = read_reply(response).await?;
        match (reply.errcode, reply.access_token) {
            (0, Some(token)) if !token.is_empty() && token.len() <= 1024 => {
                Ok((token, reply.expires_in.max(60)))
            }
            (code, _) => Err(WechatError::Unavailable(format!(
                "stable_token errcode {code}: {}",
                reply.errmsg
            ))),
        }
    }

    /// `POST /cgi-bin/message/subscribe/send`, refreshing the access token
    /// once and trying again when WeChat says it is invalid or expired.
    pub async fn send_subscribe(
        &self,
        cache: &dyn Cache,
        message: &SubscribeMessage<'_>,
    ) -> Result<(), SendError> {
        let transient = |e: WechatError| SendError::Transient(e.to_string());
        let mut token = self.access_token(cache, None).await.map_err(transient)?;
        let mut refreshed = false;
        loop {
            let response = self
                .http
                .post(format!("{}/cgi-bin/message/subscribe/send", self.base))
                .query(&[("access_token", token.as_str())])
                .json(message)
                .send()
                .await
                .map_err(|e| transient(unavailable(e)))?;
            let reply: SendReply = read_reply(response).await.map_err(transient)?;
            match reply.errcode {
                0 => return Ok(()),
                code if TOKEN_ERRCODES.contains(&code) && !refreshed => {
                    refreshed = true;
                    token = self
                        .access_token(cache, Some(&token))
                        .await
                        .map_err(transient)?;
                }
                43101 => return Err(SendError::Refused),
                // Busy, rate limited (45009, 45047), or the token still refused.
                code if code == -1
                    || code == 45009
                    || code == 45047
                    || TOKEN_ERRCODES.contains(&code) =>
                {
                    return Err(SendError::Transient(format!(
                        "errcode {code}: {}",
                        reply.errmsg
                    )));
                }
                code => return Err(SendError::Rejected(code, reply.errmsg)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use async_trait::async_trait;

    use super::*;
    use crate::clients::cache::{CacheError, MemoryCache};

    /// A cache where another instance stores its fresh token right after
    /// our first read of it.
    #[derive(Default)]
    struct RefreshedMeanwhile {
        inner: MemoryCache,
        read: AtomicBool,
    }

    #[async_trait]
    impl Cache for RefreshedMeanwhile {
        async fn get(&self, key: &str) -> Result<Option<String>, CacheError> {
            let value = self.inner.get(key).await?;
            if key == TOKEN_KEY && !self.read.swap(true, Ordering::SeqCst) {
                let hour = Duration::from_secs(3600);
                self.inner.set(TOKEN_KEY, "FROM-OTHER", hour).await?;
            }
            Ok(value)
        }
        async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, CacheError> {
            self.inner.get_many(keys).await
        }
        async fn set(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CacheError> {
            self.inner.set(key, value, ttl).await
        }
        async fn set_many(&self, entries: &[(&str, &str, Duration)]) -> Result<(), CacheError> {
            self.inner.set_many(entries).await
        }
        async fn set_if_absent(
            &self,
            key: &str,
            value: &str,
            ttl: Duration,
        ) -> Result<bool, CacheError> {
            self.inner.set_if_absent(key, value, ttl).await
        }
        async fn delete(&self, key: &str) -> Result<(), CacheError> {
            self.inner.delete(key).await
        }
        async fn incr(&self, key: &str, window: Duration) -> Result<i64, CacheError> {
            self.inner.incr(key, window).await
        }
        async fn decr(&self, key: &str) -> Result<(), CacheError> {
            self.inner.decr(key).await
        }
        async fn ping(&self) -> Result<(), CacheError> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_token_refreshed_elsewhere_before_the_lock_is_used_not_fetched_again() {
        // Nothing listens there: fetching a token would fail.
        let client = WechatClient::new(
            "http://127.0.0.1:9",
            WechatCredentials {
                appid: "wx".into(),
                secret: "s".into(),
            },
            Duration::from_secs(1),
        );
        let cache = RefreshedMeanwhile::default();
        assert_eq!(
            client.access_token(&cache, None).await.unwrap(),
            "FROM-OTHER"
        );
        assert_eq!(cache.inner.get(TOKEN_LOCK_KEY).await.unwrap(), None);
    }
}
