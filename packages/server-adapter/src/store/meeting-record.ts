import type { MeetingInit, MeetingRecord } from './room-store';

/** The record a store creates for a meeting that does not exist yet: `waiting`, unlocked, with the settings `init` carries. */
export function initialMeetingRecord(init: MeetingInit): MeetingRecord {
  const record: MeetingRecord = { meetingId: init.meetingId, status: 'waiting', createdAt: init.createdAt, locked: false };
  if (init.waitingRoom !== undefined) record.waitingRoom = init.waitingRoom;
  if (init.chatHistory !== undefined) record.chatHistory = init.chatHistory;
  if (init.startsAt !== undefined) record.startsAt = init.startsAt;
  if (init.endsAt !== undefined) record.endsAt = init.endsAt;
  return record;
}
