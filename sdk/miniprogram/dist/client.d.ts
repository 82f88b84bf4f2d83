import type { components, operations } from './schema';
import type { Wx } from './wx';
type Schemas = components['schemas'];
export type OperationId = keyof operations;
type Responses<O extends OperationId> = operations[O]['responses'];
type SuccessStatus = 200 | 201 | 204;
type ContentOf<R> = R extends {
    content: infer C;
} ? C[keyof C] : undefined;
/** The body of an operation's success answer (`undefined` for 204). */
export type Result<O extends OperationId> = ContentOf<Responses<O>[Extract<keyof Responses<O>, SuccessStatus>]>;
/** Errors made on this side: no answer after the retries, or an answer that is not the API's JSON. */
export type ClientErrorCode = 'network_error' | 'bad_response';
type ErrorStatus<O extends OperationId> = Exclude<keyof Responses<O>, SuccessStatus>;
/** Every `code` an operation's error answers may carry (from the document), plus the client's own. */
export type ErrorCodeOf<O extends OperationId> = {
    [S in ErrorStatus<O>]: ContentOf<Responses<O>[S]> extends {
        code: infer C extends string;
    } ? C : never;
}[ErrorStatus<O>] | ClientErrorCode;
/** A failed call: `status` 0 when no answer came (`network_error`). */
export declare class ApiError<C extends string = string> extends Error {
    readonly operation: OperationId;
    readonly status: number;
    readonly code: C;
    /** `X-Request-Id` of the answer, for the server logs (null when there was none). */
    readonly requestId: string | null;
    /** The whole error body, e.g. `checks` of `photo_check_failed`. */
    readonly body?: Schemas["ErrorBody"] | undefined;
    constructor(operation: OperationId, status: number, code: C, message: string, 
    /** `X-Request-Id` of the answer, for the server logs (null when there was none). */
    requestId: string | null, 
    /** The whole error body, e.g. `checks` of `photo_check_failed`. */
    body?: Schemas["ErrorBody"] | undefined);
}
/** Narrows a caught error to `operation`'s error, so `code` is that operation's enum. */
export declare function isApiError<O extends OperationId>(error: unknown, operation: O): error is ApiError<ErrorCodeOf<O>>;
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
export declare class DiplomaPhotoClient {
    private readonly baseUrl;
    private readonly retryDelaysMs;
    private readonly onToken?;
    private readonly wx;
    private currentToken;
    constructor(options: ClientOptions);
    get token(): string | null;
    private setToken;
    /** Exchanges `wx.login()`'s code for a token, which later calls send. */
    loginWechat(code: string): Promise<Result<'login_wechat'>>;
    /** Revokes the token; it is forgotten here too (also when it was no longer valid). */
    logout(): Promise<void>;
    /** Everything the home page shows, with `status.next_action`. */
    me(): Promise<Result<'student_me'>>;
    bindRoster(body: Schemas['BindingRequest']): Promise<Result<'bind_roster'>>;
    saveCollectionCode(code: string): Promise<Result<'save_collection_code'>>;
    listSessions(): Promise<Result<'list_available_sessions'>>;
    bookSlot(slotId: number): Promise<Result<'book_slot'>>;
    getBooking(id: number): Promise<Result<'get_booking'>>;
    cancelBooking(id: number): Promise<void>;
    rescheduleBooking(id: number, slotId: number): Promise<Result<'reschedule_booking'>>;
    /** The QR payload to show at the session. */
    checkInCode(id: number): Promise<Result<'check_in_code'>>;
    joinWaitlist(sessionId: number): Promise<Result<'join_waitlist'>>;
    waitlistPlace(sessionId: number): Promise<Result<'waitlist_place'>>;
    leaveWaitlist(sessionId: number): Promise<void>;
    /** The photo spec and the current consent version (no login needed). */
    makeupSpec(): Promise<Result<'makeup_spec'>>;
    acceptConsent(body: Schemas['ConsentRequest']): Promise<Result<'accept_consent'>>;
    withdrawConsent(purpose: string): Promise<Result<'withdraw_consent'>>;
    /** Runs every check on a local file (e.g. from `wx.chooseMedia`) without storing it. */
    precheckMakeupPhoto(filePath: string, source?: PhotoSource): Promise<Result<'precheck_makeup_photo'>>;
    /** Uploads a local file; retried on network failure under one Idempotency-Key. */
    uploadMakeupPhoto(filePath: string, source?: PhotoSource): Promise<Result<'upload_makeup_photo'>>;
    myMakeup(): Promise<Result<'my_makeup'>>;
    withdrawMakeupPhoto(id: number): Promise<void>;
    /** `takenOn`: YYYY-MM-DD, the day of the shot at the collection centre. */
    declareOfflineMakeup(takenOn: string): Promise<Result<'declare_offline_makeup'>>;
    mySelfCheck(): Promise<Result<'my_self_check'>>;
    selfCheck(body: Schemas['SelfCheckRequest']): Promise<Result<'self_check'>>;
    graduatePlatformUpload(): Promise<Result<'graduate_platform_upload'>>;
    subscriptionTemplates(): Promise<Result<'subscription_templates'>>;
    /** `templateIds`: those accepted in `wx.requestSubscribeMessage`. */
    subscribe(templateIds: string[]): Promise<Result<'subscribe'>>;
    private headers;
    /** A JSON call. GETs and keyed calls are retried when no answer comes (never on an HTTP error). */
    private json;
    /** A multipart upload of `photo` with `wx.uploadFile`. */
    private upload;
    private withRetries;
}
export {};
