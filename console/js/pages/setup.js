// Campaign setup (Graduate School): campaigns and their deadlines, campuses,
// training units, and each campaign's sessions (windows, slot length,
// capacity, units served, booking window).

import { api, campaigns, sessionLabel } from '../api.js';
import { CAMPAIGN_STATUS, label } from '../labels.js';
import {
  badge,
  busy,
  confirmButton,
  field,
  fmtTime,
  formValues,
  fromLocalInput,
  h,
  load,
  pageHeader,
  replace,
  section,
  select,
  table,
  tabs,
  toLocalInput,
  toast,
} from '../ui.js';

/** A form in a card with an error line and a submit button. */
function formCard(title, fields, submitLabel, onSubmit, { onCancel } = {}) {
  const error = h('p', { class: 'form-error', hidden: true, role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel);
  const form = h(
    'form',
    { class: 'card' },
    h('h2', {}, title),
    h('div', { class: 'grid-2' }, fields),
    error,
    h('div', { class: 'row' }, submit, onCancel ? h('button', { type: 'button', class: 'btn', onclick: onCancel }, '取消') : null),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy(submit, () => onSubmit(formValues(form), form), { errorTarget: error });
  });
  return form;
}

const input = (name, attrs = {}) => h('input', { name, ...attrs });

// ---------------------------------------------------------------- campaigns

function campaignFields(c = {}) {
  return [
    field('名称', input('name', { required: true, maxlength: '256', value: c.name || '' })),
    field('毕业年份', input('graduation_year', { type: 'number', required: true, min: '2000', max: '2100', value: c.graduation_year || new Date().getFullYear() })),
    field('补拍截止', input('makeup_deadline', { type: 'datetime-local', required: true, value: toLocalInput(c.makeup_deadline) }), '北京时间'),
    field('学信网核对截止', input('self_check_deadline', { type: 'datetime-local', required: true, value: toLocalInput(c.self_check_deadline) }), '北京时间'),
    field('状态', select(Object.entries(CAMPAIGN_STATUS), c.status || 'draft', { name: 'status' }), '同一时间只能有一个进行中的活动'),
    field('取消/改约截止（开始前分钟数）', input('cancel_cutoff_minutes', { type: 'number', min: '0', max: '10080', value: c.cancel_cutoff_minutes ?? 120 })),
    field('现场须知', h('textarea', { name: 'on_site_notes', maxlength: '8000', placeholder: '留空使用通知中的默认须知' }, c.on_site_notes || '')),
    field('补拍地点', h('textarea', { name: 'makeup_location', maxlength: '2000', placeholder: '留空使用通知中的采集点' }, c.makeup_location || '')),
    field(
      '留学生办公室联系方式',
      h('textarea', { name: 'intl_office_contact', maxlength: '1000', placeholder: '地址、电话、邮箱：外国留学生将电子相片发送至此' }, c.intl_office_contact || ''),
      '显示给学生；留空则不显示',
    ),
  ];
}

function campaignBody(v) {
  return {
    name: v.name,
    graduation_year: Number(v.graduation_year),
    makeup_deadline: fromLocalInput(v.makeup_deadline, '59'),
    self_check_deadline: fromLocalInput(v.self_check_deadline, '59'),
    status: v.status,
    cancel_cutoff_minutes: v.cancel_cutoff_minutes === '' ? undefined : Number(v.cancel_cutoff_minutes),
    on_site_notes: v.on_site_notes || undefined,
    makeup_location: v.makeup_location || undefined,
    // Emptied: removed from the campaign.
    intl_office_contact: v.intl_office_contact || null,
  };
}

