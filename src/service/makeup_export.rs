//! The make-up export for the collection centre: a ZIP with each student's
//! latest approved, normalised photo named by student number, and a
//! manifest CSV saying which upload (id, approval time) each file is.
//!
//! The archive is written as it is sent: one photo at a time is read from
//! storage, so memory stays flat however many photos there are. The ZIP
//! writer is synchronous, so it runs on a blocking thread and hands chunks
//! to the response through a small channel (which also slows it down to
//! the client's pace).
//!
//! A 200 carries a whole archive or breaks off: what can be checked is
//! checked before the first byte (then the answer is a JSON error), and the
//! archive's exact length is declared up front (`Content-Length`), so a
//! storage failure while sending leaves the body short of it and the
//! connection breaks. (A chunked body that fails is ended cleanly by the
//! server, which would pass off a short archive as whole.)

use std::{
    collections::HashMap,
    io::{self, Write},
};

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::Stream;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tokio::sync::mpsc;
use zip::{
    CompressionMethod, ZipWriter,
    write::{SimpleFileOptions, StreamWriter},
};

use crate::{
    clients::storage::Storage,
    domain::{PhotoStatus, StudentCategory, time::to_shanghai},
    entity::makeup_photo,
    error::{AppError, AppResult, ErrorCode},
    service::{
        makeup::{Variant, object_key, storage_error},
        report::{self, Cell},
    },
    state::AppState,
};

/// Bytes gathered before a chunk is handed to the response.
const CHUNK: usize = 64 * 1024;

/// One photo to put in the archive.
struct Item {
    photo_id: i64,
    approved_at: DateTime<Utc>,
    object_id: String,
    student_no: String,
    name: String,
    unit_code: String,
    category: StudentCategory,
    collection_code: String,
    sha256: String,
}

/// Each student's latest approved photo (approved at or after `since`),
/// oldest approval first.
async fn items(
    db: &DatabaseConnection,
    campaign_id: i64,
    since: Option<DateTime<Utc>>,
) -> AppResult<Vec<Item>> {
    let approved = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::CampaignId.eq(campaign_id))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Approved.as_str()))
        .order_by_asc(makeup_photo::Column::ReviewedAt)
        .order_by_asc(makeup_photo::Column::Id)
        .all(db)
        .await?;
    // A re-shoot gives a student a second approved photo: the later one
    // replaces the earlier, one file per student.
    let latest: HashMap<i64, makeup_photo::Model> = approved
        .into_iter()
        .map(|p| (p.roster_entry_id, p))
        .collect();
    let entries = crate::service::roster::entries_by_id(db, latest.keys().copied()).await?;
    let units = crate::service::campaign::unit_codes(db).await?;
    let mut items: Vec<Item> = latest
        .into_values()
        .filter_map(|p| {
            let e = entries.get(&p.roster_entry_id)?;
            let approved_at = p.reviewed_at.unwrap_or(p.uploaded_at);
            // After a re-shoot request the earlier photo no longer counts
            // (as for the make-up state); files the retention rules deleted
            // are gone from storage (deleting only the original, as
            // retention does after approval, keeps the normalised copy).
            let superseded = e.reshoot_requested_at.is_some_and(|t| p.uploaded_at <= t);
            let wanted = since.is_none_or(|since| approved_at >= since);
            (!superseded && p.purged_at.is_none() && wanted).then(|| Item {
                photo_id: p.id,
                approved_at,
                object_id: p.object_id,
                student_no: e.student_no.clone(),
                name: e.name.clone(),
                unit_code: units.get(&e.unit_id).cloned().unwrap_or_default(),
                category: StudentCategory::parse(&e.category).unwrap_or(StudentCategory::Domestic),
                collection_code: e.collection_code.clone().unwrap_or_default(),
                sha256: p.normalized_sha256,
            })
        })
        .collect();
    items.sort_by_key(|i| (i.approved_at, i.photo_id));
    Ok(items)
}

/// A photo file in the archive.
struct Photo {
    name: String,
    key: String,
    /// As listed in storage.
    size: u64,
}

/// What the archive holds, in order: the photos, then the manifest.
struct Plan {
    photos: Vec<Photo>,
    manifest: Vec<u8>,
}

