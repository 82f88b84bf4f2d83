//! Request bodies read exactly as the OpenAPI document says:
//!
//! - poem-openapi reads a JSON number or boolean sent for a string as its
//!   text (`{"name": false}` becomes the name "false"). Every string field
//!   of a request body names [`string`] in `#[oai(deserialize_with = …)]`, so
//!   that only what the document promises is accepted: a JSON string (or
//!   `null` or nothing for an optional field), and for a list of strings
//!   only strings.
//! - JSON Schema (OpenAPI 3.1) counts `628.0` as the integer 628, poem-openapi
//!   does not: [`integral_numbers`] writes such numbers as integers first.

use poem_openapi::types::{ParseError, ParseFromJSON, ParseResult};
use serde_json::Value;

/// Parses `T` (a `String`, `Vec<String>` or an `Option` of either) after
/// refusing numbers and booleans where a string belongs.
pub fn string<T: ParseFromJSON>(value: Option<Value>) -> ParseResult<T> {
    let not_text = |v: &Value| matches!(v, Value::Bool(_) | Value::Number(_));
    match &value {
        Some(v) if not_text(v) => Err(ParseError::expected_type(v.clone())),
        Some(Value::Array(items)) if items.iter().any(not_text) => {
            Err(ParseError::custom("expected a list of strings"))
        }
        _ => T::parse_from_json(value),
    }
}

/// The body with every number that has no fractional part (`628.0`,
/// `6.28e2`) written as an integer; `None` when there is none or the body is
/// not JSON (the parser then says what is wrong).
pub fn integral_numbers(body: &[u8]) -> Option<Vec<u8>> {
    fn rewrite(value: &mut Value) -> bool {
        match value {
            Value::Number(n) if n.is_f64() => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                // Within ±2^53 every integer is exact in an f64.
                let exact = f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0;
                if exact {
                    *value = Value::from(f as i64);
                }
                exact
            }
            Value::Array(items) => items.iter_mut().fold(false, |c, v| rewrite(v) | c),
            Value::Object(map) => map.values_mut().fold(false, |c, v| rewrite(v) | c),
            _ => false,
        }
    }
    // Most bodies have no such number: a byte scan spares them a parse.
    let may_hold_one = body
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b'e' | b'E'));
    if !may_hold_one {
        return None;
    }
    let mut value: Value = serde_json::from_slice(body).ok()?;
    rewrite(&mut value).then(|| value.to_string().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_strings_are_strings() {
        assert_eq!(string::<String>(Some(json!("x"))).unwrap(), "x");
        assert!(string::<String>(Some(json!(false))).is_err());
        assert!(string::<String>(Some(json!(12))).is_err());
        assert_eq!(string::<Option<String>>(Some(json!(null))).unwrap(), None);
        assert_eq!(string::<Option<String>>(None).unwrap(), None);
        assert!(string::<Option<String>>(Some(json!(1.5))).is_err());
        assert_eq!(
            string::<Vec<String>>(Some(json!(["a", "b"]))).unwrap(),
            vec!["a", "b"]
        );
        assert!(string::<Vec<String>>(Some(json!(["a", 1]))).is_err());
    }

    #[test]
    fn integral_numbers_are_integers() {
        let body = br#"{"slot_id": 628.0, "n": [1e2, 2.5, 3], "s": "628.0"}"#;
        let out: Value = serde_json::from_slice(&integral_numbers(body).unwrap()).unwrap();
        assert_eq!(
            out,
            json!({"slot_id": 628, "n": [100, 2.5, 3], "s": "628.0"})
        );
        assert_eq!(integral_numbers(br#"{"slot_id": 628}"#), None);
        assert_eq!(integral_numbers(b"{not json"), None);
        assert_eq!(integral_numbers(b"[1e300]"), None, "beyond exact integers");
        assert!(string::<Option<Vec<String>>>(Some(json!([true]))).is_err());
    }
}
