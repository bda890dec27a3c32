#!/usr/bin/env node
/**
 * Packaged-consumer check: proves the published packages work in a fresh, default Vite + React
 * app — no Node polyfills, no `define`, only `@vitejs/plugin-react`.
 *
 *   node scripts/consumer-check.mjs            # build, pack, install, vite build, two browsers
 *   node scripts/consumer-check.mjs --keep     # keep the temp folder for inspection
 *   node scripts/consumer-check.mjs --skip-browser
 *
 * Steps: `npm run build` for @mentara/meetings-core and @mentara/meetings, `npm pack` both into
 * a temp folder, scaffold an app there, `npm install --prefer-offline` from the tarballs (the
 * npm cache already holds react, vite… so no network is needed), `vite build`, then serve the
 * app's `dist` from the quickstart server (which also hosts `/meetings`) on loopback and open two
 * Chromium pages on the same meeting: no page errors, and each shows the other's decoded video.
 *
 * Prints progress on stderr and one JSON summary line on stdout; exits 1 on failure.
 * Browser steps must run inside the loopback-only namespace (`bash scripts/netns-run.sh …`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['@mentara/meetings-core', '@mentara/meetings'];

const log = (line) => process.stderr.write(`[consumer-check] ${line}\n`);

/**
 * Runs a command and resolves with its stdout; stderr (and stdout unless `quiet`) is streamed
 * to our stderr. Rejects on a non-zero exit.
 */
function run(command, args, { quiet = false, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const collect = (chunk) => {
      output += chunk.toString();
      if (!quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Exact versions the workspace has installed, so the consumer app matches what we test with. */
async function installedVersion(name) {
  return (await readJson(join(REPO_ROOT, 'node_modules', name, 'package.json'))).version;
}

/** The app a consumer would write: a meeting page using only the public API and stylesheet. */
function appFiles({ coreTarball, reactTarball, versions }) {
  return {
    'package.json': JSON.stringify(
      {
        name: 'mentara-consumer-app',
        private: true,
        version: '0.0.0',
        type: 'module',
        scripts: { build: 'vite build' },
        dependencies: {
          '@mentara/meetings': `file:${reactTarball}`,
          '@mentara/meetings-core': `file:${coreTarball}`,
          react: versions.react,
          'react-dom': versions['react-dom'],
        },
        devDependencies: { vite: versions.vite, '@vitejs/plugin-react': versions['@vitejs/plugin-react'] },
        // The React package depends on core by version; point that at the tarball too.
        overrides: { '@mentara/meetings-core': '$@mentara/meetings-core' },
      },
      null,
      2,
    ),
    'vite.config.js': [
      "import { defineConfig } from 'vite';",
      "import react from '@vitejs/plugin-react';",
      '',
      'export default defineConfig({ plugins: [react()] });',
      '',
    ].join('\n'),
    'index.html': [
      '<!doctype html>',
      '<html lang="en">',
      '  <head><meta charset="UTF-8" /><title>Consumer app</title></head>',
      '  <body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body>',
      '</html>',
      '',
    ].join('\n'),
    'src/main.jsx': [
      "import { StrictMode } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { App } from './App.jsx';",
      '',
      "createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);",
      '',
    ].join('\n'),
    'src/App.jsx': CONSUMER_APP_SOURCE,
  };
}

/**
 * The consumer's meeting page: reads `/meeting/:id`, asks the host app's server for a token
 * (the quickstart's demo endpoint stands in for a real backend), then renders the prefab.
 */
const CONSUMER_APP_SOURCE = `import { useEffect, useState } from 'react';
import { MeetingRoom } from '@mentara/meetings';
import '@mentara/meetings/styles.css';

const meetingId = decodeURIComponent(window.location.pathname.split('/').pop() ?? '');
const params = new URLSearchParams(window.location.search);
const displayName = params.get('name') ?? 'Guest';
// The quickstart's host link carries a key; whoever has it hosts (and lets the others in).
const hostKey = params.get('host');

export function App() {
  const [token, setToken] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    fetch('/api/demo/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hostKey ? { meetingId, displayName, hostKey } : { meetingId, displayName }),
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((session) => setToken(session.token))
      .catch((e) => setError(String(e)));
  }, []);

  if (error) return <p role="alert">{error}</p>;
  if (!token) return <p>Loading…</p>;
  return (
    <MeetingRoom
      serverUrl={window.location.origin}
      meetingId={meetingId}
      token={token}
      displayName={displayName}
      preJoin={false}
    />
  );
}
`;

/** Total raw and gzip sizes of the JS and CSS the app ships. */
async function bundleSize(distDir) {
  const assetsDir = join(distDir, 'assets');
  const sizes = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: [] };
  for (const name of await readdir(assetsDir)) {
    const content = await readFile(join(assetsDir, name));
    const gzip = gzipSync(content, { level: 9 }).length;
    if (name.endsWith('.js')) {
      sizes.js += content.length;
      sizes.jsGzip += gzip;
    } else if (name.endsWith('.css')) {
      sizes.css += content.length;
      sizes.cssGzip += gzip;
    }
    sizes.files.push({ name, bytes: content.length, gzip });
  }
  return sizes;
}

/**
 * Builds and packs the packages, scaffolds the consumer app in `workDir` and builds it.
 * Returns the app's dist folder and the bundle size.
 */
async function prepareConsumerApp(workDir) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  log('building @mentara/meetings-core and @mentara/meetings');
  await run(npm, ['run', 'build', ...PACKAGES.flatMap((name) => ['-w', name])], { cwd: REPO_ROOT });

  const tarballDir = join(workDir, 'tarballs');
  await mkdir(tarballDir, { recursive: true });
  log('packing');
  const packOutput = await run(
    npm,
    ['pack', '--json', '--pack-destination', tarballDir, ...PACKAGES.flatMap((name) => ['-w', name])],
    { cwd: REPO_ROOT, quiet: true },
  );
  const packed = JSON.parse(packOutput.slice(packOutput.indexOf('[')));
  const tarballOf = (name) => {
    const entry = packed.find((item) => item.name === name);
    if (!entry) throw new Error(`npm pack produced no tarball for ${name}`);
    return join(tarballDir, entry.filename);
  };

  const versions = {};
  for (const name of ['react', 'react-dom', 'vite', '@vitejs/plugin-react']) versions[name] = await installedVersion(name);

  const appDir = join(workDir, 'app');
  const files = appFiles({ coreTarball: tarballOf(PACKAGES[0]), reactTarball: tarballOf(PACKAGES[1]), versions });
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(join(appDir, relative, '..'), { recursive: true });
    await writeFile(join(appDir, relative), content);
  }

  log('installing from tarballs (npm cache, --prefer-offline)');
  await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: appDir });
  log('vite build (default config)');
  // NODE_ENV=production as `npm run build` would have it (a test runner's NODE_ENV=test would
  // make Vite ship React's development build).
  await run(process.execPath, [join(appDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production' },
  });

  const distDir = join(appDir, 'dist');
  return { appDir, distDir, tarballs: packed.map((item) => item.filename), versions, bundle: await bundleSize(distDir) };
}

