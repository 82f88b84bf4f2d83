// Staff accounts (Graduate School): create, disable/enable, reset password.

import { api } from '../api.js';
import { ROLES } from '../labels.js';
import { badge, busy, field, fmtTime, formValues, h, load, pageHeader, replace, select, table, toast } from '../ui.js';

export default async function render(page, { user }) {
  const list = h('div', { id: 'staff-list' });
  const units = (await api.get('/admin/units').catch(() => ({ items: [] }))).items;

  const unitSelect = select([['', '—'], ...units.map((u) => [u.code, `${u.name} (${u.code})`])], '', { name: 'unit_code', disabled: true });
  const roleSelect = select(Object.entries(ROLES), 'unit_secretary', { name: 'role' });
  const syncUnit = () => {
    unitSelect.disabled = roleSelect.value !== 'unit_secretary';
    unitSelect.required = !unitSelect.disabled;
    if (unitSelect.disabled) unitSelect.value = '';
  };
  roleSelect.addEventListener('change', syncUnit);
  syncUnit();
  const error = h('p', { class: 'form-error', hidden: true, role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '新建账号');
  const form = h(
    'form',
    { class: 'card', id: 'staff-create' },
    h('h2', {}, '新建员工账号'),
    h(
      'div',
      { class: 'grid-2' },
      field('用户名', h('input', { name: 'username', required: true, maxlength: '64', autocomplete: 'off', placeholder: 'zhang.san' }), '3–64 个字符：a-z 0-9 . _ -'),
      field('初始密码', h('input', { name: 'password', type: 'password', required: true, minlength: '10', maxlength: '128', autocomplete: 'new-password' }), '10–128 个字符'),
      field('角色', roleSelect),
      field('培养单位（秘书必填）', unitSelect),
    ),
    error,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const created = await busy(
      submit,
      () => api.post('/admin/staff', { username: v.username, password: v.password, role: v.role, unit_code: v.unit_code || undefined }),
      { errorTarget: error },
    );
    if (created) {
      toast(`已新建账号 ${created.username}`, 'success');
      form.reset();
      syncUnit();
      draw();
    }
  });

  function actions(a, refresh) {
    const toggle = h(
      'button',
      { type: 'button', class: a.disabled ? 'btn btn-small' : 'btn btn-small btn-danger', disabled: a.id === user.id },
      a.disabled ? '启用' : '停用',
    );
    toggle.addEventListener('click', async () => {
      const done = await busy(toggle, () => api.patch(`/admin/staff/${a.id}`, { disabled: !a.disabled }));
      if (done) {
        toast(done.disabled ? `已停用 ${done.username}（其登录已失效）` : `已启用 ${done.username}`, 'success');
        refresh(done);
      }
    });
    const reset = h('button', { type: 'button', class: 'btn btn-small' }, '重置密码');
    const box = h('div', { class: 'row' }, toggle, reset);
    reset.addEventListener('click', () => {
      const pw = h('input', { type: 'password', minlength: '10', maxlength: '128', placeholder: '新密码（10 位以上）', autocomplete: 'new-password', 'aria-label': '新密码' });
      const save = h('button', { type: 'button', class: 'btn btn-small btn-primary' }, '保存');
      const cancel = h('button', { type: 'button', class: 'btn btn-small', onclick: () => refresh() }, '取消');
      save.addEventListener('click', async () => {
        const done = await busy(save, () => api.patch(`/admin/staff/${a.id}`, { password: pw.value }));
        if (done) {
          toast(`已重置 ${done.username} 的密码（其登录已失效）`, 'success');
          refresh(done);
        }
      });
      replace(box, pw, save, cancel);
      pw.focus();
    });
    return box;
  }

  const draw = () =>
    load(list, async () => {
      const items = (await api.get('/admin/staff')).items;
      return table(
        [
          { label: '用户名', value: (a) => h('span', { class: 'mono' }, a.username) },
          { label: '角色', value: (a) => ROLES[a.role] || a.role },
          { label: '单位', value: (a) => a.unit_code || '—' },
          { label: '状态', value: (a) => (a.disabled ? badge('已停用', 'danger') : badge('启用', 'ok')) },
          { label: '创建', value: (a) => fmtTime(a.created_at) },
          { label: '最近登录', value: (a) => fmtTime(a.last_login_at) },
          { label: '操作', value: actions },
        ],
        items,
        { rowAttrs: (a) => ({ dataset: { username: a.username } }) },
      );
    });

  page.append(pageHeader('员工账号', 'Staff accounts'), form, list);
  await draw();
}
