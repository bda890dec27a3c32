import { useMemo } from 'react';
import type { Admission, MeetingError, MeetingSnapshot, ParticipantRole } from '@mentara/meetings-core';
import { shallowEqual } from '../utils/shallow-equal';
import { useMeeting } from './use-meeting';

/**
 * Where this person stands with the session, as a screen to show:
 * - `idle`: not joined (or joining), nothing to say yet;
 * - `not-started`: more than the early-join margin before the scheduled start (`meeting-not-started`);
 * - `waiting`: in the waiting room until a host lets them in;
 * - `admitted`: in the session;
 * - `denied`: a host did not let them in (also a repeated knock inside the cool-down: `admission-denied`);
 * - `removed`: a host removed them; they cannot rejoin (`removed-from-meeting`);
 * - `locked`: joining was refused because the host locked the session (`meeting-locked`).
 */
export type AdmissionState = 'idle' | 'not-started' | 'waiting' | 'admitted' | 'denied' | 'removed' | 'locked';

/** What `useAdmission()` returns. */
export interface UseAdmissionResult {
  /** The screen to show. */
  state: AdmissionState;
  /** The raw admission from the snapshot (`null` before a join answer). */
  admission: Admission | null;
  /** Your role once the server answered a join. */
  role: ParticipantRole | null;
  /** Whether a host is in the session (what a waiting person waits for); `true` when unknown. */
  hostPresent: boolean;
  /** Scheduled start (epoch ms, server clock): from the meeting, or from the `meeting-not-started` refusal. */
  startsAt: number | undefined;
  /** Scheduled end (epoch ms, server clock), when there is one. */
  endsAt: number | undefined;
  /**
   * `not-started`: when joining opens, on this device's clock (the refusal's `retryAfterMs` from
   * when it arrived; else the scheduled start). `undefined` when unknown.
   */
  retryAt: number | undefined;
  /** The refusal behind `not-started`, `denied`, `removed` or `locked`, when it came as an error. */
  error: MeetingError | null;
}

const selectAdmission = (s: MeetingSnapshot) => ({
  admission: s.admission,
  role: s.role,
  error: s.error,
  meeting: s.meeting,
  clockOffsetMs: s.clockOffsetMs,
});

/** When each refusal arrived (first seen), so `retryAfterMs` counts from its arrival for every reader. */
const arrivals = new WeakMap<MeetingError, number>();
function arrivalOf(error: MeetingError): number {
  let at = arrivals.get(error);
  if (at === undefined) {
    at = Date.now();
    arrivals.set(error, at);
  }
  return at;
}

/** The refusal codes that decide the screen while there is no admission. */
const REFUSALS: Partial<Record<MeetingError['code'], AdmissionState>> = {
  'meeting-not-started': 'not-started',
  'admission-denied': 'denied',
  'removed-from-meeting': 'removed',
  'meeting-locked': 'locked',
};

function stateOf(admission: Admission | null, error: MeetingError | null): AdmissionState {
  if (admission) return admission;
  return (error && REFUSALS[error.code]) ?? 'idle';
}

/**
 * Where this person stands with the session (`state`: `idle | not-started | waiting | admitted |
 * denied | removed | locked`), with what the screens around the waiting room need: whether a
 * host is present, the scheduled start and end, and when a too-early join may try again.
 *
 * @example
 * const { state, hostPresent } = useAdmission()
 * if (state === 'waiting') return <p>{hostPresent ? 'Your host will let you in soon' : 'Waiting for your host'}</p>
 */
export function useAdmission(): UseAdmissionResult {
  const { admission, role, error, meeting, clockOffsetMs } = useMeeting(selectAdmission, shallowEqual);
  return useMemo(() => {
    const state = stateOf(admission, error);
    const refusal = state !== 'waiting' && state !== 'admitted' && error && REFUSALS[error.code] ? error : null;
    const startsAt = meeting?.startsAt ?? refusal?.startsAt;
    let retryAt: number | undefined;
    if (state === 'not-started' && refusal) {
      if (refusal.retryAfterMs !== undefined) retryAt = arrivalOf(refusal) + refusal.retryAfterMs;
      else if (refusal.startsAt !== undefined) retryAt = refusal.startsAt - clockOffsetMs;
    }
    return {
      state,
      admission,
      role,
      hostPresent: meeting?.hostPresent ?? true,
      startsAt,
      endsAt: meeting?.endsAt,
      retryAt,
      error: refusal,
    };
  }, [admission, role, error, meeting, clockOffsetMs]);
}
