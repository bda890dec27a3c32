import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { simplePeerAliases } from '../../packages/core/build/simple-peer-aliases.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the quickstart web app into `dist/`. Workspace packages resolve through their
 * `@mentara/source` export condition, so the app compiles the SDK from source and no package
 * build is needed first. Compiling core from source also needs the aliases its own package
 * build applies to simple-peer's Node-only dependencies. Nothing else: no Node polyfills, no
 * `define`. (Apps that install the published packages need none of this — see
 * `scripts/consumer-check.mjs`.)
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    conditions: ['@mentara/source', ...defaultClientConditions],
    alias: simplePeerAliases,
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
