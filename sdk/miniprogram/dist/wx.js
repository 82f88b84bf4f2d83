"use strict";
// The few parts of the mini-program's `wx` API the SDK uses, typed here so
// the SDK needs no typings package and does not clash with a project's own
// `wx` declarations (miniprogram-api-typings): any real `wx` fits these.
Object.defineProperty(exports, "__esModule", { value: true });
