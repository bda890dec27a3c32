import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';

/** How long before the scheduled end the `ending-soon` warning comes. */
export const ENDING_SOON_MS = 5 * 60_000;

/** Options of `watchSessionWindow`. */
export interface SessionWindowOptions {
  getState: () => MeetingSnapshot;
  subscribe: (listener: (s: MeetingSnapshot, prev: MeetingSnapshot) => void) => () => void;
  dispatch: (action: MeetingAction) => void;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Warn five minutes before the meeting's scheduled end (`sessionWarning: 'ending-soon'` and the
 * `meeting-ending-soon` event), by the server's clock (`clockOffsetMs`), re-armed whenever the end
 * moves (a host extended it) and cleared when it moves out of reach. Returns the disposer.
 */
export function watchSessionWindow(o: SessionWindowOptions): () => void {
  const now = o.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let armedFor: string | null = null;

  function arm() {
    const s = o.getState();
    const endsAt = s.meeting?.status === 'ended' ? undefined : s.meeting?.endsAt;
    const key = `${endsAt}:${s.clockOffsetMs}`;
    if (key === armedFor) return;
    armedFor = key;
    if (timer) clearTimeout(timer);
    timer = null;
    if (endsAt === undefined) {
      o.dispatch({ type: 'session-warning', warning: null });
      return;
    }
    const untilWarning = endsAt - ENDING_SOON_MS - (now() + s.clockOffsetMs);
    if (untilWarning <= 0) {
      o.dispatch({ type: 'session-warning', warning: 'ending-soon' });
      return;
    }
    o.dispatch({ type: 'session-warning', warning: null });
    timer = setTimeout(() => {
      timer = null;
      o.dispatch({ type: 'session-warning', warning: 'ending-soon' });
    }, Math.min(untilWarning, 2_147_483_647));
  }

  arm();
  const unsubscribe = o.subscribe((s, prev) => {
    if (s.meeting !== prev.meeting || s.clockOffsetMs !== prev.clockOffsetMs) arm();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
