import { ProtocolFailure } from '../errors';
import type { MeetingsSocket, SocketSession } from '../socket/types';
import { meetingRoom, participantRoom } from './rooms';

/**
 * The socket's live session (admitted or waiting), or `not-in-meeting`. A session is live while
 * the socket is still in its participant room: ending a meeting, replacing, denying or removing
 * the session (possibly from another node) removes the room, which this check sees without a
 * store round trip.
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

/**
 * The socket's session when it is in the meeting, `not-admitted` while it waits. "Admitted" is
 * the socket being in the meeting room, which a host's admission on any node puts it in.
 */
export function requireAdmitted(socket: MeetingsSocket): SocketSession {
  const session = requireSession(socket);
  if (!socket.rooms.has(meetingRoom(session.meetingId))) throw new ProtocolFailure('not-admitted');
  return session;
}

/** The socket's session when it is a host in the meeting; anyone else gets `forbidden`. */
export function requireHost(socket: MeetingsSocket): SocketSession {
  const session = requireSession(socket);
  if (session.role !== 'host') throw new ProtocolFailure('forbidden');
  return requireAdmitted(socket);
}
