// format.js — small helpers shared by the views: element building, numbers, times, versions.

// h('td', {class: 'num'}, '12') → <td class="num">12</td>; children may be strings, nodes or arrays.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export const number = n => (n ?? 0).toLocaleString('en-US');
export const ms = v => (v === undefined || v === null ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0)) + ' ms';
export const bytes = n => n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${n ?? 0} B`;
export const clock = iso => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '–');

export function duration(seconds) {
  const s = Math.floor(seconds ?? 0);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

// Semantic versions compared by their numeric core (enough to tell an update from a downgrade).
export function compareVersions(a, b) {
  const parts = v => String(v ?? '').split(/[-+]/)[0].split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

// Replaces the children of `parent` with `nodes` (or an empty-state line).
export function fill(parent, nodes, emptyText, emptyTag = 'p') {
  parent.replaceChildren(...(nodes.length ? nodes : [h(emptyTag, { class: 'empty' }, emptyText)]));
}

export function base64Bytes(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
