#!/usr/bin/env node
/**
 * End-to-end check of the published packages in a Next.js App Router app:
 * builds and `npm pack`s @mentara/meetings-core and @mentara/meetings, installs the tarballs into
 * a temporary copy of this example, runs `next build`, starts `next start` on a free loopback
 * port and fetches `/` and `/meeting/demo-room` (server-rendered, must not throw). The quickstart
 * meeting server runs beside it on another free port (`NEXT_PUBLIC_API_URL`), so the hydrated page
 * creates a meeting, mints tokens, opens its socket and fetches its ICE config as in production.
 *
 * Usage: node examples/nextjs/check.mjs [--keep] [--install-only]   (needs the npm registry for next/react, cached after the first run)
 */
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const keep = process.argv.includes('--keep');
// Install only (with network): fills the npm cache so a later run works offline, in the loopback-only namespace.
const installOnly = process.argv.includes('--install-only');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: '1' };
const run = (cmd, args, cwd) => {
  console.log(`$ ${cmd} ${args.join(' ')}  (${cwd})`);
  return execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
};
const step = (text) => console.log(`\n== ${text}`);

const work = await mkdtemp(join(tmpdir(), 'mm-nextjs-'));
let server;
let meetings;
const freePort = () =>
  new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => ok(free));
    });
  });
