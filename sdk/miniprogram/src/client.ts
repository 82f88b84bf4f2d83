import type { components, operations } from './schema';
import { DATE_TIME_FIELDS } from './date-fields';
import type { Wx, WxFail } from './wx';

// Globals of the mini-program runtime (and Node), declared here rather than
// pulling in DOM or Node typings; module-scoped so they clash with nothing.
declare const wx: Wx | undefined;
declare function setTimeout(callback: () => void, ms: number): unknown;

type Schemas = components['schemas'];
export type OperationId = keyof operations;
type Responses<O extends OperationId> = operations[O]['responses'];
type SuccessStatus = 200 | 201 | 204;
type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

/** The body of an operation's success answer (`undefined` for 204). */
export type Result<O extends OperationId> = ContentOf<Responses<O>[Extract<keyof Responses<O>, SuccessStatus>]>;

/** Errors made on this side: no answer after the retries, or an answer that is not the API's JSON. */
export type ClientErrorCode = 'network_error' | 'bad_response';

type ErrorStatus<O extends OperationId> = Exclude<keyof Responses<O>, SuccessStatus>;
/** Every `code` an operation's error answers may carry (from the document), plus the client's own. */
export type ErrorCodeOf<O extends OperationId> =
  | {
      [S in ErrorStatus<O>]: ContentOf<Responses<O>[S]> extends { code: infer C extends string } ? C : never;
    }[ErrorStatus<O>]
  | ClientErrorCode;

