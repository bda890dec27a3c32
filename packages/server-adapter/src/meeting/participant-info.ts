import type { MeetingInfo, ParticipantInfo } from '@mentara/meetings-core/protocol';
import type { MeetingRecord, ParticipantRecord } from '../store/room-store';

/** The public part of a participant record (routing data such as `nodeId` stays on the server). */
export const toParticipantInfo = (p: ParticipantRecord): ParticipantInfo => ({
  id: p.id,
  userId: p.userId,
  displayName: p.displayName,
  role: p.role,
  media: { ...p.media },
  ready: p.ready,
  joinedAt: p.joinedAt,
});

/** The public part of a meeting record. */
export const toMeetingInfo = (m: MeetingRecord): MeetingInfo => ({
  meetingId: m.meetingId,
  status: m.status,
  locked: m.locked,
  ...(m.startedAt !== undefined ? { startedAt: m.startedAt } : {}),
  ...(m.endsAt !== undefined ? { endsAt: m.endsAt } : {}),
});
