import type {
  ChatHistoryPolicy,
  MediaState,
  MeetingEndReason,
  MeetingStatus,
  ParticipantRole,
} from '@mentara/meetings-core/protocol';
import type { RoomStore } from '../store/room-store';
import { hasHost, meetingSettings, type MeetingDefaults } from './participant-info';

/** Someone in a meeting now, as the server API reports them. */
export interface MeetingSnapshotParticipant {
  participantId: string;
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms this session joined. */
  joinedAt: number;
  media: MediaState;
}

/** Someone in the waiting room now, as the server API reports them. */
export interface MeetingSnapshotWaiting {
  participantId: string;
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms they started waiting. */
  since: number;
}

/**
 * A meeting as it is now, read from the store (so the same on every node): its status and
 * times, its settings with the server's defaults applied, who is in it and who is waiting.
 */
export interface MeetingSnapshot {
  meetingId: string;
  status: MeetingStatus;
  /** Epoch ms the meeting was registered (`createMeeting`) or first joined. */
  createdAt: number;
  startsAt?: number;
  startedAt?: number;
  endsAt?: number;
  endedAt?: number;
  endReason?: MeetingEndReason;
  locked: boolean;
  waitingRoom: boolean;
  chatHistory: ChatHistoryPolicy;
  hostPresent: boolean;
  /** Oldest first; empty once the meeting ended. */
  participants: MeetingSnapshotParticipant[];
  /** Longest waiting first; empty once the meeting ended. */
  waiting: MeetingSnapshotWaiting[];
}

/** Reads a meeting from the store; `undefined` when it is unknown (or its ended tombstone expired). */
export async function readMeetingSnapshot(store: RoomStore, defaults: MeetingDefaults, meetingId: string): Promise<MeetingSnapshot | undefined> {
  const record = await store.getMeeting(meetingId);
  if (!record) return undefined;
  const ended = record.status === 'ended';
  const [participants, waiting] = ended ? [[], []] : await Promise.all([store.listParticipants(meetingId), store.listWaiting(meetingId)]);
  return {
    meetingId,
    status: record.status,
    createdAt: record.createdAt,
    ...(record.startsAt !== undefined ? { startsAt: record.startsAt } : {}),
    ...(record.startedAt !== undefined ? { startedAt: record.startedAt } : {}),
    ...(record.endsAt !== undefined ? { endsAt: record.endsAt } : {}),
    ...(record.endedAt !== undefined ? { endedAt: record.endedAt } : {}),
    ...(record.endReason !== undefined ? { endReason: record.endReason } : {}),
    locked: record.locked,
    ...meetingSettings(record, defaults),
    hostPresent: hasHost(participants),
    participants: participants.map((p) => ({
      participantId: p.id,
      userId: p.userId,
      displayName: p.displayName,
      role: p.role,
      joinedAt: p.joinedAt,
      media: { ...p.media },
    })),
    waiting: waiting.map((w) => ({ participantId: w.id, userId: w.userId, displayName: w.displayName, role: w.role, since: w.since })),
  };
}
