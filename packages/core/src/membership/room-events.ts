import type { PeerMesh } from '../peers/mesh';
import type { MeetingJoinedPayload } from '../protocol/types';
import { fromProtocolError, type SignallingChannel } from '../signalling/channel';
import { decodeCandidate, decodeDescription, decodeSignal } from '../signalling/signal-codec';
import type { MeetingAction } from '../state/actions';
import type { MeetingError } from '../errors/meeting-error';
import type { RoomEventGate } from './room-event-gate';

/** What the room's events need from the membership. */
export interface RoomEventsOptions {
  channel: SignallingChannel;
  gate: RoomEventGate;
  mesh: PeerMesh;
  dispatch: (action: MeetingAction) => void;
  reportError: (error: MeetingError) => void;
  /** This membership's participant id (also while waiting), `null` once it is over. */
  selfId: () => string | null;
  /** A host let us in from the waiting room. */
  onAdmitted: (payload: MeetingJoinedPayload) => void;
  /** Out for good: the meeting ended, or a host denied or removed us. */
  onOut: (why: 'ended' | 'denied' | 'removed') => void;
  /** A host asked us to turn a source off. */
  onMuteRequested: (source: 'microphone' | 'camera') => void;
}

/**
 * Listen to the server's events of one membership: roster, media, chat, meeting lifecycle, the
 * session flow (waiting room, host requests) and signals for the mesh. Room events wait behind
 * an in-flight join answer (the gate). Returns the disposers.
 */
export function listenToRoom(o: RoomEventsOptions): Array<() => void> {
  const { channel, gate, mesh, dispatch } = o;
  const on = channel.on.bind(channel);
  const now = () => Date.now();
  return [
    on('meeting-joined', gate.wrap((payload) => o.onAdmitted(payload))),
    on('participant-joined', gate.wrap(({ participant }) => {
      if (participant.id === o.selfId()) return;
      dispatch({ type: 'participant-joined', participant });
      mesh.add(participant.id);
    })),
    on('participant-left', gate.wrap(({ participantId, reason }) => {
      mesh.remove(participantId);
      dispatch({ type: 'participant-left', participantId, reason });
      // Hosts: someone who gave up waiting.
      dispatch({ type: 'waiting-removed', participantId, reason: 'left' });
    })),
    on('participant-media-changed', gate.wrap(({ participantId, media }) => {
      dispatch({ type: 'participant-media', participantId, media });
      if (!media.screen) dispatch({ type: 'peer-stream', participantId, source: 'screen', stream: null });
    })),
    on('participant-ready', gate.wrap(({ participantId, ready }) => dispatch({ type: 'participant-ready', participantId, ready }))),
    on('meeting-started', gate.wrap((payload) => dispatch({ type: 'meeting-started', payload }))),
    on('meeting-ended', gate.wrap((payload) => {
      dispatch({ type: 'meeting-ended', payload });
      o.onOut('ended');
    })),
    on('meeting-updated', gate.wrap(({ meeting, serverTime }) => dispatch({ type: 'meeting-updated', meeting, serverTime, receivedAt: now() }))),
    on('meeting-locked', gate.wrap(({ locked }) => dispatch({ type: 'meeting-locked', locked }))),
    on('chat-message', gate.wrap((message) => dispatch({ type: 'chat', messages: [message] }))),
    // The session flow. The hosts' waiting list:
    on('participant-waiting', gate.wrap(({ participant }) => dispatch({ type: 'waiting-added', participant }))),
    on('participant-admitted', gate.wrap(({ participantId }) => dispatch({ type: 'waiting-removed', participantId, reason: 'admitted' }))),
    on('participant-denied', gate.wrap(({ participantId }) => {
      if (participantId === o.selfId()) o.onOut('denied');
      else dispatch({ type: 'waiting-removed', participantId, reason: 'denied' });
    })),
    // What a host did to us:
    on('participant-removed', ({ participantId }) => {
      if (participantId === o.selfId()) o.onOut('removed');
    }),
    on('mute-requested', ({ source, byName }) => {
      dispatch({ type: 'mute-requested', source, byName, at: now() });
      o.onMuteRequested(source);
    }),
    on('webrtc-offer', gate.wrap((e) => mesh.handleSignal(decodeDescription(e)))),
    on('webrtc-answer', gate.wrap((e) => mesh.handleSignal(decodeDescription(e)))),
    on('webrtc-ice-candidate', gate.wrap((e) => mesh.handleSignal(decodeCandidate(e)))),
    on('webrtc-signal', gate.wrap((e) => mesh.handleSignal(decodeSignal(e)))),
    on('webrtc-error', (e) => {
      // A signal racing a participant's departure is expected churn, not an error to show.
      if (e.code === 'participant-not-found' && e.event?.startsWith('webrtc-')) return;
      // The signalling channel refreshes the token (or reconnects with a new one): nothing to show.
      if (e.code === 'token-expired') return;
      // Media state or a signal that reached the server while it had us waiting (sent just before
      // a rejoin's answer put us back in the waiting room): the admission publishes our media
      // again, so this is no error of the person's ("Please wait for the host to let you in.").
      if (e.code === 'not-admitted') return;
      o.reportError(fromProtocolError(e));
    }),
  ];
}
