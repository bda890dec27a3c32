import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startQuickstartServer, type QuickstartServer } from '../../examples/quickstart/src/server/create-quickstart-server';

/** The quickstart's HTTP surface, in-process (no browser): demo API, ICE config, SPA fallback. */
describe('quickstart server', () => {
  let server: QuickstartServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {} });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  const post = (path: string, body?: unknown) =>
    fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  const createMeeting = async () => (await (await post('/api/meetings')).json()) as { meetingId: string; url: string };

  it('creates meetings with links in the deployment guide format', async () => {
    const response = await post('/api/meetings');
    expect(response.status).toBe(201);
    const { meetingId, url, hostUrl } = (await response.json()) as { meetingId: string; url: string; hostUrl: string };
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(url).toBe(`${server.frontendUrl}/meeting/${meetingId}`);
    // The therapist's link: the same address with a host key.
    expect(hostUrl).toMatch(new RegExp(`^${url}\\?host=[A-Za-z0-9_-]{32}$`));
    expect(server.frontendUrl).toBe(`http://localhost:${new URL(server.origin).port}`);
  });

  it('mints a meeting token only for an existing meeting and a name', async () => {
    const { meetingId } = await createMeeting();
    const ok = await post('/api/demo/session', { meetingId, displayName: '  Therapist  ' });
    expect(ok.status).toBe(200);
    const session = (await ok.json()) as { token: string; userId: string; displayName: string; expiresAt: number };
    expect(session.token.split('.')).toHaveLength(3);
    expect(session.displayName).toBe('Therapist');
    expect(session.expiresAt).toBeGreaterThan(Date.now());

    expect((await post('/api/demo/session', { meetingId: 'does-not-exist', displayName: 'Therapist' })).status).toBe(404);
    expect((await post('/api/demo/session', { meetingId: '../etc', displayName: 'Therapist' })).status).toBe(400);
    expect((await post('/api/demo/session', { meetingId, displayName: '   ' })).status).toBe(400);
    expect((await post('/api/demo/session', '{not json')).status).toBe(400);
    expect((await post('/api/demo/session', 'x'.repeat(20_000))).status).toBe(413);
    expect((await fetch(`${server.origin}/api/demo/session`)).status).toBe(405);
  });

  it('mints a host token with the host link\'s key and a participant token without; and refuses a wrong key', async () => {
    const { meetingId, hostUrl } = (await (await post('/api/meetings')).json()) as { meetingId: string; hostUrl: string };
    const hostKey = new URL(hostUrl).searchParams.get('host');
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { role: string };
    const host = (await (await post('/api/demo/session', { meetingId, displayName: 'Therapist', hostKey })).json()) as { token: string; role: string };
    expect(host.role).toBe('host');
    expect(claims(host.token).role).toBe('host');
    const client = (await (await post('/api/demo/session', { meetingId, displayName: 'Client' })).json()) as { token: string; role: string };
    expect(client.role).toBe('participant');
    expect(claims(client.token).role).toBe('participant');
    // Another meeting's key, or a made-up one, is refused.
    const other = (await (await post('/api/meetings')).json()) as { meetingId: string };
    expect((await post('/api/demo/session', { meetingId: other.meetingId, displayName: 'Therapist', hostKey })).status).toBe(403);
    expect((await post('/api/demo/session', { meetingId, displayName: 'Therapist', hostKey: 'x'.repeat(32) })).status).toBe(403);
  });

  it('serves ICE config to token holders only, with no STUN or TURN by default', async () => {
    const { meetingId } = await createMeeting();
    const { token } = (await (await post('/api/demo/session', { meetingId, displayName: 'Therapist' })).json()) as {
      token: string;
    };
    expect((await fetch(`${server.origin}/api/meetings/webrtc-config`)).status).toBe(401);
    const response = await fetch(`${server.origin}/api/meetings/webrtc-config`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { iceServers: unknown[]; iceCandidatePoolSize: number };
    expect(body.iceServers).toEqual([]);
    expect(typeof body.iceCandidatePoolSize).toBe('number');
  });

  it('admits a token holder to /meetings on the same server, and refuses a socket without a token', async () => {
    const { meetingId } = await createMeeting();
    const { token } = (await (await post('/api/demo/session', { meetingId, displayName: 'Therapist' })).json()) as {
      token: string;
    };
    const guest = io(`${server.origin}/meetings`, { transports: ['websocket'], reconnection: false });
    sockets.push(guest);
    const refusal = await new Promise<Error>((resolve) => guest.once('connect_error', resolve));
    expect(refusal.message).toMatch(/unauthenticated|auth/i);

    const member = io(`${server.origin}/meetings`, { transports: ['websocket'], reconnection: false, auth: { token } });
    sockets.push(member);
    await new Promise<void>((resolve, reject) => {
      member.once('connect', resolve);
      member.once('connect_error', reject);
    });
    const ack = await member.timeout(5_000).emitWithAck('join-meeting', { meetingId });
    expect(ack).toMatchObject({ ok: true, data: { self: { displayName: 'Therapist' }, meeting: { meetingId } } });
  });

  it('serves the web app with a single-page fallback, and 404 JSON for unknown API paths', async () => {
    const page = await fetch(`${server.origin}/meeting/some-id`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');
    const unknown = await fetch(`${server.origin}/api/nope`);
    expect(unknown.status).toBe(404);
  });

  it('keeps its signing secret and meetings in a state file: a token and a link from before a restart still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quickstart-state-'));
    const stateFile = join(dir, 'dev-state.json');
    const started: QuickstartServer[] = [];
    const start = async () => {
      const next = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {}, stateFile });
      started.push(next);
      return next;
    };
    try {
      const first = await start();
      // A scheduled session: its window must survive the restart too.
      const endsAt = Date.now() + 60 * 60_000;
      const created = (await (
        await fetch(`${first.origin}/api/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ startsAt: Date.now() - 60_000, endsAt }),
        })
      ).json()) as { meetingId: string };
      const { token } = (await (
        await fetch(`${first.origin}/api/demo/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ meetingId: created.meetingId, displayName: 'Client' }),
        })
      ).json()) as { token: string };
      // Only the owner may read the secret.
      expect(statSync(stateFile).mode & 0o077).toBe(0);
      await first.close();

      const second = await start();
      const member = io(`${second.origin}/meetings`, { transports: ['websocket'], reconnection: false, auth: { token } });
      sockets.push(member);
      await new Promise<void>((resolve, reject) => {
        member.once('connect', resolve);
        member.once('connect_error', reject);
      });
      const ack = await member.timeout(5_000).emitWithAck('join-meeting', { meetingId: created.meetingId });
      // The same meeting, with its schedule, answers the token from before the restart.
      expect(ack).toMatchObject({ ok: true, data: { self: { displayName: 'Client' }, meeting: { meetingId: created.meetingId, endsAt } } });
      member.disconnect();
      const again = await fetch(`${second.origin}/api/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ meetingId: created.meetingId, displayName: 'Therapist' }),
      });
      expect(again.status).toBe(200);
    } finally {
      for (const server of started) await server.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A restart with the kept secret: tokens of open tabs stay valid, and the meeting comes back on join. */
describe('quickstart restart', () => {
  it('keeps its signing secret in a file across restarts, and a token from before a restart still joins', async () => {
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'quickstart-secret-'));
    const stateFile = join(dir, 'dev-state.json');
    try {
      const first = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {}, stateFile });
      expect(statSync(stateFile).mode & 0o077).toBe(0);
      const { meetingId } = (await (await fetch(`${first.origin}/api/meetings`, { method: 'POST' })).json()) as { meetingId: string };
      const session = await fetch(`${first.origin}/api/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ meetingId, displayName: 'Client' }),
      });
      const { token } = (await session.json()) as { token: string };
      await first.close();

      const second = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {}, stateFile });
      const socket: Socket = io(`${second.origin}/meetings`, { transports: ['websocket'], reconnection: false, auth: { token } });
      try {
        const answer = await new Promise<{ ok: boolean }>((resolve, reject) => {
          socket.once('connect_error', reject);
          socket.once('connect', () => socket.emit('join-meeting', { meetingId }, resolve));
        });
        expect(answer.ok).toBe(true);
      } finally {
        socket.disconnect();
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Someone the host let in before a restart goes straight back in with their participant id, not to the waiting room. */
describe('quickstart restart with the waiting room', () => {
  it('honours the rejoin ticket of a client admitted before the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quickstart-ticket-'));
    const stateFile = join(dir, 'dev-state.json');
    const sockets: Socket[] = [];
    const connect = async (origin: string, token: string) => {
      const socket = io(`${origin}/meetings`, { transports: ['websocket'], reconnection: false, auth: { token } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const joinMeeting = (socket: Socket, payload: Record<string, unknown>) =>
      socket.timeout(5_000).emitWithAck('join-meeting', payload) as Promise<{ ok: boolean; data: { admission: string; self: { id: string }; rejoinTicket?: string } }>;
    const first = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {}, stateFile });
    let second: QuickstartServer | undefined;
    try {
      const created = (await (await fetch(`${first.origin}/api/meetings`, { method: 'POST' })).json()) as { meetingId: string; hostUrl: string };
      const { meetingId } = created;
      const mint = async (origin: string, displayName: string, hostKey?: string) =>
        ((await (
          await fetch(`${origin}/api/demo/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ meetingId, displayName, ...(hostKey ? { hostKey } : {}) }),
          })
        ).json()) as { token: string }).token;
      const hostToken = await mint(first.origin, 'Therapist', new URL(created.hostUrl).searchParams.get('host')!);
      const clientToken = await mint(first.origin, 'Client');
      const host = await connect(first.origin, hostToken);
      expect((await joinMeeting(host, { meetingId })).data.admission).toBe('admitted');
      const client = await connect(first.origin, clientToken);
      const waiting = await joinMeeting(client, { meetingId });
      expect(waiting.data.admission).toBe('waiting');
      const admitted = new Promise<{ self: { id: string }; rejoinTicket?: string }>((resolve) => client.once('meeting-joined', resolve));
      await host.timeout(5_000).emitWithAck('admit-participant', { participantId: waiting.data.self.id });
      const inMeeting = await admitted;
      expect(inMeeting.rejoinTicket).toBeTruthy();
      await first.close();

      second = await startQuickstartServer({ port: 0, host: '127.0.0.1', env: {}, stateFile });
      const back = await connect(second.origin, clientToken);
      const answer = await joinMeeting(back, { meetingId, previousParticipantId: inMeeting.self.id, rejoinTicket: inMeeting.rejoinTicket });
      expect(answer.ok).toBe(true);
      expect(answer.data.admission).toBe('admitted');
      expect(answer.data.self.id).toBe(inMeeting.self.id);
    } finally {
      for (const socket of sockets) socket.disconnect();
      await first.close().catch(() => undefined);
      await second?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
