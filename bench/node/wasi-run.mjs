// Runs a wasm32-wasi command module under Node.js (V8) the way `wasmbed run` runs it:
//   node --no-warnings wasi-run.mjs [--dir DIR]... FILE [ARGS...]
// argv[0] of the program is FILE, as with wasmbed; the exit code is the program's.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const preopens = {};
let rest = process.argv.slice(2);
while (rest[0] === '--dir') {
  preopens[rest[1]] = rest[1];
  rest = rest.slice(2);
}
if (rest.length === 0) {
  console.error('usage: node wasi-run.mjs [--dir DIR]... FILE [ARGS...]');
  process.exit(2);
}

const wasi = new WASI({ version: 'preview1', args: rest, env: {}, preopens, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(rest[0]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
