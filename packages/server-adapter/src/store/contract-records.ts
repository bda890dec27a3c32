import type { ChatRecord, ParticipantRecord } from './room-store';

/* Records for the room store contract suite. */

let seq = 0;
/** Unique ids per test so a shared backend (Redis) never sees leftovers of another test. */
export const uid = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/** A participant record of `meetingId` with fresh ids. */
export const participant = (meetingId: string, over: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  id: uid('p'),
  userId: uid('u'),
  displayName: 'Someone',
  role: 'participant',
  media: { microphone: true, camera: true, screen: false },
  ready: false,
  joinedAt: Date.now(),
  meetingId,
  nodeId: 'node-a',
  socketId: uid('s'),
  ...over,
});

/** A chat message of `meetingId` with a fresh id. */
export const chat = (meetingId: string, text: string): ChatRecord => ({
  id: uid('c'),
  meetingId,
  from: 'p1',
  fromName: 'Someone',
  senderUserId: 'u1',
  text,
  sentAt: Date.now(),
});
