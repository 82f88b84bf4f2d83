// The few parts of the mini-program's `wx` API the SDK uses, typed here so
// the SDK needs no typings package and does not clash with a project's own
// `wx` declarations (miniprogram-api-typings): any real `wx` fits these.

export interface WxFail {
  errMsg: string;
}

export interface WxRequestOptions {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  header: Record<string, string>;
  data?: unknown;
  dataType: 'json';
  success(result: { data: unknown; statusCode: number; header: Record<string, string> }): void;
  fail(error: WxFail): void;
}

export interface WxUploadFileOptions {
  url: string;
  filePath: string;
  name: string;
  formData: Record<string, string>;
  header: Record<string, string>;
  success(result: { data: string; statusCode: number }): void;
  fail(error: WxFail): void;
}

/** `wx.uploadFile`'s UploadTask: its headers carry the request id. */
export interface WxUploadTask {
  onHeadersReceived?(listener: (result: { header: Record<string, string> }) => void): void;
}

export interface Wx {
  request(options: WxRequestOptions): unknown;
  uploadFile(options: WxUploadFileOptions): WxUploadTask | void;
}
