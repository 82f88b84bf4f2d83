'use strict';
// The student's whole journey through the SDK against the real server, with
// `GET /me`'s next_action checked after each step, and network failures
// simulated by the wx shim to check retries reuse their Idempotency-Key.
const test = require('node:test');
const assert = require('node:assert/strict');
const { createClient, isApiError } = require('../dist');
const { createWx } = require('./wx-shim');
const { API, PORTRAIT, rosterStudent, loggedIn, readyToBook, nextAction, expectError, attempts } = require('./helpers');

const key = (entry) => entry.header['Idempotency-Key'];

test('journey: login, bind, code, book, reschedule, check in, cancel, make-up upload, logout', async () => {
  const wx = createWx();
  const tokens = [];
  const client = createClient({ baseUrl: API, wx, retryDelaysMs: [20, 50], onToken: (t) => tokens.push(t) });

  const spec = await client.makeupSpec(); // public
  assert.match(spec.consent_version, /\S/);

  const login = await client.loginWechat(`dev:journey-${process.pid}`);
  assert.equal(client.token, login.token);
  assert.deepEqual(tokens, [login.token]);
  assert.ok(login.expires_at instanceof Date && login.expires_at > new Date(), 'expires_at is a future Date');
  assert.equal(await nextAction(client), 'bind_roster');

  const bound = await client.bindRoster(rosterStudent('CS', 0));
  assert.equal(bound.profile.student_no, '20240019');
  assert.equal(await nextAction(client), 'save_collection_code');

  await client.saveCollectionCode(`JOURNEY-${process.pid}`);
  assert.equal(await nextAction(client), 'book_session');

  const sessions = await client.listSessions();
  const slots = sessions.items.flatMap((s) => s.slots).filter((s) => s.remaining > 0);
  assert.ok(slots.length >= 2, 'two free slots');
  assert.ok(slots[0].starts_at instanceof Date && !isNaN(slots[0].starts_at), 'starts_at is a Date');

  // Booking whose answer is lost: the retry carries the same key and the
  // server replays the first answer instead of booking again.
  wx.failNext('after');
  const booking = await client.bookSlot(slots[0].id);
  const books = attempts(wx, 'POST', '/bookings');
  assert.equal(books.length, 2);
  assert.match(key(books[0]), /^[0-9a-f-]{36}$/);
  assert.equal(key(books[1]), key(books[0]), 'the retry reuses the Idempotency-Key');
  assert.equal(books[0].status, 201);
  assert.equal(books[1].status, 201);
  assert.deepEqual(books[1].data, books[0].data, 'the replay is the first answer');
  assert.equal(booking.slot_id, slots[0].id);
  assert.equal((await client.me()).booking.id, booking.id);
  assert.equal(await nextAction(client), 'attend_session');

  // A new logical call gets a new key.
  wx.failNext('after');
  const moved = await client.rescheduleBooking(booking.id, slots[1].id);
  const moves = attempts(wx, 'POST', `/bookings/${booking.id}/reschedule`);
  assert.equal(moves.length, 2);
  assert.equal(key(moves[1]), key(moves[0]));
  assert.notEqual(key(moves[0]), key(books[0]));
  assert.deepEqual(moves[1].data, moves[0].data);
  assert.equal(await nextAction(client), 'attend_session');
  const current = (await client.me()).booking;
  assert.equal(current.id, moved.id);
  const fetched = await client.getBooking(moved.id);
  assert.equal(fetched.id, moved.id);
  assert.ok(fetched.starts_at instanceof Date);
  assert.equal(fetched.slot_id, slots[1].id, 'moved to the second slot');
  assert.equal(fetched.starts_at.getTime(), slots[1].starts_at.getTime());

  // A GET that fails before reaching the server is retried.
  wx.failNext('before');
  const checkIn = await client.checkInCode(moved.id);
  assert.match(checkIn.payload, /\S{16,}/);
  assert.ok(checkIn.expires_at instanceof Date);
  assert.equal(attempts(wx, 'GET', `/bookings/${moved.id}/check-in`).length, 2);

  wx.failNext('before');
  const cancelled = await client.cancelBooking(moved.id);
  assert.equal(cancelled, undefined);
  const cancels = attempts(wx, 'DELETE', `/bookings/${moved.id}`);
  assert.equal(cancels.length, 2);
  assert.equal(key(cancels[1]), key(cancels[0]));
  assert.equal(cancels[1].status, 204);
  assert.equal((await client.me()).booking, null);
  assert.equal(await nextAction(client), 'book_session');

  // The make-up path instead.
  const consent = await client.acceptConsent({ purpose: 'makeup_photo', version: spec.consent_version });
  assert.ok(consent.accepted_at instanceof Date);
  const precheck = await client.precheckMakeupPhoto(PORTRAIT, 'camera');
  assert.equal(precheck.acceptable, true, JSON.stringify(precheck.checks));

  wx.failNext('before');
  const photo = await client.uploadMakeupPhoto(PORTRAIT, 'camera');
  const uploads = attempts(wx, 'POST', '/me/makeup/photos');
  assert.equal(uploads.length, 2);
  assert.equal(key(uploads[1]), key(uploads[0]));
  assert.equal(uploads[1].status, 201);
  assert.ok(photo.uploaded_at instanceof Date);
  const makeup = await client.myMakeup();
  assert.deepEqual(makeup.photos.map((p) => p.id), [photo.id]);
  assert.equal(await nextAction(client), 'wait_for_makeup_review');

  await client.logout();
  assert.equal(client.token, null);
  assert.deepEqual(tokens, [login.token, null]);
  await expectError('student_me', () => client.me(), 'unauthenticated', 401);
});

