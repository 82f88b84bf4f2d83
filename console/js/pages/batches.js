// Forwarded error-report batches (Graduate School): open one, resolve its
// reports, export it.

import { api, download } from '../api.js';
import { CHSI_STATUS, RESOLUTIONS, label } from '../labels.js';
import { badge, busy, fmtTime, h, load, pageHeader, replace, select, table, toast } from '../ui.js';

export default async function render(page) {
  const list = h('div', { id: 'batches-list' });
  const detail = h('div', { id: 'batch-detail' });
  let units = [];

  const unitName = (id) => {
    const u = units.find((x) => x.id === id);
    return u ? `${u.name} (${u.code})` : `#${id}`;
  };

  function resolveCell(r, refresh) {
    if (r.report.status === 'resolved') {
      return h(
        'div',
        {},
        badge(label(RESOLUTIONS, r.report.resolution), 'ok'),
        r.report.resolution_note ? h('div', { class: 'muted' }, r.report.resolution_note) : null,
      );
    }
    const choice = select([['', '选择处理结果…'], ...Object.entries(RESOLUTIONS)], '', { 'aria-label': '处理结果' });
    const note = h('input', { placeholder: '给学生的说明（可选）', maxlength: '1000' });
    const go = h('button', { type: 'button', class: 'btn btn-small btn-primary' }, '处理');
    go.addEventListener('click', async () => {
      if (!choice.value) {
        toast('请选择处理结果 (choose a resolution)', 'error');
        return;
      }
      const done = await busy(go, () =>
        api.post(`/admin/error-reports/${r.report.id}/resolution`, { resolution: choice.value, note: note.value.trim() || undefined }),
      );
      if (done) {
        toast(`已处理 ${r.name} 的报告`, 'success');
        refresh(done);
      }
    });
    return h('div', { class: 'stack' }, choice, note, go);
  }

  async function open(batch) {
    await load(detail, async () => {
      const reports = await api.get(`/admin/error-batches/${batch.id}/reports`);
      const exportButton = (format) =>
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            onclick: (e) => busy(e.currentTarget, () => download(`/admin/error-batches/${batch.id}/export`, { format }, `error-batch-${batch.id}.${format}`)),
          },
          `导出 ${format.toUpperCase()}`,
        );
      return h(
        'section',
        { class: 'card' },
        h(
          'div',
          { class: 'page-header' },
          h('div', {}, h('h2', {}, `批次 #${batch.id} · ${unitName(batch.unit_id)}`), h('p', { class: 'muted' }, `报送于 ${fmtTime(batch.forwarded_at)}`)),
          h('div', { class: 'page-actions' }, exportButton('csv'), exportButton('xlsx'), h('button', { type: 'button', class: 'btn btn-small', onclick: () => replace(detail) }, '关闭')),
        ),
        table(
          [
            { label: '学号', value: (r) => h('span', { class: 'mono' }, r.student_no) },
            { label: '姓名', value: (r) => r.name },
            { label: '学信网状态', value: (r) => label(CHSI_STATUS, r.chsi_status) },
            { label: '原因', value: (r) => r.report.reason_label },
            { label: '说明', value: (r) => r.report.detail || '—' },
            { label: '报告时间', value: (r) => fmtTime(r.report.created_at) },
            { label: '处理', value: resolveCell },
          ],
          reports.items,
          { empty: '该批次没有报告', rowAttrs: (r) => ({ dataset: { reportId: String(r.report.id) } }) },
        ),
      );
    });
  }

  const draw = () =>
    load(list, async () => {
      const [batches, unitList] = await Promise.all([api.get('/admin/error-batches'), api.get('/admin/units')]);
      units = unitList.items;
      return table(
        [
          { label: '批次', value: (b) => `#${b.id}` },
          { label: '培养单位', value: (b) => unitName(b.unit_id) },
          { label: '报送时间', value: (b) => fmtTime(b.forwarded_at) },
          { label: '处理进度', value: (b) => badge(`${b.open} 待处理 · ${b.resolved} 已处理`, b.open ? 'warn' : 'ok') },
          { label: '', value: (b) => h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: () => open(b) }, '查看与处理') },
        ],
        batches.items,
        { empty: '还没有培养单位报送的错误报告 (no batches yet)' },
      );
    });

  page.append(
    pageHeader('报送批次', 'Error-report batches forwarded by units', h('button', { type: 'button', class: 'btn', onclick: (e) => busy(e.currentTarget, draw) }, '刷新')),
    detail,
    list,
  );
  await draw();
}
