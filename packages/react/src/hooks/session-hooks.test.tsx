import '../test-utils/cleanup';
import { StrictMode, type ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENDING_SOON_MS, type MeetingClient } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import { joinedClient, lobbyClient } from '../test-utils/simulated';
import { useAdmission } from './use-admission';
import { useHostControls } from './use-host-controls';
import { useSessionTimer } from './use-session-timer';
import { useWaitingList } from './use-waiting-list';

const wrapper = (client: MeetingClient) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <MeetingProvider client={client} join={false}>
          {children}
        </MeetingProvider>
      </StrictMode>
    );
  };

afterEach(() => {
  vi.useRealTimers();
});

describe('useAdmission', () => {
  it('follows a waiting person from the waiting room to the session', async () => {
    const client = await joinedClient({ waitingRoom: true, hostPresent: false, startsAt: Date.now() + 60_000, endsAt: Date.now() + 3_060_000 });
    const { result } = renderHook(() => useAdmission(), { wrapper: wrapper(client) });
    expect(result.current).toMatchObject({ state: 'waiting', admission: 'waiting', role: 'participant', hostPresent: false, error: null });
    expect(result.current.endsAt! - result.current.startsAt!).toBe(3_000_000);
    act(() => client.simulate.updateMeeting({ hostPresent: true }));
    expect(result.current.hostPresent).toBe(true);
    await act(async () => {
      client.simulate.admit();
      await vi.waitFor(() => expect(client.getSnapshot().admission).toBe('admitted'));
    });
    expect(result.current.state).toBe('admitted');
  });

  it('turns join refusals into their screens, with when a too-early join may try again', async () => {
    const startsAt = Date.now() + 30 * 60_000;
    const early = lobbyClient({ joinError: { code: 'meeting-not-started', startsAt, retryAfterMs: 20 * 60_000 } });
    await early.join().catch(() => undefined);
    const before = Date.now();
    const { result } = renderHook(() => useAdmission(), { wrapper: wrapper(early) });
    expect(result.current).toMatchObject({ state: 'not-started', startsAt, error: { code: 'meeting-not-started' } });
    expect(result.current.retryAt! - before).toBeGreaterThanOrEqual(20 * 60_000 - 50);
    expect(result.current.retryAt! - Date.now()).toBeLessThanOrEqual(20 * 60_000);

    for (const [code, state] of [['meeting-locked', 'locked'], ['admission-denied', 'denied'], ['removed-from-meeting', 'removed'], ['meeting-full', 'idle']] as const) {
      const refused = lobbyClient({ joinError: code });
      await refused.join().catch(() => undefined);
      const { result: r } = renderHook(() => useAdmission(), { wrapper: wrapper(refused) });
      expect([code, r.current.state]).toEqual([code, state]);
    }
  });

  it('says denied and removed when a host decides', async () => {
    const waiting = await joinedClient({ waitingRoom: true });
    const { result } = renderHook(() => useAdmission(), { wrapper: wrapper(waiting) });
    act(() => waiting.simulate.deny());
    expect(result.current.state).toBe('denied');
    const inside = await joinedClient();
    const { result: r } = renderHook(() => useAdmission(), { wrapper: wrapper(inside) });
    expect(r.current.state).toBe('admitted');
    act(() => inside.simulate.remove());
    expect(r.current.state).toBe('removed');
  });
});

describe('useHostControls and useWaitingList', () => {
  it('are the host controls and the waiting list for hosts, null and empty for everyone else', async () => {
    const host = await joinedClient({ role: 'host', waiting: [{ displayName: 'Client' }] });
    const { result } = renderHook(() => ({ controls: useHostControls(), waiting: useWaitingList() }), { wrapper: wrapper(host) });
    expect(result.current.controls).toBe(host.host);
    expect(result.current.waiting.map((w) => w.displayName)).toEqual(['Client']);
    act(() => void host.simulate.knock('Interpreter'));
    expect(result.current.waiting.map((w) => w.displayName)).toEqual(['Client', 'Interpreter']);

    const participant = await joinedClient();
    const { result: r } = renderHook(() => ({ controls: useHostControls(), waiting: useWaitingList() }), { wrapper: wrapper(participant) });
    expect(r.current).toEqual({ controls: null, waiting: [] });
    // Not a host before the server said so either.
    const { result: lobby } = renderHook(() => useHostControls(), { wrapper: wrapper(lobbyClient({ role: 'host' })) });
    expect(lobby.current).toBeNull();
  });
});

describe('useSessionTimer', () => {
  it('counts the time left by the server clock, ticking only in the component that uses it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // The server's clock runs 90 s ahead of this device's; the end is on the server's clock.
    const offset = 90_000;
    const client = await joinedClient({ clockOffsetMs: offset, endsAt: Date.now() + offset + 10 * 60_000 });
    let renders = 0;
    const { result } = renderHook(() => (renders++, useSessionTimer()), { wrapper: wrapper(client) });
    expect(result.current.mode).toBe('remaining');
    expect(result.current.state).toBe('running');
    const left = result.current.remainingMs!;
    expect(left).toBeLessThanOrEqual(10 * 60_000);
    expect(left).toBeGreaterThan(10 * 60_000 - 2_000);
    const storeReads = vi.fn();
    const unsubscribe = client.subscribe(storeReads);
    const before = renders;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });
    expect(renders - before).toBeGreaterThanOrEqual(2);
    expect(result.current.remainingMs).toBeLessThanOrEqual(left - 2_000);
    // The tick never writes to the store.
    expect(storeReads).not.toHaveBeenCalled();
    unsubscribe();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10 * 60_000 - ENDING_SOON_MS);
    });
    expect(result.current.state).toBe('ending-soon');
    act(() => client.simulate.endMeeting());
    expect(result.current.state).toBe('ended');
  });

  it('counts the elapsed time without a scheduled end, and is idle before the start', async () => {
    const client = await joinedClient();
    act(() => client.simulate.updateMeeting({ startedAt: Date.now() - 12 * 60_000 }));
    const { result } = renderHook(() => useSessionTimer(), { wrapper: wrapper(client) });
    expect(result.current).toMatchObject({ mode: 'elapsed', state: 'running', remainingMs: null });
    expect(Math.floor(result.current.elapsedMs! / 60_000)).toBe(12);
    act(() => client.simulate.updateMeeting({ startedAt: undefined, status: 'waiting' }));
    expect(result.current).toMatchObject({ state: 'idle', elapsedMs: null });
  });
});
