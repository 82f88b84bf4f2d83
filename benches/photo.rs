//! Make-up photo benchmark.
//!
//! 1. CPU: checks + normalisation of a 12-megapixel phone JPEG and of a
//!    480×640 one, each as a ratio to plain decoding of the same file
//!    (median of several runs, in this process).
//! 2. HTTP: the service runs as a child process (release build, SQLite,
//!    local storage); 8 students upload concurrently (each upload then
//!    withdrawn so the next is allowed): uploads per second.
//! 3. Memory: 20 concurrent uploads of a 10 MB photo; the service's peak
//!    resident memory (VmHWM) is read from /proc.
//!
//! Run: `cargo bench --bench photo` (see docs/performance.md).

use std::{
    io::Cursor,
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use diploma_photo::service::photo_check;
use image::{
    RgbImage,
    codecs::jpeg::JpegEncoder,
    imageops::{self, FilterType},
};
use serde_json::{Value, json};

const STUDENTS: usize = 20;
const UPLOADERS: usize = 8;
const UPLOADS_EACH: usize = 4;

/// The test portrait (public domain, `tests/images/portrait.jpg`, on the
/// reference blue) scaled to `width`×`height` (3:4).
fn portrait(width: u32, height: u32) -> RgbImage {
    let source = image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/images/portrait.jpg"
    ))
    .unwrap()
    .to_rgb8();
    imageops::resize(&source, width, height, FilterType::CatmullRom)
}

fn jpeg(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(image)
        .unwrap();
    out
}

