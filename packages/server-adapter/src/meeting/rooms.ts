/**
 * Socket.IO room names. All delivery goes through rooms — never a local socket lookup — so a
 * Socket.IO adapter (e.g. Redis) delivers across server nodes unchanged.
 */

/** Room holding every socket of a meeting. */
export const meetingRoom = (meetingId: string): string => `m:${meetingId}`;

/** Room holding the one socket of a participant session. */
export const participantRoom = (participantId: string): string => `p:${participantId}`;
