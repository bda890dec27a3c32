import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

/**
 * Storybook for `@mentara/meetings`: every component in every state that matters, driven by the
 * core testing kit's simulated client (no server). Set `STORYBOOK_LIVE_URL` to a quickstart server
 * to enable the live story.
 */
const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Resolve workspace packages to their sources, as the tests do.
      resolve: { conditions: ['@mentara/source', ...defaultClientConditions] },
    });
  },
};

export default config;
