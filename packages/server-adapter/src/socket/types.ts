import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ParticipantRole, ServerToClientEvents } from '@mentara/meetings-core/protocol';
import type { AuthenticatedUser } from '../auth/types';

/**
 * The meeting a socket is in (or waits for), as this node remembers it. Whether it is admitted
 * is not stored here: it is the socket being in the meeting room, which a host on any node changes.
 */
export interface SocketSession {
  meetingId: string;
  participantId: string;
  userId: string;
  displayName: string;
  role: ParticipantRole;
}

/**
 * What the server keeps on each `/meetings` socket (`socket.data`), also visible to
 * `fetchSockets()` on other nodes. The server writes it; hosts may read it.
 */
export interface MeetingsSocketData {
  /** Who the handshake authenticated. */
  user: AuthenticatedUser;
  /** The meeting the socket is in or waits for, when it joined one. */
  session?: SocketSession;
}

/**
 * Inter-server events. Meeting traffic goes through rooms; the only one is a node telling the
 * others that a participant is gone, so they drop it from their roster caches.
 */
export interface MeetingsInterServerEvents {
  'mentara:participant-gone': (meetingId: string, participantId: string) => void;
}

/** The Socket.IO server type the adapter works with. */
export type MeetingsIoServer = Server<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** The `/meetings` namespace. */
export type MeetingsNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** One client socket on `/meetings`. */
export type MeetingsSocket = Socket<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
