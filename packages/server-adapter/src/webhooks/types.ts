import type { MeetingEndReason, ParticipantLeftReason, ParticipantRole } from '@mentara/meetings-core/protocol';

/** The webhook events a backend can receive. */
export type WebhookEventType = 'meeting.started' | 'participant.joined' | 'participant.left' | 'meeting.ended';

/** Every webhook event type, in the order they usually happen. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = ['meeting.started', 'participant.joined', 'participant.left', 'meeting.ended'];

/** One participant session in a webhook (a reconnect from another tab or device is a new session of the same `userId`). */
export interface WebhookParticipant {
  participantId: string;
  /** The `sub` of their token. */
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** Epoch ms this session was let in. */
  joinedAt: number;
}

/** One session of `meeting.ended`'s attendance: when it joined and, once it left, when and why. */
export interface WebhookAttendance extends WebhookParticipant {
  /** Epoch ms; absent only when the leave was never announced (e.g. a node died and nobody swept it yet). */
  leftAt?: number;
  durationMs?: number;
  leftReason?: ParticipantLeftReason;
}

/** The `data` of each webhook event type. */
export interface WebhookEventDataMap {
  'meeting.started': {
    meetingId: string;
    /** Epoch ms. */
    startedAt: number;
    /** Who was in the meeting when it started. */
    participants: WebhookParticipant[];
  };
  'participant.joined': {
    meetingId: string;
    participant: WebhookParticipant;
    /** The earlier session of the same user this one replaced (reload, second tab); it gets `participant.left` reason `replaced`. */
    replacedParticipantId?: string;
  };
  'participant.left': {
    meetingId: string;
    participant: WebhookParticipant;
    reason: ParticipantLeftReason;
    /** Epoch ms. */
    leftAt: number;
    /** Time this session spent in the meeting. */
    durationMs: number;
  };
  'meeting.ended': {
    meetingId: string;
    reason: MeetingEndReason;
    /** Epoch ms. */
    endedAt: number;
    /** Epoch ms; absent when the meeting never started. */
    startedAt?: number;
    /** From start to end; absent when the meeting never started. */
    durationMs?: number;
    /** Every session let into the meeting, in the order they joined (at most 500). */
    participants: WebhookAttendance[];
  };
}

/**
 * A webhook delivery's JSON body: `{ id, type, createdAt, data }`. `id` is the same on every
 * attempt of the same event (de-duplicate on it); `createdAt` is when the server announced it.
 */
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = {
  [K in T]: { id: string; type: K; /** Epoch ms. */ createdAt: number; data: WebhookEventDataMap[K] };
}[T];
