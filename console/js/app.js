// The console's shell: login, the menu for the staff member's role, and a
// hash router (#/review, #/students, …) that renders one page at a time.

import { api, onUnauthenticated, session } from './api.js';
import { ROLES } from './labels.js';
import { busy, h, hideError, replace, showError, toast } from './ui.js';

const SECRETARY = ['unit_secretary'];
const ADMIN = ['admin'];
const UNIT_VIEWERS = ['admin', 'unit_secretary'];

/** Every page: who sees it in the menu, and the module that draws it. */
const ROUTES = [
  { id: 'dashboard', label: '概览', en: 'Dashboard', roles: UNIT_VIEWERS },
  { id: 'review', label: '照片审核', en: 'Review', roles: UNIT_VIEWERS },
  { id: 'students', label: '学生名单', en: 'Students', roles: UNIT_VIEWERS },
  { id: 'paper', label: '纸质相片', en: 'Paper photos', roles: UNIT_VIEWERS },
  { id: 'reports', label: '错误报告', en: 'Error reports', roles: UNIT_VIEWERS },
  { id: 'batches', label: '报送批次', en: 'Forwarded batches', roles: ADMIN },
  { id: 'setup', label: '活动设置', en: 'Campaign setup', roles: ADMIN },
  { id: 'imports', label: '名单导入', en: 'Imports', roles: ADMIN },
  { id: 'exports', label: '导出', en: 'Exports', roles: UNIT_VIEWERS },
  { id: 'staff', label: '员工账号', en: 'Staff accounts', roles: ADMIN },
  { id: 'audit', label: '审计日志', en: 'Audit log', roles: ADMIN },
  { id: 'onsite', label: '现场签到', en: 'On-site check-in', roles: ['onsite', 'admin'] },
  { id: 'intl', label: '留学生', en: 'Foreign students', roles: ['intl_office', 'admin'] },
];

const HOME = { admin: 'dashboard', unit_secretary: 'dashboard', onsite: 'onsite', intl_office: 'intl' };

const $ = (id) => document.getElementById(id);

let cleanup = null;
let renderToken = 0;

function routesFor(user) {
  return ROUTES.filter((r) => r.roles.includes(user.role));
}

function currentRouteId() {
  const m = /^#\/([a-z-]+)/.exec(window.location.hash);
  return m ? m[1] : '';
}

function showLogin(message) {
  if (cleanup) {
    try {
      cleanup();
    } catch {
      // the page is going away anyway
    }
    cleanup = null;
  }
  $('boot').hidden = true;
  $('topbar').hidden = true;
  $('layout').hidden = true;
  replace($('page'));
  $('login').hidden = false;
  const error = $('login-error');
  if (message) showError(error, message);
  else hideError(error);
  $('password').value = '';
  $('username').focus();
}

function renderShell(user) {
  $('boot').hidden = true;
  $('login').hidden = true;
  $('topbar').hidden = false;
  $('layout').hidden = false;
  const unit = user.unit_code ? ` · ${user.unit_code}` : '';
  replace(
    $('who'),
    h('span', { class: 'who-name', id: 'who-name' }, user.username),
    h('span', { class: 'who-role' }, `${ROLES[user.role] || user.role}${unit}`),
  );
  replace(
    $('nav'),
    routesFor(user).map((r) =>
      h(
        'a',
        { href: `#/${r.id}`, class: 'nav-link', dataset: { route: r.id } },
        h('span', { class: 'nav-zh' }, r.label),
        h('span', { class: 'nav-en' }, r.en),
      ),
    ),
  );
}

