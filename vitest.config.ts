import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against source: the `@mentara/source` export condition points every workspace
// package at its `src/` entry, so no build is needed before `vitest`. Node-environment tests
// resolve workspace packages through the SSR resolver, so it gets the condition too.
const conditions = ['@mentara/source'];
const fromSource = { resolve: { conditions }, ssr: { resolve: { conditions, externalConditions: conditions } } };

// The React package allows React 18 as a peer, so its suite also runs on React 18, installed
// apart in tests/react18 (`npm ci --prefix tests/react18`; npm test does it). Every import of
// React and of Testing Library (which then finds React 18 beside itself) goes there;
// tests/react18/react18.test.tsx proves it.
const react18 = fileURLToPath(new URL('tests/react18/node_modules/', import.meta.url));
const react18Aliases = [
  { find: /^(react|react-dom)(\/.*)?$/, replacement: `${react18}$1$2` },
  { find: /^@testing-library\/(react|dom|user-event)$/, replacement: `${react18}@testing-library/$1` },
  // Its own copy, whose require('react') finds React 18 beside it (one React, never 19 as well).
  { find: /^use-sync-external-store(\/.*)?$/, replacement: `${react18}use-sync-external-store$1` },
];
const reactTests = ['packages/react/src/**/*.test.{ts,tsx}'];
// Vitest empties every CSS import unless told otherwise; the element reads styles.css as text
// (`styles.css?raw`) for its shadow root, so that one file keeps its content.
const reactCss = { include: [/packages\/react\/src\/styles\.css/] };

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
          include: reactTests,
          css: reactCss,
          testTimeout: 20_000,
        },
      },
      {
        resolve: { conditions, alias: react18Aliases },
        test: {
          name: 'react18',
          environment: 'happy-dom',
          include: [...reactTests, 'tests/react18/**/*.test.tsx'],
          css: reactCss,
          exclude: ['**/node_modules/**'],
          // Skips the few tests that cannot pass on React 18, each with its reason.
          setupFiles: ['tests/react18/setup.ts'],
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
          include: ['tests/workspace/**/*.test.ts', 'scripts/**/*.test.mjs'],
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
