import '../test-utils/cleanup';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MeetingError } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import { createTestClient, type TestClient } from '../test-utils/test-client';
import { shallowEqual } from '../utils/shallow-equal';
import { useMeeting } from './use-meeting';
import { useLocalParticipant, useParticipant, useParticipantIds, useParticipants } from './use-participants';
import { useMediaToggle } from './use-media-toggle';
import { useDevices } from './use-devices';
import { useChat } from './use-chat';
import { useConnectionQuality, useConnectionState, useMeetingError } from './use-connection';
import { useActiveSpeaker } from './use-active-speaker';
import { useMeetingEvent } from './use-meeting-event';
import { useAudioPlayback } from './use-audio-playback';

function setup(client: TestClient = createTestClient({ joined: true, remotes: ['Ada', 'Ben'] })) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MeetingProvider client={client} join={false}>
      {children}
    </MeetingProvider>
  );
  return { client, wrapper };
}

describe('useMeeting', () => {
  it('returns the selected slice and keeps equal selections stable', () => {
    const { client, wrapper } = setup();
    const { result } = renderHook(() => useMeeting((s) => s.remoteParticipants.map((p) => p.id), shallowEqual), {
      wrapper,
    });
    const first = result.current;
    expect(first).toHaveLength(2);
    act(() => client.set({ activeSpeakerId: 'x' }));
    expect(result.current).toBe(first);
    act(() => void client.addRemote('Cleo'));
    expect(result.current).toHaveLength(3);
  });
});

describe('participant hooks', () => {
  it('lists participants, ids, one participant and the local one', () => {
    const { client, wrapper } = setup();
    const { result } = renderHook(
      () => ({
        all: useParticipants(),
        ids: useParticipantIds(),
        local: useLocalParticipant(),
        ada: useParticipant(client.getSnapshot().remoteParticipants[0]!.id),
        missing: useParticipant('nobody'),
      }),
      { wrapper },
    );
    expect(result.current.all.map((p) => p.displayName)).toEqual(['Sam', 'Ada', 'Ben']);
    expect(result.current.ids).toHaveLength(3);
    expect(result.current.local?.isLocal).toBe(true);
    expect(result.current.ada?.displayName).toBe('Ada');
    expect(result.current.missing).toBeNull();
  });

  it('useParticipant keeps its value when another participant changes', () => {
    const { client, wrapper } = setup();
    const [ada, ben] = client.getSnapshot().remoteParticipants;
    const { result } = renderHook(() => useParticipant(ada!.id), { wrapper });
    const before = result.current;
    act(() => client.updateRemote(ben!.id, { media: { audio: false, video: true, screen: false } }));
    expect(result.current).toBe(before);
    act(() => client.updateRemote(ada!.id, { displayName: 'Ada L.' }));
    expect(result.current?.displayName).toBe('Ada L.');
  });
});

describe('useMediaToggle', () => {
  it('exposes state and button props, disabled while pending', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useMediaToggle('microphone'), { wrapper });
    expect(result.current.buttonProps).toMatchObject({
      type: 'button',
      'aria-pressed': true,
      'data-state': 'on',
      disabled: false,
    });
    let done!: Promise<void>;
    act(() => {
      done = result.current.toggle();
    });
    expect(result.current.pending).toBe(true);
    expect(result.current.buttonProps.disabled).toBe(true);
    await act(() => done);
    expect(result.current.buttonProps).toMatchObject({ 'aria-pressed': false, 'data-state': 'off', disabled: false });
  });

  it('keeps the error in state and swallows it in onClick', async () => {
    const { client, wrapper } = setup();
    client.failNext('camera', new MeetingError('permission-denied'));
    const { result } = renderHook(() => useMediaToggle('camera'), { wrapper });
    act(() => result.current.buttonProps.onClick());
    await waitFor(() => expect(result.current.error?.code).toBe('permission-denied'));
    expect(result.current.buttonProps['data-error']).toBe(true);
  });
});

describe('useDevices', () => {
  it('lists devices and selects one', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useDevices(), { wrapper });
    expect(result.current.cameras[0]?.label).toBe('Front camera');
    await act(() => result.current.select('microphone', 'mic-2'));
    expect(result.current.selectedMicrophoneId).toBe('mic-2');
  });
});

describe('useChat', () => {
  it('sends and receives messages', async () => {
    const { client, wrapper } = setup();
    const { result } = renderHook(() => useChat(), { wrapper });
    expect(result.current.maxLength).toBe(500);
    await act(() => result.current.send('hello'));
    act(() => client.receiveChat(client.getSnapshot().remoteParticipants[0]!.id, 'hi Sam'));
    expect(result.current.messages.map((m) => m.text)).toEqual(['hello', 'hi Sam']);
    expect(result.current.messages[0]?.from).toBe(result.current.localId);
  });
});

describe('connection hooks', () => {
  it('reports state, quality, error and active speaker', () => {
    const { client, wrapper } = setup();
    const ada = client.getSnapshot().remoteParticipants[0]!;
    const { result } = renderHook(
      () => ({
        state: useConnectionState(),
        local: useConnectionQuality(),
        ada: useConnectionQuality(ada.id),
        error: useMeetingError(),
        speaker: useActiveSpeaker(),
        audio: useAudioPlayback(),
      }),
      { wrapper },
    );
    expect(result.current).toMatchObject({ state: 'connected', local: 'good', ada: 'good', error: null, speaker: null });
    act(() => {
      client.updateRemote(ada.id, { quality: 'poor' });
      client.set({ connection: 'reconnecting', activeSpeakerId: ada.id, audioPlaybackBlocked: true });
    });
    expect(result.current.state).toBe('reconnecting');
    expect(result.current.ada).toBe('poor');
    expect(result.current.speaker?.displayName).toBe('Ada');
    expect(result.current.audio.blocked).toBe(true);
    act(() => client.set({ error: new MeetingError('signalling-unreachable') }));
    expect(result.current.error?.code).toBe('signalling-unreachable');
  });
});

describe('useMeetingEvent', () => {
  it('calls the latest handler and unsubscribes on unmount', () => {
    const { client, wrapper } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ handler }) => useMeetingEvent('participant-joined', handler), {
      wrapper,
      initialProps: { handler: first },
    });
    rerender({ handler: second });
    act(() => void client.addRemote('Cleo'));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ participant: expect.objectContaining({ displayName: 'Cleo' }) }));
    unmount();
    act(() => void client.addRemote('Dan'));
    expect(second).toHaveBeenCalledTimes(1);
  });
});
