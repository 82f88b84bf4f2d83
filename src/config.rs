//! Configuration from environment variables (a `.env` file is optional).
//! Every variable and its default is documented in README.md.

use std::time::Duration;

use crate::domain::Templates;

/// Connection to S3-compatible object storage.
#[derive(Clone, Debug, Default)]
pub struct S3Settings {
    /// Unset means AWS itself; set it for MinIO, Ceph, OSS, COS and the like.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// How often a failed request (5xx, timeout, connection error) is retried
    /// before the operation fails; the client's default is 10.
    pub max_retries: usize,
}

/// The mini-program's credentials; without them the service offers dev login.
#[derive(Clone, Debug)]
pub struct WechatCredentials {
    pub appid: String,
    pub secret: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// `DP_LISTEN`
    pub listen: String,
    /// `DP_DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// `DP_REDIS_URL`: unset means the in-process cache (one instance only).
    pub redis_url: Option<String>,
    /// `DP_REDIS_PREFIX`: namespace of every key, so deployments can share a Redis.
    pub redis_prefix: String,
    /// `DP_STORAGE`: local folder or `s3://bucket/prefix` for photos.
    pub storage: String,
    /// `DP_S3_ENDPOINT`, `DP_S3_REGION`, `DP_S3_ACCESS_KEY_ID`,
    /// `DP_S3_SECRET_ACCESS_KEY`, `DP_S3_MAX_RETRIES`: how to reach an
    /// `s3://` storage.
    pub s3: S3Settings,
    /// `DP_WECHAT_APPID` and `DP_WECHAT_SECRET`. None: dev login
    /// (`dev:<openid>` codes), allowed only on a loopback listen address or
    /// with `DP_DEV_LOGIN=true`.
    pub wechat: Option<WechatCredentials>,
    /// `DP_WECHAT_API_BASE`
    pub wechat_api_base: String,
    /// `DP_WECHAT_TIMEOUT_MS`: total time allowed for one WeChat API call.
    pub wechat_timeout: Duration,
    /// `DP_WECHAT_TEMPLATES`: JSON from event name to subscribe-message
    /// template (`domain::notify::Template`); events not listed send nothing.
    pub wechat_templates: Templates,
    /// `DP_WECHAT_MINIPROGRAM_STATE`: which mini-program build a message
    /// opens: `formal` (default), `trial` or `developer`.
    pub miniprogram_state: String,
    /// `DP_REMINDER_DAYS`: remind students this many days before the
    /// make-up and self-check deadlines (comma-separated, default `3,1`).
    pub reminder_days: Vec<i64>,
    /// `DP_NOTIFY_INTERVAL_MS`: how often the delivery worker looks for due messages.
    pub notify_interval: Duration,
    /// `DP_PUBLIC_URL`
    pub public_url: String,
    /// `DP_CHECKIN_SECRET`: key that signs check-in codes; unset means one
    /// generated once and kept in the database (shared by every instance).
    pub checkin_secret: Option<String>,
    /// `DP_METRICS_LISTEN`: where `GET /metrics` is served (Prometheus text
    /// format); unset means nowhere. Never the public listener.
    pub metrics_listen: Option<String>,
    /// `DP_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `DP_TRUST_FORWARDED_FOR`: take the client address from the last
    /// `X-Forwarded-For` entry (only behind a load balancer that sets it).
    pub trust_forwarded_for: bool,
    /// `DP_BODY_LIMIT_BYTES`: largest accepted JSON request body.
    pub body_limit_bytes: usize,
    /// `DP_UPLOAD_LIMIT_BYTES`: largest accepted file upload (multipart body).
    pub upload_limit_bytes: usize,
    /// How long in-flight requests may take to finish after SIGTERM.
    pub shutdown_grace: Duration,
    /// Timeouts and caps that keep slow and idle clients from exhausting the
    /// server (`DP_HEADER_TIMEOUT_MS` … `DP_MAX_CONNECTIONS_PER_IP`).
    pub connections: ConnectionLimits,
}

