// On-site check-in, made for a phone or laptop at the door: scan the
// student's check-in QR code with the camera (BarcodeDetector where the
// browser has it, else the vendored jsQR) or type the student number; a big
// clear result; then mark photographed and the fee paid.

import { api, campaigns, sessionLabel } from '../api.js';
import { BOOKING_STATUS, CATEGORIES, label } from '../labels.js';
import { badge, busy, errorMessage, field, fmtTime, h, pageHeader, replace, section, select, toast } from '../ui.js';

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

  // ---- the session being run here
  let sessionInput;
  if (admin) {
    const { preferred } = await campaigns();
    const sessions = preferred ? (await api.get(`/admin/campaigns/${preferred.id}/sessions`)).items : [];
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const saved = sessionStorage.getItem(SESSION_KEY) || sessions.find((s) => s.date === today)?.id || '';
    sessionInput = select(
      [['', '选择场次…'], ...sessions.map((s) => [s.id, `${sessionLabel(s)}${s.date === today ? '（今天）' : ''}`])],
      saved,
      { id: 'onsite-session' },
    );
  } else {
    sessionInput = h('input', {
      id: 'onsite-session',
      type: 'number',
      min: '1',
      inputmode: 'numeric',
      placeholder: '如 3',
      value: sessionStorage.getItem(SESSION_KEY) || '',
    });
  }
  sessionInput.addEventListener('change', () => sessionStorage.setItem(SESSION_KEY, sessionInput.value));
  const sessionId = () => (sessionInput.value ? Number(sessionInput.value) : null);

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
            }
          },
        },
        paid ? '✓ 已拍摄 · 已缴费 15 元' : '已拍摄 · 未缴费',
      );
    const actions =
      status === 'checked_in'
        ? h('div', { class: 'result-actions' }, mark(true), mark(false))
        : status === 'photographed' && !a.fee_paid
          ? h('div', { class: 'result-actions' }, mark(true))
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

  function showFailure(err) {
    replace(
      result,
      h(
        'div',
        { class: 'result result-stop', id: 'onsite-result', dataset: { error: err.code || 'error' } },
        h('p', { class: 'result-verdict verdict-stop' }, `✗ ${errorMessage(err)}`),
        h('p', { class: 'muted' }, err.code ? `(${err.code})` : ''),
      ),
    );
  }

  async function checkIn(button, request) {
    let failure = null;
    const a = await busy(button, request, { onError: (err) => (failure = err) });
    if (a) {
      const repeated = seen.has(a.id);
      seen.add(a.id);
      if (!sessionInput.value && a.booking.session_id) {
        sessionInput.value = String(a.booking.session_id);
        sessionStorage.setItem(SESSION_KEY, sessionInput.value);
      }
      remember(a);
      showAttendance(a, { repeated });
    } else if (failure) {
      showFailure(failure);
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
      showFailure({ message: '请先填写本场次编号，再按学号签到 (set the session first)', code: 'session_required' });
      sessionInput.focus();
    } else {
      checkIn(typedButton, () => api.post('/onsite/walk-ins', { session_id: sessionId(), student_no: value }));
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
      throw new Error(`无法打开摄像头：${err.name === 'NotAllowedError' ? '未获允许' : err.message}。可以直接输入学号签到。`);
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
          field('本场次编号 (session)', sessionInput, admin ? null : '由研究生院提供；扫码签到后会自动填入'),
          scanButton,
        ),
        scanArea,
        typed,
      ),
      result,
      section('本机最近签到 (recent on this device)', historyBox),
    ),
  );
  number.focus();
  return stopCamera;
}
