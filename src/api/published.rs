//! The OpenAPI document as published (`/api/openapi.json`, Swagger UI, the
//! snapshot in `docs/openapi.json`): OpenAPI 3.1, made once at start from
//! the 3.0 document poem-openapi writes (after `document.rs`'s corrections),
//! so that client generators read it as the server behaves (issue #18):
//!
//! - A nullable value is `type: [T, "null"]`, and a nullable reference
//!   `anyOf: [{$ref}, {type: "null"}]`; 3.0's `nullable` beside an `allOf`
//!   meant nothing to generators. A description on a reference sits beside
//!   the `$ref` instead of in an `allOf`.
//! - Each operation answers only the error statuses it can, each with `code`
//!   narrowed to the codes it can return: those its description lists after
//!   "Errors:" (filed under each code's own status) and those the shared
//!   layers answer for an operation of its shape ([`shared_codes`]).
//!   `middleware::declared_errors` holds the server to that list.
//! - `ErrorBody.code` is the enum `ErrorCode` of every code; every success
//!   answer is described; operations anyone may call say `security: []`.

use poem::http::StatusCode;
use serde_json::{Map, Value, json};

use crate::error::ErrorCode;

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];
const ERROR_BODY: &str = "#/components/schemas/ErrorBody";

/// The published document, from poem-openapi's JSON.
pub fn publish(spec: &str) -> Value {
    let mut doc: Value = serde_json::from_str(spec).expect("poem-openapi writes JSON");
    doc["openapi"] = json!("3.1.0");
    doc["info"]["contact"] = json!({"name": "diploma-photo maintainers"});
    doc["info"]["license"] = json!({"name": "MIT", "identifier": "MIT"});

    let schemas = &mut doc["components"]["schemas"];
    schemas["ErrorCode"] = json!({
        "type": "string",
        "title": "ErrorCode",
        "description": "Every error code of the service: stable, snake_case, for programs \
                        (the `message` is for people).",
        "enum": ErrorCode::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
    });
    let code = &mut schemas["ErrorBody"]["properties"]["code"];
    *code = json!({"$ref": "#/components/schemas/ErrorCode", "description": code["description"]});

    for item in doc["paths"].as_object_mut().expect("paths").values_mut() {
        for (method, op) in item.as_object_mut().expect("path item") {
            if METHODS.contains(&method.as_str()) {
                publish_operation(op);
            }
        }
    }
    for_each_schema(&mut doc, &mut |schema| *schema = to_31(schema.take()));
    doc
}

