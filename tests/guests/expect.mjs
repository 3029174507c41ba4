// Runs every guest program under Node.js's node:wasi and records what it printed on stdout and its exit code as the
// expectation the Wasmbed tests compare against (expected/<name>.stdout, expected/<name>.exit).
// Usage: node expect.mjs [name...]   (from tests/guests; build.sh calls it after compiling)
import { WASI } from 'node:wasi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'guests.json'), 'utf8'));
const only = process.argv.slice(2);
fs.mkdirSync(path.join(here, 'expected'), { recursive: true });

// Must match GuestFixture in tests/Wasmbed.Tests/Wasi.
function makeFixture() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wasmbed-guest-'));
  const sandbox = path.join(root, 'sandbox');
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(sandbox, 'sub'), { recursive: true });
  fs.symlinkSync('../outside/secret.txt', path.join(sandbox, 'escape_relative'));
  fs.symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(sandbox, 'escape_absolute'));
  fs.symlinkSync('../outside', path.join(sandbox, 'escape_relative_dir'));
  return { root, sandbox };
}

for (const program of manifest.programs) {
  if (only.length && !only.includes(program.name)) continue;
  if (program.node === false) {
    console.log(`${program.name}: expectation kept as written (${program.why})`);
    continue;
  }
  const fixture = makeFixture();
  const stdoutPath = path.join(fixture.root, 'stdout');
  const stdout = fs.openSync(stdoutPath, 'w');
  const stdin = fs.openSync(program.stdin ? path.join(here, 'src', program.stdin) : '/dev/null', 'r');
  const wasi = new WASI({
    version: 'preview1',
    args: [program.name, ...(program.args ?? [])],
    env: program.env ?? {},
    preopens: { '/sandbox': fixture.sandbox },
    stdin, stdout, stderr: 2,
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(fs.readFileSync(path.join(here, 'bin', `${program.name}.wasm`)));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  const exitCode = wasi.start(instance) ?? 0;
  fs.closeSync(stdout);
  fs.closeSync(stdin);
  fs.copyFileSync(stdoutPath, path.join(here, 'expected', `${program.name}.stdout`));
  fs.writeFileSync(path.join(here, 'expected', `${program.name}.exit`), `${exitCode}\n`);
  fs.rmSync(fixture.root, { recursive: true, force: true });
  console.log(`${program.name}: exit ${exitCode}, ${fs.statSync(path.join(here, 'expected', `${program.name}.stdout`)).size} bytes of stdout`);
}
