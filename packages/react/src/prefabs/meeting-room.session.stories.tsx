import { useEffect, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { sessionClient, type SessionScenario } from '../stories/session-scenarios';
import { MeetingRoom, type MeetingRoomProps } from './meeting-room';

interface Args extends Omit<MeetingRoomProps, 'client' | 'meetingId'> {
  scenario: SessionScenario;
}

/** The room around a simulated session client, with what the other side does as buttons under it. */
function SessionRoom({ scenario, ...props }: Args) {
  const [client] = useState(() => sessionClient(scenario));
  useEffect(() => () => void setTimeout(() => client.destroy(), 0), [client]);
  const host = scenario.role === 'host';
  return (
    <div style={{ height: 'calc(100vh - 72px)' }}>
      <MeetingRoom meetingId="session-42" client={client} {...props} />
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        {host ? (
          <button type="button" className="mm-button" onClick={() => client.simulate.knock('Caregiver')}>
            Someone else knocks
          </button>
        ) : (
          <button type="button" className="mm-button" onClick={() => client.simulate.admit()}>
            Host lets you in
          </button>
        )}
      </div>
    </div>
  );
}

const host: SessionScenario = {
  role: 'host',
  people: [],
  waiting: ['Client'],
  startedMinutesAgo: 2,
  endsInMinutes: 48,
};
const client: SessionScenario = { waitingRoom: true, people: [{ name: 'Therapist', role: 'host' }], startsInMinutes: 2, endsInMinutes: 52 };

const meta = {
  title: 'Prefabs/MeetingRoom/Session',
  render: (args, context) => <SessionRoom {...args} theme={args.theme ?? (context.globals.theme as 'light' | 'dark')} />,
  args: { scenario: host, preJoin: false, onLeave: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The therapist is in; the client knocks: a prompt in the header with Admit and Deny. */
export const HostWithSomeoneWaiting: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const prompt = await canvas.findByRole('region', { name: 'Waiting to join' });
    await expect(within(prompt).getByText('Client is waiting')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Lock session' })).toBeVisible();
    // The People panel lists them too; with it open the header prompt steps aside.
    await userEvent.click(canvas.getByRole('button', { name: 'People' }));
    const panel = await canvas.findByRole('region', { name: 'People' });
    await waitFor(() => expect(canvas.queryAllByRole('region', { name: 'Waiting to join' })).toHaveLength(0));
    await userEvent.click(within(panel).getByRole('button', { name: 'Admit Client' }));
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Admit Client' })).toBeNull());
  },
};

export const HostWithSomeoneWaitingDark: Story = { ...HostWithSomeoneWaiting, args: { theme: 'dark' } };

/** A host's Leave offers ending the session for everyone, asked once more. */
export const HostLeaves: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Leave' }));
    const ask = await canvas.findByRole('dialog', { name: 'Leave the meeting?' });
    await expect(within(ask).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await userEvent.click(within(ask).getByRole('button', { name: 'End session for everyone' }));
    await expect(await canvas.findByRole('alertdialog', { name: 'End the session for everyone?' })).toBeVisible();
  },
};

/** The client is in the waiting room: their own preview and devices, and nothing of the call. */
export const WaitingClient: Story = {
  args: { scenario: client },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Your host will let you in soon' })).toBeVisible();
    await expect(canvas.queryByRole('region', { name: 'Meeting controls' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Host lets you in' }));
    await expect(await canvas.findByRole('region', { name: 'Meeting controls' })).toBeVisible();
  },
};

export const WaitingClientDark: Story = { ...WaitingClient, args: { scenario: client, theme: 'dark' } };

/** Removed by the host: why, and no way back in. */
export const RemovedClient: Story = {
  args: { scenario: { ...client, waitingRoom: false, joinError: 'removed-from-meeting' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'You were removed from this session' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};
