#!/usr/bin/env node
/**
 * End-to-end check of the published packages in a Next.js App Router app:
 * builds and `npm pack`s @mentara/meetings-core and @mentara/meetings, installs the tarballs into
 * a temporary copy of this example, runs `next build`, starts `next start` on a free loopback
 * port and fetches `/` and `/meeting/demo-room` (server-rendered, must not throw).
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
    step('next build');
    const buildOutput = run(join(app, 'node_modules/.bin/next'), ['build'], app);
    console.log(buildOutput.split('\n').filter((l) => /Route|\/meeting|○|ƒ|Compiled|error/i.test(l)).join('\n'));

    step('next start on a free loopback port');
    const port = await new Promise((ok) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => ok(free));
      });
    });
    server = spawn(join(app, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (d) => (log += d));
    server.stderr.on('data', (d) => (log += d));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await fetch(base);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s\n${log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    const checks = [
      ['/', ['Mentara Meetings']],
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
    const hydration = await checkInBrowser(`${base}/meeting/demo-room`);
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
  if (!keep) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

/**
 * Open the page in headless Chromium (system browser, fake camera): no page or hydration errors,
 * the camera preview starts and the Join button becomes usable.
 */
async function checkInBrowser(url) {
  if (!existsSync('/usr/bin/chromium')) {
    // Never silently skipped in CI.
    if (process.env.CI) return { lines: ['✗ no /usr/bin/chromium'], failed: 1, total: 1 };
    return { lines: ['- no /usr/bin/chromium: browser check skipped'], failed: 0, total: 0 };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  const lines = [];
  let failed = 0;
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: 'Your name' }).fill('Visitor');
    const ready = await page
      .waitForFunction(() => {
        const video = document.querySelector('.mm-prejoin video');
        const join = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Join meeting');
        return video && video.videoWidth > 0 && join && !join.disabled;
      }, null, { timeout: 15_000 })
      .then(() => true, () => false);
    lines.push(`${ready ? '✓' : '✗'} hydrated: camera preview playing, Join enabled`);
    if (!ready) failed += 1;
    lines.push(`${errors.length === 0 ? '✓' : '✗'} no page errors${errors.length ? `: ${errors.join(' | ').slice(0, 600)}` : ''}`);
    if (errors.length) failed += 1;
  } finally {
    await browser.close();
  }
  return { lines, failed, total: 2 };
}
