// The ready script, `dist/mentara-meeting.js`: `<mentara-meeting>` with React, React DOM, the
// SDK and its styles in one self-registering ES module, for pages with no build step
// (`<script type="module" src="…/mentara-meeting.js">`). It makes no other request.
//
// Built from source (core too, with the same simple-peer shims as core's own build), so it does
// not depend on the other packages having been built first.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplePeerAliases } from '../../core/build/simple-peer-aliases.mjs';
import { rawTextPlugin } from './raw-text-plugin.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

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
    plugins: [rawTextPlugin],
    logLevel: 'warning',
  });
  return outfile;
}
