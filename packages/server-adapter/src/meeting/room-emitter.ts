import type { MeetingsNamespace } from '../socket/types';
import { hostsRoom, meetingRoom, participantRoom, waitingRoom } from './rooms';

/** Sends server events to the sockets in a room, on every node. */
export type RoomBroadcast = ReturnType<MeetingsNamespace['to']>;

/**
 * Delivery to meetings and participant sessions, wherever their sockets live: everything goes
 * through Socket.IO rooms, so a cross-node adapter (Redis) reaches other nodes unchanged, and
 * room membership changes of a socket on another node go through the adapter too.
 */
export interface RoomEmitter {
  /** Every admitted socket of a meeting. */
  toMeeting(meetingId: string): RoomBroadcast;
  /** Every admitted socket of a meeting but one participant's. */
  toMeetingExcept(meetingId: string, participantId: string): RoomBroadcast;
  /** Everyone admitted and everyone in the waiting room (events without a roster). */
  toEveryone(meetingId: string): RoomBroadcast;
  /** The admitted hosts of a meeting. */
  toHosts(meetingId: string): RoomBroadcast;
  /** The one socket of a participant session (admitted or waiting). */
  toParticipant(participantId: string): RoomBroadcast;
  /** Moves a waiting session's socket into the meeting (on whichever node it lives). */
  admit(meetingId: string, participantId: string): void;
  /** Takes every socket of a meeting, waiting ones included, out of all its rooms. */
  evacuate(meetingId: string, participantIds: readonly string[]): void;
  /** Takes one session's socket out of its meeting and waiting room (its session is over). */
  detach(meetingId: string, participantId: string): void;
}

/** The room emitter of the `/meetings` namespace. */
export function createRoomEmitter(nsp: MeetingsNamespace): RoomEmitter {
  return {
    toMeeting: (meetingId) => nsp.to(meetingRoom(meetingId)),
    toMeetingExcept: (meetingId, participantId) => nsp.to(meetingRoom(meetingId)).except(participantRoom(participantId)),
    toEveryone: (meetingId) => nsp.to([meetingRoom(meetingId), waitingRoom(meetingId)]),
    toHosts: (meetingId) => nsp.to(hostsRoom(meetingId)),
    toParticipant: (participantId) => nsp.to(participantRoom(participantId)),
    admit(meetingId, participantId) {
      const own = nsp.in(participantRoom(participantId));
      own.socketsJoin(meetingRoom(meetingId));
      own.socketsLeave(waitingRoom(meetingId));
    },
    evacuate(meetingId, participantIds) {
      const rooms = [meetingRoom(meetingId), hostsRoom(meetingId), waitingRoom(meetingId)];
      nsp.in([meetingRoom(meetingId), waitingRoom(meetingId)]).socketsLeave([...rooms, ...participantIds.map(participantRoom)]);
    },
    detach(meetingId, participantId) {
      const own = participantRoom(participantId);
      nsp.in(own).socketsLeave([meetingRoom(meetingId), hostsRoom(meetingId), waitingRoom(meetingId), own]);
    },
  };
}
