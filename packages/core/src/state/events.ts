import type { MeetingError } from '../errors/meeting-error';
import type { StreamSource } from '../protocol/media-sources';
import type {
  Admission,
  ChatMessage,
  MediaState,
  MeetingEndReason,
  MeetingInfo,
  ParticipantLeftReason,
  WaitingParticipant,
} from '../protocol/types';
import type { MeetingAction } from './actions';
import { UNLIMITED_LINK } from './initial';
import { sameLinkVideo } from './link-video';
import type { ConnectionQuality, ConnectionState, LinkVideo, LocalVideoState, MeetingSnapshot, Participant, PeerState } from './types';

/**
 * Events a `MeetingClient` emits, by name → payload. Every event is derived from a state change
 * (see `deriveEvents`), so everything here is also in the snapshot; events are for side effects
 * (sounds, toasts, analytics).
 */
export interface MeetingEvents {
  'connection-changed': { state: ConnectionState; previous: ConnectionState };
  /** This client joined (or rejoined after a drop). */
  joined: { meetingId: string; participantId: string; rejoined: boolean };
  'participant-joined': { participant: Participant };
  'participant-left': { participantId: string; reason: ParticipantLeftReason };
  'participant-media-changed': { participantId: string; media: MediaState };
  'participant-ready': { participantId: string; ready: boolean };
  'peer-state-changed': { participantId: string; state: PeerState; previous: PeerState };
  /** The link to a participant got better or worse (calm, hysteresis-filtered: not on every sample). */
  'peer-quality-changed': { participantId: string; quality: ConnectionQuality; previous: ConnectionQuality };
  /** A participant's camera video to us was paused, reduced or resumed, and why (`snapshot.links[id].receiving`). */
  'peer-video-changed': { participantId: string; video: LinkVideo; previous: LinkVideo };
  /** What we send changed: audio only turned on or off, or our video paused or resumed for the network (`snapshot.localVideo`). */
  'local-video-changed': { localVideo: LocalVideoState; previous: LocalVideoState };
  /** A remote camera or screen stream arrived (or changed). */
  'remote-stream': { participantId: string; source: StreamSource; stream: MediaStream };
  /** A chat message from someone else arrived (your own sends resolve `chat.send()` instead). */
  'chat-message': { message: ChatMessage };
  'meeting-started': { meetingId: string; startedAt: number };
  'meeting-ended': { meetingId: string; reason: MeetingEndReason; endedAt: number };
  'active-speaker-changed': { participantId: string | null };
  'audio-playback-blocked': { blocked: boolean };
  error: { error: MeetingError };
  /** You entered the waiting room, were let in, denied or removed. */
  'admission-changed': { admission: Admission | null; previous: Admission | null };
  /** Hosts: someone knocked (play a sound, show a toast). */
  'participant-waiting': { participant: WaitingParticipant };
  /** A host asked you to turn a source off; the client has done it. Unmuting stays your choice. */
  'mute-requested': { source: 'microphone' | 'camera'; byName: string };
  'meeting-locked': { locked: boolean };
  /** The meeting changed: extended, a host came or went, locked… */
  'meeting-updated': { meeting: MeetingInfo };
  /** Five minutes before the scheduled end (server clock). */
  'meeting-ending-soon': { endsAt: number };
}

/** Name of a `MeetingEvents` event. */
export type MeetingEventName = keyof MeetingEvents;

/** Handler for one `MeetingEvents` event. */
export type MeetingEventHandler<E extends MeetingEventName> = (payload: MeetingEvents[E]) => void;

/** One event to emit. */
export type MeetingEvent = { [E in MeetingEventName]: { name: E; payload: MeetingEvents[E] } }[MeetingEventName];

const event = <E extends MeetingEventName>(name: E, payload: MeetingEvents[E]): MeetingEvent => ({ name, payload }) as MeetingEvent;

/**
 * The one place events come from: what `action` changed between `prev` and `next`. Called by the
 * store after every dispatch that changed the snapshot; an action that changed nothing emits nothing.
 */
export function deriveEvents(action: MeetingAction, prev: MeetingSnapshot, next: MeetingSnapshot): MeetingEvent[] {
  const own = eventsOfAction(action, prev, next);
  return prev.admission === next.admission ? own : [event('admission-changed', { admission: next.admission, previous: prev.admission }), ...own];
}