const waitForHttp = async (url, what, getLog) => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} did not answer within 60 s\n${getLog()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
};
try {
  step('build and pack the packages');
  run('npm', ['run', 'build', '-w', '@mentara/meetings-core', '-w', '@mentara/meetings'], root);
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', work, '-w', '@mentara/meetings-core', '-w', '@mentara/meetings'], root),
  );
  const tarball = (name) => join(work, packed.find((p) => p.name === name).filename);
  for (const p of packed) console.log(`  ${p.name}: ${p.filename} (${(p.size / 1024).toFixed(1)} KB packed, ${p.entryCount} files)`);

  step('install the tarballs into a copy of the example');
  const app = join(work, 'app');
  await cp(here, app, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|\.next)([/\\]|$)/.test(src) && !src.endsWith('check.mjs'),
  });
  const pkg = JSON.parse(await readFile(join(app, 'package.json'), 'utf8'));
  const core = `file:${tarball('@mentara/meetings-core')}`;
  pkg.dependencies['@mentara/meetings'] = `file:${tarball('@mentara/meetings')}`;
  pkg.dependencies['@mentara/meetings-core'] = core;
  pkg.overrides = { '@mentara/meetings-core': core };
  await writeFile(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);

  if (installOnly) {
    console.log('\ninstalled from the tarballs: the npm cache now holds everything for an offline run');
  } else {
    step('the quickstart meeting server and next start on free loopback ports');
    const port = await freePort();
    const meetingsPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const apiUrl = `http://127.0.0.1:${meetingsPort}/api`;
    // NEXT_PUBLIC_* are inlined at build time: the build must know where the meeting server is.
    env.NEXT_PUBLIC_API_URL = apiUrl;
    let meetingsLog = '';
    meetings = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', 'src/server/main.ts'], {
      cwd: join(root, 'examples/quickstart'),
      env: { ...process.env, PORT: String(meetingsPort), HOST: '127.0.0.1', FRONTEND_URL: base, QUICKSTART_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    meetings.stdout.on('data', (d) => (meetingsLog += d));
    meetings.stderr.on('data', (d) => (meetingsLog += d));
    await waitForHttp(`${apiUrl}/meetings/webrtc-config`, 'the quickstart server', () => meetingsLog);
    console.log(`✓ meeting server on ${apiUrl}`);

    step('next build');
    const buildOutput = run(join(app, 'node_modules/.bin/next'), ['build'], app);
    console.log(buildOutput.split('\n').filter((l) => /Route|\/meeting|○|ƒ|Compiled|error/i.test(l)).join('\n'));

    step('next start');
    server = spawn(join(app, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    await waitForHttp(base, 'next start', () => log);
    const checks = [
      ['/', ['Mentara Meetings', 'Start a meeting']],
      ['/meeting/demo-room', ['mm-root', 'mm-prejoin', 'Join meeting', 'Microphone']],
    ];
    let failed = 0;
    for (const [path, expected] of checks) {
      const response = await fetch(base + path);
      const html = await response.text();
      const missing = expected.filter((text) => !html.includes(text));
      const ok = response.status === 200 && missing.length === 0;
      if (!ok) failed += 1;
      console.log(`${ok ? '✓' : '✗'} GET ${path} → ${response.status}${missing.length ? ` missing: ${missing.join(', ')}` : ''} (${html.length} bytes)`);
    }
    step('hydrate in Chromium');
    const hydration = await checkInBrowser(base);
    for (const line of hydration.lines) console.log(line);
    failed += hydration.failed;
    if (/Error|TypeError|ReferenceError/.test(log)) {
      failed += 1;
      console.log(`✗ server log has errors:\n${log}`);
    }
    console.log(`\n${checks.length + 1 + hydration.total - failed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
} finally {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (meetings && meetings.exitCode === null) meetings.kill('SIGTERM');
  if (!keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

/**
 * Two people in headless Chromium (system browser, fake camera): the first starts a meeting from
 * the landing page, the second opens its link; each types a name on the pre-join screen (the token
 * is minted for it), joins and decodes the other's video. No page or hydration errors, no failed
 * request.
 */
async function checkInBrowser(base) {
  if (!existsSync('/usr/bin/chromium')) {
    // Never silently skipped in CI.
    if (process.env.CI) return { lines: ['✗ no /usr/bin/chromium'], failed: 1, total: 1 };
    return { lines: ['- no /usr/bin/chromium: browser check skipped'], failed: 0, total: 0 };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      '--allow-loopback-in-peer-connection'],
  });
  const lines = [];
  let failed = 0;
  const check = (ok, text) => {
    lines.push(`${ok ? '✓' : '✗'} ${text}`);
    if (!ok) failed += 1;
    return ok;
  };
  const errors = [];
  const open = async (name) => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`${name}: ${e}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`${name}: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${name}: HTTP ${r.status()} ${r.url()}`));
    return page;
  };
  const joinAs = async (page, name) => {
    await page.getByRole('textbox', { name: 'Your name' }).fill(name);
    const ready = await page
      .waitForFunction(() => {
        const video = document.querySelector('.mm-prejoin video');
        const join = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Join meeting');
        return video && video.videoWidth > 0 && join && !join.disabled;
      }, null, { timeout: 15_000 })
      .then(() => true, () => false);
    if (!check(ready, `${name}: hydrated, camera preview playing, Join enabled`)) return false;
    await page.getByRole('button', { name: 'Join meeting' }).click();
    return true;
  };
  const seesRemoteVideo = (page, name) =>
    page
      .waitForFunction(() => [...document.querySelectorAll('[data-local="false"] video')].some((v) => v.videoWidth > 0), null, { timeout: 30_000 })
      .then(() => true, () => false)
      .then((ok) => check(ok, `${name} decodes the other person's video`));
  try {
    const host = await open('first');
    await host.goto(base, { waitUntil: 'load' });
    await host.getByRole('button', { name: 'Start a meeting' }).click();
    const started = await host.waitForURL(/\/meeting\/[^/?]+\?host=/, { timeout: 15_000 }).then(() => true, () => false);
    if (check(started, `Start a meeting opens ${started ? new URL(host.url()).pathname : 'a meeting page'} as its host`)) {
      const guest = await open('second');
      // The invite: the meeting page without the host key; the client waits until let in.
      const invite = new URL(host.url());
      invite.search = '';
      await guest.goto(invite.toString(), { waitUntil: 'load' });
      if ((await joinAs(host, 'Therapist')) && (await joinAs(guest, 'Client'))) {
        const admitted = await host
          .getByRole('button', { name: 'Admit Client' })
          .click({ timeout: 30_000 })
          .then(() => true, () => false);
        check(admitted, 'Therapist lets the client in from the waiting room');
        await seesRemoteVideo(host, 'Therapist');
        await seesRemoteVideo(guest, 'Client');
      }
    }
    check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join(' | ').slice(0, 600)}` : ''}`);
  } finally {
    await browser.close();
  }
  return { lines, failed, total: lines.length };
}
