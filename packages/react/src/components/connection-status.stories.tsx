import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ConnectionQuality } from '@mentara/meetings-core';
import { expect, waitFor, within } from 'storybook/test';
import { Meeting, type StoryScenario } from '../stories/scenarios';
import { useParticipantIds } from '../hooks/use-participants';
import { ConnectionStatus } from './connection-status';
import { ConnectionQualityIndicator } from './connection-quality-indicator';
import { MeetingErrorMessage } from './meeting-error-message';
import { StartAudioButton } from './start-audio-button';

/** One scenario per connection state, in lifecycle order. */
const STATES: StoryScenario[] = [
  { joined: false },
  { connection: 'connecting' },
  {},
  { connection: 'reconnecting' },
  { connection: 'disconnected' },
  { connection: 'failed' },
];
const QUALITIES: ConnectionQuality[] = ['unknown', 'good', 'fair', 'poor', 'lost'];

const meta = {
  title: 'Components/Status',
  component: ConnectionStatus,
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `<ConnectionStatus>` in every connection state. */
export const ConnectionStates: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      {STATES.map((scenario, i) => (
        <Meeting key={i} scenario={scenario}>
          <ConnectionStatus />
        </Meeting>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const texts = () => within(canvasElement).getAllByRole('status').map((s) => s.textContent);
    await waitFor(() => expect(texts()).toEqual(['Not connected', 'Connecting…', 'Connected', 'Reconnecting…', 'Disconnected', 'Connection failed']));
  },
};

export const ReconnectingToast: Story = {
  render: () => (
    <Meeting scenario={{ connection: 'reconnecting' }}>
      <ConnectionStatus variant="toast" />
    </Meeting>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Reconnecting…');
  },
};

export const Connecting: Story = {
  render: () => (
    <Meeting scenario={{ connection: 'connecting', joined: false }}>
      <ConnectionStatus />
    </Meeting>
  ),
};

/** `<ConnectionQualityIndicator>` for each quality. */
export const Quality: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 16 }}>
      {QUALITIES.map((quality) => (
        <Meeting key={quality} scenario={{ people: [{ name: 'Therapist', quality }] }}>
          <QualityOfFirst />
        </Meeting>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Poor connection' })).toHaveAttribute('data-state', 'poor');
  },
};

function QualityOfFirst() {
  const id = useParticipantIds()[1];
  return id ? <ConnectionQualityIndicator participantId={id} /> : null;
}

export const PermissionDeniedError: Story = {
  render: () => (
    <Meeting scenario={{ error: 'permission-denied' }}>
      <MeetingErrorMessage />
    </Meeting>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/Allow camera and microphone/);
  },
};

export const AutoplayBlocked: Story = {
  render: () => (
    <Meeting scenario={{ audioBlocked: true }}>
      <StartAudioButton />
    </Meeting>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Turn on sound' })).toBeVisible();
  },
};
