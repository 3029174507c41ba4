// api.js — the management API (docs/gateway.md, "Management API") as small async functions.
// Every call throws an Error carrying the API's {"error": ...} text when the answer is not 2xx.

async function call(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = body;
    init.headers['Content-Type'] = 'application/octet-stream';
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!response.ok) {
    const message = json?.error ?? (text || response.statusText);
    const error = new Error(`${message} (HTTP ${response.status})`);
    error.status = response.status;
    error.refusal = json?.refusal;
    throw error;
  }
  return json;
}

const enc = encodeURIComponent;
const tenantPath = t => `/api/tenants/${enc(t)}`;

export const api = {
  health: () => call('GET', '/api/health'),
  tenants: () => call('GET', '/api/tenants'),
  apps: t => call('GET', `${tenantPath(t)}/apps`),
  pipelines: t => call('GET', `${tenantPath(t)}/pipelines`),
  rules: t => call('GET', `${tenantPath(t)}/rules`),
  metrics: () => call('GET', '/api/metrics'),
  logs: after => call('GET', `/api/logs?after=${after}&limit=200`),
  output: (t, p, after) => call('GET', `${tenantPath(t)}/pipelines/${enc(p)}/output?after=${after}&limit=256&data=true`),
  update: (t, a, bytes, allowDowngrade) =>
    call('PUT', `${tenantPath(t)}/apps/${enc(a)}${allowDowngrade ? '?allowDowngrade=true' : ''}`, bytes),
  rollback: (t, a) => call('POST', `${tenantPath(t)}/apps/${enc(a)}/rollback`),
  // optional static file beside the dashboard: packages offered for one-click updates
  offers: async () => {
    const response = await fetch('offers.json');
    return response.ok ? (await response.json()).offers ?? [] : [];
  },
};
