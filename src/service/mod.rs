//! Business rules. Functions here take the state they need and return
//! `AppResult`; they know nothing about HTTP requests or responses.
pub mod audit;
pub mod auth;
pub mod availability;
pub mod booking;
pub mod campaign;
pub mod demo;
pub mod intl;
pub mod journey;
pub mod makeup;
pub mod makeup_export;
pub mod notify;
pub mod onsite;
pub mod photo_check;
pub mod progress;
pub mod reminders;
pub mod report;
pub mod retention;
pub mod roster;
pub mod staff;
pub mod student;
pub mod table_file;
pub mod tokens;
pub mod verification;

use sea_orm::{
    DatabaseConnection, DatabaseTransaction, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

/// Starts a transaction that will write. On SQLite it takes the write lock at
/// once (`BEGIN IMMEDIATE`): a transaction that reads first and writes later
/// would otherwise fail with "database is locked" — without waiting out the
/// busy timeout — when another connection wrote in between. PostgreSQL
/// ignores the option.
pub async fn begin_write(db: &DatabaseConnection) -> crate::error::AppResult<DatabaseTransaction> {
    Ok(db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?)
}
