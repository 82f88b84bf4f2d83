export interface paths {
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Every staff read of a photo or a student's record, every review
         *     decision, import, export, binding change, staff-account change,
         *     consent withdrawal and retention run. Filters: `student` (student
         *     number), `actor` (staff username), `action`, `from`/`to` (RFC 3339; `to` is
         *     exclusive). Newest first, `limit` ≤ 500 (default 100); page with
         *     `before_id`. The log is append-only: no operation edits or deletes it.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["audit_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campaigns, newest first
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["list_campaigns"];
        put?: never;
        /**
         * Create a campaign
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     409 `another_campaign_open` (creating it `open` while another is).
         */
        post: operations["create_campaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One campaign
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["get_campaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a campaign (name, year, deadlines, status, notes, contacts)
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `another_campaign_open`.
         */
        patch: operations["update_campaign"];
        trace?: never;
    };
    "/admin/campaigns/{id}/chsi-statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a CHSI status list (all-or-nothing)
         * @description Statuses replace the current ones and are added to each student's
         *     history with this import's id. A row is as of its `date` (else the
         *     import day); a row dated before the student's current status is only
         *     added to the history (`applied: false`), so an older list imported
         *     late changes nothing. Students not in the file keep their status
         *     (`not_uploaded` if never listed). Unknown students, bad
         *     statuses, duplicate or conflicting rows: 422 `invalid_rows`, nothing
         *     imported (`error_count` problems, the first 200 listed). The file's
         *     limits are the roster's: 422 `too_many_rows` over 100,000 rows, 422
         *     `archive_too_large` for an XLSX part that would inflate past its limit.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
         *     `archive_too_large`.
         */
        post: operations["import_chsi_statuses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}/graduate-platform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the list of students whose e-photo is on the graduate platform
         * @description Same rules as the status import. A student already marked keeps the
         *     first date.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
         *     `archive_too_large`.
         */
        post: operations["import_graduate_platform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}/makeup-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export approved make-up photos for the collection centre
         * @description Streams a ZIP with each student's latest approved photo; `since`
         *     (RFC 3339) keeps those approved at or after that moment, for
         *     incremental transfers. Every file is checked to be in storage before
         *     the first byte and the archive's length is sent up front; a storage
         *     failure after that breaks the download off short of that length
         *     (never a short archive that looks complete).
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     500 `internal_error` (an approved photo's file is missing; nothing
         *     is sent), 503 `storage_unavailable`.
         */
        get: operations["makeup_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse a campaign's roster
         * @description Filters: `unit` (unit code), `q` (part of a name or student number),
         *     `status` (a `next_action` code). Pages start at 1; `page_size` ≤ 200.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (campaign, or an unknown unit).
         */
        get: operations["list_roster"];
        put?: never;
        /**
         * Import the roster (all-or-nothing upsert by student number)
         * @description Multipart field `file`. Existing students are updated, new ones added;
         *     bindings and collection codes are kept. A file with any bad row changes
         *     nothing and answers 422 `invalid_rows`: `error_count` problems, the
         *     first 200 listed in `errors`. A file of more than 100,000 rows is 422
         *     `too_many_rows`; an XLSX with a part that would inflate past its limit
         *     (a worksheet 64 MB, the shared strings 32 MB, any other part 4 MB) is
         *     422 `archive_too_large`, refused before it is inflated.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
         *     `archive_too_large`.
         */
        post: operations["import_roster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a campaign's sessions with their slots
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["list_sessions"];
        put?: never;
        /**
         * Create a collection session and its slots
         * @description Slots are cut from each window by `slot_minutes`, each with
         *     `capacity_per_slot` places. Errors: 400 `invalid_request` (bad windows,
         *     lengths, capacity), 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (campaign, or an unknown campus or unit).
         */
        post: operations["create_session"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List campuses
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["list_campuses"];
        put?: never;
        /**
         * Create a campus
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     409 `already_exists`.
         */
        post: operations["create_campus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campuses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a campus
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        patch: operations["update_campus"];
        trace?: never;
    };
    "/admin/error-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forwarded error-report batches
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["error_batches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/error-batches/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export one batch (CSV or XLSX)
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`.
         */
        get: operations["export_error_batch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/error-batches/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reports of one batch
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["error_batch_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/error-reports/{id}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an error report
         * @description Only reports the unit has forwarded. `reshoot_needed` opens the
         *     make-up path again for the student, sets the current CHSI status back
         *     to `not_uploaded` until a list gives the new photo's (history kept)
         *     and the self-check starts over; the student sees the resolution at once.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `already_resolved`, `report_not_forwarded`.
         */
        post: operations["resolve_error_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/import-templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An empty import file with the right header
         * @description For the roster, the CHSI status list or the graduate-platform list:
         *     the header row only (Chinese column names the import reads), CSV in
         *     UTF-8 with a BOM or XLSX, so a file filled in from it imports.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["import_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the retention job now
         * @description Applies every campaign's retention periods (`retain_*_days`): deletes
         *     originals of approved uploads, rejected and withdrawn uploads, and
         *     every photo and personal detail of campaigns closed long enough. It
         *     also runs by itself every hour. `dry_run` only counts. Idempotent; a
         *     real run is written to the audit log.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 409 `retention_running`,
         *     503 `storage_unavailable`.
         */
        post: operations["run_retention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One session with its slots
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["get_session"];
        put?: never;
        post?: never;
        /**
         * Delete a session that nobody has booked
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     409 `session_has_bookings`.
         */
        delete: operations["delete_session"];
        options?: never;
        head?: never;
        /**
         * Change a session
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (session, or an unknown unit), 409 `session_has_bookings` (day, windows or slot
         *     length changed after someone booked), 409 `capacity_below_bookings`.
         */
        patch: operations["update_session"];
        trace?: never;
    };
    "/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List staff accounts
         * @description Errors: 401 `unauthenticated`, 403 `forbidden` (not an admin).
         */
        get: operations["list_staff"];
        put?: never;
        /**
         * Create a staff account
         * @description Errors: 400 `invalid_request` (bad username, password, or role/unit
         *     combination), 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (unknown unit), 409 `username_taken`.
         */
        post: operations["create_staff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Disable, enable or reset the password of a staff account
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `cannot_disable_self`, `current_password_required`.
         */
        patch: operations["update_staff"];
        trace?: never;
    };
    "/admin/students/{id}/binding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Free a roster entry from its WeChat account
         * @description For a student who bound the wrong entry or changed WeChat account (a
         *     student finding their entry taken is told to ask the unit secretary).
         *     Admins: any entry; unit secretaries: their own unit's (another unit's
         *     is 403, as for every per-student staff operation). `{id}` is the
         *     roster entry id.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        delete: operations["unbind_student"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/students/{id}/collection-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or clear a student's collection code
         * @description For a code the student can no longer change (after the shot) or one
         *     that two students claim: `null` clears it, so the student is asked
         *     for it again. Same rules as the student's own save (printable, one
         *     student per code). Admins: any entry; unit secretaries: their own
         *     unit's. `{id}` is the roster entry id. Audited (never the code).
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `collection_code_in_use`.
         */
        put: operations["set_student_collection_code"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List training units
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["list_units"];
        put?: never;
        /**
         * Create a training unit
         * @description Errors: 400 `invalid_request` (bad code), 401 `unauthenticated`,
         *     403 `forbidden`, 404 `not_found` (unknown campus), 409 `already_exists`.
         */
        post: operations["create_unit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a unit or move it to another campus
         * @description Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (no such unit, or an unknown campus).
         */
        patch: operations["update_unit"];
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Revokes the presented token at once on every instance.
         *     Errors: 401 `unauthenticated`, 503 `service_unavailable`.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff login with username and password
         * @description Returns a token valid for 12 hours. Unknown user and wrong password
         *     give the same answer. One address may try one username 5 times, and
         *     all usernames 30 times, in 15 minutes (a successful login does not
         *     count); beyond that, 429. After 5 failures of one username from
         *     anywhere, each further attempt on it is answered after a delay
         *     (0.5 s, doubling to 8 s) instead of being refused, so failures
         *     elsewhere never lock the owner out. Failures and limits reached are
         *     written to the audit log (`staff_login_failed`).
         *     Errors: 400 `invalid_request`, 401 `invalid_credentials`,
         *     429 `too_many_attempts`, 503 `service_unavailable`.
         */
        post: operations["login_staff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Student login with WeChat
         * @description Exchanges a `wx.login()` code with WeChat (`jscode2session`) for the
         *     student's openid and returns a token valid for 7 days.
         *     Errors: 400 `invalid_request` (empty or over-long code),
         *     401 `wechat_code_invalid` (invalid or already used code),
         *     401 `dev_login_disabled` (`dev:` code while an appid is configured),
         *     429 `wechat_rate_limited`, 503 `wechat_unavailable` (WeChat down,
         *     slow or answering garbage), 503 `service_unavailable`.
         */
        post: operations["login_wechat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a slot
         * @description Errors: 401 `unauthenticated`; 403 `forbidden`, `not_bound`,
         *     `already_has_chsi_photo`, `session_not_for_unit`; 404 `not_found`
         *     (no such slot); 409 `booking_closed`, `slot_full`, `already_booked`,
         *     `collection_code_required`, `already_photographed` (on site, make-up
         *     or a CHSI list), `makeup_in_progress` (one photo path per student).
         */
        post: operations["book_slot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the student's own bookings
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
         *     (including another student's booking).
         */
        get: operations["get_booking"];
        put?: never;
        post?: never;
        /**
         * Cancel a booking
         * @description Allowed until the campaign's cutoff (default 2 hours) before the slot.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     409 `cancel_window_closed`, `booking_not_active`.
         */
        delete: operations["cancel_booking"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bookings/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The check-in code for a booking
         * @description Shown by the mini-program as a QR code; on-site staff scan it.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     409 `booking_not_active`.
         */
        get: operations["check_in_code"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bookings/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a booking to another slot
         * @description Atomic: either the new seat is taken and the old one freed, or nothing
         *     changes. Same rules as booking, and the cancel cutoff applies to the
         *     old slot. Errors: 401 `unauthenticated`; 403 `forbidden`,
         *     `session_not_for_unit`; 404 `not_found`; 409 `booking_closed`,
         *     `slot_full`, `cancel_window_closed`, `booking_not_active`.
         */
        post: operations["reschedule_booking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intl/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Foreign students and their photos, across units
         * @description Every foreign student of the open campaign (or `campaign_id`), by
         *     student number: the make-up state, the latest online upload's status,
         *     the approved online photo to download (`approved_photo.download_path`)
         *     and the offline make-up with its paper-photo and e-photo receipts.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
         *     (campaign), 409 `no_open_campaign`.
         */
        get: operations["intl_students"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intl/students/{id}/e-photo-received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a foreign student's e-photo as received
         * @description International students office (or admin). `{id}` is the roster entry id.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
         *     (no such student, or not a foreign student).
         */
        post: operations["e_photo_received"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/makeup/spec": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CHSI photo spec for the camera guide
         * @description The same numbers the automatic checks use. No token needed.
         *     Errors: none of its own (503 `service_unavailable` as everywhere).
         */
        get: operations["makeup_spec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The student's status screen
         * @description Profile, the open campaign's deadlines, the booking and make-up, and a
         *     status summary ending in `next_action`, in order of the steps:
         *     `wait_for_campaign`, `bind_roster`, `save_collection_code`,
         *     `book_session` / `attend_session`, `make_up_photo` (after a no-show or
         *     when no session is left) or the make-up steps
         *     (`wait_for_makeup_review`, `reupload_makeup`, `hand_in_paper_photo`,
         *     `send_e_photo`, `retake_photo`), then `wait_for_chsi_upload`,
         *     `self_check_photo` / `report_verification_failure`,
         *     `wait_for_error_report`, `wait_for_chsi_verification`,
         *     `upload_to_graduate_platform`, `done`. A student already on CHSI
         *     binds and has one step: `upload_to_graduate_platform`. The journeys
         *     are in docs/journeys.md.
         *     Errors: 401 `unauthenticated`, 403 `forbidden` (a staff token).
         */
        get: operations["student_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/binding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind this WeChat account to the roster
         * @description Matches student number and name in the open campaign's roster, and
         *     the last characters of the ID document when the roster has them.
         *     Binding the same entry again is harmless. At most 10 attempts per hour.
         *     A student already on CHSI binds too (`eligibility` then says so).
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_on_roster` (no such student, or the name or the ID suffix
         *     does not match: the answer does not say which),
         *     409 `roster_entry_taken` (bound to another WeChat account),
         *     409 `already_bound` (this account is bound to another entry),
         *     409 `no_open_campaign`, 429 `too_many_attempts`.
         */
        post: operations["bind_roster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/collection-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save the CHSI image collection code
         * @description Required before booking for domestic and HK/Macao/Taiwan students;
         *     foreign students use their student number. Saving again replaces it,
         *     until the student is photographed: then only the unit secretary can
         *     correct it. A code is one student's: one another student of the
         *     campaign saved is refused. Every save is audited (never the code).
         *     Errors: 400 `invalid_request` (empty, over 512 characters, or with
         *     control or invisible characters), 401 `unauthenticated`,
         *     403 `forbidden`, 403 `not_bound`, 409 `collection_code_in_use`,
         *     `collection_code_locked`.
         */
        put: operations["save_collection_code"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the photo-processing notice
         * @description Needed once before the first upload.
         *     Errors: 400 `invalid_request` (unknown purpose), 401 `unauthenticated`,
         *     403 `forbidden`, 409 `consent_version_outdated`.
         */
        post: operations["accept_consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/consents/{purpose}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw the photo-processing consent
         * @description `{purpose}` is `makeup_photo`. Possible until a photo is approved
         *     (then 409 `photo_already_approved`): unreviewed uploads are withdrawn
         *     and their files deleted at once. Uploading again needs a new consent.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (no
         *     consent given), 409 `photo_already_approved`, 503 `storage_unavailable`.
         */
        delete: operations["withdraw_consent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/graduate-platform-upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Say the CHSI e-photo is on the graduate platform
         * @description The last step before applying for the defence. Needs a photo that
         *     passed CHSI verification (or an existing CHSI photo). Saying it again
         *     keeps the first date.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`;
         *     409 `photo_not_verified`.
         */
        post: operations["graduate_platform_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/makeup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The student's make-up
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`.
         */
        get: operations["my_makeup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/makeup/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a make-up shot at the collection centre
         * @description Then hand the paper photo to the unit secretary (foreign students also
         *     send the e-photo to the international students office). Declaring
         *     again corrects the date. The answer repeats the collection centre's
         *     address and hours (`collection_centre`).
         *     Errors: 400 `invalid_request` (date in the future or after the
         *     deadline), 401 `unauthenticated`, 403 `forbidden`, `not_bound`,
         *     `already_has_chsi_photo`; 409 `makeup_closed`, `already_photographed`,
         *     `collection_code_required`, `booking_active` (cancel the booking first).
         */
        post: operations["declare_offline_makeup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/makeup/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a make-up photo
         * @description Multipart: `photo` (JPEG or PNG, ≤ 10 MB), optional `source`
         *     (`camera` | `album`). Needs the consent, a bound and eligible student
         *     not yet photographed, without an active booking (one photo path per
         *     student), before the make-up deadline, and no other upload pending.
         *     Warnings are stored for the reviewer; a blocking failure
         *     answers 422 `photo_check_failed` with the checks and stores nothing.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`,
         *     403 `forbidden`, `not_bound`, `already_has_chsi_photo`, `consent_required`;
         *     409 `makeup_closed`, `already_photographed`, `collection_code_required`,
         *     `booking_active` (cancel the booking first), `makeup_pending`,
         *     `photo_already_rejected` (the very file of a rejected upload again);
         *     413 `payload_too_large`; 415 `unsupported_media_type`;
         *     422 `photo_check_failed`, `image_too_large`, `image_metadata_too_large`,
         *     `not_an_image`;
         *     429 `too_many_attempts`; 503 `storage_unavailable`.
         */
        post: operations["upload_makeup_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/makeup/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw a pending upload
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
         *     (no such upload of this student), 409 `photo_not_pending`.
         */
        delete: operations["withdraw_makeup_photo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/makeup/precheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a photo without storing it
         * @description Multipart like the upload. Runs every check and answers with all of
         *     them; the photo is not kept. At most 60 checks and uploads per hour.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     413 `payload_too_large`, 415 `unsupported_media_type`,
         *     422 `image_too_large`, `image_metadata_too_large`, `not_an_image`,
         *     429 `too_many_attempts`.
         */
        post: operations["precheck_makeup_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/self-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The student's self-check screen
         * @description CHSI status, deadline, the allowed reasons and the student's reports.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`.
         */
        get: operations["my_self_check"];
        put?: never;
        /**
         * Confirm the photo on CHSI, or report a real error
         * @description `{"result": "confirmed"}` or `{"result": "error", "reason_code": …,
         *     "detail": …}`. Only real errors may be reported (`photo_missing`,
         *     `not_me`, `wrong_identity_data`, `verification_failed`, `other` with a
         *     detail); disliking how the photo looks is not one. Opens once the
         *     photo is on CHSI; `photo_missing` can also be reported for a photo
         *     taken at least the campaign's `photo_missing_after_days` (default 14)
         *     ago that no CHSI list shows yet. Closes at the campaign's self-check
         *     deadline; while a report is unresolved nothing else can be sent.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     `not_bound`; 409 `photo_not_on_chsi_yet`, `self_check_closed`,
         *     `error_report_open`.
         */
        post: operations["self_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record accepted subscriptions
         * @description Each accepted template allows one message (WeChat's one-time
         *     subscription); accepting again adds one more, up to 50.
         *     Errors: 400 `invalid_request` (empty, more than 20, or an unknown
         *     template id: then nothing is recorded), 401 `unauthenticated`,
         *     403 `forbidden`.
         */
        post: operations["subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/subscriptions/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscribe-message templates to ask for
         * @description The templates this deployment sends, what each is for, and how many
         *     messages of each the student still allows. Ask the student with
         *     `wx.requestSubscribeMessage` (at most 3 at a time), then report the
         *     accepted ones with `POST /me/subscriptions`. Empty when the deployment
         *     sends no messages.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`.
         */
        get: operations["subscription_templates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onsite/attendances/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a check-in back
         * @description Within 2 minutes (the wrong student at the door): a walk-in's record
         *     is cancelled and not counted; a booked student's booking is booked
         *     again. Audited.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     409 `not_checked_in`, `undo_window_passed`.
         */
        delete: operations["undo_check_in"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onsite/attendances/{id}/photographed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a checked-in student photographed
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`,
         *     `already_has_chsi_photo`; 404 `not_found`; 409 `not_checked_in`,
         *     `collection_code_required`, `makeup_in_progress`, `already_photographed`.
         */
        post: operations["mark_photographed"];
        /**
         * Take "photographed" back
         * @description Within 2 minutes of marking (a slip of the finger): the student is
         *     checked in again and the fee not recorded. Audited.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     409 `not_checked_in` (not photographed), `undo_window_passed`.
         */
        delete: operations["undo_photographed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onsite/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a student in from their code
         * @description Accepted on the session's day (Asia/Shanghai). Scanning the same code
         *     again gives the same answer and changes nothing.
         *     A student who must not be photographed is refused, with the student's
         *     number and name and the reason written for staff.
         *     Errors: 400 `invalid_request`, `invalid_check_in_code` (forged,
         *     damaged or stale); 401 `unauthenticated`; 403 `forbidden`,
         *     `already_has_chsi_photo` (do not shoot); 409 `check_in_code_expired`,
         *     `not_session_day`, `wrong_session`, `booking_not_active`,
         *     `collection_code_required` (凡无采集码者，不能拍摄), `makeup_in_progress`,
         *     `already_photographed`.
         */
        post: operations["check_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/onsite/walk-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in a student who comes without a booking
         * @description For a roster student whose unit this session serves, found by student
         *     number whether or not they ever opened the mini-program, on the
         *     session's day; the walk-in takes no bookable place. A student booked
         *     for this session is simply checked in. A refused walk-in records
         *     nothing; answers name the student and are written for staff.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`; 403 `forbidden`,
         *     `already_has_chsi_photo` (do not shoot), `session_not_for_unit`;
         *     404 `not_found`, `not_on_roster`; 409 `not_session_day`,
         *     `already_booked` (booked for another session, which the message
         *     names; see `move_booking`), `slot_full` (no seat to move it to),
         *     `booking_not_active`, `no_open_campaign`,
         *     `collection_code_required`, `makeup_in_progress`, `already_photographed`.
         */
        post: operations["walk_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sessions the student may book now, with places left per slot
         * @description Only sessions of the student's campus (or that list the student's
         *     unit) whose booking window is open. A student without a collection
         *     code sees them too, with `booking_refused` saying why booking waits.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`,
         *     `already_has_chsi_photo`.
         */
        get: operations["list_available_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The student's place in a session's waitlist
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (not waiting there).
         */
        get: operations["waitlist_place"];
        put?: never;
        /**
         * Join the waitlist of a full session
         * @description When a seat frees, the first student waiting who is still eligible gets
         *     it automatically (a booking appears in `GET /me`). A student waits in
         *     one queue at most and never while holding a booking; booking directly
         *     leaves the queue. Joining again is harmless.
         *     Errors: 401 `unauthenticated`; 403 `forbidden`, `not_bound`,
         *     `already_has_chsi_photo`, `session_not_for_unit`; 404 `not_found`;
         *     409 `booking_closed`, `session_not_full`, `already_booked`,
         *     `already_waiting`, `collection_code_required`, `already_photographed`,
         *     `makeup_in_progress`.
         */
        post: operations["join_waitlist"];
        /**
         * Leave a session's waitlist
         * @description Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (not waiting there).
         */
        delete: operations["leave_waitlist"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/at-risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Students at risk
         * @description Every student who will miss the make-up or self-check deadline unless
         *     someone acts, with the reason and the days left (negative once the
         *     deadline has passed). `within_days` keeps only deadlines that close;
         *     `sort=days_left` (default, fewest days first) or `days_left_desc`.
         *     `not_self_checked` is listed only from 14 days before the self-check
         *     deadline. Scope as for progress.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `no_open_campaign`.
         */
        get: operations["at_risk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/at-risk/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Students at risk as a spreadsheet
         * @description Same scope, filters and order as `GET /staff/at-risk`; `format=csv|xlsx`.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `no_open_campaign`.
         */
        get: operations["export_at_risk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/error-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Error reports of the unit
         * @description A secretary sees their own unit (another is 403); an admin all units
         *     or `unit`. `status`: `open` (to forward), `forwarded` or `resolved`.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (unknown unit).
         */
        get: operations["error_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/error-reports/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forward error reports to the Graduate School
         * @description One batch per unit per forward, as the notice asks. Reports already
         *     forwarded are skipped, so repeating a request duplicates nothing.
         *     Errors: 400 `invalid_request` (no ids), 401 `unauthenticated`,
         *     403 `forbidden` (another unit's report), 404 `not_found`.
         */
        post: operations["forward_error_reports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/error-reports/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return an error report to the student as not an error
         * @description Instead of forwarding it: the unit secretary (own unit) or an admin
         *     settles an open report as `not_an_error`; the student reads `note`
         *     in the self-check (and a WeChat message when subscribed).
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`
         *     (another unit's report), 404 `not_found`, 409 `report_already_forwarded`,
         *     `already_resolved`.
         */
        post: operations["return_error_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logged-in staff member
         * @description Errors: 401 `unauthenticated`, 403 `forbidden` (a student token).
         */
        get: operations["staff_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password
         * @description Any staff member. The current password must be given (5 tries in 15
         *     minutes, then 429). Every session of the account ends, this one
         *     included: log in again with the new password. Audited.
         *     Errors: 400 `invalid_request` (the new password is too short or too
         *     easy to guess), 401 `unauthenticated`, 403 `forbidden` (a student
         *     token), `wrong_current_password`, 429 `too_many_attempts`.
         */
        post: operations["change_own_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/paper-photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Offline make-ups in scope
         * @description By default only those whose paper photo has not arrived
         *     (`awaiting_paper_photo`); `all=true` lists every offline make-up.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (unknown unit).
         */
        get: operations["paper_photos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/photos/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored photo
         * @description `variant`: `thumb` (default), `normalized` (the CHSI-format JPEG) or
         *     `original` (as uploaded; PNG originals keep their bytes). Secretaries:
         *     own unit; international office: foreign students; admins: all.
         *     Every successful read is written to the audit log.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
         *     410 `photo_deleted` (removed under the retention rules),
         *     503 `storage_unavailable`.
         */
        get: operations["photo_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress per unit
         * @description `campaign` defaults to the open campaign. A secretary sees their own
         *     unit (another `unit` is 403); an admin all units or `unit`, plus totals.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `no_open_campaign`.
         */
        get: operations["progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/progress/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress per unit as a spreadsheet
         * @description Same scope as `GET /staff/progress`; `format=csv|xlsx`.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found`, 409 `no_open_campaign`.
         */
        get: operations["export_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Uploads to review
         * @description A secretary sees their own unit (asking for another is 403); an admin
         *     all units or `unit`. `status` defaults to `pending`; oldest first.
         *     Pages start at 1; `page_size` ≤ 100 (default 20).
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (unknown unit).
         */
        get: operations["review_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/reviews/{photo_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject an upload
         *     /// Approve or reject an upload
         * @description Rejecting needs `reason_code`; `other` also needs `comment`. The first
         *     of two reviewers wins; the second gets 409 `already_reviewed`.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`
         *     (another unit), 404 `not_found`, 409 `already_reviewed`.
         */
        post: operations["review_photo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/reviews/{photo_id}/revert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a review decision back
         * @description The upload waits for review again (the student sees it pending). The
         *     reviewer may within 2 minutes of deciding without `reason`; later, or
         *     for someone else's decision, the unit secretary (own unit) or an admin
         *     with `reason`. Audited.
         *     Errors: 400 `invalid_request` (no reason where one is needed),
         *     401 `unauthenticated`, 403 `forbidden` (another unit), 404 `not_found`,
         *     409 `photo_not_pending` (not decided), `already_reviewed` (changed
         *     meanwhile), `decision_final` (the student uploaded again, booked,
         *     declared an offline make-up, or the photo's files are deleted).
         */
        post: operations["revert_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sessions of a campaign for staff
         * @description An admin gets every session, a unit secretary those serving their
         *     unit, on-site staff those of one day; `date` (Asia/Shanghai) narrows
         *     the list and is today for on-site staff when absent. Each session
         *     with its campus, rooms, windows and every slot's fill.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (campaign), 409 `no_open_campaign`.
         */
        get: operations["staff_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/sessions/{id}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookings of a session, with counts
         * @description Who is expected in which slot, who has checked in, been photographed
         *     or not come (`no_show`, once the session is over). Secretaries see
         *     their own unit (asking for another is 403); on-site staff every unit
         *     of a session held today (another day's is 403); admins all units or
         *     `unit`, plus every slot's fill.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["session_bookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/sessions/{id}/bookings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a session's bookings for the queue (CSV or XLSX)
         * @description Same scope as the listing. CSV is UTF-8 with a BOM so Excel opens it
         *     correctly; cells that look like formulas are defused.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["export_session_bookings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Students and their status (admins: all units; secretaries: their own)
         * @description Lists the open campaign (or `campaign_id`). A secretary asking for
         *     another unit gets 403, not an empty list. Filters as for the roster.
         *     Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
         *     404 `not_found` (campaign, or an unknown unit), 409 `no_open_campaign`.
         */
        get: operations["list_students"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/students/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One student's whole story
         * @description `{id}` is the roster entry id. Binding, collection code state (never
         *     the code), bookings and attendance, make-up uploads with their checks
         *     and decisions, offline make-up, error reports and the graduate
         *     platform; the CHSI history and WeChat messages have their own
         *     operations. Secretaries: own unit only. Audited.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["student_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/students/{id}/chsi-statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A student's CHSI status history
         * @description `{id}` is the roster entry id. Secretaries: own unit only.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["chsi_status_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/students/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A student's messages and their delivery
         * @description `{id}` is the roster entry id; newest first. Secretaries: own unit.
         *     Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
         */
        get: operations["student_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/students/{id}/paper-photo-received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a paper photo as received
         * @description `{id}` is the roster entry id. Creates the offline record if the
         *     student never declared one, unless the student took the online path
         *     (409 `makeup_in_progress`, naming the student: most likely a mistyped
         *     number). Recording twice keeps the first receipt.
         *     Errors: 401 `unauthenticated`, 403 `forbidden` (another unit),
         *     404 `not_found`, 409 `makeup_in_progress`.
         */
        post: operations["paper_photo_received"];
        /**
         * Take a paper photo's receipt back
         * @description Within 2 minutes (recorded for the wrong student): the receipt is
         *     cleared, and an offline record the receipt itself created (the student
         *     never declared one) is removed. Audited.
         *     Errors: 401 `unauthenticated`, 403 `forbidden` (another unit),
         *     404 `not_found` (no receipt), 409 `undo_window_passed`.
         */
        delete: operations["undo_paper_photo_received"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ActionCount
         * @description Students of a unit whose next action is `next_action`.
         */
        ActionCount: {
            next_action: components["schemas"]["NextAction"];
            /** Format: int64 */
            students: number;
        };
        /**
         * ApprovedPhotoView
         * @description An approved online make-up photo, for the international students office
         *     to download.
         */
        ApprovedPhotoView: {
            /**
             * Format: date-time
             * @description When it was approved (Asia/Shanghai).
             */
            approved_at: Date;
            /**
             * @description The CHSI-format 480×640 JPEG (`…/image?variant=normalized`), fetched
             *     with the staff token.
             */
            download_path: string;
            /**
             * Format: int64
             * @description Photo id (the `{id}` of `/staff/photos/{id}/image`).
             */
            id: number;
        };
        /** AtRiskList */
        AtRiskList: {
            /** Format: int64 */
            campaign_id: number;
            /** @description In the order asked for (`sort`; fewest days left first by default). */
            items: components["schemas"]["AtRiskView"][];
        };
        /**
         * @description The order of the at-risk list; ties by unit code, then student number.
         * @enum {string}
         */
        AtRiskSort: "days_left" | "days_left_desc";
        /**
         * AtRiskView
         * @description A student at risk.
         */
        AtRiskView: {
            /**
             * Format: int64
             * @description Whole days left; negative once it has passed.
             */
            days_left: number;
            /**
             * Format: int64
             * @description Whole days since the current photo was taken (on site or make-up);
             *     null when not photographed. With `photo_not_on_chsi`, how long the
             *     photo has been missing on CHSI.
             */
            days_since_photographed?: number | null;
            /**
             * Format: date-time
             * @description The deadline at stake (make-up or self-check), Asia/Shanghai.
             */
            deadline: Date;
            name: string;
            /** @description The roster's phone number, to call the student; null when not given. */
            phone?: string | null;
            reason: components["schemas"]["RiskReason"];
            reason_label: string;
            /**
             * Format: int64
             * @description Roster entry id.
             */
            student_id: number;
            student_no: string;
            unit_code: string;
        };
        /**
         * AttendanceView
         * @description What the door needs to know about the student.
         */
        AttendanceView: {
            booking: components["schemas"]["BookingView"];
            category: components["schemas"]["StudentCategory"];
            /** @description Domestic and HK/Macao/Taiwan students need a saved code to be photographed. */
            collection_code_saved: boolean;
            fee_paid: boolean;
            /**
             * Format: int64
             * @description The attendance id (the booking's id), for marking photographed.
             */
            id: number;
            /**
             * @description What the photographer enters: the collection code is with the
             *     student; foreign students give their student number.
             */
            identify_by: string;
            name: string;
            student_no: string;
            unit_code: string;
            unit_name: string;
        };
        /**
         * @description An audited action: reads of photos and personal records by staff,
         *     decisions, imports, exports, binding and staff-account changes.
         * @enum {string}
         */
        AuditAction: "photo_viewed" | "record_viewed" | "review_decided" | "hand_in_recorded" | "list_imported" | "data_exported" | "binding_changed" | "collection_code_changed" | "staff_account_changed" | "booking_moved_on_site" | "undone" | "error_report_handled" | "consent_withdrawn" | "staff_login_failed" | "retention_run";
        /**
         * AuditItem
         * @description One audit entry.
         */
        AuditItem: {
            action: components["schemas"]["AuditAction"];
            /** @description The action in Chinese, for people. */
            action_label: string;
            /** @description Staff username (null for students and the system). */
            actor?: string | null;
            /**
             * Format: int64
             * @description Staff account id or student account id; null for the system.
             */
            actor_id?: number | null;
            /** @description `staff`, `student`, `system` or `anonymous` (a failed staff login). */
            actor_kind: string;
            /**
             * Format: date-time
             * @description When, in Asia/Shanghai.
             */
            at: Date;
            /** @description What exactly: ids, counts, formats (never photos or codes). */
            detail: string;
            /** Format: int64 */
            id: number;
            /** @description Client address. */
            ip?: string | null;
            /** @description The request's `X-Request-Id`, to find it in the server logs. */
            request_id?: string | null;
            /** @description The actor's role then: a staff role, `student` or `system`. */
            role: string;
            /**
             * Format: int64
             * @description Roster entry of the student concerned, if one.
             */
            roster_entry_id?: number | null;
            student_no?: string | null;
        };
        /**
         * AuditPage
         * @description A page of the audit log, newest first.
         */
        AuditPage: {
            items: components["schemas"]["AuditItem"][];
            /**
             * Format: int64
             * @description Pass as `before_id` for the next (older) page; null on the last page.
             */
            next_before_id?: number | null;
        };
        /**
         * Band
         * @description A band of pixels in the 480×640 frame, from `min` to `max`.
         */
        Band: {
            /** Format: uint32 */
            max: number;
            /** Format: uint32 */
            min: number;
        };
        /** BatchList */
        BatchList: {
            /** @description Newest first; a repeated forward of the same reports creates none. */
            items: components["schemas"]["BatchView"][];
        };
        /** BatchView */
        BatchView: {
            /** Format: int64 */
            campaign_id: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            forwarded_at: Date;
            /** Format: int64 */
            id: number;
            /**
             * Format: uint64
             * @description Reports of the batch still waiting for a resolution.
             */
            open: number;
            /**
             * Format: uint64
             * @description Reports of the batch resolved.
             */
            resolved: number;
            /** Format: int64 */
            unit_id: number;
        };
        /** BindingRequest */
        BindingRequest: {
            /**
             * @description Last characters of the ID document (证件号后六位, 4–6 letters or
             *     digits). Needed when the campaign's roster has them
             *     (`campaign.binding_asks_id_suffix` in `GET /me`); ignored otherwise.
             */
            id_suffix?: string | null;
            /** @description Full name as on the roster. */
            name: string;
            /** @description Student number as on the roster (leading zeros matter). */
            student_no: string;
        };
        /** BookRequest */
        BookRequest: {
            /** Format: int64 */
            slot_id: number;
        };
        /**
         * BookingHistoryView
         * @description One booking and what happened at the door.
         */
        BookingHistoryView: {
            booking: components["schemas"]["BookingView"];
            /**
             * Format: date-time
             * @description Asia/Shanghai; null until checked in.
             */
            checked_in_at?: Date | null;
            fee_paid: boolean;
            /**
             * Format: date-time
             * @description Asia/Shanghai; null until photographed.
             */
            photographed_at?: Date | null;
        };
        /**
         * BookingRefusal
         * @description Why the student cannot book yet although the sessions are shown.
         */
        BookingRefusal: {
            /** @description The error code `POST /bookings` answers, e.g. `collection_code_required`. */
            code: string;
            /** @description What to tell the student (Chinese). */
            message: string;
        };
        /**
         * BookingRowView
         * @description A booked student.
         */
        BookingRowView: {
            /** Format: int64 */
            booking_id: number;
            category: components["schemas"]["StudentCategory"];
            collection_code_saved: boolean;
            /** Format: date-time */
            ends_at: Date;
            fee_paid: boolean;
            name: string;
            /** Format: int64 */
            slot_id: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            starts_at: Date;
            status: components["schemas"]["BookingStatus"];
            student_no: string;
            unit_code: string;
        };
        /**
         * @description A booking's life: `booked`, then `checked_in` and `photographed` on
         *     the day, or `cancelled` by the student, or `no_show` after the session.
         * @enum {string}
         */
        BookingStatus: "booked" | "cancelled" | "checked_in" | "photographed" | "no_show";
        /**
         * BookingView
         * @description A booking: where and when to come.
         */
        BookingView: {
            campus_code: string;
            campus_name: string;
            /**
             * Format: date
             * @description The local day.
             */
            date: string;
            /** Format: date-time */
            ends_at: Date;
            /** Format: date-time */
            ends_at_utc: Date;
            /** Format: int64 */
            id: number;
            rooms: string;
            /** Format: int64 */
            session_id: number;
            /** Format: int64 */
            slot_id: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            starts_at: Date;
            /**
             * Format: date-time
             * @description The same instants in UTC.
             */
            starts_at_utc: Date;
            status: components["schemas"]["BookingStatus"];
        };
        /**
         * @description A campaign's life: set up as `draft`, `open` to students, then `closed`.
         * @enum {string}
         */
        CampaignStatus: "draft" | "open" | "closed";
        /**
         * CampaignSummary
         * @description The open campaign and its deadlines.
         */
        CampaignSummary: {
            /**
             * @description The binding form asks for the last characters of the ID document as
             *     well (the roster has them); false once bound.
             */
            binding_asks_id_suffix: boolean;
            /** Format: int32 */
            graduation_year: number;
            /** Format: int64 */
            id: number;
            /**
             * @description How to reach the international students office (address, phone,
             *     e-mail): foreign students send their electronic photo there. Null
             *     until the Graduate School sets it.
             */
            intl_office_contact?: string | null;
            /**
             * Format: date-time
             * @description Last moment for a make-up shot (Asia/Shanghai).
             */
            makeup_deadline: Date;
            name: string;
            /** @description Fee, dress rules and what to bring to the session. */
            on_site_notes: string;
            /**
             * Format: date-time
             * @description Last moment to check the photo on CHSI (Asia/Shanghai).
             */
            self_check_deadline: Date;
        };
        /**
         * CampaignView
         * @description One year's diploma-photo collection.
         */
        CampaignView: {
            /**
             * Format: int32
             * @description Bookings can be cancelled or moved until this many minutes before the slot.
             */
            cancel_cutoff_minutes: number;
            /**
             * Format: date-time
             * @description When the campaign was closed (null while not closed).
             */
            closed_at?: Date | null;
            /** Format: int32 */
            graduation_year: number;
            /** Format: int64 */
            id: number;
            /**
             * @description How to reach the international students office (address, phone,
             *     e-mail), where foreign students send their electronic photo; shown to
             *     students in `GET /me` (`campaign.intl_office_contact`). Null: not set.
             */
            intl_office_contact?: string | null;
            /**
             * Format: date-time
             * @description Last moment for make-up shots (Asia/Shanghai).
             */
            makeup_deadline: Date;
            /**
             * @description Where and when the collection centre takes make-up shots (address,
             *     hours, phone), shown to students declaring an offline make-up.
             */
            makeup_location: string;
            name: string;
            /** @description Shown to students before their session (fee, dress rules, what to bring). */
            on_site_notes: string;
            /**
             * Format: int32
             * @description A photo still missing on CHSI this many days after the shot may be
             *     reported by the student (`photo_missing`). Default 14.
             */
            photo_missing_after_days: number;
            /**
             * Format: date-time
             * @description When the retention job removed its photos and personal data.
             */
            purged_at?: Date | null;
            /**
             * Format: int32
             * @description After the campaign closed, all its photos are deleted and its
             *     students' personal data anonymised after this many days. Default 180.
             */
            retain_closed_days: number;
            /**
             * Format: int32
             * @description Originals of approved make-up uploads are deleted this many days
             *     after approval (the 480×640 copy for CHSI stays). Default 30.
             */
            retain_original_days: number;
            /**
             * Format: int32
             * @description Rejected and withdrawn uploads are deleted this many days after the
             *     decision. Default 30.
             */
            retain_rejected_days: number;
            /**
             * Format: date-time
             * @description Last moment for students to check their photo on CHSI (Asia/Shanghai).
             */
            self_check_deadline: Date;
            /** @description Only one campaign is `open` at a time; students bind to it. */
            status: components["schemas"]["CampaignStatus"];
        };
        /** CampusView */
        CampusView: {
            /** @description Short code, e.g. `NORTH`. */
            code: string;
            /** Format: int64 */
            id: number;
            name: string;
        };
        /**
         * CheckInCode
         * @description The code to show as a QR code at the session.
         */
        CheckInCode: {
            /**
             * Format: date-time
             * @description The end of the session day (Asia/Shanghai).
             */
            expires_at: Date;
            /** @description Signed; binds this booking, the student and the session. */
            payload: string;
        };
        /** CheckInRequest */
        CheckInRequest: {
            /** @description The scanned check-in code. */
            payload: string;
            /**
             * Format: int64
             * @description The session being run here; a code for another session is refused.
             */
            session_id?: number | null;
        };
        /**
         * @description Where the student's photo stands on CHSI, as the last imported list says.
         * @enum {string}
         */
        ChsiStatus: "not_uploaded" | "uploaded" | "passed" | "failed" | "inconclusive";
        /** CollectionCodeRequest */
        CollectionCodeRequest: {
            /**
             * @description The CHSI image collection code (图像采集码), stored as given (trimmed):
             *     not blank, at most 512 characters, printable (no line breaks,
             *     control characters, or invisible characters such as zero-width spaces
             *     and bidi marks).
             */
            code: string;
        };
        /**
         * @description The CHSI image collection code.
         * @enum {string}
         */
        CollectionCodeState: "saved" | "needed" | "not_required";
        /** ConsentRequest */
        ConsentRequest: {
            /** @description Only `makeup_photo` (processing of the make-up photo). */
            purpose: string;
            /**
             * @description The notice version the student read; must be the current one
             *     (`consent_version` in `GET /makeup/spec`).
             */
            version: string;
        };
        /** ConsentView */
        ConsentView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            accepted_at: Date;
            purpose: string;
            version: string;
        };
        /** ConsentWithdrawn */
        ConsentWithdrawn: {
            /**
             * Format: uint64
             * @description Unreviewed uploads that were deleted.
             */
            deleted_uploads: number;
        };
        /**
         * Counts
         * @description One unit's counts (or the totals), each a number of students.
         */
        Counts: {
            /**
             * Format: int64
             * @description 学信网已有照片 (already has a CHSI photo, not to be photographed)
             */
            already_on_chsi: number;
            /**
             * Format: int64
             * @description 已预约 (booked)
             */
            booked: number;
            /**
             * Format: int64
             * @description 已绑定 (bound)
             */
            bound: number;
            /**
             * Format: int64
             * @description 核验未通过 (verification failed)
             */
            chsi_failed: number;
            /**
             * Format: int64
             * @description 无法确定 (verification inconclusive)
             */
            chsi_inconclusive: number;
            /**
             * Format: int64
             * @description 学信网未上传 (not on CHSI)
             */
            chsi_not_uploaded: number;
            /**
             * Format: int64
             * @description 核验通过 (verification passed)
             */
            chsi_passed: number;
            /**
             * Format: int64
             * @description 学信网已上传 (on CHSI, not verified yet)
             */
            chsi_uploaded: number;
            /**
             * Format: int64
             * @description 需图像采集码 (need a collection code)
             */
            code_needed: number;
            /**
             * Format: int64
             * @description 已保存采集码 (collection code saved)
             */
            code_saved: number;
            /**
             * Format: int64
             * @description 已上传研究生系统 (on the graduate platform)
             */
            graduate_platform: number;
            /**
             * Format: int64
             * @description 线上补拍通过 (online make-up approved)
             */
            makeup_approved: number;
            /**
             * Format: int64
             * @description 补拍待审核 (make-up pending review)
             */
            makeup_pending_review: number;
            /**
             * Format: int64
             * @description 补拍被退回 (make-up rejected)
             */
            makeup_rejected: number;
            /**
             * Format: int64
             * @description 线上补拍已上传 (online make-up uploaded, any review state)
             */
            makeup_uploaded: number;
            /**
             * @description Every student counted once, under their `next_action` (the
             *     same state `GET /me` shows them); actions with no student
             *     are left out.
             */
            next_actions: components["schemas"]["ActionCount"][];
            /**
             * Format: int64
             * @description 缺席 (no-show, not booked or photographed since)
             */
            no_show: number;
            /**
             * Format: int64
             * @description 待交电子相片 (e-photo awaited)
             */
            offline_awaiting_e_photo: number;
            /**
             * Format: int64
             * @description 线下补拍待交纸质相片 (offline, paper photo awaited)
             */
            offline_awaiting_paper: number;
            /**
             * Format: int64
             * @description 线下补拍完成 (offline make-up complete)
             */
            offline_complete: number;
            /**
             * Format: int64
             * @description 未处理的错误报告 (unresolved error reports)
             */
            open_error_reports: number;
            /**
             * Format: int64
             * @description 已拍摄 (photographed, on site or make-up)
             */
            photographed: number;
            /**
             * Format: int64
             * @description 名单人数 (roster)
             */
            roster: number;
            /**
             * Format: int64
             * @description 已核对 (self-checked)
             */
            self_checked: number;
            /**
             * Format: int64
             * @description The unit (0 in totals).
             */
            unit_id: number;
        };
        /** CountsView */
        CountsView: {
            /** Format: uint64 */
            booked: number;
            /** Format: uint64 */
            checked_in: number;
            /** Format: uint64 */
            no_show: number;
            /** Format: uint64 */
            photographed: number;
        };
        /** CreateCampaign */
        CreateCampaign: {
            /**
             * Format: int32
             * @description Minutes before a slot after which a booking can no longer be
             *     cancelled or moved (0–10080, default 120).
             */
            cancel_cutoff_minutes?: number | null;
            /**
             * Format: int32
             * @description 2000–2100.
             */
            graduation_year: number;
            /**
             * @description How to reach the international students office (address, phone,
             *     e-mail), shown to students. Default: not set. Not blank; at most 1000
             *     characters.
             */
            intl_office_contact?: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 with offset, e.g. `2024-03-30T23:59:59+08:00`.
             */
            makeup_deadline: Date;
            /**
             * @description Default: the notice's Xinhua collection point (address, hours, phone).
             *     Not blank; at most 1000 characters.
             */
            makeup_location?: string | null;
            /** @description Not blank; at most 128 characters. */
            name: string;
            /**
             * @description Default: the notice's reminders (15 RMB by WeChat scan, blue background,
             *     no yellow-green or sky-blue top, careful with heavy make-up).
             *     Not blank; at most 4000 characters.
             */
            on_site_notes?: string | null;
            /** Format: date-time */
            self_check_deadline: Date;
            /** @description Default `draft`. */
            status?: components["schemas"]["CampaignStatus"] | null;
        };
        /** CreateCampus */
        CreateCampus: {
            /** @description 1–32 of A-Z a-z 0-9 - _. */
            code: string;
            /** @description Not blank; at most 128 characters. */
            name: string;
        };
        /** CreateSession */
        CreateSession: {
            /**
             * Format: date-time
             * @description When booking closes (with offset); default: one hour before the first slot.
             */
            booking_closes_at?: Date | null;
            /**
             * Format: date-time
             * @description When booking opens (with offset); default: as soon as the campaign is open.
             */
            booking_opens_at?: Date | null;
            /** @description An existing campus (404 `not_found` otherwise). */
            campus_code: string;
            /**
             * Format: int32
             * @description Places per slot (1–1000).
             */
            capacity_per_slot: number;
            /**
             * Format: date
             * @description The local day, `YYYY-MM-DD`.
             */
            date: string;
            /** @description Not blank; at most 256 characters. */
            rooms: string;
            /**
             * Format: int32
             * @description Slot length in minutes (5–240); a window's remainder shorter than a slot is unused.
             */
            slot_minutes: number;
            /**
             * @description Units served (existing units; 404 `not_found` otherwise); omitted or
             *     empty means every unit of the campus.
             */
            unit_codes?: string[] | null;
            /**
             * @description Local windows in 24-hour time, such as `09:00-12:00` and
             *     `13:30-15:30`, in order, not overlapping, each at least one slot long.
             */
            windows: string[];
        };
        /** CreateStaffRequest */
        CreateStaffRequest: {
            /**
             * @description 10–128 characters, and hard to guess: zxcvbn's strength estimate
             *     must be at least 3 of 4 (no repeats, keyboard walks, common words,
             *     dates or the username).
             */
            password: string;
            role: components["schemas"]["StaffRole"];
            /**
             * @description Required for `unit_secretary`, forbidden for other roles; an
             *     existing unit (404 `not_found` otherwise).
             */
            unit_code?: string | null;
            /** @description 3–64 characters of a-z 0-9 . _ - (stored lower case). */
            username: string;
        };
        /** CreateUnit */
        CreateUnit: {
            /** @description An existing campus (404 `not_found` otherwise). */
            campus_code: string;
            /** @description 1–32 of A-Z a-z 0-9 - _. */
            code: string;
            /** @description Not blank; at most 128 characters. */
            name: string;
        };
        /**
         * @description `approve`, or `reject` with a reason.
         * @enum {string}
         */
        DecisionKind: "approve" | "reject";
        /**
         * @description Where a message is on its way to the student.
         * @enum {string}
         */
        DeliveryStatus: "pending" | "sent" | "refused" | "no_subscription" | "failed";
        /**
         * @description Whether the student is to be photographed at all.
         * @enum {string}
         */
        Eligibility: "not_bound" | "eligible" | "already_has_chsi_photo";
        /**
         * ErrorBody
         * @description The JSON body of every error response.
         */
        ErrorBody: {
            /** @description `photo_check_failed` only: every automatic check of the photo. */
            checks?: components["schemas"]["PhotoCheck"][] | null;
            /** @description Stable machine-readable code, snake_case (see the operation's error list). */
            code: components["schemas"]["ErrorCode"];
            /**
             * Format: uint64
             * @description `invalid_rows` only: how many problems the file has in all.
             */
            error_count?: number | null;
            /**
             * @description `invalid_rows` only: the problems found in the imported file, in file
             *     order; the first 200 when there are more (see `error_count`).
             */
            errors?: components["schemas"]["RowProblem"][] | null;
            /** @description Human-readable explanation, in Chinese where students read it. */
            message: string;
        };
        /**
         * ErrorCode
         * @description Every error code of the service: stable, snake_case, for programs (the `message` is for people).
         * @enum {string}
         */
        ErrorCode: "invalid_request" | "unauthenticated" | "invalid_credentials" | "wechat_code_invalid" | "dev_login_disabled" | "forbidden" | "already_has_chsi_photo" | "consent_required" | "not_found" | "photo_deleted" | "not_on_roster" | "method_not_allowed" | "username_taken" | "cannot_disable_self" | "current_password_required" | "wrong_current_password" | "already_exists" | "another_campaign_open" | "session_has_bookings" | "capacity_below_bookings" | "no_open_campaign" | "roster_entry_taken" | "already_bound" | "not_bound" | "collection_code_required" | "collection_code_in_use" | "collection_code_locked" | "session_not_for_unit" | "booking_closed" | "slot_full" | "already_booked" | "booking_not_active" | "invalid_check_in_code" | "check_in_code_expired" | "not_session_day" | "wrong_session" | "not_checked_in" | "session_not_full" | "already_waiting" | "request_in_progress" | "cancel_window_closed" | "payload_too_large" | "request_timeout" | "unsupported_media_type" | "consent_version_outdated" | "photo_already_approved" | "retention_running" | "makeup_closed" | "already_photographed" | "makeup_in_progress" | "booking_active" | "makeup_pending" | "photo_already_rejected" | "photo_not_pending" | "photo_not_on_chsi_yet" | "self_check_closed" | "error_report_open" | "photo_not_verified" | "already_resolved" | "report_not_forwarded" | "report_already_forwarded" | "already_reviewed" | "undo_window_passed" | "decision_final" | "image_too_large" | "image_metadata_too_large" | "not_an_image" | "photo_check_failed" | "idempotency_key_reused" | "invalid_rows" | "too_many_rows" | "archive_too_large" | "too_many_attempts" | "wechat_rate_limited" | "internal_error" | "service_unavailable" | "storage_unavailable" | "wechat_unavailable";
        /**
         * @description The only reasons a student may report their CHSI photo as wrong.
         *     Disliking how one looks is not among them.
         * @enum {string}
         */
        ErrorReason: "photo_missing" | "not_me" | "wrong_identity_data" | "verification_failed" | "other";
        /**
         * @description The format of a spreadsheet download (`format=csv` or `format=xlsx`).
         * @enum {string}
         */
        ExportFormat: "csv" | "xlsx";
        /** ForwardRequest */
        ForwardRequest: {
            /** @description Reports to forward; those already forwarded are skipped. */
            report_ids: number[];
        };
        /** GraduatePlatformView */
        GraduatePlatformView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            graduate_platform_at?: Date | null;
        };
        /**
         * @description Expected graduation in the first or second half of the year.
         * @enum {string}
         */
        GraduationHalf: "first" | "second";
        /** ImportSummary */
        ImportSummary: {
            /**
             * Format: uint64
             * @description Students new to this campaign's roster.
             */
            created: number;
            /**
             * Format: uint64
             * @description Data rows in the file.
             */
            total: number;
            /**
             * Format: uint64
             * @description Students already there, now updated.
             */
            updated: number;
        };
        /**
         * IntlStudentList
         * @description The foreign students of one campaign.
         */
        IntlStudentList: {
            /**
             * Format: int64
             * @description The campaign listed.
             */
            campaign_id: number;
            /** @description Every foreign student of the campaign, by student number. */
            items: components["schemas"]["IntlStudentView"][];
        };
        /**
         * IntlStudentView
         * @description A foreign student and where their photo stands.
         */
        IntlStudentView: {
            /**
             * @description The latest approved online make-up photo (after a re-shoot, the new
             *     one); absent while none is approved, or once its files were deleted
             *     under the retention rules.
             */
            approved_photo?: components["schemas"]["ApprovedPhotoView"] | null;
            /** @description Status of the student's latest online make-up upload; absent: none. */
            latest_upload_status?: components["schemas"]["PhotoStatus"] | null;
            /**
             * @description The make-up at the collection centre; `e_photo_received_at` says
             *     whether its e-photo reached the office. Absent: none declared or
             *     recorded.
             */
            offline?: components["schemas"]["OfflineView"] | null;
            /**
             * @description The roster entry (its `id` is the `{id}` of
             *     `/intl/students/{id}/e-photo-received`) with the make-up state.
             */
            student: components["schemas"]["StudentRef"];
        };
        /** Items_CampaignView */
        Items_CampaignView: {
            items: components["schemas"]["CampaignView"][];
        };
        /** Items_CampusView */
        Items_CampusView: {
            items: components["schemas"]["CampusView"][];
        };
        /** Items_SessionView */
        Items_SessionView: {
            items: components["schemas"]["SessionView"][];
        };
        /** Items_UnitView */
        Items_UnitView: {
            items: components["schemas"]["UnitView"][];
        };
        /** ListImported */
        ListImported: {
            /**
             * Format: int64
             * @description Identifies this import in each student's status history.
             */
            import_id: number;
            /**
             * Format: uint64
             * @description Students in the file.
             */
            rows: number;
        };
        /**
         * @description A student's make-up as a whole (stored on the roster entry).
         * @enum {string}
         */
        MakeupState: "pending_review" | "rejected" | "approved" | "awaiting_paper_photo" | "awaiting_e_photo" | "offline_complete";
        /** MakeupSummary */
        MakeupSummary: {
            latest_upload?: components["schemas"]["PhotoView"] | null;
            state: components["schemas"]["MakeupState"];
        };
        /**
         * MakeupView
         * @description The student's make-up: state, both paths and the history of uploads.
         */
        MakeupView: {
            /** @description Where and when the collection centre takes make-up shots. */
            collection_centre: string;
            /** @description The current photo-processing notice was accepted. */
            consent_given: boolean;
            consent_version: string;
            /**
             * Format: date-time
             * @description Last moment for a make-up (Asia/Shanghai).
             */
            deadline: Date;
            offline?: components["schemas"]["OfflineView"] | null;
            /** @description Newest first; withdrawn and rejected attempts stay in the history. */
            photos: components["schemas"]["PhotoView"][];
            /** @description Absent until the student starts a make-up. */
            state?: components["schemas"]["MakeupState"] | null;
        };
        /**
         * @description What the student should do next; one stable code the mini-program
         *     switches on, and the one state staff lists, counts and at-risk reasons
         *     are built from.
         * @enum {string}
         */
        NextAction: "wait_for_campaign" | "bind_roster" | "save_collection_code" | "book_session" | "attend_session" | "make_up_photo" | "wait_for_chsi_upload" | "upload_to_graduate_platform" | "wait_for_makeup_review" | "reupload_makeup" | "hand_in_paper_photo" | "send_e_photo" | "retake_photo" | "self_check_photo" | "report_verification_failure" | "wait_for_error_report" | "wait_for_chsi_verification" | "done";
        /**
         * NextActionView
         * @description The next thing the student should do.
         */
        NextActionView: {
            /** @description Stable code the mini-program switches on. */
            code: components["schemas"]["NextAction"];
            /** @description What to tell the student (Chinese). */
            message: string;
        };
        /** NotificationList */
        NotificationList: {
            items: components["schemas"]["NotificationView"][];
        };
        /**
         * NotificationView
         * @description One message to a student and how its delivery went.
         */
        NotificationView: {
            /**
             * Format: int32
             * @description Tries so far.
             */
            attempts: number;
            /** Format: date-time */
            created_at: Date;
            event: components["schemas"]["NotifyEvent"];
            /** Format: int64 */
            id: number;
            /** @description The last failure (WeChat's errcode and message), if any. */
            last_error?: string | null;
            /**
             * Format: date-time
             * @description When a pending message is tried next.
             */
            next_attempt_at: Date;
            purpose: string;
            /** Format: date-time */
            sent_at?: Date | null;
            status: components["schemas"]["DeliveryStatus"];
            /** @description The status in Chinese. */
            status_label: string;
            template_id: string;
        };
        /**
         * @description A moment a student is told about (label: what the message is for).
         * @enum {string}
         */
        NotifyEvent: "booking_confirmed" | "booking_moved" | "waitlist_granted" | "session_reminder" | "makeup_approved" | "makeup_rejected" | "chsi_failed" | "self_check_deadline" | "makeup_deadline" | "report_resolved";
        /**
         * OfflineDeclaredView
         * @description A declared offline make-up, with where the shot is taken.
         */
        OfflineDeclaredView: {
            /**
             * @description The collection centre's address, opening hours and phone (the
             *     campaign's `makeup_location`, as in `GET /me/makeup`).
             */
            collection_centre: string;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            declared_at: Date;
            /**
             * Format: date-time
             * @description Foreign students only.
             */
            e_photo_received_at?: Date | null;
            /** Format: date-time */
            paper_photo_received_at?: Date | null;
            /** Format: date */
            taken_on: string;
        };
        /** OfflineList */
        OfflineList: {
            items: components["schemas"]["OfflineStudentView"][];
        };
        /** OfflineRequest */
        OfflineRequest: {
            /**
             * Format: date
             * @description The day of the shot at the collection centre (YYYY-MM-DD).
             */
            taken_on: string;
        };
        /**
         * OfflineStudentView
         * @description A student's offline make-up for staff.
         */
        OfflineStudentView: {
            offline: components["schemas"]["OfflineView"];
            student: components["schemas"]["StudentRef"];
        };
        /**
         * OfflineView
         * @description A make-up shot at the collection centre.
         */
        OfflineView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            declared_at: Date;
            /**
             * Format: date-time
             * @description Foreign students only.
             */
            e_photo_received_at?: Date | null;
            /** Format: date-time */
            paper_photo_received_at?: Date | null;
            /** Format: date */
            taken_on: string;
        };
        /** PasswordChangeRequest */
        PasswordChangeRequest: {
            /** @description The password the account has now. */
            current_password: string;
            /**
             * @description 10–128 characters and hard to guess (zxcvbn's estimate at least 3 of
             *     4: no repeats, keyboard walks, common words, dates or the username).
             */
            new_password: string;
        };
        /**
         * PhotoCheck
         * @description One automatic check of a photo against the CHSI spec.
         */
        PhotoCheck: {
            /**
             * @description `one_face`, `resolution`, `frame_room`, `background`, `colour` and
             *     `normalised` (errors), `background_even`, `clothing`, `exposure` and
             *     `sharpness` (warnings); `normalised` is listed only when the
             *     normalised photo failed its own checks.
             */
            check: string;
            /** @description For the student, Chinese with English in brackets. */
            message: string;
            passed: boolean;
            /** @description `error`: a failure blocks the upload; `warning`: it is shown to the reviewer. */
            severity: string;
        };
        /**
         * @description How the mini-program got the photo, shown to reviewers.
         * @enum {string}
         */
        PhotoSource: "camera" | "album";
        /**
         * @description An online make-up upload.
         * @enum {string}
         */
        PhotoStatus: "pending" | "approved" | "rejected" | "withdrawn";
        /**
         * PhotoView
         * @description An online make-up upload as its student sees it.
         */
        PhotoView: {
            checks: components["schemas"]["PhotoCheck"][];
            comment?: string | null;
            /** Format: int64 */
            id: number;
            /** @description Why it was rejected. */
            reject_reason?: components["schemas"]["RejectReason"] | null;
            /** @description What the reason means, in Chinese. */
            reject_reason_label?: string | null;
            /** Format: date-time */
            reviewed_at?: Date | null;
            source?: components["schemas"]["PhotoSource"] | null;
            status: components["schemas"]["PhotoStatus"];
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            uploaded_at: Date;
        };
        /** PhotographedRequest */
        PhotographedRequest: {
            /** @description The 15 RMB fee was paid (WeChat scan on site). */
            fee_paid: boolean;
        };
        /**
         * PrecheckView
         * @description The outcome of the checks of a photo that was not stored.
         */
        PrecheckView: {
            /** @description No check with severity `error` failed: uploading this photo would be accepted. */
            acceptable: boolean;
            /** @description Every check, passed or not. */
            checks: components["schemas"]["PhotoCheck"][];
        };
        /**
         * ProfileView
         * @description Who the student is on the roster.
         */
        ProfileView: {
            /** @description The campus whose collection session the student attends. */
            campus_code: string;
            campus_name: string;
            category: components["schemas"]["StudentCategory"];
            /** @description Deferred (延期) into this campaign's year. */
            deferred: boolean;
            graduation_half: components["schemas"]["GraduationHalf"];
            name: string;
            student_no: string;
            unit_code: string;
            unit_name: string;
        };
        /** ProgressView */
        ProgressView: {
            /** Format: int64 */
            campaign_id: number;
            /** @description Sums over all units; admins only. */
            totals?: components["schemas"]["Counts"] | null;
            /** @description One row per unit with students (a secretary: their own unit only). */
            units: components["schemas"]["UnitProgress"][];
        };
        /**
         * ReasonView
         * @description A reason the student may give, with its label.
         */
        ReasonView: {
            code: components["schemas"]["ErrorReason"];
            label: string;
        };
        /**
         * @description Why a reviewer turned an upload down (a fixed list students can act on).
         * @enum {string}
         */
        RejectReason: "background" | "head_position" | "face_covered_or_glare" | "blurred" | "lighting" | "not_the_student" | "other";
        /** ReportList */
        ReportList: {
            items: components["schemas"]["StaffReportView"][];
        };
        /**
         * @description An error report's way from the student to the Graduate School.
         * @enum {string}
         */
        ReportStatus: "open" | "forwarded" | "resolved";
        /**
         * ReportView
         * @description An error report as the student or staff see it.
         */
        ReportView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            created_at: Date;
            detail: string;
            /** Format: int64 */
            id: number;
            reason_code: components["schemas"]["ErrorReason"];
            reason_label: string;
            /** @description Set once resolved. */
            resolution?: components["schemas"]["Resolution"] | null;
            resolution_label?: string | null;
            resolution_note?: string | null;
            /** Format: date-time */
            resolved_at?: Date | null;
            status: components["schemas"]["ReportStatus"];
        };
        /** RescheduleRequest */
        RescheduleRequest: {
            /**
             * Format: int64
             * @description The slot to move to.
             */
            slot_id: number;
        };
        /**
         * @description How the Graduate School settled a report.
         * @enum {string}
         */
        Resolution: "reshoot_needed" | "data_corrected" | "chsi_reverified" | "not_an_error";
        /** ResolveRequest */
        ResolveRequest: {
            /** @description Shown to the student. */
            note?: string | null;
            resolution: components["schemas"]["Resolution"];
        };
        /** RetentionRequest */
        RetentionRequest: {
            /**
             * @description Only count what would be deleted (default false).
             * @default false
             */
            dry_run: boolean | null;
        };
        /**
         * RetentionView
         * @description What a retention run deleted (or, dry, would delete).
         */
        RetentionView: {
            /**
             * Format: uint64
             * @description Uploads deleted with those campaigns.
             */
            campaign_photos_deleted: number;
            /** @description Closed campaigns whose photos and personal data were removed. */
            campaigns_purged: number[];
            dry_run: boolean;
            /**
             * Format: uint64
             * @description Originals of approved uploads deleted (the CHSI-format copy stays).
             */
            originals_deleted: number;
            /**
             * Format: uint64
             * @description Rejected and withdrawn uploads deleted.
             */
            rejected_deleted: number;
            /**
             * Format: uint64
             * @description Students anonymised with those campaigns.
             */
            students_anonymised: number;
        };
        /** ReturnRequest */
        ReturnRequest: {
            /** @description Why this is not an error; shown to the student. */
            note: string;
        };
        /** RevertRequest */
        RevertRequest: {
            /**
             * @description Why the decision is taken back; needed after 2 minutes or for
             *     another reviewer's decision. Kept in the audit log.
             */
            reason?: string | null;
        };
        /**
         * ReviewItemView
         * @description An upload in the review queue.
         */
        ReviewItemView: {
            /** Format: int32 */
            height: number;
            /** @description Fetch with the staff token: `…/image?variant=thumb|normalized|original`. */
            image_path: string;
            /** Format: int64 */
            original_bytes: number;
            photo: components["schemas"]["PhotoView"];
            /**
             * @description The student's last rejected upload before this one (a re-upload):
             *     its reason and comment, to check the new photo against.
             */
            previous_rejection?: components["schemas"]["PhotoView"] | null;
            student: components["schemas"]["StudentRef"];
            /**
             * @description The 120×160 thumbnail for the list (`image_path` with
             *     `?variant=thumb`), fetched with the staff token.
             */
            thumb_path: string;
            /**
             * Format: int32
             * @description Pixel size of the original (after EXIF orientation).
             */
            width: number;
        };
        /** ReviewPage */
        ReviewPage: {
            items: components["schemas"]["ReviewItemView"][];
            /** Format: uint64 */
            page: number;
            /** Format: uint64 */
            page_size: number;
            /** Format: uint64 */
            total: number;
        };
        /** ReviewRequest */
        ReviewRequest: {
            /** @description Shown to the student; required with reason `other`. */
            comment?: string | null;
            decision: components["schemas"]["DecisionKind"];
            /** @description Required to reject. */
            reason_code?: components["schemas"]["RejectReason"] | null;
        };
        /**
         * @description Why a student is not done yet: the step that is missing, one per
         *     `next_action` (see there), and who must act.
         * @enum {string}
         */
        RiskReason: "not_bound" | "collection_code_missing" | "not_photographed" | "booked_not_photographed" | "makeup_needed" | "makeup_pending_review" | "makeup_rejected" | "reshoot_needed" | "paper_photo_missing" | "e_photo_missing" | "photo_not_on_chsi" | "error_report_open" | "verification_failed_unreported" | "not_self_checked" | "verification_pending" | "graduate_platform_missing";
        /**
         * RowProblem
         * @description One problem in an imported file.
         */
        RowProblem: {
            /** @description The column's header as written, when the problem is in one cell. */
            column?: string | null;
            /**
             * Format: uint64
             * @description Line in the file; the header is line 1.
             */
            line: number;
            /** @description What is wrong (Chinese). */
            reason: string;
        };
        /** SelfCheckRequest */
        SelfCheckRequest: {
            /** @description Required with reason `other`. */
            detail?: string | null;
            /** @description Required for `error`. */
            reason_code?: components["schemas"]["ErrorReason"] | null;
            result: components["schemas"]["SelfCheckResult"];
        };
        /**
         * @description What the student reports after looking at the photo on CHSI.
         * @enum {string}
         */
        SelfCheckResult: "confirmed" | "error";
        /**
         * SelfCheckView
         * @description The student's self-check screen.
         */
        SelfCheckView: {
            /** @description The only reasons that may be reported. */
            allowed_reasons: components["schemas"]["ReasonView"][];
            chsi_status: components["schemas"]["ChsiStatus"];
            /**
             * Format: date-time
             * @description Last moment for the self-check (Asia/Shanghai).
             */
            deadline: Date;
            /** Format: date-time */
            graduate_platform_at?: Date | null;
            /** @description To show above the form. */
            notice: string;
            /** @description Newest first. */
            reports: components["schemas"]["ReportView"][];
            /**
             * Format: date-time
             * @description When the student confirmed the photo (cleared by a later report).
             */
            self_checked_at?: Date | null;
        };
        /**
         * SessionAvailability
         * @description A session the student may book now.
         */
        SessionAvailability: {
            /**
             * Format: date-time
             * @description Booking closes then (Asia/Shanghai).
             */
            booking_closes_at: Date;
            campus_code: string;
            campus_name: string;
            /**
             * Format: date
             * @description The local day.
             */
            date: string;
            /** Format: int64 */
            id: number;
            /** @description Fee, dress rules and what to bring. */
            on_site_notes: string;
            rooms: string;
            slots: components["schemas"]["SlotAvailability"][];
            /** @description Local windows, e.g. `09:00-12:00`. */
            windows: string[];
        };
        /** SessionBookings */
        SessionBookings: {
            /** @description Counts for the unit in scope (a secretary's own unit). */
            counts: components["schemas"]["CountsView"];
            /** @description In slot order, then by student number. */
            items: components["schemas"]["BookingRowView"][];
            /** Format: int64 */
            session_id: number;
            /** @description Per-slot fill of the whole session; admins only (absent for secretaries). */
            slots?: components["schemas"]["SlotView"][] | null;
        };
        /** SessionList */
        SessionList: {
            /**
             * @description Null when the student may book. Otherwise the sessions are shown
             *     read-only (when and where) and booking is refused for this reason.
             */
            booking_refused?: components["schemas"]["BookingRefusal"] | null;
            items: components["schemas"]["SessionAvailability"][];
        };
        /**
         * SessionView
         * @description A collection session (one campus day in its rooms) with its slots.
         */
        SessionView: {
            /**
             * Format: date-time
             * @description When booking closes (Asia/Shanghai); absent: one hour before the first slot.
             */
            booking_closes_at?: Date | null;
            /**
             * Format: date-time
             * @description When booking opens (Asia/Shanghai); absent: as soon as the campaign is open.
             */
            booking_opens_at?: Date | null;
            /** Format: int64 */
            campaign_id: number;
            campus_code: string;
            campus_name: string;
            /** Format: int32 */
            capacity_per_slot: number;
            /**
             * Format: date
             * @description The local day.
             */
            date: string;
            /** Format: int64 */
            id: number;
            /** @description Room(s), e.g. `新教学楼 306、307`. */
            rooms: string;
            /** Format: int32 */
            slot_minutes: number;
            slots: components["schemas"]["SlotView"][];
            /** @description Units served; empty means every unit of the campus. */
            unit_codes: string[];
            /** @description Local windows, e.g. `["09:00-12:00", "13:30-15:30"]`. */
            windows: string[];
        };
        /**
         * SlotAvailability
         * @description A slot and how many places are left.
         */
        SlotAvailability: {
            /** Format: int32 */
            capacity: number;
            /** Format: date-time */
            ends_at: Date;
            /** Format: int64 */
            id: number;
            /** Format: int32 */
            remaining: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            starts_at: Date;
        };
        /**
         * SlotView
         * @description A bookable slot.
         */
        SlotView: {
            /** Format: int32 */
            booked: number;
            /** Format: int32 */
            capacity: number;
            /** Format: date-time */
            ends_at: Date;
            /** Format: int64 */
            id: number;
            /** Format: int32 */
            remaining: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            starts_at: Date;
        };
        /**
         * SpecView
         * @description The CHSI photo spec as numbers, for drawing the camera guide.
         */
        SpecView: {
            /** @description The dress rules shown with the camera. */
            advice: string[];
            /** @description Reference background colour `[r, g, b]` (light blue). */
            background_rgb: number[];
            /** @description Version of the photo-processing notice to accept before uploading. */
            consent_version: string;
            /** @description Height of the eyes from the top edge. */
            eyes_from_top: components["schemas"]["Band"];
            /** @description Width of the face. */
            face_width: components["schemas"]["Band"];
            /** Format: uint32 */
            frame_height: number;
            /** Format: uint32 */
            frame_width: number;
            /** @description Distance of the top of the head (hairline) from the top edge. */
            hairline_from_top: components["schemas"]["Band"];
            /**
             * Format: uint64
             * @description Largest file accepted, in bytes.
             */
            max_upload_bytes: number;
        };
        /** StaffCollectionCode */
        StaffCollectionCode: {
            /**
             * @description The code to store (trimmed; printable, at most 512 characters), or
             *     `null` to clear it.
             */
            code?: string | null;
        };
        /** StaffList */
        StaffList: {
            items: components["schemas"]["StaffView"][];
        };
        /** StaffLoginRequest */
        StaffLoginRequest: {
            password: string;
            username: string;
        };
        /** StaffLoginResponse */
        StaffLoginResponse: {
            /**
             * Format: date-time
             * @description When the token stops working (Asia/Shanghai, RFC 3339).
             */
            expires_at: Date;
            /** @description The account's role; it decides which endpoints the token opens. */
            role: components["schemas"]["StaffRole"];
            /** @description Bearer token for `Authorization: Bearer <token>`. */
            token: string;
        };
        /**
         * StaffReportView
         * @description An error report with its student, for staff.
         */
        StaffReportView: {
            /** Format: int64 */
            batch_id?: number | null;
            chsi_status: components["schemas"]["ChsiStatus"];
            name: string;
            report: components["schemas"]["ReportView"];
            /**
             * Format: int64
             * @description Roster entry id.
             */
            student_id: number;
            student_no: string;
            unit_code: string;
        };
        /**
         * @description A staff role. Students are not staff; they log in with WeChat.
         * @enum {string}
         */
        StaffRole: "admin" | "unit_secretary" | "onsite" | "intl_office";
        /**
         * StaffView
         * @description A staff account (never includes the password hash).
         */
        StaffView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            created_at: Date;
            /** @description A disabled account cannot log in and its tokens are revoked. */
            disabled: boolean;
            /** Format: int64 */
            id: number;
            /**
             * Format: date-time
             * @description Asia/Shanghai; absent if the account never logged in.
             */
            last_login_at?: Date | null;
            role: components["schemas"]["StaffRole"];
            /** @description The training unit a `unit_secretary` is limited to; absent for other roles. */
            unit_code?: string | null;
            /** @description Login name, lower case. */
            username: string;
        };
        /**
         * StatusEventView
         * @description A student's CHSI status as one import gave it.
         */
        StatusEventView: {
            /**
             * @description False: the row was dated before the student's current status, so it
             *     is kept here for the record but did not replace that status.
             */
            applied: boolean;
            /**
             * Format: int64
             * @description The import it came from.
             */
            import_id: number;
            /**
             * Format: date-time
             * @description When it was imported (Asia/Shanghai).
             */
            imported_at: Date;
            remark?: string | null;
            status: components["schemas"]["ChsiStatus"];
            /**
             * Format: date
             * @description The date the list gave, if any.
             */
            status_date?: string | null;
        };
        /** StatusHistory */
        StatusHistory: {
            /** @description Oldest first. */
            items: components["schemas"]["StatusEventView"][];
        };
        /**
         * StatusView
         * @description Where the student stands. Later features add their own parts (booking,
         *     make-up, CHSI verification, self-check); existing fields keep their meaning.
         */
        StatusView: {
            /**
             * @description The student's photo as the latest CHSI list shows it; null until a
             *     list names the student (or after a re-shoot was requested). The
             *     lists are the truth: `next_action` follows this status.
             */
            chsi_status?: components["schemas"]["ChsiStatus"] | null;
            /** @description Absent until the student is bound. */
            collection_code?: components["schemas"]["CollectionCodeState"] | null;
            eligibility: components["schemas"]["Eligibility"];
            next_action: components["schemas"]["NextActionView"];
            /**
             * @description The student missed a booked session and has not been photographed
             *     since: `next_action` is then `make_up_photo`.
             */
            no_show: boolean;
        };
        /**
         * @description Who needs a CHSI collection code: domestic and HK/Macao/Taiwan students
         *     do, foreign students use their student number instead.
         * @enum {string}
         */
        StudentCategory: "domestic" | "hk_macao_taiwan" | "foreign";
        /**
         * StudentDetail
         * @description Everything about one student but the collection code itself.
         */
        StudentDetail: {
            /** @description Every booking, newest first, cancelled and no-shows included. */
            bookings: components["schemas"]["BookingHistoryView"][];
            /** @description Error reports on the CHSI photo, newest first. */
            error_reports: components["schemas"]["ReportView"][];
            /**
             * Format: date-time
             * @description When the graduate platform listed the photo (Asia/Shanghai).
             */
            graduate_platform_at?: Date | null;
            /** @description The offline make-up, when declared. */
            offline?: components["schemas"]["OfflineView"] | null;
            /** @description Every online make-up upload, newest first, with its checks and decision. */
            photos: components["schemas"]["PhotoView"][];
            /** @description Binding, whether the code is saved, the status and next step, phone. */
            student: components["schemas"]["StudentRow"];
        };
        /** StudentLoginResponse */
        StudentLoginResponse: {
            /**
             * @description Whether the student is already bound to the graduation roster; if
             *     not, the mini-program shows the binding screen next.
             */
            bound: boolean;
            /**
             * Format: date-time
             * @description When the token stops working (Asia/Shanghai, RFC 3339).
             */
            expires_at: Date;
            /** @description Bearer token for `Authorization: Bearer <token>`. */
            token: string;
        };
        /** StudentMe */
        StudentMe: {
            /** @description The active booking, if any: where and when to come. */
            booking?: components["schemas"]["BookingView"] | null;
            /** @description Bound to the open campaign's roster. */
            bound: boolean;
            /** @description The open campaign, if any. */
            campaign?: components["schemas"]["CampaignSummary"] | null;
            /**
             * @description The make-up, once started: its state and the latest upload (with the
             *     reviewer's reason when rejected). Details in `GET /me/makeup`.
             */
            makeup?: components["schemas"]["MakeupSummary"] | null;
            /** @description Present once bound. */
            profile?: components["schemas"]["ProfileView"] | null;
            status: components["schemas"]["StatusView"];
            /** Format: int64 */
            student_id: number;
        };
        /** StudentPage */
        StudentPage: {
            items: components["schemas"]["StudentRow"][];
            /** Format: uint64 */
            page: number;
            /** Format: uint64 */
            page_size: number;
            /**
             * Format: uint64
             * @description Matching students in all pages.
             */
            total: number;
        };
        /**
         * StudentRef
         * @description A student as staff see them in make-up lists.
         */
        StudentRef: {
            category: components["schemas"]["StudentCategory"];
            /**
             * Format: int64
             * @description Roster entry id (the `{id}` of `/staff/students/{id}/...`).
             */
            id: number;
            makeup_state?: components["schemas"]["MakeupState"] | null;
            name: string;
            student_no: string;
            unit_code: string;
        };
        /**
         * StudentRow
         * @description A student on the roster with their status. The collection code itself is
         *     never listed, only whether it is saved.
         */
        StudentRow: {
            /** @description Bound to a WeChat account. */
            bound: boolean;
            /**
             * Format: date-time
             * @description When the student bound (Asia/Shanghai); null while unbound.
             */
            bound_at?: Date | null;
            category: components["schemas"]["StudentCategory"];
            collection_code_saved: boolean;
            deferred: boolean;
            graduation_half: components["schemas"]["GraduationHalf"];
            has_chsi_photo: boolean;
            /**
             * Format: int64
             * @description Roster entry id.
             */
            id: number;
            name: string;
            phone?: string | null;
            status: components["schemas"]["StatusView"];
            student_no: string;
            unit_code: string;
        };
        /**
         * SubscribeRequest
         * @description Templates the student accepted in `wx.requestSubscribeMessage`.
         */
        SubscribeRequest: {
            /** @description Only the accepted ones (`accept` in the mini-program's result), 1–20. */
            template_ids: string[];
        };
        /**
         * @description Which import a template is for.
         * @enum {string}
         */
        TemplateKind: "roster" | "chsi-statuses" | "graduate-platform";
        /** TemplateList */
        TemplateList: {
            items: components["schemas"]["TemplateView"][];
        };
        /**
         * TemplateView
         * @description A subscribe-message template of this deployment.
         */
        TemplateView: {
            /** @description The moment the message is sent for. */
            event: components["schemas"]["NotifyEvent"];
            /** @description What the message is for, to show the student (Chinese). */
            purpose: string;
            /**
             * Format: int32
             * @description Messages of this template the student allowed and has not received.
             */
            remaining: number;
            /** @description Pass to `wx.requestSubscribeMessage`. */
            template_id: string;
        };
        /** UnitProgress */
        UnitProgress: {
            counts: components["schemas"]["Counts"];
            unit_code: string;
            unit_name: string;
        };
        /**
         * UnitView
         * @description A training unit (培养单位).
         */
        UnitView: {
            /**
             * Format: int64
             * @description The campus whose sessions the unit's students attend by default.
             */
            campus_id: number;
            /** @description Code used in rosters and staff accounts, e.g. `CS`. */
            code: string;
            /** Format: int64 */
            id: number;
            name: string;
        };
        /** UpdateCampaign */
        UpdateCampaign: {
            /**
             * Format: int32
             * @description 0–10080.
             */
            cancel_cutoff_minutes?: number | null;
            /**
             * Format: int32
             * @description 2000–2100.
             */
            graduation_year?: number | null;
            /** @description Not blank; at most 1000 characters; `null` removes it (absent: unchanged). */
            intl_office_contact?: string | null;
            /** Format: date-time */
            makeup_deadline?: Date | null;
            /** @description Not blank; at most 1000 characters. */
            makeup_location?: string | null;
            /** @description Not blank; at most 128 characters. */
            name?: string | null;
            /** @description Not blank; at most 4000 characters. */
            on_site_notes?: string | null;
            /**
             * Format: int32
             * @description 1–365 days: when a photo missing on CHSI may be reported.
             */
            photo_missing_after_days?: number | null;
            /**
             * Format: int32
             * @description 1–3650 days.
             */
            retain_closed_days?: number | null;
            /**
             * Format: int32
             * @description 1–3650 days.
             */
            retain_original_days?: number | null;
            /**
             * Format: int32
             * @description 1–3650 days.
             */
            retain_rejected_days?: number | null;
            /** Format: date-time */
            self_check_deadline?: Date | null;
            status?: components["schemas"]["CampaignStatus"] | null;
        };
        /** UpdateCampus */
        UpdateCampus: {
            /** @description Not blank; at most 128 characters. */
            name: string;
        };
        /** UpdateSession */
        UpdateSession: {
            /** Format: date-time */
            booking_closes_at?: Date | null;
            /** Format: date-time */
            booking_opens_at?: Date | null;
            /**
             * Format: int32
             * @description 1–1000; refused if a slot already holds more bookings.
             */
            capacity_per_slot?: number | null;
            /**
             * Format: date
             * @description Changing the day, windows or slot length regenerates the slots
             *     (refused once anyone has booked).
             */
            date?: string | null;
            /** @description Not blank; at most 256 characters. */
            rooms?: string | null;
            /**
             * Format: int32
             * @description 5–240.
             */
            slot_minutes?: number | null;
            /**
             * @description Existing units (404 `not_found` otherwise); empty means every unit
             *     of the campus.
             */
            unit_codes?: string[] | null;
            /** @description As for creating a session: 24-hour windows such as `09:00-12:00`. */
            windows?: string[] | null;
        };
        /** UpdateStaffRequest */
        UpdateStaffRequest: {
            /** @description `true` disables the account and revokes its tokens; `false` enables it. */
            disabled?: boolean | null;
            /**
             * @description A new password (10–128 characters, hard to guess as for a new
             *     account); revokes the account's tokens. Not for one's own account
             *     (409 `current_password_required`: use `POST /staff/me/password`).
             */
            password?: string | null;
        };
        /** UpdateUnit */
        UpdateUnit: {
            /** @description An existing campus (404 `not_found` otherwise). */
            campus_code?: string | null;
            /** @description Not blank; at most 128 characters. */
            name?: string | null;
        };
        /**
         * @description The three stored variants of an upload.
         * @enum {string}
         */
        Variant: "original" | "normalized" | "thumb";
        /**
         * WaitlistView
         * @description The student's place in a full session's queue.
         */
        WaitlistView: {
            /**
             * Format: date-time
             * @description Asia/Shanghai.
             */
            joined_at: Date;
            /**
             * Format: uint64
             * @description 1 is next; 0 means a seat was granted at once (see `GET /me`).
             */
            position: number;
            /** Format: int64 */
            session_id: number;
        };
        /** WalkInRequest */
        WalkInRequest: {
            /**
             * @description The student is booked for another session: move that booking here
             *     (checked in) if a slot from the one in progress on has a seat, and
             *     give the old seat back (audited). Without it such a student is 409
             *     `already_booked`, the message naming the booked session.
             * @default false
             */
            move_booking: boolean | null;
            /**
             * Format: int64
             * @description The session being run here.
             */
            session_id: number;
            /** @description The student's number, as on the roster. */
            student_no: string;
        };
        /** WechatLoginRequest */
        WechatLoginRequest: {
            /**
             * @description The code from `wx.login()` in the mini-program; in dev-login mode
             *     (no appid configured) `dev:<openid>` logs in as that openid.
             */
            code: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    audit_log: {
        parameters: {
            query?: {
                student?: string;
                actor?: string;
                /** @description Only this kind of action (e.g. `review_decided`). */
                action?: components["schemas"]["AuditAction"];
                from?: string;
                to?: string;
                before_id?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Read the audit log */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AuditPage"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_campaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List campaigns, newest first */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["Items_CampaignView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CreateCampaign"];
            };
        };
        responses: {
            /** @description Created: Create a campaign */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CampaignView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `another_campaign_open`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "another_campaign_open";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One campaign */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CampaignView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["UpdateCampaign"];
            };
        };
        responses: {
            /** @description OK: Change a campaign (name, year, deadlines, status, notes, contacts) */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CampaignView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `another_campaign_open`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "another_campaign_open";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    import_chsi_statuses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV (UTF-8 or GBK) or XLSX with a header row. CHSI statuses: 学号 /
                     *     student_no, 状态 / status (已上传 / 核验通过 / 核验未通过 / 无法确定, or
                     *     uploaded / passed / failed / inconclusive), optional 日期 / date and
                     *     备注 / remark. Graduate platform: 学号 / student_no, optional 日期 / date.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Every row imported. */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ListImported"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `invalid_rows`, `too_many_rows`, `archive_too_large`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_rows" | "too_many_rows" | "archive_too_large";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    import_graduate_platform: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV (UTF-8 or GBK) or XLSX with a header row. CHSI statuses: 学号 /
                     *     student_no, 状态 / status (已上传 / 核验通过 / 核验未通过 / 无法确定, or
                     *     uploaded / passed / failed / inconclusive), optional 日期 / date and
                     *     备注 / remark. Graduate platform: 学号 / student_no, optional 日期 / date.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Every row imported. */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ListImported"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `invalid_rows`, `too_many_rows`, `archive_too_large`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_rows" | "too_many_rows" | "archive_too_large";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    makeup_export: {
        parameters: {
            query?: {
                since?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description A ZIP archive (streamed): `<student number>.jpg`, the student's latest
             *     approved normalised photo, one per student, and `manifest.csv` (UTF-8
             *     with BOM: student number, name, unit, category, collection code,
             *     file, SHA-256, photo id, approval time in UTC+8).
             *     `Content-Length` is the whole archive's: a download that ends short
             *     of it broke off.
             */
            200: {
                headers: {
                    "CONTENT-DISPOSITION": string;
                    "CONTENT-LENGTH": number;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `storage_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "storage_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    list_roster: {
        parameters: {
            query?: {
                unit?: string;
                q?: string;
                status?: components["schemas"]["NextAction"];
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Browse a campaign's roster */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentPage"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    import_roster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV (UTF-8 with or without BOM, or GBK) or XLSX. Header row with
                     *     学号/student_no, 姓名/name, 培养单位代码/unit_code, 学生类别/category
                     *     (境内/港澳台/外国 or domestic/hk_macao_taiwan/foreign), 毕业时间/
                     *     graduation_half (上半年/下半年 or first/second), and optionally
                     *     是否延期/deferred, 学信网已有学历照片/has_chsi_photo (是/否, yes/no), 手机号/phone,
                     *     证件号后六位/id_suffix (4–6 letters or digits; when given, binding asks
                     *     for it; a later file without it keeps the earlier one).
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Every row imported. */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ImportSummary"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `invalid_rows`, `too_many_rows`, `archive_too_large`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_rows" | "too_many_rows" | "archive_too_large";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List a campaign's sessions with their slots */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["Items_SessionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CreateSession"];
            };
        };
        responses: {
            /** @description Created: Create a collection session and its slots */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SessionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_campuses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List campuses */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["Items_CampusView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_campus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CreateCampus"];
            };
        };
        responses: {
            /** @description Created: Create a campus */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CampusView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `already_exists`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "already_exists";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_campus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["UpdateCampus"];
            };
        };
        responses: {
            /** @description OK: Rename a campus */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CampusView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    error_batches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Forwarded error-report batches */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["BatchList"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    export_error_batch: {
        parameters: {
            query: {
                format: components["schemas"]["ExportFormat"];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX. */
            200: {
                headers: {
                    /** @description `attachment; filename="….csv"` (or `.xlsx`). */
                    "Content-Disposition": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    error_batch_reports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The reports of one batch */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ReportList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    resolve_error_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["ResolveRequest"];
            };
        };
        responses: {
            /** @description OK: Resolve an error report */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffReportView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `already_resolved`, `report_not_forwarded`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "already_resolved" | "report_not_forwarded";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    import_template: {
        parameters: {
            query: {
                format: components["schemas"]["ExportFormat"];
            };
            header?: never;
            path: {
                kind: components["schemas"]["TemplateKind"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX. */
            200: {
                headers: {
                    /** @description `attachment; filename="….csv"` (or `.xlsx`). */
                    "Content-Disposition": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    run_retention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["RetentionRequest"];
            };
        };
        responses: {
            /** @description OK: Run the retention job now */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["RetentionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `retention_running`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "retention_running";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `storage_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "storage_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    get_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One session with its slots */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SessionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    delete_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Delete a session that nobody has booked */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `session_has_bookings`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "session_has_bookings";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["UpdateSession"];
            };
        };
        responses: {
            /** @description OK: Change a session */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SessionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `session_has_bookings`, `capacity_below_bookings`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "session_has_bookings" | "capacity_below_bookings";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List staff accounts */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffList"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CreateStaffRequest"];
            };
        };
        responses: {
            /** @description Created: Create a staff account */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `username_taken`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "username_taken";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_staff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["UpdateStaffRequest"];
            };
        };
        responses: {
            /** @description OK: Disable, enable or reset the password of a staff account */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `cannot_disable_self`, `current_password_required`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "cannot_disable_self" | "current_password_required";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    unbind_student: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Free a roster entry from its WeChat account */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    set_student_collection_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["StaffCollectionCode"];
            };
        };
        responses: {
            /** @description Stored (or cleared). */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `collection_code_in_use`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "collection_code_in_use";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_units: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: List training units */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["Items_UnitView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    create_unit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CreateUnit"];
            };
        };
        responses: {
            /** @description Created: Create a training unit */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["UnitView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `already_exists`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "already_exists";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    update_unit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["UpdateUnit"];
            };
        };
        responses: {
            /** @description OK: Rename a unit or move it to another campus */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["UnitView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is revoked on every instance. */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    login_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["StaffLoginRequest"];
            };
        };
        responses: {
            /** @description OK: Staff login with username and password */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffLoginResponse"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `invalid_credentials`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_credentials";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `too_many_attempts`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    login_wechat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["WechatLoginRequest"];
            };
        };
        responses: {
            /** @description OK: Student login with WeChat */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentLoginResponse"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `wechat_code_invalid`, `dev_login_disabled`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "wechat_code_invalid" | "dev_login_disabled";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `wechat_rate_limited`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "wechat_rate_limited";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `wechat_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "wechat_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    book_slot: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first answer. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["BookRequest"];
            };
        };
        responses: {
            /** @description Created: Book a slot */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`, `already_has_chsi_photo`, `session_not_for_unit`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound" | "already_has_chsi_photo" | "session_not_for_unit";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `booking_closed`, `slot_full`, `already_booked`, `collection_code_required`, `already_photographed`, `makeup_in_progress`, `request_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "booking_closed" | "slot_full" | "already_booked" | "collection_code_required" | "already_photographed" | "makeup_in_progress" | "request_in_progress";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `idempotency_key_reused`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    get_booking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One of the student's own bookings */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    cancel_booking: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seat is free again and visible in availability at once. */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `cancel_window_closed`, `booking_not_active`, `request_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "cancel_window_closed" | "booking_not_active" | "request_in_progress";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `idempotency_key_reused`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    check_in_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The check-in code for a booking */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["CheckInCode"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `booking_not_active`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "booking_not_active";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    reschedule_booking: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the first answer. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["RescheduleRequest"];
            };
        };
        responses: {
            /** @description OK: Move a booking to another slot */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["BookingView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `session_not_for_unit`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "session_not_for_unit";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `booking_closed`, `slot_full`, `cancel_window_closed`, `booking_not_active`, `request_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "booking_closed" | "slot_full" | "cancel_window_closed" | "booking_not_active" | "request_in_progress";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `idempotency_key_reused`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    intl_students: {
        parameters: {
            query?: {
                campaign?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Foreign students and their photos, across units */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["IntlStudentList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    e_photo_received: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Record a foreign student's e-photo as received */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["OfflineStudentView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    makeup_spec: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The CHSI photo spec for the camera guide */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SpecView"];
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    student_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The student's status screen */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentMe"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    bind_roster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["BindingRequest"];
            };
        };
        responses: {
            /** @description OK: Bind this WeChat account to the roster */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentMe"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_on_roster`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_on_roster";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `roster_entry_taken`, `already_bound`, `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "roster_entry_taken" | "already_bound" | "no_open_campaign";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `too_many_attempts`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    save_collection_code: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CollectionCodeRequest"];
            };
        };
        responses: {
            /** @description OK: Save the CHSI image collection code */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentMe"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `collection_code_in_use`, `collection_code_locked`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "collection_code_in_use" | "collection_code_locked";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    accept_consent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["ConsentRequest"];
            };
        };
        responses: {
            /** @description Recorded (or already recorded earlier: the first acceptance is kept). */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ConsentView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `consent_version_outdated`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "consent_version_outdated";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    withdraw_consent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                purpose: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Withdraw the photo-processing consent */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ConsentWithdrawn"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `photo_already_approved`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_already_approved";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `storage_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "storage_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    graduate_platform_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Say the CHSI e-photo is on the graduate platform */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["GraduatePlatformView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound";
                    };
                };
            };
            /** @description Conflict. `code`: `photo_not_verified`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_not_verified";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_makeup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The student's make-up */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["MakeupView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    declare_offline_makeup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["OfflineRequest"];
            };
        };
        responses: {
            /** @description OK: Declare a make-up shot at the collection centre */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["OfflineDeclaredView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`, `already_has_chsi_photo`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound" | "already_has_chsi_photo";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `makeup_closed`, `already_photographed`, `collection_code_required`, `booking_active`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "makeup_closed" | "already_photographed" | "collection_code_required" | "booking_active";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    upload_makeup_photo: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A retry with the same key, photo and `source` answers the first
                 *     upload again (201, `Idempotent-Replay: true`) instead of 409
                 *     `makeup_pending`; a refused upload is checked again (the same
                 *     file gets the same answer).
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG or PNG, at most 10 MB.
                     */
                    photo: string;
                    /** @description `camera` (taken in the mini-program) or `album`; blank means not said. */
                    source?: string;
                };
            };
        };
        responses: {
            /** @description Stored and waiting for review. */
            201: {
                headers: {
                    /** @description `true` when this answers a retry with the same `Idempotency-Key`. */
                    "IDEMPOTENT-REPLAY"?: boolean;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["PhotoView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`, `already_has_chsi_photo`, `consent_required`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound" | "already_has_chsi_photo" | "consent_required";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `makeup_closed`, `already_photographed`, `collection_code_required`, `booking_active`, `makeup_pending`, `photo_already_rejected`, `request_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "makeup_closed" | "already_photographed" | "collection_code_required" | "booking_active" | "makeup_pending" | "photo_already_rejected" | "request_in_progress";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `photo_check_failed`, `image_too_large`, `image_metadata_too_large`, `not_an_image`, `idempotency_key_reused`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_check_failed" | "image_too_large" | "image_metadata_too_large" | "not_an_image" | "idempotency_key_reused";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `too_many_attempts`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `storage_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "storage_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    withdraw_makeup_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Withdraw a pending upload */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `photo_not_pending`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_not_pending";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    precheck_makeup_photo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG or PNG, at most 10 MB.
                     */
                    photo: string;
                    /** @description `camera` (taken in the mini-program) or `album`; blank means not said. */
                    source?: string;
                };
            };
        };
        responses: {
            /** @description OK: Check a photo without storing it */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["PrecheckView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Unprocessable Entity. `code`: `image_too_large`, `image_metadata_too_large`, `not_an_image`. */
            422: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "image_too_large" | "image_metadata_too_large" | "not_an_image";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `too_many_attempts`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    my_self_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The student's self-check screen */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SelfCheckView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    self_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["SelfCheckRequest"];
            };
        };
        responses: {
            /** @description OK: Confirm the photo on CHSI, or report a real error */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SelfCheckView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `photo_not_on_chsi_yet`, `self_check_closed`, `error_report_open`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_not_on_chsi_yet" | "self_check_closed" | "error_report_open";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["SubscribeRequest"];
            };
        };
        responses: {
            /** @description OK: Record accepted subscriptions */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["TemplateList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    subscription_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Subscribe-message templates to ask for */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["TemplateList"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    undo_check_in: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Taken back. */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `not_checked_in`, `undo_window_passed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_checked_in" | "undo_window_passed";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    mark_photographed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["PhotographedRequest"];
            };
        };
        responses: {
            /** @description OK: Mark a checked-in student photographed */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AttendanceView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `already_has_chsi_photo`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "already_has_chsi_photo";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `not_checked_in`, `collection_code_required`, `makeup_in_progress`, `already_photographed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_checked_in" | "collection_code_required" | "makeup_in_progress" | "already_photographed";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    undo_photographed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Take "photographed" back */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AttendanceView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `not_checked_in`, `undo_window_passed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_checked_in" | "undo_window_passed";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    check_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description OK: Check a student in from their code */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AttendanceView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`, `invalid_check_in_code`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request" | "invalid_check_in_code";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `already_has_chsi_photo`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "already_has_chsi_photo";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `check_in_code_expired`, `not_session_day`, `wrong_session`, `booking_not_active`, `collection_code_required`, `makeup_in_progress`, `already_photographed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "check_in_code_expired" | "not_session_day" | "wrong_session" | "booking_not_active" | "collection_code_required" | "makeup_in_progress" | "already_photographed";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    walk_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["WalkInRequest"];
            };
        };
        responses: {
            /** @description OK: Check in a student who comes without a booking */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AttendanceView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `already_has_chsi_photo`, `session_not_for_unit`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "already_has_chsi_photo" | "session_not_for_unit";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`, `not_on_roster`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found" | "not_on_roster";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `not_session_day`, `already_booked`, `slot_full`, `booking_not_active`, `no_open_campaign`, `collection_code_required`, `makeup_in_progress`, `already_photographed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_session_day" | "already_booked" | "slot_full" | "booking_not_active" | "no_open_campaign" | "collection_code_required" | "makeup_in_progress" | "already_photographed";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_available_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Sessions the student may book now, with places left per slot */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SessionList"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`, `already_has_chsi_photo`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound" | "already_has_chsi_photo";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    waitlist_place: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The student's place in a session's waitlist */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["WaitlistView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    join_waitlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created: Join the waitlist of a full session */
            201: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["WaitlistView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `not_bound`, `already_has_chsi_photo`, `session_not_for_unit`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "not_bound" | "already_has_chsi_photo" | "session_not_for_unit";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `booking_closed`, `session_not_full`, `already_booked`, `already_waiting`, `collection_code_required`, `already_photographed`, `makeup_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "booking_closed" | "session_not_full" | "already_booked" | "already_waiting" | "collection_code_required" | "already_photographed" | "makeup_in_progress";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    leave_waitlist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Leave a session's waitlist */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    at_risk: {
        parameters: {
            query?: {
                campaign?: number;
                unit?: string;
                within_days?: number;
                sort?: components["schemas"]["AtRiskSort"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Students at risk */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["AtRiskList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    export_at_risk: {
        parameters: {
            query: {
                campaign?: number;
                unit?: string;
                within_days?: number;
                sort?: components["schemas"]["AtRiskSort"];
                format: components["schemas"]["ExportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX. */
            200: {
                headers: {
                    /** @description `attachment; filename="….csv"` (or `.xlsx`). */
                    "Content-Disposition": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    error_reports: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReportStatus"];
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Error reports of the unit */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ReportList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    forward_error_reports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["ForwardRequest"];
            };
        };
        responses: {
            /** @description OK: Forward error reports to the Graduate School */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["BatchList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    return_error_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["ReturnRequest"];
            };
        };
        responses: {
            /** @description OK: Return an error report to the student as not an error */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffReportView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `report_already_forwarded`, `already_resolved`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "report_already_forwarded" | "already_resolved";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    staff_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: The logged-in staff member */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StaffView"];
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    change_own_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["PasswordChangeRequest"];
            };
        };
        responses: {
            /** @description The token is revoked on every instance. */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`, `wrong_current_password`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden" | "wrong_current_password";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Too Many Requests. `code`: `too_many_attempts`. */
            429: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "too_many_attempts";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    paper_photos: {
        parameters: {
            query?: {
                unit?: string;
                all?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Offline make-ups in scope */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["OfflineList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    photo_image: {
        parameters: {
            query?: {
                variant?: components["schemas"]["Variant"];
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The image: JPEG (thumbnails, normalised photos and JPEG originals) or
             *     PNG (PNG originals). Never cached by browsers or proxies.
             */
            200: {
                headers: {
                    "CACHE-CONTROL": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Gone. `code`: `photo_deleted`. */
            410: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_deleted";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `storage_unavailable`, `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "storage_unavailable" | "service_unavailable";
                    };
                };
            };
        };
    };
    progress: {
        parameters: {
            query?: {
                campaign?: number;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Progress per unit */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ProgressView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    export_progress: {
        parameters: {
            query: {
                campaign?: number;
                unit?: string;
                format: components["schemas"]["ExportFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX. */
            200: {
                headers: {
                    /** @description `attachment; filename="….csv"` (or `.xlsx`). */
                    "Content-Disposition": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    review_queue: {
        parameters: {
            query?: {
                status?: components["schemas"]["PhotoStatus"];
                unit?: string;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Uploads to review */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ReviewPage"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    review_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photo_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /**
             * @description OK: Approve or reject an upload
             *     /// Approve or reject an upload
             */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["PhotoView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `already_reviewed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "already_reviewed";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    revert_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photo_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json; charset=utf-8": components["schemas"]["RevertRequest"];
            };
        };
        responses: {
            /** @description OK: Take a review decision back */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["PhotoView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Request Timeout. `code`: `request_timeout`. */
            408: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                    };
                };
            };
            /** @description Conflict. `code`: `photo_not_pending`, `already_reviewed`, `decision_final`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "photo_not_pending" | "already_reviewed" | "decision_final";
                    };
                };
            };
            /** @description Payload Too Large. `code`: `payload_too_large`. */
            413: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                    };
                };
            };
            /** @description Unsupported Media Type. `code`: `unsupported_media_type`. */
            415: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    staff_sessions: {
        parameters: {
            query?: {
                /** @description The campaign; the open one when absent. */
                campaign?: number;
                /** @description Only the sessions of this day. */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Sessions of a campaign for staff */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["Items_SessionView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    session_bookings: {
        parameters: {
            query?: {
                unit?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Bookings of a session, with counts */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["SessionBookings"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    export_session_bookings: {
        parameters: {
            query: {
                format: components["schemas"]["ExportFormat"];
                unit?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spreadsheet, as `format` asks: CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX. */
            200: {
                headers: {
                    /** @description `attachment; filename="….csv"` (or `.xlsx`). */
                    "Content-Disposition": string;
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    list_students: {
        parameters: {
            query?: {
                campaign?: number;
                unit?: string;
                q?: string;
                status?: components["schemas"]["NextAction"];
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Students and their status (admins: all units; secretaries: their own) */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentPage"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `no_open_campaign`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "no_open_campaign";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    student_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: One student's whole story */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StudentDetail"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    chsi_status_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A student's CHSI status history */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["StatusHistory"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    student_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: A student's messages and their delivery */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["NotificationList"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    paper_photo_received: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: Record a paper photo as received */
            200: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["OfflineStudentView"];
                };
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `makeup_in_progress`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "makeup_in_progress";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
    undo_paper_photo_received: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content: Take a paper photo's receipt back */
            204: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request. `code`: `invalid_request`. */
            400: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "invalid_request";
                    };
                };
            };
            /** @description Unauthorized. `code`: `unauthenticated`. */
            401: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "unauthenticated";
                    };
                };
            };
            /** @description Forbidden. `code`: `forbidden`. */
            403: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "forbidden";
                    };
                };
            };
            /** @description Not Found. `code`: `not_found`. */
            404: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "not_found";
                    };
                };
            };
            /** @description Conflict. `code`: `undo_window_passed`. */
            409: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "undo_window_passed";
                    };
                };
            };
            /** @description Internal Server Error. `code`: `internal_error`. */
            500: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                    };
                };
            };
            /** @description Service Unavailable. `code`: `service_unavailable`. */
            503: {
                headers: {
                    /** @description Id of this request in the server logs. */
                    "X-REQUEST-ID": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": components["schemas"]["ErrorBody"] & {
                        /** @enum {string} */
                        code?: "service_unavailable";
                    };
                };
            };
        };
    };
}
