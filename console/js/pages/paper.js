// Paper photos: students who shot at the collection centre and owe the unit
// secretary the paper photo. Record one as received (by row, or by student
// number for a student who never declared the offline make-up).

import { api } from '../api.js';
import { CATEGORIES, MAKEUP_STATE, NEXT_ACTIONS, label } from '../labels.js';
import { badge, busy, fmtDate, fmtTime, formValues, h, load, pageHeader, receiveButton, replace, section, table, toast, unitFilter } from '../ui.js';

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  const state = { all: false, unit: '' };
  const list = h('div', { id: 'paper-list' });

  function receivedCell(o) {
    return o.offline.paper_photo_received_at
      ? badge(`已收到 ${fmtTime(o.offline.paper_photo_received_at)}`, 'ok')
      : badge('待交', 'warn');
  }

  function actionCell(o, refresh) {
    return receiveButton(
      o,
      o.offline.paper_photo_received_at,
      () => api.post(`/staff/students/${o.student.id}/paper-photo-received`),
      '登记已收到',
      '纸质相片',
      refresh,
    );
  }

  const draw = () =>
    load(list, async () => {
      const result = await api.get('/staff/paper-photos', { all: state.all || undefined, unit: state.unit || undefined });
      const rows = result.items;
      return [
        h('p', { class: 'muted' }, state.all ? `线下补拍共 ${rows.length} 人` : `待交纸质相片 ${rows.length} 人`),
        table(
          [
            { label: '学号', value: (o) => h('span', { class: 'mono' }, o.student.student_no) },
            { label: '姓名', value: (o) => o.student.name },
            { label: '单位', value: (o) => o.student.unit_code },
            { label: '类别', value: (o) => label(CATEGORIES, o.student.category) },
            { label: '补拍日期', value: (o) => fmtDate(o.offline.taken_on) },
            { label: '申报时间', value: (o) => fmtTime(o.offline.declared_at) },
            { label: '纸质相片', value: (o) => receivedCell(o) },
            { label: '状态', value: (o) => label(MAKEUP_STATE, o.student.makeup_state) },
            { label: '操作', value: actionCell },
          ],
          rows,
          {
            empty: state.all ? '还没有线下补拍记录' : '没有待交的纸质相片 (nothing awaited)',
            rowAttrs: (o) => ({ dataset: { studentNo: o.student.student_no } }),
          },
        ),
      ];
    });

  // Record by student number: for a student who handed in a paper photo
  // without declaring the offline make-up in the mini-program. The student
  // is looked up first and shown (name, unit, state) for a confirmation, so a
  // mistyped number records nothing.
  const byNumberError = h('p', { class: 'form-error', hidden: true, role: 'alert' });
  const confirmBox = h('div', { id: 'paper-confirm', 'aria-live': 'polite' });
  const byNumber = h(
    'form',
    { class: 'row', id: 'paper-by-number' },
    h('label', { class: 'field' }, h('span', {}, '学号'), h('input', { name: 'student_no', required: true, maxlength: '32', autocomplete: 'off' })),
    h('button', { type: 'submit', class: 'btn btn-primary' }, '查找学生'),
  );
  byNumber.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { student_no } = formValues(byNumber);
    replace(confirmBox);
    const s = await busy(
      byNumber.querySelector('button'),
      async () => {
        const found = await api.get('/staff/students', { q: student_no, page_size: 20 });
        const match = found.items.find((x) => x.student_no === student_no);
        if (!match) throw new Error(`没有找到学号为 ${student_no} 的学生，请核对学号`);
        return match;
      },
      { errorTarget: byNumberError },
    );
    if (!s) return;
    const record = h('button', { type: 'button', class: 'btn btn-primary', id: 'paper-confirm-record' }, `确认：已收到 ${s.name} 的纸质相片`);
    record.addEventListener('click', async () => {
      const done = await busy(record, () => api.post(`/staff/students/${s.id}/paper-photo-received`), { errorTarget: byNumberError });
      if (done) {
        toast(`已登记 ${done.student.name} 的纸质相片`, 'success');
        byNumber.reset();
        // Recorded for the wrong student: two minutes to take it back.
        const undo = h('button', { type: 'button', class: 'btn btn-small', id: 'paper-undo' }, '撤销');
        undo.addEventListener('click', async () => {
          const back = await busy(undo, () => api.del(`/staff/students/${s.id}/paper-photo-received`), { errorTarget: byNumberError });
          if (back !== undefined) {
            toast(`已撤销 ${s.name} 的纸质相片登记`, 'success');
            replace(confirmBox);
            draw();
          }
        });
        replace(confirmBox, h('div', { class: 'alert alert-ok row' }, h('span', {}, `已登记 ${s.name}（${s.student_no}）的纸质相片；2 分钟内可撤销`), undo));
        draw();
      }
    });
    replace(
      confirmBox,
      h(
        'div',
        { class: 'alert alert-info', dataset: { studentNo: s.student_no } },
        h('p', {}, h('strong', {}, `${s.name}（${s.student_no}）`), ` · ${s.unit_code} · ${label(NEXT_ACTIONS, s.status.next_action.code)}`),
        h('p', { class: 'muted' }, s.status.next_action.message),
        h('div', { class: 'row' }, record, h('button', { type: 'button', class: 'btn', onclick: () => replace(confirmBox) }, '取消')),
      ),
    );
  });

  const allToggle = h('input', { type: 'checkbox', id: 'paper-all' });
  allToggle.addEventListener('change', () => {
    state.all = allToggle.checked;
    draw();
  });
  const unitSelect = await unitFilter(admin, null, (value) => {
    state.unit = value;
    draw();
  });

  page.append(
    pageHeader('纸质相片', 'Paper photos from offline make-ups, to receive'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'check' }, allToggle, '显示全部线下补拍（含已收到）'),
      unitSelect,
      h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, draw) }, '刷新'),
    ),
    list,
    section('按学号登记 (record by student number)', h('p', { class: 'muted' }, '学生未在小程序中申报线下补拍但已交来纸质相片时使用：先查找，核对姓名后再确认。'), byNumber, byNumberError, confirmBox),
  );
  await draw();
}
