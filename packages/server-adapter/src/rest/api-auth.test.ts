import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMeetingsApiToken } from '../auth/api-token';
import { issueMeetingToken } from '../auth/issue-token';
import { openClient, startHarness, TEST_SECRET, type Harness } from '../test-utils/harness';
import { createMeetingsApiHandler } from './meetings-api-handler';

const API_KEY = 'api-key-for-tests-0123456789abcdef';
const OTHER_KEY = 'rotated-api-key-0123456789abcdefgh';

describe('meetings REST API authentication', () => {
  let harness: Harness;
  let api: string;
  let meetingId: string;
  beforeAll(async () => {
    harness = await startHarness();
    const handler = createMeetingsApiHandler({ meetings: harness.meetings, apiKeys: [API_KEY, OTHER_KEY], auth: { secret: TEST_SECRET }, frontendUrl: 'https://app.example' });
    harness.http.on('request', (req, res) => void handler(req, res));
    api = `${harness.url}/api/meetings`;
    ({ meetingId } = await harness.meetings.createMeeting({ frontendUrl: 'https://app.example' }));
  });
  afterAll(() => harness.close());

  const status = async (credential: string | undefined, method = 'GET', path = `/${meetingId}`) =>
    (await fetch(`${api}${path}`, { method, headers: credential === undefined ? {} : { authorization: credential } })).status;

  it('accepts every configured API key and a server token', async () => {
    expect(await status(`Bearer ${API_KEY}`)).toBe(200);
    expect(await status(`bearer ${OTHER_KEY}`)).toBe(200);
    const serverToken = await issueMeetingsApiToken({ secret: TEST_SECRET, subject: 'scheduling-backend' });
    expect(await status(`Bearer ${serverToken}`)).toBe(200);
  });

  it("refuses a participant's or a host's meeting token, even for its own meeting", async () => {
    for (const role of ['participant', 'host'] as const) {
      const token = await issueMeetingToken({ secret: TEST_SECRET, userId: 'therapist-1', meetingId, role });
      // The token itself is valid: the socket server takes it.
      (await openClient(harness.url, { token })).close();
      const res = await fetch(`${api}/${meetingId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      expect(await status(`Bearer ${token}`, 'POST', `/${meetingId}/end`)).toBe(401);
      expect(await status(`Bearer ${token}`, 'POST', `/${meetingId}/tokens`)).toBe(401);
    }
    expect((await harness.meetings.getMeeting(meetingId))?.status).not.toBe('ended');
  });

  it('refuses no credentials, a wrong key, and server tokens that are expired, foreign or for another audience', async () => {
    const expired = await issueMeetingsApiToken({ secret: TEST_SECRET, subject: 'b', expiresIn: -120 });
    const foreign = await issueMeetingsApiToken({ secret: 'another-secret-0123456789abcdef', subject: 'b' });
    const otherAudience = await issueMeetingsApiToken({ secret: TEST_SECRET, subject: 'b', audience: 'something-else' });
    const cases = [undefined, 'Bearer', `Bearer ${API_KEY}x`, `Basic ${API_KEY}`, `Bearer ${API_KEY.slice(0, -1)}`, `Bearer ${expired}`, `Bearer ${foreign}`, `Bearer ${otherAudience}`];
    for (const credential of cases) expect(await status(credential), String(credential)).toBe(401);
    // Credentials come before validation: nobody learns what exists without them.
    expect(await status(undefined, 'GET', '/not%20valid')).toBe(401);
    expect(await status(undefined, 'POST', '')).toBe(401);
  });

  it('needs credentials configured, and refuses short API keys', () => {
    const meetings = harness.meetings;
    expect(() => createMeetingsApiHandler({ meetings, frontendUrl: 'https://app.example' })).toThrow(/apiKeys or auth/);
    expect(() => createMeetingsApiHandler({ meetings, apiKeys: ['short'], frontendUrl: 'https://app.example' })).toThrow(/at least 24/);
    expect(() => createMeetingsApiHandler({ meetings, apiKeys: [API_KEY], frontendUrl: 'ftp://x' })).toThrow(/http/);
  });

  it('answers the OpenAPI document without credentials, and nothing outside its base path', async () => {
    const handler = createMeetingsApiHandler({ meetings: harness.meetings, apiKeys: [API_KEY], frontendUrl: 'https://app.example', basePath: '/v1/meetings/' });
    const server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const doc = await fetch(`${base}/v1/meetings/openapi.json`);
      expect(doc.status).toBe(200);
      expect(Object.keys(((await doc.json()) as { paths: object }).paths)).toContain('/v1/meetings/{meetingId}');
      expect((await fetch(`${base}/api/meetings`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}` } })).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
