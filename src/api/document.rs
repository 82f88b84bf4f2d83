//! The OpenAPI document says exactly what the server accepts and sends
//! (`scripts/conformance.sh` holds it to that). Three things poem-openapi
//! leaves out are added here, for every operation at once:
//!
//! - An optional property is `nullable`: the server writes `None` as `null`,
//!   and reads `null` as absent (an `Option` is `None`, a field with a
//!   default gets its default). Parts of a multipart form are there or not.
//! - Dates have the standard format `date` (`2024-03-30`), not `naive-date`.
//! - Unsigned integers have `minimum: 0`, and the maximum of their width
//!   where a JSON number holds it exactly (up to 32 bits).
//!
//! It also gives the table of the methods each path answers, for the
//! `Allow` header of a 405 (`middleware::allow_header`).

use std::collections::HashMap;

use poem::{endpoint::BoxEndpoint, http::Method};
use poem_openapi::{
    OpenApi,
    registry::{MetaApi, MetaSchema, MetaSchemaRef, Registry},
};

/// An API whose document gets the corrections above.
pub struct Documented<T>(pub T);

impl<T: OpenApi> OpenApi for Documented<T> {
    fn meta() -> Vec<MetaApi> {
        let mut apis = T::meta();
        for operation in apis
            .iter_mut()
            .flat_map(|api| &mut api.paths)
            .flat_map(|path| &mut path.operations)
        {
            for param in &mut operation.params {
                correct(&mut param.schema);
            }
            for media in operation.request.iter_mut().flat_map(|r| &mut r.content) {
                if media.content_type.starts_with("multipart/") {
                    // A form part is there or not; it cannot be null.
                    if let MetaSchemaRef::Inline(schema) = &mut media.schema {
                        correct_formats(schema);
                        for (_, part) in &mut schema.properties {
                            correct(part);
                        }
                    }
                } else {
                    correct(&mut media.schema);
                }
            }
            for response in &mut operation.responses.responses {
                for media in &mut response.content {
                    correct(&mut media.schema);
                }
                for header in &mut response.headers {
                    correct(&mut header.schema);
                }
            }
        }
        apis
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
        for schema in registry.schemas.values_mut() {
            correct_schema(schema);
        }
    }

    fn add_routes(self, route_table: &mut HashMap<String, HashMap<Method, BoxEndpoint<'static>>>) {
        self.0.add_routes(route_table)
    }
}

fn correct(schema: &mut MetaSchemaRef) {
    if let MetaSchemaRef::Inline(schema) = schema {
        correct_schema(schema);
    }
}

fn correct_schema(schema: &mut MetaSchema) {
    correct_formats(schema);
    let required = schema.required.clone();
    for (name, property) in &mut schema.properties {
        correct(property);
        if !required.contains(name) {
            let nullable = MetaSchema {
                nullable: true,
                ..MetaSchema::ANY
            };
            *property = std::mem::replace(property, MetaSchemaRef::Reference(String::new()))
                .merge(nullable);
        }
    }
    let nested = schema
        .items
        .iter_mut()
        .chain(schema.additional_properties.iter_mut())
        .map(|b| &mut **b)
        .chain(&mut schema.all_of)
        .chain(&mut schema.any_of)
        .chain(&mut schema.one_of);
    for nested in nested {
        correct(nested);
    }
}

/// The format corrections alone (dates, unsigned integers).
fn correct_formats(schema: &mut MetaSchema) {
    match schema.format {
        Some("naive-date") => schema.format = Some("date"),
        Some(format @ ("uint8" | "uint16" | "uint32" | "uint64")) => {
            schema.minimum.get_or_insert(0.0);
            let max = match format {
                "uint8" => Some(f64::from(u8::MAX)),
                "uint16" => Some(f64::from(u16::MAX)),
                "uint32" => Some(f64::from(u32::MAX)),
                _ => None,
            };
            if let Some(max) = max {
                schema.maximum.get_or_insert(max);
            }
        }
        _ => {}
    }
}

/// The methods each path of `T` answers (HEAD with GET), as path templates
/// (`/bookings/{id}`) relative to the API's prefix.
pub fn methods_by_path<T: OpenApi>() -> Vec<(String, Vec<Method>)> {
    T::meta()
        .into_iter()
        .flat_map(|api| api.paths)
        .map(|path| {
            let mut methods: Vec<Method> =
                path.operations.iter().map(|o| o.method.clone()).collect();
            if methods.contains(&Method::GET) {
                methods.push(Method::HEAD);
            }
            (path.path, methods)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use poem_openapi::{Object, OpenApiService, param::Path, payload::Json};
    use serde_json::Value;

    use super::*;

    #[derive(Object)]
    struct Thing {
        name: String,
        on: Option<NaiveDate>,
        count: u32,
        inner: Option<Inner>,
    }

    #[derive(Object)]
    struct Inner {
        size: u64,
    }

    struct TestApi;

    #[poem_openapi::OpenApi]
    impl TestApi {
        #[oai(path = "/things/:id", method = "get")]
        async fn get(&self, _id: Path<i64>) -> Json<Thing> {
            unimplemented!()
        }
    }

    #[test]
    fn optional_properties_are_nullable_and_formats_are_standard() {
        let spec = OpenApiService::new(Documented(TestApi), "test", "1").spec();
        let spec: Value = serde_json::from_str(&spec).unwrap();
        let thing = &spec["components"]["schemas"]["Thing"]["properties"];
        assert_eq!(thing["name"].get("nullable"), None, "required stays as is");
        assert_eq!(thing["on"]["nullable"], true);
        assert_eq!(thing["on"]["format"], "date");
        assert_eq!(thing["count"]["minimum"], 0.0);
        assert_eq!(thing["count"]["maximum"], f64::from(u32::MAX));
        assert_eq!(thing["inner"]["nullable"], true);
        assert_eq!(
            thing["inner"]["allOf"][0]["$ref"],
            "#/components/schemas/Inner"
        );
        let size = &spec["components"]["schemas"]["Inner"]["properties"]["size"];
        assert_eq!(size["minimum"], 0.0);
        assert_eq!(
            size.get("maximum"),
            None,
            "u64::MAX is no exact JSON number"
        );
    }

    #[test]
    fn methods_by_path_lists_head_with_get() {
        assert_eq!(
            methods_by_path::<TestApi>(),
            vec![("/things/{id}".to_owned(), vec![Method::GET, Method::HEAD])]
        );
    }
}
