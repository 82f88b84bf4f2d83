//! Test harness: the real application on a random port with a fresh
//! database and a fake WeChat server.
//!
//! The backend is chosen by environment (see `scripts/test.sh`):
//! - default: a fresh SQLite file per test and the in-process cache;
//! - `DP_TEST_DATABASE_URL=postgres://…/postgres`: a fresh PostgreSQL
//!   database per test, created through that admin connection;
//! - `DP_TEST_REDIS_URL=redis://…`: Redis, with a fresh key prefix per test;
//! - `DP_TEST_S3=http://host:port/bucket`: photos in that S3-compatible
//!   bucket, under a fresh prefix per test (else a local folder).
#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod photos;
pub mod process;
pub mod proxy;

use std::collections::HashMap;

use diploma_photo::{
    config::Config,
    domain::{Password, StaffAssignment, StaffRole, UnitCode, Username},
    service::{
        campaign,
        staff::{self, NewStaff},
    },
    startup::Application,
    state::AppState,
};
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;
use wiremock::MockServer;

pub const TEST_APPID: &str = "wx-test-appid";
pub const TEST_SECRET: &str = "test-secret";

pub struct TestApp {
    pub base: String,
    /// `http://…` of the metrics listener, when `DP_METRICS_LISTEN` is set.
    pub metrics_base: Option<String>,
    pub client: reqwest::Client,
    pub wechat: MockServer,
    pub state: AppState,
    pub database_url: String,
    /// The environment the app was built from (to start a sibling instance).
    pub env: HashMap<String, String>,
    _dir: TempDir,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Which backing services this run uses.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("DP_TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
}

pub fn redis_url() -> Option<String> {
    std::env::var("DP_TEST_REDIS_URL")
        .ok()
        .filter(|v| !v.is_empty())
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A database URL for a fresh, empty database.
pub async fn fresh_database_url(dir: &TempDir) -> String {
    match postgres_admin_url() {
        None => format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()),
        Some(admin) => {
            let name = format!("t_{}", unique());
            let conn = Database::connect(&admin)
                .await
                .expect("PostgreSQL admin connection (DP_TEST_DATABASE_URL)");
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create test database");
            conn.close().await.ok();
            let mut url = reqwest::Url::parse(&admin).expect("DP_TEST_DATABASE_URL is a URL");
            url.set_path(&name);
            url.to_string()
        }
    }
}

/// Environment for a test app: the backend under test, a random port, the
/// fake WeChat server, dev login (no appid) unless `vars` says otherwise.
pub async fn test_env(dir: &TempDir, wechat: &MockServer) -> HashMap<String, String> {
    let mut env = HashMap::from([
        ("DP_LISTEN".to_owned(), "127.0.0.1:0".to_owned()),
        ("DP_DATABASE_URL".to_owned(), fresh_database_url(dir).await),
        ("DP_WECHAT_API_BASE".to_owned(), wechat.uri()),
        ("DP_WECHAT_TIMEOUT_MS".to_owned(), "1000".to_owned()),
        (
            "DP_STORAGE".to_owned(),
            dir.path().join("uploads").display().to_string(),
        ),
    ]);
    // Photos go to a fresh prefix of the S3 test bucket when one is given.
    if let Some((endpoint, bucket)) = std::env::var("DP_TEST_S3").ok().and_then(|url| {
        url.rsplit_once('/')
            .map(|(e, b)| (e.to_owned(), b.to_owned()))
    }) {
        env.insert("DP_STORAGE".into(), format!("s3://{bucket}/t-{}", unique()));
        env.insert("DP_S3_ENDPOINT".into(), endpoint);
        env.insert("DP_S3_ACCESS_KEY_ID".into(), "test".into());
        env.insert("DP_S3_SECRET_ACCESS_KEY".into(), "test".into());
    }
    if let Some(redis) = redis_url() {
        env.insert("DP_REDIS_URL".into(), redis);
        env.insert("DP_REDIS_PREFIX".into(), format!("t:{}:", unique()));
    }
    env
}

/// The app in dev-login mode (no WeChat appid).
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// The app talking to the fake WeChat server with test credentials.
pub async fn spawn_app_with_wechat() -> TestApp {
    spawn_app_with(&[
        ("DP_WECHAT_APPID", TEST_APPID),
        ("DP_WECHAT_SECRET", TEST_SECRET),
    ])
    .await
}

pub async fn spawn_app_with(vars: &[(&str, &str)]) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let wechat = MockServer::start().await;
    let mut env = test_env(&dir, &wechat).await;
    for (k, v) in vars {
        env.insert((*k).to_owned(), (*v).to_owned());
    }
    spawn_with_env(dir, wechat, env).await
}

