import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mentara/meetings-core/protocol';
import type { AuthenticatedUser } from '../auth/types';
import type { TokenBucket } from './rate-limiter';

/** The meeting a socket is in, as this node remembers it. */
export interface SocketSession {
  meetingId: string;
  participantId: string;
  displayName: string;
}

/** Per-socket data (`socket.data`). */
export interface MeetingsSocketData {
  user: AuthenticatedUser;
  session?: SocketSession;
  bucket: TokenBucket;
  /** When this socket was last told it is rate-limited (epoch ms). */
  rateNoticeAt: number;
  /** Tail of the per-socket event queue: events are handled strictly in arrival order. */
  queue: Promise<void>;
}

/** Inter-server events: none (all cross-node traffic goes through rooms). */
export type MeetingsInterServerEvents = Record<string, never>;

/** The Socket.IO server type the adapter works with. */
export type MeetingsIoServer = Server<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** The `/meetings` namespace. */
export type MeetingsNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
/** One client socket on `/meetings`. */
export type MeetingsSocket = Socket<ClientToServerEvents, ServerToClientEvents, MeetingsInterServerEvents, MeetingsSocketData>;
