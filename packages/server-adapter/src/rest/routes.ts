import type { z } from 'zod';
import type { ApiErrorCode } from './errors';
import { createMeetingRequestSchema, issueTokenRequestSchema, meetingSchema, meetingTokenSchema } from './schemas';

/** The operations of the REST API. */
export type ApiOperation = 'createMeeting' | 'getMeeting' | 'endMeeting' | 'removeParticipant' | 'issueToken' | 'getOpenApiDocument';

/** One endpoint: what the router matches and what the OpenAPI document says about it. */
export interface ApiRoute {
  operation: ApiOperation;
  method: 'GET' | 'POST' | 'DELETE';
  /** Below the base path, OpenAPI style: `''`, `/{meetingId}`, … */
  path: string;
  summary: string;
  description: string;
  /** Whether it needs an API key or a server token. */
  authenticated: boolean;
  /** The JSON body it takes, and whether it may be left out. */
  body?: { schema: z.ZodType; required: boolean };
  /** The success answer. */
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** The error codes it may answer (besides `unauthenticated`, `internal` and the body errors). */
  errors: ApiErrorCode[];
}

/** Every endpoint, in the order the router tries them (literal segments before parameters). */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    operation: 'getOpenApiDocument',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of this API and its webhooks. No credentials needed.',
    authenticated: false,
    success: { status: 200, description: 'The OpenAPI document.' },
    errors: [],
  },
  {
    operation: 'createMeeting',
    method: 'POST',
    path: '',
    summary: 'Create a meeting',
    description: 'Registers a meeting with its schedule, waiting room and chat settings, and returns its id and link. Call it when an appointment is booked and keep `meetingId` and `url`.',
    authenticated: true,
    body: { schema: createMeetingRequestSchema, required: false },
    success: { status: 201, description: 'The meeting; `Location` names it.', schema: meetingSchema },
    errors: [],
  },
  {
    operation: 'getMeeting',
    method: 'GET',
    path: '/{meetingId}',
    summary: 'Read a meeting',
    description: 'Its status and times, who is in it now and who waits (the same answer on every server node). An ended meeting is kept for a day.',
    authenticated: true,
    success: { status: 200, description: 'The meeting.', schema: meetingSchema },
    errors: ['meeting-not-found'],
  },
  {
    operation: 'endMeeting',
    method: 'POST',
    path: '/{meetingId}/end',
    summary: 'End a meeting',
    description: 'Ends the meeting for everyone now, exactly as a host ending it for all (`meeting-ended`, reason `ended-by-host`; the `meeting.ended` webhook). Ending an ended meeting changes nothing and answers the same: safe to retry.',
    authenticated: true,
    success: { status: 200, description: 'The ended meeting.', schema: meetingSchema },
    errors: ['meeting-not-found'],
  },
  {
    operation: 'removeParticipant',
    method: 'DELETE',
    path: '/{meetingId}/participants/{participantId}',
    summary: 'Remove a participant',
    description: 'Takes someone out of the meeting, exactly as a host removing them: they are told, the others see them leave (`removed`), and their user cannot join again until the meeting ends. Unlike a host, the server may remove a host too.',
    authenticated: true,
    success: { status: 204, description: 'Removed.' },
    errors: ['meeting-not-found', 'participant-not-found', 'meeting-ended'],
  },
  {
    operation: 'issueToken',
    method: 'POST',
    path: '/{meetingId}/tokens',
    summary: 'Issue a participant or host token',
    description: 'Signs a meeting token for one person and this meeting (HS256 with the server\'s JWT secret). Give it to that person\'s browser only.',
    authenticated: true,
    body: { schema: issueTokenRequestSchema, required: true },
    success: { status: 201, description: 'The token.', schema: meetingTokenSchema },
    errors: ['meeting-not-found', 'meeting-ended', 'not-configured'],
  },
];

/** A route that matched a path, with its parameters. */
export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string>;
}

/** The routes whose path matches `subPath` (the path below the base), whatever their method. */
export function matchRoutes(subPath: string): RouteMatch[] {
  const segments = subPath.split('/').slice(1);
  const matches: RouteMatch[] = [];
  for (const route of API_ROUTES) {
    const pattern = route.path.split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = segment;
        return segment.length > 0;
      }
      return part === segment;
    });
    if (ok) matches.push({ route, params });
  }
  // A literal route shadows a parameter route on the same path (`/openapi.json` is not a meeting).
  const literal = matches.filter((m) => Object.keys(m.params).length === 0);
  return literal.length > 0 ? literal : matches;
}
