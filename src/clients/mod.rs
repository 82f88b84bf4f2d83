//! Outside services, each behind a small client: the shared cache and WeChat.
pub mod cache;
pub mod wechat;
