//! The staff console (`/console`) in a real browser: headless Chromium
//! driven through chromedriver (WebDriver) against the real backend loaded
//! with the demo data (`seed-demo`). Each scenario checks the outcome
//! through the API as well, and screenshots every page it visits into
//! `target/console-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or `DP_TEST_CHROMIUM` /
//! `DP_TEST_CHROMEDRIVER`); `scripts/test.sh` installs them and sets
//! `DP_TEST_REQUIRE_BROWSER=1`, so there a missing browser fails instead of
//! skipping. No sleeps: every step waits for an element or a condition.
mod common;

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use base64::Engine;
use common::{TestApp, consent, make_today, parts, photos, spawn_app};
use fantoccini::{
    Client, ClientBuilder, Locator,
    actions::{InputSource, KeyAction, KeyActions},
    elements::Element,
};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
    sync::Mutex,
};

/// One browser at a time: the machines that run the suite are small.
static ONE_BROWSER: Mutex<()> = Mutex::const_new(());

/// Longest wait for anything on the page.
const WAIT: Duration = Duration::from_secs(30);
const LAPTOP: (u32, u32) = (1366, 900);
const PHONE: (u32, u32) = (390, 844);

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    names.iter().find_map(|name| {
        dirs.iter()
            .map(|d| d.join(name))
            .chain([Path::new("/usr/bin").join(name)])
            .find(|p| p.is_file())
    })
}

