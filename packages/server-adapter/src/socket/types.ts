import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mentara/meetings-core/protocol';
import type { AuthenticatedUser } from '../auth/types';

/** The meeting a socket is in, as this node remembers it. */
export interface SocketSession {
  meetingId: string;
  participantId: string;
  displayName: string;
}

/**
 * What the server keeps on each `/meetings` socket (`socket.data`), also visible to
 * `fetchSockets()` on other nodes. The server writes it; hosts may read it.
 */
export interface MeetingsSocketData {
  /** Who the handshake authenticated. */
  user: AuthenticatedUser;
  /** The meeting the socket is in, when it joined one. */
  session?: SocketSession;
}

/** Inter-server events: none (all cross-node traffic goes through rooms). */
export type MeetingsInterServerEvents = Record<string, never>;

/** The Socket.IO server type the adapter works with. */
export type MeetingsIoServer = Server<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** The `/meetings` namespace. */
export type MeetingsNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** One client socket on `/meetings`. */
export type MeetingsSocket = Socket<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
