import '../test-utils/cleanup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MeetingError } from '@mentara/meetings-core';
import { renderWithClient } from '../test-utils/render';
import { joinedClient, lobbyClient, named, remoteIds } from '../test-utils/simulated';
import { VideoTile } from './video-tile';
import { ParticipantGrid } from './participant-grid';
import { MediaToggleButton } from './media-toggle-button';
import { ControlBar } from './control-bar';
import { DeviceSelect } from './device-select';
import { ChatPanel } from './chat-panel';
import { ConnectionQualityIndicator } from './connection-quality-indicator';
import { ConnectionStatus } from './connection-status';
import { StartAudioButton } from './start-audio-button';
import { LeaveButton } from './leave-button';
import { LiveAnnouncer } from './live-announcer';
import { MeetingErrorMessage } from './meeting-error-message';
import { PreJoin } from './pre-join';

describe('VideoTile', () => {
  it('shows name, muted and camera-off state, speaking and quality', async () => {
    const client = await joinedClient({
      participants: [{ displayName: 'Therapist', media: { microphone: false, camera: false }, quality: 'poor' }],
    });
    const [therapist] = remoteIds(client);
    renderWithClient(<VideoTile participantId={therapist!} />, client);
    const tile = screen.getByRole('group', { name: 'Therapist' });
    expect(tile.dataset).toMatchObject({ microphone: 'off', camera: 'off', speaking: 'false', state: 'connected' });
    expect(within(tile).getByRole('img', { name: 'Muted' })).toBeTruthy();
    expect(within(tile).getByRole('img', { name: 'Poor connection' })).toBeTruthy();
    expect(within(tile).getByText('T')).toBeTruthy();
    act(() => {
      // Unmuted first: a muted microphone never makes its owner the speaker.
      client.simulate.setMedia(therapist!, { microphone: true, camera: true });
      client.simulate.setSpeaking(therapist!);
      client.simulate.setStream(therapist!, 'camera', new MediaStream());
    });
    expect(tile.dataset).toMatchObject({ speaking: 'true', microphone: 'on', camera: 'on' });
    expect(within(tile).getByText(', Speaking')).toBeTruthy();
  });

  it('labels the local tile as you and never plays it back', async () => {
    const client = await joinedClient();
    renderWithClient(<VideoTile participantId={client.getSnapshot().localParticipant!.id} />, client);
    const tile = screen.getByRole('group', { name: 'Caregiver (You)' });
    expect(tile.dataset.local).toBe('true');
    expect((tile.querySelector('video') as HTMLVideoElement).muted).toBe(true);
    expect(tile.querySelector('audio')).toBeNull();
  });

  it("plays a remote's voice through the client's playback and the video muted", async () => {
    const stream = new MediaStream();
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', stream }] });
    const attach = vi.spyOn(client.playback, 'attach');
    renderWithClient(<VideoTile participantId={remoteIds(client)[0]!} />, client);
    const tile = screen.getByRole('group', { name: 'Therapist' });
    const audio = tile.querySelector('audio') as HTMLAudioElement;
    expect(attach).toHaveBeenCalledWith(audio);
    expect(audio.srcObject).toBe(stream);
    const video = tile.querySelector('video') as HTMLVideoElement;
    expect(video.srcObject).toBe(stream);
    expect(video.muted).toBe(true);
  });

  it('shows initials and says why when their camera gives no picture, and the picture again when it does', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', stream: new MediaStream() }] });
    const [therapist] = remoteIds(client);
    renderWithClient(<VideoTile participantId={therapist!} />, client);
    const tile = screen.getByRole('group', { name: 'Therapist' });
    expect(tile.dataset).toMatchObject({ camera: 'on' });
    expect(tile.dataset.note).toBeUndefined();
    act(() => client.simulate.setLink(therapist!, { receiving: { level: 'paused', reason: 'camera' } }));
    expect(tile.dataset).toMatchObject({ camera: 'off', note: 'cameraStalled' });
    expect(within(tile).getByText('No picture from camera')).toBeTruthy();
    // A link that is not up says so first.
    act(() => client.simulate.setPeerState(therapist!, 'reconnecting'));
    expect(tile.dataset.note).toBe('reconnecting');
    act(() => {
      client.simulate.setPeerState(therapist!, 'connected');
      client.simulate.setLink(therapist!, { receiving: { level: 'high', reason: null } });
    });
    expect(tile.dataset).toMatchObject({ camera: 'on' });
    expect(tile.dataset.note).toBeUndefined();
    expect(within(tile).queryByText('No picture from camera')).toBeNull();
  });

  it('says so on the self view when our camera gives the call no picture', async () => {
    const client = await joinedClient({ sendingVideo: { level: 'paused', reason: 'camera' } });
    renderWithClient(<VideoTile participantId={client.getSnapshot().localParticipant!.id} />, client);
    const tile = screen.getByRole('group', { name: 'Caregiver (You)' });
    expect(tile.dataset.note).toBe('cameraStalled');
    expect(within(tile).getByText('No picture from camera')).toBeTruthy();
  });

  it('renders nothing for an unknown participant', async () => {
    const { container } = renderWithClient(<VideoTile participantId="nobody" />, await joinedClient());
    expect(container.innerHTML).toBe('');
  });
});

