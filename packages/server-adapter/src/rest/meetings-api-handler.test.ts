import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { ack, collect, nextEvent, openClient, startHarness, TEST_SECRET, type Harness } from '../test-utils/harness';
import { createMeetingsApiHandler } from './meetings-api-handler';
import { meetingSchema, meetingTokenSchema } from './schemas';

const API_KEY = 'api-key-for-tests-0123456789abcdef';
const FRONTEND = 'https://app.example';

describe('meetings REST API', () => {
  let harness: Harness;
  let api: string;
  beforeEach(async () => {
    harness = await startHarness({ waitingRoom: undefined });
    const handler = createMeetingsApiHandler({ meetings: harness.meetings, apiKeys: [API_KEY], auth: { secret: TEST_SECRET }, frontendUrl: FRONTEND });
    // The same HTTP server as the sockets, as the CLI serves it.
    harness.http.on('request', (req, res) => void handler(req, res));
    api = `${harness.url}/api/meetings`;
  });
  afterEach(() => harness.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };

  it('creates a meeting with its schedule, waiting room and chat options, and reads it back', async () => {
    const startsAt = Date.now() + 60_000;
    const endsAt = startsAt + 50 * 60_000;
    const created = await call('POST', '', { startsAt, endsAt, waitingRoom: false, chatHistory: 'all' });
    expect(created.status).toBe(201);
    const meeting = meetingSchema.parse(created.body);
    expect(meeting).toMatchObject({ status: 'waiting', startsAt, endsAt, waitingRoom: false, chatHistory: 'all', participants: [], waiting: [] });
    expect(meeting.url).toBe(`${FRONTEND}/meeting/${meeting.meetingId}`);
    expect(created.headers.get('location')).toBe(`/api/meetings/${meeting.meetingId}`);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect((await call('GET', `/${meeting.meetingId}`)).body).toEqual(created.body);

    // No body at all: the server's defaults (waiting room on, no chat history for late joiners).
    const plain = await call('POST', '');
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ waitingRoom: true, chatHistory: 'none' });
  });

  it('mints host and participant tokens that join, reports who is in, removes one and ends the meeting', async () => {
    const { body: meeting } = await call('POST', '', { waitingRoom: true });
    const id = meeting!.meetingId as string;
    const hostToken = await call('POST', `/${id}/tokens`, { userId: 'therapist-1', displayName: 'Therapist', role: 'host' });
    expect(hostToken.status).toBe(201);
    expect(meetingTokenSchema.parse(hostToken.body)).toMatchObject({ meetingId: id, userId: 'therapist-1', role: 'host' });
    expect(hostToken.body!.expiresAt).toBeGreaterThan(Date.now() + 86_000_000);
    const clientToken = await call('POST', `/${id}/tokens`, { userId: 'client-1', displayName: ' Client ', waitingRoom: false, expiresIn: 3600 });
    expect(clientToken.body).toMatchObject({ role: 'participant' });

    const host = await openClient(harness.url, { token: hostToken.body!.token });
    const client = await openClient(harness.url, { token: clientToken.body!.token });
    try {
      const h = await ack<MeetingJoinedPayload>(host, 'join-meeting', { meetingId: id });
      const c = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId: id });
      if (!h.ok || !c.ok) throw new Error('join failed');
      expect(c.data.self).toMatchObject({ displayName: 'Client', role: 'participant' });

      const now = await call('GET', `/${id}`);
      expect(now.body).toMatchObject({ status: 'active', hostPresent: true, startedAt: expect.any(Number) });
      expect(now.body!.participants.map((p: { userId: string }) => p.userId)).toEqual(['therapist-1', 'client-1']);

      const left = nextEvent(host, 'participant-left');
      const removed = nextEvent(client, 'participant-removed');
      expect((await call('DELETE', `/${id}/participants/${c.data.self.id}`)).status).toBe(204);
      expect(await removed).toEqual({ participantId: c.data.self.id, by: 'server' });
      expect(await left).toEqual({ participantId: c.data.self.id, reason: 'removed' });
      expect((await call('DELETE', `/${id}/participants/${c.data.self.id}`)).body).toMatchObject({ error: { code: 'participant-not-found' } });

      const ended = collect(host, 'meeting-ended');
      const end = await call('POST', `/${id}/end`);
      expect(end.status).toBe(200);
      expect(end.body).toMatchObject({ status: 'ended', endReason: 'ended-by-host', endedAt: expect.any(Number), participants: [] });
      // Safe to retry: the same answer, nothing sent twice.
      expect(await call('POST', `/${id}/end`)).toMatchObject({ status: 200, body: end.body });
      await expect.poll(() => ended.length).toBe(1);
      expect((await call('POST', `/${id}/tokens`, { userId: 'late', displayName: 'Late' })).body).toMatchObject({ error: { code: 'meeting-ended' } });
    } finally {
      host.close();
      client.close();
    }
  });

  it('validates every input with typed errors, field by field', async () => {
    const { body: meeting } = await call('POST', '');
    const id = meeting!.meetingId as string;
    const bad = await call('POST', '', { startsAt: 'soon', endsAt: -1, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body!.error.code).toBe('invalid-payload');
    expect(bad.body!.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['', 'endsAt', 'startsAt']);
    expect((await call('POST', '', { startsAt: Date.now() + 10_000, endsAt: Date.now() + 5_000 })).body!.error.details).toEqual([
      { path: 'endsAt', message: 'endsAt must be after startsAt' },
    ]);
    expect((await call('POST', '', { endsAt: Date.now() - 1000 })).body!.error.details[0].path).toBe('endsAt');
    expect((await call('POST', `/${id}/tokens`, { userId: '  ', displayName: 'x'.repeat(65), role: 'admin' })).body!.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['displayName', 'role', 'userId']);
    expect((await call('POST', `/${id}/tokens`)).body).toMatchObject({ error: { code: 'invalid-payload', details: [{ path: '' }] } });
    expect((await call('GET', '/not%20an%20id')).body).toMatchObject({ error: { code: 'invalid-payload', details: [{ path: 'meetingId' }] } });
    expect((await call('POST', '', '{not json')).body).toMatchObject({ error: { code: 'invalid-payload' } });
    expect((await call('POST', '', 'x=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('POST', '', { pad: 'x'.repeat(20_000) })).status).toBe(413);
    expect((await call('GET', '/6f1c0000-0000-4000-8000-000000000000')).body).toMatchObject({ error: { code: 'meeting-not-found' } });
    const wrongMethod = await call('PUT', `/${id}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expect((await call('GET', `/${id}/nothing/here`)).body).toMatchObject({ error: { code: 'not-found' } });
  });

  it('mounts under Express with the body parser in front of it', async () => {
    const { default: express } = await import('express');
    const app = express();
    app.use(express.json());
    app.use('/api/meetings', createMeetingsApiHandler({ meetings: harness.meetings, apiKeys: [API_KEY], frontendUrl: FRONTEND }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/meetings`;
      const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
      const created = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ chatHistory: 'all' }) });
      expect(created.status).toBe(201);
      const { meetingId, chatHistory } = (await created.json()) as { meetingId: string; chatHistory: string };
      expect(chatHistory).toBe('all');
      expect((await fetch(`${base}/${meetingId}`, { headers })).status).toBe(200);
      // Without an HMAC secret the server cannot sign tokens: it says so.
      const token = await fetch(`${base}/${meetingId}/tokens`, { method: 'POST', headers, body: JSON.stringify({ userId: 'u', displayName: 'U' }) });
      expect(token.status).toBe(501);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
