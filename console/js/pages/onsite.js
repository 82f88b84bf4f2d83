// On-site check-in, made for a phone or laptop at the door: pick today's
// session from the list, scan the student's check-in QR code with the camera
// (BarcodeDetector where the browser has it, else the vendored jsQR) or type
// the student number; a big clear result; then mark photographed and the fee
// paid. Below, who is expected in which slot, who has come and who has not.

import { api, sessionLabel } from '../api.js';
import { BOOKING_STATUS, CATEGORIES, label } from '../labels.js';
import { badge, busy, errorMessage, field, fmtTime, h, pageHeader, replace, section, select, table, toast } from '../ui.js';

const SESSION_KEY = 'dp-console-onsite-session';

let jsQRLoading = null;
function loadJsQR() {
  if (window.jsQR) return Promise.resolve(window.jsQR);
  if (!jsQRLoading) {
    jsQRLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/console/vendor/jsQR.js';
      script.onload = () => (window.jsQR ? resolve(window.jsQR) : reject(new Error('jsQR 未加载')));
      script.onerror = () => {
        jsQRLoading = null;
        reject(new Error('二维码识别组件加载失败 (QR reader failed to load)'));
      };
      document.head.append(script);
    });
  }
  return jsQRLoading;
}

/** A QR reader over video frames: BarcodeDetector, or jsQR on a canvas. */
async function qrReader() {
  if ('BarcodeDetector' in window) {
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      if (formats.includes('qr_code')) {
        const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        return async (video) => {
          const codes = await detector.detect(video);
          return codes.length ? codes[0].rawValue : null;
        };
      }
    } catch {
      // fall back to jsQR
    }
  }
  const jsQR = await loadJsQR();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    const w = video.videoWidth;
    const hgt = video.videoHeight;
    if (!w || !hgt) return null;
    const scale = Math.min(1, 720 / Math.max(w, hgt));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(hgt * scale);
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    return code ? code.data : null;
  };
}

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  const seen = new Set(); // booking ids checked in from this page
  const history = [];
  let stream = null;
  let scanning = false;

  // ---- the session being run here: on-site staff get today's sessions,
  // an admin every session of the open campaign (today's marked).
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const sessions = (await api.get('/staff/sessions')).items;
  const saved = sessionStorage.getItem(SESSION_KEY);
  const initial =
    sessions.find((s) => String(s.id) === saved)?.id ?? sessions.find((s) => s.date === today)?.id ?? (sessions.length === 1 ? sessions[0].id : '');
  const sessionInput = select(
    [
      ['', sessions.length ? '选择场次…' : '今天没有采集场次'],
      ...sessions.map((s) => [s.id, `${sessionLabel(s)} ${s.windows.join('、')}${s.date === today ? '（今天）' : ''}`]),
    ],
    initial,
    { id: 'onsite-session' },
  );
  const sessionId = () => (sessionInput.value ? Number(sessionInput.value) : null);

  // ---- who is expected, by slot (GET /staff/sessions/{id}/bookings)
  const arrivals = h('div', { id: 'onsite-arrivals', 'aria-live': 'polite' });
  async function paintArrivals() {
    const id = sessionId();
    if (!id) {
      replace(arrivals, h('p', { class: 'muted' }, '选择场次后显示预约名单。'));
      return;
    }
    let list;
    try {
      list = await api.get(`/staff/sessions/${id}/bookings`);
    } catch (err) {
      replace(
        arrivals,
        h('p', { class: 'form-error' }, `预约名单加载失败：${errorMessage(err)}`),
        h('button', { type: 'button', class: 'btn', onclick: paintArrivals }, '重试'),
      );
      return;
    }
    const c = list.counts;
    const kind = { photographed: 'ok', checked_in: 'info', no_show: 'warn', booked: 'neutral' };
    replace(
      arrivals,
      h(
        'p',
        { class: 'result-line', id: 'onsite-counts' },
        `预约 ${c.booked + c.checked_in + c.photographed + c.no_show} 人 · 已签到 ${c.checked_in} · 已拍摄 ${c.photographed} · 未到 ${c.no_show} · 待到 ${c.booked}`,
      ),
      table(
        [
          { label: '时段', value: (r) => `${fmtTime(r.starts_at).slice(11)}–${fmtTime(r.ends_at).slice(11)}` },
          { label: '姓名', value: (r) => r.name },
          { label: '学号', value: (r) => r.student_no },
          { label: '单位', value: (r) => r.unit_code },
          { label: '状态', value: (r) => badge(label(BOOKING_STATUS, r.status), kind[r.status] || 'neutral') },
        ],
        list.items,
        { empty: '本场次还没有预约。', rowAttrs: (r) => ({ dataset: { studentNo: r.student_no, status: r.status } }) },
      ),
    );
  }
  sessionInput.addEventListener('change', () => {
    sessionStorage.setItem(SESSION_KEY, sessionInput.value);
    paintArrivals();
  });

  // ---- result
  const result = h('div', { id: 'onsite-result-box', 'aria-live': 'assertive' });
  const historyBox = h('div', { class: 'history', id: 'onsite-history' });

  function paintHistory() {
    replace(
      historyBox,
      history.length
        ? h(
            'ol',
            {},
            history.map((a) =>
              h('li', {}, `${a.time} ${a.name}（${a.student_no}）· ${label(BOOKING_STATUS, a.booking.status)}${a.fee_paid ? ' · 已缴费' : ''}`),
            ),
          )
        : h('p', { class: 'muted' }, '本机还没有签到记录。'),
    );
  }

  function remember(a) {
    const time = new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
    const at = history.findIndex((x) => x.id === a.id);
    if (at >= 0) history.splice(at, 1);
    history.unshift({ ...a, time });
    history.length = Math.min(history.length, 10);
    paintHistory();
  }

  function showAttendance(a, { repeated } = {}) {
    const foreign = a.category === 'foreign';
    const canShoot = foreign || a.collection_code_saved;
    const status = a.booking.status;
    const verdict = foreign
      ? h('p', { class: 'result-verdict verdict-info', id: 'onsite-verdict' }, `外国留学生：无需采集码，以学号 ${a.student_no} 登记`)
      : a.collection_code_saved
        ? h('p', { class: 'result-verdict verdict-ok', id: 'onsite-verdict' }, '✓ 已保存图像采集码，可以拍摄（采集码由学生出示）')
        : h('p', { class: 'result-verdict verdict-stop', id: 'onsite-verdict' }, '✗ 未保存图像采集码：按规定不予拍摄');
    const statusText =
      status === 'photographed'
        ? `已拍摄${a.fee_paid ? ' · 已缴费' : ' · 未缴费'}`
        : status === 'checked_in'
          ? repeated
            ? '已签到（此前已签到过）'
            : '已签到'
          : label(BOOKING_STATUS, status);
    const mark = (paid) =>
      h(
        'button',
        {
          type: 'button',
          class: paid ? 'btn btn-ok btn-big' : 'btn btn-big',
          id: paid ? 'mark-paid' : 'mark-unpaid',
          disabled: !canShoot,
          onclick: async (e) => {
            const done = await busy(e.currentTarget, () => api.post(`/onsite/attendances/${a.id}/photographed`, { fee_paid: paid }));
            if (done) {
              toast(`${done.name}：已拍摄${paid ? '，已缴费' : '，未缴费'}`, 'success');
              remember(done);
              showAttendance(done);
              paintArrivals();
            }
          },
        },
        paid ? '✓ 已拍摄 · 已缴费 15 元' : '已拍摄 · 未缴费',
      );
    // A slip is taken back within two minutes (the server refuses later).
    const undo = (what, text) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          id: `undo-${what}`,
          onclick: async (e) => {
            const done = await busy(e.currentTarget, () => api.del(`/onsite/attendances/${a.id}/${what}`));
            if (done === undefined) return;
            if (what === 'check-in') {
              toast(`已撤销 ${a.name} 的签到`, 'success');
              replace(result);
            } else {
              toast(`已撤销 ${a.name} 的“已拍摄”`, 'success');
              remember(done);
              showAttendance(done);
            }
            paintArrivals();
          },
        },
        text,
      );
    const actions =
      status === 'checked_in'
        ? h('div', { class: 'result-actions' }, mark(true), mark(false), undo('check-in', '撤销签到（2 分钟内）'))
        : status === 'photographed'
          ? h('div', { class: 'result-actions' }, a.fee_paid ? null : mark(true), undo('photographed', '撤销“已拍摄”（2 分钟内）'))
          : null;
    replace(
      result,
      h(
        'div',
        {
          class: ['result', canShoot ? 'result-ok' : 'result-stop'],
          id: 'onsite-result',
          dataset: { studentNo: a.student_no, status, attendance: String(a.id) },
        },
        h('p', { class: 'result-name', id: 'onsite-name' }, a.name),
        h('p', { class: 'result-line' }, `学号 ${a.student_no} · ${a.unit_name}（${a.unit_code}）· ${label(CATEGORIES, a.category)}`),
        verdict,
        h(
          'p',
          { class: 'result-line' },
          '状态：',
          badge(statusText, status === 'photographed' ? 'ok' : 'info', { id: 'onsite-status', class: 'badge-big' }),
          ` · 时段 ${fmtTime(a.booking.starts_at).slice(11)}–${fmtTime(a.booking.ends_at).slice(11)} · ${a.booking.campus_name} ${a.booking.rooms}`,
        ),
        h('p', { class: 'result-line muted' }, `采集时录入：${a.identify_by}`),
        actions,
      ),
    );
  }

  function showFailure(err, retry) {
    // Booked for another session: on-site staff may move the booking here.
    const move =
      err.code === 'already_booked' && retry
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary btn-big',
              id: 'onsite-move',
              onclick: (e) => checkIn(e.currentTarget, () => retry({ move_booking: true })),
            },
            '改到本场次并签到',
          )
        : null;
    replace(
      result,
      h(
        'div',
        { class: 'result result-stop', id: 'onsite-result', dataset: { error: err.code || 'error' } },
        h('p', { class: 'result-verdict verdict-stop' }, `✗ ${errorMessage(err)}`),
        h('p', { class: 'muted' }, err.code ? `(${err.code})` : ''),
        move ? h('div', { class: 'result-actions' }, move) : null,
      ),
    );
  }

  // `request(extra)` sends the check-in; `extra` is added to a walk-in's body.
  async function checkIn(button, request, { walkIn } = {}) {
    let failure = null;
    const a = await busy(button, () => request({}), { onError: (err) => (failure = err) });
    if (a) {
      const repeated = seen.has(a.id);
      seen.add(a.id);
      if (!sessionInput.value && a.booking.session_id) {
        sessionInput.value = String(a.booking.session_id);
        sessionStorage.setItem(SESSION_KEY, sessionInput.value);
      }
      remember(a);
      showAttendance(a, { repeated });
      paintArrivals();
    } else if (failure) {
      showFailure(failure, walkIn ? request : null);
    }
  }

  // ---- typed student number (or a pasted check-in code)
  const number = h('input', {
    id: 'onsite-number',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '512',
    placeholder: '学号，如 20240019',
    required: true,
  });
  const typedButton = h('button', { type: 'submit', class: 'btn btn-primary btn-big', id: 'onsite-checkin' }, '签到');
  const typed = h('form', { class: 'row', id: 'onsite-form' }, h('label', { class: 'field grow' }, h('span', {}, '学号 (student number)'), number), typedButton);
  typed.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = number.value.trim();
    if (!value) return;
    if (value.length > 32) {
      // A check-in code pasted or typed by a scanner gun.
      checkIn(typedButton, () => api.post('/onsite/check-ins', { payload: value, session_id: sessionId() || undefined }));
    } else if (!sessionId()) {
      showFailure({ message: '请先选择本场次，再按学号签到 (choose the session first)', code: 'session_required' });
      sessionInput.focus();
    } else {
      const body = { session_id: sessionId(), student_no: value };
      checkIn(typedButton, (extra) => api.post('/onsite/walk-ins', { ...body, ...extra }), { walkIn: true });
    }
    number.select();
  });

  // ---- camera
  const video = h('video', { playsinline: true, muted: true, id: 'scan-video' });
  const scanHint = h('div', { class: 'scan-hint' }, '将学生的签到二维码对准取景框');
  const scanArea = h('div', { class: 'scan-area', hidden: true }, video, scanHint);
  const scanButton = h('button', { type: 'button', class: 'btn btn-primary btn-big', id: 'scan-start' }, '扫描签到码 (scan QR)');

  function stopCamera() {
    scanning = false;
    if (stream) for (const t of stream.getTracks()) t.stop();
    stream = null;
    video.srcObject = null;
    scanArea.hidden = true;
    scanButton.textContent = '扫描签到码 (scan QR)';
  }

  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new Error('此浏览器无法使用摄像头：需通过 HTTPS（或本机 localhost）打开工作台。可以直接输入学号签到。');
    }
    const read = await qrReader();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      // Browser error names, never their English text, for the person at the door.
      const why = {
        NotAllowedError: '浏览器未获准使用摄像头，请在地址栏左侧的权限设置中允许摄像头后重试',
        NotFoundError: '这台设备没有可用的摄像头',
        NotReadableError: '摄像头正被其他程序占用，请关闭其他使用摄像头的程序后重试',
        OverconstrainedError: '没有找到后置摄像头',
      }[err.name] || '摄像头无法打开';
      throw new Error(`${why}。也可以直接输入学号签到。`);
    }
    video.srcObject = stream;
    scanArea.hidden = false;
    await video.play();
    scanning = true;
    scanButton.textContent = '停止扫描';
    let last = 0;
    const tick = async (now) => {
      if (!scanning) return;
      if (now - last > 150 && video.readyState >= 2) {
        last = now;
        let value = null;
        try {
          value = await read(video);
        } catch {
          value = null;
        }
        if (value && scanning) {
          stopCamera();
          if (navigator.vibrate) navigator.vibrate(80);
          await checkIn(scanButton, () => api.post('/onsite/check-ins', { payload: value, session_id: sessionId() || undefined }));
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  scanButton.addEventListener('click', () => {
    if (scanning) {
      stopCamera();
      return;
    }
    busy(scanButton, startCamera);
  });

  paintHistory();
  paintArrivals();
  page.append(
    h(
      'div',
      { class: 'onsite' },
      pageHeader('现场签到', 'On-site check-in: scan the QR code or type the student number'),
      section(
        null,
        h(
          'div',
          { class: 'row onsite-top' },
          field('本场次 (session)', sessionInput, admin ? '全部场次；今天的已标出' : '今天的采集场次'),
          scanButton,
        ),
        scanArea,
        typed,
      ),
      result,
      section(
        '预约名单 (expected)',
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn', id: 'onsite-refresh', onclick: paintArrivals }, '刷新')),
        arrivals,
      ),
      section('本机最近签到 (recent on this device)', historyBox),
    ),
  );
  number.focus();
  return stopCamera;
}
