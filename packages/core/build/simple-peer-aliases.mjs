// How the published bundles include simple-peer: from its source, with its Node-only
// dependencies replaced by the small browser-safe shims next to this file. Shared by
// tsup.config.ts and scripts/size-budget.mjs so the measured bundle is the shipped one.
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** esbuild `alias` map for the simple-peer dependency tree. */
export const simplePeerAliases = {
  'readable-stream': here('./readable-stream-shim.cjs'),
  buffer: here('./buffer-shim.cjs'),
  randombytes: here('./randombytes-shim.cjs'),
  debug: here('./debug-shim.cjs'),
  'queue-microtask': here('./queue-microtask-shim.cjs'),
};
