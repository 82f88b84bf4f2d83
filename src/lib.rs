//! diploma-photo: backend of the WeChat mini-program that gets every
//! graduating student's diploma photo collected, verified and on file.
//!
//! Layers: `api` (HTTP) → `service` (rules) → `entity` (database), with
//! `domain` types shared by all and `clients` for outside services.

pub mod allocator;
pub mod api;
pub mod backup;
pub mod cli;
pub mod clients;
pub mod config;
pub mod connections;
pub mod domain;
pub mod drain;
pub mod entity;
pub mod error;
pub mod metrics;
pub mod service;
pub mod startup;
pub mod state;
pub mod telemetry;
