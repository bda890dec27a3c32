import type { Preview } from '@storybook/react-vite';
import '../packages/react/src/styles.css';

/** Wraps every story in `.mm-root` with the theme from the toolbar. */
const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
  decorators: [
    (Story, context) => (
      <div className="mm-root" data-theme={context.globals.theme as string} style={{ minHeight: '100vh', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
