//! What `GET /sessions` answers from, as data: the campaign's session layout
//! and a student's eligibility as cached, and this instance's memo of both.
//! `AppState` holds the memo; `service::booking` reads and fills it.

use std::{
    collections::HashMap,
    hash::Hash,
    sync::{Arc, Mutex, PoisonError},
    time::Instant,
};

use bytes::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::entity::slot;

/// A slot as kept in the cached layout (counts live in their own keys).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutSlot {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
}

impl From<&slot::Model> for LayoutSlot {
    fn from(s: &slot::Model) -> Self {
        Self {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            capacity: s.capacity,
        }
    }
}

/// A session as kept in the cached layout of its campaign.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutSession {
    pub id: i64,
    pub campus_id: i64,
    pub campus_code: String,
    pub campus_name: String,
    pub date: NaiveDate,
    pub rooms: String,
    pub windows: Vec<String>,
    /// Units listed explicitly; empty means the units of the campus.
    pub unit_ids: Vec<i64>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: DateTime<Utc>,
    pub slots: Vec<LayoutSlot>,
}

impl LayoutSession {
    pub fn serves(&self, unit_id: i64, unit_campus_id: i64) -> bool {
        if self.unit_ids.is_empty() {
            self.campus_id == unit_campus_id
        } else {
            self.unit_ids.contains(&unit_id)
        }
    }

    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.opens_at.is_none_or(|t| t <= now) && now < self.closes_at
    }
}

/// What `GET /sessions` needs to know about a student who may book, cached
/// so that polling availability touches only the cache.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Eligible {
    /// The epoch current when this was read from the database; any other
    /// current epoch makes it stale.
    pub(crate) epoch: Option<String>,
    pub(crate) campaign_id: i64,
    pub(crate) unit_id: i64,
    pub(crate) campus_id: i64,
    pub(crate) on_site_notes: String,
    /// No collection code yet: sessions are shown, booking is refused.
    #[serde(default)]
    pub(crate) code_missing: bool,
}

/// What this instance last saw while answering polls: each campaign's parsed
/// layout (with the cached text it came from), the student of each token,
/// each student's eligibility (with its cached text) and the last answer for
/// each audience. Used only once the shared cache confirms it is still
/// current: it saves parsing, rendering and round trips, and never decides
/// anything.
#[derive(Default)]
pub struct PollMemo {
    pub(crate) layouts: Mutex<HashMap<i64, ParsedLayout>>,
    pub(crate) students: Mutex<HashMap<String, i64>>,
    pub(crate) eligible: Mutex<HashMap<i64, (Arc<str>, Eligible)>>,
    pub(crate) answers: Mutex<HashMap<Audience, Answer>>,
}

pub(crate) type ParsedLayout = (Arc<str>, Arc<Vec<LayoutSession>>);

/// Students who see the same answer: campaign, unit, campus, and whether
/// booking waits for their collection code.
pub(crate) type Audience = (i64, i64, i64, bool);

pub(crate) fn audience(e: &Eligible) -> Audience {
    (e.campaign_id, e.unit_id, e.campus_id, e.code_missing)
}

/// An answer as rendered, and until when it holds.
pub(crate) struct Answer {
    /// The campaign's notes in it.
    pub(crate) on_site_notes: String,
    /// The availability version read before the counts in it.
    pub(crate) version: String,
    /// Reused until then at most (see `booking::ANSWER_MAX_AGE`).
    pub(crate) fresh_until: Instant,
    /// The next opening or closing of a session in it, if any.
    pub(crate) open_until: Option<DateTime<Utc>>,
    pub(crate) text: Bytes,
}

/// Tokens and students remembered at most; past it the memory starts again.
pub(crate) const MEMO_MAX: usize = 100_000;
/// Answers remembered at most (one per unit and campus is the usual need).
pub(crate) const ANSWERS_MAX: usize = 1_000;

pub(crate) fn recall<K: Eq + Hash, V: Clone>(map: &Mutex<HashMap<K, V>>, key: &K) -> Option<V> {
    let map = map.lock().unwrap_or_else(PoisonError::into_inner);
    map.get(key).cloned()
}

pub(crate) fn remember<K: Eq + Hash, V>(map: &Mutex<HashMap<K, V>>, max: usize, key: K, value: V) {
    let mut map = map.lock().unwrap_or_else(PoisonError::into_inner);
    if map.len() >= max {
        map.clear();
    }
    map.insert(key, value);
}

impl PollMemo {
    /// The answer for this student's audience if it was read under `version`
    /// and is still fresh.
    pub(crate) fn answer(
        &self,
        student: &Eligible,
        version: &str,
        now: DateTime<Utc>,
    ) -> Option<Bytes> {
        // Checked in place: a poll copies only the text's handle.
        let answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        answers
            .get(&audience(student))
            .filter(|a| {
                a.version == version
                    && a.on_site_notes == student.on_site_notes
                    && a.fresh_until > Instant::now()
                    && a.open_until.is_none_or(|t| now < t)
            })
            .map(|a| a.text.clone())
    }
}
