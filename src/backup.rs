//! `diploma-photo backup DIR` and `restore DIR` for the embedded default
//! (SQLite and a local photo folder). The backup is consistent while the
//! service runs: the database is copied by SQLite's `VACUUM INTO` (one
//! transaction's view), then the photo folder. A photo is stored before the
//! row that names it is committed, so every photo the copied database names
//! is already on disk when the folder is copied. `manifest.json` lists every
//! file with its size and SHA-256; `restore` checks them all before writing
//! anything, and only into an empty data folder. PostgreSQL + S3: see
//! docs/operations.md.

use std::{
    io::Read,
    path::{Path, PathBuf},
};

use anyhow::{Context, bail};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{config::Config, startup};

const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "diploma-photo.db";
const PHOTOS: &str = "uploads";

#[derive(Serialize, Deserialize)]
struct Manifest {
    /// RFC 3339, UTC.
    created_at: String,
    database: Entry,
    /// The photo folder's files, paths relative to it.
    photos: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    bytes: u64,
    sha256: String,
}

/// The SQLite file and photo folder of an embedded-default configuration.
fn embedded(config: &Config) -> anyhow::Result<(PathBuf, PathBuf)> {
    let database = startup::sqlite_path(&config.database_url).with_context(|| {
        "backup and restore are for the embedded default (SQLite); for PostgreSQL use pg_dump, see docs/operations.md"
    })?;
    if config.storage.starts_with("s3://") {
        bail!(
            "backup and restore are for the embedded default (local photo folder); for S3 use bucket versioning, see docs/operations.md"
        );
    }
    Ok((database, PathBuf::from(&config.storage)))
}

fn is_empty_dir(dir: &Path) -> anyhow::Result<bool> {
    Ok(!dir.exists()
        || std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_none())
}

/// Reads `from` once, writing it to `to` if given, and returns its entry
/// (size and SHA-256 of what was read), `path` being `name`.
fn hashed(from: &Path, to: Option<&Path>, name: String) -> anyhow::Result<Entry> {
    let mut input =
        std::fs::File::open(from).with_context(|| format!("{} is missing", from.display()))?;
    let mut output = match to {
        Some(to) => {
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            Some(
                std::fs::File::create(to)
                    .with_context(|| format!("cannot write {}", to.display()))?,
            )
        }
        None => None,
    };
    let mut hasher = Sha256::new();
    let mut bytes = 0u64;
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = input.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        if let Some(output) = output.as_mut() {
            std::io::Write::write_all(output, &buffer[..n])?;
        }
        bytes += n as u64;
    }
    if let Some(output) = output {
        output.sync_all()?;
    }
    Ok(Entry {
        path: name,
        bytes,
        sha256: hex::encode(hasher.finalize()),
    })
}

/// Every file under `root`, relative paths with `/`, sorted; objects still
/// being written (`*.partial-…`) are left out.
fn files_under(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        if !dir.exists() {
            continue;
        }
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if !path
                .extension()
                .is_some_and(|e| e.to_string_lossy().starts_with("partial-"))
            {
                let relative = path
                    .strip_prefix(root)?
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push(relative);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Writes a backup of the running (or stopped) embedded default into `dir`,
/// which must be empty or not exist. Returns the number of photo files.
pub async fn backup(config: &Config, dir: &Path) -> anyhow::Result<usize> {
    let (_, photos) = embedded(config)?;
    if !is_empty_dir(dir)? {
        bail!("{} is not empty: back up into a new folder", dir.display());
    }
    std::fs::create_dir_all(dir)?;
    let created_at = chrono::Utc::now().to_rfc3339();
    // The snapshot and its checksum, then the photos it may name. Without
    // the manifest, written last, a cut-off backup is no backup to restore.
    let snapshot = dir.join(DATABASE);
    let db = startup::connect_database(config).await?;
    let target = snapshot.to_string_lossy().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await
        .context("VACUUM INTO failed")?;
    db.close().await.ok();
    let database = hashed(&snapshot, None, DATABASE.into())?;
    let mut entries = Vec::new();
    for relative in files_under(&photos)? {
        let from = photos.join(&relative);
        // Retention may delete a photo meanwhile; the database then no
        // longer names it either, or names it as deleted.
        if !from.exists() {
            continue;
        }
        let to = dir.join(PHOTOS).join(&relative);
        entries.push(hashed(&from, Some(&to), relative)?);
    }
    let count = entries.len();
    let manifest = Manifest {
        created_at,
        database,
        photos: entries,
    };
    std::fs::write(dir.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)?;
    Ok(count)
}

/// Checks a backup against its manifest: every file there, of its size and
/// checksum.
fn verify(dir: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let files = std::iter::once((dir.join(DATABASE), &manifest.database)).chain(
        manifest
            .photos
            .iter()
            .map(|e| (dir.join(PHOTOS).join(&e.path), e)),
    );
    for (path, entry) in files {
        // A manifest only names files inside the backup.
        let inside = Path::new(&entry.path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside {
            bail!("the manifest names {:?}, outside the backup", entry.path);
        }
        let found = hashed(&path, None, entry.path.clone())?;
        if found.bytes != entry.bytes || found.sha256 != entry.sha256 {
            bail!(
                "{} does not match the manifest (damaged backup)",
                path.display()
            );
        }
    }
    Ok(())
}

/// Puts the backup in `dir` back into the configured data folder, which must
/// be empty: no database file, an empty photo folder. Nothing is written
/// unless every file of the backup matches the manifest.
pub fn restore(config: &Config, dir: &Path) -> anyhow::Result<usize> {
    let (database, photos) = embedded(config)?;
    if database.exists() || !is_empty_dir(&photos)? {
        bail!(
            "restore needs an empty data folder: {} or {} already holds data",
            database.display(),
            photos.display()
        );
    }
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(dir.join(MANIFEST))
            .with_context(|| format!("{} has no {MANIFEST}: not a backup", dir.display()))?,
    )
    .context("the manifest is damaged")?;
    verify(dir, &manifest)?;
    hashed(&dir.join(DATABASE), Some(&database), DATABASE.into())?;
    for entry in &manifest.photos {
        let from = dir.join(PHOTOS).join(&entry.path);
        hashed(&from, Some(&photos.join(&entry.path)), entry.path.clone())?;
    }
    Ok(manifest.photos.len())
}
