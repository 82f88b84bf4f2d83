// Small DOM helpers. Text always goes in as text (never as HTML), so names
// and messages from the server cannot inject markup.

import { api } from './api.js';

/**
 * h('button', {class: 'btn', onclick: fn, disabled: true}, 'text', child…)
 * Attributes: `class`, `text`, `dataset`, `on<event>`, booleans, the rest as
 * attributes. Children: strings, nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/** A message at the bottom of the screen; errors stay longer. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 10_000 : 4_000);
  return item;
}

/**
 * Runs an action from a button: the button shows progress and is disabled
 * meanwhile; an error shows the API's message (toast, and `errorTarget`
 * when given; `onError` sees the error). Returns the action's result, or
 * undefined if it failed.
 */
export async function busy(button, action, { errorTarget, success, onError } = {}) {
  if (button) {
    button.disabled = true;
    button.classList.add('is-busy');
    button.setAttribute('aria-busy', 'true');
  }
  if (errorTarget) hideError(errorTarget);
  try {
    const result = await action();
    if (success) toast(typeof success === 'function' ? success(result) : success, 'success');
    return result;
  } catch (err) {
    const message = errorMessage(err);
    if (errorTarget) showError(errorTarget, message);
    toast(message, 'error');
    if (onError) onError(err);
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
      button.classList.remove('is-busy');
      button.removeAttribute('aria-busy');
    }
  }
}

export function errorMessage(err) {
  if (err && err.message) return err.message;
  return '操作失败 (something went wrong)';
}

export function showError(target, message) {
  target.textContent = message;
  target.hidden = false;
}

export function hideError(target) {
  target.textContent = '';
  target.hidden = true;
}

/**
 * Fills `container` with what `build()` returns, showing progress meanwhile
 * and the API's message (with a retry button) if it fails.
 */
export async function load(container, build) {
  container.setAttribute('aria-busy', 'true');
  container.dataset.state = 'loading';
  replace(container, h('div', { class: 'loading' }, h('span', { class: 'spinner' }), '加载中… Loading'));
  try {
    const content = await build();
    replace(container, content);
    container.dataset.state = 'ready';
  } catch (err) {
    container.dataset.state = 'error';
    replace(
      container,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        h('span', { class: 'load-error' }, errorMessage(err)),
        ' ',
        h('button', { type: 'button', class: 'btn btn-small', onclick: () => load(container, build) }, '重试 Retry'),
      ),
    );
  } finally {
    container.removeAttribute('aria-busy');
  }
}

/**
 * A table. columns: [{label, value(row, refresh) → node|string, class}];
 * `rowAttrs(row)` gives attributes per row (e.g. dataset). A cell may call
 * `refresh(changes)` after an action: the row's object takes the changes and
 * the row is redrawn in place (and marked done).
 */
export function table(columns, rows, { empty = '暂无数据 (nothing here)', rowAttrs, caption } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  const tbody = h('tbody');
  for (const row of rows) {
    const tr = h('tr', rowAttrs ? rowAttrs(row) : {});
    const refresh = (changes) => {
      if (changes) Object.assign(row, changes);
      paint();
      tr.classList.add('is-done');
    };
    const paint = () =>
      replace(
        tr,
        columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.value(row, refresh))),
      );
    paint();
    tbody.append(tr);
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table table-responsive' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class, scope: 'col' }, c.label)))),
      tbody,
    ),
  );
}