describe('ParticipantGrid', () => {
  it("keeps a remote's video and voice playing when a third person changes the layout, and stops them when they leave", async () => {
    const stream = new MediaStream();
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', stream }] });
    const [therapist] = remoteIds(client);
    renderWithClient(<ParticipantGrid />, client);
    const before = screen.getByRole('group', { name: 'Therapist' });
    const grid = before.closest('.mm-grid') as HTMLElement;
    expect(grid.dataset.layout).toBe('spotlight');
    const video = before.querySelector('video') as HTMLVideoElement;
    const audio = before.querySelector('audio') as HTMLAudioElement;
    expect(video.srcObject).toBe(stream);
    const assigned = vi.fn();
    for (const element of [video, audio]) {
      const own = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
      Object.defineProperty(element, 'srcObject', {
        configurable: true,
        get: () => own?.get?.call(element),
        set: (value: MediaStream | null) => {
          assigned(value);
          own?.set?.call(element, value);
        },
      });
    }

    act(() => void client.simulate.participantJoins({ displayName: 'Interpreter' }));
    expect(grid.dataset.layout).toBe('grid');
    const after = screen.getByRole('group', { name: 'Therapist' });
    // A new tile in another part of the stage, with the same elements, never emptied in between.
    expect(after).not.toBe(before);
    expect(before.isConnected).toBe(false);
    expect(after.querySelector('video')).toBe(video);
    expect(after.querySelector('audio')).toBe(audio);
    await act(async () => undefined);
    expect(video.srcObject).toBe(stream);
    expect(audio.srcObject).toBe(stream);
    expect(assigned).not.toHaveBeenCalled();
    expect(after.dataset.video).toBe(before.dataset.video);

    act(() => client.simulate.participantLeaves(therapist!));
    await act(async () => undefined);
    expect(screen.queryByRole('group', { name: 'Therapist' })).toBeNull();
    expect(video.srcObject).toBeNull();
    expect(audio.srcObject).toBeNull();
    expect(video.isConnected || audio.isConnected).toBe(false);
  });

  it('lays out 6 participants as a grid', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor', 'Trainee', 'Coordinator', 'Intruder') });
    renderWithClient(<ParticipantGrid />, client);
    const grid = screen.getByRole('group', { name: 'Participants' });
    expect(grid.dataset).toMatchObject({ layout: 'grid', count: '6' });
    expect(within(grid).getAllByRole('group')).toHaveLength(6);
  });

  it('switches to focus layout with the screen next to the cameras when someone shares', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor') });
    renderWithClient(<ParticipantGrid />, client);
    act(() => client.simulate.setMedia(remoteIds(client)[0]!, { screen: true }));
    const grid = screen.getByRole('group', { name: 'Participants' });
    expect(grid.dataset.layout).toBe('focus');
    expect(screen.getByRole('group', { name: 'Screen of Therapist' }).dataset.source).toBe('screen');
    expect(within(grid).getAllByRole('group')).toHaveLength(4);
    act(() => client.simulate.setMedia(remoteIds(client)[0]!, { screen: false }));
    expect(grid.dataset.layout).toBe('grid');
  });

  it('pins a participant with the keyboard-reachable pin button', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor') });
    const onPinnedChange = vi.fn();
    renderWithClient(<ParticipantGrid onPinnedChange={onPinnedChange} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Pin Supervisor' }));
    expect(onPinnedChange).toHaveBeenCalledWith(remoteIds(client)[1]);
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('focus');
    // The button now says what pressing it does.
    const pin = screen.getByRole('button', { name: 'Unpin Supervisor' });
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    pin.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('grid');
  });

  it('unpins someone who leaves', async () => {
    const client = await joinedClient({ participants: named('Therapist', 'Supervisor') });
    renderWithClient(<ParticipantGrid pinnedId={remoteIds(client)[1]!} />, client);
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('focus');
    act(() => client.simulate.participantLeaves(remoteIds(client)[1]!));
    // Two people left: the other person large, you in a corner.
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('spotlight');
  });
});