/// Whether `listen` (host:port) only accepts connections from this machine.
fn is_loopback(listen: &str) -> bool {
    let host = listen.rsplit_once(':').map_or(listen, |(host, _)| host);
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(String);

impl Config {
    /// Reads the process environment, after loading `.env` if there is one.
    pub fn from_env() -> Result<Self, ConfigError> {
        // A missing .env is the normal case; a malformed one is worth a warning.
        if let Err(err) = dotenvy::dotenv()
            && !err.not_found()
        {
            eprintln!("warning: ignoring unreadable .env file: {err}");
        }
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any variable source (tests pass a map).
    /// An empty variable means its default, except the WeChat credentials:
    /// an empty one is a mistake, not a request for dev login.
    pub fn from_lookup(raw: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| raw(name).filter(|v| !v.trim().is_empty());
        let or = |name: &str, default: &str| get(name).unwrap_or_else(|| default.to_owned());
        let wechat = match (raw("DP_WECHAT_APPID"), raw("DP_WECHAT_SECRET")) {
            (None, None) => None,
            (Some(appid), Some(secret))
                if !appid.trim().is_empty() && !secret.trim().is_empty() =>
            {
                Some(WechatCredentials { appid, secret })
            }
            _ => {
                return Err(ConfigError(
                    "DP_WECHAT_APPID and DP_WECHAT_SECRET must both be set, and not empty \
                     (leave both unset for dev login on this machine)"
                        .into(),
                ));
            }
        };
        let listen = or("DP_LISTEN", "127.0.0.1:8080");
        match (get("DP_DEV_LOGIN").as_deref(), &wechat) {
            (Some("true"), None) | (None | Some("false"), Some(_)) => {}
            (Some("true"), Some(_)) => {
                return Err(ConfigError(
                    "DP_DEV_LOGIN=true cannot be combined with DP_WECHAT_APPID: \
                     dev login is for machines without the mini-program's credentials"
                        .into(),
                ));
            }
            (None, None) if is_loopback(&listen) => {}
            (None | Some("false"), None) => {
                return Err(ConfigError(format!(
                    "DP_WECHAT_APPID and DP_WECHAT_SECRET are not set and DP_LISTEN ({listen}) \
                     is not a loopback address, so anyone could log in as any student with \
                     dev login. Set the mini-program's credentials, or DP_DEV_LOGIN=true to \
                     allow dev login on purpose"
                )));
            }
            (Some(other), _) => {
                return Err(ConfigError(format!(
                    "DP_DEV_LOGIN must be true or false, not `{other}`"
                )));
            }
        }
        let log_format = match or("DP_LOG_FORMAT", "text").as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(ConfigError(format!(
                    "DP_LOG_FORMAT must be `text` or `json`, not `{other}`"
                )));
            }
        };
        let trust_forwarded_for = match or("DP_TRUST_FORWARDED_FOR", "false").as_str() {
            "true" | "1" => true,
            "false" | "0" => false,
            other => {
                return Err(ConfigError(format!(
                    "DP_TRUST_FORWARDED_FOR must be true or false, not `{other}`"
                )));
            }
        };
        let body_limit_bytes = or("DP_BODY_LIMIT_BYTES", "65536")
            .parse()
            .map_err(|_| ConfigError("DP_BODY_LIMIT_BYTES must be a number of bytes".into()))?;
        let upload_limit_bytes = or("DP_UPLOAD_LIMIT_BYTES", "20971520")
            .parse()
            .map_err(|_| ConfigError("DP_UPLOAD_LIMIT_BYTES must be a number of bytes".into()))?;
        let s3_max_retries = or("DP_S3_MAX_RETRIES", "10").parse().map_err(|_| {
            ConfigError("DP_S3_MAX_RETRIES must be a whole number of retries".into())
        })?;
        let wechat_timeout_ms: u64 = or("DP_WECHAT_TIMEOUT_MS", "5000").parse().map_err(|_| {
            ConfigError("DP_WECHAT_TIMEOUT_MS must be a number of milliseconds".into())
        })?;
        let wechat_templates = match get("DP_WECHAT_TEMPLATES") {
            Some(json) => Templates::parse(&json)
                .map_err(|e| ConfigError(format!("DP_WECHAT_TEMPLATES: {e}")))?,
            None => Templates::default(),
        };
        let miniprogram_state = or("DP_WECHAT_MINIPROGRAM_STATE", "formal");
        if !["formal", "trial", "developer"].contains(&miniprogram_state.as_str()) {
            return Err(ConfigError(
                "DP_WECHAT_MINIPROGRAM_STATE must be formal, trial or developer".into(),
            ));
        }
        let reminder_days = or("DP_REMINDER_DAYS", "3,1")
            .split(',')
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                d.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|d| (1..=60).contains(d))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                ConfigError("DP_REMINDER_DAYS must be whole days from 1 to 60, like 3,1".into())
            })?;
        let notify_interval_ms: u64 = or("DP_NOTIFY_INTERVAL_MS", "2000")
            .parse()
            .ok()
            .filter(|ms| *ms > 0)
            .ok_or_else(|| {
                ConfigError(
                    "DP_NOTIFY_INTERVAL_MS must be a positive number of milliseconds".into(),
                )
            })?;
        let database_url = or("DP_DATABASE_URL", "sqlite://data/diploma-photo.db?mode=rwc");
        let metrics_listen = get("DP_METRICS_LISTEN");
        // Port 0 (any free port, as tests use) gives two different ports.
        if metrics_listen.as_deref() == Some(listen.as_str()) && !listen.ends_with(":0") {
            return Err(ConfigError(
                "DP_METRICS_LISTEN must differ from DP_LISTEN: metrics are never served on \
                 the public listener"
                    .into(),
            ));
        }
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError(
                "DP_DATABASE_URL must start with sqlite: or postgres://".into(),
            ));
        }
        Ok(Self {
            listen,
            database_url,
            redis_url: get("DP_REDIS_URL"),
            redis_prefix: or("DP_REDIS_PREFIX", "dp:"),
            storage: or("DP_STORAGE", "data/uploads"),
            s3: S3Settings {
                endpoint: get("DP_S3_ENDPOINT"),
                region: or("DP_S3_REGION", "us-east-1"),
                access_key_id: get("DP_S3_ACCESS_KEY_ID"),
                secret_access_key: get("DP_S3_SECRET_ACCESS_KEY"),
                max_retries: s3_max_retries,
            },
            wechat,
            wechat_api_base: or("DP_WECHAT_API_BASE", "https://api.weixin.qq.com")
                .trim_end_matches('/')
                .to_owned(),
            wechat_timeout: Duration::from_millis(wechat_timeout_ms),
            checkin_secret: get("DP_CHECKIN_SECRET"),
            wechat_templates,
            miniprogram_state,
            reminder_days,
            notify_interval: Duration::from_millis(notify_interval_ms),
            public_url: or("DP_PUBLIC_URL", "http://127.0.0.1:8080"),
            metrics_listen,
            log_format,
            trust_forwarded_for,
            body_limit_bytes,
            upload_limit_bytes,
            shutdown_grace: Duration::from_secs(30),
            connections: ConnectionLimits::from_lookup(&get, trust_forwarded_for)?,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

/// How long a client may take to send, and how many connections it may hold.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// `DP_HEADER_TIMEOUT_MS`: a request's line and headers must all arrive
    /// within this, counted from their first byte (from the connection's
    /// start for its first request).
    pub header_timeout: Duration,
    /// `DP_BODY_TIMEOUT_MS`: the period over which a request body's pace is
    /// judged; only time spent waiting for the body counts.
    pub body_period: Duration,
    /// `DP_BODY_MIN_RATE_BYTES`: bytes per second a body must average over
    /// each period (at least one byte per period, so 0 means "no pause as
    /// long as a period").
    pub body_min_rate: u64,
    /// `DP_IDLE_TIMEOUT_MS`: a connection with no request in progress that
    /// sends nothing this long is closed; so is one that reads nothing of a
    /// response this long.
    pub idle_timeout: Duration,
    /// `DP_MAX_CONNECTIONS`: open connections beyond this are closed at once.
    pub max_connections: usize,
    /// `DP_MAX_CONNECTIONS_PER_IP`: the same per client address (IPv6: per
    /// /64); `None` (0) is no per-address cap.
    pub max_connections_per_ip: Option<usize>,
}

impl ConnectionLimits {
    /// Behind a load balancer (`DP_TRUST_FORWARDED_FOR`) every peer address
    /// is the balancer's, so there is no per-address cap unless one is set.
    fn from_lookup(
        get: &impl Fn(&str) -> Option<String>,
        trust_forwarded_for: bool,
    ) -> Result<Self, ConfigError> {
        let number = |name: &str, default: u64, min: u64| {
            get(name)
                .map_or(Ok(default), |v| v.parse::<u64>())
                .ok()
                .filter(|n| *n >= min)
                .ok_or_else(|| {
                    ConfigError(format!("{name} must be a whole number, at least {min}"))
                })
        };
        let millis = |name: &str, default: u64| number(name, default, 1).map(Duration::from_millis);
        let per_ip_default = if trust_forwarded_for { 0 } else { 200 };
        Ok(Self {
            header_timeout: millis("DP_HEADER_TIMEOUT_MS", 10_000)?,
            body_period: millis("DP_BODY_TIMEOUT_MS", 30_000)?,
            body_min_rate: number("DP_BODY_MIN_RATE_BYTES", 1024, 0)?,
            idle_timeout: millis("DP_IDLE_TIMEOUT_MS", 60_000)?,
            max_connections: number("DP_MAX_CONNECTIONS", 10_000, 1)? as usize,
            max_connections_per_ip: Some(
                number("DP_MAX_CONNECTIONS_PER_IP", per_ip_default, 0)? as usize
            )
            .filter(|n| *n > 0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let c = config(&[]).unwrap();
        assert_eq!(c.listen, "127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://data/diploma-photo.db?mode=rwc");
        assert!(c.redis_url.is_none());
        assert_eq!(c.storage, "data/uploads");
        assert!(c.wechat.is_none());
        assert_eq!(c.wechat_api_base, "https://api.weixin.qq.com");
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert_eq!(c.log_format, LogFormat::Text);
        assert!(c.metrics_listen.is_none());
        assert!(c.is_sqlite());
    }

    #[test]
    fn half_configured_wechat_is_rejected() {
        assert!(config(&[("DP_WECHAT_APPID", "wx1")]).is_err());
        assert!(config(&[("DP_WECHAT_SECRET", "s")]).is_err());
        let c = config(&[("DP_WECHAT_APPID", "wx1"), ("DP_WECHAT_SECRET", "s")]).unwrap();
        assert_eq!(c.wechat.unwrap().appid, "wx1");
    }

    #[test]
    fn dev_login_needs_no_credentials_and_loopback_or_an_explicit_yes() {
        assert!(config(&[]).unwrap().wechat.is_none());
        assert!(config(&[("DP_LISTEN", "[::1]:80")]).is_ok());
        assert!(config(&[("DP_LISTEN", "localhost:80")]).is_ok());
        let creds = [("DP_WECHAT_APPID", "wx1"), ("DP_WECHAT_SECRET", "s")];
        assert!(config(&creds).unwrap().wechat.is_some());
        // Empty or blank credentials are an error, not dev login.
        for empty in ["", " "] {
            let err = config(&[("DP_WECHAT_APPID", empty)]).unwrap_err();
            assert!(err.to_string().contains("not empty"), "{err}");
            assert!(config(&[("DP_WECHAT_APPID", empty), ("DP_WECHAT_SECRET", "s")]).is_err());
            assert!(config(&[("DP_WECHAT_APPID", "wx1"), ("DP_WECHAT_SECRET", empty)]).is_err());
        }
        // Reachable from other machines: only on purpose.
        for listen in [
            "0.0.0.0:8080",
            "10.0.0.5:8080",
            "[::]:8080",
            "campus.example:80",
        ] {
            let err = config(&[("DP_LISTEN", listen)]).unwrap_err();
            assert!(err.to_string().contains("DP_DEV_LOGIN=true"), "{err}");
            let c = config(&[("DP_LISTEN", listen), ("DP_DEV_LOGIN", "true")]).unwrap();
            assert!(c.wechat.is_none());
            assert!(config(&[("DP_LISTEN", listen), ("DP_DEV_LOGIN", "false")]).is_err());
        }
        assert!(config(&[creds[0], creds[1], ("DP_DEV_LOGIN", "true")]).is_err());
        assert!(config(&[("DP_DEV_LOGIN", "yes")]).is_err());
    }

    #[test]
    fn bad_values_are_rejected() {
        assert!(config(&[("DP_LOG_FORMAT", "xml")]).is_err());
        assert!(config(&[("DP_DATABASE_URL", "mysql://x")]).is_err());
        assert!(config(&[("DP_BODY_LIMIT_BYTES", "lots")]).is_err());
        assert!(config(&[("DP_UPLOAD_LIMIT_BYTES", "20MB")]).is_err());
        assert!(config(&[("DP_WECHAT_TEMPLATES", "{\"nope\": 1}")]).is_err());
        assert!(config(&[("DP_WECHAT_MINIPROGRAM_STATE", "beta")]).is_err());
        assert!(config(&[("DP_REMINDER_DAYS", "3,0")]).is_err());
        assert!(config(&[("DP_REMINDER_DAYS", "soon")]).is_err());
        assert!(config(&[("DP_NOTIFY_INTERVAL_MS", "0")]).is_err());
        assert!(config(&[("DP_WECHAT_TIMEOUT_MS", "-1")]).is_err());
        assert!(config(&[("DP_TRUST_FORWARDED_FOR", "maybe")]).is_err());
        assert!(config(&[("DP_METRICS_LISTEN", "127.0.0.1:8080")]).is_err());
    }

    #[test]
    fn connection_limits_have_defaults_and_are_checked() {
        let c = config(&[]).unwrap().connections;
        assert_eq!(c.header_timeout, Duration::from_secs(10));
        assert_eq!(c.body_period, Duration::from_secs(30));
        assert_eq!(c.body_min_rate, 1024);
        assert_eq!(c.idle_timeout, Duration::from_secs(60));
        assert_eq!(c.max_connections, 10_000);
        assert_eq!(c.max_connections_per_ip, Some(200));
        // Behind a balancer the per-address cap is off unless set.
        let behind = |vars: &[(&str, &str)]| {
            let mut vars = vars.to_vec();
            vars.push(("DP_TRUST_FORWARDED_FOR", "true"));
            config(&vars).unwrap().connections.max_connections_per_ip
        };
        assert_eq!(behind(&[]), None);
        assert_eq!(behind(&[("DP_MAX_CONNECTIONS_PER_IP", "50")]), Some(50));
        let c = config(&[
            ("DP_MAX_CONNECTIONS_PER_IP", "0"),
            ("DP_BODY_MIN_RATE_BYTES", "0"),
        ])
        .unwrap()
        .connections;
        assert_eq!((c.max_connections_per_ip, c.body_min_rate), (None, 0));
        for bad in [
            ("DP_HEADER_TIMEOUT_MS", "0"),
            ("DP_BODY_TIMEOUT_MS", "10s"),
            ("DP_IDLE_TIMEOUT_MS", "-1"),
            ("DP_MAX_CONNECTIONS", "0"),
            ("DP_MAX_CONNECTIONS_PER_IP", "many"),
            ("DP_BODY_MIN_RATE_BYTES", "1KB"),
        ] {
            assert!(config(&[bad]).is_err(), "{bad:?} accepted");
        }
    }
}
