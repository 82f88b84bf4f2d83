"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isApiError = exports.DiplomaPhotoClient = exports.ApiError = void 0;
exports.createClient = createClient;
var client_1 = require("./client");
Object.defineProperty(exports, "ApiError", { enumerable: true, get: function () { return client_1.ApiError; } });
Object.defineProperty(exports, "DiplomaPhotoClient", { enumerable: true, get: function () { return client_1.DiplomaPhotoClient; } });
Object.defineProperty(exports, "isApiError", { enumerable: true, get: function () { return client_1.isApiError; } });
const client_2 = require("./client");
/** A client for one API root; keep one per app (e.g. in `getApp().globalData`). */
function createClient(options) {
    return new client_2.DiplomaPhotoClient(options);
}
