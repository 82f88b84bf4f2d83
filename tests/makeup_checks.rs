//! The automatic photo checks, through `POST /me/makeup/precheck`, on test
//! photos made for the repo (`tests/common/photos.rs`), and every kind of
//! bad file.
mod common;

use common::{TestApp, assert_error, parts, photos, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A bound student with a collection code, make-up deadline ahead.
async fn makeup_student(app: &TestApp) -> String {
    common::makeup_setup(app, 1).await;
    common::student(app, 0).await
}

async fn precheck(app: &TestApp, token: &str, bytes: Vec<u8>, name: &str) -> reqwest::Response {
    app.upload_photo("/api/v1/me/makeup/precheck", token, bytes, name, None)
        .await
}

/// The checks as `name -> passed`.
fn outcome(body: &Value) -> Vec<(String, bool)> {
    body["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| {
            (
                c["check"].as_str().unwrap().to_owned(),
                c["passed"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn failed(body: &Value) -> Vec<String> {
    outcome(body)
        .into_iter()
        .filter(|(_, passed)| !passed)
        .map(|(name, _)| name)
        .collect()
}

async fn checked(app: &TestApp, token: &str, bytes: Vec<u8>) -> Value {
    let (status, body) = parts(precheck(app, token, bytes, "photo.jpg").await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn a_good_portrait_passes_every_check() {
    let app = spawn_app().await;
    let token = makeup_student(&app).await;
    let body = checked(&app, &token, photos::good_jpeg()).await;
    assert_eq!(body["acceptable"], true, "{body}");
    assert_eq!(failed(&body), Vec::<String>::new(), "{body}");
    let names: Vec<String> = outcome(&body).into_iter().map(|(n, _)| n).collect();
    for check in [
        "one_face",
        "resolution",
        "frame_room",
        "background",
        "background_even",
        "clothing",
        "exposure",
        "sharpness",
        "colour",
    ] {
        assert!(names.contains(&check.to_owned()), "{check} missing: {body}");
    }
    for c in body["checks"].as_array().unwrap() {
        let message = c["message"].as_str().unwrap();
        assert!(
            message.contains('(') && !message.is_ascii(),
            "bilingual: {message}"
        );
        assert!(["error", "warning"].contains(&c["severity"].as_str().unwrap()));
    }
}

#[tokio::test]
async fn each_flaw_fails_its_check() {
    let app = spawn_app().await;
    let token = makeup_student(&app).await;
    let cases: [(&str, Vec<u8>, &[&str], bool); 12] = [
        ("no face", photos::no_face(), &["one_face"], false),
        ("two faces", photos::two_faces(), &["one_face"], false),
        ("far too small", photos::tiny(), &["resolution"], false),
        (
            "greyscale",
            photos::greyscale(),
            &["colour", "background"],
            false,
        ),
        ("dark", photos::dark(), &["exposure", "background"], false),
        ("blurred", photos::blurred(), &["sharpness"], true),
        (
            "grey background",
            photos::grey_background(),
            &["background"],
            false,
        ),
        ("transparent PNG", photos::transparent_png(), &[], true),
        ("off centre", photos::off_centre(), &["frame_room"], false),
        ("sky-blue top", photos::sky_blue_top(), &["clothing"], true),
        (
            "yellow-green top",
            photos::yellow_green_top(),
            &["clothing"],
            true,
        ),
        (
            "needs upscaling",
            photos::low_resolution(),
            &["resolution"],
            false,
        ),
    ];
    for (name, bytes, expected, acceptable) in cases {
        let body = checked(&app, &token, bytes).await;
        let got = failed(&body);
        for check in expected {
            assert!(
                got.contains(&(*check).to_owned()),
                "{name}: {check} passed: {body}"
            );
        }
        // A flaw of the person or the framing fails its own check only.
        if !expected.contains(&"one_face") && !expected.contains(&"background") {
            assert_eq!(got, *expected, "{name}: {body}");
        }
        if expected.is_empty() {
            assert_eq!(got, Vec::<String>::new(), "{name}: {body}");
        }
        assert_eq!(body["acceptable"], acceptable, "{name}: {body}");
    }
}

/// The frame is cut from the photo, never painted in: a head nearer the
/// top than the ideal crop wants moves the frame within the spec's bands;
/// a head at the top edge is refused, saying how to retake it.
#[tokio::test]
async fn a_head_at_the_top_edge_is_refused_with_how_to_retake() {
    let app = spawn_app().await;
    let token = makeup_student(&app).await;
    let body = checked(
        &app,
        &token,
        photos::head_near_the_top(&photos::good_jpeg(), 66.0),
    )
    .await;
    assert_eq!(failed(&body), Vec::<String>::new(), "{body}");
    // The report's photo: the head high on a grey background, which came
    // out with a blue band painted above it.
    for bytes in [photos::good_jpeg(), photos::grey_background()] {
        let body = checked(&app, &token, photos::head_near_the_top(&bytes, 10.0)).await;
        assert_eq!(body["acceptable"], false, "{body}");
        let check = body["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["check"] == "frame_room")
            .expect("frame_room listed");
        assert_eq!(
            (&check["passed"], &check["severity"]),
            (&json!(false), &json!("error"))
        );
        let message = check["message"].as_str().unwrap();
        assert!(
            message.contains("头顶上方留白不足") && message.contains("后退"),
            "{message}"
        );
        assert!(
            !message.contains("肩膀") && !message.contains("左侧") && !message.contains("右侧"),
            "only the side short of room: {message}"
        );
    }
}

#[tokio::test]
async fn exif_orientation_is_applied_and_metadata_ignored() {
    let app = spawn_app().await;
    let token = makeup_student(&app).await;
    for (name, bytes) in [
        (
            "sideways with EXIF orientation 6",
            photos::sideways_with_exif(),
        ),
        ("3 MB of EXIF", photos::huge_exif()),
        (
            "a PNG with a 1 MB ICC profile",
            photos::png_with_icc_profile(1 << 20),
        ),
    ] {
        let body = checked(&app, &token, bytes).await;
        assert_eq!(failed(&body), Vec::<String>::new(), "{name}: {body}");
    }
}

#[tokio::test]
async fn bad_files_get_clear_errors() {
    let app = spawn_app().await;
    let token = makeup_student(&app).await;
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    for (name, bytes, status, code) in [
        (
            "GIF",
            gif,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "PDF",
            pdf,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "0 bytes",
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_an_image",
        ),
        (
            "truncated",
            photos::truncated(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_an_image",
        ),
        (
            "bomb header",
            photos::bomb(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_too_large",
        ),
        (
            "a PNG whose ICC profile inflates to 1 GiB",
            photos::png_with_icc_profile(1 << 30),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_metadata_too_large",
        ),
        (
            "a PNG with 5 MB of text",
            photos::png_with_chunk(
                b"tEXt",
                &[b"Comment\0".as_slice(), &[b'a'; 5 << 20]].concat(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_metadata_too_large",
        ),
        (
            "10 MB + 1 byte",
            vec![0xFF; 10 * 1024 * 1024 + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
    ] {
        let started = std::time::Instant::now();
        let resp = precheck(&app, &token, bytes, "../../etc/passwd").await;
        assert_error(resp, status, code).await;
        // A bomb is refused from its header or chunk list, not after decoding.
        assert!(
            started.elapsed().as_secs() < 5,
            "{name} took {:?}",
            started.elapsed()
        );
    }
    // CMYK JPEGs decode to colour and are checked like any other photo.
    let body = checked(&app, &token, photos::cmyk()).await;
    assert_eq!(body["acceptable"], true, "{body}");
}

/// The endpoint serves the constants the checks and the crop are built on
/// (`domain::photo_spec`), which are the CHSI spec's numbers; that the
/// normalised photo really lands within these bands is
/// `makeup::the_normalised_face_lies_within_the_spec_bands`.
#[tokio::test]
async fn the_spec_endpoint_gives_the_numbers_the_checks_use() {
    use diploma_photo::domain::photo_spec as spec;
    let app = spawn_app().await;
    let (status, body) = parts(app.get("/api/v1/makeup/spec", None).await).await;
    assert_eq!(status, StatusCode::OK);
    let band = |(min, max): (u32, u32)| json!({"min": min, "max": max});
    assert_eq!(
        (&body["frame_width"], &body["frame_height"]),
        (&json!(spec::FRAME_WIDTH), &json!(spec::FRAME_HEIGHT))
    );
    assert_eq!(body["hairline_from_top"], band(spec::HAIRLINE_BAND));
    assert_eq!(body["eyes_from_top"], band(spec::EYES_BAND));
    assert_eq!(body["face_width"], band(spec::FACE_WIDTH_BAND));
    assert_eq!(body["background_rgb"], json!(spec::BACKGROUND_RGB));
    // The CHSI spec's own numbers.
    assert_eq!(
        (body["frame_width"].clone(), body["frame_height"].clone()),
        (json!(480), json!(640))
    );
    assert_eq!(body["hairline_from_top"], json!({"min": 50, "max": 110}));
    assert_eq!(body["eyes_from_top"], json!({"min": 200, "max": 300}));
    assert_eq!(body["face_width"], json!({"min": 180, "max": 300}));
    assert_eq!(body["background_rgb"], json!([100, 197, 255]));
    assert_eq!(body["max_upload_bytes"], 10 * 1024 * 1024);
    assert!(body["consent_version"].is_string());
    assert_eq!(body["advice"].as_array().unwrap().len(), spec::ADVICE.len());
}
