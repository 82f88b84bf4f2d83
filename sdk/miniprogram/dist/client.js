"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DiplomaPhotoClient = exports.ApiError = void 0;
exports.isApiError = isApiError;
const date_fields_1 = require("./date-fields");
/** A failed call: `status` 0 when no answer came (`network_error`). */
class ApiError extends Error {
    constructor(operation, status, code, message, 
    /** `X-Request-Id` of the answer, for the server logs (null when there was none). */
    requestId, 
    /** The whole error body, e.g. `checks` of `photo_check_failed`. */
    body) {
        super(message);
        this.operation = operation;
        this.status = status;
        this.code = code;
        this.requestId = requestId;
        this.body = body;
        this.name = 'ApiError';
    }
}
exports.ApiError = ApiError;
/** Narrows a caught error to `operation`'s error, so `code` is that operation's enum. */
function isApiError(error, operation) {
    return error instanceof ApiError && error.operation === operation;
}
class DiplomaPhotoClient {
    constructor(options) {
        var _a, _b, _c;
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.retryDelaysMs = (_a = options.retryDelaysMs) !== null && _a !== void 0 ? _a : [300, 1000];
        this.onToken = options.onToken;
        this.currentToken = (_b = options.token) !== null && _b !== void 0 ? _b : null;
        const w = (_c = options.wx) !== null && _c !== void 0 ? _c : (typeof wx === 'undefined' ? undefined : wx);
        if (!w)
            throw new Error('diploma-photo SDK: no `wx` (pass options.wx outside the mini-program)');
        this.wx = w;
    }
    get token() {
        return this.currentToken;
    }
    setToken(token) {
        this.currentToken = token;
        if (this.onToken)
            this.onToken(token);
    }
    // ---- Auth ----
    /** Exchanges `wx.login()`'s code for a token, which later calls send. */
    async loginWechat(code) {
        const session = await this.json('login_wechat', 'POST', '/auth/wechat', { code });
        this.setToken(session.token);
        return session;
    }
    /** Revokes the token; it is forgotten here too (also when it was no longer valid). */
    async logout() {
        try {
            await this.json('logout', 'POST', '/auth/logout');
        }
        catch (e) {
            if (isApiError(e, 'logout') && e.code === 'unauthenticated')
                this.setToken(null);
            throw e;
        }
        this.setToken(null);
    }
    // ---- Student ----
    /** Everything the home page shows, with `status.next_action`. */
    me() {
        return this.json('student_me', 'GET', '/me');
    }
    bindRoster(body) {
        return this.json('bind_roster', 'POST', '/me/binding', body);
    }
    saveCollectionCode(code) {
        return this.json('save_collection_code', 'PUT', '/me/collection-code', { code });
    }
    // ---- Booking ----
    listSessions() {
        return this.json('list_available_sessions', 'GET', '/sessions');
    }
    bookSlot(slotId) {
        return this.json('book_slot', 'POST', '/bookings', { slot_id: slotId }, true);
    }
    getBooking(id) {
        return this.json('get_booking', 'GET', `/bookings/${id}`);
    }
    cancelBooking(id) {
        return this.json('cancel_booking', 'DELETE', `/bookings/${id}`, undefined, true);
    }
    rescheduleBooking(id, slotId) {
        return this.json('reschedule_booking', 'POST', `/bookings/${id}/reschedule`, { slot_id: slotId }, true);
    }
    /** The QR payload to show at the session. */
    checkInCode(id) {
        return this.json('check_in_code', 'GET', `/bookings/${id}/check-in`);
    }
    joinWaitlist(sessionId) {
        return this.json('join_waitlist', 'POST', `/sessions/${sessionId}/waitlist`);
    }
    waitlistPlace(sessionId) {
        return this.json('waitlist_place', 'GET', `/sessions/${sessionId}/waitlist`);
    }
    leaveWaitlist(sessionId) {
        return this.json('leave_waitlist', 'DELETE', `/sessions/${sessionId}/waitlist`);
    }
    // ---- Make-up photo ----
    /** The photo spec and the current consent version (no login needed). */
    makeupSpec() {
        return this.json('makeup_spec', 'GET', '/makeup/spec');
    }
    acceptConsent(body) {
        return this.json('accept_consent', 'POST', '/me/consents', body);
    }
    withdrawConsent(purpose) {
        return this.json('withdraw_consent', 'DELETE', `/me/consents/${encodeURIComponent(purpose)}`);
    }
    /** Runs every check on a local file (e.g. from `wx.chooseMedia`) without storing it. */
    precheckMakeupPhoto(filePath, source) {
        return this.upload('precheck_makeup_photo', '/me/makeup/precheck', filePath, source, false);
    }
    /** Uploads a local file; retried on network failure under one Idempotency-Key. */
    uploadMakeupPhoto(filePath, source) {
        return this.upload('upload_makeup_photo', '/me/makeup/photos', filePath, source, true);
    }
    myMakeup() {
        return this.json('my_makeup', 'GET', '/me/makeup');
    }
    withdrawMakeupPhoto(id) {
        return this.json('withdraw_makeup_photo', 'DELETE', `/me/makeup/photos/${id}`);
    }
    /** `takenOn`: YYYY-MM-DD, the day of the shot at the collection centre. */
    declareOfflineMakeup(takenOn) {
        return this.json('declare_offline_makeup', 'POST', '/me/makeup/offline', { taken_on: takenOn });
    }
    // ---- Verification ----
    mySelfCheck() {
        return this.json('my_self_check', 'GET', '/me/self-check');
    }
    selfCheck(body) {
        return this.json('self_check', 'POST', '/me/self-check', body);
    }
    graduatePlatformUpload() {
        return this.json('graduate_platform_upload', 'POST', '/me/graduate-platform-upload');
    }
    // ---- Notifications ----
    subscriptionTemplates() {
        return this.json('subscription_templates', 'GET', '/me/subscriptions/templates');
    }
    /** `templateIds`: those accepted in `wx.requestSubscribeMessage`. */
    subscribe(templateIds) {
        return this.json('subscribe', 'POST', '/me/subscriptions', { template_ids: templateIds });
    }
    // ---- Transport ----
    headers(idempotent) {
        const header = {};
        if (this.currentToken)
            header.Authorization = `Bearer ${this.currentToken}`;
        // One key per logical call, reused by its retries: the server answers a
        // retry of a request it already did with the first answer.
        if (idempotent)
            header['Idempotency-Key'] = uuid();
        return header;
    }
    /** A JSON call. GETs and keyed calls are retried when no answer comes (never on an HTTP error). */
    async json(operation, method, path, body, idempotent = false) {
        const header = this.headers(idempotent);
        if (body !== undefined)
            header['Content-Type'] = 'application/json';
        const answer = await this.withRetries(operation, method === 'GET' || idempotent, () => new Promise((resolve, reject) => {
            this.wx.request({
                url: this.baseUrl + path,
                method,
                header,
                data: body,
                dataType: 'json',
                success: (r) => resolve({ status: r.statusCode, data: r.data, requestId: headerValue(r.header, 'x-request-id') }),
                fail: reject,
            });
        }));
        return settle(operation, answer);
    }
    /** A multipart upload of `photo` with `wx.uploadFile`. */
    async upload(operation, path, filePath, source, idempotent) {
        const header = this.headers(idempotent);
        const answer = await this.withRetries(operation, idempotent, () => new Promise((resolve, reject) => {
            let requestId = null;
            const task = this.wx.uploadFile({
                url: this.baseUrl + path,
                filePath,
                name: 'photo',
                formData: source ? { source } : {},
                header,
                // uploadFile's result has no headers and its body is a string.
                success: (r) => resolve({ status: r.statusCode, data: parseJson(r.data), requestId }),
                fail: reject,
            });
            if (task && task.onHeadersReceived) {
                task.onHeadersReceived((r) => {
                    requestId = headerValue(r.header, 'x-request-id');
                });
            }
        }));
        return settle(operation, answer);
    }
    async withRetries(operation, retryable, attempt) {
        var _a;
        for (let retry = 0;; retry++) {
            try {
                return await attempt();
            }
            catch (e) {
                const errMsg = (_a = e === null || e === void 0 ? void 0 : e.errMsg) !== null && _a !== void 0 ? _a : String(e);
                if (!retryable || retry >= this.retryDelaysMs.length) {
                    throw new ApiError(operation, 0, 'network_error', errMsg, null);
                }
                await sleep(this.retryDelaysMs[retry]);
            }
        }
    }
}
exports.DiplomaPhotoClient = DiplomaPhotoClient;
function settle(operation, answer) {
    const { status, data, requestId } = answer;
    if (status >= 200 && status < 300) {
        return (status === 204 ? undefined : reviveDates(data));
    }
    if (isErrorBody(data))
        throw new ApiError(operation, status, data.code, data.message, requestId, data);
    throw new ApiError(operation, status, 'bad_response', `HTTP ${status} without an API error body`, requestId);
}
function isErrorBody(data) {
    const d = data;
    return typeof d === 'object' && d !== null && typeof d.code === 'string' && typeof d.message === 'string';
}
/** `format: date-time` strings to Date, by property name (see scripts/generate.mjs). */
function reviveDates(value) {
    if (Array.isArray(value))
        return value.map(reviveDates);
    if (typeof value !== 'object' || value === null)
        return value;
    const out = {};
    for (const [key, v] of Object.entries(value)) {
        // Fractions beyond milliseconds are cut: not every JS engine parses them.
        out[key] = date_fields_1.DATE_TIME_FIELDS.has(key) && typeof v === 'string' ? new Date(v.replace(/(\.\d{3})\d+/, '$1')) : reviveDates(v);
    }
    return out;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch (_a) {
        return text;
    }
}
function headerValue(header, name) {
    for (const key of Object.keys(header !== null && header !== void 0 ? header : {})) {
        if (key.toLowerCase() === name)
            return header[key];
    }
    return null;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** A random v4 UUID. Math.random suffices: the key must be unique, not secret, and the
 *  mini-program's runtime has no synchronous crypto API. */
function uuid() {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
        const r = (Math.random() * 16) | 0;
        return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
}
