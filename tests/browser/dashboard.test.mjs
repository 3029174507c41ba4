// dashboard.test.mjs — the gateway dashboard end to end in a real browser.
//
// Starts `wasmbed gateway --demo --urls http://127.0.0.1:PORT` (fresh state directory), opens the dashboard in
// headless Debian chromium through playwright-core, and checks that it shows the tenants, apps and rules and the
// vision pipeline with counts rising. Then, in the Business logic card: tries the broken release 2.1.0 (traps
// as it starts) and sees it refused, the trap listed and 1.0.0 still counting; clicks the update that
// hot-swaps "count cats" (counter 1.0.0) for "count dogs" (2.0.0) and sees the counting change while the
// pipeline keeps running (screenshot: docs/dashboard.png); switches back (rollback) and sees the cat count
// resume; finally uploads 2.0.0 again through the app's generic "update…" file button.
//
// Run by ./run (which installs chromium and playwright-core and builds the wasmbed command):
//   WASMBED_CLI=path/to/Wasmbed.Cli.dll node dashboard.test.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const cli = process.env.WASMBED_CLI ?? join(repo, 'src/Wasmbed.Cli/bin/Release/net10.0/Wasmbed.Cli.dll');
const screenshot = process.env.DASHBOARD_SCREENSHOT ?? join(repo, 'docs/dashboard.png');
const started = Date.now();
const step = text => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

// Starts the gateway and resolves when it prints its ready line.
function startGateway(port, stateDir) {
  const child = spawn('dotnet', [cli, 'gateway', '--demo', '--urls', `http://127.0.0.1:${port}`], {
    cwd: stateDir,
    env: { ...process.env, WASMBED_GATEWAY_DEMO: join(repo, 'examples/gateway/demo.json'), DOTNET_NOLOGO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the gateway did not print its ready line within 60 s')), 60_000);
    const watch = stream => stream.on('data', chunk => {
      const text = chunk.toString();
      output.push(text);
      const match = /gateway: dashboard at (\S+)/.exec(text);
      if (match) { clearTimeout(timer); ok(match[1]); }
    });
    watch(child.stdout);
    watch(child.stderr);
    child.once('exit', code => { clearTimeout(timer); fail(new Error(`the gateway exited with ${code} before it was ready`)); });
  });
  return { child, ready, output };
}

async function stopGateway(gateway) {
  if (gateway.child.exitCode !== null) return gateway.child.exitCode;
  const exited = new Promise(ok => gateway.child.once('exit', (code, signal) => ok(code ?? signal)));
  gateway.child.kill('SIGTERM');
  let timer;
  const timeout = new Promise(ok => { timer = setTimeout(() => ok('timeout'), 15_000); });
  const result = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') gateway.child.kill('SIGKILL');
  return result;
}

const number = text => Number(String(text).replace(/[^0-9]/g, ''));

// Waits until read() returns a value for which accept(value) holds; returns that value.
async function until(description, read, accept, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      last = error.message;
    }
    await new Promise(ok => setTimeout(ok, 250));
  }
  throw new Error(`timed out waiting for ${description} (last seen: ${JSON.stringify(last)})`);
}

