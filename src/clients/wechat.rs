//! The WeChat server API, reached at a configurable base URL so tests can
//! point it at a fake server.

use std::time::Duration;

use serde::Deserialize;

use crate::config::WechatCredentials;

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
        let unavailable = |e: reqwest::Error| WechatError::Unavailable(e.without_url().to_string());
        let mut response = self
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
        let reply: Code2SessionReply = serde_json::from_slice(&body)
            .map_err(|e| WechatError::Unavailable(format!("unreadable reply: {e}")))?;
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
