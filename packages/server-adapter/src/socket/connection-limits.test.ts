import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JoinMeetingResult } from '@mentara/meetings-core/protocol';
import { ack, collect, emitRaw, settle, startHarness, type Harness, type TestClient } from '../test-utils/harness';

const disconnected = (client: TestClient): Promise<string> => new Promise((resolve) => client.once('disconnect', resolve));

describe('limits per user and per address', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('one user holds at most connectionsPerUser sockets: the newest wins, the oldest is disconnected', async () => {
    h = await startHarness({ limits: { connectionsPerUser: 2 } });
    const token = await h.token('client', randomUUID());
    const first = await h.connect({ token });
    const firstGone = disconnected(first);
    const second = await h.connect({ token });
    const third = await h.connect({ token });
    expect(await firstGone).toBe('io server disconnect');
    expect([second.connected, third.connected]).toEqual([true, true]);
    // Another user is not affected.
    expect((await h.connect({ token: await h.token('therapist', randomUUID()) })).connected).toBe(true);
    expect(h.meetings.namespace.sockets.size).toBe(3);
  });

  it('any number of sockets on one token: the server keeps connectionsPerUser (4) of them', async () => {
    h = await startHarness();
    const token = await h.token('client', randomUUID());
    const sockets: TestClient[] = [];
    for (let i = 0; i < 40; i += 1) sockets.push(await h.connect({ token }));
    await settle();
    expect(h.meetings.namespace.sockets.size).toBe(4);
    expect(sockets.filter((s) => s.connected)).toHaveLength(4);
  });

  it('one address holds at most connectionsPerIp sockets; more are refused with server-busy', async () => {
    h = await startHarness({ limits: { connectionsPerIp: 3 } });
    for (let i = 0; i < 3; i += 1) await h.connect({ token: await h.token(`person-${i}`, randomUUID()) });
    const refused = h.connect({ token: await h.token('person-4', randomUUID()) });
    await expect(refused).rejects.toMatchObject({ message: 'server-busy', data: { code: 'server-busy', retryAfterMs: 5000 } });
  });

  it('counts events over all sockets of one user, beside each socket’s own budget', async () => {
    h = await startHarness({ limits: { eventsPerSecond: 50, eventsPerSecondPerUser: 5, connectionsPerUser: 10 } });
    const meetingId = randomUUID();
    const { client: target, joined } = await h.joinAs('therapist', meetingId, 'host');
    const received = collect(target, 'webrtc-signal');
    const token = await h.token('client', meetingId);
    const sockets = [];
    for (let i = 0; i < 5; i += 1) sockets.push(await h.connect({ token }));
    // Only the last join holds the seat; it signals through its socket, the others send into nothing.
    const last = sockets[4] as TestClient;
    expect((await ack<JoinMeetingResult>(last, 'join-meeting', { meetingId })).ok).toBe(true);
    const refusals = collect(last, 'webrtc-error');
    for (const socket of sockets) for (let i = 0; i < 6; i += 1) emitRaw(socket, 'webrtc-signal', { to: joined.self.id, signal: { renegotiate: true } });
    await settle(300);
    // Per socket 50/s (burst 100) would let 6 through from `last`; the user budget (burst 10, one
    // taken by the join) lets at most 9 events of all five sockets through.
    expect(received.length).toBeLessThanOrEqual(6);
    expect(refusals.map((e) => e.code)).toContain('rate-limited');
  });

  it('counts events over all sockets of one address', async () => {
    h = await startHarness({ limits: { eventsPerSecondPerIp: 5 } });
    const meetingId = randomUUID();
    const { client: target, joined } = await h.joinAs('therapist', meetingId, 'host');
    const { client: sender } = await h.joinAs('client', meetingId);
    const received = collect(target, 'webrtc-signal');
    for (let i = 0; i < 30; i += 1) emitRaw(sender, 'webrtc-signal', { to: joined.self.id, signal: { renegotiate: true } });
    await settle(300);
    // Burst 10 for the address, of which the two handshakes' joins took two.
    expect(received.length).toBeLessThanOrEqual(10);
    expect(received.length).toBeGreaterThan(0);
  });

  it('bounds joins per user (burst, then joinsPerMinute): a re-join loop gets rate-limited with retryAfterMs', async () => {
    h = await startHarness({ limits: { joinsBurst: 3, joinsPerMinute: 6 } });
    const meetingId = randomUUID();
    const { client: other } = await h.joinAs('therapist', meetingId, 'host');
    const joinedAtOther = collect(other, 'participant-joined');
    const client = await h.connect({ token: await h.token('client', meetingId) });
    const answers = [];
    for (let i = 0; i < 8; i += 1) answers.push(await ack<JoinMeetingResult>(client, 'join-meeting', { meetingId }));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false, false, false, false]);
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'rate-limited', recoverable: true, retryAfterMs: expect.any(Number) } });
    const retryAfterMs = (answers[3] as { error: { retryAfterMs: number } }).error.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(5_000);
    expect(retryAfterMs).toBeLessThanOrEqual(10_000);
    await settle();
    // The others heard three joins, not eight.
    expect(joinedAtOther).toHaveLength(3);
    // A new socket of the same user shares the budget.
    const again = await h.connect({ token: await h.token('client', meetingId) });
    expect(await ack(again, 'join-meeting', { meetingId })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
  });
});
