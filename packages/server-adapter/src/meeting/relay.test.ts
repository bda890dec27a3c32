import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, emitRaw, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('signalling relay', () => {
  let h: Harness;
  let meetingId: string;
  beforeEach(async () => {
    h = await startHarness();
    meetingId = randomUUID();
  });
  afterEach(() => h.close());

  it('relays webrtc-signal untouched (renegotiate, transceiverRequest) to one target, stamping from', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const { client: c } = await h.joinAs('cal', meetingId);
    const atC = collect(c, 'webrtc-signal');
    const signals = [
      { type: 'offer', sdp: 'v=0\r\n' },
      { renegotiate: true },
      { transceiverRequest: { kind: 'video', init: { direction: 'sendrecv' } } },
      { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' } },
    ];
    const received = new Promise<unknown[]>((resolve) => {
      const got: unknown[] = [];
      b.on('webrtc-signal', (p) => {
        got.push(p);
        if (got.length === signals.length) resolve(got);
      });
    });
    for (const signal of signals) {
      emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal, connectionId: 'conn-1', from: 'forged' });
    }
    // `from` in the payload is refused by the strict schema; resend without it.
    for (const signal of signals) emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal, connectionId: 'conn-1' });
    expect(await received).toEqual(signals.map((signal) => ({ from: ja.self.id, signal, connectionId: 'conn-1' })));
    await settle();
    expect(atC).toEqual([]);
  });

  it('relays webrtc-offer, webrtc-answer and webrtc-ice-candidate', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    const offer = nextEvent(b, 'webrtc-offer');
    emitRaw(a, 'webrtc-offer', { to: jb.self.id, sdp: { type: 'offer', sdp: 'v=0 offer' } });
    expect(await offer).toEqual({ from: ja.self.id, sdp: { type: 'offer', sdp: 'v=0 offer' } });
    const answer = nextEvent(a, 'webrtc-answer');
    emitRaw(b, 'webrtc-answer', { to: ja.self.id, sdp: { type: 'answer', sdp: 'v=0 answer' }, connectionId: 'x' });
    expect(await answer).toEqual({ from: jb.self.id, sdp: { type: 'answer', sdp: 'v=0 answer' }, connectionId: 'x' });
    const ice = nextEvent(b, 'webrtc-ice-candidate');
    const candidate = { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    emitRaw(a, 'webrtc-ice-candidate', { to: jb.self.id, candidate });
    expect(await ice).toEqual({ from: ja.self.id, candidate });
  });

  it('never reaches a participant of another meeting', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: x, joined: jx } = await h.joinAs('xavier', randomUUID());
    const atX = collect(x, 'webrtc-signal');
    const error = nextEvent(a, 'webrtc-error');
    emitRaw(a, 'webrtc-signal', { to: jx.self.id, signal: { type: 'offer', sdp: 'v=0' } });
    expect(await error).toMatchObject({ code: 'participant-not-found', event: 'webrtc-signal' });
    await settle();
    expect(atX).toEqual([]);
  });

  it('refuses signals before joining and to oneself', async () => {
    const lonely = await h.connect({ token: await h.token('lonely', meetingId) });
    const notIn = nextEvent(lonely, 'webrtc-error');
    emitRaw(lonely, 'webrtc-offer', { to: 'someone', sdp: { type: 'offer', sdp: 'v=0' } });
    expect(await notIn).toMatchObject({ code: 'not-in-meeting', event: 'webrtc-offer' });
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const self = nextEvent(a, 'webrtc-error');
    emitRaw(a, 'webrtc-signal', { to: ja.self.id, signal: {} });
    expect(await self).toMatchObject({ code: 'participant-not-found' });
  });

  it('stops relaying to a participant who left', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    b.disconnect();
    await nextEvent(a, 'participant-left');
    const error = nextEvent(a, 'webrtc-error');
    emitRaw(a, 'webrtc-ice-candidate', { to: jb.self.id, candidate: { candidate: '' } });
    expect(await error).toMatchObject({ code: 'participant-not-found', recoverable: true });
  });
});
