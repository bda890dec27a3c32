import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ack, collect, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('toggle-media / participant-ready', () => {
  let h: Harness;
  let meetingId: string;
  beforeEach(async () => {
    h = await startHarness();
    meetingId = randomUUID();
  });
  afterEach(() => h.close());

  it('toggle-media acks the full state and tells the others', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId, 'participant', { media: { microphone: true, camera: true, screen: false } });
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const ownEvents = collect(a, 'participant-media-changed');
    const changed = nextEvent(b, 'participant-media-changed');
    expect(await ack(a, 'toggle-media', { source: 'screen', enabled: true })).toEqual({
      ok: true,
      data: { microphone: true, camera: true, screen: true },
    });
    expect(await changed).toEqual({ participantId: ja.self.id, media: { microphone: true, camera: true, screen: true } });
    await settle();
    expect(ownEvents).toEqual([]);
  });

  it('participant-ready stores readiness (default true) and tells the others', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const ready = nextEvent(b, 'participant-ready');
    expect(await ack(a, 'participant-ready', {})).toEqual({ ok: true, data: null });
    expect(await ready).toEqual({ participantId: ja.self.id, ready: true });
    const notReady = nextEvent(b, 'participant-ready');
    await ack(a, 'participant-ready', { ready: false });
    expect(await notReady).toEqual({ participantId: ja.self.id, ready: false });
    expect((await h.meetings.store.getParticipant(meetingId, ja.self.id))?.ready).toBe(false);
  });

  it('both refuse a socket that has not joined', async () => {
    const c = await h.connect({ token: await h.token('interpreter', meetingId) });
    expect(await ack(c, 'toggle-media', { source: 'microphone', enabled: true })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
    expect(await ack(c, 'participant-ready', { ready: true })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
  });
});
