//! Logging in (students by WeChat, staff by password), checking bearer tokens
//! and logging out. How tokens are cached and revoked is in `service::tokens`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::OnConflict,
};

use crate::{
    clients::wechat::{WechatError, WechatSession},
    domain::{AuditAction, Principal, SessionToken, StaffRole, TokenHash, Username},
    entity::{auth_token, staff_account},
    error::{AppError, AppResult, ErrorCode},
    service::{
        audit::{self, Actor, RequestMeta},
        staff::{self, ATTEMPT_WINDOW},
        student, tokens,
    },
    state::AppState,
};

pub const STUDENT_TOKEN_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
pub const STAFF_TOKEN_TTL: Duration = Duration::from_secs(12 * 3600);

/// Staff login attempts allowed per (username, client address), and per
/// address over all usernames, in one window. Each attempt is reserved
/// before the password is checked, so concurrent guesses cannot overrun them;
/// a successful login gives its attempt back.
pub const MAX_ATTEMPTS_PER_USERNAME_AND_IP: i64 = 5;
pub const MAX_ATTEMPTS_PER_IP: i64 = 30;
/// Failures of one username from any address before each further attempt
/// on it waits: half a second, doubling up to `MAX_LOGIN_DELAY`. A delay, not
/// a lockout, so failures elsewhere never keep the owner out.
pub const FAILURES_BEFORE_DELAY: i64 = 5;
const MAX_LOGIN_DELAY: Duration = Duration::from_secs(8);

fn login_delay(failures: i64) -> Duration {
    match u32::try_from(failures - FAILURES_BEFORE_DELAY) {
        Ok(over) => Duration::from_millis(500u64 << over.min(4)).min(MAX_LOGIN_DELAY),
        Err(_) => Duration::ZERO,
    }
}

pub const DEV_CODE_PREFIX: &str = "dev:";

pub struct IssuedToken {
    pub token: SessionToken,
    pub expires_at: DateTime<Utc>,
}

pub struct StudentLogin {
    pub issued: IssuedToken,
    /// Whether the student is bound to the graduation roster.
    pub bound: bool,
}

pub struct StaffLogin {
    pub issued: IssuedToken,
    pub role: StaffRole,
}

/// `POST /auth/wechat`: a `wx.login` code (or `dev:<openid>` in dev mode)
/// becomes a student token.
pub async fn wechat_login(state: &AppState, code: &str) -> AppResult<StudentLogin> {
    let session = match (code.strip_prefix(DEV_CODE_PREFIX), &state.wechat) {
        (Some(_), Some(_)) => return Err(ErrorCode::DevLoginDisabled.into()),
        (Some(openid), None) => dev_session(openid)?,
        (None, None) => {
            return Err(AppError::new(
                ErrorCode::WechatCodeInvalid,
                "开发模式未配置微信小程序，请使用 dev:<openid> 登录",
            ));
        }
        (None, Some(client)) => client
            .code_to_session(code)
            .await
            .map_err(|err| match err {
                WechatError::InvalidCode(_) => AppError::from(ErrorCode::WechatCodeInvalid),
                WechatError::RateLimited => AppError::from(ErrorCode::WechatRateLimited),
                unavailable => AppError::with_cause(ErrorCode::WechatUnavailable, unavailable),
            })?,
    };
    let student_id = upsert_student(&state.db, session).await?;
    let issued = issue_token(state, Owner::Student(student_id), STUDENT_TOKEN_TTL).await?;
    let profile = student::profile(&state.db, student_id).await?;
    Ok(StudentLogin {
        issued,
        bound: profile.bound(),
    })
}

fn dev_session(openid: &str) -> AppResult<WechatSession> {
    let valid = (1..=64).contains(&openid.len())
        && openid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "dev 登录的 openid 须为 1–64 位字母、数字、- 或 _",
        ));
    }
    Ok(WechatSession {
        openid: openid.to_owned(),
        unionid: None,
        session_key: "dev".to_owned(),
    })
}

async fn upsert_student(db: &DatabaseConnection, session: WechatSession) -> AppResult<i64> {
    let now = Utc::now();
    use crate::entity::student as row;
    let mut update = vec![row::Column::SessionKey, row::Column::LastLoginAt];
    if session.unionid.is_some() {
        update.push(row::Column::Unionid);
    }
    // One statement, so two first logins of the same student cannot race.
    row::Entity::insert(row::ActiveModel {
        openid: Set(session.openid.clone()),
        unionid: Set(session.unionid),
        session_key: Set(session.session_key),
        created_at: Set(now),
        last_login_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(row::Column::Openid)
            .update_columns(update)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let student = row::Entity::find()
        .filter(row::Column::Openid.eq(session.openid))
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("student vanished after upsert")))?;
    Ok(student.id)
}