pub async fn spawn_with_env(
    dir: TempDir,
    wechat: MockServer,
    env: HashMap<String, String>,
) -> TestApp {
    // Server logs (the cause behind a 500, say) go to the test's captured
    // output, which is printed when the test fails.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("warn,diploma_photo=warn")
        .with_test_writer()
        .try_init();
    let config = Config::from_lookup(|k| env.get(k).cloned()).expect("test config");
    let kept_env = env.clone();
    let database_url = config.database_url.clone();
    let app = Application::build(config).await.expect("app builds");
    let base = format!("http://{}", app.addr());
    let metrics_base = app.metrics_addr().map(|addr| format!("http://{addr}"));
    let state = app.state().clone();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = rx.await;
    }));
    TestApp {
        base,
        metrics_base,
        client: reqwest::Client::new(),
        wechat,
        state,
        database_url,
        env: kept_env,
        _dir: dir,
        shutdown: Some(tx),
    }
}

/// A response's status and JSON body (Null when the body is empty).
pub async fn parts(resp: Response) -> (StatusCode, Value) {
    let status = resp.status();
    let text = resp.text().await.expect("body");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
    };
    (status, body)
}

/// Asserts an error response: status, stable code, non-empty message.
pub async fn assert_error(resp: Response, status: StatusCode, code: &str) -> Value {
    let (got, body) = parts(resp).await;
    assert_eq!(got, status, "body: {body}");
    assert_eq!(body["code"], code, "body: {body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "no message: {body}"
    );
    body
}