function campaignsTab(container) {
  const editor = h('div');
  const list = h('div');
  const draw = () =>
    load(list, async () => {
      const { list: items } = await campaigns();
      return table(
        [
          { label: '编号', value: (c) => `#${c.id}` },
          { label: '名称', value: (c) => c.name },
          { label: '年份', value: (c) => String(c.graduation_year) },
          { label: '状态', value: (c) => badge(label(CAMPAIGN_STATUS, c.status), c.status === 'open' ? 'ok' : 'neutral') },
          { label: '补拍截止', value: (c) => fmtTime(c.makeup_deadline) },
          { label: '核对截止', value: (c) => fmtTime(c.self_check_deadline) },
          { label: '', value: (c) => h('button', { type: 'button', class: 'btn btn-small', onclick: () => edit(c) }, '修改') },
        ],
        items,
        { empty: '还没有采集活动，请先新建' },
      );
    });
  const edit = (c) => {
    replace(
      editor,
      formCard(
        c ? `修改活动 #${c.id}` : '新建采集活动',
        campaignFields(c || {}),
        c ? '保存' : '新建',
        async (v) => {
          if (c) await api.patch(`/admin/campaigns/${c.id}`, campaignBody(v));
          else await api.post('/admin/campaigns', campaignBody(v));
          toast(c ? '已保存' : '已新建活动', 'success');
          replace(editor);
          draw();
        },
        { onCancel: () => replace(editor) },
      ),
    );
    editor.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };
  container.append(h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn btn-primary', onclick: () => edit(null) }, '+ 新建活动')), editor, list);
  draw();
}

// ---------------------------------------------------------------- campuses

function campusesTab(container) {
  const list = h('div');
  const draw = () =>
    load(list, async () => {
      const items = (await api.get('/admin/campuses')).items;
      return table(
        [
          { label: '代码', value: (c) => h('span', { class: 'mono' }, c.code) },
          {
            label: '名称',
            value: (c, refresh) => {
              const name = h('input', { value: c.name, maxlength: '256', 'aria-label': `${c.code} 名称` });
              const save = h('button', { type: 'button', class: 'btn btn-small' }, '改名');
              save.addEventListener('click', async () => {
                const done = await busy(save, () => api.patch(`/admin/campuses/${c.id}`, { name: name.value.trim() }), { success: '已保存' });
                if (done) refresh(done);
              });
              return h('div', { class: 'row' }, name, save);
            },
          },
        ],
        items,
        { empty: '还没有校区' },
      );
    });
  container.append(
    formCard(
      '新建校区',
      [field('代码', input('code', { required: true, maxlength: '64', placeholder: '如 NORTH' })), field('名称', input('name', { required: true, maxlength: '256', placeholder: '如 北校园' }))],
      '新建',
      async (v, form) => {
        await api.post('/admin/campuses', v);
        toast(`已新建校区 ${v.name}`, 'success');
        form.reset();
        draw();
      },
    ),
    list,
  );
  draw();
}

// ---------------------------------------------------------------- units

// Units in the order chosen: by code, name or campus.
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const UNIT_ORDER = {
  code: byCode,
  name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  campus: (a, b) => a.campus_id - b.campus_id || byCode(a, b),
};

function unitsTab(container) {
  const list = h('div');
  const form = h('div');
  let order = 'code';
  const sorter = select(
    [
      ['code', '按代码排序'],
      ['name', '按名称排序'],
      ['campus', '按校区排序'],
    ],
    order,
    {
      id: 'units-order',
      'aria-label': '排序',
      onchange: (e) => {
        order = e.target.value;
        draw();
      },
    },
  );
  const draw = () =>
    load(list, async () => {
      const [units, campuses] = await Promise.all([api.get('/admin/units'), api.get('/admin/campuses')]);
      const campusOptions = campuses.items.map((c) => [c.code, `${c.name} (${c.code})`]);
      const campusCode = (id) => campuses.items.find((c) => c.id === id)?.code || '';
      replace(
        form,
        formCard(
          '新建培养单位',
          [
            field('代码', input('code', { required: true, maxlength: '64', placeholder: '如 CS' }), '名单和秘书账号中使用'),
            field('名称', input('name', { required: true, maxlength: '256' })),
            field('所属校区', select(campusOptions, '', { name: 'campus_code', required: true })),
          ],
          '新建',
          async (v, f) => {
            await api.post('/admin/units', v);
            toast(`已新建培养单位 ${v.name}`, 'success');
            f.reset();
            draw();
          },
        ),
      );
      return table(
        [
          { label: '代码', value: (u) => h('span', { class: 'mono' }, u.code) },
          {
            label: '名称与校区',
            value: (u, refresh) => {
              const name = h('input', { value: u.name, maxlength: '256', 'aria-label': `${u.code} 名称` });
              const campus = select(campusOptions, campusCode(u.campus_id), { 'aria-label': `${u.code} 校区` });
              const save = h('button', { type: 'button', class: 'btn btn-small' }, '保存');
              save.addEventListener('click', async () => {
                const done = await busy(save, () => api.patch(`/admin/units/${u.id}`, { name: name.value.trim(), campus_code: campus.value }), { success: '已保存' });
                if (done) refresh(done);
              });
              return h('div', { class: 'row' }, name, campus, save);
            },
          },
        ],
        [...units.items].sort(UNIT_ORDER[order]),
        { empty: '还没有培养单位', rowAttrs: (u) => ({ dataset: { unitCode: u.code } }) },
      );
    });
  container.append(form, h('div', { class: 'toolbar' }, sorter), list);
  draw();
}

// ---------------------------------------------------------------- sessions

// The most students already booked into one slot of the session: its
// capacity cannot go below it.
const mostBooked = (s) => Math.max(0, ...(s.slots || []).map((slot) => slot.booked));

function sessionFields(s, campusOptions, units) {
  const floor = Math.max(1, mostBooked(s));
  const served = new Set(s.unit_codes || []);
  // Units are ticked from the list, never typed.
  const unitBoxes = h(
    'fieldset',
    { class: 'checks-grid', id: 'session-units' },
    h('legend', {}, '面向单位（不选 = 本校区全部单位）'),
    units.map((u) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'unit_codes', value: u.code, checked: served.has(u.code) }), `${u.name} (${u.code})`),
    ),
  );
  return [
    field('校区', select(campusOptions, s.campus_code || '', { name: 'campus_code', required: true, disabled: Boolean(s.id) }), s.id ? '已建场次不能换校区' : null),
    field('日期', input('date', { type: 'date', required: true, value: s.date || '' })),
    field('地点（教室）', input('rooms', { required: true, maxlength: '512', value: s.rooms || '', placeholder: '如 公共教学楼 C101' })),
    field('时间段', input('windows', { required: true, value: (s.windows || []).join(', '), placeholder: '09:00-12:00, 13:30-17:00' }), '用逗号分隔，按时间顺序'),
    field('每个时段（分钟）', input('slot_minutes', { type: 'number', required: true, min: '5', max: '240', value: s.slot_minutes ?? 30 })),
    field(
      '每时段容量（人）',
      input('capacity_per_slot', { type: 'number', required: true, min: String(floor), max: '1000', value: s.capacity_per_slot ?? 40 }),
      floor > 1 ? `已有时段约了 ${floor} 人，容量不能低于 ${floor}` : null,
    ),
    unitBoxes,
    field('预约开始', input('booking_opens_at', { type: 'datetime-local', value: toLocalInput(s.booking_opens_at) }), '留空：活动开放即可预约'),
    field('预约截止', input('booking_closes_at', { type: 'datetime-local', value: toLocalInput(s.booking_closes_at) }), '留空：第一个时段前一小时'),
  ];
}

