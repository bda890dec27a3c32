import { randomUUID } from 'node:crypto';
import type { MeetingEventMap, ParticipantSummary } from '../meeting/events';
import type { OutboxAppend } from './outbox';
import type { WebhookAttendance, WebhookEvent, WebhookEventType, WebhookParticipant } from './types';

/** An event ready for the outbox, before it knows which endpoints get it. */
export type PreparedWebhook = Omit<OutboxAppend, 'endpointIds' | 'now'> & { type: WebhookEventType };

const participant = (p: ParticipantSummary): WebhookParticipant => ({
  participantId: p.participantId,
  userId: p.userId,
  displayName: p.displayName,
  role: p.role,
  joinedAt: p.joinedAt,
});

/** Stands for `data.participants` of `meeting.ended` until the outbox splices the attendance in (NULs never occur in a body). */
const ATTENDANCE_MARK = '\u0000attendance\u0000';

function envelope<T extends WebhookEventType>(type: T, createdAt: number, data: Extract<WebhookEvent, { type: T }>['data']): { id: string; json: string } {
  const id = randomUUID();
  return { id, json: JSON.stringify({ id, type, createdAt, data }) };
}

/** `meeting.started`. */
export function meetingStarted(event: MeetingEventMap['meeting-started'], createdAt: number): PreparedWebhook {
  const { id, json } = envelope('meeting.started', createdAt, {
    meetingId: event.meetingId,
    startedAt: event.startedAt,
    participants: event.participants.map(participant),
  });
  return { type: 'meeting.started', meetingId: event.meetingId, eventId: id, body: json };
}

/** `participant.joined`; the session starts its line in the meeting's attendance. */
export function participantJoined(event: MeetingEventMap['participant-joined'], createdAt: number): PreparedWebhook {
  const p = participant(event.participant);
  const { id, json } = envelope('participant.joined', createdAt, {
    meetingId: event.meetingId,
    participant: p,
    ...(event.replacedParticipantId !== undefined ? { replacedParticipantId: event.replacedParticipantId } : {}),
  });
  return { type: 'participant.joined', meetingId: event.meetingId, eventId: id, body: json, attendance: { participantId: p.participantId, record: JSON.stringify(p) } };
}

/** `participant.left`, with the time the session spent in the meeting; its attendance line gets the leave. */
export function participantLeft(event: MeetingEventMap['participant-left'], createdAt: number): PreparedWebhook {
  const p = participant(event.participant);
  const { id, json } = envelope('participant.left', createdAt, {
    meetingId: event.meetingId,
    participant: p,
    reason: event.reason,
    leftAt: event.leftAt,
    durationMs: event.durationMs,
  });
  const attended: WebhookAttendance = { ...p, leftAt: event.leftAt, durationMs: event.durationMs, leftReason: event.reason };
  return { type: 'participant.left', meetingId: event.meetingId, eventId: id, body: json, attendance: { participantId: p.participantId, record: JSON.stringify(attended) } };
}

/**
 * `meeting.ended`, with its duration; `participants` is every session of the meeting's attendance,
 * which the outbox splices in (atomically with the append, so it matches the events queued before).
 */
export function meetingEnded(event: MeetingEventMap['meeting-ended'], createdAt: number): PreparedWebhook {
  const { id, json } = envelope('meeting.ended', createdAt, {
    meetingId: event.meetingId,
    reason: event.reason,
    endedAt: event.endedAt,
    ...(event.startedAt !== undefined ? { startedAt: event.startedAt } : {}),
    ...(event.durationMs !== undefined ? { durationMs: event.durationMs } : {}),
    participants: ATTENDANCE_MARK as never,
  });
  const [before, after] = json.split(JSON.stringify(ATTENDANCE_MARK)) as [string, string];
  return { type: 'meeting.ended', meetingId: event.meetingId, eventId: id, body: { before, after } };
}
