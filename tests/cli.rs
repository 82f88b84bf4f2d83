//! The binary itself: subcommands, start-up failures, graceful shutdown.
mod common;

use std::{
    io::Write,
    process::{Command, Stdio},
    sync::mpsc,
    time::Duration,
};

use common::{
    parts,
    process::{command, start_server},
    spawn_with_env, test_env,
};
use reqwest::StatusCode;
use serde_json::json;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate, matchers::path};

fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().expect("binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn create_staff_then_log_in_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let wechat = MockServer::start().await;
    let env = test_env(&dir, &wechat).await;
    let db = env["DP_DATABASE_URL"].clone();

    let path = dir.path().to_owned();
    // The service is running while staff accounts are added from the shell.
    let app = spawn_with_env(dir, wechat, env).await;
    app.ensure_unit("CS").await;
    let (ok, stdout, stderr) = run(command(
        &path,
        &[
            ("DP_DATABASE_URL", &db),
            ("DP_PASSWORD", "from-the-environment"),
        ],
    )
    .args(["create-staff", "--username", "Gs.Admin", "--role", "admin"]));
    assert!(ok, "{stderr}");
    assert!(stdout.contains("gs.admin"), "{stdout}");

    // The password can also come on standard input.
    let mut child = command(&path, &[("DP_DATABASE_URL", &db)])
        .args([
            "create-staff",
            "--username",
            "sec1",
            "--role",
            "unit_secretary",
            "--unit",
            "CS",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"typed-on-stdin\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (status, body) = parts(app.staff_login("gs.admin", "from-the-environment").await).await;
    assert_eq!(
        (status, body["role"].clone()),
        (StatusCode::OK, json!("admin"))
    );
    let (status, body) = parts(app.staff_login("sec1", "typed-on-stdin").await).await;
    assert_eq!(
        (status, body["role"].clone()),
        (StatusCode::OK, json!("unit_secretary"))
    );
}

#[tokio::test]
async fn create_staff_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/cli.db?mode=rwc", dir.path().display());
    let base = [
        ("DP_DATABASE_URL", db.as_str()),
        ("DP_PASSWORD", "long-enough-pw"),
    ];
    let cases: [(&[&str], &str); 6] = [
        (&["--username", "x1x", "--role", "root"], "unit_secretary"),
        (&["--username", "sec", "--role", "unit_secretary"], "unit"),
        (&["--username", "a", "--role", "admin"], "3-64"),
        (
            &["--username", "onsite1", "--role", "onsite", "--unit", "CS"],
            "only a unit secretary",
        ),
        (
            &[
                "--username",
                "sec2",
                "--role",
                "unit_secretary",
                "--unit",
                "GHOST",
            ],
            "GHOST 不存在",
        ),
        (&["--username", "dup", "--role", "admin"], ""),
    ];
    for (args, expected) in cases {
        let (ok, _, stderr) = run(command(dir.path(), &base).arg("create-staff").args(args));
        if args.contains(&"dup") {
            assert!(ok, "{stderr}");
            let (ok, _, stderr) = run(command(dir.path(), &base).arg("create-staff").args(args));
            assert!(!ok && stderr.contains("已被使用"), "{stderr}");
        } else {
            assert!(!ok && stderr.contains(expected), "{args:?}: {stderr}");
        }
    }
    let (ok, _, stderr) = run(command(
        dir.path(),
        &[("DP_DATABASE_URL", &db), ("DP_PASSWORD", "short")],
    )
    .args(["create-staff", "--username", "weak", "--role", "admin"]));
    assert!(!ok && stderr.contains("password"), "{stderr}");
}

#[test]
fn migrate_creates_the_default_database_under_data() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = run(command(dir.path(), &[]).arg("migrate"));
    assert!(ok, "{stderr}");
    assert!(stdout.contains("migrations applied"));
    assert!(dir.path().join("data/diploma-photo.db").exists());
}

