'use strict';
// One error per student operation, with the code its error answers are
// typed with (ErrorCodeOf<operation>), against the real server.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createClient } = require('../dist');
const { createWx } = require('./wx-shim');
const { API, PORTRAIT, rosterStudent, loggedIn, readyToBook, expectError, staffToken } = require('./helpers');

const notAnImage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dp-sdk-')), 'notes.txt');
fs.writeFileSync(notAnImage, 'not a photo\n');

test('without a token: unauthenticated', async () => {
  const client = createClient({ baseUrl: API, wx: createWx() });
  await expectError('student_me', () => client.me(), 'unauthenticated', 401);
  await expectError('logout', () => client.logout(), 'unauthenticated', 401);
  await expectError('list_available_sessions', () => client.listSessions(), 'unauthenticated', 401);
  await expectError('subscription_templates', () => client.subscriptionTemplates(), 'unauthenticated', 401);
  // makeup_spec is public and has no error of its own (only 500/503).
  assert.match((await client.makeupSpec()).consent_version, /\S/);
});

test('login_wechat: a blank code is invalid_request', async () => {
  const client = createClient({ baseUrl: API, wx: createWx() });
  await expectError('login_wechat', () => client.loginWechat(''), 'invalid_request', 400);
  assert.equal(client.token, null);
});

test('before binding: not_on_roster, then not_bound everywhere', async () => {
  const { client } = await loggedIn('unbound');
  await expectError('bind_roster', () => client.bindRoster({ student_no: '20240001', name: '不是这个名字' }), 'not_on_roster', 404);
  await expectError('save_collection_code', () => client.saveCollectionCode('ABC'), 'not_bound', 403);
  await expectError('book_slot', () => client.bookSlot(1), 'not_bound', 403);
  await expectError('my_makeup', () => client.myMakeup(), 'not_bound', 403);
  await expectError('my_self_check', () => client.mySelfCheck(), 'not_bound', 403);
});

test('binding and codes', async () => {
  const { client } = await loggedIn('codes');
  await client.bindRoster(rosterStudent('ZH-PHY', 0));
  await expectError('bind_roster', () => client.bindRoster(rosterStudent('ZH-OCE', 0)), 'already_bound', 409);
  await expectError('save_collection_code', () => client.saveCollectionCode('   '), 'invalid_request', 400);
  await expectError('book_slot', async () => {
    const { items } = await client.listSessions();
    await client.bookSlot(items[0].slots[0].id);
  }, 'collection_code_required', 409);
});

test('bookings: other units, unknown ids, inactive bookings, waitlist of a session not full', async () => {
  const { client } = await readyToBook('NORTH-MED', 0);
  const other = await readyToBook('ZH-OCE', 0);
  const { items: theirs } = await other.client.listSessions();
  const { items: mine } = await client.listSessions();

  await expectError('book_slot', () => client.bookSlot(theirs[0].slots[0].id), 'session_not_for_unit', 403);
  await expectError('get_booking', () => client.getBooking(999999), 'not_found', 404);
  await expectError('join_waitlist', () => client.joinWaitlist(mine[0].id), 'session_not_full', 409);
  await expectError('waitlist_place', () => client.waitlistPlace(mine[0].id), 'not_found', 404);
  await expectError('leave_waitlist', () => client.leaveWaitlist(mine[0].id), 'not_found', 404);

  const booking = await client.bookSlot(mine[0].slots[0].id);
  await expectError('book_slot', () => client.bookSlot(mine[0].slots[1].id), 'already_booked', 409);
  await expectError('reschedule_booking', () => client.rescheduleBooking(booking.id, theirs[0].slots[0].id), 'session_not_for_unit', 403);
  await client.cancelBooking(booking.id);
  await expectError('cancel_booking', () => client.cancelBooking(booking.id), 'booking_not_active', 409);
  await expectError('reschedule_booking', () => client.rescheduleBooking(booking.id, mine[0].slots[1].id), 'booking_not_active', 409);
  await expectError('check_in_code', () => client.checkInCode(booking.id), 'booking_not_active', 409);
});

