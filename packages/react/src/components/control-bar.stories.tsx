import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { ControlBar } from './control-bar';
import { MediaToggleButton } from './media-toggle-button';
import { LeaveButton } from './leave-button';

interface Args {
  scenario: StoryScenario;
  onLeave: () => void;
}

const meta = {
  title: 'Components/ControlBar',
  render: ({ scenario, onLeave }) => (
    <Meeting scenario={scenario}>
      <ControlBar onLeave={onLeave} controls={{ screen: true }} />
    </Meeting>
  ),
  args: { scenario: {}, onLeave: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const mic = await canvas.findByRole('button', { name: 'Mute' });
    await waitFor(() => expect(mic).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(mic);
    await waitFor(() => expect(mic).toHaveAttribute('aria-pressed', 'false'));
    // The label now says what pressing it will do.
    await expect(mic).toHaveAccessibleName('Unmute');
    await userEvent.click(canvas.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(args.onLeave).toHaveBeenCalled());
  },
};

export const MutedAndCameraOff: Story = {
  args: { scenario: { camera: false, microphone: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Start camera' })).toHaveAttribute('data-state', 'off');
    await expect(canvas.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'false');
  },
};

export const ScreenSharing: Story = {
  args: { scenario: { sharing: true } },
  play: async ({ canvasElement }) => {
    const share = await within(canvasElement).findByRole('button', { name: 'Stop sharing' });
    await waitFor(() => expect(share).toHaveAttribute('aria-pressed', 'true'));
  },
};

export const CameraPending: Story = {
  args: { scenario: { camera: false, cameraPending: true } },
  play: async ({ canvasElement }) => {
    const camera = await within(canvasElement).findByRole('button', { name: 'Start camera' });
    await waitFor(() => expect(camera).toBeDisabled());
    await expect(camera).toHaveAttribute('data-pending', 'true');
  },
};

export const AutoplayBlocked: Story = {
  args: { scenario: { audioBlocked: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Turn on sound' }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Turn on sound' })).toBeNull());
  },
};

/** Each toggle on its own, and the leave button. */
export const Buttons: Story = {
  render: ({ scenario }) => (
    <Meeting scenario={scenario}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <MediaToggleButton source="camera" />
        <MediaToggleButton source="microphone" />
        <MediaToggleButton source="screen" />
        <MediaToggleButton source="microphone" showLabel={false} />
        <LeaveButton />
      </div>
    </Meeting>
  ),
  args: { scenario: { microphone: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const camera = await canvas.findByRole('button', { name: 'Stop camera' });
    await waitFor(() => expect(camera).toHaveAttribute('aria-pressed', 'true'));
    camera.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(camera).toHaveAttribute('aria-pressed', 'false'));
    await expect(camera).toHaveAccessibleName('Start camera');
    // The icon-only button keeps its name for screen readers.
    await expect(canvas.getAllByRole('button', { name: 'Unmute' })).toHaveLength(2);
  },
};

export const PermissionDenied: Story = {
  args: { scenario: { camera: false, mediaFailure: 'permission-denied' } },
  play: async ({ canvasElement }) => {
    const camera = await within(canvasElement).findByRole('button', { name: 'Start camera' });
    await userEvent.click(camera);
    await waitFor(() => expect(camera).toHaveAttribute('data-error', 'true'));
    await expect(camera).toHaveAttribute('aria-pressed', 'false');
  },
};
