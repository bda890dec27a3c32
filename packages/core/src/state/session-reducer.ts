import type { MeetingAction } from './actions';
import { createInitialSnapshot } from './initial';
import type { MeetingSnapshot } from './types';

type SessionAction = Extract<
  MeetingAction,
  {
    type:
      | 'waiting'
      | 'admission'
      | 'waiting-added'
      | 'waiting-removed'
      | 'meeting-updated'
      | 'meeting-locked'
      | 'mute-requested'
      | 'session-warning';
  }
>;

/** Whether `action` belongs to the session flow (waiting room, host requests, session window). */
export function isSessionAction(action: MeetingAction): action is SessionAction {
  switch (action.type) {
    case 'waiting':
    case 'admission':
    case 'waiting-added':
    case 'waiting-removed':
    case 'meeting-updated':
    case 'meeting-locked':
    case 'mute-requested':
    case 'session-warning':
      return true;
    default:
      return false;
  }
}

/**
 * The session flow's part of the reducer: admission (waiting → admitted / denied / removed),
 * the hosts' waiting list, the meeting window and lock, and what a host asked of you.
 * Returns the same snapshot when nothing changed.
 */
export function reduceSession(s: MeetingSnapshot, a: SessionAction): MeetingSnapshot {
  switch (a.type) {
    case 'waiting': {
      const { meeting, self, limits, serverTime } = a.payload;
      return {
        ...s,
        meetingId: meeting.meetingId,
        meeting,
        limits,
        role: self.role,
        admission: 'waiting',
        localParticipant: null,
        remotes: {},
        waiting: [],
        clockOffsetMs: serverTime - a.receivedAt,
      };
    }
    case 'admission': {
      if (s.admission === a.admission) return s;
      // Out of the meeting: nothing of the room stays on screen.
      const initial = createInitialSnapshot();
      return {
        ...s,
        admission: a.admission,
        localParticipant: null,
        remotes: initial.remotes,
        chat: initial.chat,
        waiting: initial.waiting,
        audioLevels: initial.audioLevels,
        peerStats: initial.peerStats,
        activeSpeakerId: null,
      };
    }
    case 'waiting-added': {
      const others = s.waiting.filter((w) => w.id !== a.participant.id && w.userId !== a.participant.userId);
      const waiting = [...others, a.participant].sort((x, y) => x.since - y.since);
      return { ...s, waiting };
    }
    case 'waiting-removed': {
      if (!s.waiting.some((w) => w.id === a.participantId)) return s;
      return { ...s, waiting: s.waiting.filter((w) => w.id !== a.participantId) };
    }
    case 'meeting-updated':
      return { ...s, meeting: a.meeting, clockOffsetMs: a.serverTime - a.receivedAt };
    case 'meeting-locked':
      if (!s.meeting || s.meeting.locked === a.locked) return s;
      return { ...s, meeting: { ...s.meeting, locked: a.locked } };
    case 'mute-requested':
      return { ...s, hostRequest: { type: 'mute', source: a.source, byName: a.byName, at: a.at } };
    case 'session-warning':
      return s.sessionWarning === a.warning ? s : { ...s, sessionWarning: a.warning };
  }
}
