//! `/admin/staff`: the Graduate School manages staff accounts.

use chrono::{DateTime, FixedOffset};
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};

use crate::{
    api::{ApiTags, security::AdminAuth},
    domain::{
        AuditAction, Password, StaffAssignment, StaffRole, UnitCode, Username, time::to_shanghai,
    },
    error::{AppError, AppResult, ErrorCode},
    service::staff::{self, NewStaff, StaffAccount, StaffUpdate},
    state::AppState,
};

pub struct StaffAdminApi {
    pub state: AppState,
}

/// A staff account (never includes the password hash).
#[derive(Object)]
pub struct StaffView {
    id: i64,
    /// Login name, lower case.
    username: String,
    role: StaffRole,
    /// The training unit a `unit_secretary` is limited to; absent for other roles.
    unit_code: Option<String>,
    /// A disabled account cannot log in and its tokens are revoked.
    disabled: bool,
    /// Asia/Shanghai.
    created_at: DateTime<FixedOffset>,
    /// Asia/Shanghai; absent if the account never logged in.
    last_login_at: Option<DateTime<FixedOffset>>,
}

impl From<StaffAccount> for StaffView {
    fn from(a: StaffAccount) -> Self {
        Self {
            id: a.id,
            username: a.username,
            role: a.assignment.role(),
            unit_code: a.assignment.unit().map(|u| u.as_str().to_owned()),
            disabled: a.disabled,
            created_at: to_shanghai(a.created_at),
            last_login_at: a.last_login_at.map(to_shanghai),
        }
    }
}

#[derive(Object)]
struct CreateStaffRequest {
    /// 3–64 characters of a-z 0-9 . _ - (stored lower case).
    #[oai(
        validator(pattern = r"^[A-Za-z0-9._-]{3,64}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    username: String,
    /// 10–128 characters, and hard to guess: zxcvbn's strength estimate
    /// must be at least 3 of 4 (no repeats, keyboard walks, common words,
    /// dates or the username).
    #[oai(
        validator(min_length = 10, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    password: String,
    role: StaffRole,
    /// Required for `unit_secretary`, forbidden for other roles; an
    /// existing unit (404 `not_found` otherwise).
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    unit_code: Option<String>,
}

#[derive(Object)]
struct UpdateStaffRequest {
    /// `true` disables the account and revokes its tokens; `false` enables it.
    disabled: Option<bool>,
    /// A new password (10–128 characters, hard to guess as for a new
    /// account); revokes the account's tokens. Not for one's own account
    /// (409 `current_password_required`: use `POST /staff/me/password`).
    #[oai(
        validator(min_length = 10, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    password: Option<String>,
}

#[derive(Object)]
struct StaffList {
    items: Vec<StaffView>,
}

#[derive(ApiResponse)]
enum Created {
    #[oai(status = 201)]
    Staff(Json<StaffView>),
}

fn invalid(message: String) -> AppError {
    AppError::new(ErrorCode::InvalidRequest, message)
}

#[OpenApi(tag = "ApiTags::Staff")]
impl StaffAdminApi {
    /// List staff accounts
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden` (not an admin).
    #[oai(path = "/admin/staff", method = "get", operation_id = "list_staff")]
    async fn list(&self, _admin: AdminAuth) -> AppResult<Json<StaffList>> {
        let items = staff::list(&self.state.db).await?;
        Ok(Json(StaffList {
            items: items.into_iter().map(StaffView::from).collect(),
        }))
    }

    /// Create a staff account
    ///
    /// Errors: 400 `invalid_request` (bad username, password, or role/unit
    /// combination), 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (unknown unit), 409 `username_taken`.
    #[oai(path = "/admin/staff", method = "post", operation_id = "create_staff")]
    async fn create(&self, admin: AdminAuth, body: Json<CreateStaffRequest>) -> AppResult<Created> {
        let body = body.0;
        let unit = body
            .unit_code
            .as_deref()
            .map(UnitCode::parse)
            .transpose()
            .map_err(invalid)?;
        let new = NewStaff {
            username: Username::parse(&body.username).map_err(invalid)?,
            password: Password::parse_chosen(&body.password, &body.username).map_err(invalid)?,
            assignment: StaffAssignment::new(body.role, unit).map_err(invalid)?,
        };
        let account = staff::create(&self.state.db, new).await?;
        admin
            .0
            .audit(
                &self.state,
                AuditAction::StaffAccountChanged,
                None,
                format!(
                    "created {} ({})",
                    account.username,
                    account.assignment.role().as_str()
                ),
            )
            .await?;
        Ok(Created::Staff(Json(account.into())))
    }

    /// Disable, enable or reset the password of a staff account
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `cannot_disable_self`, `current_password_required`.
    #[oai(
        path = "/admin/staff/:id",
        method = "patch",
        operation_id = "update_staff"
    )]
    async fn update(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        body: Json<UpdateStaffRequest>,
    ) -> AppResult<Json<StaffView>> {
        let change = StaffUpdate {
            disabled: body.disabled,
            password: body.password.clone(),
        };
        let account = staff::update(
            &self.state.db,
            self.state.cache.as_ref(),
            admin.0.staff_id,
            id.0,
            change,
        )
        .await?;
        let what = [
            body.disabled
                .map(|d| if d { "disabled" } else { "enabled" }),
            body.password.as_ref().map(|_| "password reset"),
        ];
        admin
            .0
            .audit(
                &self.state,
                AuditAction::StaffAccountChanged,
                None,
                format!(
                    "{}: {}",
                    account.username,
                    what.into_iter().flatten().collect::<Vec<_>>().join(", ")
                ),
            )
            .await?;
        Ok(Json(account.into()))
    }
}
