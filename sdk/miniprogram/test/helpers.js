'use strict';
// Shared by the tests: the server under test, demo students and a client
// with the wx shim. The server is started and seeded by scripts/sdk-test.sh
// (DP_SDK_BASE_URL); every test uses its own demo students, so the tests
// are independent of each other and of their order.
const assert = require('node:assert/strict');
const path = require('node:path');
const { createClient, isApiError } = require('../dist');
const { createWx } = require('./wx-shim');

const SERVER = process.env.DP_SDK_BASE_URL;
if (!SERVER) throw new Error('DP_SDK_BASE_URL is not set: run scripts/sdk-test.sh');
const API = `${SERVER}/api/v1`;
const IMAGES = path.resolve(__dirname, '../../../tests/images');
const PORTRAIT = path.join(IMAGES, 'portrait.jpg');

// The demo roster (src/service/demo.rs, demo_roster): unit index u, k = 0
// domestic, 1 HK/Macao/Taiwan, 2 foreign.
const UNITS = ['ZH-PHY', 'ZH-OCE', 'HOSP5', 'SZ-MED', 'HOSP7', 'HOSP8', 'CS', 'EAST-MAT', 'NORTH-MED', 'HOSP1', 'SOUTH-CHN', 'SOUTH-MATH'];
const SURNAMES = ['陈', '林', '黄', '张', '李', '王'];
const GIVEN = ['思远', '雨桐', '子涵', '浩然', '欣怡', '嘉豪'];
function rosterStudent(unit, k) {
  const n = UNITS.indexOf(unit) * 3 + k;
  assert.ok(n >= 0, `unknown unit ${unit}`);
  const name =
    k === 0 ? SURNAMES[n % 6] + GIVEN[Math.floor(n / 6) % 6] : k === 1 ? SURNAMES[(n + 3) % 6] + GIVEN[(n + 1) % 6] : `Student·${n + 1}`;
  return { student_no: `2024${String(n + 1).padStart(4, '0')}`, name };
}

let openids = 0;
/** A logged-in client (fresh WeChat identity) and its shim. */
async function loggedIn(label) {
  const wx = createWx();
  const client = createClient({ baseUrl: API, wx, retryDelaysMs: [20, 50] });
  await client.loginWechat(`dev:${label}-${process.pid}-${++openids}`);
  return { client, wx };
}

/** Logged in and bound to the roster, with a collection code saved. */
async function readyToBook(unit, k = 0) {
  const s = await loggedIn(`${unit}-${k}`);
  await s.client.bindRoster(rosterStudent(unit, k));
  await s.client.saveCollectionCode(`TEST-CODE-${unit}-${k}-${process.pid}`);
  return s;
}

async function nextAction(client) {
  return (await client.me()).status.next_action.code;
}

/** Runs `call`, which must fail with `operation`'s error `code` (and `status`). */
async function expectError(operation, call, code, status) {
  try {
    await call();
  } catch (e) {
    assert.ok(isApiError(e, operation), `${operation}: not its ApiError: ${e && e.stack}`);
    assert.equal(e.code, code, `${operation}: ${e.status} ${e.code} ${e.message}`);
    if (status !== undefined) assert.equal(e.status, status);
    if (e.status !== 0) assert.match(e.requestId || '', /\S/, `${operation}: no request id`);
    return e;
  }
  assert.fail(`${operation} succeeded, expected ${code}`);
}

/** The answers of every attempt at METHOD URL-suffix, in order. */
function attempts(wx, method, suffix) {
  return wx.log.filter((e) => e.method === method && e.url.endsWith(suffix));
}

/** A staff token (admin) for the few set-ups a student cannot make. */
async function staffToken(username = 'demo-admin') {
  const res = await fetch(`${API}/auth/staff`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-pass` }),
  });
  assert.equal(res.status, 200, `staff login: ${await res.clone().text()}`);
  return (await res.json()).token;
}

module.exports = { API, IMAGES, PORTRAIT, rosterStudent, loggedIn, readyToBook, nextAction, expectError, attempts, staffToken };
