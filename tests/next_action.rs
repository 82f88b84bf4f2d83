//! `next_action` is decided by one list of rules over the journey's facts,
//! walked in Rust for one student (`journey::next_action`) and as one SQL
//! `CASE` for counts and staff filters (`journey::next_action_expr`). Over
//! hundreds of generated students in every kind of state, each student
//! must get the same action both ways, and each fact that is a column of
//! the entry must read the same in Rust (`Fact::of_entry`) as in SQL.
mod common;

use std::collections::{BTreeSet, HashMap};

use chrono::Utc;
use common::spawn_app;
use diploma_photo::{
    domain::{BookingStatus, ChsiStatus, MakeupState, StudentCategory},
    entity::{booking, roster_entry, student},
    service::journey::{self, Fact, NextAction},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::ExprTrait,
};

/// A small deterministic generator (no external randomness in tests).
struct Lcg(u64);

impl Lcg {
    fn pick(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[tokio::test]
async fn summarize_and_the_database_condition_agree_in_every_state() {
    let app = spawn_app().await;
    let (_, session) = common::setup(&app, 300, 1000).await;
    let (session_id, slot_id) = (
        session["id"].as_i64().unwrap(),
        session["slots"][0]["id"].as_i64().unwrap(),
    );
    let db = &app.state.db;
    let entries = roster_entry::Entity::find().all(db).await.unwrap();
    let campaign = entries[0].campaign_id;
    let mut rng = Lcg(7);
    let makeup_states: Vec<Option<MakeupState>> = std::iter::once(None)
        .chain(MakeupState::ALL.iter().copied().map(Some))
        .collect();
    let chsi: Vec<Option<ChsiStatus>> = std::iter::once(None)
        .chain(ChsiStatus::ALL.iter().copied().map(Some))
        .collect();
    let bookings = [
        None,
        Some(BookingStatus::Booked),
        Some(BookingStatus::CheckedIn),
        Some(BookingStatus::Photographed),
        Some(BookingStatus::NoShow),
        Some(BookingStatus::Cancelled),
    ];
    let categories = [StudentCategory::Domestic, StudentCategory::Foreign];
    let now = Utc::now();
    for (i, entry) in entries.iter().enumerate() {
        let bound = rng.pick(6) != 0;
        let mut e: roster_entry::ActiveModel = entry.clone().into();
        if bound {
            let s = student::ActiveModel {
                openid: Set(format!("gen-{i}")),
                session_key: Set(String::new()),
                created_at: Set(now),
                last_login_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
            e.student_id = Set(Some(s.id));
        }
        e.category = Set(categories[rng.pick(2)].as_str().to_owned());
        e.collection_code = Set((rng.pick(5) != 0).then(|| format!("C-{i}")));
        e.has_chsi_photo = Set(rng.pick(8) == 0);
        e.makeup_state =
            Set(makeup_states[rng.pick(makeup_states.len())].map(|s| s.as_str().to_owned()));
        e.chsi_status = Set(chsi[rng.pick(chsi.len())].map(|s| s.as_str().to_owned()));
        e.has_open_report = Set(rng.pick(4) == 0);
        e.self_checked_at = Set((rng.pick(2) == 0).then_some(now));
        e.graduate_platform_at = Set((rng.pick(3) == 0).then_some(now));
        e.reshoot_requested_at = Set((rng.pick(4) == 0).then_some(now));
        e.photographed_at = Set((rng.pick(3) == 0).then_some(now));
        let entry = e.update(db).await.unwrap();
        if let (true, Some(status)) = (bound, bookings[rng.pick(bookings.len())]) {
            booking::ActiveModel {
                campaign_id: Set(campaign),
                session_id: Set(session_id),
                slot_id: Set(slot_id),
                roster_entry_id: Set(entry.id),
                student_id: Set(entry.student_id),
                status: Set(status.as_str().to_owned()),
                active_entry_id: Set(matches!(
                    status,
                    BookingStatus::Booked | BookingStatus::CheckedIn | BookingStatus::Photographed
                )
                .then_some(entry.id)),
                fee_paid: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
    }

    let entries = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign))
        .all(db)
        .await
        .unwrap();
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let facts = journey::facts(db, &ids, now).await.unwrap();
    let mut expected: HashMap<NextAction, BTreeSet<i64>> = HashMap::new();
    for e in &entries {
        // The facts that are the entry's own columns read the same in Rust.
        for fact in Fact::ALL {
            if let Some(held) = fact.of_entry(e) {
                assert_eq!(held, facts[&e.id].has(fact), "{fact:?} of {e:?}");
            }
        }
        let action = journey::next_action(facts[&e.id]);
        expected.entry(action).or_default().insert(e.id);
    }
    for action in NextAction::ALL {
        let got: BTreeSet<i64> = roster_entry::Entity::find()
            .filter(roster_entry::Column::CampaignId.eq(campaign))
            .filter(journey::next_action_expr(now).eq(action.as_str()))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        let want = expected.get(&action).cloned().unwrap_or_default();
        assert_eq!(got, want, "{action:?}");
    }
    // The generator reached most states.
    assert!(expected.len() >= 15, "{:?}", expected.keys());
}
