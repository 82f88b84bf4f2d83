//! Database migrations, run at start-up and by `diploma-photo migrate`.
pub use sea_orm_migration::prelude::*;

mod m20261126_000001_accounts;
mod m20261126_000002_campaigns;
mod m20261126_000003_bookings;
mod m20261126_000004_check_in;
mod m20261126_000005_waitlist;
mod m20261126_000006_makeup;
mod m20261126_000007_verification;
mod m20261127_000008_notifications_audit;
mod m20261128_000009_chsi_status_date;
mod m20261204_000010_original_sha256;
mod m20261204_000011_intl_office_contact;
mod m20261204_000012_journey;
mod m20261205_000013_binding_and_code;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_accounts::Migration),
            Box::new(m20261126_000002_campaigns::Migration),
            Box::new(m20261126_000003_bookings::Migration),
            Box::new(m20261126_000004_check_in::Migration),
            Box::new(m20261126_000005_waitlist::Migration),
            Box::new(m20261126_000006_makeup::Migration),
            Box::new(m20261126_000007_verification::Migration),
            Box::new(m20261127_000008_notifications_audit::Migration),
            Box::new(m20261128_000009_chsi_status_date::Migration),
            Box::new(m20261204_000010_original_sha256::Migration),
            Box::new(m20261204_000011_intl_office_contact::Migration),
            Box::new(m20261204_000012_journey::Migration),
            Box::new(m20261205_000013_binding_and_code::Migration),
        ]
    }
}