/** `2024-03-30T23:59:59+08:00` → `2024-03-30 23:59` (times come in Asia/Shanghai). */
export function fmtTime(value) {
  if (!value) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${m[1]} ${m[2]}` : value;
}

export function fmtDate(value) {
  if (!value) return '—';
  return String(value).slice(0, 10);
}

/** For <input type="datetime-local">: the Asia/Shanghai wall time. */
export function toLocalInput(value) {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(value);
  return m ? m[1] : '';
}

/** From <input type="datetime-local"> (Asia/Shanghai wall time) to RFC 3339. */
export function fromLocalInput(value, seconds = '00') {
  if (!value) return null;
  return `${value.slice(0, 16)}:${seconds}+08:00`;
}

export function fmtBytes(n) {
  if (n === undefined || n === null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function badge(text, kind = 'neutral', attrs = {}) {
  return h('span', { ...attrs, class: ['badge', `badge-${kind}`, attrs.class] }, text);
}

// A button recording a photo as handed in (`record` answers the updated
// offline record); none once `receivedAt` is set.
export function receiveButton(o, receivedAt, record, text, what, refresh) {
  if (receivedAt) return '';
  return h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-primary',
      dataset: { receive: o.student.student_no },
      onclick: async (e) => {
        const done = await busy(e.currentTarget, record);
        if (done) {
          toast(`已登记 ${done.student.name} 的${what}`, 'success');
          refresh(done);
        }
      },
    },
    text,
  );
}

export function yesNo(value, yes = '是', no = '否') {
  return value ? badge(yes, 'ok') : badge(no, 'neutral');
}

/** A labelled form field. */
export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', {}, label), input, hint ? h('small', { class: 'hint' }, hint) : null);
}

export function pageHeader(title, subtitle, ...actions) {
  return h(
    'div',
    { class: 'page-header' },
    h('div', {}, h('h1', {}, title), subtitle ? h('p', { class: 'muted' }, subtitle) : null),
    actions.length ? h('div', { class: 'page-actions' }, actions) : null,
  );
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);
}

/**
 * Tabs: [{id, label, render(container)}]. Returns the element; the first
 * tab (or `initial`) is shown.
 */
export function tabs(items, initial) {
  const bar = h('div', { class: 'tabs', role: 'tablist' });
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel' });
  const show = (id) => {
    for (const b of bar.children) b.setAttribute('aria-selected', String(b.dataset.tab === id));
    const item = items.find((t) => t.id === id) || items[0];
    clear(panel);
    item.render(panel);
  };
  for (const t of items) {
    bar.append(
      h('button', { type: 'button', role: 'tab', class: 'tab', dataset: { tab: t.id }, onclick: () => show(t.id) }, t.label),
    );
  }
  show(initial || items[0].id);
  return h('div', {}, bar, panel);
}

/**
 * A button that asks once more before acting (no blocking dialogs): the
 * first click changes its label, the second within 5 s acts.
 */
export function confirmButton(label, confirmLabel, action, cls = 'btn btn-small btn-danger') {
  let armed = false;
  let timer;
  const button = h('button', { type: 'button', class: cls });
  button.textContent = label;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add('is-armed');
      timer = setTimeout(() => {
        armed = false;
        button.textContent = label;
        button.classList.remove('is-armed');
      }, 5000);
      return;
    }
    clearTimeout(timer);
    armed = false;
    button.textContent = label;
    button.classList.remove('is-armed');
    await busy(button, action);
  });
  return button;
}

export function select(options, value, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, label)),
  );
}

/** Calls `fn` once typing pauses. */
export function debounce(fn, ms = 300) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** A pager for `{total, page, page_size}` answers. */
export function pager(result, go) {
  const pages = Math.max(1, Math.ceil(result.total / result.page_size));
  return h(
    'div',
    { class: 'pager' },
    h('button', { type: 'button', class: 'btn btn-small', disabled: result.page <= 1, onclick: () => go(result.page - 1) }, '‹ 上一页'),
    h('span', { class: 'muted' }, `第 ${result.page} / ${pages} 页 · 共 ${result.total} 条`),
    h('button', { type: 'button', class: 'btn btn-small', disabled: result.page >= pages, onclick: () => go(result.page + 1) }, '下一页 ›'),
  );
}

/** The form's fields as an object of trimmed strings. */
export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

// For admins, a choice of every unit (or all of them); null for unit staff,
// who only ever see their own unit.
export async function unitFilter(admin, id, onChange) {
  if (!admin) return null;
  const units = await api.get('/admin/units').catch(() => ({ items: [] }));
  const options = [['', '全部单位'], ...units.items.map((u) => [u.code, `${u.name} (${u.code})`])];
  const attrs = { onchange: (e) => onChange(e.target.value) };
  if (id) attrs.id = id;
  return h('label', { class: 'field' }, h('span', {}, '培养单位'), select(options, '', attrs));
}
