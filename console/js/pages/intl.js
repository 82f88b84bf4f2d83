// International students office: every foreign student of the open campaign
// and where their photo stands. Foreign students' e-photos end here whichever
// way they were taken: download an approved online make-up photo, or record
// the e-photo of a shot at the collection centre as received (its paper
// photo goes to the unit).

import { api, download } from '../api.js';
import { MAKEUP_STATE, PHOTO_STATUS, label } from '../labels.js';
import { badge, busy, debounce, fmtDate, fmtTime, h, load, pageHeader, receiveButton, select, table } from '../ui.js';

const FILTERS = [
  ['', '全部外国留学生'],
  ['e_photo_missing', '线下补拍：电子相片待交'],
  ['approved_online', '线上补拍：照片已通过'],
];

const ePhotoMissing = (o) => o.offline && !o.offline.e_photo_received_at;

export default async function render(page) {
  const state = { q: '', filter: '' };
  const list = h('div', { id: 'intl-list' });
  let items = [];

  function onlineCell(o) {
    if (o.approved_photo) return badge(`已通过 ${fmtTime(o.approved_photo.approved_at)}`, 'ok');
    if (!o.latest_upload_status) return '—';
    return badge(label(PHOTO_STATUS, o.latest_upload_status), o.latest_upload_status === 'pending' ? 'info' : 'neutral');
  }

  function ePhotoCell(o) {
    if (!o.offline) return '—';
    return o.offline.e_photo_received_at ? badge(`已收到 ${fmtTime(o.offline.e_photo_received_at)}`, 'ok') : badge('待交', 'warn');
  }

  function paperCell(o) {
    if (!o.offline) return '—';
    return o.offline.paper_photo_received_at ? badge(`单位已收 ${fmtTime(o.offline.paper_photo_received_at)}`, 'ok') : badge('单位未收', 'neutral');
  }

  function actions(o, refresh) {
    const downloadButton = o.approved_photo
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            dataset: { download: o.student.student_no },
            onclick: (e) => busy(e.currentTarget, () => download(o.approved_photo.download_path, {}, `${o.student.student_no}.jpg`), { success: '已下载电子相片' }),
          },
          '下载电子相片',
        )
      : null;
    const receive = o.offline
      ? receiveButton(o, o.offline.e_photo_received_at, () => api.post(`/intl/students/${o.student.id}/e-photo-received`), '登记已收到电子相片', '电子相片', refresh)
      : null;
    return h('div', { class: 'row' }, downloadButton, receive);
  }

  function paint() {
    const q = state.q.toLowerCase();
    const rows = items.filter(
      (o) =>
        (state.filter !== 'e_photo_missing' || ePhotoMissing(o)) &&
        (state.filter !== 'approved_online' || o.approved_photo) &&
        (!q || o.student.name.toLowerCase().includes(q) || o.student.student_no.includes(q)),
    );
    const online = items.filter((o) => o.approved_photo).length;
    const offline = items.filter((o) => o.offline).length;
    const missing = items.filter(ePhotoMissing).length;
    return [
      h('p', { class: 'muted', id: 'intl-summary' }, `外国留学生 ${items.length} 人：线上补拍已通过 ${online} 人（可下载），线下补拍 ${offline} 人（电子相片待交 ${missing} 人）。`),
      table(
        [
          { label: '学号', value: (o) => h('span', { class: 'mono' }, o.student.student_no) },
          { label: '姓名', value: (o) => o.student.name },
          { label: '培养单位', value: (o) => o.student.unit_code },
          { label: '补拍状态', value: (o) => (o.student.makeup_state ? label(MAKEUP_STATE, o.student.makeup_state) : '—') },
          { label: '线上照片', value: onlineCell },
          { label: '线下补拍日期', value: (o) => (o.offline ? fmtDate(o.offline.taken_on) : '—') },
          { label: '电子相片', value: ePhotoCell },
          { label: '纸质相片', value: paperCell },
          { label: '操作', value: actions },
        ],
        rows,
        {
          empty: state.filter ? '没有符合条件的学生 (nothing matches)' : '本活动没有外国留学生 (no foreign students)',
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
  const filter = select(FILTERS, '', {
    id: 'intl-filter',
    onchange: (e) => {
      state.filter = e.target.value;
      redraw();
    },
  });

  page.append(
    pageHeader('留学生电子相片', 'Foreign students of the open campaign: approved online photos to download, e-photos of offline make-ups'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { class: 'field grow' }, h('span', {}, '搜索'), search),
      h('label', { class: 'field' }, h('span', {}, '显示'), filter),
      h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, draw) }, '刷新'),
    ),
    list,
  );
  await draw();
}
