import '../test-utils/cleanup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MeetingError } from '@mentara/meetings-core';
import { renderWithClient } from '../test-utils/render';
import { createTestClient } from '../test-utils/test-client';
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
  it('shows name, muted and camera-off state, speaking and quality', () => {
    const client = createTestClient({ joined: true });
    const ada = client.addRemote('Ada', { media: { audio: false, video: false, screen: false }, quality: 'poor' });
    renderWithClient(<VideoTile participantId={ada.id} />, { client });
    const tile = screen.getByRole('group', { name: 'Ada' });
    expect(tile.dataset).toMatchObject({ microphone: 'off', camera: 'off', speaking: 'false', state: 'connected' });
    expect(within(tile).getByRole('img', { name: 'Muted' })).toBeTruthy();
    expect(within(tile).getByRole('img', { name: 'Poor connection' })).toBeTruthy();
    act(() => client.updateRemote(ada.id, { isSpeaking: true, media: { audio: true, video: true, screen: false } }));
    expect(tile.dataset.speaking).toBe('true');
    expect(tile.dataset.microphone).toBe('on');
  });

  it('mutes and mirrors the local tile, and labels it as you', () => {
    renderWithClient(<VideoTile participantId="local" />);
    const tile = screen.getByRole('group', { name: 'Sam (You)' });
    expect(tile.dataset.local).toBe('true');
    expect((tile.querySelector('video') as HTMLVideoElement).muted).toBe(true);
    expect(tile.querySelector('audio')).toBeNull();
  });

  it("plays a remote's voice through the client's playback and the video muted", () => {
    const stream = new MediaStream();
    const client = createTestClient({ joined: true });
    const attach = vi.spyOn(client.playback, 'attach');
    const ada = client.addRemote('Ada', { stream });
    renderWithClient(<VideoTile participantId={ada.id} />, { client });
    const tile = screen.getByRole('group', { name: 'Ada' });
    const audio = tile.querySelector('audio') as HTMLAudioElement;
    expect(attach).toHaveBeenCalledWith(audio);
    expect(audio.srcObject).toBe(stream);
    expect((tile.querySelector('video') as HTMLVideoElement).srcObject).toBe(stream);
    expect((tile.querySelector('video') as HTMLVideoElement).muted).toBe(true);
  });

  it('renders nothing for an unknown participant', () => {
    const { container } = renderWithClient(<VideoTile participantId="nobody" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('ParticipantGrid', () => {
  it('lays out 1 to 6 participants as a grid', () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve'] });
    renderWithClient(<ParticipantGrid />, { client });
    const grid = screen.getByRole('group', { name: 'Participants' });
    expect(grid.dataset).toMatchObject({ layout: 'grid', count: '6' });
    expect(within(grid).getAllByRole('group')).toHaveLength(6);
  });

  it('switches to focus layout with the screen next to the cameras when someone shares', () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben'] });
    const ada = client.getSnapshot().remoteParticipants[0]!;
    renderWithClient(<ParticipantGrid />, { client });
    act(() => client.updateRemote(ada.id, { media: { ...ada.media, screen: true } }));
    const grid = screen.getByRole('group', { name: 'Participants' });
    expect(grid.dataset.layout).toBe('focus');
    expect(screen.getByRole('group', { name: 'Screen of Ada' }).dataset.source).toBe('screen');
    expect(within(grid).getAllByRole('group')).toHaveLength(4);
  });

  it('pins a participant with the keyboard-reachable pin button', async () => {
    const client = createTestClient({ joined: true, remotes: ['Ada', 'Ben'] });
    const onPinnedChange = vi.fn();
    renderWithClient(<ParticipantGrid onPinnedChange={onPinnedChange} />, { client });
    const pin = screen.getByRole('button', { name: 'Pin Ben' });
    await userEvent.click(pin);
    expect(onPinnedChange).toHaveBeenCalledWith(client.getSnapshot().remoteParticipants[1]!.id);
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('focus');
    expect(screen.getByRole('button', { name: 'Pin Ben' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Pin Ben' }));
    expect(screen.getByRole('group', { name: 'Participants' }).dataset.layout).toBe('grid');
  });
});

describe('MediaToggleButton and ControlBar', () => {
  it('toggles with aria-pressed and data-state', async () => {
    renderWithClient(<MediaToggleButton source="camera" />);
    const button = screen.getByRole('button', { name: 'Camera' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(button.dataset.state).toBe('off');
  });

  it('has labelled controls and leaves', async () => {
    const onLeave = vi.fn();
    const { client } = renderWithClient(<ControlBar onLeave={onLeave} controls={{ screen: true }} />);
    const bar = screen.getByRole('group', { name: 'Meeting controls' });
    expect(within(bar).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Microphone',
      'Camera',
      'Share screen',
      'Leave',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalled());
    expect(client.calls.leave).toBe(1);
  });

  it('uses replacement messages', () => {
    renderWithClient(<MediaToggleButton source="microphone" />, { messages: { toggleMicrophone: 'Mikrofon' } });
    expect(screen.getByRole('button', { name: 'Mikrofon' })).toBeTruthy();
  });
});

describe('DeviceSelect', () => {
  it('is labelled and switches devices', async () => {
    const client = createTestClient({ joined: true });
    client.set({
      devices: {
        ...client.getSnapshot().devices,
        cameras: [
          { deviceId: 'cam-1', groupId: 'g', kind: 'videoinput', label: 'Front camera' },
          { deviceId: 'cam-2', groupId: 'g', kind: 'videoinput', label: 'USB camera' },
        ],
      },
    });
    const onDeviceChange = vi.fn();
    renderWithClient(<DeviceSelect kind="camera" onDeviceChange={onDeviceChange} />, { client });
    const select = screen.getByLabelText('Camera') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'cam-2' } });
    await waitFor(() => expect(onDeviceChange).toHaveBeenCalledWith('cam-2'));
    expect(client.getSnapshot().devices.selectedCameraId).toBe('cam-2');
    expect(select.value).toBe('cam-2');
  });

  it('is disabled with a message when there are no devices', () => {
    renderWithClient(<DeviceSelect kind="speaker" />);
    const select = screen.getByLabelText('Speaker') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.textContent).toBe('No devices found');
  });
});

describe('ChatPanel', () => {
  it('lists messages and sends with the labelled input', async () => {
    const client = createTestClient({ joined: true, remotes: ['Ada'] });
    renderWithClient(<ChatPanel />, { client });
    expect(screen.getByText('No messages yet.')).toBeTruthy();
    act(() => client.receiveChat(client.getSnapshot().remoteParticipants[0]!.id, 'Hello Sam'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi Ada{Enter}');
    await waitFor(() => expect(screen.getByText('Hi Ada')).toBeTruthy());
    expect(screen.getByText('Hello Sam')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLInputElement).value).toBe('');
  });

  it('keeps the text and shows the hint when sending fails', async () => {
    const client = createTestClient({ joined: true });
    vi.spyOn(client.chat, 'send').mockRejectedValueOnce(new MeetingError('rate-limited'));
    renderWithClient(<ChatPanel />, { client });
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'too fast{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/slow down/);
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLInputElement).value).toBe('too fast');
  });
});

describe('status components', () => {
  it('shows connection state and the reconnecting toast', () => {
    const { client } = renderWithClient(
      <>
        <ConnectionStatus />
        <ConnectionStatus variant="toast" data-testid="toast" />
      </>,
    );
    expect(screen.getAllByRole('status')[0]?.textContent).toBe('Connected');
    expect(screen.getByTestId('toast').textContent).toBe('');
    act(() => client.set({ connection: 'reconnecting' }));
    expect(screen.getByTestId('toast').textContent).toBe('Reconnecting…');
    expect(screen.getByTestId('toast').dataset.state).toBe('reconnecting');
  });

  it('shows quality of the local participant by default', () => {
    renderWithClient(<ConnectionQualityIndicator />);
    expect(screen.getByRole('img', { name: 'Good connection' }).dataset.state).toBe('good');
  });

  it('shows the start-audio button only while autoplay is blocked', async () => {
    const { client } = renderWithClient(<StartAudioButton />);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => client.set({ audioPlaybackBlocked: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Turn on sound' }));
    expect(client.calls.startAudio).toBe(1);
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });

  it('shows the error hint as an alert', () => {
    const { client } = renderWithClient(<MeetingErrorMessage />, { messages: { errors: { 'meeting-full': 'Room is full' } } });
    act(() => client.set({ error: new MeetingError('permission-denied') }));
    expect(screen.getByRole('alert').textContent).toMatch(/Allow camera and microphone/);
    act(() => client.set({ error: new MeetingError('meeting-full') }));
    expect(screen.getByRole('alert').textContent).toBe('Room is full');
  });

  it('LeaveButton leaves then calls onLeave', async () => {
    const onLeave = vi.fn();
    const { client } = renderWithClient(<LeaveButton onLeave={onLeave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(onLeave).toHaveBeenCalledTimes(1));
    expect(client.calls.leave).toBe(1);
  });
});

describe('LiveAnnouncer', () => {
  it('announces joins, leaves and chat politely', () => {
    const { client, container } = renderWithClient(<LiveAnnouncer />);
    const region = container.querySelector('[aria-live="polite"]') as HTMLElement;
    let ada!: { id: string };
    act(() => {
      ada = client.addRemote('Ada');
    });
    expect(region.textContent).toBe('Ada joined');
    act(() => client.receiveChat(ada.id, 'Good morning'));
    expect(region.textContent).toBe('Ada: Good morning');
    act(() => client.removeRemote(ada.id));
    expect(region.textContent).toBe('Ada left');
  });
});

describe('PreJoin', () => {
  it('starts the preview, offers devices and joins with the name', async () => {
    const client = createTestClient();
    const onJoin = vi.fn();
    renderWithClient(<PreJoin onJoin={onJoin} />, { client });
    await waitFor(() => expect(client.getSnapshot().media.camera.enabled).toBe(true));
    expect(client.getSnapshot().media.microphone.enabled).toBe(true);
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeTruthy();
    expect(screen.getByLabelText('Camera')).toBeTruthy();
    const join = screen.getByRole('button', { name: 'Join meeting' }) as HTMLButtonElement;
    expect(join.disabled).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Robin{Enter}');
    expect(onJoin).toHaveBeenCalledWith({ displayName: 'Robin' });
  });

  it('shows a permission error', async () => {
    const client = createTestClient();
    client.failNext('camera', new MeetingError('permission-denied'));
    renderWithClient(<PreJoin onJoin={() => undefined} defaultDisplayName="Robin" />, { client });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Allow camera/);
    expect(screen.getByText('Your camera is off')).toBeTruthy();
  });
});
