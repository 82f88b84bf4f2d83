//! sea-orm entities, one file per table (schema in the `migration` crate).
pub mod auth_token;
pub mod booking;
pub mod campaign;
pub mod campus;
pub mod consent;
pub mod makeup_photo;
pub mod offline_makeup;
pub mod roster_entry;
pub mod server_secret;
pub mod session;
pub mod session_unit;
pub mod slot;
pub mod staff_account;
pub mod student;
pub mod unit;
pub mod waitlist_entry;
