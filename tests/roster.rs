//! Roster import (CSV in UTF-8/BOM/GBK, XLSX; all-or-nothing; hostile files
//! refused in bounded memory) and browsing.
mod common;

use common::{ROSTER_HEADER, TestApp, assert_error, parts, spawn_app};
use diploma_photo::{domain::StaffRole, entity::roster_entry};
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn campaign(app: &TestApp) -> (String, i64) {
    app.open_campaign_with_roster(&["2024001,占位,CS,境内,上半年,否,否,"])
        .await
}

fn csv(rows: &[&str]) -> String {
    std::iter::once(ROSTER_HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

async fn roster(app: &TestApp, id: i64, token: &str, query: &str) -> Value {
    let (status, body) = parts(
        app.get(
            &format!("/api/v1/admin/campaigns/{id}/roster?{query}"),
            Some(token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn a_gbk_csv_with_chinese_labels_imports_and_keeps_leading_zeros_and_names() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let text = csv(&[
        "00012,欧阳 娜娜,CS,港澳台,下半年,是,否,13800000000",
        "00013,Ahmed·Ali,MED,外国,上半年,否,否,",
        "00014,买买提·艾力,MED,境内,上半年,否,是,",
    ]);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let (status, body) = parts(
        app.upload_roster(id, gbk.into_owned(), "名单.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!({"total": 3, "created": 3, "updated": 0}));

    let list = roster(&app, id, &admin, "q=000").await;
    assert_eq!(list["total"], 3);
    let first = &list["items"][0];
    assert_eq!(first["student_no"], "00012");
    assert_eq!(first["name"], "欧阳 娜娜");
    assert_eq!(first["category"], "hk_macao_taiwan");
    assert_eq!(first["graduation_half"], "second");
    assert_eq!(first["deferred"], true);
    assert_eq!(first["phone"], "13800000000");
    assert_eq!(first["status"]["next_action"]["code"], "bind_roster");
    assert_eq!(list["items"][1]["name"], "Ahmed·Ali");
    assert_eq!(
        list["items"][2]["status"]["eligibility"],
        "already_has_chsi_photo"
    );
}

#[tokio::test]
async fn english_headers_with_a_bom_and_a_reimport_that_updates() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let first = "\u{feff}student_no,name,unit_code,category,graduation_half\n1001,Li Lei,CS,domestic,first\n1002,Han Meimei,CS,foreign,second\n";
    let (_, body) = parts(
        app.upload_roster(id, first.as_bytes().to_vec(), "r.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(body, json!({"total": 2, "created": 2, "updated": 0}));
    let second = "student_no,name,unit_code,category,graduation_half\n1001,Li Lei,MED,domestic,second\n1003,Wang Wu,CS,domestic,first\n";
    let (_, body) = parts(
        app.upload_roster(id, second.as_bytes().to_vec(), "r.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(body, json!({"total": 2, "created": 1, "updated": 1}));
    let list = roster(&app, id, &admin, "unit=MED").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["graduation_half"], "second");
    // The roster now has the placeholder, 1001, 1002 and 1003.
    assert_eq!(roster(&app, id, &admin, "").await["total"], 4);
}

#[tokio::test]
async fn an_xlsx_roster_imports_numbers_as_text() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["学号", "姓名", "培养单位代码", "学生类别", "毕业时间"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    sheet.write_number(1, 0, 2024123.0).unwrap();
    sheet.write_string(2, 0, "0099").unwrap();
    for row in [1u32, 2] {
        sheet.write_string(row, 1, format!("学生{row}")).unwrap();
        sheet.write_string(row, 2, "CS").unwrap();
        sheet.write_string(row, 3, "境内").unwrap();
        sheet.write_string(row, 4, "上半年").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let (status, body) = parts(app.upload_roster(id, bytes, "名单.xlsx", &admin).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let numbers: Vec<String> = roster(&app, id, &admin, "q=学生").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["student_no"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(numbers, ["0099", "2024123"]);
}

#[tokio::test]
async fn a_file_with_bad_rows_changes_nothing_and_lists_every_problem() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let text = csv(&[
        "3001,好学生,CS,境内,上半年,否,否,",
        "3002,,CS,境内,上半年,否,否,",
        "3001,重复,CS,境内,上半年,否,否,",
        "3003,某某,NOPE,火星,明年,也许,否,abc",
        "3004,=cmd|' /C calc'!A0,CS,境内,上半年,否,否,",
    ]);
    let resp = app
        .upload_roster(id, text.into_bytes(), "r.csv", &admin)
        .await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
    let found: Vec<(u64, String)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected = [
        (3, "姓名"),
        (4, "学号"),
        (5, "培养单位代码"),
        (5, "学生类别"),
        (5, "毕业时间"),
        (5, "是否延期"),
        (5, "手机号"),
        (6, "姓名"),
    ];
    assert_eq!(found, expected.map(|(l, c)| (l, c.to_owned())));
    assert_eq!(
        roster(&app, id, &admin, "").await["total"],
        1,
        "nothing imported"
    );
}

#[tokio::test]
async fn bad_rows_are_reported_on_their_lines_in_excel_crlf_and_cr_only_files() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let lines = [
        ROSTER_HEADER,
        "3001,甲,CS,境内,上半年,否,否,",
        "3002,乙,CS,境内,上半年,否,否,",
        "3003,,CS,境内,上半年,否,否,",
        "",
    ];
    for ending in ["\r\n", "\r"] {
        let resp = app
            .upload_roster(id, lines.join(ending).into_bytes(), "excel.csv", &admin)
            .await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
        let errors = body["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{ending:?}: {body}");
        assert_eq!(
            (&errors[0]["line"], &errors[0]["column"]),
            (&json!(4), &json!("姓名")),
            "{ending:?}: {body}"
        );
    }
    assert_eq!(roster(&app, id, &admin, "").await["total"], 1);
}

#[tokio::test]
async fn unreadable_files_are_422_and_missing_headers_say_which() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let png = vec![
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x81,
    ];
    for bytes in [
        png,
        Vec::new(),
        b"PK\x03\x04broken".to_vec(),
        ROSTER_HEADER.as_bytes().to_vec(),
    ] {
        let resp = app.upload_roster(id, bytes, "x", &admin).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
    }
    let body = assert_error(
        app.upload_roster(id, "学号,姓名\n1,张三".into(), "x.csv", &admin)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_rows",
    )
    .await;
    assert!(
        body["errors"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("培养单位代码"),
        "{body}"
    );
    let resp = app.upload_roster(9999, b"x".to_vec(), "x", &admin).await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_request_without_the_file_field_is_400() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let form = reqwest::multipart::Form::new().text("other", "x");
    let resp = app
        .client
        .post(app.url(&format!("/api/v1/admin/campaigns/{id}/roster")))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
}

#[tokio::test]
async fn a_fifty_megabyte_upload_is_refused_before_it_is_read() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    // Announce 50 MB and send none of it: the answer must come from the header alone.
    let mut stream = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap();
    let head = format!(
        "POST /api/v1/admin/campaigns/{id}/roster HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {admin}\r\n\
         Content-Type: multipart/form-data; boundary=X\r\nContent-Length: 52428800\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut reply = vec![0u8; 4096];
    let n = stream.read(&mut reply).await.unwrap();
    let reply = String::from_utf8_lossy(&reply[..n]);
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(reply.contains("payload_too_large"), "{reply}");
}

#[tokio::test]
async fn twenty_thousand_rows_import_in_one_go() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let mut text = String::from(ROSTER_HEADER);
    for i in 0..20_000 {
        let unit = if i % 2 == 0 { "CS" } else { "MED" };
        text.push_str(&format!("\n9{i:07},学生{i},{unit},境内,上半年,否,否,"));
    }
    let (status, body) = parts(
        app.upload_roster(id, text.into_bytes(), "big.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["created"], 20_000);
    let count = roster_entry::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 20_001);
    assert_eq!(
        roster(&app, id, &admin, "unit=MED&page=2&page_size=200").await["items"]
            .as_array()
            .unwrap()
            .len(),
        200
    );
}

/// Every problem of the file, counted, and the first 200 listed: a file of
/// 100,000 bad lines (half a million problems) answers a small 422.
#[tokio::test]
async fn a_file_of_garbage_answers_a_small_422_with_the_count() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let text = csv(&["x"; 100_000]);
    let started = std::time::Instant::now();
    let resp = app
        .upload_roster(id, text.into_bytes(), "r.csv", &admin)
        .await;
    let length = resp.content_length().unwrap();
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
    let elapsed = started.elapsed();
    assert!(length < 100_000, "{length} bytes answered");
    // Each line lacks a name, a unit, a category and a graduation half, and
    // repeats the student number of the line before.
    assert_eq!(body["error_count"], 499_999);
    assert_eq!(body["errors"].as_array().unwrap().len(), 200);
    assert_eq!(body["errors"][0]["line"], 2);
    assert!(
        body["message"].as_str().unwrap().contains("499999"),
        "{body}"
    );
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    assert_eq!(roster(&app, id, &admin, "").await["total"], 1);
}

#[tokio::test]
async fn a_file_over_the_row_limit_is_refused_whole() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    // As the issue's file: a header and 300,000 bad lines.
    let text = csv(&["x"; 300_000]);
    let resp = app
        .upload_roster(id, text.into_bytes(), "r.csv", &admin)
        .await;
    assert!(resp.content_length().unwrap() < 1_000);
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "too_many_rows").await;
    assert!(
        body["message"].as_str().unwrap().contains("100000"),
        "{body}"
    );
    assert_eq!(roster(&app, id, &admin, "").await["total"], 1);
}

/// An XLSX (a real workbook's members) whose worksheet is `size` bytes of
/// XML, streamed through deflate so that the test never holds it: blanks
/// compress about a thousand to one.
fn xlsx_with_worksheet_of(size: usize) -> Vec<u8> {
    use std::io::{Cursor, Write};
    use zip::{CompressionMethod, ZipArchive, ZipWriter, write::SimpleFileOptions};
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "学号").unwrap();
    let mut model = ZipArchive::new(Cursor::new(book.save_to_buffer().unwrap())).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..model.len() {
        let mut member = model.by_index(i).unwrap();
        let name = member.name().unwrap().into_owned();
        out.start_file(name.as_str(), options).unwrap();
        if name != "xl/worksheets/sheet1.xml" {
            std::io::copy(&mut member, &mut out).unwrap();
            continue;
        }
        let head = br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
        let tail = b"</sheetData></worksheet>";
        out.write_all(head).unwrap();
        let blanks = [b' '; 1 << 16];
        let mut left = size - head.len() - tail.len();
        while left > 0 {
            let n = left.min(blanks.len());
            out.write_all(&blanks[..n]).unwrap();
            left -= n;
        }
        out.write_all(tail).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Makes the archive's central directory and local header say that member
/// `name` inflates to `size` bytes.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..zip.len() - 4 {
        let (size_at, name_at) = match &zip[at..at + 4] {
            b"PK\x03\x04" => (at + 22, at + 30),
            b"PK\x01\x02" => (at + 24, at + 46),
            _ => continue,
        };
        if zip[name_at..].starts_with(name.as_bytes()) {
            zip[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name}: local header and central directory");
}

#[tokio::test]
async fn an_xlsx_that_inflates_past_the_limit_is_refused_before_inflating() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    // 1 GiB of worksheet in about a megabyte.
    let bomb = xlsx_with_worksheet_of(1 << 30);
    assert!(bomb.len() < 4 << 20, "{} bytes", bomb.len());
    let started = std::time::Instant::now();
    let resp = app.upload_roster(id, bomb, "名单.xlsx", &admin).await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "archive_too_large").await;
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("xl/worksheets/sheet1.xml」解压后超过 64 MB"),
        "{body}"
    );
    assert_eq!(roster(&app, id, &admin, "").await["total"], 1);
}

#[tokio::test]
async fn an_xlsx_member_that_lies_about_its_size_stops_at_the_size_it_declares() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    // Says 10 KB, inflates to 256 MB.
    let mut liar = xlsx_with_worksheet_of(256 << 20);
    declare_size(&mut liar, "xl/worksheets/sheet1.xml", 10_000);
    let started = std::time::Instant::now();
    let resp = app.upload_roster(id, liar, "名单.xlsx", &admin).await;
    let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    // Read to its end, the worksheet would be an empty one: reading stopped
    // at the size declared.
    let reason = body["errors"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("无法读取 Excel 文件"), "{body}");
    assert!(reason.contains("declared uncompressed size"), "{body}");
    assert_eq!(roster(&app, id, &admin, "").await["total"], 1);
}

#[tokio::test]
async fn roster_listing_pages_and_filters() {
    let app = spawn_app().await;
    let (admin, id) = app
        .open_campaign_with_roster(&[
            "5001,甲,CS,境内,上半年,否,否,",
            "5002,乙,CS,外国,上半年,否,否,",
            "5003,丙,MED,境内,上半年,否,是,",
        ])
        .await;
    let page = roster(&app, id, &admin, "page=2&page_size=2").await;
    assert_eq!(
        (
            page["total"].clone(),
            page["page"].clone(),
            page["items"].as_array().unwrap().len()
        ),
        (json!(3), json!(2), 1)
    );
    let waiting = roster(&app, id, &admin, "status=upload_to_graduate_platform").await;
    assert_eq!(waiting["items"][0]["student_no"], "5003");
    assert_eq!(
        roster(&app, id, &admin, "status=bind_roster").await["total"],
        2
    );
    let resp = app
        .get(
            &format!("/api/v1/admin/campaigns/{id}/roster?unit=NOPE"),
            Some(&admin),
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let resp = app
        .get(
            &format!("/api/v1/admin/campaigns/{id}/roster?status=flying"),
            Some(&admin),
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    let onsite = app.staff_token("onsite.x", StaffRole::Onsite, None).await;
    let resp = app
        .get(
            &format!("/api/v1/admin/campaigns/{id}/roster"),
            Some(&onsite),
        )
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_file_filled_in_from_the_template_imports() {
    let app = spawn_app().await;
    let (admin, id) = campaign(&app).await;
    let template = |kind: &'static str, format: &'static str, token: String| {
        let app = &app;
        async move {
            app.get(
                &format!("/api/v1/admin/import-templates/{kind}?format={format}"),
                Some(&token),
            )
            .await
        }
    };
    let resp = template("roster", "csv", admin.clone()).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()["content-disposition"],
        "attachment; filename=\"roster-template.csv\""
    );
    let csv = resp.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "Excel reads it as UTF-8");
    assert_eq!(csv.lines().count(), 1, "the header only: {csv}");
    // Filled in as a secretary would in Excel (CRLF), it imports.
    let filled = format!(
        "{}\r\n2099001,新同学,CS,境内,上半年,否,否,13800000000,12345X\r\n",
        csv.trim_end()
    );
    let (status, body) = parts(
        app.upload_roster(id, filled.into_bytes(), "名单.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(
        (status, body["created"].clone()),
        (StatusCode::OK, json!(1)),
        "{body}"
    );

    let xlsx = template("chsi-statuses", "xlsx", admin.clone())
        .await
        .bytes()
        .await
        .unwrap();
    let rows = common::xlsx_rows(&xlsx);
    let header: Vec<&str> = rows[0].iter().map(common::string_cell).collect();
    assert_eq!(header, ["学号", "状态", "日期", "备注"]);
    let platform = template("graduate-platform", "csv", admin)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        platform.trim_start_matches('\u{feff}').trim_end(),
        "学号,日期"
    );

    let secretary = app
        .staff_token("sec.template", StaffRole::UnitSecretary, Some("CS"))
        .await;
    assert_error(
        template("roster", "csv", secretary).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let admin2 = app.staff_token("tpl.admin", StaffRole::Admin, None).await;
    assert_error(
        template("timetable", "csv", admin2).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
}