#[tokio::test]
async fn seed_demo_is_repeatable_and_gives_a_walkable_campaign() {
    let dir = tempfile::tempdir().unwrap();
    let wechat = MockServer::start().await;
    let env = test_env(&dir, &wechat).await;
    let db = env["DP_DATABASE_URL"].clone();
    let (ok, first, stderr) =
        run(command(dir.path(), &[("DP_DATABASE_URL", &db)]).arg("seed-demo"));
    assert!(ok, "{stderr}");
    assert!(first.contains("loaded campaign"), "{first}");
    assert_eq!(first.matches("created").count(), 4, "{first}");
    let (ok, second, stderr) =
        run(command(dir.path(), &[("DP_DATABASE_URL", &db)]).arg("seed-demo"));
    assert!(ok, "{stderr}");
    assert!(second.contains("already there; left as it is"), "{second}");
    assert_eq!(second.matches("already there").count(), 5, "{second}");

    let (ok, _, stderr) = run(command(
        dir.path(),
        &[("DP_WECHAT_APPID", "wx"), ("DP_WECHAT_SECRET", "s")],
    )
    .arg("seed-demo"));
    assert!(!ok && stderr.contains("refusing"), "{stderr}");

    // Then the service has the notice's campaign to walk through.
    let app = spawn_with_env(dir, wechat, env).await;
    let admin = parts(app.staff_login("demo-admin", "demo-admin-pass").await)
        .await
        .1["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let campaigns = parts(app.get("/api/v1/admin/campaigns", Some(&admin)).await)
        .await
        .1;
    let campaign = &campaigns["items"][0];
    assert_eq!(campaign["status"], "open");
    let sessions = parts(
        app.get(
            &format!("/api/v1/admin/campaigns/{}/sessions", campaign["id"]),
            Some(&admin),
        )
        .await,
    )
    .await
    .1;
    let sessions = sessions["items"].as_array().unwrap();
    let rooms: Vec<&str> = sessions
        .iter()
        .map(|s| s["rooms"].as_str().unwrap())
        .collect();
    assert_eq!(
        rooms,
        [
            "公共教学楼 H601",
            "公共教学楼西 3-502",
            "公共教学楼 C101",
            "新教学楼 306、307",
            "逸夫楼艺 206、207"
        ]
    );
    assert_eq!(
        sessions[0]["windows"],
        json!(["09:00-12:00", "13:30-15:30"])
    );
    assert_eq!(
        sessions[3]["windows"],
        json!(["08:30-12:00", "13:30-17:00"])
    );
    let today = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        .date_naive();
    let first: chrono::NaiveDate = sessions[0]["date"].as_str().unwrap().parse().unwrap();
    assert!(
        (3..=9).contains(&(first - today).num_days()),
        "first session on {first}"
    );
    assert_eq!(chrono::Datelike::weekday(&first), chrono::Weekday::Fri);

    let student = app.student_token("demo-student").await;
    let resp = app
        .post_json(
            "/api/v1/me/binding",
            &json!({"student_no": "20240019", "name": "陈浩然"}),
            Some(&student),
        )
        .await;
    let (status, me) = parts(resp).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["profile"]["campus_code"], "EAST");
    let secretary = parts(
        app.staff_login("demo-secretary", "demo-secretary-pass")
            .await,
    )
    .await
    .1["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let students = parts(app.get("/api/v1/staff/students", Some(&secretary)).await)
        .await
        .1;
    assert_eq!(students["total"], 3);
    assert_eq!(
        students["items"][1]["status"]["eligibility"],
        "already_has_chsi_photo"
    );
}

#[test]
fn seed_demo_can_keep_the_published_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = run(command(dir.path(), &[]).args(["seed-demo", "--as-published"]));
    assert!(ok, "{stderr}");
    assert!(stdout.contains("first session on 2023-10-27"), "{stdout}");
}

#[test]
fn unreachable_database_or_redis_stops_start_up_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(&mut command(
        dir.path(),
        &[
            ("DP_LISTEN", "127.0.0.1:0"),
            ("DP_DATABASE_URL", "postgres://dp:secret-pw@127.0.0.1:1/dp"),
        ],
    ));
    assert!(!ok);
    assert!(
        stderr.contains("cannot connect to the database"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret-pw"), "password leaked: {stderr}");

    let (ok, _, stderr) = run(&mut command(
        dir.path(),
        &[
            ("DP_LISTEN", "127.0.0.1:0"),
            ("DP_REDIS_URL", "redis://127.0.0.1:1"),
        ],
    ));
    assert!(!ok);
    assert!(stderr.contains("cannot connect to Redis"), "{stderr}");

    let (ok, _, stderr) = run(&mut command(
        dir.path(),
        &[("DP_WECHAT_APPID", "only-half")],
    ));
    assert!(!ok && stderr.contains("DP_WECHAT_SECRET"), "{stderr}");
}

#[test]
fn dev_login_never_starts_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    // An empty credential (a template's `DP_WECHAT_APPID=`) is a mistake.
    let (ok, _, stderr) = run(&mut command(
        dir.path(),
        &[("DP_WECHAT_APPID", ""), ("DP_WECHAT_SECRET", "")],
    ));
    assert!(!ok && stderr.contains("not empty"), "{stderr}");
    // No credentials and reachable from other machines: refused, and told how.
    let (ok, _, stderr) = run(&mut command(dir.path(), &[("DP_LISTEN", "0.0.0.0:0")]));
    assert!(!ok && stderr.contains("DP_DEV_LOGIN=true"), "{stderr}");
}

/// Answers like WeChat after a delay, and reports when a request arrived.
struct SlowWechat(std::sync::Mutex<mpsc::Sender<()>>);

impl Respond for SlowWechat {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let _ = self.0.lock().unwrap().send(());
        ResponseTemplate::new(200)
            .set_body_json(json!({"openid": "slow", "session_key": "k"}))
            .set_delay(Duration::from_millis(700))
    }
}

#[tokio::test]
async fn sigterm_lets_in_flight_requests_finish_then_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let wechat = MockServer::start().await;
    let (tx, rx) = mpsc::channel();
    Mock::given(path("/sns/jscode2session"))
        .respond_with(SlowWechat(std::sync::Mutex::new(tx)))
        .mount(&wechat)
        .await;
    let uri = wechat.uri();
    let mut server = start_server(
        dir.path(),
        &[
            ("DP_WECHAT_APPID", "wx"),
            ("DP_WECHAT_SECRET", "s"),
            ("DP_WECHAT_API_BASE", &uri),
        ],
    );

    let client = reqwest::Client::new();
    let login = tokio::spawn(
        client
            .post(format!("{}/api/v1/auth/wechat", server.base))
            .json(&json!({"code": "c"}))
            .send(),
    );
    // Once WeChat has the request, the login is in flight: stop the server.
    tokio::task::spawn_blocking(move || rx.recv().unwrap())
        .await
        .unwrap();
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );

    let resp = login.await.unwrap().expect("in-flight request answered");
    assert_eq!(resp.status(), StatusCode::OK);
    let status = tokio::task::spawn_blocking(move || server.child.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success(), "exit status {status:?}");
}
