//! The HTTP layer: routes, request/response types, auth extractors.
//! Handlers translate between HTTP and `service` calls, nothing more.

pub mod auth;
pub mod bad_request;
pub mod booking;
pub mod campaign;
pub mod console;
pub mod document;
pub mod health;
pub mod idempotency;
pub mod makeup;
pub mod middleware;
pub mod notify;
pub mod onsite;
pub mod path_table;
pub mod payload;
pub mod privacy;
pub mod progress;
pub mod published;
pub mod roster;
pub mod security;
pub mod staff;
pub mod staff_views;
pub mod strict;
pub mod student;
pub mod student_detail;
pub mod swagger;
pub mod verification;

use poem::{
    Endpoint, EndpointExt, Response, Route, endpoint::make_sync, get, http::Method,
    middleware::CatchPanic,
};
use poem_openapi::{ExtraHeader, OpenApiService, Tags};

use crate::{connections, state::AppState};

#[derive(Tags)]
pub enum ApiTags {
    /// Logging in and out (students by WeChat, staff by password).
    Auth,
    /// Staff accounts (Graduate School admins only).
    Staff,
    /// Campaign setup: campaigns, campuses, units, sessions (admins only).
    Campaign,
    /// The roster: import, browse, students and their status.
    Roster,
    /// The student's own screen in the mini-program.
    Student,
    /// Session availability and bookings.
    Booking,
    /// On-site check-in and marking (on-site staff).
    Onsite,
    /// Make-up shots: checks, uploads, review, paper photos and e-photos.
    Makeup,
    /// CHSI verification: status lists, self-check, error reports.
    Verification,
    /// Progress per unit and students at risk (secretaries and admins).
    Progress,
    /// WeChat subscribe-message reminders: subscriptions, templates, delivery.
    Notifications,
    /// Personal data: the audit log, retention, consent withdrawal.
    Privacy,
}

const API_DESCRIPTION: &str = "\
Backend of the diploma-photo (学历相片采集) WeChat mini-program and staff console.

Authenticate with `Authorization: Bearer <token>`; students get a token from \
`POST /auth/wechat`, staff from `POST /auth/staff`.

Every error is JSON `{\"code\": \"snake_case_code\", \"message\": \"...\"}`: `code` is \
stable and meant for programs, `message` is for people (Chinese where students read \
it). Each operation's description lists the codes it can return. Every response \
carries `X-Request-Id`; quote it when reporting a problem. Request bodies are JSON \
and limited in size (413 `payload_too_large`); unknown fields are ignored. Times are \
RFC 3339 in Asia/Shanghai (+08:00).";

type Apis = (
    auth::AuthApi,
    student::StudentApi,
    booking::BookingApi,
    onsite::OnsiteApi,
    staff::StaffAdminApi,
    campaign::CampaignAdminApi,
    roster::RosterApi,
    staff_views::StaffViewsApi,
    student_detail::StudentDetailApi,
    makeup::MakeupApi,
    verification::VerificationApi,
    progress::ProgressApi,
    privacy::PrivacyApi,
    notify::NotifyApi,
);

pub fn openapi(state: &AppState) -> OpenApiService<document::Documented<Apis>, ()> {
    OpenApiService::new(
        document::Documented((
            auth::AuthApi {
                state: state.clone(),
            },
            student::StudentApi {
                state: state.clone(),
            },
            booking::BookingApi {
                state: state.clone(),
            },
            onsite::OnsiteApi {
                state: state.clone(),
            },
            staff::StaffAdminApi {
                state: state.clone(),
            },
            campaign::CampaignAdminApi {
                state: state.clone(),
            },
            roster::RosterApi {
                state: state.clone(),
            },
            staff_views::StaffViewsApi {
                state: state.clone(),
            },
            student_detail::StudentDetailApi {
                state: state.clone(),
            },
            makeup::MakeupApi {
                state: state.clone(),
            },
            verification::VerificationApi {
                state: state.clone(),
            },
            progress::ProgressApi {
                state: state.clone(),
            },
            privacy::PrivacyApi {
                state: state.clone(),
            },
            notify::NotifyApi {
                state: state.clone(),
            },
        )),
        "diploma-photo API",
        env!("CARGO_PKG_VERSION"),
    )
    .description(API_DESCRIPTION)
    .server("/api/v1")
    .extra_response_header::<String, _>(
        ExtraHeader::new("X-Request-Id").description("Id of this request in the server logs."),
    )
}

/// The whole HTTP application: API, OpenAPI document, Swagger UI, health
/// checks and the staff console (outside the OpenAPI document).
pub fn app(state: AppState) -> impl Endpoint {
    let api = openapi(&state);
    let spec = api.spec();
    let explainer = bad_request::Explainer::new(&spec, "/api/v1");
    let document = published::publish(&spec);
    let declared = middleware::DeclaredErrors::new(&document, "/api/v1");
    let routes = crate::metrics::Routes::new(&document, "/api/v1");
    let metrics = state.metrics.clone();
    let document = serde_json::to_string_pretty(&document).expect("a JSON value");
    // Swagger UI's page carries the document inline.
    let ui = swagger::endpoint(api.swagger_ui_html().replace(&spec, &document));
    let spec = make_sync(move |_| {
        Response::builder()
            .content_type("application/json")
            .body(document.clone())
    });
    let drain = state.drain.clone();
    let allowed = middleware::AllowedMethods::new(
        document::methods_by_path::<Apis>()
            .into_iter()
            .map(|(path, methods)| (format!("/api/v1{path}"), methods))
            .chain(
                ["/healthz", "/readyz"]
                    .map(|path| (path.to_owned(), vec![Method::GET, Method::HEAD])),
            ),
    );
    let trust_forwarded_for = state.config.trust_forwarded_for;
    let (body_period, body_min_rate) = (
        state.config.connections.body_period,
        state.config.connections.body_min_rate,
    );
    let (json_limit, upload_limit) = (
        state.config.body_limit_bytes,
        state.config.upload_limit_bytes,
    );
    Route::new()
        .nest("/api/v1", api)
        .at("/api/openapi.json", spec)
        .at("/docs", ui)
        .at("/healthz", get(health::healthz))
        .at("/readyz", get(health::readyz))
        .at("/console", get(console::redirect_root))
        .at("/console/*path", get(console::serve_file))
        .data(state.clone())
        .around(move |ep, req| bad_request::explain(ep, req, explainer.clone()))
        .around(move |ep, req| idempotency::idempotent(ep, req, state.clone()))
        .around(move |ep, req| connections::pace_body(ep, req, body_period, body_min_rate))
        .around(move |ep, req| middleware::limit_body(ep, req, json_limit, upload_limit))
        // Boxed: the type of every layer nested in the next would otherwise
        // pass the compiler's recursion limit.
        .boxed()
        .with(CatchPanic::new().with_handler(middleware::render_panic))
        .around(move |ep, req| middleware::declared_errors(ep, req, declared.clone()))
        .around(move |ep, req| middleware::allow_header(ep, req, allowed.clone()))
        .around(move |ep, req| {
            middleware::request_context(
                ep,
                req,
                drain.clone(),
                trust_forwarded_for,
                routes.clone(),
                metrics.clone(),
            )
        })
}
