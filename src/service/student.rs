//! Student accounts as the mini-program sees them.
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::{
    entity::student,
    error::{AppResult, ErrorCode},
};

pub struct StudentProfile {
    pub student_id: i64,
    /// Bound to the graduation roster. The roster and binding arrive with the
    /// campaign feature; until then no account is bound.
    pub bound: bool,
}

pub async fn profile(db: &DatabaseConnection, student_id: i64) -> AppResult<StudentProfile> {
    let row = student::Entity::find_by_id(student_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::Unauthenticated)?;
    Ok(StudentProfile {
        student_id: row.id,
        bound: false,
    })
}
