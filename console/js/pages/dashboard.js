// Dashboard: progress counts and the students at risk, with days left.
// A secretary sees their unit; an admin every unit (and can pick one).

import { api } from '../api.js';
import { COUNTS } from '../labels.js';
import { badge, fmtTime, h, load, pageHeader, replace, section, select, table } from '../ui.js';

const KEY_FIGURES = [
  ['roster', '名单人数', ''],
  ['photographed', '已拍摄', 'ok'],
  ['booked', '已预约', ''],
  ['makeup_pending_review', '补拍待审核', 'warn'],
  ['offline_awaiting_paper', '待交纸质相片', 'warn'],
  ['chsi_passed', '学信网核验通过', 'ok'],
  ['self_checked', '已核对', 'ok'],
  ['open_error_reports', '未处理错误报告', 'danger'],
];

function done(c) {
  // Photographed (on site or make-up) or already on CHSI: nothing to shoot.
  return c.photographed + c.already_on_chsi;
}

function percent(c) {
  return c.roster ? Math.round((done(c) / c.roster) * 100) : 0;
}

function progressBar(c) {
  const p = percent(c);
  const bar = h('div', { class: 'bar', title: `${p}%` }, h('span'));
  bar.firstChild.style.width = `${p}%`;
  return h('div', { class: 'progress-cell' }, bar, h('span', { class: 'muted' }, `${p}%`));
}

function stats(c) {
  return h(
    'div',
    { class: 'stats', id: 'stats' },
    KEY_FIGURES.map(([key, label, kind]) =>
      h(
        'div',
        { class: ['stat', c[key] > 0 && kind ? `stat-${kind}` : ''], dataset: { count: key } },
        h('div', { class: 'stat-value' }, String(c[key] ?? 0)),
        h('div', { class: 'stat-label' }, label),
      ),
    ),
  );
}

function daysBadge(days) {
  if (days < 0) return badge(`已过期 ${-days} 天`, 'danger', { class: 'days' });
  if (days <= 7) return badge(`剩 ${days} 天`, 'danger');
  if (days <= 30) return badge(`剩 ${days} 天`, 'warn');
  return badge(`剩 ${days} 天`, 'neutral');
}

function allCounts(c) {
  return h(
    'details',
    { class: 'card' },
    h('summary', {}, '全部统计项 (all counts)'),
    table(
      [
        { label: '项目', value: (r) => r[1] },
        { label: '人数', class: 'num', value: (r) => String(c[r[0]] ?? 0) },
      ],
      COUNTS,
    ),
  );
}

export default async function render(page, { user }) {
  const admin = user.role === 'admin';
  let unit = '';
  let within = '';
  const body = h('div');
  const unitChoice = admin ? h('div', { class: 'field' }) : null;

  const draw = () =>
    load(body, async () => {
      const query = { unit: unit || undefined };
      const [progress, risk] = await Promise.all([
        api.get('/staff/progress', query),
        api.get('/staff/at-risk', { ...query, within_days: within || undefined }),
      ]);
      const scope = admin && !unit ? progress.totals : progress.units[0]?.counts;
      const counts = scope || Object.fromEntries(COUNTS.map(([k]) => [k, 0]));
      const parts = [stats(counts)];
      if (admin && !unit) {
        parts.push(
          section(
            '各培养单位进度 (progress by unit)',
            table(
              [
                { label: '单位', value: (u) => h('a', { href: '#/dashboard', onclick: (e) => { e.preventDefault(); pick(u.unit_code); } }, `${u.unit_name} (${u.unit_code})`) },
                { label: '名单', class: 'num', value: (u) => String(u.counts.roster) },
                { label: '已拍摄/已有', class: 'num', value: (u) => String(done(u.counts)) },
                { label: '完成度', value: (u) => progressBar(u.counts) },
                { label: '待审核', class: 'num', value: (u) => String(u.counts.makeup_pending_review) },
                { label: '待交纸质', class: 'num', value: (u) => String(u.counts.offline_awaiting_paper) },
                { label: '核验通过', class: 'num', value: (u) => String(u.counts.chsi_passed) },
                { label: '错误报告', class: 'num', value: (u) => String(u.counts.open_error_reports) },
              ],
              progress.units,
              { empty: '本活动还没有学生 (no students yet)' },
            ),
          ),
        );
      } else {
        parts.push(section(null, h('div', { class: 'row' }, h('strong', {}, '完成度 (photographed or already on CHSI)'), progressBar(counts))));
      }
      parts.push(
        section(
          `风险学生 (at risk): ${risk.items.length} 人`,
          h('p', { class: 'muted' }, '不采取行动就会错过补拍或核对截止时间的学生，剩余天数少的在前。'),
          table(
            [
              { label: '学号', value: (r) => h('span', { class: 'mono' }, r.student_no) },
              { label: '姓名', value: (r) => h('a', { href: `#/students?student=${r.student_id}`, dataset: { story: String(r.student_id) } }, r.name) },
              { label: '单位', value: (r) => r.unit_code },
              { label: '电话', value: (r) => (r.phone ? h('a', { href: `tel:${r.phone}` }, r.phone) : '—') },
              { label: '原因', value: (r) => r.reason_label },
              { label: '截止', value: (r) => fmtTime(r.deadline) },
              { label: '剩余', value: (r) => daysBadge(r.days_left) },
            ],
            risk.items,
            { empty: '没有风险学生 (nobody at risk)', rowAttrs: (r) => ({ dataset: { studentNo: r.student_no } }) },
          ),
        ),
      );
      parts.push(allCounts(counts));
      return parts;
    });

  const pick = (code) => {
    unit = code;
    if (unitChoice) unitChoice.querySelector('select').value = code;
    draw();
  };

  const withinSelect = select(
    [
      ['', '全部'],
      ['7', '7 天内截止'],
      ['30', '30 天内截止'],
    ],
    '',
    { id: 'within', onchange: (e) => { within = e.target.value; draw(); } },
  );

  if (admin) {
    const units = await api.get('/admin/units').catch(() => ({ items: [] }));
    replace(
      unitChoice,
      h('span', {}, '培养单位'),
      select([['', '全部单位 (all units)'], ...units.items.map((u) => [u.code, `${u.name} (${u.code})`])], '', {
        id: 'unit-filter',
        onchange: (e) => pick(e.target.value),
      }),
    );
  }

  page.append(
    pageHeader(
      admin ? '全校概览' : '本单位概览',
      admin ? 'All units: progress and students at risk' : `${user.unit_code} · progress and students at risk`,
      unitChoice,
      h('label', { class: 'field' }, h('span', {}, '截止时间'), withinSelect),
      h('button', { type: 'button', class: 'btn', onclick: () => draw() }, '刷新'),
    ),
    body,
  );
  await draw();
}
