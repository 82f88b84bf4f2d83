//! Answers poem-openapi has no payload for:
//!
//! - [`JsonText`]: JSON answers already written out as text, for hot read
//!   paths that keep rendered parts: poem-openapi's `Json` builds a
//!   `serde_json::Value` tree of the whole answer on every call, which costs
//!   more than serving it. The OpenAPI document still shows `T`'s schema; a
//!   test per use checks that the text is what `Json<T>` would send.
//! - [`Spreadsheet`]: a CSV or XLSX download under its own media type, so
//!   that a browser or client knows what it got.

use std::marker::PhantomData;

use bytes::Bytes;
use poem::{IntoResponse, Response, http::header};
use poem_openapi::{
    ApiResponse, Enum,
    payload::{Binary, Payload},
    registry::{
        MetaHeader, MetaMediaType, MetaResponse, MetaResponses, MetaSchema, MetaSchemaRef, Registry,
    },
    types::Type,
};

pub struct JsonText<T>(Bytes, PhantomData<fn() -> T>);

impl<T> JsonText<T> {
    pub fn new(text: Bytes) -> Self {
        Self(text, PhantomData)
    }
}

impl<T: Type> Payload for JsonText<T> {
    const CONTENT_TYPE: &'static str = "application/json; charset=utf-8";

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }
}

impl<T: Type> IntoResponse for JsonText<T> {
    fn into_response(self) -> Response {
        Response::builder()
            .content_type(Self::CONTENT_TYPE)
            .body(self.0)
    }
}

impl<T: Type> ApiResponse for JsonText<T> {
    fn meta() -> MetaResponses {
        MetaResponses {
            responses: vec![MetaResponse {
                description: "",
                status: Some(200),
                status_range: None,
                content: vec![MetaMediaType {
                    content_type: Self::CONTENT_TYPE,
                    schema: Self::schema_ref(),
                }],
                headers: vec![],
            }],
        }
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }
}

/// The format of a spreadsheet download (`format=csv` or `format=xlsx`).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    fn content_type(self) -> &'static str {
        match self {
            // The BOM the exports start with makes Excel read it as UTF-8.
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// A download's file name without extension: what, the unit (or `all`)
/// and today's date in Asia/Shanghai, so files saved on different days or
/// for different units do not overwrite each other.
pub fn export_stem(what: &str, unit: Option<&str>) -> String {
    let today = crate::domain::time::to_shanghai(chrono::Utc::now()).format("%Y%m%d");
    format!("{what}-{}-{today}", unit.unwrap_or("all"))
}

/// A spreadsheet download: `<stem>.csv` or `<stem>.xlsx` as an attachment.
pub struct Spreadsheet {
    format: ExportFormat,
    bytes: Vec<u8>,
    filename: String,
}

impl Spreadsheet {
    /// `stem` is an ASCII file name without extension.
    pub fn new(format: ExportFormat, bytes: Vec<u8>, stem: &str) -> Self {
        let filename = format!("{stem}.{}", format.extension());
        Self {
            format,
            bytes,
            filename,
        }
    }
}

impl IntoResponse for Spreadsheet {
    fn into_response(self) -> Response {
        Response::builder()
            .content_type(self.format.content_type())
            .header(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", self.filename),
            )
            .body(self.bytes)
    }
}

impl ApiResponse for Spreadsheet {
    fn meta() -> MetaResponses {
        let content = [ExportFormat::Csv, ExportFormat::Xlsx]
            .map(|format| MetaMediaType {
                content_type: format.content_type(),
                schema: Binary::<Vec<u8>>::schema_ref(),
            })
            .into();
        MetaResponses {
            responses: vec![MetaResponse {
                description: "The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so \
                              Excel reads the Chinese) or XLSX.",
                status: Some(200),
                status_range: None,
                content,
                headers: vec![MetaHeader {
                    name: "Content-Disposition".into(),
                    description: Some("`attachment; filename=\"….csv\"` (or `.xlsx`).".into()),
                    required: true,
                    deprecated: false,
                    schema: MetaSchemaRef::Inline(Box::new(MetaSchema::new("string"))),
                }],
            }],
        }
    }

    fn register(_registry: &mut Registry) {}
}