const list = (text) =>
  text
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function sessionBody(v, before) {
  const next = {
    date: v.date,
    rooms: v.rooms,
    windows: list(v.windows),
    slot_minutes: Number(v.slot_minutes),
    capacity_per_slot: Number(v.capacity_per_slot),
    unit_codes: v.unit_codes,
    booking_opens_at: fromLocalInput(v.booking_opens_at) || undefined,
    booking_closes_at: fromLocalInput(v.booking_closes_at) || undefined,
  };
  if (!before) return { campus_code: v.campus_code, ...next };
  // Only what changed: changing the day, windows or slot length regenerates
  // the slots, which the server refuses once someone has booked.
  const same = {
    date: before.date,
    rooms: before.rooms,
    windows: before.windows,
    slot_minutes: before.slot_minutes,
    capacity_per_slot: before.capacity_per_slot,
    unit_codes: before.unit_codes,
    booking_opens_at: before.booking_opens_at ? fromLocalInput(toLocalInput(before.booking_opens_at)) : undefined,
    booking_closes_at: before.booking_closes_at ? fromLocalInput(toLocalInput(before.booking_closes_at)) : undefined,
  };
  const patch = {};
  for (const [k, val] of Object.entries(next)) {
    if (JSON.stringify(val) !== JSON.stringify(same[k]) && val !== undefined) patch[k] = val;
  }
  return patch;
}

function places(s) {
  const capacity = s.slots.reduce((n, x) => n + x.capacity, 0);
  const booked = s.slots.reduce((n, x) => n + x.booked, 0);
  return `${booked} / ${capacity}`;
}

function sessionsTab(container) {
  return load(container, () => sessionsBody());
}

