// Students with their status and next step; search by name or number,
// filter by step (and unit, for admins). A row opens the CHSI history.

import { api } from '../api.js';
import { CATEGORIES, CHSI_STATUS, NEXT_ACTIONS, label } from '../labels.js';
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

  async function openDetail(s) {
    await load(detail, async () => {
      const [history, messages] = await Promise.all([
        api.get(`/staff/students/${s.id}/chsi-statuses`),
        // Older servers have no notification history: show the rest anyway.
        api.get(`/staff/students/${s.id}/notifications`).catch((err) => (err.status === 404 && err.code === 'not_found' ? null : Promise.reject(err))),
      ]);
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
      return h(
        'section',
        { class: 'card' },
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
          s.bound ? h('span', {}, `绑定于 ${fmtTime(s.bound_at)}`) : null,
          h('span', {}, label(CATEGORIES, s.category)),
          h('span', {}, s.deferred ? '延期' : '非延期'),
          h('span', {}, s.phone ? `手机 ${s.phone}` : '无手机号'),
          h('span', {}, s.has_chsi_photo ? '学信网已有照片' : ''),
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
              value: (s) => h('button', { type: 'button', class: 'btn btn-small', onclick: () => openDetail(s) }, '详情'),
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
}