/// The archive's contents, after checking that every file it will read is
/// in storage (one listing, not a request per photo; the listing also gives
/// the sizes). A row always points at stored objects, so a missing file is
/// a fault: the export answers 500 before sending anything rather than
/// leaving the student out.
async fn plan(storage: &dyn Storage, items: &[Item]) -> AppResult<Plan> {
    let sizes: HashMap<String, u64> = storage
        .list("makeup/")
        .await
        .map_err(storage_error)?
        .into_iter()
        .map(|o| (o.key, o.size))
        .collect();
    let photos = items
        .iter()
        .map(|i| {
            let key = object_key(&i.object_id, Variant::Normalized);
            let size = *sizes.get(&key).ok_or_else(|| {
                AppError::internal(anyhow::anyhow!(
                    "approved photo {} has no normalised file",
                    i.photo_id
                ))
            })?;
            Ok(Photo {
                name: file_name(&i.student_no),
                key,
                size,
            })
        })
        .collect::<AppResult<_>>()?;
    Ok(Plan {
        photos,
        manifest: manifest(items)?,
    })
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
            "照片编号 (photo id)",
            "审核通过时间 (approved at, UTC+8)",
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
                Cell::Number(i.photo_id),
                Cell::Text(
                    to_shanghai(i.approved_at)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string(),
                ),
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

/// Writes the photos (their bytes as `read` gives them) and the manifest.
/// The caller finishes the archive. Student numbers are unique in a
/// campaign and there is one photo per student, so no name repeats.
fn write_entries<W: Write>(
    zip: &mut ZipWriter<StreamWriter<W>>,
    plan: &Plan,
    mut read: impl FnMut(&Photo) -> io::Result<Vec<u8>>,
) -> io::Result<()> {
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for photo in &plan.photos {
        let bytes = read(photo)?;
        zip.start_file(photo.name.as_str(), options)?;
        zip.write_all(&bytes)?;
    }
    zip.start_file("manifest.csv", options)?;
    zip.write_all(&plan.manifest)
}

/// Counts what is written to it.
#[derive(Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.0 += data.len() as u64;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The archive's length before it is written: the same writer over files
/// of the same sizes, counted (a stored entry's length does not depend on
/// its bytes).
fn archive_len(plan: &Plan) -> io::Result<u64> {
    let mut zip = ZipWriter::new_stream(Counter::default());
    write_entries(&mut zip, plan, |photo| Ok(vec![0; photo.size as usize]))?;
    Ok(zip.finish()?.into_inner().0)
}

/// A started export: the archive's length, and a stream of its bytes.
pub struct Archive<S> {
    pub len: u64,
    pub bytes: S,
}

/// Checks what can fail before the first byte and measures the archive,
/// then starts writing it; the stream yields its bytes in order. A failure
/// after that (storage, or the client gone) is the stream's last item, an
/// error, and the body stays short of `len`: the download breaks off rather
/// than silently missing photos.
pub async fn export(
    state: &AppState,
    campaign_id: i64,
    since: Option<DateTime<Utc>>,
) -> AppResult<Archive<impl Stream<Item = io::Result<Bytes>> + Send + 'static>> {
    crate::entity::campaign::Entity::find_by_id(campaign_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let items = items(&state.db, campaign_id, since).await?;
    let plan = plan(state.storage.as_ref(), &items).await?;
    let (plan, len) = tokio::task::spawn_blocking(move || archive_len(&plan).map(|n| (plan, n)))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;
    let (tx, rx) = mpsc::channel(4);
    let storage = state.storage.clone();
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let mut zip = ZipWriter::new_stream(ChannelWriter {
            tx: tx.clone(),
            buf: Vec::with_capacity(CHUNK),
        });
        let read = |photo: &Photo| {
            let bytes = runtime
                .block_on(storage.get(&photo.key))
                .map_err(io::Error::other)?
                .ok_or_else(|| io::Error::other(format!("{} is missing", photo.key)))?;
            if bytes.len() as u64 != photo.size {
                return Err(io::Error::other(format!("{} changed size", photo.key)));
            }
            Ok(bytes)
        };
        let result = match write_entries(&mut zip, &plan, read) {
            Ok(()) => zip
                .finish()
                .map_err(io::Error::from)
                .and_then(|mut w| w.flush()),
            Err(err) => Err(err),
        };
        if let Err(err) = result {
            tracing::error!(error = %err, campaign_id, "make-up export broke off");
            // Sent while a failed writer is still alive: dropping it
            // finishes a (short) archive, whose bytes must never follow.
            let _ = tx.blocking_send(Err(err));
        }
    });
    let bytes = futures_util::stream::unfold(Some(rx), |rx| async move {
        let mut rx = rx?;
        let chunk = rx.recv().await?;
        // Nothing follows an error: the body ends there, short.
        let rest = chunk.is_ok().then_some(rx);
        Some((chunk, rest))
    });
    Ok(Archive { len, bytes })
}
