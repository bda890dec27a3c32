import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Meeting, people } from '../stories/scenarios';
import { useMeetingClient } from '../context/meeting-context';
import type { SimulatedClient } from '@mentara/meetings-core/testing';
import { LiveAnnouncer } from './live-announcer';

/** Buttons that script the meeting, so the announcements can be heard (or read below). */
function Script() {
  const { simulate, getSnapshot } = useMeetingClient() as SimulatedClient;
  const first = () => getSnapshot().remoteParticipants[0];
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <button type="button" className="mm-button" onClick={() => simulate.participantJoins({ displayName: 'Visitor' })}>
        Someone joins
      </button>
      <button type="button" className="mm-button" onClick={() => first() && simulate.receiveChat(first()!.id, 'Hello there')}>
        Someone writes
      </button>
      <button type="button" className="mm-button" onClick={() => first() && simulate.participantLeaves(first()!.id)}>
        Someone leaves
      </button>
    </div>
  );
}

const meta = {
  title: 'Components/LiveAnnouncer',
  component: LiveAnnouncer,
  render: () => (
    <Meeting scenario={{ people: people(1) }}>
      <Script />
      <LiveAnnouncer data-testid="announcer" />
    </Meeting>
  ),
} satisfies Meta<typeof LiveAnnouncer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const JoinsLeavesAndChat: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByTestId('announcer');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await userEvent.click(canvas.getByRole('button', { name: 'Someone writes' }));
    await waitFor(() => expect(region).toHaveTextContent('Therapist: Hello there'));
    await userEvent.click(canvas.getByRole('button', { name: 'Someone leaves' }));
    await waitFor(() => expect(region).toHaveTextContent('Therapist left'));
    await userEvent.click(canvas.getByRole('button', { name: 'Someone joins' }));
    await waitFor(() => expect(region).toHaveTextContent('Visitor joined'));
  },
};
