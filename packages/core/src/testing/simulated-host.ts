import { MeetingError } from '../errors/meeting-error';
import type { MeetingHostControls } from '../membership/host-controls';
import type { MeetingStore } from '../state/store';
import type { InternalSimulationControls } from './simulation-controls';

/**
 * `client.host` of the simulated client: the same checks as the real one, and the same actions
 * the server's answers would cause (a let-in person joins, a removed one leaves…).
 */
export function createSimulatedHost(store: MeetingStore, simulate: InternalSimulationControls, assertUsable: () => void): MeetingHostControls {
  const { dispatch, getSnapshot } = store;
  const ready = () => {
    assertUsable();
    const s = getSnapshot();
    if (s.admission !== 'admitted') throw new MeetingError('invalid-state', 'Join the meeting first');
    if (s.role !== 'host') throw new MeetingError('forbidden', 'Only a host can do that');
    return s;
  };
  /** Seats left, as the server counts them: hosts take none. */
  const seatsLeft = () => {
    const s = getSnapshot();
    return (s.limits?.maxParticipants ?? Infinity) - s.participants.filter((p) => p.role !== 'host').length;
  };
  const letIn = (participantId: string) => {
    const person = getSnapshot().waiting.find((w) => w.id === participantId);
    if (!person) throw new MeetingError('participant-not-found');
    if (seatsLeft() <= 0) throw new MeetingError('meeting-full');
    dispatch({ type: 'waiting-removed', participantId, reason: 'admitted' });
    simulate.participantJoins({ id: person.id, displayName: person.displayName });
  };
  const extended = (minutes: number) => {
    const meeting = ready().meeting!;
    const base = meeting.endsAt ?? Date.now() + getSnapshot().clockOffsetMs;
    simulate.updateMeeting({ endsAt: base + minutes * 60_000 });
    return getSnapshot().meeting!;
  };
  return {
    async admit(participantId) {
      ready();
      letIn(participantId);
    },
    async admitAll() {
      const waiting = ready().waiting.map((w) => w.id);
      const ids = waiting.slice(0, Math.max(0, seatsLeft()));
      if (waiting.length > 0 && ids.length === 0) throw new MeetingError('meeting-full');
      ids.forEach(letIn);
      return ids;
    },
    async deny(participantId) {
      ready();
      dispatch({ type: 'waiting-removed', participantId, reason: 'denied' });
    },
    async remove(participantId) {
      ready();
      simulate.participantLeaves(participantId, 'removed');
    },
    async requestMute(participantId) {
      if (!ready().remotes[participantId]) throw new MeetingError('participant-not-found');
    },
    async setLocked(locked) {
      ready();
      dispatch({ type: 'meeting-locked', locked });
      return getSnapshot().meeting!;
    },
    extend: async (minutes) => extended(minutes),
    async endForAll() {
      ready();
      simulate.endMeeting('ended-by-host');
    },
  };
}