describe('MediaToggleButton and ControlBar', () => {
  it('toggles with aria-pressed and data-state', async () => {
    renderWithClient(<MediaToggleButton source="camera" />, await joinedClient());
    const button = screen.getByRole('button', { name: 'Stop camera' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(button.dataset.state).toBe('off');
    // The label says what pressing it will do next.
    expect(button.textContent).toBe('Start camera');
  });

  it('has labelled controls and leaves', async () => {
    const client = await joinedClient();
    const leave = vi.spyOn(client, 'leave');
    const onLeave = vi.fn();
    renderWithClient(<ControlBar onLeave={onLeave} controls={{ screen: true }} />, client);
    const bar = screen.getByRole('group', { name: 'Meeting controls' });
    expect(within(bar).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Mute',
      'Stop camera',
      'Share screen',
      'Leave',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalled());
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('uses replacement messages', async () => {
    renderWithClient(<MediaToggleButton source="microphone" />, await joinedClient(), {
      messages: { mute: 'Stummschalten' },
    });
    expect(screen.getByRole('button', { name: 'Stummschalten' })).toBeTruthy();
  });
});

describe('DeviceSelect', () => {
  const devices = [
    { deviceId: 'cam-1', groupId: 'g', kind: 'videoinput' as const, label: 'Front camera' },
    { deviceId: 'cam-2', groupId: 'g', kind: 'videoinput' as const, label: 'USB camera' },
  ];

  it('is labelled and switches devices', async () => {
    const client = await joinedClient({ devices });
    const onDeviceChange = vi.fn();
    renderWithClient(<DeviceSelect kind="camera" onDeviceChange={onDeviceChange} />, client);
    const select = screen.getByLabelText('Camera') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'cam-2' } });
    await waitFor(() => expect(onDeviceChange).toHaveBeenCalledWith('cam-2'));
    expect(client.getSnapshot().devices.selectedCameraId).toBe('cam-2');
    expect(select.value).toBe('cam-2');
  });

  it('is disabled with a message when there are no devices', async () => {
    renderWithClient(<DeviceSelect kind="speaker" />, await joinedClient({ devices }));
    const select = screen.getByLabelText('Speaker') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.textContent).toBe('No devices found');
  });
});

describe('ChatPanel', () => {
  it('lists messages and sends with the labelled input', async () => {
    const client = await joinedClient({ participants: named('Therapist') });
    renderWithClient(<ChatPanel />, client);
    expect(screen.getByText('No messages yet.')).toBeTruthy();
    act(() => client.simulate.receiveChat('Therapist', 'Hello Caregiver'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi Therapist{Enter}');
    await waitFor(() => expect(screen.getByText('Hi Therapist')).toBeTruthy());
    expect(screen.getByText('Hello Caregiver')).toBeTruthy();
    expect(screen.getByText('Hi Therapist').closest('li')?.dataset.local).toBe('true');
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLInputElement).value).toBe('');
  });

  it('keeps the text and shows the hint when sending fails', async () => {
    const client = await joinedClient();
    vi.spyOn(client.chat, 'send').mockRejectedValueOnce(new MeetingError('rate-limited'));
    renderWithClient(<ChatPanel />, client);
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'too fast{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/slow down/);
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLInputElement).value).toBe('too fast');
  });
});

