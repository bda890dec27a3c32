import { ProtocolFailure } from '../errors';
import type { MeetingsSocket, SocketSession } from '../socket/types';
import { participantRoom } from './rooms';

/**
 * The socket's live session, or `not-in-meeting`. A session is live while the socket is still
 * in its participant room: ending a meeting or replacing the session (possibly from another
 * node) removes the room, which this check sees without a store round trip.
 */
export function requireSession(socket: MeetingsSocket): SocketSession {
  const session = socket.data.session;
  if (!session) throw new ProtocolFailure('not-in-meeting');
  if (!socket.rooms.has(participantRoom(session.participantId))) {
    socket.data.session = undefined;
    throw new ProtocolFailure('not-in-meeting');
  }
  return session;
}
