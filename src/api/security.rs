//! Authentication extractors. Each operation names the one it needs; all of
//! them read the same `Authorization: Bearer <token>` header (one scheme in
//! the OpenAPI document) and differ in who they let through:
//! a missing or bad token is 401 `unauthenticated`, a valid token of the wrong
//! kind or role is 403 `forbidden`.

use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};

use crate::{
    api::middleware::request_meta,
    domain::{AuditAction, Principal, StaffAssignment},
    error::{AppError, AppResult, ErrorCode},
    service::{
        audit::{self, Actor, RequestMeta},
        auth,
    },
    state::AppState,
};

/// The authenticated caller and the token they presented (needed to log out).
pub struct Caller {
    pub principal: Principal,
    pub token: String,
}

/// A logged-in staff member.
pub struct StaffCaller {
    pub staff_id: i64,
    pub assignment: StaffAssignment,
    /// Request id and address, for the audit log.
    pub meta: RequestMeta,
}

/// The unit a staff list is limited to: a unit secretary always sees their
/// own (asking for another is 403), anyone else sees what they asked for.
pub fn unit_scope(caller: &StaffCaller, asked: Option<String>) -> AppResult<Option<String>> {
    match (&caller.assignment, asked) {
        (StaffAssignment::UnitSecretary { unit: own }, Some(asked))
            if asked.trim() != own.as_str() =>
        {
            Err(AppError::new(ErrorCode::Forbidden, "只能查看本单位的数据"))
        }
        (StaffAssignment::UnitSecretary { unit: own }, _) => Ok(Some(own.as_str().to_owned())),
        (_, asked) => Ok(asked),
    }
}

impl StaffCaller {
    /// This staff member as the actor of an audit entry.
    pub fn actor(&self) -> Actor {
        Actor::staff(self.staff_id, self.assignment.role(), self.meta.clone())
    }

    /// Writes an audit entry with this staff member as the actor.
    pub async fn audit(
        &self,
        state: &AppState,
        action: AuditAction,
        roster_entry_id: Option<i64>,
        detail: impl Into<String>,
    ) -> AppResult<()> {
        audit::record(&state.db, &self.actor(), action, roster_entry_id, detail).await
    }
}

/// Token from `POST /auth/wechat` (students) or `POST /auth/staff` (staff).
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "any_caller")]
pub struct AnyAuth(pub Caller);

/// A student token.
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "student_caller")]
pub struct StudentAuth(pub i64);

/// A student token that the operation checks itself, in one cache round
/// trip with its own reads (only `GET /sessions`, the hot poll). 401 and 403
/// come from the operation, as for [`StudentAuth`].
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "presented")]
pub struct PresentedToken(pub String);

/// A staff token of any role.
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "staff_caller")]
pub struct StaffAuth(pub StaffCaller);

/// A staff token with the `admin` role (Graduate School).
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "admin_caller")]
pub struct AdminAuth(pub StaffCaller);

async fn principal(req: &Request, bearer: &Bearer) -> poem::Result<Principal> {
    let state = req
        .data::<AppState>()
        .expect("AppState is attached to every route");
    Ok(auth::authenticate(state, &bearer.token).await?)
}

async fn presented(_req: &Request, bearer: Bearer) -> poem::Result<String> {
    Ok(bearer.token)
}

fn forbidden() -> poem::Error {
    AppError::from(ErrorCode::Forbidden).into()
}

async fn any_caller(req: &Request, bearer: Bearer) -> poem::Result<Caller> {
    let principal = principal(req, &bearer).await?;
    Ok(Caller {
        principal,
        token: bearer.token,
    })
}

async fn student_caller(req: &Request, bearer: Bearer) -> poem::Result<i64> {
    match principal(req, &bearer).await? {
        Principal::Student { student_id } => Ok(student_id),
        Principal::Staff { .. } => Err(forbidden()),
    }
}

async fn staff_caller(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    match principal(req, &bearer).await? {
        Principal::Staff {
            staff_id,
            assignment,
        } => Ok(StaffCaller {
            staff_id,
            assignment,
            meta: request_meta(req),
        }),
        Principal::Student { .. } => Err(forbidden()),
    }
}

async fn admin_caller(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::Admin => Ok(caller),
        _ => Err(forbidden()),
    }
}

/// A staff token of an `admin` or a `unit_secretary` (who is limited to their unit).
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "unit_viewer")]
pub struct UnitViewerAuth(pub StaffCaller);

async fn unit_viewer(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::Admin | StaffAssignment::UnitSecretary { .. } => Ok(caller),
        _ => Err(forbidden()),
    }
}

/// A staff token of an `admin`, a `unit_secretary` or `onsite` staff: who
/// works with collection sessions (which ones, the handler says).
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "session_staff")]
pub struct SessionStaffAuth(pub StaffCaller);

async fn session_staff(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::IntlOffice => Err(forbidden()),
        _ => Ok(caller),
    }
}

/// A staff token of `onsite` staff (or an `admin`): check-in and marking.
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "onsite_caller")]
pub struct OnsiteAuth(pub StaffCaller);

async fn onsite_caller(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::Admin | StaffAssignment::Onsite => Ok(caller),
        _ => Err(forbidden()),
    }
}

/// A staff token of an `admin`, a `unit_secretary` (own unit) or the
/// `intl_office` (foreign students): who may look at students' photos.
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "photo_viewer")]
pub struct PhotoViewerAuth(pub StaffCaller);

async fn photo_viewer(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::Onsite => Err(forbidden()),
        _ => Ok(caller),
    }
}

/// A staff token of the `intl_office` (or an `admin`).
#[derive(SecurityScheme)]
#[oai(rename = "bearer", ty = "bearer", checker = "intl_caller")]
pub struct IntlAuth(pub StaffCaller);

async fn intl_caller(req: &Request, bearer: Bearer) -> poem::Result<StaffCaller> {
    let caller = staff_caller(req, bearer).await?;
    match caller.assignment {
        StaffAssignment::Admin | StaffAssignment::IntlOffice => Ok(caller),
        _ => Err(forbidden()),
    }
}
