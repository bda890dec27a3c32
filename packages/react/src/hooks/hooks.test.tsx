import '../test-utils/cleanup';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MeetingProvider } from '../context/meeting-provider';
import { joinedClient, named, remoteIds, type SimulatedClient } from '../test-utils/simulated';
import { shallowEqual } from '../utils/shallow-equal';
import { useMeeting } from './use-meeting';
import { useLocalParticipant, useParticipant, useParticipantIds, useParticipants } from './use-participants';
import { useMediaToggle } from './use-media-toggle';
import { useDevices } from './use-devices';
import { useChat } from './use-chat';
import { useConnectionQuality, useConnectionState, useMeetingError } from './use-connection';
import { useActiveSpeaker } from './use-active-speaker';
import { useAudioLevel } from './use-audio-level';
import { usePeerStats } from './use-peer-stats';
import { useMeetingEvent } from './use-meeting-event';
import { useAudioPlayback } from './use-audio-playback';

async function setup(client?: SimulatedClient) {
  const c = client ?? (await joinedClient({ participants: named('Therapist', 'Supervisor') }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MeetingProvider client={c} join={false}>
      {children}
    </MeetingProvider>
  );
  return { client: c, wrapper, ids: remoteIds(c) };
}

describe('useMeeting', () => {
  it('returns the selected slice and keeps equal selections stable', async () => {
    const { client, wrapper, ids } = await setup();
    const { result } = renderHook(() => useMeeting((s) => s.remoteParticipants.map((p) => p.id), shallowEqual), {
      wrapper,
    });
    const first = result.current;
    expect(first).toEqual(ids);
    act(() => client.simulate.setSpeaking(ids[0]!));
    expect(result.current).toBe(first);
    act(() => void client.simulate.participantJoins({ displayName: 'Trainee' }));
    expect(result.current).toHaveLength(3);
  });

  it('renders the same snapshot on the server and hydrates without a mismatch', async () => {
    const { client } = await setup();
    const Count = () => <p>{useMeeting((s) => s.participantCount)} in the meeting</p>;
    const ui = (
      <MeetingProvider client={client} join={false}>
        <Count />
      </MeetingProvider>
    );
    const html = renderToString(ui);
    expect(html).toContain('3<!-- --> in the meeting');
    const container = document.createElement('div');
    container.innerHTML = html;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const recoverable = vi.fn();
    let root: Root | undefined;
    await act(async () => {
      root = hydrateRoot(container, ui, { onRecoverableError: recoverable });
    });
    expect(container.textContent).toBe('3 in the meeting');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    act(() => void client.simulate.participantJoins({ displayName: 'Trainee' }));
    expect(container.textContent).toBe('4 in the meeting');
    act(() => root?.unmount());
    errors.mockRestore();
  });

  it('re-selects at once when the selector changes with its props, without a store change', async () => {
    const { wrapper, ids } = await setup();
    const { result, rerender } = renderHook(({ id }) => useMeeting((s) => s.remotes[id]?.displayName), {
      wrapper,
      initialProps: { id: ids[0]! },
    });
    expect(result.current).toBe('Therapist');
    rerender({ id: ids[1]! });
    expect(result.current).toBe('Supervisor');
  });
});

describe('participant hooks', () => {
  it('lists participants, ids, one participant and the local one', async () => {
    const { wrapper, ids } = await setup();
    const { result } = renderHook(
      () => ({
        all: useParticipants(),
        ids: useParticipantIds(),
        local: useLocalParticipant(),
        therapist: useParticipant(ids[0]!),
        missing: useParticipant('nobody'),
      }),
      { wrapper },
    );
    expect(result.current.all.map((p) => p.displayName)).toEqual(['Caregiver', 'Therapist', 'Supervisor']);
    expect(result.current.ids).toHaveLength(3);
    expect(result.current.local?.isLocal).toBe(true);
    expect(result.current.therapist?.displayName).toBe('Therapist');
    expect(result.current.missing).toBeNull();
  });

  it('useParticipant keeps its value when another participant changes', async () => {
    const { client, wrapper, ids } = await setup();
    const { result } = renderHook(() => useParticipant(ids[0]!), { wrapper });
    const before = result.current;
    act(() => client.simulate.setMedia(ids[1]!, { microphone: false }));
    expect(result.current).toBe(before);
    act(() => client.simulate.setMedia(ids[0]!, { microphone: false }));
    expect(result.current?.media.microphone).toBe(false);
  });
});

describe('useMediaToggle', () => {
  it('exposes state and button props, disabled while pending', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useMediaToggle('microphone'), { wrapper });
    expect(result.current.buttonProps).toMatchObject({
      type: 'button',
      'aria-pressed': true,
      'data-state': 'on',
      disabled: false,
    });
    const seen: boolean[] = [];
    await act(async () => {
      const done = result.current.toggle();
      await Promise.resolve();
      await Promise.resolve();
      seen.push(result.current.buttonProps.disabled);
      await done;
    });
    expect(seen).toEqual([true]);
    expect(result.current.buttonProps).toMatchObject({ 'aria-pressed': false, 'data-state': 'off', disabled: false });
  });

  it('keeps the error in state and swallows it in onClick', async () => {
    const { client, wrapper } = await setup(await joinedClient({ media: { camera: false } }));
    client.simulate.failMedia('camera', 'permission-denied');
    const { result } = renderHook(() => useMediaToggle('camera'), { wrapper });
    act(() => result.current.buttonProps.onClick());
    await waitFor(() => expect(result.current.error?.code).toBe('permission-denied'));
    expect(result.current.buttonProps['data-error']).toBe(true);
    expect(result.current.enabled).toBe(false);
  });
});

