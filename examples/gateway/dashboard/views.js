// views.js — renders the dashboard's sections from the state dashboard.js keeps. Each function owns one
// section and rebuilds it from scratch (the data is small; no diffing needed).
import { h, number, ms, bytes, clock, duration, fill, base64Bytes } from './format.js';

const $ = id => document.getElementById(id);

export function renderStatus(health, error) {
  const status = $('status');
  status.dataset.state = error ? 'down' : 'ok';
  $('status-text').textContent = error
    ? `gateway unreachable: ${error.message}`
    : `${health.status} · version ${health.version} · up ${duration(health.uptimeSeconds)}`;
}

export function renderPipelines(state) {
  const blocks = state.pipelines.map(p => {
    const rate = state.rates[`${p.tenant}/${p.name}`];
    const node = (cls, name, version, stats, queue) => h('div', { class: `node ${cls}` },
      h('div', { class: 'name', title: name }, name),
      h('div', { class: 'version' }, version ?? '\u00a0'),
      stats.map(([label, value]) => h('div', { class: 'stat' }, label, h('b', {}, value))),
      queue && h('div', { class: 'queue', title: `queue ${queue.queued} of ${queue.capacity}` },
        h('i', { style: `width:${Math.min(100, 100 * queue.queued / Math.max(1, queue.capacity))}%` })));
    const chain = [node('source', p.source ?? 'api', 'source', [['accepted', number(p.accepted)], ['dropped', number(p.dropped)]])];
    for (const stage of p.stages ?? []) {
      const app = state.appIndex[`${p.tenant}/${stage.app}`];
      chain.push(h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'));
      chain.push(node(stage.failed ? 'failing' : '', stage.app, app ? `v${app.servingVersion ?? app.activeVersion}` : '',
        [['in', number(stage.received)], ['out', number(stage.emitted)], ['failed', number(stage.failed)]], stage));
    }
    return h('div', { class: 'pipeline', 'data-pipeline': `${p.tenant}/${p.name}` },
      h('div', { class: 'pipeline-head' },
        h('h3', {}, p.name), h('span', { class: 'tenant' }, `tenant ${p.tenant}`),
        h('span', { class: `badge ${p.running ? 'ok' : 'warn'}` }, p.running ? 'running' : 'stopped'),
        h('div', { class: 'totals' },
          total('completed', number(p.completed), false, 'completed'),
          total('per second', rate === undefined ? '–' : rate.toFixed(1)),
          total('dropped', number(p.dropped), p.dropped > 0),
          total('failed', number(p.failed), p.failed > 0))),
      h('div', { class: 'chain' }, chain));
  });
  fill($('pipeline-list'), blocks, 'No pipelines yet.');
}

function total(label, value, bad = false, testid) {
  return h('div', { class: `total${bad ? ' bad' : ''}` }, h('b', { 'data-testid': testid && `pipeline-${testid}` }, value), h('span', {}, label));
}

export function renderDetection(detection) {
  if (!detection) return;
  const meta = detection.meta ?? {};
  const label = meta.label ?? '–';
  $('det-label').replaceChildren(h('span', { class: `tag ${label}` }, label));
  $('det-confidence').textContent = meta.confidence ?? '–';
  $('det-truth').textContent = meta.truth ?? '–';
  $('det-seq').textContent = meta.seq ?? detection.sequence ?? '–';
  const canvas = $('patch');
  if (detection.data && detection.format === 'gray8' && detection.width && detection.height) {
    const pixels = base64Bytes(detection.data);
    const image = new ImageData(detection.width, detection.height);
    for (let i = 0; i < detection.width * detection.height; i++) {
      const v = pixels[i] ?? 0;
      image.data.set([v, v, v, 255], i * 4);
    }
    canvas.width = detection.width;
    canvas.height = detection.height;
    canvas.getContext('2d').putImageData(image, 0, 0);
  }
}

export function renderAccuracy(seen, matched) {
  $('det-accuracy').textContent = seen ? `${(100 * matched / seen).toFixed(1)}% of ${number(seen)}` : '–';
}

export function renderBusinessLogic(state, actions) {
  const logic = state.logic;
  if (!logic) return;
  const { message, app } = logic;
  const counting = message?.meta?.counting;
  $('counting').textContent = counting ? `${counting[0].toUpperCase()}${counting.slice(1)}s counted` : 'count';
  $('count').textContent = message?.meta?.count !== undefined ? number(Number(message.meta.count)) : '–';
  $('logic-app').textContent = app ? `${app.tenant} / ${app.name}` : '–';
  $('logic-serving').textContent = app ? (app.servingVersion ?? app.activeVersion ?? '–') + describe(state, app, app.servingVersion ?? app.activeVersion) : '–';
  $('logic-previous').textContent = app?.previousVersion ? app.previousVersion + describe(state, app, app.previousVersion) : 'none';

  const points = state.countHistory.slice(-60);
  const max = Math.max(1, ...points), min = Math.min(...points, max);
  $('spark').querySelector('polyline').setAttribute('points', points.map((v, i) =>
    `${(200 * i / Math.max(1, points.length - 1)).toFixed(1)},${(38 - 36 * (v - min) / Math.max(1, max - min)).toFixed(1)}`).join(' '));

  const buttons = [];
  if (app) {
    for (const offer of state.offers.filter(o => o.tenant === app.tenant && o.app === app.name)) {
      if (offer.version === (app.servingVersion ?? app.activeVersion)) continue;
      const viaRollback = offer.version === app.previousVersion;
      const label = offer.faulty ? `Try “${offer.title}” ${offer.version}`
        : `${viaRollback ? 'Switch back to' : 'Update to'} “${offer.title}” ${offer.version}`;
      buttons.push(h('button', {
        class: offer.faulty ? 'danger' : '', 'data-testid': `offer-${offer.version}`, disabled: state.busy,
        title: viaRollback ? `roll back to the kept version ${offer.version}`
          : `upload the signed package ${offer.app} ${offer.version} and hot-swap it in${offer.faulty ? ' (it is broken on purpose: watch the automatic rollback)' : ''}`,
        onclick: () => actions.applyOffer(app, offer, viaRollback),
      }, label));
    }
    if (app.previousVersion && !buttons.length)
      buttons.push(h('button', { class: 'secondary', disabled: state.busy, onclick: () => actions.rollback(app) }, `Roll back to ${app.previousVersion}`));
  }
  $('logic-actions').replaceChildren(...buttons);
}

function describe(state, app, version) {
  const offer = state.offers.find(o => o.tenant === app.tenant && o.app === app.name && o.version === version);
  return offer ? ` (${offer.title})` : '';
}

export function renderNotice(text, kind) {
  const notice = $('logic-notice');
  notice.textContent = text ?? '';
  notice.className = `notice ${kind ?? ''}`;
}

export function renderRules(rules) {
  const rows = rules.map(r => h('tr', { 'data-rule': `${r.tenant}/${r.name}` },
    h('td', {}, r.tenant), h('td', {}, h('b', {}, r.name), h('div', { class: 'mono' }, r.app)),
    h('td', { class: 'mono' }, r.input),
    h('td', {}, h('span', { class: `badge ${r.state === 'active' ? 'active' : ''}` }, r.state)),
    h('td', { class: 'num' }, number(r.evaluations)), h('td', { class: 'num' }, number(r.holds)),
    h('td', { class: 'num' }, number(r.firings)), h('td', { class: 'num' }, number(r.releases)),
    h('td', { class: 'num' }, r.errors ? h('span', { class: 'badge bad', title: r.lastError ?? '' }, number(r.errors)) : '0'),
    h('td', {}, clock(r.lastFiredAt))));
  fill($('rule-rows'), rows.length ? rows : [h('tr', {}, h('td', { colspan: 10, class: 'empty' }, 'No rules.'))], '');
}

export function renderTenants(state, actions) {
  const blocks = state.tenants.map(t => {
    const apps = state.apps[t.name] ?? [];
    const rows = apps.map(a => {
      const m = state.metricIndex[`${t.name}/${a.name}`] ?? {};
      const status = a.lastError ? h('span', { class: 'badge bad', title: a.lastError }, 'error')
        : h('span', { class: `badge ${a.running ? 'ok' : 'warn'}` }, a.running ? 'running' : 'stopped');
      return h('tr', { 'data-app': `${t.name}/${a.name}` },
        h('td', {}, h('b', {}, a.name)),
        h('td', { class: 'mono', 'data-testid': 'version' }, a.servingVersion ?? a.activeVersion ?? '–'),
        h('td', { class: 'mono' }, a.previousVersion ?? '–'),
        h('td', {}, status),
        h('td', { class: 'num' }, number(a.lastHandledEvent)),
        h('td', { class: 'num' }, number(m.calls)),
        h('td', { class: 'num' }, m.traps ? h('span', { class: 'badge bad' }, number(m.traps)) : '0'),
        h('td', { class: 'num' }, `${ms(m.latencyP50Ms)} / ${ms(m.latencyP99Ms)}`),
        h('td', { class: 'num' }, bytes(m.memoryBytes ?? (a.memoryPages ?? 0) * 65536)),
        h('td', {},
          h('div', { class: 'actions' },
            a.previousVersion && h('button', { class: 'secondary small', disabled: state.busy, onclick: () => actions.rollback(a) }, `roll back to ${a.previousVersion}`),
            h('label', { class: 'file-button small', title: 'upload a signed package (.wbpkg) of this app' }, 'update…',
              h('input', { type: 'file', accept: '.wbpkg', onchange: e => actions.upload(a, e.target.files[0]) })))));
    });
    const q = t.quotas ?? {};
    return h('div', { class: 'tenant-block', 'data-tenant': t.name },
      h('div', { class: 'tenant-head' },
        h('h3', {}, t.name),
        h('span', { class: 'meta' }, `${apps.length} apps · ${(t.pipelines ?? []).length} pipelines · ${(t.rules ?? []).length} rules`),
        h('span', { class: 'meta mono', title: 'what this tenant\'s apps may be granted' }, `policy ${t.policy}`),
        h('span', { class: 'meta', title: 'quotas' }, `≤ ${q.memoryPages ?? '–'} pages/app · ${number(q.eventsPerSecond)} events/s · queues ${q.queueCapacity ?? '–'}`),
        h('span', { class: 'meta mono', title: 'publisher keys this tenant trusts' }, `keys ${(t.publisherKeys ?? []).join(', ') || '–'}`)),
      h('table', {},
        h('thead', {}, h('tr', {}, ['app', 'serving', 'previous', 'state', 'handled', 'calls', 'traps', 'latency p50 / p99', 'memory', '']
          .map((c, i) => h('th', { class: i >= 4 && i <= 8 ? 'num' : '' }, c)))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 10, class: 'empty' }, 'No apps.')))));
  });
  fill($('tenant-list'), blocks, 'No tenants.');
}

export function renderLogs(logs) {
  const item = e => h('li', { 'data-level': e.level },
    h('span', { class: `lvl ${e.level}` }, e.level), h('time', {}, clock(e.time)),
    h('span', { class: 'who' }, [e.tenant, e.app].filter(Boolean).join(' / ')),
    h('span', { class: 'msg' }, e.message));
  const recent = logs.slice(-80).reverse();
  fill($('log-list'), recent.map(item), 'Nothing logged yet.', 'li');
  const traps = logs.filter(e => e.level === 'error' || /trap/i.test(e.message)).slice(-30).reverse();
  fill($('trap-list'), traps.map(item), 'None so far.', 'li');
}
