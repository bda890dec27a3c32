import { ProtocolFailure } from '../errors';
import type { MeetingsMetrics } from '../observability/metrics';
import type { EventPayload } from '../socket/event-handler';
import { isThenable } from '../socket/serial-queue';
import type { MeetingsSocket } from '../socket/types';
import type { ParticipantDirectory } from './participant-directory';
import { requireAdmitted } from './require-session';
import type { RoomEmitter } from './room-emitter';

/** The four signalling events; all are relayed to exactly one participant of the sender's meeting. */
export type RelayEvent = 'webrtc-signal' | 'webrtc-offer' | 'webrtc-answer' | 'webrtc-ice-candidate';

/** What the relay of signalling messages works with. */
export interface RelayContext {
  /** Where the target is: this node's rooms, else a per-node cache of other nodes' participants. */
  directory: Pick<ParticipantDirectory, 'local' | 'remoteNode'>;
  rooms: Pick<RoomEmitter, 'toParticipant'>;
  metrics: Pick<MeetingsMetrics, 'relayed'>;
}

/** The relayed message: the payload's own part, untouched, with `from` stamped by the server. */
function relayedMessage(from: string, payload: EventPayload<RelayEvent>): Record<string, unknown> {
  const message: Record<string, unknown> =
    'signal' in payload
      ? { from, signal: payload.signal }
      : 'candidate' in payload
        ? { from, candidate: payload.candidate }
        : { from, sdp: payload.sdp };
  if (payload.connectionId !== undefined) message.connectionId = payload.connectionId;
  return message;
}

/**
 * Relays a signalling message to ONE admitted participant of the sender's own meeting. A target
 * on this node gets it straight on its socket, with no store round trip and nothing published; a
 * target on another node gets it through its participant room (the adapter carries it there),
 * once the directory knows it is a member — from its cache or, the first time, from the store.
 * `from` is stamped by the server; the signal itself (offer/answer/candidate/renegotiate/
 * transceiverRequest) is passed through untouched. Synchronous unless the store must be asked.
 */
export function handleRelay(
  ctx: RelayContext,
  socket: MeetingsSocket,
  event: RelayEvent,
  payload: EventPayload<RelayEvent>,
): void | Promise<void> {
  const { meetingId, participantId } = requireAdmitted(socket);
  const { to } = payload;
  if (to === participantId) throw new ProtocolFailure('participant-not-found');
  const message = relayedMessage(participantId, payload);
  const local = ctx.directory.local(meetingId, to);
  if (local) {
    // The typed emit cannot take the union of the four events; the message matches each one's payload.
    (local.emit as (name: string, data: unknown) => boolean)(event, message);
    ctx.metrics.relayed(event);
    return;
  }
  const send = (nodeId: string | undefined): void => {
    if (nodeId === undefined) throw new ProtocolFailure('participant-not-found');
    (ctx.rooms.toParticipant(to).emit as (name: string, data: unknown) => boolean)(event, message);
    ctx.metrics.relayed(event);
  };
  const node = ctx.directory.remoteNode(meetingId, to);
  return isThenable(node) ? Promise.resolve(node).then(send) : send(node);
}
