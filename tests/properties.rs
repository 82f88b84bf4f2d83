//! Property tests through HTTP: random sequences of booking operations
//! never oversell, lose a seat or leave the cache disagreeing with the
//! database; any roster file imports completely or changes nothing.
mod common;

use std::collections::HashMap;

use common::{ROSTER_HEADER, TestApp, parts, setup, spawn_app, student};
use diploma_photo::{
    domain::StudentCategory,
    entity::{booking, roster_entry, slot},
    service::booking as bookings,
};
use proptest::prelude::*;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

const STUDENTS: usize = 6;

#[derive(Debug, Clone)]
enum Op {
    Book {
        student: usize,
        slot: usize,
    },
    Cancel {
        student: usize,
    },
    Reschedule {
        student: usize,
        slot: usize,
    },
    JoinWaitlist {
        student: usize,
    },
    LeaveWaitlist {
        student: usize,
    },
    /// The cache loses every count (Redis flushed or restarted).
    FlushCache,
}

fn op() -> impl Strategy<Value = Op> {
    let student = 0..STUDENTS;
    prop_oneof![
        4 => (student.clone(), 0..2usize).prop_map(|(student, slot)| Op::Book { student, slot }),
        2 => student.clone().prop_map(|student| Op::Cancel { student }),
        2 => (student.clone(), 0..2usize).prop_map(|(student, slot)| Op::Reschedule { student, slot }),
        2 => student.clone().prop_map(|student| Op::JoinWaitlist { student }),
        1 => student.prop_map(|student| Op::LeaveWaitlist { student }),
        1 => Just(Op::FlushCache),
    ]
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Refusals the rules allow; anything else (a 5xx above all) fails the property.
const EXPECTED: &[&str] = &[
    "slot_full",
    "already_booked",
    "booking_not_active",
    "not_found",
    "session_not_full",
];

async fn apply(app: &TestApp, tokens: &[String], session: &Value, op: &Op) {
    let slot = |i: usize| session["slots"][i]["id"].clone();
    let booking_of = |t: &str| {
        let t = t.to_owned();
        async move { parts(app.get("/api/v1/me", Some(&t)).await).await.1["booking"]["id"].clone() }
    };
    let waitlist = format!("/api/v1/sessions/{}/waitlist", session["id"]);
    let resp = match op {
        Op::Book { student, slot: s } => {
            app.post_json(
                "/api/v1/bookings",
                &json!({"slot_id": slot(*s)}),
                Some(&tokens[*student]),
            )
            .await
        }
        Op::Cancel { student } => {
            let id = booking_of(&tokens[*student]).await;
            app.client
                .delete(app.url(&format!("/api/v1/bookings/{id}")))
                .bearer_auth(&tokens[*student])
                .send()
                .await
                .unwrap()
        }
        Op::Reschedule { student, slot: s } => {
            let id = booking_of(&tokens[*student]).await;
            app.post_json(
                &format!("/api/v1/bookings/{id}/reschedule"),
                &json!({"slot_id": slot(*s)}),
                Some(&tokens[*student]),
            )
            .await
        }
        Op::JoinWaitlist { student } => {
            app.post_json(&waitlist, &json!({}), Some(&tokens[*student]))
                .await
        }
        Op::LeaveWaitlist { student } => app
            .client
            .delete(app.url(&waitlist))
            .bearer_auth(&tokens[*student])
            .send()
            .await
            .unwrap(),
        Op::FlushCache => {
            for i in 0..2 {
                let key = format!("slot_remaining:{}", slot(i));
                app.state.cache.delete(&key).await.unwrap();
            }
            return;
        }
    };
    let (status, body) = parts(resp).await;
    if !status.is_success() {
        let code = body["code"].as_str().unwrap_or_default();
        // A cancel or move without a booking asks for `/bookings/null`.
        let malformed_id = status == StatusCode::BAD_REQUEST;
        assert!(
            EXPECTED.contains(&code) || malformed_id,
            "{op:?} answered {status} {body}"
        );
    }
}

/// Capacity never exceeded, every seat accounted for by exactly one active
/// booking, one booking per student, and the cache agreeing with the database.
async fn check(app: &TestApp, session: &Value) {
    let db = &app.state.db;
    let slots = slot::Entity::find()
        .filter(slot::Column::SessionId.eq(session["id"].as_i64().unwrap()))
        .order_by_asc(slot::Column::Id)
        .all(db)
        .await
        .unwrap();
    let active = booking::Entity::find()
        .filter(booking::Column::Status.eq("booked"))
        .all(db)
        .await
        .unwrap();
    let mut per_student: HashMap<i64, usize> = HashMap::new();
    for b in &active {
        *per_student.entry(b.roster_entry_id).or_default() += 1;
    }
    assert!(per_student.values().all(|n| *n == 1), "{per_student:?}");
    let ids: Vec<i64> = slots.iter().map(|s| s.id).collect();
    let cached = bookings::remaining(&app.state, &ids).await.unwrap();
    for s in &slots {
        let holders = active.iter().filter(|b| b.slot_id == s.id).count() as i32;
        assert!(s.booked <= s.capacity, "oversold: {s:?}");
        assert_eq!(s.booked, holders, "seat count drifted: {s:?}");
        assert_eq!(
            cached[&s.id],
            s.capacity - s.booked,
            "cache disagrees: {s:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn booking_sequences_never_oversell_or_lose_a_seat(ops in prop::collection::vec(op(), 1..30)) {
        runtime().block_on(async {
            let app = spawn_app().await;
            // Two slots of two places: six students compete for four seats.
            let (_, session) = setup(&app, STUDENTS, 2).await;
            let mut tokens = Vec::new();
            for i in 0..STUDENTS {
                tokens.push(student(&app, i).await);
            }
            for op in &ops {
                apply(&app, &tokens, &session, op).await;
                check(&app, &session).await;
            }
        });
    }
}

#[derive(Debug, Clone)]
struct Row {
    no: u8,
    name: String,
    unit: &'static str,
    category: &'static str,
}

fn row() -> impl Strategy<Value = Row> {
    (
        0u8..12,
        prop_oneof![
            8 => "[\\p{Han}a-z]{1,6}",
            1 => Just(String::new()),
        ],
        prop_oneof![8 => Just("CS"), 2 => Just("MED"), 1 => Just("NOPE")],
        prop_oneof![8 => Just("境内"), 2 => Just("外国"), 1 => Just("火星")],
    )
        .prop_map(|(no, name, unit, category)| Row {
            no,
            name,
            unit,
            category,
        })
}

/// Every entry's (student number, name, unit id, category), in order.
async fn roster(app: &TestApp) -> Vec<(String, String, i64, String)> {
    roster_entry::Entity::find()
        .order_by_asc(roster_entry::Column::StudentNo)
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.student_no, e.name, e.unit_id, e.category))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_roster_file_imports_completely_or_changes_nothing(files in prop::collection::vec(prop::collection::vec(row(), 1..8), 1..4)) {
        runtime().block_on(async {
            let app = spawn_app().await;
            let (admin, campaign) = common::standard_roster(&app, 2).await;
            for rows in &files {
                let before = roster(&app).await;
                let csv: Vec<String> = std::iter::once(ROSTER_HEADER.to_owned())
                    .chain(rows.iter().map(|r| {
                        format!("5{:07},{},{},{},上半年,否,否,", r.no, r.name, r.unit, r.category)
                    }))
                    .collect();
                let (status, body) = parts(
                    app.upload_roster(campaign, csv.join("\n").into_bytes(), "r.csv", &admin).await,
                )
                .await;
                let after = roster(&app).await;
                match status {
                    StatusCode::OK => {
                        for r in rows {
                            let no = format!("5{:07}", r.no);
                            let entry = after.iter().find(|e| e.0 == no).expect("imported");
                            let category = StudentCategory::parse(r.category).unwrap();
                            assert_eq!((&entry.1, entry.3.as_str()), (&r.name, category.as_str()), "{body}");
                        }
                        for e in &before {
                            assert!(after.iter().any(|a| a.0 == e.0), "{} vanished", e.0);
                        }
                    }
                    StatusCode::UNPROCESSABLE_ENTITY => {
                        assert_eq!(body["code"], "invalid_rows");
                        assert_eq!(before, after, "a refused file changed the roster");
                    }
                    other => panic!("{other}: {body}"),
                }
            }
        });
    }
}
