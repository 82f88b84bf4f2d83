// International students office: foreign students who shot at the
// collection centre must send their electronic photo here (and hand the
// paper photo to their unit). Record e-photos as received.

import { api } from '../api.js';
import { MAKEUP_STATE, label } from '../labels.js';
import { badge, busy, debounce, fmtDate, fmtTime, h, load, pageHeader, receiveButton, table } from '../ui.js';

export default async function render(page) {
  const state = { q: '', missingOnly: true };
  const list = h('div', { id: 'intl-list' });
  let items = [];

  function ePhotoCell(o) {
    return o.offline.e_photo_received_at ? badge(`已收到 ${fmtTime(o.offline.e_photo_received_at)}`, 'ok') : badge('待交', 'warn');
  }

  function paperCell(o) {
    return o.offline.paper_photo_received_at ? badge(`单位已收 ${fmtTime(o.offline.paper_photo_received_at)}`, 'ok') : badge('单位未收', 'neutral');
  }

  function action(o, refresh) {
    return receiveButton(
      o,
      o.offline.e_photo_received_at,
      () => api.post(`/intl/students/${o.student.id}/e-photo-received`),
      '登记已收到电子相片',
      '电子相片',
      refresh,
    );
  }

  function paint() {
    const q = state.q.toLowerCase();
    const rows = items.filter(
      (o) =>
        (!state.missingOnly || !o.offline.e_photo_received_at) &&
        (!q || o.student.name.toLowerCase().includes(q) || o.student.student_no.includes(q)),
    );
    const missing = items.filter((o) => !o.offline.e_photo_received_at).length;
    return [
      h('p', { class: 'muted' }, `线下补拍的外国留学生 ${items.length} 人，电子相片待交 ${missing} 人。`),
      table(
        [
          { label: '学号', value: (o) => h('span', { class: 'mono' }, o.student.student_no) },
          { label: '姓名', value: (o) => o.student.name },
          { label: '培养单位', value: (o) => o.student.unit_code },
          { label: '补拍日期', value: (o) => fmtDate(o.offline.taken_on) },
          { label: '电子相片', value: ePhotoCell },
          { label: '纸质相片', value: paperCell },
          { label: '状态', value: (o) => label(MAKEUP_STATE, o.student.makeup_state) },
          { label: '操作', value: action },
        ],
        rows,
        {
          empty: state.missingOnly ? '没有待交电子相片的学生 (nothing awaited)' : '还没有外国留学生线下补拍记录',
          rowAttrs: (o) => ({ dataset: { studentNo: o.student.student_no } }),
        },
      ),
    ];
  }

  const draw = () =>
    load(list, async () => {
      items = (await api.get('/intl/students')).items;
      return paint();
    });
  const redraw = () => load(list, async () => paint());

  const search = h('input', { type: 'search', id: 'intl-search', placeholder: '姓名或学号', autocomplete: 'off' });
  search.addEventListener(
    'input',
    debounce(() => {
      state.q = search.value.trim();
      redraw();
    }, 150),
  );
  const missingOnly = h('input', { type: 'checkbox', id: 'intl-missing', checked: true });
  missingOnly.addEventListener('change', () => {
    state.missingOnly = missingOnly.checked;
    redraw();
  });

  page.append(
    pageHeader('留学生电子相片', 'Foreign students: electronic photos and paper-photo state'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'field grow' }, h('span', {}, '搜索'), search),
      h('label', { class: 'check' }, missingOnly, '只看电子相片待交'),
      h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, draw) }, '刷新'),
    ),
    list,
  );
  await draw();
}
