//! poem-openapi reads a JSON number or boolean sent for a string as its text
//! (`{"name": false}` becomes the name "false"). Every string field of a
//! request body names [`string`] in `#[oai(deserialize_with = …)]`, so that
//! only what the document promises is accepted: a JSON string (or `null` or
//! nothing for an optional field), and for a list of strings only strings.

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
        assert!(string::<Option<Vec<String>>>(Some(json!([true]))).is_err());
    }
}