impl TestApp {
    /// A second instance sharing this one's database and cache settings, as
    /// behind a load balancer.
    pub async fn sibling(&self) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        spawn_with_env(dir, MockServer::start().await, self.env.clone()).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn post_json(&self, path: &str, body: &Value, token: Option<&str>) -> Response {
        let mut req = self.client.post(self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    pub async fn patch_json(&self, path: &str, body: &Value, token: &str) -> Response {
        self.client
            .patch(self.url(path))
            .json(body)
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut req = self.client.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    /// Logs a student in through dev login and returns the token.
    /// Logs a student in: by dev login, or through the fake WeChat server
    /// when the app has WeChat credentials.
    pub async fn student_token(&self, openid: &str) -> String {
        let code = if self.env.contains_key("DP_WECHAT_APPID") {
            use wiremock::{
                Mock, ResponseTemplate,
                matchers::{method, path, query_param},
            };
            let code = format!("code-{openid}");
            Mock::given(method("GET"))
                .and(path("/sns/jscode2session"))
                .and(query_param("js_code", code.as_str()))
                .respond_with(
                    ResponseTemplate::new(200)
                        .set_body_json(json!({"openid": openid, "session_key": "sk"})),
                )
                .mount(&self.wechat)
                .await;
            code
        } else {
            format!("dev:{openid}")
        };
        let resp = self
            .post_json("/api/v1/auth/wechat", &json!({ "code": code }), None)
            .await;
        let (status, body) = parts(resp).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().expect("token").to_owned()
    }

    /// Makes sure a training unit exists (on a test campus), for secretaries
    /// and rosters.
    pub async fn ensure_unit(&self, code: &str) {
        let db = &self.state.db;
        if campaign::unit_by_code(db, code).await.is_ok() {
            return;
        }
        if campaign::campus_by_code(db, "TESTCAMPUS").await.is_err() {
            campaign::create_campus(db, "TESTCAMPUS", "测试校区")
                .await
                .unwrap();
        }
        campaign::create_unit(db, code, &format!("单位 {code}"), "TESTCAMPUS")
            .await
            .unwrap();
    }

    /// Creates a staff account directly through the service layer.
    pub async fn create_staff(
        &self,
        username: &str,
        role: StaffRole,
        unit: Option<&str>,
    ) -> String {
        if let Some(code) = unit {
            self.ensure_unit(code).await;
        }
        let password = format!("{username}-password");
        staff::create(
            &self.state.db,
            NewStaff {
                username: Username::parse(username).unwrap(),
                password: Password::parse(&password).unwrap(),
                assignment: StaffAssignment::new(role, unit.map(|u| UnitCode::parse(u).unwrap()))
                    .unwrap(),
            },
        )
        .await
        .expect("create staff");
        password
    }

    /// Admin frees the roster entry of `student_no` from its WeChat account.
    pub async fn unbind(&self, admin: &str, campaign: i64, student_no: &str) {
        let (_, list) = parts(
            self.get(
                &format!("/api/v1/admin/campaigns/{campaign}/roster?q={student_no}"),
                Some(admin),
            )
            .await,
        )
        .await;
        let entry = list["items"][0]["id"].as_i64().unwrap();
        let resp = self
            .client
            .delete(self.url(&format!("/api/v1/admin/students/{entry}/binding")))
            .bearer_auth(admin)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    }

    pub async fn staff_login(&self, username: &str, password: &str) -> Response {
        self.post_json(
            "/api/v1/auth/staff",
            &json!({ "username": username, "password": password }),
            None,
        )
        .await
    }

    /// Creates a staff account and logs it in; returns the token.
    pub async fn staff_token(&self, username: &str, role: StaffRole, unit: Option<&str>) -> String {
        let password = self.create_staff(username, role, unit).await;
        let (status, body) = parts(self.staff_login(username, &password).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().expect("token").to_owned()
    }
}

/// The header every test roster uses (Chinese, as the Graduate School writes it).
pub const ROSTER_HEADER: &str =
    "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号";

impl TestApp {
    /// Posts a photo as multipart field `photo` (with `source` when given).
    pub async fn upload_photo(
        &self,
        path: &str,
        token: &str,
        bytes: Vec<u8>,
        filename: &str,
        source: Option<&str>,
    ) -> Response {
        let mut form = reqwest::multipart::Form::new().part(
            "photo",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(filename.to_owned())
                .mime_str("image/jpeg")
                .unwrap(),
        );
        if let Some(source) = source {
            form = form.text("source", source.to_owned());
        }
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    /// Uploads a roster file as multipart field `file`.
    pub async fn upload_roster(
        &self,
        campaign_id: i64,
        bytes: Vec<u8>,
        filename: &str,
        token: &str,
    ) -> Response {
        self.upload_list(
            &format!("/api/v1/admin/campaigns/{campaign_id}/roster"),
            bytes,
            filename,
            token,
        )
        .await
    }

    /// Posts a spreadsheet as the multipart field `file`.
    pub async fn upload_list(
        &self,
        path: &str,
        bytes: Vec<u8>,
        filename: &str,
        token: &str,
    ) -> Response {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(filename.to_owned()),
        );
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    /// An open campaign with units CS and MED and this roster (CSV lines
    /// after the header). Returns the admin token and the campaign id.
    pub async fn open_campaign_with_roster(&self, rows: &[&str]) -> (String, i64) {
        let admin = self
            .staff_token("roster.admin", StaffRole::Admin, None)
            .await;
        self.ensure_unit("CS").await;
        self.ensure_unit("MED").await;
        let year = graduation_year();
        let (status, campaign) = parts(
            self.post_json(
                "/api/v1/admin/campaigns",
                &json!({"name": format!("{year}届"), "graduation_year": year, "status": "open",
                        "makeup_deadline": past_makeup_deadline(),
                        "self_check_deadline": format!("{}-04-15T23:59:59+08:00", year - 1)}),
                Some(&admin),
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{campaign}");
        let id = campaign["id"].as_i64().unwrap();
        let csv = std::iter::once(ROSTER_HEADER)
            .chain(rows.iter().copied())
            .collect::<Vec<_>>()
            .join("\n");
        let (status, body) = parts(
            self.upload_roster(id, csv.into_bytes(), "roster.csv", &admin)
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        (admin, id)
    }
}

/// The test campaign's graduation year: this year, so that dates around
/// today fall within the campaign's years.
pub fn graduation_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

/// The test campaign's make-up deadline: the notice's March 30, of last year
/// (long past, within the campaign's years).
pub fn past_makeup_deadline() -> String {
    format!("{}-03-30T23:59:59+08:00", graduation_year() - 1)
}

/// An open campaign whose roster has `n` domestic CS students (`30000000`…),
/// one foreign CS student (`40000001`, Foreign·One) and one MED student
/// (`40000002`, 医学生). Returns the admin token and the campaign id.
pub async fn standard_roster(app: &TestApp, n: usize) -> (String, i64) {
    let mut rows: Vec<String> = (0..n)
        .map(|i| format!("3{i:07},学生{i},CS,境内,上半年,否,否,"))
        .collect();
    rows.push("40000001,Foreign·One,CS,外国,上半年,否,否,".into());
    rows.push("40000002,医学生,MED,境内,上半年,否,否,".into());
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    app.open_campaign_with_roster(&rows).await
}

/// `standard_roster` with the campaign's deadlines ahead.
pub async fn makeup_setup(app: &TestApp, n: usize) -> (String, i64) {
    let (admin, campaign) = standard_roster(app, n).await;
    deadlines_ahead(app, &admin, campaign).await;
    (admin, campaign)
}

/// Moves the make-up deadline 30 days and the self-check deadline 60 days
/// ahead (the test roster's campaign has the notice's dates, last year).
pub async fn deadlines_ahead(app: &TestApp, admin: &str, campaign: i64) {
    let now = chrono::Utc::now();
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"makeup_deadline": now + chrono::Duration::days(30),
                    "self_check_deadline": now + chrono::Duration::days(60)}),
            admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

/// A logged-in student bound to the roster entry (no collection code saved).
pub async fn bound(app: &TestApp, openid: &str, student_no: &str, name: &str) -> String {
    let token = app.student_token(openid).await;
    let resp = app
        .post_json(
            "/api/v1/me/binding",
            &json!({"student_no": student_no, "name": name}),
            Some(&token),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    token
}

/// An open campaign whose roster has `n` domestic CS students
/// (`30000000`…), one foreign CS student and one MED student, and a session
/// on the test campus ten days ahead: windows 09:00-10:00 in 30-minute
/// slots of `capacity`. Returns the admin token and the session.
pub async fn setup(app: &TestApp, n: usize, capacity: i32) -> (String, Value) {
    let (admin, campaign_id) = standard_roster(app, n).await;
    let date = (chrono::Utc::now() + chrono::Duration::days(10)).date_naive();
    let body = json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "C101", "windows": ["09:00-10:00"], "slot_minutes": 30, "capacity_per_slot": capacity, "unit_codes": ["CS"]});
    let (status, session) = parts(
        app.post_json(
            &format!("/api/v1/admin/campaigns/{campaign_id}/sessions"),
            &body,
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    (admin, session)
}

/// A logged-in student of the roster, bound, with a saved collection code.
pub async fn student(app: &TestApp, i: usize) -> String {
    let token = bound(
        app,
        &format!("booker{i}"),
        &format!("3{i:07}"),
        &format!("学生{i}"),
    )
    .await;
    save_collection_code(app, &token, &format!("CODE-{i}")).await;
    token
}

/// The student saves their collection code.
pub async fn save_collection_code(app: &TestApp, token: &str, code: &str) {
    let resp = app
        .client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(token)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

/// On-site staff mark a checked-in student photographed (fee paid).
pub async fn mark_photographed(app: &TestApp, staff: &str, attendance: &Value) {
    let resp = app
        .post_json(
            &format!(
                "/api/v1/onsite/attendances/{}/photographed",
                attendance["id"]
            ),
            &json!({"fee_paid": true}),
            Some(staff),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

/// Moves the session to today (Asia/Shanghai), as if the day had come.
pub async fn make_today(app: &TestApp, session: &Value) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let row = diploma_photo::entity::session::Entity::find_by_id(session["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let campaign_id = row.campaign_id;
    let mut model: diploma_photo::entity::session::ActiveModel = row.into();
    model.date = Set(diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).date_naive());
    model.update(&app.state.db).await.unwrap();
    diploma_photo::service::booking::forget_layout(app.state.cache.as_ref(), campaign_id).await;
}

pub async fn consent(app: &TestApp, token: &str) {
    let (status, body) = parts(
        app.post_json(
            "/api/v1/me/consents",
            &json!({"purpose": "makeup_photo", "version": diploma_photo::service::makeup::CONSENT_VERSION}),
            Some(token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// The one student of a make-up campaign, bound, with a code and the consent.
pub async fn consenting_student(app: &TestApp) -> String {
    makeup_setup(app, 1).await;
    let token = student(app, 0).await;
    consent(app, &token).await;
    token
}

pub async fn upload(app: &TestApp, token: &str, bytes: Vec<u8>) -> reqwest::Response {
    app.upload_photo(
        "/api/v1/me/makeup/photos",
        token,
        bytes,
        "IMG_0001.jpg",
        Some("camera"),
    )
    .await
}

/// Uploads the good portrait and returns the stored upload.
pub async fn uploaded(app: &TestApp, token: &str) -> Value {
    let (status, body) = parts(upload(app, token, photos::good_jpeg()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

/// The first sheet of an XLSX export, row by row, after checking that no
/// cell is a formula.
pub fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .expect("an XLSX file");
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
    book.worksheet_range(&name)
        .expect("first sheet")
        .rows()
        .map(<[calamine::Data]>::to_vec)
        .collect()
}

/// The text of a cell that must be a string cell.
pub fn string_cell(cell: &calamine::Data) -> &str {
    match cell {
        calamine::Data::String(s) => s,
        other => panic!("not a string cell: {other:?}"),
    }
}

/// Logged-in secretaries of units CS and MED.
pub async fn secretaries(app: &TestApp) -> (String, String) {
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let med = app
        .staff_token("sec.med", StaffRole::UnitSecretary, Some("MED"))
        .await;
    (cs, med)
}
