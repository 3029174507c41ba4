// In-process measurements under Node.js (V8), the counterparts of bench/Embedding for Wasmbed:
//   node embed.mjs OUT_DIR [RUNS]
// Prints one JSON object: load+validate+instantiate time of the large module (median of RUNS, each
// from the bytes in memory), its first run() call and its result, and the cost of one host->wasm and
// one wasm->host call in ns. V8 runs with its default flags: lazy compilation, so "load" does not
// include machine-code generation; the first run() call pays for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const now = () => process.hrtime.bigint();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (start, end) => Number(end - start) / 1e9;

// V8 keeps compiled modules in a cache keyed by their bytes; a custom section holding the run's
// number makes every run's bytes different, so each run compiles from scratch.
const largeBytes = readFileSync(join(out, 'wasm', 'large.wasm'));
const uniqueCopy = (run) => Buffer.concat([largeBytes, Buffer.from([0, 7, 5, ...Buffer.from('bench'), run & 0x7f])]);
const loads = [], firstCalls = [];
let result = 0;
for (let i = 0; i < runs; i++) {
  const bytes = uniqueCopy(i);
  const start = now();
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, {});
  const loaded = now();
  result = instance.exports.run(1) >>> 0;
  const called = now();
  loads.push(seconds(start, loaded));
  firstCalls.push(seconds(loaded, called));
}

const callsBytes = readFileSync(join(out, 'wasm', 'calls.wasm'));
const calls = new WebAssembly.Instance(new WebAssembly.Module(callsBytes), {
  env: { host_increment: (value) => value + 1 },
}).exports;
const count = 10_000_000;
const hostToWasm = [], wasmToHost = [];
for (let i = 0; i < runs; i++) {
  let value = 0;
  let start = now();
  for (let j = 0; j < count; j++) value = calls.add_one(value);
  let end = now();
  if (value !== count) throw new Error(`add_one loop returned ${value}`);
  hostToWasm.push(Number(end - start) / count);
  start = now();
  value = calls.call_host(count);
  end = now();
  if (value !== count) throw new Error(`call_host returned ${value}`);
  wasmToHost.push(Number(end - start) / count);
}

console.log(JSON.stringify({
  largeModuleBytes: largeBytes.length,
  loadSeconds: median(loads),
  firstCallSeconds: median(firstCalls),
  largeResult: 'large ' + result.toString(16).padStart(8, '0'),
  hostToWasmNs: median(hostToWasm),
  wasmToHostNs: median(wasmToHost),
}));
