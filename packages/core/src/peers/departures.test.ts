import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, MeetingSnapshot, PeerState } from '../state/types';
import { watchDepartures } from './departures';

/** The two fields the watch reads, over a list of subscribers, as the store hands them out. */
function snapshots(connection: ConnectionState, peers: Record<string, PeerState>) {
  let current = { connection, remotes: {} } as unknown as MeetingSnapshot;
  const listeners = new Set<(s: MeetingSnapshot, prev: MeetingSnapshot) => void>();
  const set = (next: { connection?: ConnectionState; peers?: Record<string, PeerState> }) => {
    const prev = current;
    const remotes = next.peers ? Object.fromEntries(Object.entries(next.peers).map(([id, peerState]) => [id, { id, peerState }])) : prev.remotes;
    current = { ...prev, connection: next.connection ?? prev.connection, remotes } as MeetingSnapshot;
    for (const listener of listeners) listener(current, prev);
  };
  set({ peers });
  return {
    getState: () => current,
    subscribe: (listener: (s: MeetingSnapshot, prev: MeetingSnapshot) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set,
  };
}

describe('watchDepartures', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drops a participant whose link stays lost for the bound while signalling is down', () => {
    const s = snapshots('reconnecting', { a: 'connected', b: 'reconnecting' });
    const gone: string[] = [];
    const stop = watchDepartures({ ...s, timeoutMs: 1_000, onGone: (id) => gone.push(id) });
    vi.advanceTimersByTime(999);
    expect(gone).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(gone).toEqual(['b']);
    stop();
  });

  it('never counts while signalling is up: the server roster decides then', () => {
    const s = snapshots('connected', { b: 'failed' });
    const gone: string[] = [];
    const stop = watchDepartures({ ...s, timeoutMs: 1_000, onGone: (id) => gone.push(id) });
    vi.advanceTimersByTime(5_000);
    expect(gone).toEqual([]);
    stop();
  });

  it('stops counting when the link comes back or signalling comes back, and starts again from zero', () => {
    const s = snapshots('reconnecting', { b: 'reconnecting' });
    const gone: string[] = [];
    const stop = watchDepartures({ ...s, timeoutMs: 1_000, onGone: (id) => gone.push(id) });
    vi.advanceTimersByTime(800);
    s.set({ peers: { b: 'connected' } });
    vi.advanceTimersByTime(800);
    s.set({ peers: { b: 'reconnecting' } });
    vi.advanceTimersByTime(800);
    s.set({ connection: 'connected' });
    vi.advanceTimersByTime(5_000);
    expect(gone).toEqual([]);
    s.set({ connection: 'failed' });
    vi.advanceTimersByTime(1_000);
    expect(gone).toEqual(['b']);
    stop();
  });

  it('the disposer cancels what is counting', () => {
    const s = snapshots('reconnecting', { b: 'failed' });
    const gone: string[] = [];
    watchDepartures({ ...s, timeoutMs: 1_000, onGone: (id) => gone.push(id) })();
    vi.advanceTimersByTime(5_000);
    expect(gone).toEqual([]);
  });
});
