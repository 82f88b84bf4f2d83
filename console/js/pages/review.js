// Review queue: the photo beside the automatic check results; approve, or
// reject with a reason in two clicks; keyboard shortcuts; the next upload
// shows by itself. Photos are fetched with the staff token (blob URLs).

import { api, imageUrl } from '../api.js';
import { CATEGORIES, PHOTO_SOURCE, REJECT_REASONS, label } from '../labels.js';
import { badge, busy, errorMessage, fmtBytes, fmtTime, h, load, pageHeader, replace, toast, unitFilter } from '../ui.js';

const PAGE_SIZE = 50;

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  let unit = '';
  let queue = [];
  let total = 0;
  let index = 0;
  let variant = 'normalized';
  let rejecting = false;
  let deciding = false;
  const images = new Map(); // `${id}:${variant}` → Promise<object URL>

  const counter = h('span', { class: 'badge badge-info', id: 'review-count' }, '…');
  const body = h('div', { id: 'review-body' });

  function image(id, v) {
    const key = `${id}:${v}`;
    if (!images.has(key)) {
      const p = imageUrl(`/staff/photos/${id}/image`, { variant: v });
      p.catch(() => images.delete(key));
      images.set(key, p);
    }
    return images.get(key);
  }

  function forget(id) {
    for (const key of [...images.keys()]) {
      if (key.startsWith(`${id}:`)) {
        images.get(key).then((url) => URL.revokeObjectURL(url)).catch(() => {});
        images.delete(key);
      }
    }
  }

  async function fetchQueue() {
    const result = await api.get('/staff/reviews', { unit: unit || undefined, page_size: PAGE_SIZE });
    total = result.total;
    counter.textContent = `待审核 ${total} 张`;
    return result.items;
  }

  function current() {
    return queue[index];
  }

  function checksList(checks) {
    if (!checks.length) return h('p', { class: 'muted' }, '没有自动检查结果');
    const order = (c) => (c.passed ? 2 : c.severity === 'error' ? 0 : 1);
    return h(
      'ul',
      { class: 'checks', id: 'checks' },
      [...checks]
        .sort((a, b) => order(a) - order(b))
        .map((c) => {
          const kind = c.passed ? 'pass' : c.severity === 'error' ? 'fail' : 'warn';
          const icon = c.passed ? '✓' : c.severity === 'error' ? '✗' : '!';
          return h(
            'li',
            { class: kind, dataset: { check: c.check } },
            h('span', { class: 'icon', 'aria-hidden': 'true' }, icon),
            h('span', { title: c.check }, c.message),
          );
        }),
    );
  }

  function queueList() {
    return h(
      'aside',
      { class: 'queue', 'aria-label': '待审核列表' },
      h('h2', {}, `队列 (${queue.length}${total > queue.length ? ` / ${total}` : ''})`),
      h(
        'ol',
        {},
        queue.map((item, i) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                'aria-current': String(i === index),
                onclick: () => {
                  index = i;
                  show();
                },
              },
              h('span', {}, `${item.student.name}`),
              h('small', {}, `${item.student.student_no} · ${fmtTime(item.photo.uploaded_at)}`),
            ),
          ),
        ),
      ),
    );
  }

  async function decide(button, decision) {
    const item = current();
    if (!item || deciding) return;
    deciding = true;
    let gone = false;
    const result = await busy(button, () => api.post(`/staff/reviews/${item.photo.id}`, decision), {
      // Decided by someone else meanwhile, or withdrawn: no longer ours to review.
      onError: (err) => {
        gone = ['already_reviewed', 'photo_not_pending', 'not_found'].includes(err.code);
      },
    });
    deciding = false;
    if (result === undefined) {
      if (gone) advance(item);
      return;
    }
    const done = decision.decision === 'approve' ? `已通过：${item.student.name}` : `已退回：${item.student.name}`;
    toast(done, 'success');
    offerUndo(item, done);
    advance(item);
  }

  // The last decision can be taken back for two minutes (the server's
  // window); later the student's page asks for a reason.
  const undoBar = h('div', { id: 'review-undo', 'aria-live': 'polite' });
  let undoTimer = null;
  function offerUndo(item, done) {
    clearTimeout(undoTimer);
    const button = h('button', { type: 'button', class: 'btn btn-small', id: 'review-undo-button' }, '撤销');
    button.addEventListener('click', async () => {
      const back = await busy(button, () => api.post(`/staff/reviews/${item.photo.id}/revert`, {}));
      if (back) {
        clearTimeout(undoTimer);
        replace(undoBar);
        toast(`已撤销，${item.student.name} 的照片回到待审核`, 'success');
        refill();
      }
    });
    replace(undoBar, h('div', { class: 'alert alert-info row' }, h('span', {}, `${done}（2 分钟内可撤销）`), button));
    undoTimer = setTimeout(() => replace(undoBar), 110 * 1000);
  }

  function advance(item) {
    // On a phone the next photo starts at the top of the screen again.
    body.scrollIntoView({ block: 'start' });
    queue = queue.filter((q) => q.photo.id !== item.photo.id);
    forget(item.photo.id);
    total = Math.max(0, total - 1);
    counter.textContent = `待审核 ${total} 张`;
    if (index >= queue.length) index = 0;
    rejecting = false;
    if (queue.length) {
      show();
      // Quietly pick up uploads that arrived meanwhile.
      if (queue.length < 5 && total > queue.length) refill();
    } else {
      refill();
    }
  }

  async function refill() {
    try {
      const items = await fetchQueue();
      const shown = current() && current().photo.id;
      queue = items;
      const at = queue.findIndex((q) => q.photo.id === shown);
      index = at >= 0 ? at : 0;
      show();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  // Choosing a reason only selects it, so a comment can follow; 确认退回
  // sends it.
  function reasonsPanel(item) {
    let chosen = null;
    const comment = h('textarea', {
      id: 'reject-comment',
      maxlength: '500',
      placeholder: '给学生的说明（可选；选“其他”时必填） Comment for the student',
    });
    const error = h('p', { class: 'form-error', hidden: true, role: 'alert' });
    const confirm = h('button', { type: 'button', class: 'btn btn-danger-solid', id: 'reject-confirm', disabled: true }, '确认退回');
    const buttons = REJECT_REASONS.map(([code, text], i) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn reason',
          'aria-pressed': 'false',
          dataset: { reason: code, key: String(i + 1) },
          onclick: (e) => {
            chosen = code;
            for (const b of buttons) b.setAttribute('aria-pressed', String(b === e.currentTarget));
            confirm.disabled = false;
            confirm.textContent = `确认退回：${text}`;
            error.hidden = true;
            if (code === 'other') comment.focus();
          },
        },
        h('kbd', {}, String(i + 1)),
        text,
      ),
    );
    confirm.addEventListener('click', () => {
      const text = comment.value.trim();
      if (chosen === 'other' && !text) {
        error.hidden = false;
        error.textContent = '选择“其他”时请填写说明 (a comment is required for “other”)';
        comment.focus();
        return;
      }
      decide(confirm, { decision: 'reject', reason_code: chosen, comment: text || undefined });
    });
    return h(
      'div',
      { class: 'reasons', id: 'reasons', hidden: !rejecting },
      h('strong', {}, `退回 ${item.student.name} 的照片：选择原因，再确认 (choose a reason, then confirm)`),
      h('div', { class: 'reason-grid' }, buttons),
      comment,
      error,
      h('div', { class: 'row' }, confirm, h('button', { type: 'button', class: 'btn', onclick: () => toggleReject(false) }, '取消', h('kbd', {}, 'Esc'))),
    );
  }

  function toggleReject(on) {
    rejecting = on;
    const panel = body.querySelector('#reasons');
    if (panel) {
      panel.hidden = !on;
      if (on) panel.querySelector('.reason')?.focus();
    }
  }

  // Nothing is decided on a photo nobody has seen.
  function decidable(on) {
    for (const id of ['approve', 'reject']) {
      const button = body.querySelector(`#${id}`);
      if (button) button.disabled = !on;
    }
  }

  async function showImage(frame, item, caption) {
    decidable(false);
    const img = h('img', { id: 'review-photo', alt: `${item.student.name} 的补拍照片`, dataset: { photoId: String(item.photo.id) } });
    replace(frame, h('div', { class: 'loading' }, h('span', { class: 'spinner' }), '照片加载中…'));
    try {
      const url = await image(item.photo.id, variant);
      if (current() !== item) return;
      img.src = url;
      await img.decode().catch(() => {});
      if (current() !== item) return;
      replace(frame, img);
      caption.dataset.loaded = 'true';
      decidable(true);
    } catch (err) {
      replace(frame, h('div', { class: 'alert alert-error' }, `照片无法加载：${errorMessage(err)}`));
    }
  }

  // A re-upload: what was wrong last time, with that photo's thumbnail.
  function previousRejection(item) {
    const prev = item.previous_rejection;
    if (!prev) return null;
    const thumb = h('img', { class: 'previous-thumb', alt: '上次退回的照片', width: 60, height: 80 });
    image(prev.id, 'thumb').then((url) => (thumb.src = url), () => thumb.remove());
    return h(
      'div',
      { class: 'alert alert-warn previous', id: 'review-previous' },
      thumb,
      h(
        'div',
        {},
        h('strong', {}, `重新上传：上次于 ${fmtTime(prev.reviewed_at)} 被退回`),
        h('p', {}, `原因：${prev.reject_reason_label || '—'}${prev.comment ? `；说明：${prev.comment}` : ''}`),
      ),
    );
  }

  function show() {
    const item = current();
    if (!item) {
      replace(
        body,
        h(
          'div',
          { class: 'card done-box', id: 'review-empty' },
          h('div', { class: 'big', 'aria-hidden': 'true' }, '✓'),
          h('h2', {}, '没有待审核的照片'),
          h('p', { class: 'muted' }, 'Nothing to review. New uploads appear here.'),
          h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, refill) }, '刷新'),
        ),
      );
      return;
    }
    const p = item.photo;
    const s = item.student;
    const frame = h('div', { class: 'photo-frame' });
    const caption = h(
      'figcaption',
      {},
      `${item.width}×${item.height} px · ${fmtBytes(item.original_bytes)} · ${label(PHOTO_SOURCE, p.source)}`,
    );
    const variantButton = (v, text) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'aria-pressed': String(variant === v),
          onclick: (e) => {
            variant = v;
            for (const b of e.currentTarget.parentElement.children) b.setAttribute('aria-pressed', String(b === e.currentTarget));
            showImage(frame, item, caption);
          },
        },
        text,
      );
    const failed = p.checks.filter((c) => !c.passed);
    const approve = h(
      'button',
      { type: 'button', class: 'btn btn-ok btn-big', id: 'approve', disabled: true, onclick: (e) => decide(e.currentTarget, { decision: 'approve' }) },
      '✓ 通过',
      h('kbd', {}, 'A'),
    );
    const reject = h(
      'button',
      { type: 'button', class: 'btn btn-danger btn-big', id: 'reject', disabled: true, onclick: () => toggleReject(!rejecting) },
      '✗ 退回…',
      h('kbd', {}, 'R'),
    );
    replace(
      body,
      h(
        'div',
        { class: 'review', id: 'review-current', dataset: { photoId: String(p.id), studentNo: s.student_no } },
        h(
          'figure',
          { class: 'photo-pane' },
          frame,
          h('div', { class: 'variant-switch' }, variantButton('normalized', '规范照片 480×640'), variantButton('original', '原图')),
          caption,
        ),
        h(
          'section',
          { class: 'card' },
          h('p', { class: 'student-name', id: 'review-name' }, s.name),
          h(
            'div',
            { class: 'facts' },
            h('span', { class: 'mono' }, `学号 ${s.student_no}`),
            h('span', {}, `单位 ${s.unit_code}`),
            h('span', {}, label(CATEGORIES, s.category)),
            h('span', {}, `上传于 ${fmtTime(p.uploaded_at)}`),
          ),
          previousRejection(item),
          h('div', { class: 'decision' }, approve, reject),
          reasonsPanel(item),
          h(
            'h3',
            {},
            '自动检查 (automatic checks) ',
            failed.length ? badge(`${failed.length} 项需注意`, 'warn') : badge('全部通过', 'ok'),
          ),
          checksList(p.checks),
          h(
            'p',
            { class: 'shortcuts' },
            '快捷键：',
            h('kbd', {}, 'A'), ' 通过 · ',
            h('kbd', {}, 'R'), ' 退回 · ',
            h('kbd', {}, '1'), '–', h('kbd', {}, '7'), ' 选择原因（再点确认） · ',
            h('kbd', {}, '→'), ' 下一张 · ',
            h('kbd', {}, '←'), ' 上一张 · ',
            h('kbd', {}, 'Esc'), ' 取消',
          ),
        ),
        queueList(),
      ),
    );
    showImage(frame, item, caption);
    // Fetch the next photo now so it shows at once after this decision.
    const next = queue[(index + 1) % queue.length];
    if (next && next !== item) image(next.photo.id, variant).catch(() => {});
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    const typing = target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable);
    if (e.key === 'Escape') {
      if (rejecting) {
        toggleReject(false);
        e.preventDefault();
      }
      return;
    }
    if (typing || !current() || deciding) return;
    const key = e.key.toLowerCase();
    if (key === 'a' && !rejecting) {
      e.preventDefault();
      body.querySelector('#approve')?.click();
    } else if (key === 'r' && !body.querySelector('#reject')?.disabled) {
      e.preventDefault();
      toggleReject(!rejecting);
    } else if (rejecting && /^[1-7]$/.test(key)) {
      e.preventDefault();
      body.querySelector(`.reason[data-key="${key}"]`)?.click();
    } else if (key === 'arrowright' || key === 'j') {
      e.preventDefault();
      index = (index + 1) % queue.length;
      rejecting = false;
      show();
    } else if (key === 'arrowleft' || key === 'k') {
      e.preventDefault();
      index = (index - 1 + queue.length) % queue.length;
      rejecting = false;
      show();
    }
  }

  const unitSelect = await unitFilter(admin, 'review-unit', (value) => {
    unit = value;
    start();
  });

  page.append(
    pageHeader('照片审核', 'Review make-up uploads, oldest first', counter, unitSelect, h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, refill) }, '刷新')),
    undoBar,
    body,
  );

  function start() {
    index = 0;
    return load(body, async () => {
      queue = await fetchQueue();
      return h('div');
    }).then(() => {
      if (body.dataset.state === 'ready') show();
    });
  }

  document.addEventListener('keydown', onKey);
  await start();
  return () => {
    clearTimeout(undoTimer);
    document.removeEventListener('keydown', onKey);
    for (const p of images.values()) p.then((url) => URL.revokeObjectURL(url)).catch(() => {});
    images.clear();
  };
}

