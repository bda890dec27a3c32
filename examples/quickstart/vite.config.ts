import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the quickstart web app into `dist/`. Workspace packages resolve through their
 * `@mentara/source` export condition, so the app compiles the SDK from source: no package build
 * is needed first. Nothing else is configured: no Node polyfills, no `define` — the SDK must work
 * in a default Vite app.
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: { conditions: ['@mentara/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
});
