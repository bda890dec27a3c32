import type { ChatHistoryPolicy, ChatMessage, MeetingInfo, ParticipantInfo, WaitingParticipant } from '@mentara/meetings-core/protocol';
import type { SessionOptions } from '../options';
import type { ChatRecord, MeetingRecord, ParticipantRecord, WaitingRecord } from '../store/room-store';

/** The server's defaults for meeting settings a record does not carry. */
export type MeetingDefaults = Pick<SessionOptions, 'waitingRoom' | 'chatHistory'>;

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

/** Someone in the waiting room, as hosts (and they themselves) see them. */
export const toWaitingParticipant = (w: WaitingRecord): WaitingParticipant => ({
  id: w.id,
  userId: w.userId,
  displayName: w.displayName,
  role: w.role,
  since: w.since,
});

/** Whether the meeting has a waiting room, and its chat history policy, with the server's defaults applied. */
export const meetingSettings = (m: MeetingRecord, defaults: MeetingDefaults): { waitingRoom: boolean; chatHistory: ChatHistoryPolicy } => ({
  waitingRoom: m.waitingRoom ?? defaults.waitingRoom,
  chatHistory: m.chatHistory ?? defaults.chatHistory,
});

/** The public part of a meeting record (no roster: waiting participants see it too). */
export function toMeetingInfo(m: MeetingRecord, hostPresent: boolean, defaults: MeetingDefaults): MeetingInfo {
  const info: MeetingInfo = {
    meetingId: m.meetingId,
    status: m.status,
    locked: m.locked,
    waitingRoom: m.waitingRoom ?? defaults.waitingRoom,
    chatHistory: m.chatHistory ?? defaults.chatHistory,
    hostPresent,
  };
  if (m.startsAt !== undefined) info.startsAt = m.startsAt;
  if (m.startedAt !== undefined) info.startedAt = m.startedAt;
  if (m.endsAt !== undefined) info.endsAt = m.endsAt;
  return info;
}

/** A stored chat message as clients see it (without the sender's user id). */
export const toChatMessage = ({ senderUserId: _sender, ...message }: ChatRecord): ChatMessage => message;

/** Whether anyone in `participants` is a host. */
export const hasHost = (participants: readonly ParticipantRecord[]): boolean => participants.some((p) => p.role === 'host');
