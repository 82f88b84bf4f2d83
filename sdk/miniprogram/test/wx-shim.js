'use strict';
// A `wx` for Node: wx.request and wx.uploadFile over global fetch/FormData/
// Blob, with the mini-program's calling conventions (header, success/fail
// callbacks, uploadFile's string body, filePath read from disk). Every
// exchange is logged (headers sent, status and body received) so tests can
// check what went over the wire. `failNext` makes the next call fail the way
// a flaky network does:
//   'before': the request never reaches the server;
//   'after':  the server handles it but the answer is lost.
const fs = require('node:fs');
const path = require('node:path');

const MIME = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.txt': 'text/plain' };

function createWx() {
  const failures = [];
  const log = [];

  // Runs one exchange; `send` does the fetch and returns the Response.
  function exchange(kind, entry, send, parse, success, fail, onHeaders) {
    log.push(entry);
    const failure = failures.shift();
    (async () => {
      if (failure === 'before') {
        entry.failed = 'before';
        return fail({ errMsg: `${kind}:fail simulated network failure (not sent)` });
      }
      const res = await send();
      const header = Object.fromEntries(res.headers);
      if (onHeaders) onHeaders(header);
      const text = await res.text();
      entry.status = res.status;
      entry.data = parse(text);
      if (failure === 'after') {
        entry.failed = 'after';
        return fail({ errMsg: `${kind}:fail simulated network failure (answer lost)` });
      }
      success(res, entry.data, header);
    })().catch((e) => fail({ errMsg: `${kind}:fail ${e.message}` }));
  }

  return {
    log,
    failNext(mode) {
      if (mode !== 'before' && mode !== 'after') throw new Error(`failNext: ${mode}`);
      failures.push(mode);
    },

    request({ url, method = 'GET', header = {}, data, dataType = 'json', success, fail }) {
      if (method === 'GET' && data !== undefined) throw new Error('the shim does not put data in query strings');
      const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
      const entry = { kind: 'request', url, method, header: { ...header } };
      exchange(
        'request',
        entry,
        () => fetch(url, { method, headers: header, body }),
        // Like wx: JSON when it parses, else the text as is.
        (text) => {
          if (dataType !== 'json') return text;
          try {
            return JSON.parse(text);
          } catch {
            return text;
          }
        },
        (res, parsed, resHeader) => success({ data: parsed, statusCode: res.status, header: resHeader }),
        fail,
      );
    },

    uploadFile({ url, filePath, name, formData = {}, header = {}, success, fail }) {
      const listeners = [];
      const entry = { kind: 'uploadFile', url, method: 'POST', header: { ...header }, filePath };
      let bytes;
      try {
        bytes = fs.readFileSync(filePath);
      } catch (e) {
        setImmediate(() => fail({ errMsg: `uploadFile:fail file not found: ${e.message}` }));
        return { onHeadersReceived: () => {} };
      }
      exchange(
        'uploadFile',
        entry,
        () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(formData)) form.append(k, String(v));
          const type = MIME[path.extname(filePath).toLowerCase()] || 'application/octet-stream';
          form.append(name, new Blob([bytes], { type }), path.basename(filePath));
          return fetch(url, { method: 'POST', headers: header, body: form });
        },
        (text) => text, // uploadFile's data is always the raw string
        (res, text) => success({ data: text, statusCode: res.status }),
        fail,
        (resHeader) => listeners.forEach((l) => l({ header: resHeader })),
      );
      return { onHeadersReceived: (listener) => listeners.push(listener) };
    },
  };
}

module.exports = { createWx };
