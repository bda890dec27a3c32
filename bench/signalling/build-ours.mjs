/**
 * Bundles our bench server from source the way the published package is built (esbuild, as tsup
 * does; no name-keeping helpers, no on-the-fly transpiler in the process), so the bench measures
 * what users run. Dependencies stay external and load from node_modules. Output: .tmp/bench/.
 */
import { build } from 'esbuild';
import { REPO_ROOT } from './processes.mjs';

/** Builds `ours-server.ts` into `.tmp/bench/ours-server.mjs` (or `outfile`); resolves with its path. */
export async function buildOursServer(outfile = `${REPO_ROOT}.tmp/bench/ours-server.mjs`) {
  await build({
    entryPoints: [`${REPO_ROOT}bench/signalling/ours-server.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@mentara/source'],
    sourcemap: 'linked',
    logLevel: 'warning',
    external: ['socket.io', 'socket.io-adapter', 'engine.io', 'jose', 'zod', 'redis', 'prom-client', '@socket.io/*'],
  });
  return outfile;
}

// `node bench/signalling/build-ours.mjs <out.mjs>`: a build kept for a later `*-before` variant.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildOursServer(process.argv[2]));