/** A failed call: `status` 0 when no answer came (`network_error`). */
export class ApiError<C extends string = string> extends Error {
  constructor(
    readonly operation: OperationId,
    readonly status: number,
    readonly code: C,
    message: string,
    /** `X-Request-Id` of the answer, for the server logs (null when there was none). */
    readonly requestId: string | null,
    /** The whole error body, e.g. `checks` of `photo_check_failed`. */
    readonly body?: Schemas['ErrorBody'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Narrows a caught error to `operation`'s error, so `code` is that operation's enum. */
export function isApiError<O extends OperationId>(error: unknown, operation: O): error is ApiError<ErrorCodeOf<O>> {
  return error instanceof ApiError && error.operation === operation;
}

export type PhotoSource = 'camera' | 'album';

export interface ClientOptions {
  /** The API root, e.g. `https://photo.example.edu.cn/api/v1`. */
  baseUrl: string;
  /** A token saved from an earlier `loginWechat`. */
  token?: string | null;
  /** Called when login sets the token or logout clears it, e.g. to keep it with `wx.setStorageSync`. */
  onToken?: (token: string | null) => void;
  /** Waits before each retry of a request that got no answer; its length is the number of retries. */
  retryDelaysMs?: number[];
  /** Defaults to the global `wx`. */
  wx?: Wx;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Answer {
  status: number;
  data: unknown;
  requestId: string | null;
}

export class DiplomaPhotoClient {
  private readonly baseUrl: string;
  private readonly retryDelaysMs: number[];
  private readonly onToken?: (token: string | null) => void;
  private readonly wx: Wx;
  private currentToken: string | null;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retryDelaysMs = options.retryDelaysMs ?? [300, 1000];
    this.onToken = options.onToken;
    this.currentToken = options.token ?? null;
    const w = options.wx ?? (typeof wx === 'undefined' ? undefined : wx);
    if (!w) throw new Error('diploma-photo SDK: no `wx` (pass options.wx outside the mini-program)');
    this.wx = w;
  }

  get token(): string | null {
    return this.currentToken;
  }

  private setToken(token: string | null): void {
    this.currentToken = token;
    if (this.onToken) this.onToken(token);
  }

  // ---- Auth ----

  /** Exchanges `wx.login()`'s code for a token, which later calls send. */
  async loginWechat(code: string): Promise<Result<'login_wechat'>> {
    const session = await this.json('login_wechat', 'POST', '/auth/wechat', { code });
    this.setToken(session.token);
    return session;
  }

  /** Revokes the token; it is forgotten here too (also when it was no longer valid). */
  async logout(): Promise<void> {
    try {
      await this.json('logout', 'POST', '/auth/logout');
    } catch (e) {
      if (isApiError(e, 'logout') && e.code === 'unauthenticated') this.setToken(null);
      throw e;
    }
    this.setToken(null);
  }

  // ---- Student ----

  /** Everything the home page shows, with `status.next_action`. */
  me(): Promise<Result<'student_me'>> {
    return this.json('student_me', 'GET', '/me');
  }

  bindRoster(body: Schemas['BindingRequest']): Promise<Result<'bind_roster'>> {
    return this.json('bind_roster', 'POST', '/me/binding', body);
  }

  saveCollectionCode(code: string): Promise<Result<'save_collection_code'>> {
    return this.json('save_collection_code', 'PUT', '/me/collection-code', { code });
  }

  // ---- Booking ----

  listSessions(): Promise<Result<'list_available_sessions'>> {
    return this.json('list_available_sessions', 'GET', '/sessions');
  }

  bookSlot(slotId: number): Promise<Result<'book_slot'>> {
    return this.json('book_slot', 'POST', '/bookings', { slot_id: slotId }, true);
  }

  getBooking(id: number): Promise<Result<'get_booking'>> {
    return this.json('get_booking', 'GET', `/bookings/${id}`);
  }

  cancelBooking(id: number): Promise<void> {
    return this.json('cancel_booking', 'DELETE', `/bookings/${id}`, undefined, true);
  }

  rescheduleBooking(id: number, slotId: number): Promise<Result<'reschedule_booking'>> {
    return this.json('reschedule_booking', 'POST', `/bookings/${id}/reschedule`, { slot_id: slotId }, true);
  }

  /** The QR payload to show at the session. */
  checkInCode(id: number): Promise<Result<'check_in_code'>> {
    return this.json('check_in_code', 'GET', `/bookings/${id}/check-in`);
  }

  joinWaitlist(sessionId: number): Promise<Result<'join_waitlist'>> {
    return this.json('join_waitlist', 'POST', `/sessions/${sessionId}/waitlist`);
  }

  waitlistPlace(sessionId: number): Promise<Result<'waitlist_place'>> {
    return this.json('waitlist_place', 'GET', `/sessions/${sessionId}/waitlist`);
  }

  leaveWaitlist(sessionId: number): Promise<void> {
    return this.json('leave_waitlist', 'DELETE', `/sessions/${sessionId}/waitlist`);
  }

  // ---- Make-up photo ----

  /** The photo spec and the current consent version (no login needed). */
  makeupSpec(): Promise<Result<'makeup_spec'>> {
    return this.json('makeup_spec', 'GET', '/makeup/spec');
  }

  acceptConsent(body: Schemas['ConsentRequest']): Promise<Result<'accept_consent'>> {
    return this.json('accept_consent', 'POST', '/me/consents', body);
  }

  withdrawConsent(purpose: string): Promise<Result<'withdraw_consent'>> {
    return this.json('withdraw_consent', 'DELETE', `/me/consents/${encodeURIComponent(purpose)}`);
  }

  /** Runs every check on a local file (e.g. from `wx.chooseMedia`) without storing it. */
  precheckMakeupPhoto(filePath: string, source?: PhotoSource): Promise<Result<'precheck_makeup_photo'>> {
    return this.upload('precheck_makeup_photo', '/me/makeup/precheck', filePath, source, false);
  }

  /** Uploads a local file; retried on network failure under one Idempotency-Key. */
  uploadMakeupPhoto(filePath: string, source?: PhotoSource): Promise<Result<'upload_makeup_photo'>> {
    return this.upload('upload_makeup_photo', '/me/makeup/photos', filePath, source, true);
  }

  myMakeup(): Promise<Result<'my_makeup'>> {
    return this.json('my_makeup', 'GET', '/me/makeup');
  }

  withdrawMakeupPhoto(id: number): Promise<void> {
    return this.json('withdraw_makeup_photo', 'DELETE', `/me/makeup/photos/${id}`);
  }

  /** `takenOn`: YYYY-MM-DD, the day of the shot at the collection centre. */
  declareOfflineMakeup(takenOn: string): Promise<Result<'declare_offline_makeup'>> {
    return this.json('declare_offline_makeup', 'POST', '/me/makeup/offline', { taken_on: takenOn });
  }

  // ---- Verification ----

  mySelfCheck(): Promise<Result<'my_self_check'>> {
    return this.json('my_self_check', 'GET', '/me/self-check');
  }

  selfCheck(body: Schemas['SelfCheckRequest']): Promise<Result<'self_check'>> {
    return this.json('self_check', 'POST', '/me/self-check', body);
  }

  graduatePlatformUpload(): Promise<Result<'graduate_platform_upload'>> {
    return this.json('graduate_platform_upload', 'POST', '/me/graduate-platform-upload');
  }

  // ---- Notifications ----

  subscriptionTemplates(): Promise<Result<'subscription_templates'>> {
    return this.json('subscription_templates', 'GET', '/me/subscriptions/templates');
  }

  /** `templateIds`: those accepted in `wx.requestSubscribeMessage`. */
  subscribe(templateIds: string[]): Promise<Result<'subscribe'>> {
    return this.json('subscribe', 'POST', '/me/subscriptions', { template_ids: templateIds });
  }

  // ---- Transport ----

  private headers(idempotent: boolean): Record<string, string> {
    const header: Record<string, string> = {};
    if (this.currentToken) header.Authorization = `Bearer ${this.currentToken}`;
    // One key per logical call, reused by its retries: the server answers a
    // retry of a request it already did with the first answer.
    if (idempotent) header['Idempotency-Key'] = uuid();
    return header;
  }

  /** A JSON call. GETs and keyed calls are retried when no answer comes (never on an HTTP error). */
  private async json<O extends OperationId>(
    operation: O,
    method: Method,
    path: string,
    body?: unknown,
    idempotent = false,
  ): Promise<Result<O>> {
    const header = this.headers(idempotent);
    if (body !== undefined) header['Content-Type'] = 'application/json';
    const answer = await this.withRetries(operation, method === 'GET' || idempotent, () =>
      new Promise<Answer>((resolve, reject) => {
        this.wx.request({
          url: this.baseUrl + path,
          method,
          header,
          data: body,
          dataType: 'json',
          success: (r) => resolve({ status: r.statusCode, data: r.data, requestId: headerValue(r.header, 'x-request-id') }),
          fail: reject,
        });
      }),
    );
    return settle(operation, answer);
  }

  /** A multipart upload of `photo` with `wx.uploadFile`. */
  private async upload<O extends OperationId>(
    operation: O,
    path: string,
    filePath: string,
    source: PhotoSource | undefined,
    idempotent: boolean,
  ): Promise<Result<O>> {
    const header = this.headers(idempotent);
    const answer = await this.withRetries(operation, idempotent, () =>
      new Promise<Answer>((resolve, reject) => {
        let requestId: string | null = null;
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
      }),
    );
    return settle(operation, answer);
  }

  private async withRetries(operation: OperationId, retryable: boolean, attempt: () => Promise<Answer>): Promise<Answer> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt();
      } catch (e) {
        const errMsg = (e as WxFail | undefined)?.errMsg ?? String(e);
        if (!retryable || retry >= this.retryDelaysMs.length) {
          throw new ApiError(operation, 0, 'network_error', errMsg, null);
        }
        await sleep(this.retryDelaysMs[retry]);
      }
    }
  }
}

