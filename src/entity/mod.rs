//! sea-orm entities, one file per table (schema in the `migration` crate).
pub mod auth_token;
pub mod staff_account;
pub mod student;
