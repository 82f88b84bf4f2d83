//! Photo storage: a local folder by default, S3-compatible object storage in
//! production. Objects are written whole or not at all, and are only ever
//! read back through authorised endpoints.

use std::{
    path::{Path, PathBuf},
    time::SystemTime,
};

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use object_store::{
    ObjectStore, PutPayload, RetryConfig, aws::AmazonS3Builder, buffered::BufWriter,
    path::Path as ObjectPath, prefix::PrefixStore,
};
use tokio::io::AsyncWriteExt;

use crate::config::S3Settings;

#[derive(Debug, thiserror::Error)]
#[error("storage unavailable: {0}")]
pub struct StorageError(String);

impl From<std::io::Error> for StorageError {
    fn from(err: std::io::Error) -> Self {
        Self(err.to_string())
    }
}

/// An object's key, size in bytes and when it was last written.
pub struct ObjectInfo {
    pub key: String,
    pub size: u64,
    pub modified: DateTime<Utc>,
}

#[async_trait]
pub trait Storage: Send + Sync {
    /// Stores bytes under `key`, replacing any object there.
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StorageError>;
    /// Stores the contents of a local file without reading it into memory.
    async fn put_file(&self, key: &str, path: &Path) -> Result<(), StorageError>;
    /// `None` when there is no such object.
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError>;
    /// Deleting a missing object is not an error.
    async fn delete(&self, key: &str) -> Result<(), StorageError>;
    /// Every object whose key starts with `prefix`.
    async fn list(&self, prefix: &str) -> Result<Vec<ObjectInfo>, StorageError>;
}

/// Keys are made by the service (`makeup/<uuid>/<variant>`); anything else
/// is refused so that no key can reach outside the root.
fn checked_key(key: &str) -> Result<&str, StorageError> {
    let ok = !key.is_empty()
        && key.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        });
    if ok {
        Ok(key)
    } else {
        Err(StorageError(format!("invalid object key {key:?}")))
    }
}

/// Objects as files under a root folder (the embedded default, `data/uploads`).
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub async fn open(root: impl Into<PathBuf>) -> Result<Self, StorageError> {
        let root = root.into();
        tokio::fs::create_dir_all(&root).await?;
        Ok(Self { root })
    }

    fn path(&self, key: &str) -> Result<PathBuf, StorageError> {
        Ok(self.root.join(checked_key(key)?))
    }

    /// A temporary name beside the target, renamed over it once complete,
    /// so readers never see half an object.
    async fn staging(&self, key: &str) -> Result<(PathBuf, PathBuf), StorageError> {
        let target = self.path(key)?;
        if let Some(parent) = target.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        let staging = target.with_extension(format!("partial-{}", uuid::Uuid::new_v4()));
        Ok((target, staging))
    }

    async fn commit(staging: &Path, target: &Path) -> Result<(), StorageError> {
        let file = tokio::fs::File::open(staging).await?;
        file.sync_all().await?;
        if let Err(err) = tokio::fs::rename(staging, target).await {
            let _ = tokio::fs::remove_file(staging).await;
            return Err(err.into());
        }
        Ok(())
    }
}

#[async_trait]
impl Storage for LocalStorage {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StorageError> {
        let (target, staging) = self.staging(key).await?;
        if let Err(err) = tokio::fs::write(&staging, bytes).await {
            let _ = tokio::fs::remove_file(&staging).await;
            return Err(err.into());
        }
        Self::commit(&staging, &target).await
    }

    async fn put_file(&self, key: &str, path: &Path) -> Result<(), StorageError> {
        let (target, staging) = self.staging(key).await?;
        if let Err(err) = tokio::fs::copy(path, &staging).await {
            let _ = tokio::fs::remove_file(&staging).await;
            return Err(err.into());
        }
        Self::commit(&staging, &target).await
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(err.into()),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
            _ => Ok(()),
        }
    }

    async fn list(&self, prefix: &str) -> Result<Vec<ObjectInfo>, StorageError> {
        let mut out = Vec::new();
        let mut pending = vec![self.root.clone()];
        while let Some(dir) = pending.pop() {
            let mut entries = match tokio::fs::read_dir(&dir).await {
                Ok(entries) => entries,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
                Err(err) => return Err(err.into()),
            };
            while let Some(entry) = entries.next_entry().await? {
                let meta = entry.metadata().await?;
                let path = entry.path();
                if meta.is_dir() {
                    pending.push(path);
                    continue;
                }
                let Ok(relative) = path.strip_prefix(&self.root) else {
                    continue;
                };
                let key = relative.to_string_lossy().replace('\\', "/");
                if key.starts_with(prefix) {
                    out.push(ObjectInfo {
                        key,
                        size: meta.len(),
                        modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH).into(),
                    });
                }
            }
        }
        Ok(out)
    }
}