fn screenshot_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target directory")
        .join("console-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// A Chrome DevTools command through chromedriver (for full-page screenshots).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &reqwest::Url,
        session: Option<&str>,
    ) -> Result<reqwest::Url, <reqwest::Url as std::str::FromStr>::Err> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _url: &reqwest::Url) -> (reqwest::Method, Option<String>) {
        let body = json!({"cmd": self.cmd, "params": self.params});
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

/// Headless Chromium through its own chromedriver, killed with its whole
/// process group when dropped (even if the test panics).
struct Browser {
    client: Client,
    driver: Child,
    _profile: TempDir,
    size: (u32, u32),
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(pid) = self.driver.id() {
            // chromedriver leads its process group; Chromium's processes are in it.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

impl Browser {
    /// Starts a browser, or returns None (the test is skipped) when Chromium
    /// is not installed and the run does not require it.
    /// `extra`: more Chromium switches (a fake camera, say).
    async fn start_with(extra: &[String]) -> Option<Browser> {
        let driver_bin = find_program("DP_TEST_CHROMEDRIVER", &["chromedriver"]);
        let chromium = find_program(
            "DP_TEST_CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        );
        let (Some(driver_bin), Some(chromium)) = (driver_bin, chromium) else {
            let required = std::env::var("DP_TEST_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "DP_TEST_REQUIRE_BROWSER=1 but chromium/chromedriver are not installed \
                 (apt-get install chromium chromium-driver)"
            );
            eprintln!("SKIPPED: chromium and chromedriver are not installed");
            return None;
        };
        // A chromedriver that never reports its port (seen once in a busy
        // second pass) is killed and started again.
        let mut started = None;
        for _ in 0..3 {
            let mut driver = Command::new(&driver_bin)
                .args(["--port=0", "--log-level=WARNING"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .process_group(0)
                .kill_on_drop(true)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", driver_bin.display()));
            let mut lines = BufReader::new(driver.stdout.take().unwrap()).lines();
            let port = tokio::time::timeout(WAIT, async {
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(rest) = line.split("started successfully on port ").nth(1) {
                        return rest.trim_end_matches('.').trim().parse::<u16>().ok();
                    }
                }
                None
            })
            .await
            .ok()
            .flatten();
            if let Some(port) = port {
                started = Some((driver, lines, port));
                break;
            }
        }
        let (driver, mut lines, port) = started.expect("chromedriver did not report its port");
        // Keep reading so chromedriver never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        let profile = tempfile::tempdir().expect("browser profile");
        let (w, h) = LAPTOP;
        let args = vec![
            // As root, on a machine without network: no sandbox, no GPU, and
            // nothing that phones home (it would hang on connections).
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--no-default-browser-check".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-extensions".to_owned(),
            "--disable-default-apps".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--metrics-recording-only".to_owned(),
            "--force-device-scale-factor=1".to_owned(),
            "--lang=zh-CN".to_owned(),
            format!("--window-size={w},{h}"),
            format!("--user-data-dir={}", profile.path().display()),
        ]
        .into_iter()
        .chain(extra.iter().cloned())
        .collect::<Vec<_>>();
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with Chromium");
        let browser = Browser {
            client,
            driver,
            _profile: profile,
            size: LAPTOP,
        };
        browser.resize(LAPTOP).await;
        Some(browser)
    }

    async fn finish(self) {
        let _ = self.client.clone().close().await;
    }

    async fn resize(&self, (w, h): (u32, u32)) {
        self.client.set_window_size(w, h).await.expect("resize");
    }

    async fn goto(&self, app: &TestApp, path: &str) {
        self.client.goto(&app.url(path)).await.expect("navigate");
    }

    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// What the page says, for failure messages.
    async fn page_text(&self) -> String {
        self.js("return document.body ? document.body.innerText.slice(0, 3000) : ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!(
                "no `{css}` within {WAIT:?}: {e}\n--- page ---\n{}",
                self.page_text().await
            ),
        }
    }

    /// Waits until the JavaScript expression is true (polling, not sleeping).
    async fn until(&self, what: &str, expr: &str) {
        let started = Instant::now();
        let script = format!("return Boolean({expr});");
        loop {
            if self.js(&script).await == Value::Bool(true) {
                return;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {what} (`{expr}`)\n--- page ---\n{}",
                    self.page_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page has finished loading: nothing busy, no spinner.
    async fn settled(&self) {
        self.until(
            "the page to settle",
            "document.querySelector('#page') && document.querySelector('#page').children.length \
             && !document.querySelector('#page [aria-busy], #page .loading, .is-busy')",
        )
        .await;
    }

    async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    async fn fill(&self, css: &str, value: &str) {
        let el = self.find(css).await;
        el.clear().await.expect("clear");
        el.send_keys(value).await.expect("type");
    }

    /// Sets a form control's value as a person would (date and select
    /// inputs included) and lets the page know.
    async fn set(&self, css: &str, value: &str) {
        self.find(css).await;
        let done = self
            .client
            .execute(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
                 el.dispatchEvent(new Event('input', {bubbles: true})); \
                 el.dispatchEvent(new Event('change', {bubbles: true})); return el.value;",
                vec![json!(css), json!(value)],
            )
            .await
            .expect("set value");
        assert_eq!(done, json!(value), "{css} did not take {value}");
    }

    /// Presses one key on whatever has the focus (the page's shortcuts).
    async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.expect("key press");
    }

    async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .len()
    }

    /// No error shown, no script error, no Content-Security-Policy violation.
    async fn assert_clean(&self, context: &str) {
        let problems = self
            .js(
                "return [...document.querySelectorAll('.toast-error, #page .alert-error')]\
                 .map(e => e.innerText).concat(window.__consoleProblems || [])",
            )
            .await;
        assert_eq!(problems, json!([]), "{context}: errors on the page");
    }

    /// A screenshot of the whole page, beyond the window's height.
    async fn screenshot(&self, name: &str) -> PathBuf {
        let (w, _) = self.size;
        let height = self
            .js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight, window.innerHeight)")
            .await
            .as_u64()
            .expect("page height")
            .min(8000);
        let shot = self
            .client
            .issue_cmd(Cdp {
                cmd: "Page.captureScreenshot",
                params: json!({
                    "format": "png",
                    "captureBeyondViewport": true,
                    "clip": {"x": 0, "y": 0, "width": w, "height": height, "scale": 1},
                }),
            })
            .await
            .expect("screenshot");
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("PNG data"))
            .expect("base64 PNG");
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Removes the messages at the bottom (after an expected error).
    async fn dismiss_toasts(&self) {
        self.js("document.querySelectorAll('.toast').forEach(t => t.remove()); return true")
            .await;
    }

    async fn at_size(&mut self, size: (u32, u32)) {
        self.size = size;
        self.resize(size).await;
    }

    async fn login(&self, app: &TestApp, username: &str, password: &str) {
        self.goto(app, "/console").await;
        self.fill("#username", username).await;
        self.fill("#password", password).await;
        self.click("#login-submit").await;
        self.until(
            "the console after logging in",
            &format!("document.querySelector('#who-name')?.textContent === '{username}'"),
        )
        .await;
        self.settled().await;
    }

    async fn open(&self, route: &str) {
        // On a phone the menu folds behind its button.
        let folded = self
            .js("return getComputedStyle(document.querySelector('#menu-toggle')).display !== 'none'")
            .await;
        if folded == Value::Bool(true) {
            self.click("#menu-toggle").await;
        }
        self.click(&format!("#nav a[data-route='{route}']")).await;
        self.until(
            &format!("page {route}"),
            &format!("document.querySelector('#page').dataset.page === '{route}'"),
        )
        .await;
        self.settled().await;
    }
}

/// The app with the demo data of `seed-demo` and its admin's token.
struct Demo {
    app: TestApp,
    admin: String,
}

impl Demo {
    async fn new() -> Demo {
        let app = spawn_app().await;
        let today = diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).date_naive();
        diploma_photo::service::demo::seed(&app.state.db, today, false)
            .await
            .expect("demo data");
        let (status, body) = parts(app.staff_login("demo-admin", "demo-admin-pass").await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let admin = body["token"].as_str().unwrap().to_owned();
        Demo { app, admin }
    }

    /// `GET path` with `token`, which must answer 200; the body.
    async fn get(&self, path: &str, token: &str) -> Value {
        let (status, body) = parts(self.app.get(path, Some(token)).await).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        body
    }

    /// The id of the demo campaign.
    async fn campaign_id(&self) -> i64 {
        self.get("/api/v1/admin/campaigns", &self.admin).await["items"][0]["id"]
            .as_i64()
            .unwrap()
    }

    /// A roster entry as staff see it.
    async fn roster_entry(&self, student_no: &str) -> Value {
        let body = self
            .get(
                &format!("/api/v1/staff/students?q={student_no}"),
                &self.admin,
            )
            .await;
        item(&body, "student_no", student_no)
    }

    /// The student logged in, bound, with a collection code when one is needed.
    async fn student(&self, student_no: &str) -> String {
        let entry = self.roster_entry(student_no).await;
        let token = self.app.student_token(&format!("wx-{student_no}")).await;
        let resp = self
            .app
            .post_json(
                "/api/v1/me/binding",
                &json!({"student_no": student_no, "name": entry["name"]}),
                Some(&token),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
        if entry["category"] != "foreign" {
            let resp = self
                .app
                .client
                .put(self.app.url("/api/v1/me/collection-code"))
                .bearer_auth(&token)
                .json(&json!({"code": format!("CODE-{student_no}")}))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::OK);
        }
        token
    }

    /// The student uploads a make-up photo; returns the student's token.
    async fn upload(&self, student_no: &str, photo: Vec<u8>) -> String {
        let token = self.student(student_no).await;
        consent(&self.app, &token).await;
        let (status, body) = parts(common::upload(&self.app, &token, photo).await).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        token
    }

    async fn me(&self, token: &str) -> Value {
        self.get("/api/v1/me", token).await
    }
}

/// CS, the demo secretary's unit: 20240019 (domestic), 20240020 (HK/Macao/
/// Taiwan, already has a CHSI photo), 20240021 (foreign).
/// The entry of `body["items"]` whose `key` is `value`.
fn item(body: &Value, key: &str, value: &str) -> Value {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value} in {body}"))
        .clone()
}

const CS: [&str; 3] = ["20240019", "20240020", "20240021"];
/// A domestic student of another unit (EAST-MAT).
const OTHER_UNIT: &str = "20240022";
/// A foreign student of another unit.
const FOREIGN_ONLINE: &str = "20240006";

#[tokio::test]
async fn the_console_is_served_from_the_binary_with_a_strict_policy() {
    let app = spawn_app().await;
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = no_redirect.get(app.url("/console")).send().await.unwrap();
    assert!(resp.status().is_redirection());
    assert_eq!(resp.headers()["location"], "/console/");

    let resp = app.get("/console/", None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let headers = resp.headers().clone();
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    let csp = headers["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{csp}");
    }
    assert!(!csp.contains("unsafe"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let page = resp.text().await.unwrap();
    assert!(page.contains("/console/js/app.js"));
    assert!(
        !page.contains("<script>") && !page.contains("style="),
        "no inline code"
    );

    for (path, kind) in [
        ("/console/js/app.js", "text/javascript; charset=utf-8"),
        ("/console/console.css", "text/css; charset=utf-8"),
        ("/console/vendor/jsQR.js", "text/javascript; charset=utf-8"),
    ] {
        let resp = app.get(path, None).await;
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
        assert_eq!(resp.headers()["content-type"], kind, "{path}");
        // Revalidated cheaply: same file, same tag, 304.
        let etag = resp.headers()["etag"].clone();
        let again = app
            .client
            .get(app.url(path))
            .header("if-none-match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
    }
    for missing in [
        "/console/nope.js",
        "/console/../Cargo.toml",
        "/console/%2e%2e/Cargo.toml",
        "/console/js/",
    ] {
        let (status, body) = parts(app.get(missing, None).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}: {body}");
        assert_eq!(body["code"], "not_found");
    }
    // The console is not part of the API document (nor of its authorization matrix).
    let doc = parts(app.get("/api/openapi.json", None).await).await.1;
    assert!(
        doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .all(|p| !p.contains("console"))
    );
}

macro_rules! browser_or_skip {
    () => {
        browser_or_skip!(&[])
    };
    ($extra:expr) => {{
        let guard = ONE_BROWSER.lock().await;
        match Browser::start_with($extra).await {
            Some(b) => (guard, b),
            None => return,
        }
    }};
}

#[tokio::test]
async fn swagger_ui_renders_under_its_content_security_policy() {
    let app = spawn_app().await;
    let (_guard, browser) = browser_or_skip!();
    browser.goto(&app, "/docs").await;
    // Blocked scripts would leave the page empty.
    browser
        .until(
            "Swagger UI to list the operations",
            "document.querySelectorAll('.opblock').length > 50",
        )
        .await;
    browser.finish().await;
}

/// A clip in YUV4MPEG2, the format Chromium's fake camera plays (in a
/// loop): a QR code of `payload`, dark on light, in a 640×480 grey frame.
fn qr_clip(payload: &str, path: &Path) {
    let code = qrcode::QrCode::new(payload.as_bytes()).expect("QR code");
    let modules = code.width();
    let colors = code.to_colors();
    let (w, h) = (640, 480);
    // Four modules of quiet zone on each side.
    let px = 440 / (modules + 8);
    let size = px * (modules + 8);
    let (x0, y0) = ((w - size) / 2 + 4 * px, (h - size) / 2 + 4 * px);
    let mut luma = vec![200u8; w * h];
    for y in (h - size) / 2..(h + size) / 2 {
        for x in (w - size) / 2..(w + size) / 2 {
            luma[y * w + x] = 240;
        }
    }
    for (i, color) in colors.iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (mx, my) = (i % modules, i / modules);
            for y in 0..px {
                for x in 0..px {
                    luma[(y0 + my * px + y) * w + x0 + mx * px + x] = 16;
                }
            }
        }
    }
    let chroma = vec![128u8; w * h / 2];
    let mut clip = format!("YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..10 {
        clip.extend_from_slice(b"FRAME\n");
        clip.extend_from_slice(&luma);
        clip.extend_from_slice(&chroma);
    }
    std::fs::write(path, clip).expect("write the camera clip");
}

#[tokio::test]
async fn a_secretary_approves_one_upload_and_rejects_another_with_a_reason() {
    let demo = Demo::new().await;
    let first = demo.upload(CS[0], photos::good_jpeg()).await;
    let second = demo.upload(CS[2], photos::blurred()).await;
    demo.upload(OTHER_UNIT, photos::good_jpeg()).await;
    let (_one, mut b) = browser_or_skip!();

    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    b.open("review").await;
    // The oldest upload of the unit, its photo fetched with the token.
    b.find("#review-current[data-student-no='20240019']").await;
    b.until(
        "the photo",
        "document.querySelector('#review-photo')?.src.startsWith('blob:') \
         && document.querySelector('#review-photo').complete",
    )
    .await;
    assert_eq!(b.text("#review-count").await, "待审核 2 张");
    assert!(b.count("#checks li").await >= 5, "check results shown");
    b.assert_clean("review page").await;
    b.screenshot("review-secretary").await;
    b.at_size(PHONE).await;
    b.screenshot("review-secretary-phone").await;
    b.at_size(LAPTOP).await;

    // Approve with the keyboard; the next upload shows by itself.
    b.press('a').await;
    b.find("#review-current[data-student-no='20240021']").await;
    b.until(
        "the next photo",
        "document.querySelector('#review-photo')?.src.startsWith('blob:')",
    )
    .await;
    assert_eq!(b.text("#review-count").await, "待审核 1 张");
    // The blurred photo's warning is listed.
    assert!(
        b.count("#checks li.warn, #checks li.fail").await >= 1,
        "{}",
        b.page_text().await
    );

    // Reject: 退回, a reason (only selected, so a comment can follow), then
    // 确认退回. Nothing is decided before the photo shows.
    b.until(
        "the decision buttons, once the photo shows",
        "!document.querySelector('#reject').disabled",
    )
    .await;
    b.click("#reject").await;
    b.find("#reasons:not([hidden]) .reason[data-reason='blurred']")
        .await;
    b.click(".reason[data-reason='blurred']").await;
    assert_eq!(
        b.count("#review-empty").await,
        0,
        "a reason alone sends nothing"
    );
    b.screenshot("review-reject-reason").await;
    b.click("#reject-confirm").await;
    b.find("#review-empty").await;
    b.assert_clean("after both decisions").await;
    b.screenshot("review-queue-done").await;

    // The last decision is taken back at once: the upload waits again.
    b.click("#review-undo-button").await;
    b.find("#review-current[data-student-no='20240021']").await;
    b.dismiss_toasts().await;
    b.until(
        "the photo again",
        "!document.querySelector('#reject').disabled",
    )
    .await;
    b.click("#reject").await;
    b.click("#reasons:not([hidden]) .reason[data-reason='blurred']")
        .await;
    b.click("#reject-confirm").await;
    b.find("#review-empty").await;

    // The students see the outcome through the API.
    let me = demo.me(&first).await;
    assert_eq!(me["makeup"]["state"], "approved", "{me}");
    assert_eq!(me["makeup"]["latest_upload"]["status"], "approved");
    let me = demo.me(&second).await;
    assert_eq!(me["makeup"]["state"], "rejected", "{me}");
    assert_eq!(me["makeup"]["latest_upload"]["reject_reason"], "blurred");
    assert_eq!(me["status"]["next_action"]["code"], "reupload_makeup");

    // The re-upload shows beside what was wrong last time.
    let (status, body) = parts(common::upload(&demo.app, &second, photos::good_jpeg()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    b.click("#review-empty .btn").await;
    b.find("#review-current[data-student-no='20240021'] #review-previous")
        .await;
    assert!(b.text("#review-previous").await.contains("模糊"));
    b.screenshot("review-reupload").await;
    b.finish().await;
}

#[tokio::test]
async fn a_secretary_sees_only_their_own_unit() {
    let demo = Demo::new().await;
    demo.upload(CS[0], photos::good_jpeg()).await;
    demo.upload(OTHER_UNIT, photos::good_jpeg()).await;
    let (_one, b) = browser_or_skip!();

    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    // Dashboard: the unit's own at-risk students only.
    let at_risk = b
        .js("return [...document.querySelectorAll('tr[data-student-no]')].map(r => r.dataset.studentNo)")
        .await;
    assert!(
        at_risk
            .as_array()
            .unwrap()
            .iter()
            .all(|n| CS.contains(&n.as_str().unwrap())),
        "{at_risk}"
    );

    b.open("review").await;
    b.find("#review-current[data-student-no='20240019']").await;
    assert_eq!(b.text("#review-count").await, "待审核 1 张");

    b.open("students").await;
    b.find("tr[data-student-no]").await;
    let listed = b
        .js("return [...document.querySelectorAll('tr[data-student-no]')].map(r => r.dataset.studentNo)")
        .await;
    assert_eq!(listed, json!(CS), "only CS students");
    // A student's details: CHSI history and the messages sent to them.
    b.click("tr[data-student-no='20240019'] button").await;
    b.until(
        "the details",
        "document.querySelector('#student-detail')?.dataset.state === 'ready'",
    )
    .await;
    assert!(b.text("#student-detail").await.contains("20240019"));
    b.assert_clean("student details").await;
    b.screenshot("secretary-student-detail").await;
    // The student's WeChat account changed: the secretary frees the entry
    // (the first click arms the button, the second confirms).
    b.click("#student-detail .btn-danger").await;
    b.click("#student-detail .btn-danger.is-armed").await;
    b.until(
        "the row to show the entry unbound",
        "document.querySelector(\"tr[data-student-no='20240019']\")?.innerText.includes('未绑定')",
    )
    .await;
    assert_eq!(demo.roster_entry(CS[0]).await["bound"], false);
    b.fill("#student-search", OTHER_UNIT).await;
    b.until(
        "the search to find nothing",
        "!document.querySelector('tr[data-student-no]') && document.querySelector('#students-list .empty')",
    )
    .await;

    // No admin pages in the menu, and typing their address leads home.
    assert_eq!(b.count("#nav a[data-route='staff']").await, 0);
    assert_eq!(b.count("#nav a[data-route='imports']").await, 0);
    b.goto(&demo.app, "/console/#/staff").await;
    b.until(
        "the redirect home",
        "document.querySelector('#page')?.dataset.page === 'dashboard'",
    )
    .await;
    // And the server refuses, whatever the page does.
    let status = b
        .js(
            "return fetch('/api/v1/staff/students?unit=EAST-MAT', {headers: {Authorization: \
             'Bearer ' + sessionStorage.getItem('dp-console-token')}}).then(r => r.status)",
        )
        .await;
    assert_eq!(status, json!(403));
    b.finish().await;
}

#[tokio::test]
async fn an_admin_import_with_a_bad_row_lists_the_row_and_imports_nothing() {
    let demo = Demo::new().await;
    let (_one, b) = browser_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roster-2024.csv");
    std::fs::write(
        &file,
        format!(
            "{}\n20249901,新同学,CS,境内,上半年,否,否,\n20249902,错单位,NO-SUCH-UNIT,境内,上半年,否,否,\n",
            common::ROSTER_HEADER
        ),
    )
    .unwrap();

    b.login(&demo.app, "demo-admin", "demo-admin-pass").await;
    b.open("imports").await;
    b.find("#roster-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .expect("choose the file");
    b.click("#roster-submit").await;
    let row = b.find("#roster-result tr[data-line='3']").await;
    let text = row.text().await.unwrap();
    assert!(text.contains('3'), "{text}");
    assert!(
        b.text("#roster-result .alert-error")
            .await
            .contains("roster-2024.csv")
    );
    b.screenshot("admin-import-row-error").await;

    // All or nothing: the good row was not imported either.
    let (status, body) = parts(
        demo.app
            .get("/api/v1/staff/students?q=20249901", Some(&demo.admin))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 0, "{body}");

    // Fixed, the same file imports.
    std::fs::write(
        &file,
        format!(
            "{}\n20249901,新同学,CS,境内,上半年,否,否,\n",
            common::ROSTER_HEADER
        ),
    )
    .unwrap();
    let input = b.find("#roster-file").await;
    input.send_keys(&file.display().to_string()).await.unwrap();
    b.click("#roster-submit").await;
    b.find("#roster-result .alert-ok").await;
    assert!(b.text("#roster-result").await.contains("新增 1 人"));
    demo.roster_entry("20249901").await;
    b.finish().await;
}

#[tokio::test]
async fn on_site_staff_check_in_by_typed_student_number_and_mark_photographed() {
    let demo = Demo::new().await;
    let student = demo.student(CS[0]).await;
    let name = demo.roster_entry(CS[0]).await["name"]
        .as_str()
        .unwrap()
        .to_owned();
    // The student is booked for the East campus session but turns up at a
    // second East session, held today.
    let sessions = demo.get("/api/v1/sessions", &student).await;
    let east = item(&sessions, "campus_code", "EAST");
    let slot = json!({"slot_id": east["slots"][0]["id"]});
    let booked = demo
        .app
        .post_json("/api/v1/bookings", &slot, Some(&student))
        .await;
    assert_eq!(booked.status(), StatusCode::CREATED);
    let date = (chrono::Utc::now() + chrono::Duration::days(5)).date_naive();
    let (status, today) = parts(
        demo.app
            .post_json(
                &format!("/api/v1/admin/campaigns/{}/sessions", demo.campaign_id().await),
                &json!({"campus_code": "EAST", "date": date, "rooms": "C102", "windows": ["09:00-10:00"], "slot_minutes": 30, "capacity_per_slot": 5}),
                Some(&demo.admin),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{today}");
    make_today(&demo.app, &today).await;
    let session = today["id"].as_i64().unwrap();
    let (_one, mut b) = browser_or_skip!();

    b.login(&demo.app, "demo-onsite", "demo-onsite-pass").await;
    // On-site staff land on their page; it is their only one.
    assert_eq!(b.count("#nav a").await, 1);
    b.until(
        "the on-site page",
        "document.querySelector('#page').dataset.page === 'onsite'",
    )
    .await;
    // Today's only session is chosen; nobody is expected yet.
    assert_eq!(
        b.js("return document.querySelector('#onsite-session').value")
            .await,
        json!(session.to_string())
    );
    b.find("#onsite-arrivals .empty").await;

    // A domestic student who never opened the mini-program has no
    // collection code: a clear refusal.
    b.fill("#onsite-number", OTHER_UNIT).await;
    b.click("#onsite-checkin").await;
    b.find("#onsite-result[data-error='collection_code_required']")
        .await;
    b.screenshot("onsite-refused").await;
    b.dismiss_toasts().await;

    // Booked for the other session: named, and moved here on request.
    b.fill("#onsite-number", CS[0]).await;
    b.click("#onsite-checkin").await;
    b.find("#onsite-result[data-error='already_booked']").await;
    assert!(b.text("#onsite-result").await.contains("公共教学楼 C101"));
    b.screenshot("onsite-booked-elsewhere").await;
    b.dismiss_toasts().await;
    b.click("#onsite-move").await;
    b.find("#onsite-result[data-status='checked_in']").await;
    b.find(&format!(
        "#onsite-arrivals tr[data-student-no='{}'][data-status='checked_in']",
        CS[0]
    ))
    .await;
    assert!(b.text("#onsite-counts").await.contains("已签到 1"));
    assert_eq!(b.text("#onsite-name").await, name);
    assert!(b.text("#onsite-verdict").await.contains("已保存图像采集码"));
    b.assert_clean("after check-in").await;
    b.screenshot("onsite-checked-in").await;
    b.at_size(PHONE).await;
    b.screenshot("onsite-checked-in-phone").await;
    b.at_size(LAPTOP).await;

    // Marked by mistake, taken back, then marked again.
    b.click("#mark-unpaid").await;
    b.find("#onsite-result[data-status='photographed']").await;
    b.dismiss_toasts().await;
    b.click("#undo-photographed").await;
    b.find("#onsite-result[data-status='checked_in']").await;
    b.dismiss_toasts().await;
    b.click("#mark-paid").await;
    b.find("#onsite-result[data-status='photographed']").await;
    assert!(b.text("#onsite-status").await.contains("已缴费"));
    b.find(&format!(
        "#onsite-arrivals tr[data-student-no='{}'][data-status='photographed']",
        CS[0]
    ))
    .await;
    b.screenshot("onsite-photographed").await;

    let me = demo.me(&student).await;
    assert_eq!(
        me["status"]["next_action"]["code"], "wait_for_chsi_upload",
        "{me}"
    );
    let report = demo
        .get(
            &format!("/api/v1/staff/sessions/{session}/bookings"),
            &demo.admin,
        )
        .await;
    let row = &item(&report, "student_no", CS[0]);
    assert_eq!(row["status"], "photographed");
    assert_eq!(row["fee_paid"], true);
    b.finish().await;
}

#[tokio::test]
async fn an_admin_sets_up_a_campus_unit_session_and_secretary_account() {
    let demo = Demo::new().await;
    let (_one, b) = browser_or_skip!();
    b.login(&demo.app, "demo-admin", "demo-admin-pass").await;
    b.open("setup").await;

    // The international students office's contact, shown to students.
    let contact = "留学生办公室：行政楼 201，电话 020-12345678";
    b.click("#page td button.btn-small").await;
    b.fill("#page form textarea[name='intl_office_contact']", contact)
        .await;
    b.click("#page form button[type='submit']").await;
    b.until(
        "the campaign saved",
        "!document.querySelector(\"#page textarea[name='intl_office_contact']\")",
    )
    .await;
    let campaign = demo.campaign_id().await;
    let saved = demo
        .get(&format!("/api/v1/admin/campaigns/{campaign}"), &demo.admin)
        .await;
    assert_eq!(saved["intl_office_contact"], contact);

    b.click("#page .tab[data-tab='campuses']").await;
    b.fill("#page form input[name='code']", "GZ-INT").await;
    b.fill("#page form input[name='name']", "国际校区").await;
    b.click("#page form button[type='submit']").await;
    b.until(
        "the new campus",
        "[...document.querySelectorAll('#page td')].some(td => td.textContent === 'GZ-INT')",
    )
    .await;

    b.click("#page .tab[data-tab='units']").await;
    b.fill("#page form input[name='code']", "INT-BIZ").await;
    b.fill("#page form input[name='name']", "国际商学院").await;
    b.set("#page form select[name='campus_code']", "GZ-INT")
        .await;
    b.click("#page form button[type='submit']").await;
    b.until(
        "the new unit",
        "[...document.querySelectorAll('#page td')].some(td => td.textContent === 'INT-BIZ')",
    )
    .await;

    b.click("#page .tab[data-tab='sessions']").await;
    b.find("tr[data-session-id]").await;
    b.settled().await;
    let before = b.count("tr[data-session-id]").await;
    b.click("#new-session").await;
    b.set("#page form select[name='campus_code']", "GZ-INT")
        .await;
    // Within the demo campaign's years, whenever the test runs.
    let date = (chrono::Utc::now() + chrono::Duration::days(45))
        .date_naive()
        .to_string();
    b.set("#page form input[name='date']", &date).await;
    b.fill("#page form input[name='rooms']", "国际楼 101").await;
    b.fill(
        "#page form input[name='windows']",
        "09:00-11:00, 14:00-16:00",
    )
    .await;
    b.set("#page form input[name='slot_minutes']", "20").await;
    b.set("#page form input[name='capacity_per_slot']", "12")
        .await;
    b.click("#page form button[type='submit']").await;
    b.until(
        "the new session",
        &format!(
            "document.querySelectorAll('tr[data-session-id]').length === {}",
            before + 1
        ),
    )
    .await;
    let row = "tr[data-session-id]:last-child";
    assert!(
        b.text(row).await.contains("20 分钟 × 12 人"),
        "{}",
        b.text(row).await
    );
    assert!(b.text(row).await.contains("0 / 144"), "12 slots of 12");
    b.screenshot("admin-setup-new-session").await;

    // Capacity changed in the form; only what changed is sent.
    b.click(&format!("{row} button.btn-small")).await;
    b.set("#page form input[name='capacity_per_slot']", "15")
        .await;
    b.click("#page form button[type='submit']").await;
    b.until(
        "the new capacity",
        "document.querySelector('tr[data-session-id]:last-child')?.textContent.includes('× 15 人')",
    )
    .await;
    // Deleting asks once more.
    b.click(&format!("{row} .btn-danger")).await;
    b.find(&format!("{row} .btn-danger.is-armed")).await;
    b.click(&format!("{row} .btn-danger")).await;
    b.until(
        "the session gone",
        &format!("document.querySelectorAll('tr[data-session-id]').length === {before}"),
    )
    .await;

    // A secretary for the new unit, then disabled.
    b.open("staff").await;
    b.fill("#staff-create input[name='username']", "li.si")
        .await;
    b.fill("#staff-create input[name='password']", "a-long-password-1")
        .await;
    b.set("#staff-create select[name='role']", "unit_secretary")
        .await;
    b.set("#staff-create select[name='unit_code']", "INT-BIZ")
        .await;
    b.click("#staff-create button[type='submit']").await;
    b.find("tr[data-username='li.si']").await;
    assert!(
        b.text("tr[data-username='li.si']")
            .await
            .contains("INT-BIZ")
    );
    let (status, _) = parts(demo.app.staff_login("li.si", "a-long-password-1").await).await;
    assert_eq!(status, StatusCode::OK);
    b.click("tr[data-username='li.si'] .btn-danger").await;
    b.until(
        "the account disabled",
        "document.querySelector(\"tr[data-username='li.si']\")?.textContent.includes('已停用')",
    )
    .await;
    let (status, _) = parts(demo.app.staff_login("li.si", "a-long-password-1").await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    b.assert_clean("setup and staff").await;
    b.finish().await;
}

#[tokio::test]
async fn an_error_report_goes_from_the_unit_to_the_graduate_school_and_back() {
    let demo = Demo::new().await;
    let student = demo.student(CS[0]).await;
    let mistaken = demo.student(CS[2]).await;
    // CHSI says the verification failed; the students report it.
    let campaign = demo.campaign_id().await;
    let list = format!("学号,状态\n{},核验未通过\n{},核验未通过\n", CS[0], CS[2]);
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(list.into_bytes()).file_name("chsi.csv"),
    );
    let resp = demo
        .app
        .client
        .post(
            demo.app
                .url(&format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses")),
        )
        .bearer_auth(&demo.admin)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let (status, body) = parts(
        demo.app
            .post_json(
                "/api/v1/me/self-check",
                &json!({"result": "error", "reason_code": "verification_failed"}),
                Some(&student),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let report = json!({"result": "error", "reason_code": "verification_failed"});
    let resp = demo
        .app
        .post_json("/api/v1/me/self-check", &report, Some(&mistaken))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_one, b) = browser_or_skip!();

    // The secretary returns one as not an error, with a note for the
    // student, and forwards the other.
    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    b.open("reports").await;
    let row = format!("tr[data-student-no='{}']", CS[2]);
    b.click(&format!("{row} [data-open-return]")).await;
    b.fill(&format!("{row} textarea"), "学信网尚未同步，三天后再看")
        .await;
    b.click(&format!("{row} [data-return-report]")).await;
    b.until(
        "the returned report gone from the open list",
        &format!(
            "!document.querySelector(\"{row}\") && !!document.querySelector('input[data-report]')"
        ),
    )
    .await;
    let check = demo.get("/api/v1/me/self-check", &mistaken).await;
    assert_eq!(check["reports"][0]["resolution"], "not_an_error", "{check}");
    b.dismiss_toasts().await;
    b.click("input[data-report]").await;
    b.until(
        "the forward button",
        "document.querySelector('#forward')?.disabled === false",
    )
    .await;
    b.screenshot("reports-to-forward").await;
    b.click("#forward").await;
    b.find("#page .empty").await;
    b.click("#page .tab[data-tab='forwarded']").await;
    b.find("tr[data-report-id]").await;
    b.click("#logout").await;
    b.find("#login:not([hidden])").await;

    // The Graduate School resolves it.
    b.login(&demo.app, "demo-admin", "demo-admin-pass").await;
    b.open("batches").await;
    assert!(
        b.text("#batches-list")
            .await
            .contains("1 待处理 · 0 已处理")
    );
    b.click("#batches-list .btn-primary").await;
    b.find("#batch-detail tr[data-report-id]").await;
    b.set("#batch-detail tr[data-report-id] select", "chsi_reverified")
        .await;
    b.fill(
        "#batch-detail tr[data-report-id] input",
        "已请学信网重新核验",
    )
    .await;
    b.click("#batch-detail tr[data-report-id] .btn-primary")
        .await;
    b.until(
        "the resolution",
        "document.querySelector('#batch-detail tr[data-report-id]')?.classList.contains('is-done')",
    )
    .await;
    b.assert_clean("batch resolved").await;
    b.screenshot("admin-batch-resolved").await;

    let check = demo.get("/api/v1/me/self-check", &student).await;
    assert_eq!(check["reports"][0]["status"], "resolved", "{check}");
    assert_eq!(check["reports"][0]["resolution"], "chsi_reverified");
    b.finish().await;
}

#[tokio::test]
async fn on_site_staff_scan_the_check_in_code_with_the_camera() {
    let demo = Demo::new().await;
    let student = demo.student(CS[0]).await;
    // The student books the East campus session, which then comes today.
    let sessions = demo.get("/api/v1/sessions", &student).await;
    let session = item(&sessions, "campus_code", "EAST");
    let (status, booking) = parts(
        demo.app
            .post_json(
                "/api/v1/bookings",
                &json!({"slot_id": session["slots"][0]["id"]}),
                Some(&student),
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    make_today(&demo.app, &session).await;
    let code = demo
        .get(
            &format!("/api/v1/bookings/{}/check-in", booking["id"]),
            &student,
        )
        .await;
    let dir = tempfile::tempdir().unwrap();
    let clip = dir.path().join("qr.y4m");
    qr_clip(code["payload"].as_str().expect("payload"), &clip);
    let camera = [
        "--use-fake-device-for-media-stream".to_owned(),
        "--use-fake-ui-for-media-stream".to_owned(),
        format!("--use-file-for-fake-video-capture={}", clip.display()),
    ];
    let (_one, b) = browser_or_skip!(&camera);

    b.login(&demo.app, "demo-onsite", "demo-onsite-pass").await;
    b.set("#onsite-session", &session["id"].to_string()).await;
    b.click("#scan-start").await;
    // The camera sees the code; the scanner stops and checks the student in.
    b.find("#onsite-result[data-status='checked_in'][data-student-no='20240019']")
        .await;
    assert_eq!(
        b.js("return document.querySelector('.scan-area').hidden")
            .await,
        json!(true),
        "the camera is off again"
    );
    b.assert_clean("after scanning").await;
    b.screenshot("onsite-scanned").await;
    let me = demo.me(&student).await;
    assert_eq!(me["booking"]["status"], "checked_in", "{me}");
    b.finish().await;
}

/// Every page of every role opens without an error; a screenshot of each
/// (laptop, and phone for some) goes to target/console-screenshots/.
#[tokio::test]
async fn every_page_of_every_role_renders() {
    let demo = Demo::new().await;
    demo.upload(CS[0], photos::good_jpeg()).await;
    // A foreign student's offline make-up: the paper photo for the unit, the
    // e-photo for the international office.
    let foreign = demo.student(CS[2]).await;
    let today = diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).date_naive();
    let resp = demo
        .app
        .post_json(
            "/api/v1/me/makeup/offline",
            &json!({"taken_on": today}),
            Some(&foreign),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    // Another foreign student's online make-up, approved.
    let online = demo.upload(FOREIGN_ONLINE, photos::good_jpeg()).await;
    let photo = demo.me(&online).await["makeup"]["latest_upload"]["id"].clone();
    let resp = demo
        .app
        .post_json(
            &format!("/api/v1/staff/reviews/{photo}"),
            &json!({"decision": "approve"}),
            Some(&demo.admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_one, mut b) = browser_or_skip!();

    let roles = [
        ("demo-admin", "admin"),
        ("demo-secretary", "secretary"),
        ("demo-onsite", "onsite"),
        ("demo-intl", "intl"),
    ];
    for (username, role) in roles {
        b.login(&demo.app, username, &format!("{username}-pass"))
            .await;
        let routes = b
            .js("return [...document.querySelectorAll('#nav a')].map(a => a.dataset.route)")
            .await;
        for route in routes.as_array().unwrap() {
            let route = route.as_str().unwrap();
            b.open(route).await;
            if route == "review" && role == "secretary" {
                b.until(
                    "the photo",
                    "document.querySelector('#review-photo')?.complete",
                )
                .await;
            }
            b.assert_clean(&format!("{role} {route}")).await;
            b.screenshot(&format!("{role}-{route}")).await;
            // Pages with tabs: each tab too.
            let tabs = b.count("#page .tab").await;
            for i in 1..tabs {
                b.click(&format!("#page .tab:nth-child({})", i + 1)).await;
                b.settled().await;
                b.assert_clean(&format!("{role} {route} tab {i}")).await;
                let tab = b
                    .js(&format!(
                        "return document.querySelector('#page .tab:nth-child({})').dataset.tab",
                        i + 1
                    ))
                    .await;
                b.screenshot(&format!("{role}-{route}-{}", tab.as_str().unwrap()))
                    .await;
            }
        }
        if role == "secretary" {
            b.at_size(PHONE).await;
            b.open("dashboard").await;
            b.screenshot("secretary-dashboard-phone").await;
            b.open("students").await;
            b.screenshot("secretary-students-phone").await;
            b.at_size(LAPTOP).await;
        }
        // Logging out ends the token and clears the tab's storage.
        b.click("#logout").await;
        b.find("#login:not([hidden])").await;
        assert_eq!(
            b.js("return sessionStorage.getItem('dp-console-token')")
                .await,
            Value::Null
        );
    }
    b.screenshot("login").await;

    // International office: download the approved online photo; record the
    // e-photo of the offline make-up, the row updates in place.
    b.login(&demo.app, "demo-intl", "demo-intl-pass").await;
    b.click(&format!("button[data-download='{FOREIGN_ONLINE}']"))
        .await;
    b.until(
        "the download",
        "[...document.querySelectorAll('.toast')].some(t => t.textContent.includes('已下载电子相片'))",
    )
    .await;
    b.click("button[data-receive='20240021']").await;
    b.until(
        "the receipt",
        "document.querySelector(\"tr[data-student-no='20240021']\")?.classList.contains('is-done')",
    )
    .await;
    assert!(
        b.text("tr[data-student-no='20240021']")
            .await
            .contains("已收到")
    );
    b.finish().await;
}

#[tokio::test]
async fn a_students_whole_story_opens_from_the_at_risk_list() {
    let demo = Demo::new().await;
    // A student of the unit books and cancels, so the story has a booking.
    let student = demo.student(CS[0]).await;
    let sessions = demo.get("/api/v1/sessions", &student).await;
    let east = item(&sessions, "campus_code", "EAST");
    let slot = json!({"slot_id": east["slots"][0]["id"]});
    let (status, booking) = parts(
        demo.app
            .post_json("/api/v1/bookings", &slot, Some(&student))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    let (_one, mut b) = browser_or_skip!();

    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    b.open("dashboard").await;
    b.click("a[data-story]").await;
    b.find("#student-story").await;
    let story = b.text("#student-story").await;
    for part in [
        "预约与现场",
        "线上补拍",
        "错误报告",
        "学信网状态记录",
        "毕业审核平台",
    ] {
        assert!(story.contains(part), "{part} missing: {story}");
    }
    b.assert_clean("the student's story").await;
    b.screenshot("student-story").await;
    b.at_size(PHONE).await;
    b.screenshot("student-story-phone").await;
    b.at_size(LAPTOP).await;

    // The booked student's story shows the booking.
    let id = demo.roster_entry(CS[0]).await["id"].as_i64().unwrap();
    b.goto(&demo.app, &format!("/console/#/students?student={id}"))
        .await;
    b.find(&format!("#student-story[data-student-no='{}']", CS[0]))
        .await;
    assert!(b.text("#student-story").await.contains("已预约"));
    b.finish().await;
}

#[tokio::test]
async fn a_paper_photo_by_student_number_is_confirmed_by_name_first() {
    let demo = Demo::new().await;
    // CS[0] took the online path; CS[2] handed in a paper photo unannounced.
    demo.upload(CS[0], photos::good_jpeg()).await;
    demo.student(CS[2]).await;
    let (_one, b) = browser_or_skip!();

    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    b.open("paper").await;
    b.fill("#paper-by-number input[name='student_no']", CS[2])
        .await;
    b.click("#paper-by-number button[type='submit']").await;
    // Who it is, before anything is recorded.
    b.find(&format!("#paper-confirm [data-student-no='{}']", CS[2]))
        .await;
    let shown = b.text("#paper-confirm").await;
    let name = demo.roster_entry(CS[2]).await["name"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(shown.contains(&name), "{shown}");
    let before = demo.roster_entry(CS[2]).await;
    assert_ne!(
        before["status"]["next_action"]["code"], "send_e_photo",
        "nothing yet"
    );
    b.screenshot("paper-confirm").await;
    b.click("#paper-confirm-record").await;
    b.find("#paper-undo").await;
    let me = demo.roster_entry(CS[2]).await;
    assert_eq!(me["status"]["next_action"]["code"], "send_e_photo", "{me}");
    // A slip: taken back at once, then recorded again.
    b.click("#paper-undo").await;
    b.until(
        "the receipt undone",
        "!document.querySelector('#paper-undo')",
    )
    .await;
    let me = demo.roster_entry(CS[2]).await;
    assert_eq!(me["status"]["next_action"], before["status"]["next_action"]);
    b.fill("#paper-by-number input[name='student_no']", CS[2])
        .await;
    b.click("#paper-by-number button[type='submit']").await;
    b.click("#paper-confirm-record").await;
    b.find("#paper-undo").await;

    // A mistyped number of a student on the online path: refused by name.
    b.fill("#paper-by-number input[name='student_no']", CS[0])
        .await;
    b.click("#paper-by-number button[type='submit']").await;
    b.click("#paper-confirm-record").await;
    b.until(
        "the refusal",
        "!document.querySelector('#page .form-error').hidden",
    )
    .await;
    assert!(b.text("#page .form-error").await.contains("线上补拍"));
    b.finish().await;
}

/// WCAG's relative-luminance contrast of every badge's text on its own
/// background, the badges under 4.5:1 listed.
const LOW_CONTRAST_BADGES: &str = "
  const lum = (c) => {
    const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return [...document.querySelectorAll('.badge')].map((e) => {
    const s = getComputedStyle(e);
    const [a, b] = [lum(s.color), lum(s.backgroundColor)];
    return [e.className + ' ' + e.textContent, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  }).filter(([, ratio]) => ratio < 4.5);";

/// Visible controls of the page shorter than 44 px (a finger's width).
const SMALL_TAP_TARGETS: &str = "
  return [...document.querySelectorAll('#page .btn, #page input, #page select, #menu-toggle, #logout')]
    .filter((e) => e.offsetParent && e.type !== 'checkbox' && e.getBoundingClientRect().height < 44)
    .map((e) => e.outerHTML.slice(0, 80));";

#[tokio::test]
async fn the_console_works_by_keyboard_and_by_finger() {
    let demo = Demo::new().await;
    demo.upload(CS[0], photos::good_jpeg()).await;
    let (_one, mut b) = browser_or_skip!();

    b.login(&demo.app, "demo-secretary", "demo-secretary-pass")
        .await;
    b.open("students").await;
    // After navigation the focus is on the page's heading; the skip link
    // takes a keyboard user past the menu.
    assert_eq!(
        b.js("return document.activeElement.tagName").await,
        json!("H1")
    );
    b.js("document.querySelector('#skip-link').click(); return 1")
        .await;
    assert_eq!(
        b.js("return document.activeElement.id").await,
        json!("page")
    );
    assert_eq!(b.js(LOW_CONTRAST_BADGES).await, json!([]));
    // Messages of one page leave with it.
    b.js("document.getElementById('toasts').append(document.createElement('div')); return 1")
        .await;
    b.open("reports").await;
    assert_eq!(b.count("#toasts > *").await, 0);

    b.at_size(PHONE).await;
    for route in ["students", "review", "paper", "exports"] {
        b.open(route).await;
        assert_eq!(b.js(SMALL_TAP_TARGETS).await, json!([]), "{route}");
        assert_eq!(b.js(LOW_CONTRAST_BADGES).await, json!([]), "{route}");
    }
    b.finish().await;
}

#[tokio::test]
async fn the_audit_log_reads_in_chinese_folds_look_ups_and_filters_by_action() {
    let demo = Demo::new().await;
    // Three look-ups of one student by the admin, in a row.
    let entry = demo.roster_entry(CS[0]).await["id"].clone();
    for _ in 0..3 {
        demo.get(&format!("/api/v1/staff/students/{entry}"), &demo.admin)
            .await;
    }
    let (_one, b) = browser_or_skip!();

    b.login(&demo.app, "demo-admin", "demo-admin-pass").await;
    b.open("audit").await;
    b.find("#audit-results tr[data-action='record_viewed']")
        .await;
    let folded = b
        .js("return Math.max(...[...document.querySelectorAll(\"tr[data-action='record_viewed']\")].map(r => Number(r.dataset.folded)))")
        .await;
    assert!(folded.as_i64().unwrap() >= 3, "{folded}");
    assert!(b.text("#audit-results").await.contains("查看学生信息 ×"));
    // The admin's logins and look-ups are there; filtered, the look-ups only.
    b.set("#audit-action", "record_viewed").await;
    b.click("#audit-filter button[type='submit']").await;
    b.until(
        "only look-ups",
        "[...document.querySelectorAll('#audit-results tr[data-action]')].every(r => r.dataset.action === 'record_viewed') \
         && document.querySelectorAll('#audit-results tr[data-action]').length > 0",
    )
    .await;
    b.assert_clean("audit log").await;
    b.finish().await;
}

#[tokio::test]
async fn setup_offers_no_trap_for_a_booked_session_and_sorts_units() {
    let demo = Demo::new().await;
    let student = demo.student(CS[0]).await;
    let sessions = demo.get("/api/v1/sessions", &student).await;
    let east = item(&sessions, "campus_code", "EAST");
    let slot = json!({"slot_id": east["slots"][0]["id"]});
    let booked = demo
        .app
        .post_json("/api/v1/bookings", &slot, Some(&student))
        .await;
    assert_eq!(booked.status(), StatusCode::CREATED);
    let (_one, b) = browser_or_skip!();

    b.login(&demo.app, "demo-admin", "demo-admin-pass").await;
    b.open("setup").await;
    b.click("#page .tab[data-tab='sessions']").await;
    let row = format!("tr[data-session-id='{}']", east["id"]);
    b.find(&format!("{row} [data-no-delete]")).await;
    assert_eq!(b.count(&format!("{row} .btn-danger")).await, 0);
    // Units are ticked from the list in the session form, never typed.
    b.click(&format!("{row} button.btn-small")).await;
    b.find("#session-units input[type='checkbox'][value='CS']")
        .await;

    b.click("#page .tab[data-tab='units']").await;
    b.find("tr[data-unit-code]").await;
    let codes = b
        .js("return [...document.querySelectorAll('tr[data-unit-code]')].map(r => r.dataset.unitCode)")
        .await;
    let mut sorted: Vec<String> = serde_json::from_value(codes.clone()).unwrap();
    sorted.sort();
    assert_eq!(codes, json!(sorted), "by code");
    b.set("#units-order", "campus").await;
    b.settled().await;
    b.assert_clean("setup").await;
    b.finish().await;
}
