//! Matching request paths to the OpenAPI document's path templates, shared
//! by the middleware, bad-request rendering and the metrics' route labels.

use std::sync::Arc;

/// Path templates (`/a/{id}/b`: `{…}` matches one segment) with a value
/// each. A request path finds the matching template with the most literal
/// segments, as the router chooses.
#[derive(Clone)]
pub struct PathTable<T>(Arc<Vec<(Vec<String>, T)>>);

impl<T> PathTable<T> {
    pub fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        Self(Arc::new(
            entries
                .into_iter()
                .map(|(path, value)| (path.split('/').map(str::to_owned).collect(), value))
                .collect(),
        ))
    }

    pub fn lookup(&self, path: &str) -> Option<&T> {
        let segments: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len()
                    && template.iter().zip(&segments).all(|(t, s)| {
                        (t.starts_with('{') && t.ends_with('}') && !s.is_empty()) || t == s
                    })
            })
            .max_by_key(|(template, _)| template.iter().filter(|t| !t.starts_with('{')).count())
            .map(|(_, value)| value)
    }
}
