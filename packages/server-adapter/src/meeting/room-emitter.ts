import type { MeetingsNamespace } from '../socket/types';
import { meetingRoom, participantRoom } from './rooms';

/** Sends server events to the sockets in a room, on every node. */
export type RoomBroadcast = ReturnType<MeetingsNamespace['to']>;

/**
 * Delivery to meetings and participant sessions, wherever their sockets live: everything goes
 * through Socket.IO rooms, so a cross-node adapter (Redis) reaches other nodes unchanged.
 */
export interface RoomEmitter {
  /** Every socket of a meeting. */
  toMeeting(meetingId: string): RoomBroadcast;
  /** The one socket of a participant session. */
  toParticipant(participantId: string): RoomBroadcast;
  /** Takes every socket of a meeting out of the meeting room and the given participants' rooms. */
  evacuate(meetingId: string, participantIds: readonly string[]): void;
  /** Takes one participant session's socket out of its meeting (its session is over). */
  detach(meetingId: string, participantId: string): void;
}

/** The room emitter of the `/meetings` namespace. */
export function createRoomEmitter(nsp: MeetingsNamespace): RoomEmitter {
  return {
    toMeeting: (meetingId) => nsp.to(meetingRoom(meetingId)),
    toParticipant: (participantId) => nsp.to(participantRoom(participantId)),
    evacuate(meetingId, participantIds) {
      const room = meetingRoom(meetingId);
      nsp.in(room).socketsLeave([room, ...participantIds.map(participantRoom)]);
    },
    detach(meetingId, participantId) {
      const own = participantRoom(participantId);
      nsp.in(own).socketsLeave([meetingRoom(meetingId), own]);
    },
  };
}
