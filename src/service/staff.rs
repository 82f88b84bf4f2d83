//! Staff accounts: creation (admin API and `create-staff`), listing,
//! disabling and password resets. Passwords are hashed with Argon2id.

use std::{sync::OnceLock, time::Duration};

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, SqlErr,
};

use crate::{
    clients::cache::Cache,
    domain::{Password, StaffAssignment, StaffRole, UnitCode, Username},
    entity::{auth_token, staff_account},
    error::{AppError, AppResult, ErrorCode},
    service::tokens,
    state::AppState,
};

/// Staff password attempts (at login and when changing it) are counted over
/// this window.
pub const ATTEMPT_WINDOW: Duration = Duration::from_secs(15 * 60);

/// A staff account as the rest of the service sees it.
#[derive(Clone, Debug)]
pub struct StaffAccount {
    pub id: i64,
    pub username: String,
    pub assignment: StaffAssignment,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

impl TryFrom<staff_account::Model> for StaffAccount {
    type Error = AppError;

    fn try_from(m: staff_account::Model) -> AppResult<Self> {
        let corrupt = |what: String| AppError::internal(anyhow::anyhow!("staff {}: {what}", m.id));
        let role = StaffRole::parse(&m.role).ok_or_else(|| corrupt(format!("role {}", m.role)))?;
        let unit = m
            .unit_code
            .as_deref()
            .map(UnitCode::parse)
            .transpose()
            .map_err(corrupt)?;
        let assignment = StaffAssignment::new(role, unit).map_err(corrupt)?;
        Ok(Self {
            id: m.id,
            username: m.username,
            assignment,
            disabled: m.disabled,
            created_at: m.created_at,
            last_login_at: m.last_login_at,
        })
    }
}

pub struct NewStaff {
    pub username: Username,
    pub password: Password,
    pub assignment: StaffAssignment,
}

pub async fn create(db: &DatabaseConnection, new: NewStaff) -> AppResult<StaffAccount> {
    if let Some(unit) = new.assignment.unit() {
        crate::service::campaign::unit_by_code(db, unit.as_str()).await?;
    }
    let now = Utc::now();
    let password_hash = hash_password(new.password).await?;
    let inserted = staff_account::ActiveModel {
        username: Set(new.username.as_str().to_owned()),
        password_hash: Set(password_hash),
        role: Set(new.assignment.role().as_str().to_owned()),
        unit_code: Set(new.assignment.unit().map(|u| u.as_str().to_owned())),
        disabled: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(model) => StaffAccount::try_from(model),
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::new(
                ErrorCode::UsernameTaken,
                format!("用户名 {} 已被使用", new.username.as_str()),
            ))
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn list(db: &DatabaseConnection) -> AppResult<Vec<StaffAccount>> {
    staff_account::Entity::find()
        .order_by_asc(staff_account::Column::Username)
        .all(db)
        .await?
        .into_iter()
        .map(StaffAccount::try_from)
        .collect()
}

async fn find_row(db: &DatabaseConnection, id: i64) -> AppResult<staff_account::Model> {
    staff_account::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "该工作人员账号不存在"))
}

pub async fn get(db: &DatabaseConnection, id: i64) -> AppResult<StaffAccount> {
    StaffAccount::try_from(find_row(db, id).await?)
}

pub struct StaffUpdate {
    pub disabled: Option<bool>,
    /// As typed: it must be a strong one for this account's username.
    pub password: Option<String>,
}

/// Applies an admin's change; disabling an account or resetting its password
/// ends all of its sessions. Admins cannot disable themselves (no lock-out).
pub async fn update(
    db: &DatabaseConnection,
    cache: &dyn Cache,
    acting_staff_id: i64,
    id: i64,
    change: StaffUpdate,
) -> AppResult<StaffAccount> {
    let current = find_row(db, id).await?;
    if change.disabled == Some(true) && id == acting_staff_id {
        return Err(ErrorCode::CannotDisableSelf.into());
    }
    // Someone holding an admin's token must not take over the account.
    if change.password.is_some() && id == acting_staff_id {
        return Err(ErrorCode::CurrentPasswordRequired.into());
    }
    let password = change
        .password
        .map(|p| Password::parse_chosen(&p, &current.username))
        .transpose()
        .map_err(|e| AppError::new(ErrorCode::InvalidRequest, e))?;
    let revoke_tokens = change.disabled == Some(true) || password.is_some();
    let mut model: staff_account::ActiveModel = current.into();
    if let Some(disabled) = change.disabled {
        model.disabled = Set(disabled);
    }
    if let Some(password) = password {
        model.password_hash = Set(hash_password(password).await?);
    }
    model.updated_at = Set(Utc::now());
    save(db, cache, id, model, revoke_tokens).await
}

