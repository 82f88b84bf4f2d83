//! Make-up shots: the student's consent, photo checks, uploads and offline
//! declaration (`/me/...`, `/makeup/spec`); staff review, photo access and
//! paper/e-photo receipts (`/staff/...`, `/intl/...`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use poem::IntoResponse;
use poem_openapi::{
    ApiResponse, Multipart, Object, OpenApi,
    param::{Header, Path, Query},
    payload::{Binary, Json, Payload},
    registry::MetaSchemaRef,
    types::multipart::Upload,
};

use crate::{
    api::{
        ApiTags,
        idempotency::{self, Begun},
        security::{
            AdminAuth, IntlAuth, PhotoViewerAuth, StaffCaller, StudentAuth, UnitViewerAuth,
            unit_scope,
        },
    },
    domain::{
        AuditAction, MakeupState, PhotoSource, PhotoStatus, RejectReason, StudentCategory,
        photo_spec, time::to_shanghai,
    },
    entity::{makeup_photo, offline_makeup, roster_entry},
    error::{AppError, AppResult, ErrorBody, ErrorCode, PhotoCheck},
    service::{
        campaign, intl,
        makeup::{self, Decision, HandedIn, UploadOutcome, Variant},
        makeup_export,
        photo_check::{Check, Severity},
    },
    state::AppState,
};

pub struct MakeupApi {
    pub state: AppState,
}

#[derive(Object)]
struct ConsentRequest {
    /// Only `makeup_photo` (processing of the make-up photo).
    #[oai(
        validator(pattern = "^makeup_photo$"),
        deserialize_with = "crate::api::strict::string"
    )]
    purpose: String,
    /// The notice version the student read; must be the current one
    /// (`consent_version` in `GET /makeup/spec`).
    #[oai(
        validator(max_length = 64),
        deserialize_with = "crate::api::strict::string"
    )]
    version: String,
}

#[derive(Object)]
struct ConsentView {
    purpose: String,
    version: String,
    /// Asia/Shanghai.
    accepted_at: DateTime<FixedOffset>,
}

#[derive(ApiResponse)]
enum ConsentRecorded {
    /// Recorded (or already recorded earlier: the first acceptance is kept).
    #[oai(status = 201)]
    Created(Json<ConsentView>),
}

/// A band of pixels in the 480×640 frame, from `min` to `max`.
#[derive(Object)]
struct Band {
    min: u32,
    max: u32,
}

impl From<(u32, u32)> for Band {
    fn from((min, max): (u32, u32)) -> Self {
        Self { min, max }
    }
}

/// The CHSI photo spec as numbers, for drawing the camera guide.
#[derive(Object)]
struct SpecView {
    frame_width: u32,
    frame_height: u32,
    /// Distance of the top of the head (hairline) from the top edge.
    hairline_from_top: Band,
    /// Height of the eyes from the top edge.
    eyes_from_top: Band,
    /// Width of the face.
    face_width: Band,
    /// Reference background colour `[r, g, b]` (light blue).
    background_rgb: Vec<u8>,
    /// Largest file accepted, in bytes.
    max_upload_bytes: u64,
    /// Version of the photo-processing notice to accept before uploading.
    consent_version: String,
    /// The dress rules shown with the camera.
    advice: Vec<String>,
}

impl From<Check> for PhotoCheck {
    fn from(c: Check) -> Self {
        Self {
            check: c.check,
            passed: c.passed,
            severity: match c.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
            .to_owned(),
            message: c.message,
        }
    }
}

fn check_views(checks: Vec<Check>) -> Vec<PhotoCheck> {
    checks.into_iter().map(PhotoCheck::from).collect()
}

/// The outcome of the checks of a photo that was not stored.
#[derive(Object)]
struct PrecheckView {
    /// No check with severity `error` failed: uploading this photo would be accepted.
    acceptable: bool,
    /// Every check, passed or not.
    checks: Vec<PhotoCheck>,
}

#[derive(Multipart)]
struct PhotoUpload {
    /// JPEG or PNG, at most 10 MB.
    photo: Upload,
    /// `camera` (taken in the mini-program) or `album`; blank means not said.
    #[oai(validator(pattern = r"^(camera|album|\s*)$"))]
    source: Option<String>,
}

/// An online make-up upload as its student sees it.
#[derive(Object)]
pub struct PhotoView {
    id: i64,
    status: PhotoStatus,
    source: Option<PhotoSource>,
    /// Asia/Shanghai.
    uploaded_at: DateTime<FixedOffset>,
    checks: Vec<PhotoCheck>,
    reviewed_at: Option<DateTime<FixedOffset>>,
    /// Why it was rejected.
    reject_reason: Option<RejectReason>,
    /// What the reason means, in Chinese.
    reject_reason_label: Option<String>,
    comment: Option<String>,
}

