// Imports (Graduate School): the roster, CHSI status lists and the
// graduate-platform list. All-or-nothing: a file with a bad row changes
// nothing and every problem is listed, row by row.

import { api, campaigns, download } from '../api.js';
import { CAMPAIGN_STATUS, label } from '../labels.js';
import { busy, field, h, pageHeader, replace, section, select, table } from '../ui.js';

const KINDS = [
  {
    id: 'roster',
    title: '毕业生名单 (roster)',
    path: (id) => `/admin/campaigns/${id}/roster`,
    template: 'roster',
    header: '学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号,证件号后六位',
    hint: '学生类别：境内 / 港澳台 / 外国；毕业时间：上半年 / 下半年；是否延期、学信网已有学历照片：是 / 否；手机号、证件号后六位可省略（有证件号后六位时学生绑定须填写）。已有学生按学号更新，绑定和采集码保留。',
    success: (r) => `导入成功：共 ${r.total} 行，新增 ${r.created} 人，更新 ${r.updated} 人。`,
  },
  {
    id: 'chsi',
    title: '学信网状态名单 (CHSI statuses)',
    path: (id) => `/admin/campaigns/${id}/chsi-statuses`,
    template: 'chsi-statuses',
    header: '学号,状态,日期,备注',
    hint: '状态：已上传 / 核验通过 / 核验未通过 / 无法确定。日期、备注可省略。',
    success: (r) => `导入成功：${r.rows} 名学生的状态已更新（导入批次 #${r.import_id}）。`,
  },
  {
    id: 'platform',
    title: '研究生系统已上传名单 (graduate platform)',
    path: (id) => `/admin/campaigns/${id}/graduate-platform`,
    template: 'graduate-platform',
    header: '学号,日期',
    hint: '已把学信网电子照片上传到研究生管理系统的学生。日期可省略。',
    success: (r) => `导入成功：${r.rows} 名学生已标记（导入批次 #${r.import_id}）。`,
  },
];

function importCard(kind, campaignId) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv', required: true, id: `${kind.id}-file` });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: `${kind.id}-submit` }, '上传并导入');
  const result = h('div', { class: 'import-result', id: `${kind.id}-result`, 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', dataset: { import: kind.id } },
    h('h2', {}, kind.title),
    h('p', { class: 'muted' }, '表头（CSV 为 UTF-8 或 GBK，或 XLSX）：'),
    h('p', {}, h('code', {}, kind.header)),
    h('p', { class: 'muted' }, kind.hint),
    h(
      'div',
      { class: 'row' },
      ['csv', 'xlsx'].map((format) =>
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            dataset: { template: `${kind.template}-${format}` },
            onclick: (e) =>
              busy(e.currentTarget, () => download(`/admin/import-templates/${kind.template}`, { format }, `${kind.template}-template.${format}`)),
          },
          `下载模板 ${format.toUpperCase()}`,
        ),
      ),
    ),
    field('文件', file),
    h('div', { class: 'row' }, submit),
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    replace(result);
    await busy(
      submit,
      async () => {
        const r = await api.upload(kind.path(campaignId()), chosen);
        replace(result, h('div', { class: 'alert alert-ok', role: 'status' }, `${chosen.name}：${kind.success(r)}`));
      },
      {
        onError: (err) => {
          const rows = (err.body && err.body.errors) || [];
          replace(
            result,
            h('div', { class: 'alert alert-error', role: 'alert' }, `${chosen.name}：${err.message}`),
            rows.length
              ? table(
                  [
                    { label: '行', class: 'num', value: (r) => String(r.line) },
                    { label: '列', value: (r) => r.column || '—' },
                    { label: '问题', value: (r) => r.reason },
                  ],
                  rows,
                  { caption: `逐行问题（共 ${rows.length} 处；文件未导入任何内容）`, rowAttrs: (r) => ({ dataset: { line: String(r.line) } }) },
                )
              : null,
          );
        },
      },
    );
  });
  return form;
}

export default async function render(page) {
  const { list, preferred } = await campaigns();
  if (!preferred) {
    page.append(pageHeader('名单导入', 'Imports'), h('p', { class: 'empty' }, '请先在「活动设置」中新建采集活动。'));
    return;
  }
  let campaign = preferred;
  const chooser = select(
    list.map((c) => [c.id, `${c.name}（${label(CAMPAIGN_STATUS, c.status)}）`]),
    campaign.id,
    {
      id: 'import-campaign',
      onchange: (e) => {
        campaign = list.find((c) => String(c.id) === e.target.value);
      },
    },
  );
  page.append(
    pageHeader('名单导入', 'Roster, CHSI status and graduate-platform lists; all-or-nothing', field('导入到活动', chooser)),
    h('div', { class: 'stack' }, KINDS.map((k) => importCard(k, () => campaign.id))),
    section(null, h('p', { class: 'muted' }, '文件中任何一行有问题时，整个文件都不会导入；请按逐行问题表修改后重新上传。')),
  );
}