async function main() {
  const stateDir = await mkdtemp(join(tmpdir(), 'wasmbed-dashboard-state-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'wasmbed-dashboard-profile-'));
  const port = await freePort();
  step(`starting the gateway on port ${port} (state in ${stateDir})`);
  const gateway = startGateway(port, stateDir);
  let browser;
  try {
    const url = await gateway.ready;
    step(`gateway ready at ${url}`);

    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1440, height: 1300 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    // the browser logs every non-2xx answer as an error; the broken update's 400 is expected
    page.on('console', message => {
      if (message.type() === 'error' && !/status of 400/.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(url);
    step('dashboard opened');

    await until('the status to say ok', () => page.getAttribute('#status', 'data-state'), s => s === 'ok');
    for (const tenant of ['acme', 'facility'])
      await until(`tenant ${tenant}`, () => page.locator(`[data-tenant="${tenant}"]`).count(), n => n === 1);
    for (const app of ['scene', 'preprocess', 'classify', 'normalise', 'counter', 'cat-alert'])
      await until(`app acme/${app}`, () => page.locator(`[data-app="acme/${app}"]`).count(), n => n === 1);
    await until('app facility/climate', () => page.locator('[data-app="facility/climate"]').count(), n => n === 1);
    await until('counter 1.0.0 serving', () => page.locator('[data-app="acme/counter"] [data-testid=version]').textContent(), v => v === '1.0.0');
    for (const rule of ['acme/cat-alert', 'facility/overheat'])
      await until(`rule ${rule}`, () => page.locator(`[data-rule="${rule}"]`).count(), n => n === 1);
    step('tenants acme and facility, their 7 apps and 2 rules are shown');
    const evaluations = () => page.locator('[data-rule="acme/cat-alert"] td:nth-child(5)').textContent().then(number);
    const firstEvaluations = await until('the cat-alert rule evaluating', evaluations, n => n > 0);
    await until('the cat-alert rule evaluations rising', evaluations, n => n > firstEvaluations);

    const completed = () => page.locator('[data-pipeline="acme/vision"] [data-testid=pipeline-completed]').textContent().then(number);
    const count = () => page.locator('[data-testid=count]').textContent().then(number);
    const counting = () => page.locator('[data-testid=counting]').textContent();
    const first = await until('vision messages completing', completed, n => n > 0);
    await until('the completed count rising', completed, n => n >= first + 5);
    await until('the business logic counting cats', counting, t => t === 'Cats counted');
    const cats = await until('a cat count', count, n => n > 0);
    await until('the cat count rising', count, n => n > cats);
    await until('a detection label', () => page.locator('[data-testid=det-label]').textContent(), t => ['cat', 'dog', 'none'].includes(t));
    step(`pipeline running: ${await completed()} messages completed, ${await count()} cats counted`);

    await page.locator('[data-testid="offer-2.1.0"]').click();
    step('clicked “Try count dogs, broken build 2.1.0” (traps as it starts)');
    await until('the failed update to be reported', () => page.locator('#logic-notice').getAttribute('class'), c => /\bbad\b/.test(c), 30_000);
    step(`reported: ${await page.locator('#logic-notice').textContent()}`);
    await until('the trap listed', () => page.locator('#trap-list li[data-level]').count(), n => n > 0);
    const catsAfterFailure = await count();
    await until('counter 1.0.0 still serving', () => page.locator('[data-testid=serving]').textContent(), t => t.startsWith('1.0.0'));
    await until('cats still being counted', count, n => n > catsAfterFailure);
    step('the broken update was rolled back automatically; counter 1.0.0 kept serving');

    const catsBeforeSwap = await count();
    const completedBeforeSwap = await completed();
    await page.locator('[data-testid="offer-2.0.0"]').click();
    step('clicked “Update to count dogs 2.0.0”');
    await until('the update to be reported done', () => page.locator('#logic-notice').getAttribute('class'), c => /\bok\b/.test(c), 30_000);
    await until('counter 2.0.0 serving', () => page.locator('[data-testid=serving]').textContent(), t => t.startsWith('2.0.0'));
    await until('the business logic counting dogs', counting, t => t === 'Dogs counted');
    const dogs = await until('a dog count', count, n => n > 0);
    await until('the dog count rising', count, n => n > dogs);
    await until('the pipeline still completing messages', completed, n => n > completedBeforeSwap + 5);
    if (gateway.child.exitCode !== null) throw new Error('the gateway stopped during the update');
    step(`hot swap done without a restart: counting dogs (${await count()}), cat count was ${catsBeforeSwap}`);

    await page.waitForTimeout(1500);   // a few more frames in the picture
    await mkdir(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    step(`screenshot saved to ${screenshot}`);

    await page.locator('[data-testid="offer-1.0.0"]').click();
    step('clicked “Switch back to count cats 1.0.0” (rollback)');
    await until('counter 1.0.0 serving again', () => page.locator('[data-testid=serving]').textContent(), t => t.startsWith('1.0.0'), 30_000);
    await until('the business logic counting cats again', counting, t => t === 'Cats counted');
    await until('the cat count resuming where it was', count, n => n >= catsBeforeSwap);
    step(`rolled back: counting cats again (${await count()})`);

    // the generic path: any app's "update…" button takes a signed package file
    await page.locator('[data-app="acme/counter"] input[type=file]')
      .setInputFiles(join(repo, 'examples/gateway/packages/counter-2.0.0.wbpkg'));
    step('uploaded counter-2.0.0.wbpkg with the counter\'s “update…” file button');
    await until('counter 2.0.0 serving after the upload', () => page.locator('[data-testid=serving]').textContent(), t => t.startsWith('2.0.0'), 30_000);
    await until('the business logic counting dogs again', counting, t => t === 'Dogs counted');
    step('counting dogs again');

    if (pageErrors.length) throw new Error(`the page reported errors:\n  ${pageErrors.join('\n  ')}`);
  } catch (error) {
    console.error(`FAILED: ${error.message}`);
    console.error('--- gateway output (last 40 lines) ---');
    console.error(gateway.output.join('').split('\n').slice(-40).join('\n'));
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    const exit = await stopGateway(gateway);
    step(`gateway stopped (${exit})`);
    if (exit !== 0 && !process.exitCode) {
      console.error(`FAILED: the gateway did not stop cleanly on SIGTERM (${exit})`);
      process.exitCode = 1;
    }
    await rm(stateDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
  if (!process.exitCode) step('dashboard test passed');
}

await main();
