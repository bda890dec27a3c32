import { defineConfig } from 'vitest/config';

// Tests run against source: the `@mentara/source` export condition points every workspace
// package at its `src/` entry, so no build is needed before `vitest`.
const resolve = { conditions: ['@mentara/source'] };

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: ['@mentara/source'], externalConditions: ['@mentara/source'] } },
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server-adapter/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: 'react',
          environment: 'happy-dom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
