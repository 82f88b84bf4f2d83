//! The make-up export for the collection centre: a ZIP of the approved,
//! normalised photos named by student number, with a manifest CSV.
//!
//! The archive is written as it is sent: one photo at a time is read from
//! storage, so memory stays flat however many photos there are. The ZIP
//! writer is synchronous, so it runs on a blocking thread and hands chunks
//! to the response through a small channel (which also slows it down to
//! the client's pace).

use std::io::{self, Write};

use bytes::Bytes;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tokio::sync::mpsc;
use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

use crate::{
    domain::{PhotoStatus, StudentCategory},
    entity::makeup_photo,
    error::{AppResult, ErrorCode},
    service::{
        makeup::{Variant, object_key},
        report::{self, Cell},
    },
    state::AppState,
};

/// Bytes gathered before a chunk is handed to the response.
const CHUNK: usize = 64 * 1024;

/// One photo to put in the archive.
struct Item {
    object_id: String,
    student_no: String,
    name: String,
    unit_code: String,
    category: StudentCategory,
    collection_code: String,
    sha256: String,
}

async fn items(
    db: &DatabaseConnection,
    campaign_id: i64,
    since: Option<DateTime<Utc>>,
) -> AppResult<Vec<Item>> {
    let mut query = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::CampaignId.eq(campaign_id))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Approved.as_str()))
        // Files the retention rules deleted are gone from storage; reading
        // them would break the archive off. (Deleting only the original, as
        // retention does after approval, keeps the normalised copy.)
        .filter(makeup_photo::Column::PurgedAt.is_null())
        .order_by_asc(makeup_photo::Column::ReviewedAt);
    if let Some(since) = since {
        query = query.filter(makeup_photo::Column::ReviewedAt.gte(since));
    }
    let photos = query.all(db).await?;
    let entries =
        crate::service::roster::entries_by_id(db, photos.iter().map(|p| p.roster_entry_id)).await?;
    let units = crate::service::campaign::unit_codes(db).await?;
    Ok(photos
        .into_iter()
        .filter_map(|p| {
            let e = entries.get(&p.roster_entry_id)?;
            Some(Item {
                object_id: p.object_id,
                student_no: e.student_no.clone(),
                name: e.name.clone(),
                unit_code: units.get(&e.unit_id).cloned().unwrap_or_default(),
                category: StudentCategory::parse(&e.category).unwrap_or(StudentCategory::Domestic),
                collection_code: e.collection_code.clone().unwrap_or_default(),
                sha256: p.normalized_sha256,
            })
        })
        .collect())
}

/// Gathers written bytes into chunks and sends them to the response.
struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::take(&mut self.buf));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// The manifest, as Excel in China opens it (see `report::table_csv`).
fn manifest(items: &[Item]) -> AppResult<Vec<u8>> {
    report::table_csv(
        &[
            "学号 (student number)",
            "姓名 (name)",
            "培养单位 (unit)",
            "学生类别 (category)",
            "图像采集码 (collection code)",
            "文件 (file)",
            "SHA-256",
        ],
        items.iter().map(|i| {
            vec![
                Cell::code(&i.student_no),
                Cell::text(&i.name),
                Cell::text(&i.unit_code),
                Cell::text(i.category.label_zh()),
                Cell::code(&i.collection_code),
                Cell::Text(file_name(&i.student_no)),
                Cell::text(&i.sha256),
            ]
        }),
    )
}

/// A file name a student number can safely become (they are digits in
/// practice; anything else is replaced).
fn file_name(student_no: &str) -> String {
    let clean: String = student_no
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{clean}.jpg")
}

/// Starts writing the archive; the receiver yields its bytes in order. A
/// storage failure part-way ends the stream with an error (the download
/// breaks off rather than silently missing photos).
pub async fn export(
    state: &AppState,
    campaign_id: i64,
    since: Option<DateTime<Utc>>,
) -> AppResult<mpsc::Receiver<io::Result<Bytes>>> {
    crate::entity::campaign::Entity::find_by_id(campaign_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let items = items(&state.db, campaign_id, since).await?;
    let (tx, rx) = mpsc::channel(4);
    let storage = state.storage.clone();
    let runtime = tokio::runtime::Handle::current();
    let error_tx = tx.clone();
    tokio::task::spawn_blocking(move || {
        let result = (|| -> io::Result<()> {
            let mut zip = ZipWriter::new_stream(ChannelWriter {
                tx,
                buf: Vec::with_capacity(CHUNK),
            });
            let options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
            for item in &items {
                let key = object_key(&item.object_id, Variant::Normalized);
                let bytes = runtime
                    .block_on(storage.get(&key))
                    .map_err(io::Error::other)?
                    .ok_or_else(|| io::Error::other(format!("{key} is missing")))?;
                zip.start_file(file_name(&item.student_no), options)?;
                zip.write_all(&bytes)?;
            }
            zip.start_file("manifest.csv", options)?;
            zip.write_all(&manifest(&items).map_err(io::Error::other)?)?;
            zip.finish()?.flush()
        })();
        if let Err(err) = result {
            tracing::error!(error = %err, campaign_id, "make-up export broke off");
            let _ = error_tx.blocking_send(Err(err));
        }
    });
    Ok(rx)
}
