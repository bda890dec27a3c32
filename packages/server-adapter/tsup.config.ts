import { defineConfig } from 'tsup';

export default defineConfig({
  // The CLI keeps its `#!/usr/bin/env node` line (esbuild preserves an entry's hashbang).
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', redis: 'src/redis/index.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', redis: 'src/redis/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // Core, zod, Socket.IO (and its engine and adapter base), jose, prom-client and redis are dependencies / peers: never bundled.
  external: ['@mentara/meetings-core', 'zod', 'socket.io', 'socket.io-adapter', 'engine.io', 'jose', 'prom-client', 'redis'],
});
