import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { meetingIdSchema } from '@mentara/meetings-core/protocol';
import { issueMeetingToken, type MeetingsServer } from '@mentara/meetings-server';
import { BadRequestError, readJsonObject, sendJson } from './http-json';

/** How long a demo token lives. Short: each page load asks for a fresh one. */
const TOKEN_LIFETIME_SECONDS = 2 * 60 * 60;

/** What the demo API needs from the server it runs in. */
export interface DemoApiOptions {
  /** Per-process random secret shared with `attachMeetings({ auth: { secret } })`. */
  secret: string;
  /** The attached meetings server: creates meetings and knows which exist. */
  meetings: MeetingsServer;
  /** The base of meeting URLs, `FRONTEND_URL`. */
  frontendUrl: () => string;
  /** Called with every new meeting and its schedule (the quickstart remembers them across restarts). */
  onMeetingCreated?: (meeting: { meetingId: string; startsAt?: number; endsAt?: number }) => void | Promise<void>;
}

/**
 * Header on every answer of the demo API, so the web app can tell "this server has no demo
 * API" (a plain 404, e.g. the standalone server) from "no such meeting" (a 404 from here).
 */
export const DEMO_API_HEADER = 'x-mentara-demo-api';

/**
 * The key in a meeting's host link (`?host=…`): an HMAC of the meeting id under the server's
 * secret, so the demo keeps no table of keys and host links survive a restart with the same secret.
 */
export function hostKeyFor(secret: string, meetingId: string): string {
  return createHmac('sha256', secret).update(`host:${meetingId}`).digest('base64url').slice(0, 32);
}

function isHostKey(secret: string, meetingId: string, key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const expected = Buffer.from(hostKeyFor(secret, meetingId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An optional epoch-ms time in a request body. */
function optionalTime(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new BadRequestError(`${name} must be a time in epoch milliseconds.`);
  return value;
}

/** Handles one demo API request; answers `false` when the path is not one of its routes. */
export type DemoApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The two endpoints a real backend would have in its own shape:
 * - `POST /api/meetings` `{ startsAt?, endsAt? }` → `{ meetingId, url, hostUrl }` (what your booking
 *   flow calls): a meeting with the waiting room on, the client's link and the host's (therapist's)
 *   link, which carries a host key;
 * - `POST /api/demo/session` `{ meetingId, displayName, hostKey? }` → `{ token, userId, displayName,
 *   role, expiresAt }`, a meeting token for one browser and one existing meeting — a host token
 *   (`role: 'host'`) with the meeting's host key, a participant token without (your backend would
 *   mint it for its signed-in user, with the role it knows they have).
 */
export function createDemoApi(options: DemoApiOptions): DemoApiHandler {
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/api/meetings' && pathname !== '/api/demo/session') return false;
    res.setHeader(DEMO_API_HEADER, '1');
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    try {
      const body = await readJsonObject(req);
      if (pathname === '/api/meetings') {
        // The waiting room stays on (the default): the client waits until the therapist, who
        // opens the host link, lets them in.
        const startsAt = optionalTime(body.startsAt, 'startsAt');
        const endsAt = optionalTime(body.endsAt, 'endsAt');
        const created = await options.meetings.createMeeting({
          frontendUrl: options.frontendUrl(),
          ...(startsAt !== undefined ? { startsAt } : {}),
          ...(endsAt !== undefined ? { endsAt } : {}),
        });
        await options.onMeetingCreated?.({
          meetingId: created.meetingId,
          ...(startsAt !== undefined ? { startsAt } : {}),
          ...(endsAt !== undefined ? { endsAt } : {}),
        });
        const hostUrl = new URL(created.url);
        hostUrl.searchParams.set('host', hostKeyFor(options.secret, created.meetingId));
        sendJson(res, 201, { ...created, hostUrl: hostUrl.toString() });
        return true;
      }
      const parsed = meetingIdSchema.safeParse(body.meetingId);
      if (!parsed.success) throw new BadRequestError('meetingId must be 1–128 letters, digits, "-" or "_".');
      const meetingId = parsed.data;
      if (!(await options.meetings.store.getMeeting(meetingId))) {
        sendJson(res, 404, { error: 'This meeting does not exist. Create a new one.' });
        return true;
      }
      const displayName = typeof body.displayName === 'string' ? body.displayName.trim().slice(0, 64) : '';
      if (displayName === '') throw new BadRequestError('displayName is required.');
      const host = body.hostKey !== undefined && body.hostKey !== null;
      if (host && !isHostKey(options.secret, meetingId, body.hostKey)) {
        sendJson(res, 403, { error: 'This host link is not valid for this meeting.' });
        return true;
      }
      const role = host ? 'host' : 'participant';
      const userId = `demo-${randomUUID()}`;
      const token = await issueMeetingToken({
        secret: options.secret,
        userId,
        displayName,
        meetingId,
        role,
        expiresIn: TOKEN_LIFETIME_SECONDS,
      });
      sendJson(res, 200, { token, userId, displayName, role, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
    } catch (error) {
      if (error instanceof BadRequestError) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: 'The demo server failed to answer.' });
    }
    return true;
  };
}
