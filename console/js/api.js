// The console's only way to the server: the public /api/v1 API with the
// staff token from POST /auth/staff, kept in sessionStorage (gone when the
// tab closes; logging out clears it).

const TOKEN_KEY = 'dp-console-token';
const USER_KEY = 'dp-console-user';

/** An error answer of the API: `status`, stable `code`, human `message`. */
export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get user() {
    try {
      return JSON.parse(sessionStorage.getItem(USER_KEY) || 'null');
    } catch {
      return null;
    }
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  setUser(user) {
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

let unauthenticated = () => {};

/** Called when the server says the token is no longer valid. */
export function onUnauthenticated(handler) {
  unauthenticated = handler;
}

function apiUrl(path, query) {
  const full = path.startsWith('/api/') ? path : `/api/v1${path}`;
  const url = new URL(full, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}

async function request(method, path, { body, query, raw } = {}) {
  const headers = { Accept: 'application/json' };
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let resp;
  try {
    resp = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: payload,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试 (network error)');
  }
  if (!resp.ok) {
    let data = null;
    try {
      data = await resp.json();
    } catch {
      // not JSON (a proxy's error page, say)
    }
    const err = new ApiError(
      resp.status,
      (data && data.code) || `http_${resp.status}`,
      (data && data.message) || `请求失败 (HTTP ${resp.status})`,
      data,
    );
    if (resp.status === 401 && token && path !== '/auth/staff') {
      session.clear();
      unauthenticated(err.message);
    }
    throw err;
  }
  if (raw) return resp;
  if (resp.status === 204) return null;
  const text = await resp.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, query) => request('POST', path, { body: body === undefined ? {} : body, query }),
  patch: (path, body) => request('PATCH', path, { body }),
  put: (path, body) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path),
  /** Multipart upload of one file in field `field`. */
  upload: (path, file, field = 'file') => {
    const form = new FormData();
    form.append(field, file, file.name);
    return request('POST', path, { body: form });
  },
  raw: (path, query) => request('GET', path, { query, raw: true }),
};

/** Fetches an image with the staff token; returns an object URL (revoke it). */
export async function imageUrl(path, query) {
  const resp = await api.raw(path, query);
  return URL.createObjectURL(await resp.blob());
}

function filenameOf(resp, fallback) {
  const cd = resp.headers.get('Content-Disposition') || '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Downloads a file answer (CSV, XLSX, ZIP) with the staff token. */
export async function download(path, query, fallbackName = 'download') {
  const resp = await api.raw(path, query);
  const blob = await resp.blob();
  const name = filenameOf(resp, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, size: blob.size };
}

/** Admins: the campaigns, newest first, and the one to show by default (open, else newest). */
export async function campaigns() {
  const list = (await api.get('/admin/campaigns')).items;
  const preferred = list.find((c) => c.status === 'open') || list[0] || null;
  return { list, preferred };
}

/** A session's one-line description: `#3 东校园 2024-11-17 C101`. */
export function sessionLabel(s) {
  return `#${s.id} ${s.campus_name} ${s.date} ${s.rooms}`;
}