/// Saves a change to account `id`; with `end_sessions`, every token of the
/// account goes in the same transaction and leaves the cache at once.
async fn save(
    db: &DatabaseConnection,
    cache: &dyn Cache,
    id: i64,
    model: staff_account::ActiveModel,
    end_sessions: bool,
) -> AppResult<StaffAccount> {
    let hashes = if end_sessions {
        tokens::staff_token_hashes(db, id).await?
    } else {
        Vec::new()
    };
    let updated = tokens::revoke(db, cache, &hashes, async |txn| {
        let updated = model.update(txn).await?;
        if end_sessions {
            auth_token::Entity::delete_many()
                .filter(auth_token::Column::StaffId.eq(id))
                .exec(txn)
                .await?;
        }
        Ok(updated)
    })
    .await?;
    StaffAccount::try_from(updated)
}

/// Tries at the current password allowed per account in one window.
const MAX_PASSWORD_CHANGE_ATTEMPTS: i64 = 5;

/// A staff member changes their own password: the current one must be
/// right (attempts limited, as at login), the new one strong. Every session
/// of the account ends, this one included.
pub async fn change_own_password(
    state: &AppState,
    id: i64,
    current_password: &str,
    new_password: &str,
) -> AppResult<StaffAccount> {
    let key = format!("password_change:{id}");
    if state.cache.incr(&key, ATTEMPT_WINDOW).await? > MAX_PASSWORD_CHANGE_ATTEMPTS {
        return Err(ErrorCode::TooManyAttempts.into());
    }
    let row = find_row(&state.db, id).await?;
    if !verify_password(Some(row.password_hash.clone()), current_password.to_owned()).await? {
        return Err(ErrorCode::WrongCurrentPassword.into());
    }
    state.cache.delete(&key).await?;
    let password = Password::parse_chosen(new_password, &row.username)
        .map_err(|e| AppError::new(ErrorCode::InvalidRequest, e))?;
    let mut model: staff_account::ActiveModel = row.into();
    model.password_hash = Set(hash_password(password).await?);
    model.updated_at = Set(Utc::now());
    save(&state.db, state.cache.as_ref(), id, model, true).await
}

pub(crate) async fn touch_last_login(db: &DatabaseConnection, id: i64) -> AppResult<()> {
    staff_account::Entity::update_many()
        .col_expr(
            staff_account::Column::LastLoginAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(staff_account::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

fn new_salt() -> AppResult<SaltString> {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
    SaltString::encode_b64(&bytes).map_err(|e| AppError::internal(anyhow::anyhow!("salt: {e}")))
}

/// Argon2 is deliberately slow, so it runs off the async workers.
async fn hash_password(password: Password) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &new_salt()?)
            .map(|h| h.to_string())
            .map_err(|e| AppError::internal(anyhow::anyhow!("hashing failed: {e}")))
    })
    .await
    .map_err(AppError::internal)?
}

/// Checks a password against a stored hash; with no hash, verifies against a
/// dummy so the time taken does not reveal whether the account exists.
pub(crate) async fn verify_password(stored: Option<String>, password: String) -> AppResult<bool> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    tokio::task::spawn_blocking(move || {
        let dummy = DUMMY.get_or_init(|| {
            Argon2::default()
                .hash_password(b"not-a-real-password", &new_salt().expect("salt"))
                .expect("hashing a constant works")
                .to_string()
        });
        let exists = stored.is_some();
        let hash_text = stored.as_deref().unwrap_or(dummy);
        let hash = PasswordHash::new(hash_text)
            .map_err(|e| AppError::internal(anyhow::anyhow!("stored hash unreadable: {e}")))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok();
        Ok(exists && matches)
    })
    .await
    .map_err(AppError::internal)?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_only_the_right_password() {
        let hash = hash_password(Password::parse("correct horse battery").unwrap())
            .await
            .unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password(Some(hash.clone()), "correct horse battery".into())
                .await
                .unwrap()
        );
        assert!(
            !verify_password(Some(hash), "wrong horse battery".into())
                .await
                .unwrap()
        );
        assert!(
            !verify_password(None, "not-a-real-password".into())
                .await
                .unwrap()
        );
    }
}
