import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingInfo } from '../protocol/types';
import { createMeetingStore } from '../state/store';
import { ENDING_SOON_MS, watchSessionWindow } from './session-window';

const meeting = (endsAt?: number): MeetingInfo => ({
  meetingId: 'm1', status: 'active', locked: false, waitingRoom: false, hostPresent: true, chatHistory: 'none', ...(endsAt ? { endsAt } : {}),
});

describe('watchSessionWindow', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('warns five minutes before the end by the server clock, and again after an extension only when due', () => {
    const store = createMeetingStore();
    const warnings = vi.fn();
    store.on('meeting-ending-soon', warnings);
    const stop = watchSessionWindow({ getState: store.getSnapshot, subscribe: store.subscribe, dispatch: store.dispatch });
    // The server's clock is 60 s ahead of ours: the end is 10 min away by the server's time.
    const serverNow = Date.now() + 60_000;
    store.dispatch({ type: 'meeting-updated', meeting: meeting(serverNow + 10 * 60_000), serverTime: serverNow, receivedAt: Date.now() });
    vi.advanceTimersByTime(10 * 60_000 - ENDING_SOON_MS - 1);
    expect(store.getSnapshot().sessionWarning).toBeNull();
    vi.advanceTimersByTime(1);
    expect(store.getSnapshot().sessionWarning).toBe('ending-soon');
    expect(warnings).toHaveBeenCalledTimes(1);
    // A host extends by 15 minutes: the warning clears and comes back 15 minutes later.
    const later = Date.now() + 60_000;
    store.dispatch({ type: 'meeting-updated', meeting: meeting(later + 20 * 60_000), serverTime: later, receivedAt: Date.now() });
    expect(store.getSnapshot().sessionWarning).toBeNull();
    vi.advanceTimersByTime(15 * 60_000);
    expect(store.getSnapshot().sessionWarning).toBe('ending-soon');
    expect(warnings).toHaveBeenCalledTimes(2);
    stop();
  });

  it('warns at once when joining inside the last five minutes, and never without an end', () => {
    const store = createMeetingStore();
    const stop = watchSessionWindow({ getState: store.getSnapshot, subscribe: store.subscribe, dispatch: store.dispatch });
    store.dispatch({ type: 'meeting-updated', meeting: meeting(), serverTime: Date.now(), receivedAt: Date.now() });
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(store.getSnapshot().sessionWarning).toBeNull();
    store.dispatch({ type: 'meeting-updated', meeting: meeting(Date.now() + 60_000), serverTime: Date.now(), receivedAt: Date.now() });
    expect(store.getSnapshot().sessionWarning).toBe('ending-soon');
    stop();
  });
});
