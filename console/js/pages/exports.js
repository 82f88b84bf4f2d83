// Exports: progress and at-risk spreadsheets, a session's bookings for the
// queue (view and spreadsheet), and for admins the approved make-up photos.

import { api, campaigns, download, sessionLabel } from '../api.js';
import { BOOKING_STATUS, CATEGORIES, label } from '../labels.js';
import { badge, busy, field, fmtTime, fromLocalInput, h, load, pageHeader, replace, section, select, table } from '../ui.js';

function fileButtons(path, query, stem) {
  return ['csv', 'xlsx'].map((format) =>
    h(
      'button',
      {
        type: 'button',
        class: 'btn',
        dataset: { export: `${stem}-${format}` },
        onclick: (e) => busy(e.currentTarget, () => download(path, { ...query(), format }, `${stem}.${format}`), { success: (r) => `已下载 ${r.name}` }),
      },
      `下载 ${format.toUpperCase()}`,
    ),
  );
}

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  let sessions = [];
  let chosen = null;
  if (admin) {
    const { preferred } = await campaigns();
    chosen = preferred;
    if (preferred) sessions = (await api.get(`/admin/campaigns/${preferred.id}/sessions`)).items;
  } else {
    // The open campaign's sessions serving the secretary's unit (none without one).
    sessions = await api.get('/staff/sessions').then(
      (r) => r.items,
      (err) => (err.code === 'no_open_campaign' ? [] : Promise.reject(err)),
    );
  }

  const within = select(
    [
      ['', '全部'],
      ['7', '7 天内截止'],
      ['30', '30 天内截止'],
    ],
    '',
  );

  // A session's bookings.
  const none = admin ? '本活动还没有场次' : '还没有为本单位安排的场次';
  const sessionInput = select([['', sessions.length ? '选择场次…' : none], ...sessions.map((s) => [s.id, sessionLabel(s)])], '', { id: 'export-session' });
  const bookings = h('div', { id: 'session-bookings' });
  const showBookings = () => {
    const id = sessionInput.value;
    if (!id) {
      replace(bookings, h('p', { class: 'form-error' }, '请先选择场次 (choose a session)'));
      return Promise.resolve();
    }
    return load(bookings, async () => {
      const r = await api.get(`/staff/sessions/${id}/bookings`);
      const c = r.counts;
      return [
        h(
          'p',
          {},
          badge(`已预约 ${c.booked}`, 'info'),
          ' ',
          badge(`已签到 ${c.checked_in}`, 'info'),
          ' ',
          badge(`已拍摄 ${c.photographed}`, 'ok'),
          ' ',
          badge(`未到场 ${c.no_show}`, c.no_show ? 'warn' : 'neutral'),
        ),
        table(
          [
            { label: '时段', value: (b) => `${fmtTime(b.starts_at)}–${fmtTime(b.ends_at).slice(11)}` },
            { label: '学号', value: (b) => h('span', { class: 'mono' }, b.student_no) },
            { label: '姓名', value: (b) => b.name },
            { label: '单位', value: (b) => b.unit_code },
            { label: '类别', value: (b) => label(CATEGORIES, b.category) },
            { label: '采集码', value: (b) => (b.category === 'foreign' ? '学号' : b.collection_code_saved ? badge('已保存', 'ok') : badge('未保存', 'danger')) },
            { label: '状态', value: (b) => label(BOOKING_STATUS, b.status) },
            { label: '缴费', value: (b) => (b.fee_paid ? '已缴' : '—') },
          ],
          r.items,
          { empty: '该场次还没有本单位学生预约' },
        ),
      ];
    });
  };

  const parts = [
    pageHeader('导出', admin ? 'Spreadsheets for all units, and the make-up photos' : `Spreadsheets of ${user.unit_code}`),
    h(
      'div',
      { class: 'grid-2' },
      section('进度表 (progress by unit)', h('p', { class: 'muted' }, '每个培养单位的各项人数。'), h('div', { class: 'row' }, fileButtons('/staff/progress/export', () => ({}), 'progress'))),
      section(
        '风险学生 (students at risk)',
        h('p', { class: 'muted' }, '将错过截止时间的学生及剩余天数。'),
        field('截止时间', within),
        h('div', { class: 'row' }, fileButtons('/staff/at-risk/export', () => ({ within_days: within.value || undefined }), 'at-risk')),
      ),
    ),
    section(
      '场次预约名单 (a session’s bookings)',
      h('p', { class: 'muted' }, admin ? '所有单位的预约学生，按时段排列。' : '本单位预约该场次的学生，按时段排列，便于组织排队。'),
      h(
        'div',
        { class: 'row' },
        field('场次', sessionInput),
        h('button', { type: 'button', class: 'btn btn-primary', onclick: (e) => busy(e.currentTarget, showBookings) }, '查看'),
        ['csv', 'xlsx'].map((format) =>
          h(
            'button',
            {
              type: 'button',
              class: 'btn',
              dataset: { export: `session-${format}` },
              onclick: (e) => {
                const id = sessionInput.value;
                if (!id) {
                  replace(bookings, h('p', { class: 'form-error' }, '请先选择场次 (choose a session)'));
                  return;
                }
                busy(e.currentTarget, () => download(`/staff/sessions/${id}/bookings/export`, { format }, `session-${id}-bookings.${format}`), {
                  success: (r) => `已下载 ${r.name}`,
                });
              },
            },
            `下载 ${format.toUpperCase()}`,
          ),
        ),
      ),
      bookings,
    ),
  ];

  if (admin) {
    const since = h('input', { type: 'datetime-local', id: 'makeup-since' });
    parts.push(
      section(
        '补拍照片 (approved make-up photos, ZIP)',
        h(
          'p',
          { class: 'muted' },
          chosen
            ? `活动「${chosen.name}」中审核通过的规范照片及清单 manifest.csv，交采集中心上传学信网。填写起始时间只导出此后通过的照片。`
            : '还没有采集活动。',
        ),
        h(
          'div',
          { class: 'row' },
          field('起始时间（可选）', since),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary',
              disabled: !chosen,
              onclick: (e) =>
                busy(e.currentTarget, () => download(`/admin/campaigns/${chosen.id}/makeup-export`, { since: fromLocalInput(since.value) || undefined }, 'makeup.zip'), {
                  success: (r) => `已下载 ${r.name}`,
                }),
            },
            '下载 ZIP',
          ),
        ),
      ),
    );
  }
  page.append(...parts);
}
