/** A meeting created by the quickstart server. */
export interface CreatedMeeting {
  meetingId: string;
  /** `{FRONTEND_URL}/meeting/{meetingId}` — share it with the other participant. */
  url: string;
}

/** A short-lived meeting token for this browser, minted by the quickstart server. */
export interface DemoSession {
  token: string;
  /** Random id of this browser's user in the demo. */
  userId: string;
  displayName: string;
  /** Epoch ms when the token expires. */
  expiresAt: number;
}

/** Set by the quickstart's demo API on every answer (see `DEMO_API_HEADER` on the server). */
const DEMO_API_HEADER = 'x-mentara-demo-api';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function readJson<T>(response: Response): Promise<T> {
  const data = (await response.json().catch(() => null)) as (T & { error?: unknown }) | null;
  if (!response.ok || data === null) {
    throw new Error(typeof data?.error === 'string' ? data.error : `The server answered ${response.status}.`);
  }
  return data;
}

/** Asks the server to create a meeting (`POST /api/meetings`). */
export async function createMeeting(): Promise<CreatedMeeting> {
  return readJson<CreatedMeeting>(await post('/api/meetings', {}));
}

/**
 * Asks the server for a token admitting this browser to `meetingId` as `displayName`
 * (`POST /api/demo/session`). `null` when the server has no such endpoint — the standalone
 * `mentara-meetings-server` in development mode (`MEETINGS_ALLOW_ANONYMOUS=true`) serving this
 * app: then the browser joins without a token. One request, no probe: the demo API marks its
 * answers, so its own 404 ("no such meeting") is told apart from a server without it.
 */
export async function startDemoSession(meetingId: string, displayName: string): Promise<DemoSession | null> {
  const response = await post('/api/demo/session', { meetingId, displayName });
  if (response.status === 404 && response.headers.get(DEMO_API_HEADER) === null) return null;
  return readJson<DemoSession>(response);
}
