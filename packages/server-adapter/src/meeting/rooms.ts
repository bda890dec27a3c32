/**
 * Socket.IO room names. All delivery goes through rooms — never a local socket lookup — so a
 * Socket.IO adapter (e.g. Redis) delivers across server nodes unchanged. A socket is admitted to
 * a meeting exactly while it is in the meeting room.
 */

/** Room holding every admitted socket of a meeting (never a waiting one). */
export const meetingRoom = (meetingId: string): string => `m:${meetingId}`;

/** Room holding the one socket of a participant session (also while it waits). */
export const participantRoom = (participantId: string): string => `p:${participantId}`;

/** Room holding the admitted hosts of a meeting (the waiting list goes to them). */
export const hostsRoom = (meetingId: string): string => `h:${meetingId}`;

/** Room holding the sockets in a meeting's waiting room. */
export const waitingRoom = (meetingId: string): string => `w:${meetingId}`;
