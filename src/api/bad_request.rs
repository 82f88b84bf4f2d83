//! 400 answers that name the field and the problem in plain words (Chinese,
//! then English), never the parser's text, type names or patterns.
//!
//! poem-openapi refuses a bad body or parameter with its own message
//! (`Expected input type "string", found null. (occurred while parsing
//! "BindingRequest")`), which names no field. Here the operation's part of
//! the OpenAPI document (the same document clients are generated from) is
//! held against what was sent, to say which field is wrong and why.

use std::{collections::HashMap, sync::Arc};

use bytes::Bytes;
use poem::{Endpoint, IntoResponse, Request, Response, http::header};
use poem_openapi::error::{
    ParseMultipartError, ParseParamError, ParsePathError, ParseRequestPayloadError,
};
use serde_json::Value;

use crate::{
    api::path_table::PathTable,
    error::{AppError, ErrorCode},
};

/// Each path's operations (by lower-case method) from the OpenAPI document.
#[derive(Clone)]
pub struct Explainer {
    spec: Arc<Value>,
    operations: PathTable<HashMap<String, Value>>,
}

impl Explainer {
    /// `spec`: the OpenAPI document; its paths are under `prefix` (`/api/v1`).
    pub fn new(spec: &str, prefix: &str) -> Self {
        let spec: Value = serde_json::from_str(spec).unwrap_or_default();
        let operations = spec["paths"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(path, item)| {
                let methods = item
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(method, op)| (method.clone(), op.clone()))
                    .collect();
                (format!("{prefix}{path}"), methods)
            })
            .collect::<Vec<_>>();
        Self {
            spec: Arc::new(spec),
            operations: PathTable::new(operations),
        }
    }

    /// The plain answer for a framework parse error; None for other errors.
    fn explain(
        &self,
        err: &poem::Error,
        op: Option<&Value>,
        body: Option<&[u8]>,
    ) -> Option<String> {
        if err.is::<ParseRequestPayloadError>() {
            let Some(body) = body else {
                return Some("请求体须为 JSON (the body must be JSON)".into());
            };
            if body.iter().all(u8::is_ascii_whitespace) {
                return Some("请求体为空，须为 JSON (the body is empty; it must be JSON)".into());
            }
            let value: Value = match serde_json::from_slice(body) {
                Ok(value) => value,
                Err(e) => {
                    return Some(format!(
                        "请求体不是有效的 JSON（第 {} 行第 {} 列）(the body is not valid JSON: line {}, column {})",
                        e.line(),
                        e.column(),
                        e.line(),
                        e.column()
                    ));
                }
            };
            let schema = op.and_then(|op| {
                op["requestBody"]["content"]
                    .as_object()?
                    .iter()
                    .find(|(kind, _)| kind.contains("json"))
                    .map(|(_, media)| &media["schema"])
            });
            return Some(
                schema
                    .and_then(|s| self.problem(&value, s, "").map(|p| p.describe()))
                    .unwrap_or_else(|| {
                        "请求内容与接口文档不符 (the body does not match the API document)".into()
                    }),
            );
        }
        if let Some(e) = err.downcast_ref::<ParseParamError>() {
            return Some(self.parameter(op, e.name, "参数", "parameter"));
        }
        if let Some(e) = err.downcast_ref::<ParsePathError>() {
            return Some(self.parameter(op, e.name, "路径参数", "path parameter"));
        }
        if err.is::<ParseMultipartError>() {
            let required = op
                .and_then(|op| {
                    op["requestBody"]["content"]
                        .as_object()?
                        .iter()
                        .find(|(kind, _)| kind.starts_with("multipart/"))
                        .map(|(_, media)| self.resolve(&media["schema"])["required"].clone())
                })
                .and_then(|r| {
                    r.as_array().map(|names| {
                        names
                            .iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                })
                .unwrap_or_default();
            return Some(format!(
                "上传的表单不完整或有误，必填字段：{required} (the form is incomplete or malformed; required fields: {required})"
            ));
        }
        None
    }

    fn parameter(&self, op: Option<&Value>, name: &str, zh: &str, en: &str) -> String {
        let schema = op
            .and_then(|op| op["parameters"].as_array())
            .and_then(|params| params.iter().find(|p| p["name"] == name))
            .map(|p| &p["schema"]);
        let (want_zh, want_en) = schema.map_or(("", String::new()), |s| self.expectation(s));
        let want_zh = if want_zh.is_empty() {
            "无效"
        } else {
            want_zh
        };
        let want_en = if want_en.is_empty() {
            "invalid".to_owned()
        } else {
            want_en
        };
        format!("{zh} {name}：{want_zh} ({en} \"{name}\": {want_en})")
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match schema["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
        {
            Some(name) => &self.spec["components"]["schemas"][name],
            None => schema,
        }
    }

    /// The first thing wrong with `value` against `schema`, with where.
    fn problem(&self, value: &Value, schema: &Value, at: &str) -> Option<Problem> {
        let schema = self.resolve(schema);
        if let Some(parts) = schema["allOf"].as_array() {
            return parts.iter().find_map(|part| self.problem(value, part, at));
        }
        let wrong = |kind: Kind| Some(Problem::new(at, kind));
        if value.is_null() {
            return (schema["nullable"] != true).then(|| Problem::new(at, Kind::Null));
        }
        if let Some(options) = schema["enum"].as_array() {
            if !options.contains(value) {
                return wrong(Kind::Expected(self.expectation(schema), short(value)));
            }
            return None;
        }
        let ty = schema["type"].as_str().unwrap_or_default();
        let type_ok = match ty {
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => true,
        };
        if !type_ok {
            return wrong(Kind::Expected(self.expectation(schema), short(value)));
        }
        match value {
            Value::String(s) => self.string_problem(s, schema, at),
            Value::Number(n) => {
                let n = n.as_f64().unwrap_or_default();
                let below = schema["minimum"].as_f64().is_some_and(|min| n < min);
                let above = schema["maximum"].as_f64().is_some_and(|max| n > max);
                (below || above).then(|| {
                    Problem::new(at, Kind::Expected(self.expectation(schema), short(value)))
                })
            }
            Value::Array(items) => {
                if let Some(max) = schema["maxItems"]
                    .as_u64()
                    .filter(|m| items.len() as u64 > *m)
                {
                    return wrong(Kind::Text(
                        format!("最多 {max} 项"),
                        format!("at most {max} items"),
                    ));
                }
                // An item without a description of its own is described by
                // the list's (a window's format is told on `windows`).
                let mut each = self.resolve(&schema["items"]).clone();
                if each.get("description").is_none() && !schema["description"].is_null() {
                    each["description"] = schema["description"].clone();
                }
                items
                    .iter()
                    .enumerate()
                    .find_map(|(i, item)| self.problem(item, &each, &format!("{at}[{i}]")))
            }
            Value::Object(fields) => {
                let properties = schema["properties"].as_object();
                let missing = schema["required"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find_map(|name| {
                        let name = name.as_str()?;
                        (!fields.contains_key(name))
                            .then(|| Problem::new(&join(at, name), Kind::Missing))
                    });
                missing.or_else(|| {
                    properties?.iter().find_map(|(name, property)| {
                        let value = fields.get(name)?;
                        self.problem(value, property, &join(at, name))
                    })
                })
            }
            _ => None,
        }
    }

    fn string_problem(&self, s: &str, schema: &Value, at: &str) -> Option<Problem> {
        let chars = s.chars().count() as u64;
        if let Some(min) = schema["minLength"].as_u64().filter(|m| chars < *m) {
            return Some(Problem::new(
                at,
                if min == 1 {
                    Kind::Text("不能为空".into(), "must not be empty".into())
                } else {
                    Kind::Text(
                        format!("至少 {min} 个字符"),
                        format!("at least {min} characters"),
                    )
                },
            ));
        }
        if let Some(max) = schema["maxLength"].as_u64().filter(|m| chars > *m) {
            return Some(Problem::new(
                at,
                Kind::Text(
                    format!("最多 {max} 个字符"),
                    format!("at most {max} characters"),
                ),
            ));
        }
        let format_ok = match schema["format"].as_str() {
            Some("date") => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
            Some("date-time") => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
            _ => true,
        };
        let pattern_ok = schema["pattern"]
            .as_str()
            .and_then(|p| regex::Regex::new(p).ok())
            .is_none_or(|re| re.is_match(s));
        if !format_ok {
            return Some(Problem::new(
                at,
                Kind::Expected(self.expectation(schema), short(&Value::String(s.into()))),
            ));
        }
        // The field's own description says what it takes (never the pattern).
        (!pattern_ok).then(|| {
            let hint = schema["description"]
                .as_str()
                .and_then(|d| d.split('\n').next())
                .unwrap_or("");
            Problem::new(
                at,
                Kind::Text(
                    "格式不正确".into(),
                    format!("has the wrong format. {hint}")
                        .trim_end()
                        .to_owned(),
                ),
            )
        })
    }

    /// What a value of `schema` looks like, in Chinese and English.
    fn expectation(&self, schema: &Value) -> (&'static str, String) {
        let schema = self.resolve(schema);
        if let Some(options) = schema["enum"].as_array() {
            let names: Vec<String> = options
                .iter()
                .take(12)
                .map(|o| o.as_str().map_or(o.to_string(), str::to_owned))
                .collect();
            let more = if options.len() > 12 { ", …" } else { "" };
            return ("应为下列之一", format!("one of {}{more}", names.join(", ")));
        }
        let range = |unit: &str| match (schema["minimum"].as_f64(), schema["maximum"].as_f64()) {
            (Some(min), Some(max)) => format!(" from {min} to {max}{unit}"),
            (Some(min), None) => format!(" of at least {min}{unit}"),
            (None, Some(max)) => format!(" of at most {max}{unit}"),
            (None, None) => String::new(),
        };
        match (
            schema["type"].as_str().unwrap_or_default(),
            schema["format"].as_str(),
        ) {
            ("string", Some("date")) => {
                ("应为日期，如 2024-03-30", "a date like 2024-03-30".into())
            }
            ("string", Some("date-time")) => (
                "应为带时区的时间，如 2024-03-30T23:59:59+08:00",
                "a time with its offset, like 2024-03-30T23:59:59+08:00".into(),
            ),
            ("string", _) => ("应为文本", "a string".into()),
            ("integer", _) => ("应为整数", format!("an integer{}", range(""))),
            ("number", _) => ("应为数字", format!("a number{}", range(""))),
            ("boolean", _) => ("应为 true 或 false", "true or false".into()),
            ("array", _) => ("应为列表", "a list".into()),
            ("object", _) => ("应为对象", "an object".into()),
            _ => ("", String::new()),
        }
    }
}

/// A field and what is wrong with it.
struct Problem {
    field: String,
    kind: Kind,
}

enum Kind {
    Missing,
    Null,
    /// (expected in Chinese, in English), what came.
    Expected((&'static str, String), String),
    /// A plain statement, in Chinese and English.
    Text(String, String),
}

impl Problem {
    fn new(field: &str, kind: Kind) -> Self {
        Self {
            field: field.to_owned(),
            kind,
        }
    }

    fn describe(&self) -> String {
        let (zh, en) = match &self.kind {
            Kind::Missing => ("缺少此必填字段".to_owned(), "is required".to_owned()),
            Kind::Null => ("不能为 null".to_owned(), "must not be null".to_owned()),
            Kind::Expected((zh, en), got) => (
                format!("{zh}，收到 {got}"),
                format!("expected {en}, got {got}"),
            ),
            Kind::Text(zh, en) => (zh.clone(), en.clone()),
        };
        if self.field.is_empty() {
            format!("请求体{zh} (the body: {en})")
        } else {
            format!("字段 {}：{zh} (field \"{}\": {en})", self.field, self.field)
        }
    }
}

fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}.{name}")
    }
}

/// The value as sent, cut short (it is echoed back to its sender only).
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Replaces a framework parse error with the plain one; other answers pass.
/// JSON bodies are kept to look at (they are small: the body limit ran), and
/// their integral numbers written as integers first (`strict::integral_numbers`).
pub async fn explain<E: Endpoint>(
    next: Arc<E>,
    mut req: Request,
    explainer: Explainer,
) -> poem::Result<Response> {
    let is_json = req
        .header(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("json"));
    let body: Option<Bytes> = if is_json {
        let mut bytes = req.take_body().into_bytes().await?;
        if let Some(integers) = super::strict::integral_numbers(&bytes) {
            bytes = Bytes::from(integers);
        }
        req.set_body(bytes.clone());
        Some(bytes)
    } else {
        None
    };
    let method = req.method().as_str().to_ascii_lowercase();
    let path = req.uri().path().to_owned();
    match next.call(req).await {
        Ok(output) => Ok(output.into_response()),
        Err(err) => {
            let op = explainer
                .operations
                .lookup(&path)
                .and_then(|ops| ops.get(&method));
            match explainer.explain(&err, op, body.as_deref()) {
                Some(message) => Err(AppError::new(
                    ErrorCode::InvalidRequest,
                    format!("{}：{message}", ErrorCode::InvalidRequest.default_message()),
                )
                .into()),
                None => Err(err),
            }
        }
    }
}