test('an upload whose answer is lost is retried with the same key and answered with the first upload', async () => {
  const { client, wx } = await readyToBook('EAST-MAT', 0);
  const spec = await client.makeupSpec();
  await client.acceptConsent({ purpose: 'makeup_photo', version: spec.consent_version });

  wx.failNext('after');
  const photo = await client.uploadMakeupPhoto(PORTRAIT, 'album').catch((e) => {
    // What a server without Idempotency-Key on uploads answers the retry.
    assert.fail(`the retried upload got ${e.status} ${e.code}: does the server honour Idempotency-Key on uploads?`);
  });
  const uploads = attempts(wx, 'POST', '/me/makeup/photos');
  assert.equal(uploads.length, 2);
  assert.equal(uploads[1].header['Idempotency-Key'], uploads[0].header['Idempotency-Key']);
  assert.equal(uploads[0].status, 201);
  assert.equal(uploads[1].status, 201, `the retry got ${uploads[1].status} ${uploads[1].data}`);
  assert.equal(uploads[1].data, uploads[0].data, 'the replay is the first answer');
  const makeup = await client.myMakeup();
  assert.deepEqual(makeup.photos.map((p) => p.id), [photo.id], 'one photo stored');
  assert.equal(await nextAction(client), 'wait_for_makeup_review');
});

test('requests without a key are not retried, and a request that never gets an answer is a network_error', async () => {
  const { client, wx } = await loggedIn('no-retry');
  wx.failNext('before');
  await expectError('bind_roster', () => client.bindRoster(rosterStudent('HOSP1', 0)), 'network_error', 0);
  assert.equal(attempts(wx, 'POST', '/me/binding').length, 1);

  for (let i = 0; i < 3; i++) wx.failNext('before'); // more than the retries
  const e = await expectError('student_me', () => client.me(), 'network_error', 0);
  assert.match(e.message, /simulated/);
  assert.equal(attempts(wx, 'GET', '/me').length, 3);
  assert.ok(!isApiError(e, 'bind_roster'), 'narrowing checks the operation');
});
