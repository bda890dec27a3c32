import { defineConfig } from 'tsup';
import { simplePeerAliases } from './build/simple-peer-aliases.mjs';

/**
 * ESM + CJS + d.ts for the entries. `effects` is the lazily imported browser entry of the
 * background and noise processors; `effects-assets` and `effect-assets-cli` are Node-only
 * (copying the effect files into an app), so `node:` built-ins stay external.
 * simple-peer is bundled from source with its Node-only dependencies (streams, Buffer, debug, randombytes) replaced by small shims
 * (`build/*-shim.cjs`), so Vite/Next.js apps need no polyfills. socket.io-client, zustand and
 * zod stay normal dependencies. `platform: 'browser'` keeps `events` etc. out of Node built-ins.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    protocol: 'src/protocol/index.ts',
    testing: 'src/testing/index.ts',
    precall: 'src/precall/index.ts',
    effects: 'src/effects/index.ts',
    'effects-assets': 'src/effects/assets/index.ts',
    'effect-assets-cli': 'src/effects/assets/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  platform: 'browser',
  target: 'es2020',
  outDir: 'dist',
  external: ['socket.io-client', 'zustand', 'zod', /^node:/],
  noExternal: ['simple-peer'],
  esbuildOptions(options) {
    options.alias = { ...options.alias, ...simplePeerAliases };
    options.conditions = ['module', 'browser', 'import', 'default'];
    // The assets helper finds its packages from import.meta.url (ESM) or __filename (CJS).
    options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
  },
});
