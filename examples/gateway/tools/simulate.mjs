// simulate.mjs — runs the demo's stage modules as a pipeline under Node, with the gateway's envelope ABI
// (docs/gateway.md) mocked in a few lines: a quick check of the guests without the gateway.
//   node tools/simulate.mjs WASM_DIR [FRAMES]
// Prints the counter's output for the last frame and the label statistics; exits 1 when a stage fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'wasm';
const frames = Number(process.argv[3] ?? 200);
const enc = new TextEncoder(), dec = new TextDecoder();

function envelope({ kind, format = 0, width = 0, height = 0, meta, data }) {
  const metaBytes = enc.encode(Object.entries(meta).map(([k, v]) => `${k}=${v}\n`).join(''));
  const dataOffset = 32 + ((metaBytes.length + 7) & ~7);
  const bytes = new Uint8Array(dataOffset + data.length);
  const view = new DataView(bytes.buffer);
  [kind, metaBytes.length, data.length, format, width, height, kind === 1 ? width : 0, 0]
    .forEach((v, i) => view.setUint32(i * 4, v, true));
  bytes.set(metaBytes, 32);
  bytes.set(data, dataOffset);
  return bytes;
}

function parse(memory, ptr, len) {
  const view = new DataView(memory.buffer, ptr, len);
  const [kind, metaLen, dataLen, format, width, height] = [0, 1, 2, 3, 4, 5].map(i => view.getUint32(i * 4, true));
  const meta = {};
  for (const line of dec.decode(new Uint8Array(memory.buffer, ptr + 32, metaLen)).split('\n'))
    if (line) meta[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  const data = new Uint8Array(memory.buffer, ptr + 32 + ((metaLen + 7) & ~7), dataLen).slice();
  return { kind, format, width, height, meta, data };
}

function stage(file) {
  let memory, outputs = [];
  const kv = new Map();
  const imports = {
    'wasmbed:pipeline/1': { emit: (ptr, len) => { outputs.push(parse(memory, ptr, len)); return 0; } },
    'wasmbed:system/1': { log: (level, ptr, len) => { console.log(`  [${file} ${level}] ${dec.decode(new Uint8Array(memory.buffer, ptr, len))}`); return 0; } },
    'wasmbed:kv/1': {
      get: (k, kl, buf, cap) => { const v = kv.get(dec.decode(new Uint8Array(memory.buffer, k, kl))); if (!v) return -2; if (v.length <= cap) new Uint8Array(memory.buffer, buf, v.length).set(v); return v.length; },
      set: (k, kl, v, vl) => { kv.set(dec.decode(new Uint8Array(memory.buffer, k, kl)), new Uint8Array(memory.buffer, v, vl).slice()); return 0; },
    },
  };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(dir, file))), imports);
  memory = instance.exports.memory;
  instance.exports.start?.();
  return message => {
    const bytes = envelope(message);
    const ptr = instance.exports.event_buffer(bytes.length);
    new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
    outputs = [];
    if (instance.exports.on_event(ptr, bytes.length) !== 0) throw new Error(`${file} failed`);
    // the gateway overlays emitted metadata on the input's
    return outputs.map(o => ({ ...o, meta: { ...message.meta, ...o.meta } }));
  };
}

const chain = ['scene.wasm', 'preprocess.wasm', 'classify.wasm', 'normalise.wasm', 'count-cats.wasm'].map(stage);
const seen = { cat: 0, dog: 0, none: 0 };
let mismatches = 0, last;
for (let seq = 1; seq <= frames; seq++) {
  let messages = [{ kind: 1, format: 1, width: 48, height: 48, meta: { seq }, data: new Uint8Array(48 * 48) }];
  for (const run of chain) messages = messages.flatMap(run);
  last = messages[0];
  seen[last.meta.label]++;
  if (last.meta.mismatch) mismatches++;
}
console.log('last output:', JSON.stringify(last.meta));
console.log(`labels over ${frames} frames:`, JSON.stringify(seen), `mismatches: ${mismatches}`);
const count = Number(last.meta.count);
process.exitCode = count <= seen.cat && count >= 0.9 * seen.cat && mismatches <= frames / 50 ? 0 : 1;
