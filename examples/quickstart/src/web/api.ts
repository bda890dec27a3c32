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

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok || data === null) {
    throw new Error(data?.error ?? `The server answered ${response.status}.`);
  }
  return data;
}

/** Asks the server to create a meeting (`POST /api/meetings`). */
export function createMeeting(): Promise<CreatedMeeting> {
  return postJson<CreatedMeeting>('/api/meetings', {});
}

/**
 * Asks the server for a token admitting this browser to `meetingId` as `displayName`
 * (`POST /api/demo/session`). `null` when the server has no such endpoint — the standalone
 * `mentara-meetings-server` in development mode (`MEETINGS_ALLOW_ANONYMOUS=true`) serving this
 * app: then the browser joins without a token.
 */
export async function startDemoSession(meetingId: string, displayName: string): Promise<DemoSession | null> {
  const probe = await fetch('/api/demo/session', { method: 'HEAD' }).catch(() => null);
  if (probe?.status === 404) return null;
  return postJson<DemoSession>('/api/demo/session', { meetingId, displayName });
}
