#!/usr/bin/env node
/**
 * The Debian packages the test suites run (real browsers, TURN, Redis, the loopback-only
 * network namespace, synthetic speech). `npm test` calls this first:
 *
 *   node scripts/ensure-system-deps.mjs          # check; install what is missing when root with apt
 *   node scripts/ensure-system-deps.mjs --check  # check only, never install
 *
 * All present: prints nothing, exits 0. Some missing, and we are root with apt-get: says what it
 * installs, runs one `apt-get update` and one `apt-get install` of just the missing packages.
 * Otherwise: exits 1 at once with the exact command to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Each Debian package and the file the tests use from it: an absolute path where the tests
 * start that exact file, otherwise a command looked up on PATH.
 */
export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', provides: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { pkg: 'firefox-esr', provides: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
  { pkg: 'coturn', provides: process.env.TURNSERVER_PATH ?? '/usr/bin/turnserver' },
  { pkg: 'redis-server', provides: 'redis-server' },
  { pkg: 'iproute2', provides: 'ip' },
  { pkg: 'util-linux', provides: 'unshare' },
  { pkg: 'espeak-ng', provides: 'espeak-ng' },
  { pkg: 'sox', provides: 'sox' },
];

/** True when `file` (absolute) or a command of that name on PATH is executable. */
export function isAvailable(file, path = process.env.PATH ?? '') {
  const candidates = file.startsWith('/') ? [file] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, file));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * What to do about the missing packages — the decision alone, no side effects:
 * `{ action: 'none' }`, `{ action: 'install', commands }` (root with apt-get, not `checkOnly`),
 * or `{ action: 'stop', message }` with the command the user must run.
 *
 * @param {{ missing: string[], isRoot: boolean, hasApt: boolean, checkOnly?: boolean }} situation
 */
export function planSystemDeps({ missing, isRoot, hasApt, checkOnly = false }) {
  if (missing.length === 0) return { action: 'none' };
  if (isRoot && hasApt && !checkOnly) {
    return { action: 'install', commands: [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', ...missing]] };
  }
  const sudo = isRoot ? '' : 'sudo ';
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}`;
  const why = !hasApt
    ? 'apt-get is not available here: install these Debian packages (or your system\'s equivalents)'
    : isRoot
      ? 'install them with'
      : 'installing them needs root; run';
  return { action: 'stop', message: `The tests need Debian packages that are missing: ${missing.join(', ')}.\n${why}:\n\n  ${command}\n` };
}

/** Checks this machine and acts on the plan. Returns the exit code (0: everything is there). */
export function ensureSystemDeps({ checkOnly = false, log = (line) => console.log(line) } = {}) {
  const missing = SYSTEM_PACKAGES.filter(({ provides }) => !isAvailable(provides)).map(({ pkg }) => pkg);
  const plan = planSystemDeps({
    missing,
    isRoot: process.getuid?.() === 0,
    hasApt: isAvailable('apt-get'),
    checkOnly,
  });
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    process.stderr.write(plan.message);
    return 1;
  }
  log(`Installing the Debian packages the tests need: ${missing.join(', ')}`);
  for (const [command, ...args] of plan.commands) {
    log(`$ ${[command, ...args].join(' ')}`);
    // Recommended packages stay on: the suites were verified with them (fonts, codecs).
    const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      process.stderr.write(`${command} ${args.join(' ')} failed (exit ${run.status ?? run.signal})\n`);
      return 1;
    }
  }
  const stillMissing = SYSTEM_PACKAGES.filter(({ provides }) => !isAvailable(provides));
  if (stillMissing.length) {
    process.stderr.write(`Still missing after the install: ${stillMissing.map((p) => `${p.provides} (${p.pkg})`).join(', ')}\n`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = ensureSystemDeps({ checkOnly: process.argv.includes('--check') });
}
