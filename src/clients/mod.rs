//! Outside services, each behind a small client: the shared cache, photo
//! storage and WeChat.
pub mod cache;
pub mod storage;
pub mod wechat;
