import { defineConfig } from 'vitest/config';

// Tests run against source: the `@mentara/source` export condition points every workspace
// package at its `src/` entry, so no build is needed before `vitest`. Node-environment tests
// resolve workspace packages through the SSR resolver, so it gets the condition too.
const conditions = ['@mentara/source'];
const fromSource = { resolve: { conditions }, ssr: { resolve: { conditions, externalConditions: conditions } } };

export default defineConfig({
  ...fromSource,
  test: {
    projects: [
      {
        ...fromSource,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        ...fromSource,
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server-adapter/src/**/*.test.ts'],
          // The Redis store and adapter need a redis-server: they run in `multinode`.
          exclude: ['packages/server-adapter/src/redis/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        ...fromSource,
        test: {
          // Several server node processes per test against a real redis-server: one file at a time.
          name: 'multinode',
          environment: 'node',
          include: ['tests/multinode/**/*.test.ts', 'packages/server-adapter/src/redis/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { conditions },
        test: {
          name: 'react',
          environment: 'happy-dom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // Test tooling itself (the link shaper): real UDP/TCP on loopback.
          name: 'support',
          environment: 'node',
          include: ['tests/support/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { conditions },
        test: {
          name: 'workspace',
          environment: 'node',
          include: ['tests/workspace/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        ...fromSource,
        test: {
          // Real Chromium against the quickstart server. Run inside the loopback-only namespace:
          // `bash scripts/netns-run.sh npx vitest run --project e2e`
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