impl From<makeup_photo::Model> for PhotoView {
    fn from(p: makeup_photo::Model) -> Self {
        let reason = p.reason_code.as_deref().and_then(RejectReason::parse);
        Self {
            id: p.id,
            status: PhotoStatus::parse(&p.status).unwrap_or(PhotoStatus::Pending),
            source: p.source.as_deref().and_then(PhotoSource::parse),
            uploaded_at: to_shanghai(p.uploaded_at),
            checks: check_views(makeup::stored_checks(&p)),
            reviewed_at: p.reviewed_at.map(to_shanghai),
            reject_reason: reason,
            reject_reason_label: reason.map(|r| r.label_zh().to_owned()),
            comment: p.comment,
        }
    }
}

#[derive(Object)]
struct RevertRequest {
    /// Why the decision is taken back; needed after 2 minutes or for
    /// another reviewer's decision. Kept in the audit log.
    #[oai(
        validator(max_length = 500),
        deserialize_with = "crate::api::strict::string"
    )]
    reason: Option<String>,
}

/// What an upload's `Idempotency-Key` keeps: the photo it stored.
#[derive(serde::Serialize, serde::Deserialize)]
struct FirstUpload {
    photo_id: i64,
}

#[derive(ApiResponse)]
enum Uploaded {
    /// Stored and waiting for review.
    #[oai(status = 201)]
    Created(
        Json<PhotoView>,
        /// `true` when this answers a retry with the same `Idempotency-Key`.
        #[oai(header = "Idempotent-Replay")]
        Option<bool>,
    ),
    /// A blocking check failed (no face, several faces, far too small, no
    /// room around the head for the spec frame); nothing was stored.
    #[oai(status = 422)]
    Refused(Json<ErrorBody>),
}

#[derive(ApiResponse)]
enum Withdrawn {
    #[oai(status = 204)]
    Done,
}

#[derive(Object)]
struct OfflineRequest {
    /// The day of the shot at the collection centre (YYYY-MM-DD).
    taken_on: NaiveDate,
}

/// A make-up shot at the collection centre.
#[derive(Object)]
pub struct OfflineView {
    taken_on: NaiveDate,
    /// Asia/Shanghai.
    declared_at: DateTime<FixedOffset>,
    paper_photo_received_at: Option<DateTime<FixedOffset>>,
    /// Foreign students only.
    e_photo_received_at: Option<DateTime<FixedOffset>>,
}

impl From<offline_makeup::Model> for OfflineView {
    fn from(o: offline_makeup::Model) -> Self {
        Self {
            taken_on: o.taken_on,
            declared_at: to_shanghai(o.declared_at),
            paper_photo_received_at: o.paper_received_at.map(to_shanghai),
            e_photo_received_at: o.e_photo_received_at.map(to_shanghai),
        }
    }
}

/// A declared offline make-up, with where the shot is taken.
#[derive(Object)]
struct OfflineDeclaredView {
    #[oai(flatten)]
    offline: OfflineView,
    /// The collection centre's address, opening hours and phone (the
    /// campaign's `makeup_location`, as in `GET /me/makeup`).
    collection_centre: String,
}

/// The student's make-up: state, both paths and the history of uploads.
#[derive(Object)]
struct MakeupView {
    /// Absent until the student starts a make-up.
    state: Option<MakeupState>,
    /// Last moment for a make-up (Asia/Shanghai).
    deadline: DateTime<FixedOffset>,
    /// The current photo-processing notice was accepted.
    consent_given: bool,
    consent_version: String,
    /// Where and when the collection centre takes make-up shots.
    collection_centre: String,
    /// Newest first; withdrawn and rejected attempts stay in the history.
    photos: Vec<PhotoView>,
    offline: Option<OfflineView>,
}

/// A student as staff see them in make-up lists.
#[derive(Object)]
struct StudentRef {
    /// Roster entry id (the `{id}` of `/staff/students/{id}/...`).
    id: i64,
    student_no: String,
    name: String,
    unit_code: String,
    category: StudentCategory,
    makeup_state: Option<MakeupState>,
}

fn student_ref(entry: roster_entry::Model, unit_code: String) -> StudentRef {
    StudentRef {
        id: entry.id,
        makeup_state: entry.makeup_state.as_deref().and_then(MakeupState::parse),
        category: StudentCategory::parse(&entry.category).unwrap_or(StudentCategory::Domestic),
        student_no: entry.student_no,
        name: entry.name,
        unit_code,
    }
}

