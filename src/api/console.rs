//! `/console`: the staff web console. Plain HTML, CSS and JavaScript from the
//! repository's `console/` folder, compiled into the binary (no build step,
//! nothing to deploy beside the binary). The pages talk only to `/api/v1`
//! with the staff token, like any other client; this module just serves the
//! files, with a strict Content-Security-Policy.

use std::sync::LazyLock;

use poem::{
    IntoResponse, Request, Response, handler,
    http::{StatusCode, header},
    web::{Path, Redirect},
};
use sha2::{Digest, Sha256};

use crate::error::{AppError, ErrorCode};

/// Only the console's own files: no inline script or style, no other origin;
/// photos are shown from `blob:` URLs made from authenticated fetches, the
/// on-site scanner's camera stream plays from a `blob:`/MediaStream source.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; \
base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

macro_rules! assets {
    ($($path:literal => $content_type:expr),+ $(,)?) => {
        &[$(Asset {
            path: $path,
            content_type: $content_type,
            body: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/console/", $path)),
        }),+]
    };
}

const JS: &str = "text/javascript; charset=utf-8";

static ASSETS: &[Asset] = assets! {
    "index.html" => "text/html; charset=utf-8",
    "console.css" => "text/css; charset=utf-8",
    "favicon.svg" => "image/svg+xml",
    "js/app.js" => JS,
    "js/api.js" => JS,
    "js/ui.js" => JS,
    "js/labels.js" => JS,
    "js/pages/dashboard.js" => JS,
    "js/pages/review.js" => JS,
    "js/pages/students.js" => JS,
    "js/pages/paper.js" => JS,
    "js/pages/reports.js" => JS,
    "js/pages/batches.js" => JS,
    "js/pages/exports.js" => JS,
    "js/pages/setup.js" => JS,
    "js/pages/imports.js" => JS,
    "js/pages/staff.js" => JS,
    "js/pages/audit.js" => JS,
    "js/pages/onsite.js" => JS,
    "js/pages/intl.js" => JS,
    "vendor/jsQR.js" => JS,
};

/// A strong validator per file, so browsers revalidate cheaply (`no-cache`)
/// and always run the files of the binary they talk to.
static ETAGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| format!("\"{}\"", &hex::encode(Sha256::digest(a.body))[..20]))
        .collect()
});

fn serve(req: &Request, path: &str) -> poem::Result<Response> {
    let (index, asset) = ASSETS
        .iter()
        .enumerate()
        .find(|(_, a)| a.path == path)
        .ok_or_else(|| AppError::from(ErrorCode::NotFound))?;
    let etag = &ETAGS[index];
    let unchanged = req
        .header(header::IF_NONE_MATCH)
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let builder = Response::builder()
        .header(header::ETAG, etag.as_str())
        .header(header::CACHE_CONTROL, "no-cache")
        .header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::X_FRAME_OPTIONS, "DENY")
        .header(header::REFERRER_POLICY, "no-referrer")
        .header(
            "Permissions-Policy",
            "camera=(self), microphone=(), geolocation=()",
        );
    Ok(if unchanged {
        builder.status(StatusCode::NOT_MODIFIED).finish()
    } else {
        builder.content_type(asset.content_type).body(asset.body)
    })
}

/// `GET /console`: the console lives under `/console/`.
#[handler]
pub fn redirect_root() -> impl IntoResponse {
    Redirect::permanent("/console/")
}

/// `GET /console/{path}`: one of the console's files; `/console/` is the page.
#[handler]
pub fn serve_file(req: &Request, Path(path): Path<String>) -> poem::Result<Response> {
    serve(req, if path.is_empty() { "index.html" } else { &path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_is_listed_once_and_not_empty() {
        for (i, a) in ASSETS.iter().enumerate() {
            assert!(!a.body.is_empty(), "{} is empty", a.path);
            assert!(
                ASSETS[..i].iter().all(|b| b.path != a.path),
                "{} listed twice",
                a.path
            );
        }
    }

    #[test]
    fn every_console_file_is_served() {
        // A file added under console/ but not to ASSETS would 404 in the browser.
        fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, base, out);
                } else {
                    let rel = path.strip_prefix(base).unwrap().to_string_lossy();
                    out.push(rel.replace('\\', "/"));
                }
            }
        }
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("console");
        let mut files = Vec::new();
        walk(&base, &base, &mut files);
        for file in files {
            let served = ASSETS.iter().any(|a| a.path == file);
            let documentation = file.ends_with(".md") || file.contains("LICENSE");
            assert!(served || documentation, "console/{file} is not in ASSETS");
        }
    }
}