/// Objects in an S3-compatible bucket (`DP_STORAGE=s3://bucket/prefix`).
pub struct S3Storage {
    store: Arc<dyn ObjectStore>,
}

/// Parts larger than this go up as a multipart upload, so a photo file is
/// never read into memory whole.
const S3_PART: usize = 5 * 1024 * 1024;

impl S3Storage {
    pub fn open(url: &str, settings: &S3Settings) -> Result<Self, StorageError> {
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| StorageError(format!("not an s3:// URL: {url}")))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(&settings.region)
            .with_retry(RetryConfig {
                max_retries: settings.max_retries,
                ..RetryConfig::default()
            });
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let (Some(id), Some(secret)) = (&settings.access_key_id, &settings.secret_access_key) {
            builder = builder
                .with_access_key_id(id)
                .with_secret_access_key(secret);
        }
        let s3 = builder.build().map_err(s3_error)?;
        let prefix = prefix.trim_matches('/');
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(PrefixStore::new(s3, prefix))
        };
        Ok(Self { store })
    }

    fn path(key: &str) -> Result<ObjectPath, StorageError> {
        Ok(ObjectPath::from(checked_key(key)?))
    }
}

fn s3_error(err: object_store::Error) -> StorageError {
    StorageError(err.to_string())
}

#[async_trait]
impl Storage for S3Storage {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StorageError> {
        self.store
            .put(&Self::path(key)?, PutPayload::from(bytes))
            .await
            .map_err(s3_error)?;
        Ok(())
    }

    async fn put_file(&self, key: &str, path: &Path) -> Result<(), StorageError> {
        let mut file = tokio::fs::File::open(path).await?;
        let mut writer = BufWriter::with_capacity(self.store.clone(), Self::path(key)?, S3_PART);
        // An upload that fails part-way is aborted, so no partial object appears.
        if let Err(err) = tokio::io::copy(&mut file, &mut writer).await {
            let _ = writer.abort().await;
            return Err(err.into());
        }
        writer.shutdown().await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        match self.store.get(&Self::path(key)?).await {
            Ok(found) => Ok(Some(found.bytes().await.map_err(s3_error)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(err) => Err(s3_error(err)),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.store.delete(&Self::path(key)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(err) => Err(s3_error(err)),
        }
    }

    async fn list(&self, prefix: &str) -> Result<Vec<ObjectInfo>, StorageError> {
        let mut out = Vec::new();
        // Listing works on whole path segments; filter the rest here.
        let dir = prefix
            .rsplit_once('/')
            .map(|(dir, _)| ObjectPath::from(dir));
        let mut objects = self.store.list(dir.as_ref());
        while let Some(meta) = objects.try_next().await.map_err(s3_error)? {
            let key = meta.location.to_string();
            if key.starts_with(prefix) {
                out.push(ObjectInfo {
                    key,
                    size: meta.size,
                    modified: meta.last_modified,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cannot_leave_the_root() {
        for bad in [
            "",
            "../x",
            "a/../b",
            "/etc/passwd",
            "a//b",
            "a/./b",
            "a b",
            "a\\b",
        ] {
            assert!(checked_key(bad).is_err(), "{bad:?} accepted");
        }
        assert!(checked_key("makeup/0b1c-2d/original.jpg").is_ok());
    }

    #[tokio::test]
    async fn local_put_get_list_delete() {
        let dir = tempfile::tempdir().unwrap();
        let storage = LocalStorage::open(dir.path()).await.unwrap();
        storage
            .put("makeup/a/thumb.jpg", b"123".to_vec())
            .await
            .unwrap();
        assert_eq!(
            storage.get("makeup/a/thumb.jpg").await.unwrap().as_deref(),
            Some(&b"123"[..])
        );
        assert!(storage.get("makeup/b/thumb.jpg").await.unwrap().is_none());
        let listed: Vec<(String, u64)> = storage
            .list("makeup/")
            .await
            .unwrap()
            .into_iter()
            .map(|o| (o.key, o.size))
            .collect();
        assert_eq!(listed, vec![("makeup/a/thumb.jpg".to_owned(), 3)]);
        storage.delete("makeup/a/thumb.jpg").await.unwrap();
        storage.delete("makeup/a/thumb.jpg").await.unwrap();
        assert!(storage.get("makeup/a/thumb.jpg").await.unwrap().is_none());
    }
}