fn publish_operation(op: &mut Value) {
    if op.get("security").is_none() {
        op["security"] = json!([]);
    }
    let mut wanted: Vec<(u16, Vec<&'static str>)> = Vec::new();
    for code in listed_codes(op).into_iter().chain(shared_codes(op)) {
        let status = code.status().as_u16();
        match wanted.iter_mut().find(|(s, _)| *s == status) {
            Some((_, codes)) if codes.contains(&code.as_str()) => {}
            Some((_, codes)) => codes.push(code.as_str()),
            None => wanted.push((status, vec![code.as_str()])),
        }
    }
    wanted.sort();

    let summary = op["summary"].as_str().unwrap_or_default().to_owned();
    let old = std::mem::take(op["responses"].as_object_mut().expect("responses"));
    // The headers every error answer has (`X-Request-Id`), not a success
    // answer's own (`Content-Disposition`).
    let headers = old
        .iter()
        .filter(|(status, _)| status.starts_with(['4', '5']))
        .find_map(|(_, r)| r.get("headers").cloned())
        .unwrap_or(Value::Null);
    let mut responses = Map::new();
    for (status, mut response) in old {
        if status.starts_with('2') || status.starts_with('3') {
            if response["description"]
                .as_str()
                .unwrap_or_default()
                .is_empty()
            {
                response["description"] = json!(success_description(&status, &summary));
            }
            responses.insert(status, response);
        }
    }
    for (status, codes) in wanted {
        let listed: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        let reason = StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Error");
        let mut response = json!({
            "description": format!("{reason}. `code`: {}.", listed.join(", ")),
            "content": {"application/json; charset=utf-8": {"schema": {"allOf": [
                {"$ref": ERROR_BODY},
                {"type": "object", "properties": {"code": {"type": "string", "enum": codes}}},
            ]}}},
        });
        if !headers.is_null() {
            response["headers"] = headers.clone();
        }
        responses.insert(status.to_string(), response);
    }
    op["responses"] = Value::Object(responses);
}

fn success_description(status: &str, summary: &str) -> String {
    let reason = status
        .parse()
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Success");
    format!("{reason}: {summary}")
}

/// The codes an operation's description names after "Errors:". Other words
/// in backquotes there (`dev:`, `open`) are not codes and are passed over.
fn listed_codes(op: &Value) -> Vec<ErrorCode> {
    let description = op["description"].as_str().unwrap_or_default();
    let Some(at) = description.find("Errors:") else {
        return Vec::new();
    };
    description[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|word| ErrorCode::ALL.iter().copied().find(|c| c.as_str() == word))
        .collect()
}

/// The codes the shared layers answer, by the operation's shape: any
/// operation may fail inside (500) or find the database or cache down (503);
/// one behind a token refuses a missing or stale one (401); a parameter that
/// does not parse is 400; a body may be malformed (400), too slow (408), too
/// large (413) or of the wrong type (415); an `Idempotency-Key` may be in use
/// (409) or come back with another request (422).
fn shared_codes(op: &Value) -> Vec<ErrorCode> {
    let mut codes = vec![ErrorCode::InternalError, ErrorCode::ServiceUnavailable];
    if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
        codes.push(ErrorCode::Unauthenticated);
    }
    let params = op["parameters"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    if !params.is_empty() {
        codes.push(ErrorCode::InvalidRequest);
    }
    if op.get("requestBody").is_some() {
        codes.extend([
            ErrorCode::InvalidRequest,
            ErrorCode::RequestTimeout,
            ErrorCode::PayloadTooLarge,
            ErrorCode::UnsupportedMediaType,
        ]);
    }
    if params
        .iter()
        .any(|p| p["name"].as_str() == Some("Idempotency-Key"))
    {
        codes.extend([
            ErrorCode::RequestInProgress,
            ErrorCode::IdempotencyKeyReused,
        ]);
    }
    codes
}

/// Calls `f` on every schema slot of the document: components, parameters,
/// request and response bodies, response headers.
fn for_each_schema(doc: &mut Value, f: &mut impl FnMut(&mut Value)) {
    for schema in doc["components"]["schemas"]
        .as_object_mut()
        .expect("schemas")
        .values_mut()
    {
        f(schema);
    }
    for item in doc["paths"].as_object_mut().expect("paths").values_mut() {
        for op in item.as_object_mut().expect("path item").values_mut() {
            for (key, part) in op.as_object_mut().into_iter().flatten() {
                match key.as_str() {
                    "parameters" => part
                        .as_array_mut()
                        .into_iter()
                        .flatten()
                        .filter_map(|p| p.get_mut("schema"))
                        .for_each(&mut *f),
                    "requestBody" => media_schemas(part, f),
                    "responses" => part
                        .as_object_mut()
                        .into_iter()
                        .flat_map(|r| r.values_mut())
                        .for_each(|r| media_schemas(r, f)),
                    _ => {}
                }
            }
        }
    }
}

/// The schemas of a request body's or response's media types and headers.
fn media_schemas(body: &mut Value, f: &mut impl FnMut(&mut Value)) {
    for key in ["content", "headers"] {
        body.get_mut(key)
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|m| m.values_mut())
            .filter_map(|m| m.get_mut("schema"))
            .for_each(&mut *f);
    }
}

