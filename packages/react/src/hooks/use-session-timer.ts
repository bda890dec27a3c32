import { ENDING_SOON_MS, type MeetingSnapshot } from '@mentara/meetings-core';
import { shallowEqual } from '../utils/shallow-equal';
import { useMeeting } from './use-meeting';
import { useNow } from './use-now';

/**
 * `idle` before the session has started (and without a scheduled end), `running`, `ending-soon`
 * from five minutes before the scheduled end, `ended` once the meeting has ended.
 */
export type SessionTimerState = 'idle' | 'running' | 'ending-soon' | 'ended';

/** What `useSessionTimer()` returns. Times are by the server's clock. */
export interface UseSessionTimerResult {
  state: SessionTimerState;
  /** `remaining` when the session has a scheduled end, else `elapsed`. */
  mode: 'elapsed' | 'remaining';
  /** Since the session started; `null` before it has. */
  elapsedMs: number | null;
  /** Until the scheduled end (never negative); `null` without one. */
  remainingMs: number | null;
  /** When the session started (epoch ms, server clock). */
  startedAt: number | undefined;
  /** The scheduled end (epoch ms, server clock); moves when a host extends the session. */
  endsAt: number | undefined;
}

const selectTimer = (s: MeetingSnapshot) => ({
  status: s.meeting?.status,
  startedAt: s.meeting?.startedAt,
  endsAt: s.meeting?.endsAt,
  warning: s.sessionWarning,
  offset: s.clockOffsetMs,
});

/**
 * The session's elapsed time, or its time left when it has a scheduled end, by the server's clock
 * (`Date.now() + snapshot.clockOffsetMs`), so it survives reloads and a skewed device clock.
 * The component that calls it re-renders once a second while the session runs; nothing else does
 * (the tick never goes through the client's store).
 *
 * @example
 * const { mode, remainingMs, state } = useSessionTimer()
 */
export function useSessionTimer(): UseSessionTimerResult {
  const { status, startedAt, endsAt, warning, offset } = useMeeting(selectTimer, shallowEqual);
  const ended = status === 'ended';
  const ticking = status !== undefined && !ended && (endsAt !== undefined || startedAt !== undefined);
  const now = useNow(ticking) + offset;
  const elapsedMs = startedAt === undefined ? null : Math.max(0, now - startedAt);
  const remainingMs = endsAt === undefined ? null : Math.max(0, endsAt - now);
  let state: SessionTimerState;
  if (ended) state = 'ended';
  else if (!ticking) state = 'idle';
  else if (remainingMs !== null && (remainingMs <= ENDING_SOON_MS || warning === 'ending-soon')) state = 'ending-soon';
  else state = 'running';
  return { state, mode: endsAt === undefined ? 'elapsed' : 'remaining', elapsedMs, remainingMs, startedAt, endsAt };
}
