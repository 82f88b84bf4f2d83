//! Domain types: values that are valid by construction, so the layers above
//! never handle an unchecked username, a secretary without a unit, or a raw token.
pub mod account;
pub mod audit;
pub mod campaign;
pub mod checkin;
pub mod makeup;
pub mod notify;
pub mod photo_spec;
pub mod student;
pub mod time;
pub mod token;
pub mod verification;

pub use account::{Password, Principal, StaffAssignment, StaffRole, UnitCode, Username};
pub use audit::AuditAction;
pub use campaign::{BookingStatus, CampaignStatus, GraduationHalf, StudentCategory, TimeWindow};
pub use makeup::{MakeupState, PhotoSource, PhotoStatus, RejectReason};
pub use notify::{DeliveryStatus, NotifyEvent, Templates};
pub use student::{CollectionCode, IdSuffix};
pub use token::{SessionToken, TokenHash};
pub use verification::{ChsiStatus, ErrorReason, ReportStatus, Resolution};
