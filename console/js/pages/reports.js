// Error reports: students' reports of a real error on their CHSI photo.
// The unit collects them and forwards a batch to the Graduate School.

import { api } from '../api.js';
import { CHSI_STATUS, REPORT_STATUS, RESOLUTIONS, label } from '../labels.js';
import { badge, busy, fmtTime, h, load, pageHeader, table, tabs, toast, unitFilter } from '../ui.js';

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  let unit = '';
  let current = 'open';
  let panelEl = null;

  function list(container, status) {
    current = status;
    panelEl = container;
    const selected = new Set();
    return load(container, async () => {
      const result = await api.get('/staff/error-reports', { status, unit: unit || undefined });
      const rows = result.items;
      const forward = h(
        'button',
        { type: 'button', class: 'btn btn-primary', id: 'forward', disabled: true },
        '报送研究生院',
      );
      const updateForward = () => {
        forward.disabled = selected.size === 0;
        forward.textContent = `报送研究生院（${selected.size} 条）`;
      };
      forward.addEventListener('click', async () => {
        const done = await busy(forward, () => api.post('/staff/error-reports/forward', { report_ids: [...selected] }));
        if (done) {
          const ids = done.items.map((b) => `#${b.id}`).join('、');
          toast(done.items.length ? `已报送，批次 ${ids}` : '这些报告已报送过', 'success');
          list(container, status);
        }
      });
      const all = h('input', { type: 'checkbox', 'aria-label': '全选', id: 'select-all' });
      all.addEventListener('change', () => {
        for (const box of container.querySelectorAll('input[data-report]')) {
          box.checked = all.checked;
          const id = Number(box.dataset.report);
          if (all.checked) selected.add(id);
          else selected.delete(id);
        }
        updateForward();
      });
      const columns = [
        { label: '学号', value: (r) => h('span', { class: 'mono' }, r.student_no) },
        { label: '姓名', value: (r) => r.name },
        { label: '单位', value: (r) => r.unit_code },
        { label: '学信网状态', value: (r) => label(CHSI_STATUS, r.chsi_status) },
        { label: '报告原因', value: (r) => r.report.reason_label },
        { label: '说明', value: (r) => r.report.detail || '—' },
        { label: '报告时间', value: (r) => fmtTime(r.report.created_at) },
        {
          label: '状态',
          value: (r) =>
            r.report.status === 'resolved'
              ? badge(`${label(RESOLUTIONS, r.report.resolution)}`, 'ok', { title: r.report.resolution_note || '' })
              : badge(label(REPORT_STATUS, r.report.status), r.report.status === 'open' ? 'warn' : 'info'),
        },
        { label: '批次', value: (r) => (r.batch_id ? `#${r.batch_id}` : '—') },
      ];
      if (status === 'open') {
        // Not an error: settled by the unit with a note the student reads.
        columns.push({
          label: '不属于错误',
          value: (r) => {
            const note = h('textarea', { rows: 2, maxlength: 1000, placeholder: '告诉学生为什么不属于错误', 'aria-label': `给 ${r.name} 的说明` });
            const send = h('button', { type: 'button', class: 'btn btn-small btn-primary', dataset: { returnReport: String(r.report.id) } }, '确认退回');
            const form = h('div', { class: 'return-form', hidden: true }, note, send);
            send.addEventListener('click', async () => {
              if (!note.value.trim()) {
                toast('请写明不属于错误的原因', 'error');
                note.focus();
                return;
              }
              const done = await busy(send, () => api.post(`/staff/error-reports/${r.report.id}/return`, { note: note.value.trim() }));
              if (done) {
                toast(`已退回 ${r.name}：不属于错误`, 'success');
                list(container, status);
              }
            });
            const open = h('button', { type: 'button', class: 'btn btn-small', dataset: { openReturn: String(r.report.id) } }, '退回学生');
            open.addEventListener('click', () => {
              form.hidden = false;
              open.hidden = true;
              note.focus();
            });
            return h('div', {}, open, form);
          },
        });
        columns.unshift({
          label: '选择',
          value: (r) => {
            const box = h('input', { type: 'checkbox', dataset: { report: String(r.report.id) }, 'aria-label': `选择 ${r.name}` });
            box.addEventListener('change', () => {
              if (box.checked) selected.add(r.report.id);
              else selected.delete(r.report.id);
              updateForward();
            });
            return box;
          },
        });
      }
      const empty = {
        open: '没有待报送的错误报告 (nothing to forward)',
        forwarded: '没有已报送、待研究生院处理的报告',
        resolved: '没有已处理的报告',
      }[status];
      return [
        status === 'open' && rows.length
          ? h(
              'div',
              { class: 'toolbar' },
              h('label', { class: 'check' }, all, '全选'),
              forward,
              h('span', { class: 'muted' }, '只有确属错误（照片缺失、不是本人、身份信息有误、核验未通过）的报告才应报送。'),
            )
          : null,
        table(columns, rows, { empty, rowAttrs: (r) => ({ dataset: { reportId: String(r.report.id), studentNo: r.student_no } }) }),
      ];
    });
  }

  const unitSelect = await unitFilter(admin, null, (value) => {
    unit = value;
    if (panelEl) list(panelEl, current);
  });

  page.append(
    pageHeader('错误报告', 'Error reports on CHSI photos: collect, then forward in one batch', unitSelect),
    tabs([
      { id: 'open', label: '待报送', render: (c) => list(c, 'open') },
      { id: 'forwarded', label: '已报送', render: (c) => list(c, 'forwarded') },
      { id: 'resolved', label: '已处理', render: (c) => list(c, 'resolved') },
    ]),
  );
}
