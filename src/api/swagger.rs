//! `GET /docs`: Swagger UI, served with a content security policy. The page
//! is poem-openapi's, with its script inline; the policy allows exactly those
//! scripts by their hashes, so nothing injected into the page could run.

use base64::{Engine, engine::general_purpose::STANDARD};
use poem::{Endpoint, Response, endpoint::make_sync, http::header};
use sha2::{Digest, Sha256};

/// The page and its policy, computed once.
pub fn endpoint(html: String) -> impl Endpoint {
    let policy = policy(&html);
    make_sync(move |_| {
        Response::builder()
            .content_type("text/html; charset=utf-8")
            .header(header::CONTENT_SECURITY_POLICY, policy.as_str())
            .header(header::X_FRAME_OPTIONS, "DENY")
            .header(header::REFERRER_POLICY, "no-referrer")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(html.clone())
    })
}

/// Scripts by hash; inline styles are allowed (Swagger UI sets them and
/// they cannot run code); requests ("Try it out") only to this server.
fn policy(html: &str) -> String {
    let scripts: Vec<String> = inline_scripts(html)
        .map(|s| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(s))))
        .collect();
    format!(
        "default-src 'none'; script-src {}; style-src 'unsafe-inline'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        scripts.join(" ")
    )
}

/// The text of each `<script …>…</script>` element. A script ends only at
/// `</script`, so a `<script` inside one (Swagger UI's bundle has two, in
/// strings) does not start another.
fn inline_scripts(mut html: &str) -> impl Iterator<Item = &str> {
    std::iter::from_fn(move || {
        let open = html.find("<script")?;
        let body = &html[open..];
        let body = &body[body.find('>')? + 1..];
        let end = body.find("</script>")?;
        html = &body[end..];
        Some(&body[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_inline_script_is_allowed_by_its_hash_and_nothing_else() {
        let html =
            "<script charset=\"UTF-8\">a(\"<script>\")</script><p></p><script>\nb()\n</script>";
        assert_eq!(
            inline_scripts(html).collect::<Vec<_>>(),
            ["a(\"<script>\")", "\nb()\n"]
        );
        let policy = policy(html);
        let a = STANDARD.encode(Sha256::digest("a(\"<script>\")"));
        assert!(
            policy.contains(&format!("script-src 'sha256-{a}' 'sha256-")),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-eval"));
        assert!(!policy.contains("script-src 'unsafe-inline'"));
    }
}
