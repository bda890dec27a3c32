import { defineConfig } from 'tsup';

export default defineConfig({
  // The CLI keeps its `#!/usr/bin/env node` line (esbuild preserves an entry's hashbang).
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // Core, Socket.IO, jose and prom-client are dependencies / peers: never bundled.
  external: ['@mentara/meetings-core', 'socket.io', 'jose', 'prom-client'],
});
