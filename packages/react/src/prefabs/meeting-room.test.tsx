import '../test-utils/cleanup';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient } from '../test-utils/test-client';
import { axeViolations } from '../test-utils/axe';
import { MeetingRoom } from './meeting-room';

describe('MeetingRoom', () => {
  it('goes from pre-join to the room to left, joining once', async () => {
    const client = createTestClient();
    const onLeave = vi.fn();
    render(<MeetingRoom meetingId="m-1" client={client} displayName="Sam" onLeave={onLeave} />);
    expect(client.calls.join).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Join meeting' }));
    await waitFor(() => expect(client.calls.join).toBe(1));
    expect(await screen.findByRole('group', { name: 'Participants' })).toBeTruthy();
    act(() => void client.addRemote('Ada'));
    expect(screen.getByRole('group', { name: 'Ada' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await screen.findByText('You left the meeting.')).toBeTruthy();
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('hides and shows the chat with a pressed toggle', async () => {
    const client = createTestClient({ joined: true });
    render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    const toggle = screen.getByRole('button', { name: 'Chat' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('region', { name: 'Chat' })).toBeTruthy();
    await userEvent.click(toggle);
    expect(screen.queryByRole('region', { name: 'Chat' })).toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows when the meeting has ended', () => {
    const client = createTestClient({ joined: true });
    render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    act(() => client.set({ meeting: { meetingId: 'm-1', status: 'ended', locked: false } }));
    expect(screen.getByText('The meeting has ended.')).toBeTruthy();
  });

  it('applies the theme and messages', () => {
    const client = createTestClient({ joined: true });
    const { container } = render(
      <MeetingRoom meetingId="m-1" client={client} preJoin={false} theme="dark" messages={{ leave: 'End session' }} />,
    );
    expect((container.firstChild as HTMLElement).dataset.theme).toBe('dark');
    expect(screen.getByRole('button', { name: 'End session' })).toBeTruthy();
  });
});

describe('accessibility (axe)', () => {
  it('has no violations in a 4-person room with chat, a poor link and blocked audio', async () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben', 'Cleo'] });
    const ben = client.getSnapshot().remoteParticipants[1]!;
    client.updateRemote(ben.id, { quality: 'poor', media: { audio: false, video: false, screen: false } });
    client.receiveChat(ben.id, 'Can you hear me?');
    client.set({ audioPlaybackBlocked: true, connection: 'reconnecting' });
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no violations while someone shares their screen', async () => {
    const client = createTestClient({ joined: true, remotes: ['Ada'] });
    const ada = client.getSnapshot().remoteParticipants[0]!;
    client.updateRemote(ada.id, { media: { ...ada.media, screen: true } });
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} preJoin={false} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no violations on the pre-join screen', async () => {
    const client = createTestClient();
    const { container } = render(<MeetingRoom meetingId="m-1" client={client} />);
    await waitFor(() => expect(client.getSnapshot().media.camera.enabled).toBe(true));
    expect(await axeViolations(container)).toEqual([]);
  });
});