async function sessionsBody() {
  const { list: all, preferred } = await campaigns();
  if (!all.length) return h('p', { class: 'empty' }, '请先在「采集活动」中新建活动。');
  let campaign = preferred;
  const editor = h('div');
  const body = h('div', { id: 'sessions-list' });
  const campuses = (await api.get('/admin/campuses')).items;
  const campusOptions = campuses.map((c) => [c.code, `${c.name} (${c.code})`]);
  const units = (await api.get('/admin/units')).items;

  const edit = (s) => {
    replace(
      editor,
      formCard(
        s ? `修改场次 ${sessionLabel(s)}` : `新建场次（${campaign.name}）`,
        sessionFields(s || {}, campusOptions, units),
        s ? '保存' : '新建',
        async (values, form) => {
          // Ticked units: every checkbox of the name, not FormData's last.
          const v = { ...values, unit_codes: [...form.querySelectorAll("input[name='unit_codes']:checked")].map((b) => b.value) };
          if (s) {
            const patch = sessionBody(v, s);
            if (!Object.keys(patch).length) {
              toast('没有改动', 'info');
              return;
            }
            await api.patch(`/admin/sessions/${s.id}`, patch);
          } else {
            await api.post(`/admin/campaigns/${campaign.id}/sessions`, sessionBody(v));
          }
          toast(s ? '已保存场次' : '已新建场次', 'success');
          replace(editor);
          draw();
        },
        { onCancel: () => replace(editor) },
      ),
    );
    editor.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };

  const draw = () =>
    load(body, async () => {
      const items = (await api.get(`/admin/campaigns/${campaign.id}/sessions`)).items;
      return table(
        [
          { label: '编号', value: (s) => h('strong', {}, `#${s.id}`) },
          { label: '校区', value: (s) => s.campus_name },
          { label: '日期', class: 'nowrap', value: (s) => s.date },
          { label: '地点', value: (s) => s.rooms },
          { label: '时间段', class: 'nowrap', value: (s) => h('span', {}, s.windows.map((w, i) => [i ? h('br') : null, w])) },
          { label: '时段/容量', value: (s) => `${s.slot_minutes} 分钟 × ${s.capacity_per_slot} 人` },
          { label: '已约/名额', class: 'num', value: (s) => places(s) },
          { label: '面向单位', value: (s) => (s.unit_codes.length ? s.unit_codes.join(', ') : '本校区全部') },
          { label: '预约时间', value: (s) => `${s.booking_opens_at ? fmtTime(s.booking_opens_at) : '活动开放'} 至 ${s.booking_closes_at ? fmtTime(s.booking_closes_at) : '首个时段前 1 小时'}` },
          {
            label: '',
            value: (s) =>
              h(
                'div',
                { class: 'nowrap-row' },
                h('button', { type: 'button', class: 'btn btn-small', onclick: () => edit(s) }, '修改'),
                // A booked session is not deleted: say why instead.
                mostBooked(s) > 0
                  ? h('span', { class: 'muted', dataset: { noDelete: String(s.id) } }, '已有预约，不能删除')
                  : confirmButton('删除', '确认删除？', async () => {
                      await api.del(`/admin/sessions/${s.id}`);
                      toast(`已删除场次 #${s.id}`, 'success');
                      draw();
                    }),
              ),
          },
        ],
        items,
        { empty: '本活动还没有采集场次', rowAttrs: (s) => ({ dataset: { sessionId: String(s.id) } }) },
      );
    });

  draw();
  return [
    h(
      'div',
      { class: 'toolbar' },
      field(
        '采集活动',
        select(
          all.map((c) => [c.id, `${c.name}（${label(CAMPAIGN_STATUS, c.status)}）`]),
          campaign.id,
          {
            onchange: (e) => {
              campaign = all.find((c) => String(c.id) === e.target.value);
              replace(editor);
              draw();
            },
          },
        ),
      ),
      h('button', { type: 'button', class: 'btn btn-primary', id: 'new-session', onclick: () => edit(null) }, '+ 新建场次'),
    ),
    editor,
    body,
  ];
}

export default async function render(page) {
  page.append(
    pageHeader('活动设置', 'Campaign setup: campaigns, campuses, units, sessions'),
    section(
      null,
      tabs([
        { id: 'campaigns', label: '采集活动', render: campaignsTab },
        { id: 'sessions', label: '采集场次', render: sessionsTab },
        { id: 'units', label: '培养单位', render: unitsTab },
        { id: 'campuses', label: '校区', render: campusesTab },
      ]),
    ),
  );
}
