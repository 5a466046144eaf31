//! The canonical byte encoding a clinician's signature covers (`docs/format.md`, "What a
//! signature covers"): independent of the RON file's layout (pretty or compact, CRLF or LF,
//! indentation), of the order of its fields and of `ron`'s formatting, so a session signed
//! today verifies in every later version.
//!
//! The encoding is JSON (RFC 8259) written one way only: object keys sorted by their UTF-8
//! bytes, no whitespace, strings escaped as `serde_json` escapes them, numbers as
//! `serde_json` writes them (shortest round-trip form); values that are empty — `null`,
//! `false`, `""`, `[]`, `{}` — are left out, so a field added in a later version with an empty
//! default leaves older signatures valid.

use serde_json::Value;

/// `value` serialised, empties pruned, keys sorted, no whitespace.
pub fn encode(value: &impl serde::Serialize) -> Vec<u8> {
    let value = serde_json::to_value(value).unwrap_or(Value::Null);
    let mut out = Vec::new();
    write(&prune(value).unwrap_or(Value::Null), &mut out);
    out
}

/// The value without its empty members; `None` when it is empty itself.
fn prune(value: Value) -> Option<Value> {
    match value {
        Value::Null | Value::Bool(false) => None,
        Value::String(s) if s.is_empty() => None,
        Value::Array(items) => {
            // Items keep their places: an empty item becomes null rather than vanishing.
            let items: Vec<Value> = items
                .into_iter()
                .map(|item| prune(item).unwrap_or(Value::Null))
                .collect();
            (!items.is_empty()).then_some(Value::Array(items))
        }
        Value::Object(map) => {
            let map: serde_json::Map<String, Value> = map
                .into_iter()
                .filter_map(|(key, value)| prune(value).map(|value| (key, value)))
                .collect();
            (!map.is_empty()).then_some(Value::Object(map))
        }
        other => Some(other),
    }
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push(b'{');
            for (index, (key, value)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write(&Value::String(key.clone()), out);
                out.push(b':');
                write(value, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write(item, out);
            }
            out.push(b']');
        }
        // Scalars as serde_json writes them (it cannot fail on a `Value`).
        scalar => out.extend(serde_json::to_vec(scalar).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_empties_left_out_and_nothing_else_changes() {
        let value = serde_json::json!({
            "b": 1, "a": "x", "empty": "", "none": null, "no": false, "yes": true,
            "list": [1, null, ""], "nested": {"z": [], "y": 0.25}
        });
        assert_eq!(
            String::from_utf8(encode(&value)).expect("UTF-8"),
            r#"{"a":"x","b":1,"list":[1,null,null],"nested":{"y":0.25},"yes":true}"#
        );
    }
}
