import { z } from 'zod';
import { mediaStateSchema, meetingIdSchema, participantIdSchema } from '@mentara/meetings-core/protocol';
import type { MeetingSnapshot } from '../meeting/snapshot';
import { API_ERROR_CODES } from './errors';

/**
 * The REST API's request and response schemas: requests are validated with them, responses are
 * built to them, and the OpenAPI document is generated from them (`components.schemas`, one entry
 * per registered schema). The same schema library as the wire protocol.
 */
export const apiSchemas = z.registry<{ id: string }>();

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const role = z.enum(['host', 'participant']).describe('`host` (the therapist) lets people in, removes, locks, extends and ends; everyone else is a `participant`.');
const chatHistory = z.enum(['none', 'all']);

export const createMeetingRequestSchema = z
  .strictObject({
    startsAt: epochMs.optional().describe('Epoch ms of the scheduled start: participants may join `earlyJoinMarginMs` (10 min by default) before it; hosts any time.'),
    endsAt: epochMs.optional().describe('Epoch ms of the scheduled end, in the future: the server ends the meeting then (`scheduled-end`); hosts may extend it.'),
    waitingRoom: z.boolean().optional().describe("Whether participants wait until a host lets them in. Default: the server's `waitingRoom` option (on)."),
    chatHistory: chatHistory.optional().describe("What people who come later read of the chat: `none` only what was said since they came, `all` the kept history. Default: the server's option (`none`)."),
  })
  .refine((b) => b.startsAt === undefined || b.endsAt === undefined || b.endsAt > b.startsAt, { message: 'endsAt must be after startsAt', path: ['endsAt'] })
  .describe('A meeting to register. Every field is optional; an empty body (or none) registers a meeting with the defaults.')
  .register(apiSchemas, { id: 'CreateMeetingRequest' });

export const issueTokenRequestSchema = z
  .strictObject({
    userId: z.string().trim().min(1).max(128).describe('Your stable id of the person (the token\'s `sub`): one seat per user per meeting.'),
    displayName: z.string().trim().min(1).max(64).describe('The name the others see.'),
    role: role.default('participant'),
    expiresIn: z.number().int().min(60).max(604_800).optional().describe('Lifetime in seconds (1 minute to 7 days). Default 86400 (24 h).'),
    waitingRoom: z.boolean().optional().describe('`false`: this person skips the waiting room (e.g. a co-therapist).'),
  })
  .describe('Who the token is for.')
  .register(apiSchemas, { id: 'IssueTokenRequest' });

export const participantSchema = z
  .strictObject({
    participantId: participantIdSchema,
    userId: z.string(),
    displayName: z.string(),
    role,
    joinedAt: epochMs.describe('Epoch ms this session joined.'),
    media: mediaStateSchema.describe('Which of their sources are on.'),
  })
  .describe('Someone in the meeting now: one session (a reload is a new session of the same `userId`).')
  .register(apiSchemas, { id: 'Participant' });

export const waitingParticipantSchema = z
  .strictObject({
    participantId: participantIdSchema,
    userId: z.string(),
    displayName: z.string(),
    role,
    since: epochMs.describe('Epoch ms they started waiting.'),
  })
  .describe('Someone in the waiting room now.')
  .register(apiSchemas, { id: 'WaitingParticipant' });

export const meetingSchema = z
  .strictObject({
    meetingId: meetingIdSchema,
    url: z.string().describe('The link people open: `{FRONTEND_URL}/meeting/{meetingId}`.'),
    status: z.enum(['waiting', 'active', 'ended']).describe('`waiting` until a second person is in (the start policy), then `active`, then `ended`.'),
    createdAt: epochMs,
    startsAt: epochMs.optional(),
    startedAt: epochMs.optional(),
    endsAt: epochMs.optional(),
    endedAt: epochMs.optional(),
    endReason: z.enum(['ended-by-host', 'scheduled-end', 'empty']).optional(),
    locked: z.boolean(),
    waitingRoom: z.boolean(),
    chatHistory,
    hostPresent: z.boolean(),
    participants: z.array(participantSchema).describe('Who is in the meeting now (on every server node), oldest first.'),
    waiting: z.array(waitingParticipantSchema).describe('Who waits to be let in now, longest first.'),
  })
  .describe('A meeting as it is now. Times are epoch milliseconds.')
  .register(apiSchemas, { id: 'Meeting' });

export const meetingTokenSchema = z
  .strictObject({
    token: z.string().describe('The JWT the browser passes to the meeting client (`token`). Never put it in a URL.'),
    meetingId: meetingIdSchema,
    userId: z.string(),
    role,
    expiresAt: epochMs.describe('Epoch ms the token expires.'),
  })
  .register(apiSchemas, { id: 'MeetingToken' });

export const apiErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(API_ERROR_CODES) as [keyof typeof API_ERROR_CODES, ...Array<keyof typeof API_ERROR_CODES>]),
      message: z.string(),
      details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional().describe('`invalid-payload`: what is wrong, field by field.'),
    }),
  })
  .describe('Every error: a code from a closed list (the wire protocol\'s where one fits) and a message for people.')
  .register(apiSchemas, { id: 'Error' });

/** Path parameters. */
export const pathParamSchemas = { meetingId: meetingIdSchema, participantId: participantIdSchema } as const;

/** The answer of `GET /{meetingId}`. */
export type ApiMeeting = z.infer<typeof meetingSchema>;

// The schema and the server's snapshot describe the same thing: a change to one must reach the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const snapshotMatches: Same<Omit<ApiMeeting, 'url'>, MeetingSnapshot> = true;
void snapshotMatches;
