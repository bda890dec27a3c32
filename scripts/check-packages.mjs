#!/usr/bin/env node
/**
 * Publish-readiness of the three packages, checked on the tarballs npm would publish:
 *
 *   npm run build && node scripts/check-packages.mjs
 *
 * - publint (`--strict`: warnings fail too): package.json fields, exports, formats, files.
 * - Are the Types Wrong (`attw`): types and JavaScript resolve alike for `import` and `require`
 *   under node16 and bundler resolution, for every entry (`--profile node16`). The old `node10`
 *   resolution ignores `exports`, so it cannot see subpaths (`/protocol`, `/testing`, `/redis`):
 *   it is checked for each package's root entry only (a second run, `--entrypoints .`, strict).
 *   `./styles.css` is a stylesheet and `./mentara-meeting.js` the element's ready script for a plain
 *   `<script type="module">` (a browser file with no API to type): both left out of attw.
 * - The server's `mentara-meetings-server` bin, unpacked from its tarball (so without `src/`),
 *   loads the built CLI and prints its help (its dependencies resolve from this workspace).
 *
 * Exits 1 when any check fails. Needs `npm run build` first (packs `dist/` as it is).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['@mentara/meetings-core', '@mentara/meetings', '@mentara/meetings-server'];
const bin = (name) => join(REPO_ROOT, 'node_modules', '.bin', name);

const checks = [
  { name: 'publint --strict', argv: (tarball) => [bin('publint'), 'run', tarball, '--strict'] },
  {
    name: 'attw, node16 + bundler, every entry',
    argv: (tarball) => [bin('attw'), tarball, '--profile', 'node16', '--exclude-entrypoints', './styles.css', './mentara-meeting.js', '--format', 'table-flipped', '--no-emoji'],
  },
  {
    name: 'attw, every resolution incl. node10, root entry',
    argv: (tarball) => [bin('attw'), tarball, '--entrypoints', '.', '--format', 'table-flipped', '--no-emoji'],
  },
];

/** Runs a command; resolves with its exit status and combined output. */
function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ ok: false, output: String(error) }));
    child.once('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** Maps `items` through `task` with at most `size` running at once, keeping the order. */
async function pool(items, size, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

/**
 * Unpacks the server tarball under the repository (its dependencies then resolve from our
 * node_modules, core to the built workspace package) and runs the published bin with `--help`.
 */
async function checkServerBin(tarball) {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, '.tmp', 'packed-server-'));
  try {
    const untar = await run(['tar', 'xzf', tarball, '-C', dir]);
    if (!untar.ok) return untar;
    const help = await run([process.execPath, join(dir, 'package', 'bin', 'mentara-meetings-server.js'), '--help']);
    const ok = help.ok && help.output.includes('Usage: mentara-meetings-server');
    return { ok, output: help.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'mentara-pack-'));
let failures = 0;
try {
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', workDir, ...PACKAGES.flatMap((name) => ['-w', name])], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')));
  const jobs = packed.flatMap(({ name, filename }) => checks.map((check) => ({ name, check, argv: check.argv(join(workDir, filename)) })));
  // attw loads TypeScript for each run (~5 s): two at a time, one per core.
  const results = await pool(jobs, 2, async (job) => ({ ...job, ...(await run(job.argv)) }));
  const server = packed.find((entry) => entry.name === '@mentara/meetings-server');
  results.push({ name: server.name, check: { name: 'bin from the tarball runs dist/cli.js' }, ...(await checkServerBin(join(workDir, server.filename))) });
  for (const { name, check, ok, output } of results) {
    if (!ok) failures += 1;
    console.log(`${ok ? '✓' : '✗'} ${name}: ${check.name}`);
    // The full report only when something is wrong: a passing table is noise in the log.
    if (!ok) console.log(output);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (failures) console.log(`\n${failures} package check(s) failed. Fix the package.json / tsup config they name, then: npm run build && node scripts/check-packages.mjs`);
process.exitCode = failures ? 1 : 0;
