//! Business rules. Functions here take the state they need and return
//! `AppResult`; they know nothing about HTTP requests or responses.
pub mod audit;
pub mod auth;
pub mod booking;
pub mod campaign;
pub mod demo;
pub mod makeup;
pub mod makeup_export;
pub mod notify;
pub mod onsite;
pub mod photo_check;
pub mod progress;
pub mod report;
pub mod retention;
pub mod roster;
pub mod staff;
pub mod student;
pub mod table_file;
pub mod verification;
