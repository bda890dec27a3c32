import { decodeJwt } from 'jose';
import type { z } from 'zod';
import type { MeetingsServer } from '../attach';
import { issueMeetingToken } from '../auth/issue-token';
import type { JwtAuthOptions } from '../auth/types';
import type { MeetingSnapshot } from '../meeting/snapshot';
import { meetingUrl } from '../meeting-url';
import { ApiFailure } from './errors';
import type { ApiOperation } from './routes';
import type { ApiMeeting, createMeetingRequestSchema, issueTokenRequestSchema, meetingTokenSchema } from './schemas';

/** What the API acts on: the attached server's meeting operations. */
export type MeetingsApiTarget = Pick<MeetingsServer, 'createMeeting' | 'getMeeting' | 'endMeeting' | 'removeParticipant'>;

/** What the operations work with. */
export interface OperationContext {
  meetings: MeetingsApiTarget;
  frontendUrl: string;
  basePath: string;
  /** How participant tokens are signed; `undefined` when the server has no HMAC secret. */
  tokens: Pick<JwtAuthOptions, 'secret' | 'issuer' | 'audience' | 'algorithms'> | undefined;
  clock: () => number;
}

/** An operation's answer. */
export interface OperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One operation: validated path parameters and body in, an answer out (or an {@link ApiFailure}). */
export type Operation = (ctx: OperationContext, params: Record<string, string>, body: unknown) => Promise<OperationResult>;

const withUrl = (ctx: OperationContext, snapshot: MeetingSnapshot): ApiMeeting => ({
  ...snapshot,
  url: meetingUrl(snapshot.meetingId, { frontendUrl: ctx.frontendUrl }),
});

async function existing(ctx: OperationContext, meetingId: string): Promise<MeetingSnapshot> {
  const snapshot = await ctx.meetings.getMeeting(meetingId);
  if (!snapshot) throw new ApiFailure('meeting-not-found');
  return snapshot;
}

const createMeeting: Operation = async (ctx, _params, body) => {
  const { startsAt, endsAt, waitingRoom, chatHistory } = (body ?? {}) as z.infer<typeof createMeetingRequestSchema>;
  if (endsAt !== undefined && endsAt <= ctx.clock()) {
    throw new ApiFailure('invalid-payload', { details: [{ path: 'endsAt', message: 'endsAt must be in the future' }] });
  }
  const created = await ctx.meetings.createMeeting({ frontendUrl: ctx.frontendUrl, startsAt, endsAt, waitingRoom, chatHistory });
  const snapshot = await existing(ctx, created.meetingId);
  return { status: 201, body: withUrl(ctx, snapshot), headers: { location: `${ctx.basePath}/${created.meetingId}` } };
};

const getMeeting: Operation = async (ctx, { meetingId }) => ({ status: 200, body: withUrl(ctx, await existing(ctx, meetingId!)) });

const endMeeting: Operation = async (ctx, { meetingId }) => {
  const before = await existing(ctx, meetingId!);
  // Idempotent: a retry after a lost answer finds it ended and answers the same.
  if (before.status !== 'ended') await ctx.meetings.endMeeting(meetingId!);
  return { status: 200, body: withUrl(ctx, await existing(ctx, meetingId!)) };
};

const removeParticipant: Operation = async (ctx, { meetingId, participantId }) => {
  const meeting = await existing(ctx, meetingId!);
  if (meeting.status === 'ended') throw new ApiFailure('meeting-ended');
  if (!(await ctx.meetings.removeParticipant(meetingId!, participantId!))) throw new ApiFailure('participant-not-found');
  return { status: 204 };
};

const issueToken: Operation = async (ctx, { meetingId }, body) => {
  const { userId, displayName, role, expiresIn, waitingRoom } = body as z.infer<typeof issueTokenRequestSchema>;
  if (!ctx.tokens?.secret) throw new ApiFailure('not-configured');
  const meeting = await existing(ctx, meetingId!);
  if (meeting.status === 'ended') throw new ApiFailure('meeting-ended');
  const { issuer, audience, algorithms } = ctx.tokens;
  const algorithm = algorithms?.find((a): a is 'HS256' | 'HS384' | 'HS512' => a === 'HS256' || a === 'HS384' || a === 'HS512');
  const token = await issueMeetingToken({
    secret: ctx.tokens.secret,
    userId,
    displayName,
    meetingId: meetingId!,
    role,
    expiresIn: expiresIn ?? 86_400,
    ...(waitingRoom !== undefined ? { waitingRoom } : {}),
    // The socket server verifies issuer and audience when it has them: the token must carry them.
    ...(issuer !== undefined ? { issuer: Array.isArray(issuer) ? issuer[0]! : (issuer as string) } : {}),
    ...(audience !== undefined ? { audience } : {}),
    ...(algorithm ? { algorithm } : {}),
  });
  const answer: z.infer<typeof meetingTokenSchema> = { token, meetingId: meetingId!, userId, role, expiresAt: decodeJwt(token).exp! * 1000 };
  return { status: 201, body: answer };
};

/** Every authenticated operation by name (the OpenAPI document is served by the handler itself). */
export const OPERATIONS: Record<Exclude<ApiOperation, 'getOpenApiDocument'>, Operation> = {
  createMeeting,
  getMeeting,
  endMeeting,
  removeParticipant,
  issueToken,
};
