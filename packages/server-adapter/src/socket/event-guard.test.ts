import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ack, collect, emitRaw, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('hostile input', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers invalid payloads with invalid-payload, forwards nothing, keeps the socket', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const atB = collect(b, 'webrtc-signal');
    const errors = collect(a, 'webrtc-error');
    const bad: Array<[string, unknown]> = [
      ['webrtc-signal', { to: jb.self.id }],
      ['webrtc-signal', { to: '../../etc', signal: {} }],
      ['webrtc-signal', 'not an object'],
      ['webrtc-offer', { to: jb.self.id, sdp: { type: 'bogus' } }],
      ['webrtc-ice-candidate', { to: jb.self.id, candidate: { candidate: 1 } }],
      ['toggle-media', { source: 'hologram', enabled: true }],
      ['chat-message', { text: '   ' }],
      ['leave-meeting', { extra: true }],
    ];
    for (const [event, payload] of bad) emitRaw(a, event, payload);
    emitRaw(a, 'webrtc-signal');
    await settle(300);
    expect(errors.map((e) => [e.event, e.code])).toEqual([
      ...bad.map(([event]) => [event, 'invalid-payload']),
      ['webrtc-signal', 'invalid-payload'],
    ]);
    expect(atB).toEqual([]);
    expect(a.connected).toBe(true);
    expect(await ack(a, 'join-meeting', { meetingId: 'bad id!' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect((await ack(a, 'chat-message', { text: 'still here' })).ok).toBe(true);
  });

  it('ignores event names that are not client events (object keys, server events, unknown names) and keeps the socket and the meeting', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const errors = collect(a, 'webrtc-error');
    const left = collect(b, 'participant-left');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'meeting-joined', 'no-such-event']) {
      emitRaw(a, name, { meetingId });
    }
    await settle(200);
    expect(errors).toEqual([]);
    expect(left).toEqual([]);
    expect(a.connected).toBe(true);
    expect((await ack(a, 'chat-message', { text: 'still here' })).ok).toBe(true);
  });

  it('answers oversized payloads with payload-too-large and keeps the socket', async () => {
    h = await startHarness({ limits: { maxPayloadBytes: 2048 } });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const atB = collect(b, 'webrtc-offer');
    const error = nextEvent(a, 'webrtc-error');
    emitRaw(a, 'webrtc-offer', { to: jb.self.id, sdp: { type: 'offer', sdp: 'x'.repeat(5000) } });
    expect(await error).toMatchObject({ code: 'payload-too-large', event: 'webrtc-offer' });
    await settle();
    expect(atB).toEqual([]);
    expect(a.connected).toBe(true);
  });

  it('rate-limits a flooding socket with rate-limited and keeps it connected', async () => {
    h = await startHarness({ limits: { eventsPerSecond: 5, eventsBurst: 5 } });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const atB = collect(b, 'webrtc-signal');
    const errors = collect(a, 'webrtc-error');
    for (let i = 0; i < 20; i += 1) emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal: { renegotiate: true } });
    await settle(300);
    expect(atB.length).toBeGreaterThanOrEqual(3);
    expect(atB.length).toBeLessThan(10);
    // Dropped events are answered with one rate-limited notice per second, not one each.
    expect(errors.map((e) => e.code)).toEqual(['rate-limited']);
    expect(a.connected).toBe(true);
  });

  it('tells a socket its signals were dropped even when a refused chat message was answered just before', async () => {
    h = await startHarness({ limits: { eventsPerSecond: 2, eventsBurst: 2 } });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { joined: jb } = await h.joinAs('supervisor', meetingId);
    await settle(1_100);
    const errors = collect(a, 'webrtc-error');
    // Spend the budget, then a chat message is refused in its acknowledgement…
    emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal: { renegotiate: true } });
    emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal: { renegotiate: true } });
    expect(await ack(a, 'chat-message', { text: 'too fast' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    // …and the signal dropped right after still gets its own notice.
    emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal: { renegotiate: true } });
    await settle(300);
    expect(errors.map((e) => [e.event, e.code])).toEqual([['webrtc-signal', 'rate-limited']]);
  });
});
