// Audit log (Graduate School): who read or changed what, in Chinese, newest
// first; older pages on demand; a filter by action. A run of look-ups by one
// person (views of records or photos) folds into one row with its count. A
// server without the endpoint says so plainly.

import { api } from '../api.js';
import { AUDIT_ACTIONS } from '../labels.js';
import { busy, field, fmtTime, formValues, h, pageHeader, replace, select, table } from '../ui.js';

const PREFERRED = ['at', 'at_local', 'actor', 'role', 'action_label', 'action', 'student_no', 'student_number', 'detail', 'ip', 'request_id'];
const HIDDEN = new Set(['id', 'actor_kind', 'actor_id', 'roster_entry_id', 'action', 'folded']);
const HEADERS = {
  at: '时间',
  at_local: '时间',
  actor: '操作人',
  role: '角色',
  action_label: '操作',
  action: '操作代码',
  student_no: '学号',
  student_number: '学号',
  detail: '详情',
  ip: '地址',
  request_id: '请求编号',
};

function columnsOf(items) {
  const keys = new Set();
  for (const item of items) for (const k of Object.keys(item)) if (!HIDDEN.has(k)) keys.add(k);
  const ordered = [...PREFERRED.filter((k) => keys.has(k)), ...[...keys].filter((k) => !PREFERRED.includes(k))];
  return ordered.map((key) => ({
    label: HEADERS[key] || key,
    class: key === 'request_id' ? 'mono' : ['at', 'at_local', 'actor', 'role', 'ip'].includes(key) ? 'nowrap' : undefined,
    value: (item) => show(item[key]),
  }));
}

const VIEWS = new Set(['record_viewed', 'photo_viewed']);

/** Consecutive views by the same person become one row: "查看学生信息 ×12". */
function fold(items) {
  const rows = [];
  for (const item of items) {
    const last = rows[rows.length - 1];
    if (last && VIEWS.has(item.action) && last.action === item.action && last.actor === item.actor) {
      last.folded += 1;
      last.action_label = `${item.action_label} ×${last.folded}`;
      last.detail = `${last.folded} 次，最早 ${fmtTime(item.at)}`;
      continue;
    }
    rows.push({ ...item, folded: 1 });
  }
  return rows;
}

function show(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return fmtTime(value);
  if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
  return String(value);
}

function dayStart(date, plusDays = 0) {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return `${d.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

export default async function render(page) {
  const results = h('div', { id: 'audit-results' });
  const error = h('p', { class: 'form-error', hidden: true, role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '查询');
  const form = h(
    'form',
    { class: 'toolbar', id: 'audit-filter' },
    field('学号', h('input', { name: 'student', maxlength: '32', autocomplete: 'off' })),
    field('操作人（用户名）', h('input', { name: 'actor', maxlength: '64', autocomplete: 'off' })),
    field('操作', select([['', '全部操作'], ...Object.entries(AUDIT_ACTIONS)], '', { name: 'action', id: 'audit-action' })),
    field('从（含）', h('input', { name: 'from', type: 'date' })),
    field('到（含）', h('input', { name: 'to', type: 'date' })),
    submit,
  );
  let items = [];
  let query = {};

  function paint(next) {
    const more = next
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn',
            id: 'audit-more',
            onclick: (e) => busy(e.currentTarget, () => fetchPage({ ...query, before_id: next }, true)),
          },
          '加载更早的记录',
        )
      : null;
    replace(
      results,
      h('p', { class: 'muted' }, `显示 ${items.length} 条，最新的在前；同一人连续的查看合并为一行。`),
      table(columnsOf(items), fold(items), {
        empty: '没有符合条件的记录 (no entries)',
        rowAttrs: (r) => ({ dataset: { action: r.action, folded: String(r.folded) } }),
      }),
      more ? h('div', { class: 'pager' }, more) : null,
    );
  }

  async function fetchPage(q, append) {
    let page;
    try {
      page = await api.get('/admin/audit', q);
    } catch (err) {
      if (err.status === 404 && err.code !== 'invalid_request') {
        replace(
          results,
          h(
            'div',
            { class: 'alert alert-info', id: 'audit-unavailable', role: 'status' },
            '审计日志在此服务器上尚不可用（GET /api/v1/admin/audit 不存在）。The audit log is not available on this server.',
          ),
        );
        return;
      }
      throw err;
    }
    const fresh = Array.isArray(page) ? page : page.items || [];
    items = append ? items.concat(fresh) : fresh;
    paint(Array.isArray(page) ? null : page.next_before_id);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    query = {
      student: v.student || undefined,
      actor: v.actor || undefined,
      action: v.action || undefined,
      from: dayStart(v.from),
      to: dayStart(v.to, 1),
    };
    await busy(submit, () => fetchPage(query, false), { errorTarget: error });
  });

  page.append(pageHeader('审计日志', 'Audit log: staff reads and changes, newest first'), form, error, results);
  await busy(submit, () => fetchPage(query, false), { errorTarget: error });
}