describe('status components', () => {
  it('shows connection state and the reconnecting toast', async () => {
    const client = await joinedClient();
    renderWithClient(
      <>
        <ConnectionStatus />
        <ConnectionStatus variant="toast" data-testid="toast" />
      </>,
      client,
    );
    expect(screen.getAllByRole('status')[0]?.textContent).toBe('Connected');
    expect(screen.getByTestId('toast').textContent).toBe('');
    act(() => client.simulate.dropConnection());
    expect(screen.getByTestId('toast').textContent).toBe('Reconnecting…');
    expect(screen.getByTestId('toast').dataset.state).toBe('reconnecting');
    act(() => client.simulate.restoreConnection());
    expect(screen.getByTestId('toast').textContent).toBe('');
  });

  it('shows quality for a participant', async () => {
    const client = await joinedClient({ participants: [{ displayName: 'Therapist', quality: 'fair' }] });
    renderWithClient(<ConnectionQualityIndicator participantId={remoteIds(client)[0]} />, client);
    expect(screen.getByRole('img', { name: 'Fair connection' }).dataset.state).toBe('fair');
  });

  it('shows the start-audio button only while autoplay is blocked', async () => {
    const client = await joinedClient();
    renderWithClient(<StartAudioButton />, client);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => client.simulate.blockAutoplay(true));
    await userEvent.click(screen.getByRole('button', { name: 'Turn on sound' }));
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
    expect(client.getSnapshot().audioPlaybackBlocked).toBe(false);
  });

  it('shows the error hint as an alert, replaceable per code', async () => {
    const client = await joinedClient();
    renderWithClient(<MeetingErrorMessage />, client, { messages: { errors: { 'meeting-full': 'Room is full' } } });
    act(() => client.simulate.raiseError('permission-denied'));
    expect(screen.getByRole('alert').textContent).toMatch(/Allow camera and microphone/);
    expect(screen.getByRole('alert').dataset.code).toBe('permission-denied');
    act(() => client.simulate.raiseError('meeting-full'));
    expect(screen.getByRole('alert').textContent).toBe('Room is full');
  });

  it('LeaveButton leaves then calls onLeave', async () => {
    const client = await joinedClient();
    const onLeave = vi.fn();
    renderWithClient(<LeaveButton onLeave={onLeave} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledTimes(1));
    expect(client.getSnapshot().connection).toBe('disconnected');
  });
});

describe('LiveAnnouncer', () => {
  it('announces joins, leaves and chat politely', async () => {
    const client = await joinedClient({ participants: named('Supervisor') });
    const { container } = renderWithClient(<LiveAnnouncer />, client);
    const region = container.querySelector('[aria-live="polite"]') as HTMLElement;
    let therapist = '';
    act(() => {
      therapist = client.simulate.participantJoins({ displayName: 'Therapist' });
    });
    expect(region.textContent).toBe('Therapist joined');
    act(() => client.simulate.receiveChat(therapist, 'Good morning'));
    expect(region.textContent).toBe('Therapist: Good morning');
    act(() => client.simulate.participantLeaves(therapist));
    expect(region.textContent).toBe('Therapist left');
    act(() => client.simulate.participantLeaves(remoteIds(client)[0]!));
    expect(region.textContent).toBe('Supervisor left');
  });

  it('does not announce your own chat messages', async () => {
    const client = await joinedClient();
    const { container } = renderWithClient(<LiveAnnouncer />, client);
    await act(() => client.chat.send('mine'));
    expect(container.textContent).toBe('');
  });
});

describe('PreJoin', () => {
  it('starts the preview, offers devices and joins with the name', async () => {
    const client = lobbyClient();
    const onJoin = vi.fn();
    renderWithClient(<PreJoin onJoin={onJoin} />, client);
    await waitFor(() => expect(client.getSnapshot().media.camera.enabled).toBe(true));
    expect(client.getSnapshot().media.microphone.enabled).toBe(true);
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeTruthy();
    expect(screen.getByLabelText('Camera')).toBeTruthy();
    expect(screen.getByLabelText('Speaker')).toBeTruthy();
    const join = screen.getByRole('button', { name: 'Join meeting' }) as HTMLButtonElement;
    expect(join.disabled).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Visitor{Enter}');
    expect(onJoin).toHaveBeenCalledWith({ displayName: 'Visitor' });
  });

  it('shows a permission error', async () => {
    const client = lobbyClient({ mediaErrors: { camera: 'permission-denied' } });
    renderWithClient(<PreJoin onJoin={() => undefined} defaultDisplayName="Visitor" />, client);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Allow the camera and microphone/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByText('Your camera is off')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start camera' }).dataset.error).toBe('true');
  });
});