describe('useDevices', () => {
  it('lists devices and selects one', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useDevices(), { wrapper });
    expect(result.current.cameras[0]?.label).toBe('Simulated camera');
    await act(() => result.current.select('microphone', 'mic-2'));
    expect(result.current.selectedMicrophoneId).toBe('mic-2');
  });
});

describe('useChat', () => {
  it('sends and receives messages', async () => {
    const { client, wrapper } = await setup();
    const { result } = renderHook(() => useChat(), { wrapper });
    expect(result.current.maxLength).toBe(2000);
    await act(() => result.current.send('hello'));
    act(() => client.simulate.receiveChat('Therapist', 'hi Caregiver'));
    expect(result.current.messages.map((m) => m.text)).toEqual(['hello', 'hi Caregiver']);
    expect(result.current.messages[0]?.from).toBe(result.current.localId);
  });
});

describe('connection hooks', () => {
  it('reports state, quality, error, active speaker and blocked audio', async () => {
    const { client, wrapper, ids } = await setup();
    const { result } = renderHook(
      () => ({
        state: useConnectionState(),
        therapist: useConnectionQuality(ids[0]!),
        error: useMeetingError(),
        speaker: useActiveSpeaker(),
        audio: useAudioPlayback(),
      }),
      { wrapper },
    );
    expect(result.current).toMatchObject({ state: 'connected', therapist: 'good', error: null, speaker: null });
    act(() => {
      client.simulate.setQuality(ids[0]!, 'poor');
      client.simulate.setSpeaking(ids[0]!);
      client.simulate.dropConnection();
    });
    expect(result.current.state).toBe('reconnecting');
    expect(result.current.therapist).toBe('poor');
    expect(result.current.speaker?.displayName).toBe('Therapist');
    act(() => client.simulate.blockAutoplay(true));
    expect(result.current.audio.blocked).toBe(true);
    expect(result.current.error?.code).toBe('autoplay-blocked');
    await act(() => result.current.audio.startAudio());
    expect(result.current.audio.blocked).toBe(false);
  });

  it('reports the local quality when no id is given', async () => {
    const { client, wrapper } = await setup();
    const { result } = renderHook(() => useConnectionQuality(), { wrapper });
    expect(result.current).toBe('unknown');
    act(() => client.simulate.setQuality(client.getSnapshot().localParticipant!.id, 'fair'));
    expect(result.current).toBe('fair');
  });
});

describe('useAudioLevel and usePeerStats', () => {
  it('read one participant\'s level and link figures, with defaults for anyone unknown', async () => {
    const { client, wrapper, ids } = await setup();
    const { result } = renderHook(
      () => ({
        level: useAudioLevel(ids[0]!),
        stats: usePeerStats(ids[0]!),
        nobodyLevel: useAudioLevel('nobody'),
        nobodyStats: usePeerStats('nobody'),
      }),
      { wrapper },
    );
    expect(result.current).toMatchObject({ level: 0, stats: { rttMs: 40, packetLoss: 0 }, nobodyLevel: 0, nobodyStats: null });
    act(() => client.simulate.setSpeaking(ids[0]!, 0.45));
    expect(result.current.level).toBe(0.45);
    act(() => client.simulate.setQuality(ids[0]!, 'poor'));
    expect(result.current.stats).toMatchObject({ rttMs: 700, packetLoss: 0.15 });
    act(() => client.simulate.setSpeaking(ids[1]!));
    expect(result.current.level).toBe(0);
  });
});

describe('useMeetingEvent', () => {
  it('calls the latest handler and unsubscribes on unmount', async () => {
    const { client, wrapper } = await setup();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ handler }) => useMeetingEvent('participant-joined', handler), {
      wrapper,
      initialProps: { handler: first },
    });
    rerender({ handler: second });
    act(() => void client.simulate.participantJoins({ displayName: 'Trainee' }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ participant: expect.objectContaining({ displayName: 'Trainee' }) }));
    unmount();
    act(() => void client.simulate.participantJoins({ displayName: 'Coordinator' }));
    expect(second).toHaveBeenCalledTimes(1);
  });
});
