// Students with their status and next step; search by name or number,
// filter by step (and unit, for admins). A row (or `#/students?student=ID`,
// as the at-risk list links) opens the student's whole story: binding, code
// state, bookings and attendance, make-up uploads and decisions, offline
// make-up, error reports, CHSI history, WeChat messages, and a phone link.

import { api } from '../api.js';
import { BOOKING_STATUS, CATEGORIES, CHSI_STATUS, NEXT_ACTIONS, PHOTO_STATUS, REPORT_STATUS, RESOLUTIONS, label } from '../labels.js';
import {
  badge,
  busy,
  confirmButton,
  debounce,
  fmtDate,
  fmtTime,
  h,
  load,
  pageHeader,
  pager,
  replace,
  select,
  table,
  toast,
  unitFilter,
} from '../ui.js';

function nextKind(code) {
  if (code === 'done' || code === 'wait_for_chsi_upload' || code === 'wait_for_chsi_verification') return 'ok';
  if (['bind_roster', 'save_collection_code', 'reupload_makeup', 'retake_photo', 'hand_in_paper_photo', 'send_e_photo'].includes(code)) return 'warn';
  return 'info';
}

/** Whether the student still needs to save the CHSI collection code. */
function codeBadge(s) {
  if (s.collection_code_saved) return badge('已保存', 'ok');
  if (s.has_chsi_photo) return badge('无需（已有照片）', 'neutral');
  if (s.category === 'foreign') return badge('无需（用学号）', 'neutral');
  return badge('未保存', 'warn');
}

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  const state = { q: '', status: '', unit: '', page: 1 };
  const list = h('div', { id: 'students-list' });
  const detail = h('div', { id: 'student-detail' });

  async function openDetail(id) {
    await load(detail, async () => {
      const [story, history, messages] = await Promise.all([
        api.get(`/staff/students/${id}`),
        api.get(`/staff/students/${id}/chsi-statuses`),
        // Older servers have no notification history: show the rest anyway.
        api.get(`/staff/students/${id}/notifications`).catch((err) => (err.status === 404 && err.code === 'not_found' ? null : Promise.reject(err))),
      ]);
      const s = story.student;
      // A wrong decision is taken back with a reason (audited); the upload
      // then waits for review again.
      const revertButton = (p) => {
        const reason = h('input', { maxlength: 500, placeholder: '撤销原因（必填）', 'aria-label': '撤销原因' });
        const send = h('button', { type: 'button', class: 'btn btn-small', dataset: { revert: String(p.id) } }, '撤销审核');
        send.addEventListener('click', async () => {
          if (!reason.value.trim()) {
            toast('请写明撤销原因', 'error');
            reason.focus();
            return;
          }
          const back = await busy(send, () => api.post(`/staff/reviews/${p.id}/revert`, { reason: reason.value.trim() }));
          if (back) {
            toast(`已撤销审核，${s.name} 的照片回到待审核`, 'success');
            openDetail(id);
          }
        });
        return h('div', { class: 'row' }, reason, send);
      };
      // Admins and the unit's secretary free a binding taken by the wrong
      // WeChat account (the student is told to ask the secretary).
      const unbind = s.bound
        ? confirmButton('解除微信绑定', '确认解除绑定？', async () => {
            await api.del(`/admin/students/${s.id}/binding`);
            toast(`已解除 ${s.name} 的微信绑定`, 'success');
            draw();
            replace(detail);
          })
        : null;
      const phone = s.phone ? h('a', { href: `tel:${s.phone}`, id: 'student-phone' }, `手机 ${s.phone}`) : h('span', {}, '无手机号');
      const offline = story.offline;
      return h(
        'section',
        { class: 'card', id: 'student-story', dataset: { studentNo: s.student_no } },
        h(
          'div',
          { class: 'page-header' },
          h('div', {}, h('h2', {}, `${s.name} · ${s.student_no}`), h('p', { class: 'muted' }, s.status.next_action.message)),
          h('div', { class: 'page-actions' }, unbind, h('button', { type: 'button', class: 'btn btn-small', onclick: () => replace(detail) }, '关闭')),
        ),
        h(
          'div',
          { class: 'facts' },
          h('span', {}, `单位 ${s.unit_code}`),
          h('span', {}, s.bound ? `绑定于 ${fmtTime(s.bound_at)}` : '未绑定微信'),
          h('span', {}, label(CATEGORIES, s.category)),
          h('span', {}, s.deferred ? '延期' : '非延期'),
          codeBadge(s),
          phone,
          s.has_chsi_photo ? h('span', {}, '学信网已有照片') : null,
          h('span', {}, story.graduate_platform_at ? `毕业审核平台 ${fmtTime(story.graduate_platform_at)}` : '毕业审核平台：未见'),
        ),
        h('h3', {}, '预约与现场 (bookings)'),
        table(
          [
            { label: '场次', value: (b) => `${b.booking.date} ${b.booking.campus_name} ${b.booking.rooms}` },
            { label: '时段', value: (b) => `${fmtTime(b.booking.starts_at).slice(11)}–${fmtTime(b.booking.ends_at).slice(11)}` },
            { label: '状态', value: (b) => label(BOOKING_STATUS, b.booking.status) },
            { label: '签到', value: (b) => fmtTime(b.checked_in_at) },
            { label: '拍摄', value: (b) => fmtTime(b.photographed_at) },
            { label: '缴费', value: (b) => (b.fee_paid ? '已缴' : '—') },
          ],
          story.bookings,
          { empty: '没有预约' },
        ),
        h('h3', {}, '线上补拍 (make-up uploads)'),
        table(
          [
            { label: '上传', value: (p) => fmtTime(p.uploaded_at) },
            { label: '状态', value: (p) => label(PHOTO_STATUS, p.status) },
            { label: '自动检查', value: (p) => p.checks.filter((c) => !c.passed).map((c) => c.message).join('；') || '全部通过' },
            { label: '审核', value: (p) => (p.reviewed_at ? `${fmtTime(p.reviewed_at)} ${p.reject_reason_label || ''} ${p.comment || ''}` : '—') },
            {
              label: '',
              value: (p) => (['approved', 'rejected'].includes(p.status) && p.id === story.photos[0].id ? revertButton(p) : null),
            },
          ],
          story.photos,
          { empty: '没有线上补拍' },
        ),
        offline
          ? h(
              'p',
              { class: 'facts' },
              h('span', {}, `线下补拍 ${offline.taken_on}`),
              h('span', {}, offline.paper_photo_received_at ? `纸质相片已收 ${fmtTime(offline.paper_photo_received_at)}` : '纸质相片未收'),
              s.category === 'foreign' ? h('span', {}, offline.e_photo_received_at ? `电子相片已收 ${fmtTime(offline.e_photo_received_at)}` : '电子相片未收') : null,
            )
          : null,
        h('h3', {}, '错误报告 (error reports)'),
        table(
          [
            { label: '报告', value: (r) => fmtTime(r.created_at) },
            { label: '原因', value: (r) => `${r.reason_label}${r.detail ? `：${r.detail}` : ''}` },
            { label: '状态', value: (r) => label(REPORT_STATUS, r.status) },
            { label: '结果', value: (r) => (r.resolution ? `${label(RESOLUTIONS, r.resolution)}${r.resolution_note ? `：${r.resolution_note}` : ''}` : '—') },
          ],
          story.error_reports,
          { empty: '没有错误报告' },
        ),
        h('h3', {}, '学信网状态记录 (CHSI status history)'),
        table(
          [
            { label: '状态', value: (e) => label(CHSI_STATUS, e.status) },
            { label: '名单日期', value: (e) => fmtDate(e.status_date) },
            { label: '备注', value: (e) => e.remark || '—' },
            { label: '导入批次', value: (e) => `#${e.import_id}` },
            { label: '导入时间', value: (e) => fmtTime(e.imported_at) },
          ],
          history.items,
          { empty: '还没有学信网状态记录' },
        ),
        messages
          ? [
              h('h3', {}, '微信消息 (notifications)'),
              table(
                [
                  { label: '消息', value: (m) => m.purpose },
                  { label: '状态', value: (m) => badge(m.status_label, m.status === 'sent' ? 'ok' : m.status === 'failed' ? 'danger' : 'neutral') },
                  { label: '尝试', class: 'num', value: (m) => String(m.attempts) },
                  { label: '产生', value: (m) => fmtTime(m.created_at) },
                  { label: '发出', value: (m) => fmtTime(m.sent_at) },
                  { label: '错误', value: (m) => m.last_error || '—' },
                ],
                messages.items,
                { empty: '没有发给该学生的消息' },
              ),
            ]
          : null,
      );
    });
    detail.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  const draw = () =>
    load(list, async () => {
      const result = await api.get('/staff/students', {
        q: state.q || undefined,
        status: state.status || undefined,
        unit: state.unit || undefined,
        page: state.page,
        page_size: 50,
      });
      return [
        table(
          [
            { label: '学号', value: (s) => h('span', { class: 'mono' }, s.student_no) },
            { label: '姓名', value: (s) => s.name },
            { label: '单位', value: (s) => s.unit_code },
            { label: '类别', value: (s) => label(CATEGORIES, s.category) },
            // When matters: a binding long before the student ever showed up is worth a look.
            { label: '绑定', value: (s) => (s.bound ? badge('已绑定', 'ok', { title: `绑定于 ${fmtTime(s.bound_at)}` }) : badge('未绑定', 'warn')) },
            { label: '采集码', value: codeBadge },
            {
              label: '当前状态',
              value: (s) => badge(label(NEXT_ACTIONS, s.status.next_action.code), nextKind(s.status.next_action.code), { title: s.status.next_action.message }),
            },
            {
              label: '',
              value: (s) => h('button', { type: 'button', class: 'btn btn-small', onclick: () => openDetail(s.id) }, '详情'),
            },
          ],
          result.items,
          { empty: '没有符合条件的学生 (no matching students)', rowAttrs: (s) => ({ dataset: { studentNo: s.student_no } }) },
        ),
        pager(result, (p) => {
          state.page = p;
          draw();
        }),
      ];
    });

  const search = h('input', {
    id: 'student-search',
    type: 'search',
    placeholder: '姓名或学号 (name or number)',
    autocomplete: 'off',
  });
  search.addEventListener(
    'input',
    debounce(() => {
      state.q = search.value.trim();
      state.page = 1;
      draw();
    }),
  );
  const statusSelect = select([['', '全部状态'], ...Object.entries(NEXT_ACTIONS)], '', {
    id: 'student-status',
    onchange: (e) => {
      state.status = e.target.value;
      state.page = 1;
      draw();
    },
  });
  const unitSelect = await unitFilter(admin, 'student-unit', (value) => {
    state.unit = value;
    state.page = 1;
    draw();
  });
  page.append(
    pageHeader('学生名单', admin ? 'Students of the open campaign, all units' : `Students of ${user.unit_code}`),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'field grow' }, h('span', {}, '搜索'), search),
      h('label', { class: 'field' }, h('span', {}, '状态'), statusSelect),
      unitSelect,
      h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, draw) }, '刷新'),
    ),
    detail,
    list,
  );
  await draw();
  const asked = /[?&]student=(\d+)/.exec(window.location.hash);
  if (asked) await openDetail(Number(asked[1]));
}
