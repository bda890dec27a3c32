import type { MeetingsMetrics } from '../observability/metrics';
import type { ResolvedOptions } from '../options';
import type { ClientEventHandlers, EventHandler } from '../socket/event-handler';
import type { MeetingsSocket } from '../socket/types';
import type { RoomStore } from '../store/room-store';
import { handleAdmit, handleDeny } from './admission';
import { handleChat } from './chat';
import type { MeetingEvents } from './events';
import { handleExtend, handleLock, handleRemove, handleRequestMute } from './host-controls';
import { handleJoin } from './join';
import { handleLeave } from './leave-handler';
import type { MeetingLifecycle } from './lifecycle';
import { handleReady, handleToggleMedia } from './media';
import type { ParticipantDirectory } from './participant-directory';
import type { LoadShedder } from './load-shedder';
import type { LocalPresence } from './presence';
import { handleRelay, type RelayEvent } from './relay';
import type { RoomEmitter } from './room-emitter';
import type { RoomWatch } from './room-watch';

/** The units the client event handlers are built from; each handler takes only its part. */
export interface HandlerUnits {
  store: RoomStore;
  rooms: RoomEmitter;
  presence: LocalPresence;
  /** Where admitted participants are, for the relay. */
  directory: ParticipantDirectory;
  /** Deliveries to meeting rooms on this node, so a join can answer from its seat step. */
  roomWatch: RoomWatch;
  events: MeetingEvents;
  /** Refuses new joins with `server-busy` while this node is overloaded. */
  load: Pick<LoadShedder, 'admit'>;
  lifecycle: MeetingLifecycle;
  metrics: Pick<MeetingsMetrics, 'relayed'>;
  /** Leaves the socket's current meeting. */
  leave(socket: MeetingsSocket, reason: 'left'): Promise<void>;
  clock: () => number;
  options: ResolvedOptions;
  /** `refresh-token`: a new token for the connection (see `socket/token-expiry.ts`). */
  refreshToken: EventHandler<'refresh-token'>;
}

/** One handler per client event of the wire contract. */
export function createClientEventHandlers(units: HandlerUnits): ClientEventHandlers {
  const chat = { ...units, limits: units.options.limits };
  const relay =
    <E extends RelayEvent>(event: E): EventHandler<E> =>
    (socket, payload) =>
      handleRelay(units, socket, event, payload);
  return {
    'join-meeting': (socket, payload, event) => units.load.admit(() => handleJoin(units, socket, payload, event)),
    'leave-meeting': (socket, payload) => handleLeave(units, socket, payload),
    'toggle-media': (socket, payload) => handleToggleMedia(units, socket, payload),
    'participant-ready': (socket, payload) => handleReady(units, socket, payload),
    'chat-message': (socket, payload, event) => handleChat(chat, socket, payload, event),
    'webrtc-signal': relay('webrtc-signal'),
    'webrtc-offer': relay('webrtc-offer'),
    'webrtc-answer': relay('webrtc-answer'),
    'webrtc-ice-candidate': relay('webrtc-ice-candidate'),
    'admit-participant': (socket, payload, event) => handleAdmit(units, socket, payload, event),
    'deny-participant': (socket, payload) => handleDeny(units, socket, payload),
    'remove-participant': (socket, payload) => handleRemove(units, socket, payload),
    'request-mute': (socket, payload) => handleRequestMute(units, socket, payload),
    'lock-meeting': (socket, payload) => handleLock(units, socket, payload),
    'extend-meeting': (socket, payload) => handleExtend(units, socket, payload),
    'refresh-token': units.refreshToken,
  };
}
