import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { simplePeerAliases } from '../packages/core/build/simple-peer-aliases.mjs';

/**
 * Storybook for `@mentara/meetings`: every component in every state that matters, driven by the
 * scripted client (no server). `STORYBOOK_LIVE_URL=http://127.0.0.1:3000 npm run storybook` enables
 * the live story against a running quickstart server.
 */
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  async viteFinal(viteConfig) {
    const live = process.env.STORYBOOK_LIVE_URL;
    return mergeConfig(viteConfig, {
      // Resolve workspace packages to their sources, as the tests do; compiling core from source
      // needs the browser shims its package build applies to simple-peer's dependencies.
      resolve: { conditions: ['@mentara/source', ...defaultClientConditions], alias: simplePeerAliases },
      // The live story calls the quickstart's HTTP API through the dev server (same origin, no CORS).
      server: live ? { proxy: { '/api': { target: live, changeOrigin: true } } } : {},
    });
  },
};

export default config;