/// Pads a JPEG with a comment segments up to `size` bytes (a phone photo
/// with large metadata), keeping it a valid JPEG.
fn padded(mut bytes: Vec<u8>, size: usize) -> Vec<u8> {
    let mut segments = Vec::new();
    while bytes.len() + segments.len() + 4 < size {
        let n = (size - bytes.len() - segments.len() - 4).min(65_000);
        segments.extend_from_slice(&[0xFF, 0xFE]);
        segments.extend_from_slice(&((n + 2) as u16).to_be_bytes());
        segments.extend(std::iter::repeat_n(b' ', n));
    }
    bytes.splice(2..2, segments);
    bytes
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn cpu(label: &str, bytes: &[u8], runs: usize) {
    let decode = time(runs, || {
        let image = image::load_from_memory(bytes).unwrap();
        std::hint::black_box(image.to_rgb8());
    });
    let full = time(runs, || {
        let (image, format) = photo_check::decode(Cursor::new(bytes)).unwrap();
        let analysis = photo_check::analyse(image, format);
        assert!(analysis.acceptable(), "{label}: {:?}", analysis.checks);
        std::hint::black_box(analysis.normalised.unwrap());
    });
    println!(
        "| {label} ({} KB) | {:.1} ms | {:.1} ms | {:.1} |",
        bytes.len() / 1024,
        decode.as_secs_f64() * 1e3,
        full.as_secs_f64() * 1e3,
        full.as_secs_f64() / decode.as_secs_f64()
    );
}

struct Service {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_service(client: &reqwest::Client) -> Service {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let exe = env!("CARGO_BIN_EXE_diploma-photo");
    let db = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
    let run = |args: &[&str]| {
        let mut command = Command::new(exe);
        command
            .args(args)
            .env("DP_DATABASE_URL", &db)
            .env("DP_STORAGE", dir.path().join("uploads"))
            .env("DP_LISTEN", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    let status = run(&[
        "create-staff",
        "--username",
        "bench.admin",
        "--role",
        "admin",
    ])
    .env("DP_PASSWORD", "bench-password-1")
    .status()
    .unwrap();
    assert!(status.success(), "create-staff");
    let child = run(&[]).spawn().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..200 {
        if client.get(format!("{base}/readyz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Service {
        child,
        base,
        _dir: dir,
    }
}

/// The service's peak resident memory so far, in MB.
fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    kb / 1024.0
}

async fn post(client: &reqwest::Client, url: String, body: Value, token: Option<&str>) -> Value {
    let mut req = client.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{status} {body}");
    body
}

/// A campaign with `STUDENTS` bound students who accepted the notice.
async fn students(client: &reqwest::Client, base: &str) -> Vec<String> {
    let admin = post(
        client,
        format!("{base}/api/v1/auth/staff"),
        json!({"username": "bench.admin", "password": "bench-password-1"}),
        None,
    )
    .await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let api = |p: &str| format!("{base}/api/v1{p}");
    post(
        client,
        api("/admin/campuses"),
        json!({"code": "BC", "name": "基准校区"}),
        Some(&admin),
    )
    .await;
    post(
        client,
        api("/admin/units"),
        json!({"code": "BU", "name": "基准单位", "campus_code": "BC"}),
        Some(&admin),
    )
    .await;
    let makeup_deadline = chrono::Utc::now() + chrono::Duration::days(30);
    let campaign = post(
        client,
        api("/admin/campaigns"),
        // The graduation year follows the deadlines (campaign dates must fall within it).
        json!({"name": "bench", "graduation_year": chrono::Datelike::year(&makeup_deadline),
               "status": "open", "makeup_deadline": makeup_deadline,
               "self_check_deadline": makeup_deadline + chrono::Duration::days(30)}),
        Some(&admin),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let csv: String = std::iter::once(
        "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号".to_owned(),
    )
    .chain((0..STUDENTS).map(|i| format!("4{i:07},学生{i},BU,外国,上半年,否,否,")))
    .collect::<Vec<_>>()
    .join("\n");
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("roster.csv"),
    );
    let resp = client
        .post(api(&format!("/admin/campaigns/{campaign}/roster")))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success());
    let mut tokens = Vec::new();
    for i in 0..STUDENTS {
        let token = post(
            client,
            api("/auth/wechat"),
            json!({"code": format!("dev:bench{i}")}),
            None,
        )
        .await["token"]
            .as_str()
            .unwrap()
            .to_owned();
        post(
            client,
            api("/me/binding"),
            json!({"student_no": format!("4{i:07}"), "name": format!("学生{i}")}),
            Some(&token),
        )
        .await;
        post(
            client,
            api("/me/consents"),
            json!({"purpose": "makeup_photo", "version": diploma_photo::service::makeup::CONSENT_VERSION}),
            Some(&token),
        )
        .await;
        tokens.push(token);
    }
    tokens
}

/// Uploads a photo; returns the upload's id.
async fn upload(client: &reqwest::Client, base: &str, token: &str, bytes: Vec<u8>) -> i64 {
    let form = reqwest::multipart::Form::new().part(
        "photo",
        reqwest::multipart::Part::bytes(bytes).file_name("photo.jpg"),
    );
    let resp = client
        .post(format!("{base}/api/v1/me/makeup/photos"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

async fn withdraw(client: &reqwest::Client, base: &str, token: &str, id: i64) {
    let resp = client
        .delete(format!("{base}/api/v1/me/makeup/photos/{id}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
}

fn main() {
    // The allocator as the service's own binary sets it.
    diploma_photo::allocator::configure();
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let phone = jpeg(&portrait(3000, 4000), 90);
    // A photo already in the spec frame: the service's own derivative.
    let (image, format) = photo_check::decode(Cursor::new(&phone)).unwrap();
    let small = photo_check::analyse(image, format).normalised.unwrap().jpeg;
    println!("## CPU (median; plain decode = baseline)\n");
    println!("| photo | decode | checks + normalise | ratio |");
    println!("|---|---|---|---|");
    cpu("12 MP phone JPEG, 3000×4000", &phone, 5);
    cpu("480×640 JPEG", &small, 31);

    let client = reqwest::Client::new();
    let service = start_service(&client).await;
    let base = service.base.clone();
    let tokens = students(&client, &base).await;
    let pid = service.child.id();
    let idle = peak_rss_mb(pid);

    // Uploads per second: 8 students, each uploading and withdrawing in turn.
    let phone = Arc::new(phone);
    let started = Instant::now();
    let tasks: Vec<_> = tokens[..UPLOADERS]
        .iter()
        .cloned()
        .map(|token| {
            let (client, base, phone) = (client.clone(), base.clone(), phone.clone());
            tokio::spawn(async move {
                for _ in 0..UPLOADS_EACH {
                    let id = upload(&client, &base, &token, phone.to_vec()).await;
                    withdraw(&client, &base, &token, id).await;
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = started.elapsed();
    let n = UPLOADERS * UPLOADS_EACH;
    println!(
        "\n## HTTP\n\n{n} uploads of the 12 MP JPEG ({} KB) by {UPLOADERS} concurrent students: \
         {:.1} s, {:.2} uploads/s",
        phone.len() / 1024,
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64()
    );

    // Peak memory with 20 concurrent 10 MB uploads.
    let big = Arc::new(padded(phone.to_vec(), 10 * 1024 * 1024 - 4096));
    let tasks: Vec<_> = tokens
        .iter()
        .cloned()
        .map(|token| {
            let (client, base, big) = (client.clone(), base.clone(), big.clone());
            tokio::spawn(async move {
                let id = upload(&client, &base, &token, big.to_vec()).await;
                withdraw(&client, &base, &token, id).await;
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    println!(
        "{STUDENTS} concurrent uploads of a {:.1} MB photo: service peak RSS {:.0} MB \
         (after start-up and seeding: {idle:.0} MB)",
        big.len() as f64 / 1024.0 / 1024.0,
        peak_rss_mb(pid)
    );
}
