import '../test-utils/cleanup';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingClientOptions } from '@mentara/meetings-core';
import { joinedClient, lobbyClient, named, remoteIds } from '../test-utils/simulated';
import { axeViolations } from '../test-utils/axe';
import { MeetingRoom } from './meeting-room';

const madeWith: MeetingClientOptions[] = [];
vi.mock('@mentara/meetings-core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mentara/meetings-core')>();
  return {
    ...actual,
    createMeetingClient: vi.fn((options: MeetingClientOptions) => {
      madeWith.push(options);
      return lobbyClient();
    }),
  };
});

describe('MeetingRoom', () => {
  it('creates its client from the props and joins with the name from the pre-join screen', async () => {
    render(<MeetingRoom serverUrl="https://meet.example" meetingId="m-9" token="jwt" clientOptions={{ relayOnly: true }} />);
    const options = madeWith.at(-1);
    expect(options).toMatchObject({ serverUrl: 'https://meet.example', meetingId: 'm-9', token: 'jwt', relayOnly: true });
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Visitor');
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    expect(await screen.findByRole('group', { name: 'Participants' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Visitor (You)' })).toBeTruthy();
  });

  it('joins a client passed in with the name typed on the pre-join screen', async () => {
    const client = lobbyClient();
    const join = vi.spyOn(client, 'join');
    render(<MeetingRoom meetingId="m-2" client={client} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Visitor');
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    await waitFor(() => expect(join).toHaveBeenCalledWith('m-2', { displayName: 'Visitor' }));
    expect(client.getSnapshot().localParticipant?.displayName).toBe('Visitor');
  });

  it('goes from pre-join to the room to left, joining once', async () => {
    const client = lobbyClient();
    const join = vi.spyOn(client, 'join');
    const onLeave = vi.fn();
    render(<MeetingRoom meetingId="m-1" client={client} displayName="Caregiver" onLeave={onLeave} />);
    expect(join).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    await waitFor(() => expect(join).toHaveBeenCalledTimes(1));
    expect(join).toHaveBeenCalledWith('m-1', { displayName: 'Caregiver' });
    expect(await screen.findByRole('group', { name: 'Participants' })).toBeTruthy();
    act(() => void client.simulate.participantJoins({ displayName: 'Therapist' }));
    expect(screen.getByRole('group', { name: 'Therapist' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    // One stray click never ends a call: Leave asks first, and Stay keeps you in.
    const ask = screen.getByRole('dialog', { name: 'Leave the meeting?' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay' }));
    await userEvent.click(screen.getByRole('button', { name: 'Stay' }));
    expect(ask.isConnected).toBe(false);
    expect(client.getSnapshot().connection).toBe('connected');
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await userEvent.click(screen.getByRole('button', { name: 'Leave meeting' }));
    expect(await screen.findByText('You left the meeting.')).toBeTruthy();
    expect(onLeave).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Rejoin' }));
    await waitFor(() => expect(join).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('group', { name: 'Participants' })).toBeTruthy();
  });

  it('awaits onJoin before joining and stays in the lobby when it fails', async () => {
    const client = lobbyClient();
    const join = vi.spyOn(client, 'join');
    const onJoin = vi.fn().mockRejectedValueOnce(new Error('The meeting has not started yet.')).mockResolvedValueOnce(undefined);
    render(<MeetingRoom meetingId="m-1" client={client} onJoin={onJoin} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Visitor');
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The meeting has not started yet.');
    expect(onJoin).toHaveBeenCalledWith({ displayName: 'Visitor' });
    expect(join).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    await waitFor(() => expect(join).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('The meeting has not started yet.')).toBeNull();
  });

  it('opens the device settings from the controls', async () => {
    render(<MeetingRoom meetingId="m-1" client={await joinedClient()} preJoin={false} />);
    const toggle = screen.getByRole('button', { name: 'Devices' });
    expect(screen.queryByRole('region', { name: 'Devices' })).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Devices' });
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    expect(screen.getByLabelText('Microphone')).toBeTruthy();
    expect(screen.getByLabelText('Speaker')).toBeTruthy();
  });

  it('hides and shows the chat with a pressed toggle', async () => {
    render(<MeetingRoom meetingId="m-1" client={await joinedClient()} preJoin={false} defaultChatOpen />);
    const toggle = screen.getByRole('button', { name: 'Chat' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('region', { name: 'Chat' })).toBeTruthy();
    await userEvent.click(toggle);
    expect(screen.queryByRole('region', { name: 'Chat' })).toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows when the meeting has ended', async () => {
    const client = await joinedClient();
    render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    act(() => client.simulate.endMeeting());
    expect(screen.getByText('The meeting has ended.')).toBeTruthy();
  });

  it('applies the theme and messages', async () => {
    const { container } = render(
      <MeetingRoom
        meetingId="m-1"
        client={await joinedClient()}
        preJoin={false}
        theme="dark"
        messages={{ leave: 'End session' }}
      />,
    );
    expect((container.firstChild as HTMLElement).dataset.theme).toBe('dark');
    expect(screen.getByRole('button', { name: 'End session' })).toBeTruthy();
  });
});

describe('accessibility (axe)', () => {
  it('has no violations in a 4-person room with chat, a poor link and blocked audio while reconnecting', async () => {
    const client = await joinedClient({
      participants: [
        { displayName: 'Therapist', speaking: true },
        { displayName: 'Supervisor', quality: 'poor', media: { microphone: false, camera: false } },
        { displayName: 'Trainee' },
      ],
      chat: [{ from: 'Supervisor', text: 'Can you hear me?' }],
      autoplayBlocked: true,
    });
    client.simulate.dropConnection();
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    expect(screen.getByRole('button', { name: 'Turn on sound' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Devices' }));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no violations while someone shares their screen', async () => {
    const client = await joinedClient({ participants: named('Therapist') });
    client.simulate.setMedia(remoteIds(client)[0]!, { screen: true });
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    expect(screen.getByRole('group', { name: 'Screen of Therapist' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no violations on the pre-join screen with a permission error', async () => {
    const client = lobbyClient({ mediaErrors: { camera: 'permission-denied' } });
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} />);
    await screen.findByRole('alert');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no violations after leaving', async () => {
    const { container } = render(<MeetingRoom meetingId="m-1" client={await joinedClient()} preJoin={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Leave meeting' }));
    await screen.findByText('You left the meeting.');
    expect(await axeViolations(container)).toEqual([]);
  });
});