/// An upload in the review queue.
#[derive(Object)]
struct ReviewItemView {
    photo: PhotoView,
    student: StudentRef,
    /// Pixel size of the original (after EXIF orientation).
    width: i32,
    height: i32,
    original_bytes: i64,
    /// Fetch with the staff token: `…/image?variant=thumb|normalized|original`.
    image_path: String,
    /// The 120×160 thumbnail for the list (`image_path` with
    /// `?variant=thumb`), fetched with the staff token.
    thumb_path: String,
    /// The student's last rejected upload before this one (a re-upload):
    /// its reason and comment, to check the new photo against.
    previous_rejection: Option<PhotoView>,
}

#[derive(Object)]
struct ReviewPage {
    items: Vec<ReviewItemView>,
    total: u64,
    page: u64,
    page_size: u64,
}

/// `approve`, or `reject` with a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
enum DecisionKind {
    Approve,
    Reject,
}

#[derive(Object)]
struct ReviewRequest {
    decision: DecisionKind,
    /// Required to reject.
    reason_code: Option<RejectReason>,
    /// Shown to the student; required with reason `other`.
    #[oai(
        validator(max_length = 500),
        deserialize_with = "crate::api::strict::string"
    )]
    comment: Option<String>,
}

/// A photo's bytes, sent with their real type: `image/jpeg`, or
/// `image/png` for the original of a PNG upload.
struct Image {
    bytes: Vec<u8>,
    content_type: &'static str,
}

impl Payload for Image {
    const CONTENT_TYPE: &'static str = "image/*";

    fn schema_ref() -> MetaSchemaRef {
        Binary::<Vec<u8>>::schema_ref()
    }
}

impl IntoResponse for Image {
    fn into_response(self) -> poem::Response {
        poem::Response::builder()
            .content_type(self.content_type)
            .body(self.bytes)
    }
}

#[derive(ApiResponse)]
enum ImageResponse {
    /// The image: JPEG (thumbnails, normalised photos and JPEG originals) or
    /// PNG (PNG originals). Never cached by browsers or proxies.
    #[oai(status = 200)]
    Ok(Image, #[oai(header = "Cache-Control")] String),
}

/// A student's offline make-up for staff.
#[derive(Object)]
struct OfflineStudentView {
    student: StudentRef,
    offline: OfflineView,
}

fn offline_views(
    rows: Vec<(roster_entry::Model, String, offline_makeup::Model)>,
) -> Vec<OfflineStudentView> {
    rows.into_iter()
        .map(|(entry, unit, record)| OfflineStudentView {
            student: student_ref(entry, unit),
            offline: record.into(),
        })
        .collect()
}

#[derive(Object)]
struct OfflineList {
    items: Vec<OfflineStudentView>,
}

/// An approved online make-up photo, for the international students office
/// to download.
#[derive(Object)]
struct ApprovedPhotoView {
    /// Photo id (the `{id}` of `/staff/photos/{id}/image`).
    id: i64,
    /// When it was approved (Asia/Shanghai).
    approved_at: DateTime<FixedOffset>,
    /// The CHSI-format 480×640 JPEG (`…/image?variant=normalized`), fetched
    /// with the staff token.
    download_path: String,
}

/// A foreign student and where their photo stands.
#[derive(Object)]
struct IntlStudentView {
    /// The roster entry (its `id` is the `{id}` of
    /// `/intl/students/{id}/e-photo-received`) with the make-up state.
    student: StudentRef,
    /// Status of the student's latest online make-up upload; absent: none.
    latest_upload_status: Option<PhotoStatus>,
    /// The latest approved online make-up photo (after a re-shoot, the new
    /// one); absent while none is approved, or once its files were deleted
    /// under the retention rules.
    approved_photo: Option<ApprovedPhotoView>,
    /// The make-up at the collection centre; `e_photo_received_at` says
    /// whether its e-photo reached the office. Absent: none declared or
    /// recorded.
    offline: Option<OfflineView>,
}

/// The foreign students of one campaign.
#[derive(Object)]
struct IntlStudentList {
    /// The campaign listed.
    campaign_id: i64,
    /// Every foreign student of the campaign, by student number.
    items: Vec<IntlStudentView>,
}

#[derive(ApiResponse)]
enum ExportResponse {
    /// A ZIP archive (streamed): `<student number>.jpg`, the student's latest
    /// approved normalised photo, one per student, and `manifest.csv` (UTF-8
    /// with BOM: student number, name, unit, category, collection code,
    /// file, SHA-256, photo id, approval time in UTC+8).
    /// `Content-Length` is the whole archive's: a download that ends short
    /// of it broke off.
    #[oai(status = 200, content_type = "application/zip")]
    Zip(
        Binary<poem::Body>,
        #[oai(header = "Content-Disposition")] String,
        #[oai(header = "Content-Length")] u64,
    ),
}

/// poem has already streamed the part to an anonymous temporary file; this
/// refuses oversized files and copies the rest to a named one the service
/// can reopen on a blocking thread.
async fn spooled(upload: Upload) -> AppResult<tempfile::TempPath> {
    if upload.size() as u64 > makeup::MAX_PHOTO_BYTES {
        return Err(AppError::new(
            ErrorCode::PayloadTooLarge,
            "照片不能超过 10 MB (the photo must be at most 10 MB)",
        ));
    }
    let path = tempfile::NamedTempFile::new()
        .map_err(AppError::internal)?
        .into_temp_path();
    let mut file = tokio::fs::File::create(&path)
        .await
        .map_err(AppError::internal)?;
    tokio::io::copy(&mut upload.into_async_read(), &mut file)
        .await
        .map_err(AppError::internal)?;
    Ok(path)
}

fn parse_source(source: Option<String>) -> AppResult<Option<PhotoSource>> {
    source
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            PhotoSource::parse(&s).ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidRequest,
                    "source 只能是 camera 或 album (source must be camera or album)",
                )
            })
        })
        .transpose()
}

