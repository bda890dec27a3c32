import { z } from 'zod';
import { meetingIdSchema, participantIdSchema } from '@mentara/meetings-core/protocol';
import type { WebhookEvent, WebhookEventType } from '../webhooks/types';
import { apiSchemas } from './schemas';

/**
 * Schemas of the webhook bodies, for the OpenAPI document's `webhooks` (and the tests, which
 * check every delivery against them). The TypeScript types in `webhooks/types.ts` are the source;
 * a compile-time check below keeps these equal to them.
 */
const epochMs = z.number().int().min(0);
const role = z.enum(['host', 'participant']);
const leftReason = z.enum(['left', 'disconnected', 'replaced', 'removed', 'denied', 'meeting-ended']);

export const webhookParticipantSchema = z
  .strictObject({ participantId: participantIdSchema, userId: z.string(), displayName: z.string(), role, joinedAt: epochMs })
  .describe('One participant session (a reload or second device is a new session of the same `userId`).')
  .register(apiSchemas, { id: 'WebhookParticipant' });

export const webhookAttendanceSchema = z
  .strictObject({
    participantId: participantIdSchema,
    userId: z.string(),
    displayName: z.string(),
    role,
    joinedAt: epochMs,
    leftAt: epochMs.optional(),
    durationMs: z.number().int().min(0).optional(),
    leftReason: leftReason.optional(),
  })
  .describe('One session of the attendance: when it joined and, once it left, when and why.')
  .register(apiSchemas, { id: 'WebhookAttendance' });

const envelope = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D, description: string, id: string) =>
  z
    .strictObject({
      id: z.string().describe('The event id: the same on every attempt (de-duplicate on it); also in `Mentara-Event-Id`.'),
      type: z.literal(type),
      createdAt: epochMs.describe('Epoch ms the server announced the event.'),
      data,
    })
    .describe(description)
    .register(apiSchemas, { id });

export const webhookEventSchemas = {
  'meeting.started': envelope(
    'meeting.started',
    z.strictObject({ meetingId: meetingIdSchema, startedAt: epochMs, participants: z.array(webhookParticipantSchema) }),
    'The meeting started: a second person is in (the default start policy). `participants`: who was in then.',
    'MeetingStartedEvent',
  ),
  'participant.joined': envelope(
    'participant.joined',
    z.strictObject({ meetingId: meetingIdSchema, participant: webhookParticipantSchema, replacedParticipantId: participantIdSchema.optional() }),
    'Someone was let into the meeting (a waiting room admission counts when the host lets them in).',
    'ParticipantJoinedEvent',
  ),
  'participant.left': envelope(
    'participant.left',
    z.strictObject({ meetingId: meetingIdSchema, participant: webhookParticipantSchema, reason: leftReason, leftAt: epochMs, durationMs: z.number().int().min(0) }),
    'A session left the meeting, with the time it spent in it.',
    'ParticipantLeftEvent',
  ),
  'meeting.ended': envelope(
    'meeting.ended',
    z.strictObject({
      meetingId: meetingIdSchema,
      reason: z.enum(['ended-by-host', 'scheduled-end', 'empty']),
      endedAt: epochMs,
      startedAt: epochMs.optional(),
      durationMs: z.number().int().min(0).optional(),
      participants: z.array(webhookAttendanceSchema).describe('Every session let in, in join order, with join and leave times (at most 500).'),
    }),
    'The meeting ended, with its duration (from start to end) and its attendance. Always the last event of a meeting.',
    'MeetingEndedEvent',
  ),
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Inferred = { [K in WebhookEventType]: z.infer<(typeof webhookEventSchemas)[K]> };
const schemasMatchTypes: Same<Inferred[WebhookEventType], WebhookEvent> = true;
void schemasMatchTypes;
