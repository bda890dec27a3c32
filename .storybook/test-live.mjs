#!/usr/bin/env node
/**
 * Opt-in check of the live story: starts the quickstart server and `storybook dev` (with
 * STORYBOOK_LIVE_URL) on free loopback ports, opens the live story in two headless Chromium tabs
 * (fake camera/microphone), joins both into one meeting and waits for each tab to decode the
 * other's video. Stops both servers by PID. Prints `N passed, N failed`.
 *
 * Run inside a loopback-only namespace: unshare -n sh -c 'ip link set lo up && node .storybook/test-live.mjs'
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const children = [];
const freePort = () =>
  new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
function start(cmd, args, env, ready, timeoutMs) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let log = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${cmd} not ready in ${timeoutMs} ms:\n${log.slice(-2000)}`)), timeoutMs);
    const onData = (d) => {
      log += d;
      if (ready.test(log)) {
        clearTimeout(timer);
        ok(log);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${cmd} exited with ${code}:\n${log.slice(-2000)}`)));
  });
}

let passed = 0;
let failed = 0;
const report = (ok, text) => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${text}`);
};
let browser;
try {
  const qsPort = await freePort();
  await start('node', ['--conditions=@mentara/source', '--import', 'tsx', 'examples/quickstart/src/server/main.ts'], { PORT: String(qsPort) }, /listening on/, 120_000);
  const liveUrl = `http://127.0.0.1:${qsPort}`;
  const sbPort = await freePort();
  await start(
    join(root, 'node_modules/.bin/storybook'),
    ['dev', '-c', '.storybook', '-p', String(sbPort), '--host', '127.0.0.1', '--no-open', '--ci'],
    { STORYBOOK_LIVE_URL: liveUrl, STORYBOOK_DISABLE_TELEMETRY: '1' },
    /Storybook.*started|Local:/i,
    120_000,
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection'],
  });
  const story = `http://127.0.0.1:${sbPort}/iframe.html?id=prefabs-meetingroom-live--live&viewMode=story`;
  // The first load makes Vite optimise dependencies (and reload): warm it up once.
  const warm = await browser.newPage();
  await warm.goto(story);
  await warm.getByRole('textbox', { name: 'Your name' }).waitFor({ timeout: 90_000 }).catch(() => undefined);
  await warm.waitForTimeout(3000);
  await warm.close();

  const tabs = [];
  let meetingId = '';
  for (const name of ['Alex', 'Blair']) {
    const page = await (await browser.newContext()).newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(meetingId ? `${story}&args=meeting:${meetingId}` : story);
    await page.getByRole('textbox', { name: 'Your name' }).fill(name, { timeout: 60_000 });
    if (!meetingId) meetingId = (await page.locator('#storybook-root code').first().textContent()) ?? '';
    await page.getByRole('button', { name: 'Join meeting' }).click();
    tabs.push({ name, page, errors });
  }
  // Alex created the meeting and is its host: Blair waits until Alex lets them in.
  await tabs[0].page.getByRole('button', { name: 'Admit Blair' }).first().click({ timeout: 30_000 });
  report(meetingId !== '', `meeting created on the quickstart server (${meetingId})`);
  const started = Date.now();
  for (const [i, tab] of tabs.entries()) {
    const other = tabs[1 - i].name;
    const decoded = await tab.page
      .waitForFunction((o) => {
        const tile = [...document.querySelectorAll('.mm-tile')].find((t) => t.getAttribute('aria-label') === o);
        const video = tile?.querySelector('video');
        return Boolean(video && video.videoWidth > 0 && video.currentTime > 0);
      }, other, { timeout: 20_000 })
      .then(() => true, () => false);
    report(decoded, `${tab.name} decodes ${other}'s video (${Date.now() - started} ms after both joined)`);
    report(tab.errors.length === 0, `${tab.name}: no page errors${tab.errors.length ? `: ${tab.errors.join(' | ').slice(0, 400)}` : ''}`);
  }
} catch (error) {
  report(false, String(error).slice(0, 2000));
} finally {
  await browser?.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
