/** A meeting created by the quickstart server. */
export interface CreatedMeeting {
  meetingId: string;
  /** `{FRONTEND_URL}/meeting/{meetingId}` — the client's link: they wait until the host lets them in. */
  url: string;
  /**
   * The same address with `?host=<key>` — the therapist's link: joins as the host. Absent on the
   * standalone server, which has no demo API.
   */
  hostUrl?: string;
}

/** When a meeting is scheduled (epoch ms); without them it can start at once. */
export interface MeetingSchedule {
  startsAt?: number;
  endsAt?: number;
}

/** A short-lived meeting token for this browser, minted by the quickstart server. */
export interface DemoSession {
  token: string;
  /** Random id of this browser's user in the demo. */
  userId: string;
  displayName: string;
  /** `host` with the meeting's host key, `participant` without. */
  role: 'host' | 'participant';
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
export async function createMeeting(schedule: MeetingSchedule = {}): Promise<CreatedMeeting> {
  return readJson<CreatedMeeting>(await post('/api/meetings', schedule));
}

/**
 * Asks the server for a token admitting this browser to `meetingId` as `displayName`
 * (`POST /api/demo/session`) — as the host when `hostKey` (from the host link) is given. `null` when the server has no such endpoint — the standalone
 * `mentara-meetings-server` in development mode (`MEETINGS_ALLOW_ANONYMOUS=true`) serving this
 * app: then the browser joins without a token. One request, no probe: the demo API marks its
 * answers, so its own 404 ("no such meeting") is told apart from a server without it.
 */
export async function startDemoSession(meetingId: string, displayName: string, hostKey?: string): Promise<DemoSession | null> {
  const response = await post('/api/demo/session', { meetingId, displayName, ...(hostKey ? { hostKey } : {}) });
  if (response.status === 404 && response.headers.get(DEMO_API_HEADER) === null) return null;
  return readJson<DemoSession>(response);
}