/**
 * Serves `distDir` with the quickstart server (which hosts `/meetings` and the token endpoint)
 * and opens two Chromium pages on one meeting. Resolves with what each page saw.
 */
async function verifyConsumerApp(distDir) {
  const { tsImport } = await import('tsx/esm/api');
  const support = (file) => tsImport(join(REPO_ROOT, 'tests', 'support', file), import.meta.url);
  const { startQuickstart } = await support('quickstart.ts');
  const { launchChromium, collectPageErrors, waitForRemoteVideoFrame } = await support('chromium.ts');
  const { REMOTE_VIDEO_SELECTOR } = await support('meeting-page.ts');

  const server = await startQuickstart({ QUICKSTART_WEB_DIR: distDir });
  const browser = await launchChromium();
  try {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    if (!response.ok) throw new Error(`POST /api/meetings answered ${response.status}`);
    const { meetingId, hostUrl } = await response.json();
    const hostKey = new URL(hostUrl).searchParams.get('host');
    const pages = [];
    for (const name of ['Therapist', 'Client']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      // The therapist opens the host link; the client waits in the waiting room until let in.
      const host = name === 'Therapist' ? `&host=${encodeURIComponent(hostKey)}` : '';
      await page.goto(`${server.origin}/meeting/${encodeURIComponent(meetingId)}?name=${name}${host}`);
      pages.push({ name, page, errors });
    }
    await pages[0].page.getByRole('button', { name: 'Admit Client' }).click({ timeout: 30_000 });
    const frames = [];
    for (const { name, page, errors } of pages) {
      try {
        frames.push({ name, ...(await waitForRemoteVideoFrame(page, REMOTE_VIDEO_SELECTOR, 30_000)) });
      } catch (error) {
        throw new Error(`${name}: ${error.message}\n${errors.log.join('\n')}`);
      }
    }
    const pageErrors = pages.flatMap(({ name, errors }) => errors.pageErrors.map((e) => `${name}: ${e}`));
    // Errors the UI shows the person (e.g. ICE settings that failed to load) count too.
    const uiErrors = [];
    for (const { name, page } of pages) {
      for (const text of await page.locator('.mm-error').allTextContents()) uiErrors.push(`${name}: ${text}`);
    }
    return { meetingId, frames, pageErrors, uiErrors };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const started = Date.now();
  const workDir = await mkdtemp(join(tmpdir(), 'mentara-consumer-'));
  const summary = { ok: false, workDir };
  try {
    const prepared = await prepareConsumerApp(workDir);
    Object.assign(summary, { tarballs: prepared.tarballs, versions: prepared.versions, bundle: prepared.bundle });
    summary.prepareSeconds = (Date.now() - started) / 1000;
    log(
      `bundle: JS ${(prepared.bundle.js / 1024).toFixed(1)} KiB (${(prepared.bundle.jsGzip / 1024).toFixed(1)} KiB gzip), ` +
        `CSS ${(prepared.bundle.css / 1024).toFixed(1)} KiB (${(prepared.bundle.cssGzip / 1024).toFixed(1)} KiB gzip)`,
    );
    if (!args.has('--skip-browser')) {
      const verified = await verifyConsumerApp(prepared.distDir);
      Object.assign(summary, verified);
      const problems = [...verified.pageErrors, ...verified.uiErrors];
      if (problems.length > 0) throw new Error(`errors in the pages:\n${problems.join('\n')}`);
    }
    summary.ok = true;
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
    log(`FAILED: ${summary.error}`);
  } finally {
    summary.seconds = (Date.now() - started) / 1000;
    if (!args.has('--keep')) await rm(workDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exitCode = summary.ok ? 0 : 1;
}

await main();
