import { ProtocolFailure } from '../errors';
import type { MeetingsMetrics } from '../observability/metrics';
import type { EventPayload } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import { requireAdmitted } from './require-session';
import type { RoomEmitter } from './room-emitter';

/** The four signalling events; all are relayed to exactly one participant of the sender's meeting. */
export type RelayEvent = 'webrtc-signal' | 'webrtc-offer' | 'webrtc-answer' | 'webrtc-ice-candidate';

/** What the relay of signalling messages works with. */
export interface RelayContext {
  /** Where the target's membership is checked (a store round trip per message). */
  store: RoomStore;
  rooms: RoomEmitter;
  metrics: Pick<MeetingsMetrics, 'relayed'>;
}

/**
 * Relays a signalling message to ONE participant of the sender's own meeting, through that
 * participant's room (so it works across nodes). `from` is stamped by the server; the signal
 * itself (offer/answer/candidate/renegotiate/transceiverRequest) is passed through untouched.
 */
export async function handleRelay(
  ctx: RelayContext,
  socket: MeetingsSocket,
  event: RelayEvent,
  payload: EventPayload<RelayEvent>,
): Promise<void> {
  const { meetingId, participantId } = requireAdmitted(socket);
  if (payload.to === participantId) throw new ProtocolFailure('participant-not-found');
  const target = await ctx.store.getParticipant(meetingId, payload.to);
  if (!target) throw new ProtocolFailure('participant-not-found');
  const connection = payload.connectionId !== undefined ? { connectionId: payload.connectionId } : {};
  const to = ctx.rooms.toParticipant(target.id);
  if ('signal' in payload) {
    to.emit('webrtc-signal', { from: participantId, signal: payload.signal, ...connection });
  } else if ('candidate' in payload) {
    to.emit('webrtc-ice-candidate', { from: participantId, candidate: payload.candidate, ...connection });
  } else if (event === 'webrtc-offer') {
    to.emit('webrtc-offer', { from: participantId, sdp: payload.sdp, ...connection });
  } else {
    to.emit('webrtc-answer', { from: participantId, sdp: payload.sdp, ...connection });
  }
  ctx.metrics.relayed(event);
}