/// One schema in 3.1 terms, and every schema inside it.
fn to_31(mut schema: Value) -> Value {
    let Some(object) = schema.as_object_mut() else {
        return schema;
    };
    let nullable = object.remove("nullable") == Some(Value::Bool(true));
    if let Some(reference) = described_reference(object) {
        let description = object.remove("description");
        let mut out = if nullable {
            json!({"anyOf": [{"$ref": reference}, {"type": "null"}]})
        } else {
            json!({"$ref": reference})
        };
        if let Some(description) = description {
            out["description"] = description;
        }
        return out;
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(inner) = object.get_mut(key) {
            *inner = to_31(inner.take());
        }
    }
    if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
        for property in properties.values_mut() {
            *property = to_31(property.take());
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(list) = object.get_mut(key).and_then(Value::as_array_mut) {
            for inner in list {
                *inner = to_31(inner.take());
            }
        }
    }
    // A nullable value without a type is any value, null included.
    if nullable && let Some(kind) = object.get("type").cloned() {
        object.insert("type".into(), json!([kind, "null"]));
        if let Some(values) = object.get_mut("enum").and_then(Value::as_array_mut) {
            values.push(Value::Null);
        }
    }
    schema
}

/// The reference of `allOf: [{$ref}, extras…]` where the extras only
/// describe the value or say it may be null: poem-openapi's way to put a
/// description or `nullable` on a reference. The extras' description moves
/// to the schema.
fn described_reference(object: &mut Map<String, Value>) -> Option<Value> {
    let parts = object.get("allOf")?.as_array()?;
    let reference = parts.first()?.get("$ref")?.clone();
    let extras = &parts[1..];
    let only_describe = extras.iter().all(|e| {
        e.as_object()
            .is_some_and(|e| e.keys().all(|k| k == "description" || k == "nullable"))
    });
    if !only_describe
        || object
            .keys()
            .any(|k| !matches!(k.as_str(), "allOf" | "description"))
    {
        return None;
    }
    let described = extras.iter().find_map(|e| e.get("description")).cloned();
    object.remove("allOf");
    if let Some(description) = described {
        object.entry("description").or_insert(description);
    }
    Some(reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_values_and_references_are_in_31_terms() {
        let plain = to_31(json!({"type": "string", "enum": ["a"], "nullable": true}));
        assert_eq!(
            plain,
            json!({"type": ["string", "null"], "enum": ["a", null]})
        );
        let reference = to_31(json!({
            "allOf": [{"$ref": "#/x"}, {"description": "d"}], "nullable": true
        }));
        assert_eq!(
            reference,
            json!({"anyOf": [{"$ref": "#/x"}, {"type": "null"}], "description": "d"})
        );
        let described = to_31(json!({"allOf": [{"$ref": "#/x"}, {"description": "d"}]}));
        assert_eq!(described, json!({"$ref": "#/x", "description": "d"}));
        let any = to_31(json!({"nullable": true, "description": "anything"}));
        assert_eq!(any, json!({"description": "anything"}));
    }

    #[test]
    fn an_operation_answers_the_codes_it_lists_and_those_of_its_shape() {
        let mut op = json!({
            "summary": "Do it",
            "description": "Text with `open`.\nErrors: 400 `invalid_request`, 404 `not_found`; \
                            409 `slot_full`, `booking_closed`.",
            "security": [{"bearer": []}],
            "parameters": [{"name": "Idempotency-Key", "in": "header"}],
            "responses": {
                "200": {"description": ""},
                "409": {"description": "old", "headers": {"X-Request-Id": {}}},
                "410": {"description": "old"},
            },
        });
        publish_operation(&mut op);
        let statuses: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
        assert_eq!(
            statuses,
            ["200", "400", "401", "404", "409", "422", "500", "503"]
        );
        assert_eq!(op["responses"]["200"]["description"], "OK: Do it");
        let conflict = &op["responses"]["409"];
        let codes = &conflict["content"]["application/json; charset=utf-8"]["schema"]["allOf"][1]["properties"]
            ["code"]["enum"];
        assert_eq!(
            codes,
            &json!(["slot_full", "booking_closed", "request_in_progress"])
        );
        assert_eq!(conflict["headers"], json!({"X-Request-Id": {}}));
    }

    #[test]
    fn public_operations_say_so() {
        let mut op = json!({"description": "Errors: none.", "responses": {}});
        publish_operation(&mut op);
        assert_eq!(op["security"], json!([]));
        let statuses: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["500", "503"], "no 401 without a token to refuse");
    }
}
