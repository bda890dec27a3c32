import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { rawTextPlugin } from './build/raw-text-plugin.mjs';
import { buildReadyScript } from './build/ready-script.mjs';

export default defineConfig({
  // `element`: <mentara-meeting>, importing <MeetingRoom/> from the main entry by the package's
  // own name, so an app using both loads the components once.
  entry: { index: 'src/index.ts', element: 'src/element/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Core and use-sync-external-store are dependencies, React a peer: never bundled.
  external: ['@mentara/meetings', '@mentara/meetings-core', 'react', 'react-dom', 'react/jsx-runtime', 'zustand', 'use-sync-external-store'],
  esbuildPlugins: [rawTextPlugin],
  // esbuild keeps the entry's 'use client' directive at the top of both outputs (checked by
  // `scripts/check-dist.mjs`); no banner, which would duplicate it.
  async onSuccess() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles.css', 'dist/styles.css');
    await buildReadyScript();
  },
});