function settle<O extends OperationId>(operation: O, answer: Answer): Result<O> {
  const { status, data, requestId } = answer;
  if (status >= 200 && status < 300) {
    return (status === 204 ? undefined : reviveDates(data)) as Result<O>;
  }
  if (isErrorBody(data)) throw new ApiError(operation, status, data.code, data.message, requestId, data);
  throw new ApiError(operation, status, 'bad_response', `HTTP ${status} without an API error body`, requestId);
}

function isErrorBody(data: unknown): data is Schemas['ErrorBody'] {
  const d = data as { code?: unknown; message?: unknown } | null;
  return typeof d === 'object' && d !== null && typeof d.code === 'string' && typeof d.message === 'string';
}

/** `format: date-time` strings to Date, by property name (see scripts/generate.mjs). */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Fractions beyond milliseconds are cut: not every JS engine parses them.
    out[key] = DATE_TIME_FIELDS.has(key) && typeof v === 'string' ? new Date(v.replace(/(\.\d{3})\d+/, '$1')) : reviveDates(v);
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function headerValue(header: Record<string, string> | undefined, name: string): string | null {
  for (const key of Object.keys(header ?? {})) {
    if (key.toLowerCase() === name) return header![key];
  }
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A random v4 UUID. Math.random suffices: the key must be unique, not secret, and the
 *  mini-program's runtime has no synchronous crypto API. */
function uuid(): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