fn image_path(photo_id: i64) -> String {
    format!("/api/v1/staff/photos/{photo_id}/image")
}

#[OpenApi(tag = "ApiTags::Makeup")]
impl MakeupApi {
    /// The CHSI photo spec for the camera guide
    ///
    /// The same numbers the automatic checks use. No token needed.
    /// Errors: none of its own (503 `service_unavailable` as everywhere).
    #[oai(path = "/makeup/spec", method = "get", operation_id = "makeup_spec")]
    async fn spec(&self) -> AppResult<Json<SpecView>> {
        Ok(Json(SpecView {
            frame_width: photo_spec::FRAME_WIDTH,
            frame_height: photo_spec::FRAME_HEIGHT,
            hairline_from_top: photo_spec::HAIRLINE_BAND.into(),
            eyes_from_top: photo_spec::EYES_BAND.into(),
            face_width: photo_spec::FACE_WIDTH_BAND.into(),
            background_rgb: photo_spec::BACKGROUND_RGB.to_vec(),
            max_upload_bytes: makeup::MAX_PHOTO_BYTES,
            consent_version: makeup::CONSENT_VERSION.to_owned(),
            advice: photo_spec::ADVICE.iter().map(|s| (*s).to_owned()).collect(),
        }))
    }

    /// Accept the photo-processing notice
    ///
    /// Needed once before the first upload.
    /// Errors: 400 `invalid_request` (unknown purpose), 401 `unauthenticated`,
    /// 403 `forbidden`, 409 `consent_version_outdated`.
    #[oai(
        path = "/me/consents",
        method = "post",
        operation_id = "accept_consent"
    )]
    async fn consent(
        &self,
        student: StudentAuth,
        body: Json<ConsentRequest>,
    ) -> AppResult<ConsentRecorded> {
        let c =
            makeup::accept_consent(&self.state.db, student.0, &body.purpose, &body.version).await?;
        Ok(ConsentRecorded::Created(Json(ConsentView {
            purpose: c.purpose,
            version: c.version,
            accepted_at: to_shanghai(c.accepted_at),
        })))
    }

    /// Check a photo without storing it
    ///
    /// Multipart like the upload. Runs every check and answers with all of
    /// them; the photo is not kept. At most 60 checks and uploads per hour.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 413 `payload_too_large`, 415 `unsupported_media_type`,
    /// 422 `image_too_large`, `image_metadata_too_large`, `not_an_image`,
    /// 429 `too_many_attempts`.
    #[oai(
        path = "/me/makeup/precheck",
        method = "post",
        operation_id = "precheck_makeup_photo"
    )]
    async fn precheck(
        &self,
        student: StudentAuth,
        upload: PhotoUpload,
    ) -> AppResult<Json<PrecheckView>> {
        parse_source(upload.source)?;
        let file = spooled(upload.photo).await?;
        makeup::count_attempt(&self.state, student.0).await?;
        let checked = makeup::check_file(&self.state, &file).await?;
        Ok(Json(PrecheckView {
            acceptable: checked.acceptable,
            checks: check_views(checked.checks),
        }))
    }

    /// Upload a make-up photo
    ///
    /// Multipart: `photo` (JPEG or PNG, ≤ 10 MB), optional `source`
    /// (`camera` | `album`). Needs the consent, a bound and eligible student
    /// not yet photographed, without an active booking (one photo path per
    /// student), before the make-up deadline, and no other upload pending.
    /// Warnings are stored for the reviewer; a blocking failure
    /// answers 422 `photo_check_failed` with the checks and stores nothing.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`,
    /// 403 `forbidden`, `not_bound`, `already_has_chsi_photo`, `consent_required`;
    /// 409 `makeup_closed`, `already_photographed`, `collection_code_required`,
    /// `booking_active` (cancel the booking first), `makeup_pending`,
    /// `photo_already_rejected` (the very file of a rejected upload again);
    /// 413 `payload_too_large`; 415 `unsupported_media_type`;
    /// 422 `photo_check_failed`, `image_too_large`, `image_metadata_too_large`,
    /// `not_an_image`;
    /// 429 `too_many_attempts`; 503 `storage_unavailable`.
    #[oai(
        path = "/me/makeup/photos",
        method = "post",
        operation_id = "upload_makeup_photo"
    )]
    async fn upload(
        &self,
        student: StudentAuth,
        /// A retry with the same key, photo and `source` answers the first
        /// upload again (201, `Idempotent-Replay: true`) instead of 409
        /// `makeup_pending`; a refused upload is checked again (the same
        /// file gets the same answer).
        #[oai(name = "Idempotency-Key", validator(pattern = r"^[!-~]{1,255}$"))]
        idempotency_key: Header<Option<String>>,
        upload: PhotoUpload,
    ) -> AppResult<Uploaded> {
        let source = parse_source(upload.source)?;
        let file = spooled(upload.photo).await?;
        let sha = makeup::file_sha256(&file).await?;
        let claim = match idempotency_key.0 {
            Some(key) => {
                let fingerprint = format!("{sha}:{}", source.map_or("", PhotoSource::as_str));
                let account = format!("student:{}", student.0);
                match idempotency::begin(&self.state, &account, &key, fingerprint).await? {
                    Begun::Replay(FirstUpload { photo_id }) => {
                        let photo = makeup::own_photo(&self.state, student.0, photo_id).await?;
                        return Ok(Uploaded::Created(Json(photo.into()), Some(true)));
                    }
                    Begun::Fresh(claim) => Some(claim),
                }
            }
            None => None,
        };
        let outcome = match makeup::count_attempt(&self.state, student.0).await {
            Ok(()) => makeup::upload(&self.state, student.0, &file, &sha, source).await,
            Err(err) => Err(err),
        };
        match (claim, &outcome) {
            (Some(claim), Ok(UploadOutcome::Stored(photo))) => {
                let first = FirstUpload { photo_id: photo.id };
                idempotency::finish(&self.state, claim, first).await;
            }
            (Some(claim), _) => idempotency::release(&self.state, claim).await,
            (None, _) => {}
        }
        Ok(match outcome? {
            UploadOutcome::Stored(photo) => Uploaded::Created(Json((*photo).into()), None),
            UploadOutcome::Refused(checks) => Uploaded::Refused(Json(ErrorBody {
                code: ErrorCode::PhotoCheckFailed.as_str().to_owned(),
                message: ErrorCode::PhotoCheckFailed.default_message().to_owned(),
                errors: None,
                error_count: None,
                checks: Some(check_views(checks)),
            })),
        })
    }

    /// The student's make-up
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`.
    #[oai(path = "/me/makeup", method = "get", operation_id = "my_makeup")]
    async fn mine(&self, student: StudentAuth) -> AppResult<Json<MakeupView>> {
        let o = makeup::overview(&self.state, student.0).await?;
        Ok(Json(MakeupView {
            state: o.state,
            deadline: to_shanghai(o.deadline),
            consent_given: o.consent_given,
            consent_version: makeup::CONSENT_VERSION.to_owned(),
            collection_centre: o.location,
            photos: o.photos.into_iter().map(PhotoView::from).collect(),
            offline: o.offline.map(OfflineView::from),
        }))
    }

    /// Withdraw a pending upload
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
    /// (no such upload of this student), 409 `photo_not_pending`.
    #[oai(
        path = "/me/makeup/photos/:id",
        method = "delete",
        operation_id = "withdraw_makeup_photo"
    )]
    async fn withdraw(&self, student: StudentAuth, id: Path<i64>) -> AppResult<Withdrawn> {
        makeup::withdraw(&self.state, student.0, id.0).await?;
        Ok(Withdrawn::Done)
    }

    /// Declare a make-up shot at the collection centre
    ///
    /// Then hand the paper photo to the unit secretary (foreign students also
    /// send the e-photo to the international students office). Declaring
    /// again corrects the date. The answer repeats the collection centre's
    /// address and hours (`collection_centre`).
    /// Errors: 400 `invalid_request` (date in the future or after the
    /// deadline), 401 `unauthenticated`, 403 `forbidden`, `not_bound`,
    /// `already_has_chsi_photo`; 409 `makeup_closed`, `already_photographed`,
    /// `collection_code_required`, `booking_active` (cancel the booking first).
    #[oai(
        path = "/me/makeup/offline",
        method = "post",
        operation_id = "declare_offline_makeup"
    )]
    async fn offline(
        &self,
        student: StudentAuth,
        body: Json<OfflineRequest>,
    ) -> AppResult<Json<OfflineDeclaredView>> {
        let (record, centre) =
            makeup::declare_offline(&self.state, student.0, body.taken_on).await?;
        Ok(Json(OfflineDeclaredView {
            offline: record.into(),
            collection_centre: centre,
        }))
    }

    /// Uploads to review
    ///
    /// A secretary sees their own unit (asking for another is 403); an admin
    /// all units or `unit`. `status` defaults to `pending`; oldest first.
    /// Pages start at 1; `page_size` ≤ 100 (default 20).
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (unknown unit).
    #[oai(path = "/staff/reviews", method = "get", operation_id = "review_queue")]
    async fn reviews(
        &self,
        staff: UnitViewerAuth,
        status: Query<Option<PhotoStatus>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))] page: Query<
            Option<u64>,
        >,
        #[oai(validator(minimum(value = "1"), maximum(value = "100")))] page_size: Query<
            Option<u64>,
        >,
    ) -> AppResult<Json<ReviewPage>> {
        let scope = unit_scope(&staff.0, unit.0)?;
        let page = page.0.unwrap_or(1);
        let page_size = page_size.0.unwrap_or(20);
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                None,
                format!(
                    "review queue, unit {}, page {page}",
                    scope.as_deref().unwrap_or("all")
                ),
            )
            .await?;
        let (items, total) = makeup::review_queue(
            &self.state.db,
            scope.as_deref(),
            status.0.unwrap_or(PhotoStatus::Pending),
            page,
            page_size,
        )
        .await?;
        Ok(Json(ReviewPage {
            items: items
                .into_iter()
                .map(|i| ReviewItemView {
                    width: i.photo.width,
                    height: i.photo.height,
                    original_bytes: i.photo.original_bytes,
                    image_path: image_path(i.photo.id),
                    thumb_path: format!("{}?variant=thumb", image_path(i.photo.id)),
                    student: student_ref(i.entry, i.unit_code),
                    photo: i.photo.into(),
                    previous_rejection: i.previous_rejection.map(Into::into),
                })
                .collect(),
            total,
            page,
            page_size,
        }))
    }

    /// A stored photo
    ///
    /// `variant`: `thumb` (default), `normalized` (the CHSI-format JPEG) or
    /// `original` (as uploaded; PNG originals keep their bytes). Secretaries:
    /// own unit; international office: foreign students; admins: all.
    /// Every successful read is written to the audit log.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 410 `photo_deleted` (removed under the retention rules),
    /// 503 `storage_unavailable`.
    #[oai(
        path = "/staff/photos/:id/image",
        method = "get",
        operation_id = "photo_image"
    )]
    async fn image(
        &self,
        staff: PhotoViewerAuth,
        id: Path<i64>,
        variant: Query<Option<Variant>>,
    ) -> AppResult<ImageResponse> {
        let (bytes, content_type) = makeup::image(
            &self.state,
            (&staff.0.assignment, &staff.0.actor()),
            id.0,
            variant.0.unwrap_or(Variant::Thumb),
        )
        .await?;
        Ok(ImageResponse::Ok(
            Image {
                bytes,
                content_type,
            },
            "private, no-store".to_owned(),
        ))
    }

    /// Take a review decision back
    ///
    /// The upload waits for review again (the student sees it pending). The
    /// reviewer may within 2 minutes of deciding without `reason`; later, or
    /// for someone else's decision, the unit secretary (own unit) or an admin
    /// with `reason`. Audited.
    /// Errors: 400 `invalid_request` (no reason where one is needed),
    /// 401 `unauthenticated`, 403 `forbidden` (another unit), 404 `not_found`,
    /// 409 `photo_not_pending` (not decided), `already_reviewed` (changed
    /// meanwhile), `decision_final` (the student uploaded again, booked,
    /// declared an offline make-up, or the photo's files are deleted).
    #[oai(
        path = "/staff/reviews/:photo_id/revert",
        method = "post",
        operation_id = "revert_review"
    )]
    async fn revert(
        &self,
        staff: UnitViewerAuth,
        photo_id: Path<i64>,
        body: Json<RevertRequest>,
    ) -> AppResult<Json<PhotoView>> {
        let reason = body.0.reason.filter(|r| !r.trim().is_empty());
        let StaffCaller {
            staff_id,
            assignment,
            ..
        } = &staff.0;
        let photo = makeup::revert_decision(
            &self.state,
            (*staff_id, assignment),
            photo_id.0,
            reason.clone(),
        )
        .await?;
        let why = reason.map(|r| format!(": {r}")).unwrap_or_default();
        staff
            .0
            .audit(
                &self.state,
                AuditAction::ReviewDecided,
                Some(photo.roster_entry_id),
                format!("photo {} decision taken back{why}", photo.id),
            )
            .await?;
        Ok(Json(photo.into()))
    }

    /// Approve or reject an upload
    ///    /// Approve or reject an upload
    ///
    /// Rejecting needs `reason_code`; `other` also needs `comment`. The first
    /// of two reviewers wins; the second gets 409 `already_reviewed`.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`
    /// (another unit), 404 `not_found`, 409 `already_reviewed`.
    #[oai(
        path = "/staff/reviews/:photo_id",
        method = "post",
        operation_id = "review_photo"
    )]
    async fn review(
        &self,
        staff: UnitViewerAuth,
        photo_id: Path<i64>,
        body: Json<ReviewRequest>,
    ) -> AppResult<Json<PhotoView>> {
        let decision = match body.0.decision {
            DecisionKind::Approve => Decision::Approve,
            DecisionKind::Reject => Decision::Reject {
                reason: body.0.reason_code.ok_or_else(|| {
                    AppError::new(
                        ErrorCode::InvalidRequest,
                        "退回时必须选择原因 (reason_code is required to reject)",
                    )
                })?,
                comment: body.0.comment,
            },
        };
        let StaffCaller {
            staff_id,
            assignment,
            ..
        } = &staff.0;
        let photo =
            makeup::decide(&self.state, (*staff_id, assignment), photo_id.0, decision).await?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::ReviewDecided,
                Some(photo.roster_entry_id),
                format!(
                    "photo {} {}{}",
                    photo.id,
                    photo.status,
                    photo
                        .reason_code
                        .as_deref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                ),
            )
            .await?;
        Ok(Json(photo.into()))
    }

    /// Record a paper photo as received
    ///
    /// `{id}` is the roster entry id. Creates the offline record if the
    /// student never declared one, unless the student took the online path
    /// (409 `makeup_in_progress`, naming the student: most likely a mistyped
    /// number). Recording twice keeps the first receipt.
    /// Errors: 401 `unauthenticated`, 403 `forbidden` (another unit),
    /// 404 `not_found`, 409 `makeup_in_progress`.
    #[oai(
        path = "/staff/students/:id/paper-photo-received",
        method = "post",
        operation_id = "paper_photo_received"
    )]
    async fn paper_received(
        &self,
        staff: UnitViewerAuth,
        id: Path<i64>,
    ) -> AppResult<Json<OfflineStudentView>> {
        self.received(&staff.0, id.0, HandedIn::PaperPhoto).await
    }

    /// Take a paper photo's receipt back
    ///
    /// Within 2 minutes (recorded for the wrong student): the receipt is
    /// cleared, and an offline record the receipt itself created (the student
    /// never declared one) is removed. Audited.
    /// Errors: 401 `unauthenticated`, 403 `forbidden` (another unit),
    /// 404 `not_found` (no receipt), 409 `undo_window_passed`.
    #[oai(
        path = "/staff/students/:id/paper-photo-received",
        method = "delete",
        operation_id = "undo_paper_photo_received"
    )]
    async fn undo_paper_received(
        &self,
        staff: UnitViewerAuth,
        id: Path<i64>,
    ) -> AppResult<Withdrawn> {
        let entry = makeup::undo_paper_received(&self.state, &staff.0.assignment, id.0).await?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::Undone,
                Some(entry.id),
                "paper photo receipt",
            )
            .await?;
        Ok(Withdrawn::Done)
    }

    /// Offline make-ups in scope
    ///
    /// By default only those whose paper photo has not arrived
    /// (`awaiting_paper_photo`); `all=true` lists every offline make-up.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (unknown unit).
    #[oai(
        path = "/staff/paper-photos",
        method = "get",
        operation_id = "paper_photos"
    )]
    async fn paper_photos(
        &self,
        staff: UnitViewerAuth,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        all: Query<Option<bool>>,
    ) -> AppResult<Json<OfflineList>> {
        let scope = unit_scope(&staff.0, unit.0)?;
        let states: &[MakeupState] = if all.0.unwrap_or(false) {
            &[]
        } else {
            &[MakeupState::AwaitingPaperPhoto]
        };
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                None,
                format!("paper photos, unit {}", scope.as_deref().unwrap_or("all")),
            )
            .await?;
        let rows = makeup::offline_list(&self.state.db, scope.as_deref(), states).await?;
        Ok(Json(OfflineList {
            items: offline_views(rows),
        }))
    }

    /// Record a foreign student's e-photo as received
    ///
    /// International students office (or admin). `{id}` is the roster entry id.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
    /// (no such student, or not a foreign student).
    #[oai(
        path = "/intl/students/:id/e-photo-received",
        method = "post",
        operation_id = "e_photo_received"
    )]
    async fn e_photo_received(
        &self,
        staff: IntlAuth,
        id: Path<i64>,
    ) -> AppResult<Json<OfflineStudentView>> {
        self.received(&staff.0, id.0, HandedIn::EPhoto).await
    }

    /// Export approved make-up photos for the collection centre
    ///
    /// Streams a ZIP with each student's latest approved photo; `since`
    /// (RFC 3339) keeps those approved at or after that moment, for
    /// incremental transfers. Every file is checked to be in storage before
    /// the first byte and the archive's length is sent up front; a storage
    /// failure after that breaks the download off short of that length
    /// (never a short archive that looks complete).
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 500 `internal_error` (an approved photo's file is missing; nothing
    /// is sent), 503 `storage_unavailable`.
    #[oai(
        path = "/admin/campaigns/:id/makeup-export",
        method = "get",
        operation_id = "makeup_export"
    )]
    async fn export(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        since: Query<Option<DateTime<FixedOffset>>>,
    ) -> AppResult<ExportResponse> {
        let since = since.0.map(|t| t.with_timezone(&chrono::Utc));
        let archive = makeup_export::export(&self.state, id.0, since).await?;
        admin
            .0
            .audit(
                &self.state,
                AuditAction::DataExported,
                None,
                format!("make-up photos ZIP of campaign {}", id.0),
            )
            .await?;
        let stamp = to_shanghai(chrono::Utc::now()).format("%Y%m%d-%H%M");
        Ok(ExportResponse::Zip(
            Binary(poem::Body::from_bytes_stream(archive.bytes)),
            format!("attachment; filename=\"makeup-{}-{stamp}.zip\"", id.0),
            archive.len,
        ))
    }

    /// Foreign students and their photos, across units
    ///
    /// Every foreign student of the open campaign (or `campaign_id`), by
    /// student number: the make-up state, the latest online upload's status,
    /// the approved online photo to download (`approved_photo.download_path`)
    /// and the offline make-up with its paper-photo and e-photo receipts.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
    /// (campaign), 409 `no_open_campaign`.
    #[oai(
        path = "/intl/students",
        method = "get",
        operation_id = "intl_students"
    )]
    async fn intl_students(
        &self,
        staff: IntlAuth,
        #[oai(name = "campaign")] campaign_id: Query<Option<i64>>,
    ) -> AppResult<Json<IntlStudentList>> {
        let campaign_id = campaign::asked_or_open(&self.state.db, campaign_id.0)
            .await?
            .id;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                None,
                format!("foreign students of campaign {campaign_id}"),
            )
            .await?;
        let students = intl::foreign_students(&self.state.db, campaign_id).await?;
        Ok(Json(IntlStudentList {
            campaign_id,
            items: students
                .into_iter()
                .map(|s| IntlStudentView {
                    student: student_ref(s.entry, s.unit_code),
                    latest_upload_status: s.latest_upload,
                    approved_photo: s.approved_photo.map(|p| ApprovedPhotoView {
                        id: p.id,
                        approved_at: to_shanghai(p.approved_at),
                        download_path: format!("{}?variant=normalized", image_path(p.id)),
                    }),
                    offline: s.offline.map(OfflineView::from),
                })
                .collect(),
        }))
    }
}

impl MakeupApi {
    async fn received(
        &self,
        staff: &StaffCaller,
        entry_id: i64,
        what: HandedIn,
    ) -> AppResult<Json<OfflineStudentView>> {
        let (entry, unit, record) = makeup::record_received(
            &self.state,
            (staff.staff_id, &staff.assignment),
            entry_id,
            what,
        )
        .await?;
        staff
            .audit(
                &self.state,
                AuditAction::HandInRecorded,
                Some(entry.id),
                format!("{what:?} received"),
            )
            .await?;
        Ok(Json(OfflineStudentView {
            student: student_ref(entry, unit),
            offline: record.into(),
        }))
    }
}