function eventsOfAction(action: MeetingAction, prev: MeetingSnapshot, next: MeetingSnapshot): MeetingEvent[] {
  switch (action.type) {
    case 'connection':
      return prev.connection === next.connection ? [] : [event('connection-changed', { state: next.connection, previous: prev.connection })];
    case 'joined': {
      const self = next.localParticipant;
      return self ? [event('joined', { meetingId: action.payload.meeting.meetingId, participantId: self.id, rejoined: action.rejoined })] : [];
    }
    case 'participant-joined': {
      const participant = next.remotes[action.participant.id];
      // Already in the roster (an event that overtook the join answer): no second "joined".
      return participant && !prev.remotes[participant.id] ? [event('participant-joined', { participant })] : [];
    }
    case 'participant-left':
      return prev.remotes[action.participantId] && !next.remotes[action.participantId]
        ? [event('participant-left', { participantId: action.participantId, reason: action.reason })]
        : [];
    case 'participant-media': {
      const p = next.remotes[action.participantId];
      return p && prev.remotes[action.participantId]?.media !== p.media
        ? [event('participant-media-changed', { participantId: p.id, media: p.media })]
        : [];
    }
    case 'participant-ready': {
      const before = prev.remotes[action.participantId];
      const after = next.remotes[action.participantId];
      return after && before && before.ready !== after.ready ? [event('participant-ready', { participantId: after.id, ready: after.ready })] : [];
    }
    case 'peer-state': {
      const before = prev.remotes[action.participantId];
      const after = next.remotes[action.participantId];
      return after && before && before.peerState !== after.peerState
        ? [event('peer-state-changed', { participantId: after.id, state: after.peerState, previous: before.peerState })]
        : [];
    }
    case 'peer-stats': {
      const before = prev.remotes[action.participantId];
      const after = next.remotes[action.participantId];
      return after && before && before.quality !== after.quality
        ? [event('peer-quality-changed', { participantId: after.id, quality: after.quality, previous: before.quality })]
        : [];
    }
    case 'link': {
      const before = (prev.links[action.participantId] ?? UNLIMITED_LINK).receiving;
      const after = next.links[action.participantId]?.receiving;
      return after && !sameLinkVideo(before, after) ? [event('peer-video-changed', { participantId: action.participantId, video: after, previous: before })] : [];
    }
    case 'local-video':
      return prev.localVideo === next.localVideo ? [] : [event('local-video-changed', { localVideo: next.localVideo, previous: prev.localVideo })];
    case 'peer-stream':
      return action.stream ? [event('remote-stream', { participantId: action.participantId, source: action.source, stream: action.stream })] : [];
    case 'chat': {
      if (next.chat === prev.chat) return [];
      const known = new Set(prev.chat.map((m) => m.id));
      const self = next.localParticipant?.id;
      return next.chat.filter((m) => !known.has(m.id) && m.from !== self).map((message) => event('chat-message', { message }));
    }
    case 'meeting-started':
      return prev.meeting?.status !== 'active' && next.meeting?.status === 'active' ? [event('meeting-started', action.payload)] : [];
    case 'meeting-ended':
      return prev.meeting?.status !== 'ended' && next.meeting?.status === 'ended' ? [event('meeting-ended', action.payload)] : [];
    case 'audio-levels':
      return prev.activeSpeakerId === next.activeSpeakerId ? [] : [event('active-speaker-changed', { participantId: next.activeSpeakerId })];
    case 'audio-blocked':
      return [event('audio-playback-blocked', { blocked: next.audioPlaybackBlocked })];
    case 'error':
      return action.error ? [event('error', { error: action.error })] : [];
    case 'waiting-added':
      return prev.waiting.some((w) => w.id === action.participant.id) ? [] : [event('participant-waiting', { participant: action.participant })];
    case 'mute-requested':
      return [event('mute-requested', { source: action.source, byName: action.byName })];
    case 'meeting-locked':
      return [event('meeting-locked', { locked: action.locked })];
    case 'meeting-updated':
      return prev.meeting === next.meeting ? [] : [event('meeting-updated', { meeting: action.meeting })];
    case 'session-warning':
      return action.warning === 'ending-soon' && next.meeting?.endsAt !== undefined ? [event('meeting-ending-soon', { endsAt: next.meeting.endsAt })] : [];
    default:
      return [];
  }
}
