import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { AudioOnlyToggle } from './audio-only-toggle';

const meta = {
  title: 'Components/AudioOnlyToggle',
  render: ({ scenario, showLabel }) => (
    <Meeting scenario={scenario}>
      <AudioOnlyToggle showLabel={showLabel} />
    </Meeting>
  ),
  args: { scenario: { people: [{ name: 'Therapist' }] }, showLabel: true },
} satisfies Meta<{ scenario: StoryScenario; showLabel: boolean }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Video is sent; pressing switches to audio only, pressing again turns video back on. */
export const SendingVideo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: 'Switch to audio only' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Turn video back on' })).toHaveAttribute('data-state', 'on'));
    await userEvent.click(canvas.getByRole('button', { name: 'Turn video back on' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Switch to audio only' })).toHaveAttribute('aria-pressed', 'false'));
  },
};

/** Audio only chosen: the button says how to undo it. */
export const AudioOnlyByChoice: Story = {
  args: { scenario: { people: [{ name: 'Therapist' }], audioOnly: true } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Turn video back on' })).toHaveAttribute('aria-pressed', 'true'));
  },
};

/** Icon only (a narrow control bar): the label stays the button's name. */
export const IconOnly: Story = {
  args: { showLabel: false },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Switch to audio only' })).toBeVisible();
  },
};