async function route() {
  const user = session.user;
  if (!session.token || !user) {
    showLogin();
    return;
  }
  const allowed = routesFor(user);
  let id = currentRouteId();
  if (!allowed.some((r) => r.id === id)) {
    const home = HOME[user.role] || allowed[0]?.id;
    if (window.location.hash !== `#/${home}`) {
      window.location.replace(`#/${home}`);
      return; // hashchange renders it
    }
    id = home;
  }
  const r = allowed.find((x) => x.id === id);
  for (const link of $('nav').querySelectorAll('.nav-link')) {
    if (link.dataset.route === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  $('nav').classList.remove('open');
  $('menu-toggle').setAttribute('aria-expanded', 'false');
  if (cleanup) {
    try {
      cleanup();
    } catch {
      // ignore
    }
    cleanup = null;
  }
  const page = $('page');
  page.dataset.page = id;
  // Messages about the page left behind go with it.
  replace($('toasts'));
  document.title = `${r.label} · 学历相片采集工作台`;
  const mine = ++renderToken;
  replace(page, h('div', { class: 'loading' }, h('span', { class: 'spinner' }), '加载中… Loading'));
  try {
    const module = await import(`./pages/${id}.js`);
    if (mine !== renderToken) return;
    replace(page);
    const result = await module.default(page, { user, navigate: (to) => (window.location.hash = `#/${to}`) });
    if (mine !== renderToken) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = typeof result === 'function' ? result : null;
    // Focus to the page's heading (screen readers announce the new page),
    // unless the page put it somewhere itself (the on-site number field).
    const heading = page.querySelector('h1');
    if (heading && !page.contains(document.activeElement)) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  } catch (err) {
    replace(
      page,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert', id: 'page-error' },
        `页面加载失败：${err.message || String(err)}`,
        ' ',
        h('button', { type: 'button', class: 'btn btn-small', onclick: route }, '重试'),
      ),
    );
  }
}

async function login(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  const error = $('login-error');
  await busy(
    $('login-submit'),
    async () => {
      const login = await api.post('/auth/staff', { username, password });
      session.save(login.token, { username, role: login.role });
      const me = await api.get('/staff/me');
      session.setUser(me);
      $('password').value = '';
      renderShell(me);
      // Stay on the page asked for (a bookmark, or before the token expired)
      // if this role has it; else the role's home page.
      const wanted = currentRouteId();
      const target = routesFor(me).some((r) => r.id === wanted) ? wanted : HOME[me.role] || 'dashboard';
      if (wanted === target) route();
      else window.location.hash = `#/${target}`;
    },
    { errorTarget: error },
  );
}

async function logout() {
  const button = $('logout');
  await busy(button, async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // the token is dropped here whatever the server says
    }
    session.clear();
    $('username').value = '';
    showLogin();
    toast('已退出登录 (logged out)', 'success');
  });
}

// Problems a person would not notice: kept for the browser tests, and shown.
window.__consoleProblems = [];
window.addEventListener('error', (e) => {
  window.__consoleProblems.push(`error: ${e.message}`);
  toast(`页面出错 (page error): ${e.message}`, 'error');
});
window.addEventListener('unhandledrejection', (e) => {
  const message = (e.reason && e.reason.message) || String(e.reason);
  window.__consoleProblems.push(`unhandled: ${message}`);
  toast(`页面出错 (page error): ${message}`, 'error');
});
document.addEventListener('securitypolicyviolation', (e) => {
  window.__consoleProblems.push(`CSP blocked ${e.blockedURI || 'inline'} (${e.violatedDirective})`);
});

async function start() {
  onUnauthenticated((message) => showLogin(`登录已失效，请重新登录。${message || ''}`));
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('menu-toggle').addEventListener('click', () => {
    const open = $('nav').classList.toggle('open');
    $('menu-toggle').setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', route);
  // The hash is the router's: the skip link moves the focus instead.
  $('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    $('page').focus();
  });
  if (!session.token) {
    showLogin();
    return;
  }
  try {
    // The account may have changed (disabled, role) since the tab logged in.
    const me = await api.get('/staff/me');
    session.setUser(me);
    renderShell(me);
    route();
  } catch (err) {
    if (session.token) {
      $('boot').textContent = err.message;
    }
  }
}

start();
