import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Folder of the quickstart package (holds `index.html`, `vite.config.ts`, `dist/`). */
export const QUICKSTART_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where `vite build` writes the web app. */
export const WEB_DIST_DIR = join(QUICKSTART_ROOT, 'dist');

/** Sources the web build depends on: the app itself and the SDK packages it compiles from source. */
const BUILD_INPUTS = [
  join(QUICKSTART_ROOT, 'index.html'),
  join(QUICKSTART_ROOT, 'vite.config.ts'),
  join(QUICKSTART_ROOT, 'src', 'web'),
  join(QUICKSTART_ROOT, '..', '..', 'packages', 'core', 'src'),
  join(QUICKSTART_ROOT, '..', '..', 'packages', 'react', 'src'),
];

/** Newest modification time (ms) under `path`, skipping tests; 0 when it does not exist. */
async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || /\.(test|stories)\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Whether `dist/index.html` is missing or older than any build input. */
export async function isWebBuildStale(): Promise<boolean> {
  const built = await newestMtime(join(WEB_DIST_DIR, 'index.html'));
  if (built === 0) return true;
  const inputs = await Promise.all(BUILD_INPUTS.map(newestMtime));
  return inputs.some((mtime) => mtime > built);
}

/**
 * Runs `vite build` for the web app when its output is missing or stale (or always, with
 * `force`). Returns whether it built. The build runs in a child process with
 * `NODE_ENV=production`, so callers with another NODE_ENV (a test runner sets `test`) still get
 * React's production build.
 */
export async function ensureWebBuild(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  if (!options.force && !(await isWebBuildStale())) return false;
  options.log?.('Building the web app (vite build)…');
  const viteBin = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
      cwd: QUICKSTART_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  return true;
}
