import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProtocolFailure } from '../errors';
import { ack, nextEvent, settle, startHarness, type Harness, type TestClient } from '../test-utils/harness';
import { LoadShedder } from './load-shedder';

/** Keeps the event loop busy for `ms`, as a node drowning in work does (bounded by the clock). */
const blockEventLoop = (ms: number): void => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin: nothing else runs on this loop meanwhile
  }
};

describe('LoadShedder', () => {
  let shedder: LoadShedder | undefined;
  afterEach(() => shedder?.close());

  it('refuses joins past the bound of joins in flight, and takes them again once those settle', async () => {
    shedder = new LoadShedder({ maxPendingJoins: 1 });
    let finish!: (value: string) => void;
    const first = shedder.admit(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(shedder.state).toBe('saturated');
    const refused = await shedder.admit(() => 'second').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProtocolFailure);
    expect(refused).toMatchObject({ code: 'server-busy', details: { retryAfterMs: 2000 } });
    finish('first');
    expect(await first).toBe('first');
    expect(await shedder.admit(() => 'third')).toBe('third');
  });

  it('sees a loop turn longer than the bound within a window, and forgets it once the loop keeps up again', async () => {
    // Any utilization counts here: this test is about the lag (a test process may idle between turns).
    shedder = new LoadShedder({ maxEventLoopLagMs: 150, minUtilization: 0.01, windowMs: 400 });
    await settle(450);
    expect(shedder.state).toBe('ok');
    blockEventLoop(400);
    // The sample due during the block fires late; the verdict holds from then for at least a window.
    await settle(150);
    expect(shedder.state).toBe('lagging');
    await expect(shedder.admit(() => 'refused')).rejects.toMatchObject({ code: 'server-busy', details: { retryAfterMs: 800 } });
    await settle(1000);
    expect(shedder.state).toBe('ok');
  });

  it('does not count a short turn as lag', async () => {
    shedder = new LoadShedder({ maxEventLoopLagMs: 150, minUtilization: 0.01, windowMs: 400 });
    for (let i = 0; i < 6; i += 1) {
      blockEventLoop(50);
      await settle(60);
    }
    expect(shedder.state).toBe('ok');
  });

  it('rejects nonsensical bounds', () => {
    expect(() => new LoadShedder({ maxEventLoopLagMs: 0 })).toThrow(/maxEventLoopLagMs/);
    expect(() => new LoadShedder({ minUtilization: 2 })).toThrow(/minUtilization/);
  });
});

describe('a busy node', () => {
  let h: Harness;
  afterEach(() => h.close());

  /** Joins, trying again while the node says it is busy (this machine may lag by itself). */
  async function joinWhenFree(userId: string, meetingId: string): Promise<{ client: TestClient; id: string }> {
    const client = await h.connect({ token: await h.token(userId, meetingId) });
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const result = await ack<{ self: { id: string } }>(client, 'join-meeting', { meetingId });
      if (result.ok) return { client, id: result.data.self.id };
      expect(result.error.code).toBe('server-busy');
      await settle(500);
    }
    throw new Error(`${userId} never got in`);
  }

  it('answers new joins with server-busy while its established meetings keep relaying', async () => {
    h = await startHarness({ overload: { maxEventLoopLagMs: 250, windowMs: 3000 } });
    const meetingId = randomUUID();
    const therapist = await joinWhenFree('therapist', meetingId);
    const client = await joinWhenFree('client', meetingId);
    const otherMeeting = randomUUID();
    const newcomer = await h.connect({ token: await h.token('interpreter', otherMeeting) });

    blockEventLoop(1000);
    const refused = await ack(newcomer, 'join-meeting', { meetingId: otherMeeting });
    expect(refused).toMatchObject({ ok: false, error: { code: 'server-busy', recoverable: true, retryAfterMs: 6000 } });

    // The meeting already running is untouched: signals still go through, both ways.
    const atClient = nextEvent(client.client, 'webrtc-signal');
    therapist.client.emit('webrtc-signal', { to: client.id, signal: { renegotiate: true } });
    expect(await atClient).toEqual({ from: therapist.id, signal: { renegotiate: true } });
    const atTherapist = nextEvent(therapist.client, 'webrtc-signal');
    client.client.emit('webrtc-signal', { to: therapist.id, signal: { renegotiate: true } });
    expect(await atTherapist).toEqual({ from: client.id, signal: { renegotiate: true } });

    // Once the lag is gone, the newcomer gets in.
    const later = await joinWhenFree('interpreter', otherMeeting);
    expect(later.id).toEqual(expect.any(String));
  });
});
