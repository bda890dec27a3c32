import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { people, useScenarioClient, type StoryScenario } from '../stories/scenarios';
import { MeetingRoom, type MeetingRoomProps } from './meeting-room';

interface Args extends Omit<MeetingRoomProps, 'client' | 'meetingId'> {
  scenario: StoryScenario;
}

function Room({ scenario, ...props }: Args) {
  const client = useScenarioClient(scenario);
  return (
    <div style={{ height: 'calc(100vh - 32px)' }}>
      <MeetingRoom meetingId="session-42" client={client} {...props} />
    </div>
  );
}

const meta = {
  title: 'Prefabs/MeetingRoom',
  // The room has its own theme root: follow the toolbar theme unless the story sets one.
  render: (args, context) => <Room {...args} theme={args.theme ?? (context.globals.theme as 'light' | 'dark')} />,
  args: { scenario: { people: people(3) }, preJoin: false, onLeave: fn() },
  argTypes: {
    layout: { control: 'inline-radio', options: ['auto', 'grid', 'focus'] },
    theme: { control: 'inline-radio', options: ['system', 'light', 'dark'] },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FourPeople: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(canvas.getByRole('group', { name: 'Participants' })).getAllByRole('group', { name: /^(Therapist|Supervisor|Trainee|Caregiver)/ })).toHaveLength(4);
    // The controls are a landmark: a screen reader jumps to them directly.
    await expect(canvas.getByRole('region', { name: 'Meeting controls' })).toBeVisible();
  },
};

export const PreJoinThenJoin: Story = {
  args: { scenario: { joined: false, people: people(1) }, preJoin: true, displayName: 'Caregiver' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Join meeting' }));
    await expect(await canvas.findByRole('group', { name: 'Participants' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Caregiver (You)' })).toBeVisible();
  },
};

export const Connecting: Story = {
  args: { scenario: { joined: false, connection: 'connecting' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('status').map((s) => s.textContent)).toContain('Connecting…'));
  },
};

export const Reconnecting: Story = {
  args: { scenario: { connection: 'reconnecting', people: people(1, { peerState: 'reconnecting', quality: 'lost' }) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getAllByRole('status').map((s) => s.textContent)).toContain('Reconnecting…'));
  },
};

export const ScreenSharing: Story = {
  args: { scenario: { people: [{ name: 'Therapist', screen: true, speaking: true }, { name: 'Supervisor' }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Screen of Therapist' })).toBeVisible();
  },
};

export const PoorConnection: Story = {
  args: { scenario: { people: [{ name: 'Therapist', quality: 'poor' }, { name: 'Supervisor', quality: 'fair', camera: false }] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('img', { name: 'Poor connection' })).toBeVisible();
  },
};

export const SixPeopleWithChat: Story = {
  args: {
    scenario: {
      people: [...people(4), { name: 'Intruder', microphone: false, camera: false }],
      chat: [
        { from: 0, text: 'Welcome, everyone.' },
        { from: 'me', text: 'Hello!' },
      ],
    },
    defaultChatOpen: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Welcome, everyone.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Chat' }));
    await expect(canvas.queryByRole('region', { name: 'Chat' })).toBeNull();
  },
};

/** A message that arrived while the chat was closed: a count on the button, cleared on opening. */
export const ChatClosedWithUnread: Story = {
  args: { scenario: { people: people(1), chat: [{ from: 0, text: 'Can you hear me?' }] }, defaultChatOpen: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = await canvas.findByRole('button', { name: 'Chat, 1 unread' });
    await expect(toggle).toHaveAttribute('data-unread', '1');
    await userEvent.click(toggle);
    await expect(await canvas.findByText('Can you hear me?')).toBeVisible();
    await expect(toggle).toHaveAccessibleName('Chat');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  },
};

/** Alone in the meeting: a calm card with the link to share, not your own face full screen. */
export const Alone: Story = {
  args: { scenario: { people: [] }, inviteUrl: 'https://meet.example/meeting/session-42' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: /copy/i })).toBeVisible();
    await expect(canvas.getByText('https://meet.example/meeting/session-42')).toBeVisible();
  },
};

export const AutoplayBlocked: Story = {
  args: { scenario: { people: people(1), audioBlocked: true } },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Turn on sound' }));
    await waitFor(() => expect(within(canvasElement).queryByRole('button', { name: 'Turn on sound' })).toBeNull());
  },
};

export const PermissionDenied: Story = {
  args: { scenario: { joined: false, mediaFailure: 'permission-denied' }, preJoin: true, displayName: 'Caregiver' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(/Allow the camera and microphone/);
    await expect(within(canvasElement).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const Leave: Story = {
  args: { scenario: { people: people(1) } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Leave' }));
    // Leave asks first; Stay has the focus so Enter by mistake keeps the call.
    const ask = await canvas.findByRole('dialog', { name: 'Leave the meeting?' });
    await expect(within(ask).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await userEvent.click(within(ask).getByRole('button', { name: 'Leave meeting' }));
    await expect(await canvas.findByText('You left the meeting.')).toBeVisible();
    await expect(args.onLeave).toHaveBeenCalled();
  },
};

export const DarkTheme: Story = { args: { theme: 'dark', scenario: { people: people(2) } } };

export const CustomMessages: Story = {
  args: { messages: { leave: 'End session', mute: 'Mic off', chat: 'Notes' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'End session' })).toBeVisible();
  },
};

/**
 * Every control is reachable with Tab alone: the first stop is "Skip to meeting controls", which
 * lands on the microphone; the tiles' buttons are one stop (arrow keys move between them).
 */
export const KeyboardOnly: Story = {
  args: { scenario: { people: people(2), chat: [{ from: 0, text: 'Hello' }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const doc = canvasElement.ownerDocument;
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Stop camera' })).toHaveAttribute('aria-pressed', 'true'));
    (doc.activeElement as HTMLElement | null)?.blur();
    await userEvent.tab();
    await expect(doc.activeElement).toHaveAccessibleName('Skip to meeting controls');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(doc.activeElement).toHaveAccessibleName('Mute'));
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await userEvent.tab();
      const el = doc.activeElement as HTMLElement | null;
      if (el) reached.add(el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '');
    }
    for (const name of ['Stop camera', 'Chat', 'People', 'Devices', 'More options', 'Leave']) {
      await expect([...reached]).toContain(name);
    }
    const microphone = canvas.getByRole('button', { name: 'Mute' });
    microphone.focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(microphone).toHaveAttribute('aria-pressed', 'false'));
    await expect(microphone).toHaveAccessibleName('Unmute');
  },
};