/// `POST /auth/staff`: username and password become a staff token. Attempts
/// are limited per (username, address) and per address, failures of a
/// username slow further attempts on it, and both are written to the audit log.
pub async fn staff_login(
    state: &AppState,
    username: &str,
    password: &str,
    meta: RequestMeta,
) -> AppResult<StaffLogin> {
    let user = username.trim().to_ascii_lowercase();
    let ip = meta.ip.clone().unwrap_or_default();
    let pair_key = format!("login_attempt:{ip}:{user}");
    let ip_key = format!("login_attempt:{ip}");
    let failures_key = format!("login_fail:{user}");
    let pair = state.cache.incr(&pair_key, ATTEMPT_WINDOW).await?;
    let from_ip = if pair > MAX_ATTEMPTS_PER_USERNAME_AND_IP {
        None
    } else {
        Some(state.cache.incr(&ip_key, ATTEMPT_WINDOW).await?)
    };
    if from_ip.is_none_or(|n| n > MAX_ATTEMPTS_PER_IP) {
        // Logged when a limit is first reached, not for every refusal after it.
        if pair == MAX_ATTEMPTS_PER_USERNAME_AND_IP + 1 || from_ip == Some(MAX_ATTEMPTS_PER_IP + 1)
        {
            record_login_failure(state, meta, &user, "throttled").await?;
        }
        return Err(ErrorCode::TooManyAttempts.into());
    }
    let failures = state
        .cache
        .get(&failures_key)
        .await?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    tokio::time::sleep(login_delay(failures)).await;

    let account = match Username::parse(username) {
        Ok(name) => staff_account::Entity::find()
            .filter(staff_account::Column::Username.eq(name.as_str()))
            .one(&state.db)
            .await?
            .filter(|a| !a.disabled),
        Err(_) => None,
    };
    // Verify against a dummy hash when there is no account, so timing does not
    // tell an unknown username from a wrong password.
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let verified = staff::verify_password(hash, password.to_owned()).await?;
    let account = match account {
        Some(account) if verified => account,
        _ => {
            // Unknown usernames slow down too, or the delay would tell which exist.
            state.cache.incr(&failures_key, ATTEMPT_WINDOW).await?;
            let outcome = match account {
                Some(_) => "wrong_password",
                None => "unknown_user",
            };
            record_login_failure(state, meta, &user, outcome).await?;
            return Err(ErrorCode::InvalidCredentials.into());
        }
    };
    state.cache.delete(&pair_key).await?;
    state.cache.delete(&failures_key).await?;
    state.cache.decr(&ip_key).await?;
    let view = staff::StaffAccount::try_from(account)?;
    staff::touch_last_login(&state.db, view.id).await?;
    let issued = issue_token(state, Owner::Staff(view.id), STAFF_TOKEN_TTL).await?;
    Ok(StaffLogin {
        issued,
        role: view.assignment.role(),
    })
}

async fn record_login_failure(
    state: &AppState,
    meta: RequestMeta,
    user: &str,
    outcome: &str,
) -> AppResult<()> {
    // The name is cut: it is whatever the client sent.
    let user: String = user.chars().take(64).collect();
    audit::record(
        &state.db,
        &Actor::anonymous(meta),
        AuditAction::StaffLoginFailed,
        None,
        format!("username={user} outcome={outcome}"),
    )
    .await
}

enum Owner {
    Student(i64),
    Staff(i64),
}

async fn issue_token(state: &AppState, owner: Owner, ttl: Duration) -> AppResult<IssuedToken> {
    let now = Utc::now();
    let expires_at = now + chrono::Duration::from_std(ttl).map_err(AppError::internal)?;
    let token = SessionToken::generate();
    let (student_id, staff_id) = match owner {
        Owner::Student(id) => (Some(id), None),
        Owner::Staff(id) => (None, Some(id)),
    };
    // Housekeeping: the owner's expired tokens go when a new one is issued.
    auth_token::Entity::delete_many()
        .filter(auth_token::Column::ExpiresAt.lte(now))
        .filter(match owner {
            Owner::Student(id) => auth_token::Column::StudentId.eq(id),
            Owner::Staff(id) => auth_token::Column::StaffId.eq(id),
        })
        .exec(&state.db)
        .await?;
    auth_token::Entity::insert(auth_token::ActiveModel {
        token_hash: Set(TokenHash::of(token.as_str()).as_str().to_owned()),
        student_id: Set(student_id),
        staff_id: Set(staff_id),
        created_at: Set(now),
        expires_at: Set(expires_at),
    })
    .exec_without_returning(&state.db)
    .await?;
    Ok(IssuedToken { token, expires_at })
}

/// Resolves a presented bearer token to its principal, or 401 `unauthenticated`.
pub async fn authenticate(state: &AppState, presented: &str) -> AppResult<Principal> {
    let hash = TokenHash::of(presented);
    let key = tokens::cache_key(&hash);
    let now = Utc::now();
    // The cache only speeds this up: when it is down, the database answers.
    // (Revocations evict the cache before they commit, so once the cache is
    // back it holds no token that the database no longer has.)
    let cached = state.cache.get(&key).await.unwrap_or_else(|err| {
        tracing::warn!(error = %err, "token cache unreadable; asking the database");
        None
    });
    if let Some(principal) = cached.and_then(|json| tokens::cached_principal(&json, now)) {
        return principal;
    }
    let row = auth_token::Entity::find_by_id(hash.as_str())
        .one(&state.db)
        .await?
        .filter(|t| t.expires_at > now)
        .ok_or(ErrorCode::Unauthenticated)?;
    let principal = match (row.student_id, row.staff_id) {
        (Some(student_id), None) => Principal::Student { student_id },
        (None, Some(staff_id)) => {
            let account = staff_account::Entity::find_by_id(staff_id)
                .one(&state.db)
                .await?
                .filter(|a| !a.disabled)
                .ok_or(ErrorCode::Unauthenticated)?;
            Principal::Staff {
                staff_id,
                assignment: staff::StaffAccount::try_from(account)?.assignment,
            }
        }
        _ => {
            return Err(AppError::internal(anyhow::anyhow!(
                "token with no single owner"
            )));
        }
    };
    tokens::remember(state.cache.as_ref(), &key, &principal, row.expires_at, now).await?;
    Ok(principal)
}

/// Revokes the presented token everywhere at once.
pub async fn logout(state: &AppState, presented: &str) -> AppResult<()> {
    let hashes = [TokenHash::of(presented)];
    tokens::revoke(&state.db, state.cache.as_ref(), &hashes, async |db| {
        auth_token::Entity::delete_by_id(hashes[0].as_str())
            .exec(db)
            .await?;
        Ok(())
    })
    .await
}
