export interface WxFail {
    errMsg: string;
}
export interface WxRequestOptions {
    url: string;
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    header: Record<string, string>;
    data?: unknown;
    dataType: 'json';
    success(result: {
        data: unknown;
        statusCode: number;
        header: Record<string, string>;
    }): void;
    fail(error: WxFail): void;
}
export interface WxUploadFileOptions {
    url: string;
    filePath: string;
    name: string;
    formData: Record<string, string>;
    header: Record<string, string>;
    success(result: {
        data: string;
        statusCode: number;
    }): void;
    fail(error: WxFail): void;
}
/** `wx.uploadFile`'s UploadTask: its headers carry the request id. */
export interface WxUploadTask {
    onHeadersReceived?(listener: (result: {
        header: Record<string, string>;
    }) => void): void;
}
export interface Wx {
    request(options: WxRequestOptions): unknown;
    uploadFile(options: WxUploadFileOptions): WxUploadTask | void;
}
