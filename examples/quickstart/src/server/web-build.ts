import { readdir, stat } from 'node:fs/promises';
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
 * `force`). Returns whether it built.
 */
export async function ensureWebBuild(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  if (!options.force && !(await isWebBuildStale())) return false;
  options.log?.('Building the web app (vite build)…');
  const { build } = await import('vite');
  await build({ root: QUICKSTART_ROOT, configFile: join(QUICKSTART_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
