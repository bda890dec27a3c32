import { randomUUID } from 'node:crypto';
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
  /** Called with every new meeting id (the quickstart remembers them across restarts). */
  onMeetingCreated?: (meetingId: string) => void | Promise<void>;
}

/**
 * Header on every answer of the demo API, so the web app can tell "this server has no demo
 * API" (a plain 404, e.g. the standalone server) from "no such meeting" (a 404 from here).
 */
export const DEMO_API_HEADER = 'x-mentara-demo-api';

/** Handles one demo API request; answers `false` when the path is not one of its routes. */
export type DemoApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The two endpoints a real backend would have in its own shape:
 * - `POST /api/meetings` → `{ meetingId, url }` (what your booking flow calls);
 * - `POST /api/demo/session` `{ meetingId, displayName }` → `{ token, userId, displayName, expiresAt }`,
 *   a meeting token for one browser and one existing meeting (your backend would mint it for its
 *   signed-in user).
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
        // The demo's tokens carry no host and its web app has no waiting-room screen yet, so its
        // meetings skip the waiting room; a real backend keeps it and issues the therapist a host token.
        const created = await options.meetings.createMeeting({ frontendUrl: options.frontendUrl(), waitingRoom: false });
        await options.onMeetingCreated?.(created.meetingId);
        sendJson(res, 201, created);
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
      const userId = `demo-${randomUUID()}`;
      const token = await issueMeetingToken({
        secret: options.secret,
        userId,
        displayName,
        meetingId,
        expiresIn: TOKEN_LIFETIME_SECONDS,
      });
      sendJson(res, 200, { token, userId, displayName, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 });
    } catch (error) {
      if (error instanceof BadRequestError) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: 'The demo server failed to answer.' });
    }
    return true;
  };
}