test('a full slot: slot_full, then the waitlist', async () => {
  // A one-seat session for one unit, made by the admin (students cannot).
  const admin = await staffToken();
  const campus = await fetch(`${API}/admin/campaigns/1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      campus_code: 'SOUTH',
      date: new Date(Date.now() + 20 * 86400e3).toISOString().slice(0, 10),
      rooms: 'SDK test room',
      windows: ['09:00-09:30'],
      slot_minutes: 30,
      capacity_per_slot: 1,
      unit_codes: ['SOUTH-MATH'],
    }),
  });
  assert.equal(campus.status, 201, await campus.clone().text());
  const session = await campus.json();

  const first = await readyToBook('SOUTH-MATH', 0);
  const second = await readyToBook('SOUTH-MATH', 1);
  const listed = (await first.client.listSessions()).items.find((s) => s.id === session.id);
  assert.ok(listed, 'the new session is listed');
  const slot = listed.slots[0];
  await first.client.bookSlot(slot.id);
  await expectError('book_slot', () => second.client.bookSlot(slot.id), 'slot_full', 409);

  const waiting = await second.client.joinWaitlist(session.id);
  assert.equal(waiting.session_id, session.id);
  assert.equal(waiting.position, 1);
  await expectError('join_waitlist', () => second.client.joinWaitlist(session.id + 1000), 'not_found', 404);
  const place = await second.client.waitlistPlace(session.id);
  assert.ok(place.joined_at instanceof Date);
  await second.client.leaveWaitlist(session.id);
  await expectError('leave_waitlist', () => second.client.leaveWaitlist(session.id), 'not_found', 404);
});

test('make-up: consent, non-images, unknown photos, offline dates, self-check', async () => {
  const { client } = await readyToBook('HOSP7', 0);
  const spec = await client.makeupSpec();

  await expectError('upload_makeup_photo', () => client.uploadMakeupPhoto(PORTRAIT), 'consent_required', 403);
  await expectError('accept_consent', () => client.acceptConsent({ purpose: 'makeup_photo', version: 'v0-old' }), 'consent_version_outdated', 409);
  await expectError('accept_consent', () => client.acceptConsent({ purpose: 'marketing', version: spec.consent_version }), 'invalid_request', 400);
  await expectError('withdraw_consent', () => client.withdrawConsent('makeup_photo'), 'not_found', 404);
  await client.acceptConsent({ purpose: 'makeup_photo', version: spec.consent_version });

  await expectError('precheck_makeup_photo', () => client.precheckMakeupPhoto(notAnImage), 'unsupported_media_type', 415);
  await expectError('upload_makeup_photo', () => client.uploadMakeupPhoto(notAnImage), 'unsupported_media_type', 415);
  await expectError('withdraw_makeup_photo', () => client.withdrawMakeupPhoto(999999), 'not_found', 404);
  const tomorrow = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
  await expectError('declare_offline_makeup', () => client.declareOfflineMakeup(tomorrow), 'invalid_request', 400);

  await expectError('self_check', () => client.selfCheck({ result: 'confirmed' }), 'photo_not_on_chsi_yet', 409);
  await expectError('graduate_platform_upload', () => client.graduatePlatformUpload(), 'photo_not_verified', 409);
});

test('notifications: unknown templates', async () => {
  const { client } = await readyToBook('HOSP8', 0);
  const templates = await client.subscriptionTemplates();
  assert.ok(Array.isArray(templates.items));
  await expectError('subscribe', () => client.subscribe(['no-such-template']), 'invalid_request', 400);
});

test('a pending upload: makeup_pending; withdrawing the consent withdraws it: photo_not_pending', async () => {
  const { client } = await readyToBook('SZ-MED', 0);
  const spec = await client.makeupSpec();
  await client.acceptConsent({ purpose: 'makeup_photo', version: spec.consent_version });
  const photo = await client.uploadMakeupPhoto(PORTRAIT, 'album');
  await expectError('upload_makeup_photo', () => client.uploadMakeupPhoto(PORTRAIT, 'album'), 'makeup_pending', 409);
  await expectError('book_slot', async () => {
    const { items } = await client.listSessions();
    await client.bookSlot(items[0].slots[0].id);
  }, 'makeup_in_progress', 409);
  await client.withdrawConsent('makeup_photo');
  await expectError('withdraw_makeup_photo', () => client.withdrawMakeupPhoto(photo.id), 'photo_not_pending', 409);
  await expectError('precheck_makeup_photo', () => client.precheckMakeupPhoto('/no/such/file.jpg'), 'network_error', 0);
});
