export { ApiError, DiplomaPhotoClient, isApiError } from './client';
export type { ClientErrorCode, ClientOptions, ErrorCodeOf, OperationId, PhotoSource, Result } from './client';
export type { components, operations } from './schema';
export type { Wx } from './wx';
import { DiplomaPhotoClient, type ClientOptions } from './client';
/** A client for one API root; keep one per app (e.g. in `getApp().globalData`). */
export declare function createClient(options: ClientOptions): DiplomaPhotoClient;
