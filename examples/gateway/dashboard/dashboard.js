// dashboard.js — polls the gateway's management API once a second and renders the dashboard; handles the
// update buttons (hot swap by uploading a signed package, or rollback to the kept version).
import { api } from './api.js';
import { base64Bytes, compareVersions } from './format.js';
import * as view from './views.js';

const POLL_MS = 1000;

const state = {
  tenants: [], apps: {}, pipelines: [], rules: [], logs: [],
  appIndex: {}, metricIndex: {}, rates: {},
  offers: [],
  outputs: {},          // "tenant/pipeline" → { after, seen, matched }
  logic: null,          // { app, message }: the business-logic stage and its latest output
  countHistory: [],     // the business logic's count, one point per poll (restarts when what it counts changes)
  lastLogId: 0,
  busy: false,
  previousTotals: {},   // "tenant/pipeline" → { completed, at }
};

async function poll() {
  let health;
  try {
    health = await api.health();
  } catch (error) {
    view.renderStatus(null, error);
    return;
  }
  view.renderStatus(health);

  state.tenants = await api.tenants();
  const perTenant = await Promise.all(state.tenants.map(async t => {
    const [apps, pipelines, rules] = await Promise.all([api.apps(t.name), api.pipelines(t.name), api.rules(t.name)]);
    return { tenant: t.name, apps, pipelines, rules };
  }));
  state.apps = Object.fromEntries(perTenant.map(x => [x.tenant, x.apps]));
  state.appIndex = Object.fromEntries(perTenant.flatMap(x => x.apps.map(a => [`${x.tenant}/${a.name}`, a])));
  state.pipelines = perTenant.flatMap(x => x.pipelines);
  state.rules = perTenant.flatMap(x => x.rules);

  const metrics = await api.metrics();
  state.metricIndex = Object.fromEntries((metrics.apps ?? []).map(m => [`${m.tenant}/${m.app}`, m]));

  const logs = await api.logs(state.lastLogId);
  if (logs.length) {
    state.logs = state.logs.concat(logs).slice(-500);
    state.lastLogId = Math.max(state.lastLogId, ...logs.map(e => e.id));
  }

  measureRates();
  await readOutputs();
  render();
}

function measureRates() {
  const now = performance.now();
  for (const p of state.pipelines) {
    const key = `${p.tenant}/${p.name}`;
    const before = state.previousTotals[key];
    if (before && now > before.at) state.rates[key] = (p.completed - before.completed) * 1000 / (now - before.at);
    state.previousTotals[key] = { completed: p.completed, at: now };
  }
}

// Reads each pipeline's new output messages: the latest detection (label) and the business logic's count.
async function readOutputs() {
  for (const p of state.pipelines) {
    const key = `${p.tenant}/${p.name}`;
    const track = state.outputs[key] ??= { after: 0, seen: 0, matched: 0 };
    const messages = (await api.output(p.tenant, p.name, track.after)).filter(m => m.sequence > track.after);
    if (!messages.length) continue;
    messages.sort((a, b) => a.sequence - b.sequence);
    track.after = messages.at(-1).sequence;
    for (const m of messages) {
      if (m.meta?.label && m.meta?.truth && m.meta.label !== 'none') {
        track.seen++;
        if (m.meta.label === m.meta.truth) track.matched++;
      }
    }
    const latest = messages.at(-1);
    if (latest.meta?.label) {
      view.renderDetection(latest);
      view.renderAccuracy(track.seen, track.matched);
    }
    if (latest.meta?.counting) {
      const lastStage = p.stages?.at(-1)?.app;
      if (state.logic?.message?.meta?.counting !== latest.meta.counting) state.countHistory = [];
      state.logic = { message: latest, app: state.appIndex[`${p.tenant}/${lastStage}`] };
      state.countHistory.push(Number(latest.meta.count ?? 0));
      if (state.countHistory.length > 120) state.countHistory.shift();
    }
  }
  if (state.logic) state.logic.app = state.appIndex[`${state.logic.app?.tenant}/${state.logic.app?.name}`] ?? state.logic.app;
}

function render() {
  view.renderPipelines(state);
  view.renderBusinessLogic(state, actions);
  view.renderRules(state.rules);
  view.renderTenants(state, actions);
  view.renderLogs(state.logs);
}

async function act(description, work) {
  state.busy = true;
  view.renderNotice(`${description}…`);
  render();
  try {
    const app = await work();
    view.renderNotice(`${description}: done, ${app?.name ?? 'app'} ${app?.servingVersion ?? app?.activeVersion ?? ''} is serving.`, 'ok');
  } catch (error) {
    view.renderNotice(`${description} failed: ${error.message}`, 'bad');
  } finally {
    state.busy = false;
    await safePoll();
  }
}

const actions = {
  applyOffer(app, offer, viaRollback) {
    if (viaRollback) return act(`Switching ${app.name} back to ${offer.version}`, () => api.rollback(app.tenant, app.name));
    return act(`Updating ${app.name} to ${offer.version}`, async () => {
      const downgrade = compareVersions(offer.version, app.activeVersion) < 0;
      return api.update(app.tenant, app.name, base64Bytes(offer.packageBase64), downgrade);
    });
  },
  rollback: app => act(`Rolling back ${app.name}`, () => api.rollback(app.tenant, app.name)),
  upload(app, file) {
    if (!file) return;
    return act(`Updating ${app.name} from ${file.name}`, async () => api.update(app.tenant, app.name, await file.arrayBuffer(), false));
  },
};

let polling = false;
async function safePoll() {
  if (polling) return;
  polling = true;
  try {
    await poll();
  } catch (error) {
    view.renderStatus(null, error);
  } finally {
    polling = false;
  }
}

state.offers = await api.offers().catch(() => []);
await safePoll();
setInterval(safePoll, POLL_MS);
