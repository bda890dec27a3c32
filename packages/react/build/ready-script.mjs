// The ready script, `dist/mentara-meeting.js`: `<mentara-meeting>` with React, React DOM, the
// SDK and its styles in one self-registering ES module, for pages with no build step
// (`<script type="module" src="…/mentara-meeting.js">`). It makes no other request.
//
// Built from source (core too, with the same simple-peer shims as core's own build), so it does
// not depend on the other packages having been built first.
import { build } from 'esbuild';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplePeerAliases } from '../../core/build/simple-peer-aliases.mjs';
import { rawTextPlugin } from './raw-text-plugin.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Background blur and noise suppression need the app to serve their model and wasm files
 * (`effectsUrl`), which a page using the ready script does not: `<mentara-meeting>` offers no
 * effects, so the effects entry is left out of the file. Should anything still import it, the
 * import fails with this message (the room then shows the effect as unavailable).
 */
const effectsLeftOut = {
  name: 'effects-left-out',
  setup(b) {
    b.onResolve({ filter: /^@mentara\/meetings-core\/effects$/ }, () => ({ path: 'effects', namespace: 'effects-left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'effects-left-out' }, () => ({
      contents:
        "throw new Error('Background effects and noise suppression are not part of the <mentara-meeting> ready script: use @mentara/meetings with effectsUrl in an app that serves the effect assets.');",
      loader: 'js',
    }));
  },
};

/** Where the ready script is written. */
export const READY_SCRIPT_PATH = join(packageDir, 'dist', 'mentara-meeting.js');

/** Source folders the ready script is made from (for staleness checks). */
export const READY_SCRIPT_SOURCES = [join(packageDir, 'src'), join(packageDir, '../core/src')];

/**
 * Bundles the ready script into `outfile` (default {@link READY_SCRIPT_PATH}); minified,
 * production React, licences kept at the end.
 */
export async function buildReadyScript(outfile = READY_SCRIPT_PATH) {
  await build({
    entryPoints: [join(packageDir, 'src/element/ready.ts')],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@mentara/source', 'module', 'browser', 'import', 'default'],
    alias: simplePeerAliases,
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'eof',
    plugins: [rawTextPlugin, effectsLeftOut],
    logLevel: 'warning',
  });
  return outfile;
}

/** Newest modification time (ms) under `path`, tests and stories left out; 0 when missing. */
async function newestMtime(path) {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (/\.(test|stories)\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Builds the ready script when it is missing or older than its sources; resolves with whether it built. */
export async function ensureReadyScript() {
  const built = await newestMtime(READY_SCRIPT_PATH);
  const sources = await Promise.all(READY_SCRIPT_SOURCES.map(newestMtime));
  if (built > 0 && sources.every((mtime) => mtime <= built)) return false;
  await buildReadyScript();
  return true;
}
