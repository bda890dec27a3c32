import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ack, nextEvent, startHarness, type Harness } from '../test-utils/harness';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('session window', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('an early participant gets meeting-not-started with startsAt and retryAfterMs; at the margin they may join; hosts any time', async () => {
    let offset = 0;
    h = await startHarness({ waitingRoom: true, now: () => Date.now() + offset });
    const startsAt = Date.now() + HOUR;
    const { meetingId } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', startsAt });
    const before = Date.now();
    const early = await h.enter('client', meetingId);
    const after = Date.now();
    expect(early.answer).toEqual({
      ok: false,
      error: {
        code: 'meeting-not-started',
        message: expect.any(String),
        event: 'join-meeting',
        recoverable: true,
        startsAt,
        retryAfterMs: expect.any(Number),
      },
    });
    const retryAfterMs = early.answer.ok ? 0 : (early.answer.error.retryAfterMs ?? 0);
    // Until the default 10-minute margin opens, by the server's clock when it answered.
    expect(retryAfterMs).toBeGreaterThanOrEqual(startsAt - 10 * MINUTE - after);
    expect(retryAfterMs).toBeLessThanOrEqual(startsAt - 10 * MINUTE - before);
    expect(await h.meetings.store.listWaiting(meetingId)).toEqual([]);

    const host = await h.enter('therapist', meetingId, 'host');
    expect(host.answer).toMatchObject({ ok: true, data: { admission: 'admitted', meeting: { startsAt } } });

    offset = retryAfterMs;
    expect((await ack(early.client, 'join-meeting', { meetingId })).ok).toBe(true);
  });

  it('takes the start from the token (claim in seconds) and honours earlyJoinMarginMs', async () => {
    h = await startHarness({ earlyJoinMarginMs: 30 * MINUTE });
    const meetingId = randomUUID();
    const startsAt = (Math.floor(Date.now() / 1000) + 20 * 60) * 1000;
    const soon = await h.enter('client', meetingId, 'participant', { startsAt });
    expect(soon.answer).toMatchObject({ ok: true, data: { admission: 'admitted', meeting: { startsAt } } });
    const later = randomUUID();
    const tooEarly = await h.enter('client', later, 'participant', { startsAt: startsAt + HOUR });
    expect(tooEarly.answer).toMatchObject({ ok: false, error: { code: 'meeting-not-started', startsAt: startsAt + HOUR } });
  });

  it('takes the schedule from the authorize hook, over the token', async () => {
    const startsAt = Date.now() + HOUR;
    h = await startHarness({ authorize: () => ({ allowed: true, startsAt }) });
    const early = await h.enter('client', randomUUID(), 'participant', { startsAt: Date.now() });
    expect(early.answer).toMatchObject({ ok: false, error: { code: 'meeting-not-started', startsAt } });
  });

  it('the server owns the clock: answers and meeting-updated carry serverTime and the schedule', async () => {
    const skew = 7 * MINUTE;
    h = await startHarness({ waitingRoom: true, now: () => Date.now() + skew });
    const meetingId = randomUUID();
    const endsAt = Date.now() + HOUR;
    /** Whether `t` was read from the server's (skewed) clock between `from` and now. */
    const serverClock = (t: number | undefined, from: number) => t !== undefined && t >= from + skew && t <= Date.now() + skew;
    const start = Date.now();
    const waiter = await h.enter('client', meetingId, 'participant', { endsAt });
    const answer = waiter.answer.ok ? waiter.answer.data : undefined;
    expect(answer?.admission).toBe('waiting');
    expect(serverClock(answer?.serverTime, start)).toBe(true);
    expect(answer?.meeting.endsAt).toBe(Math.floor(endsAt / 1000) * 1000);
    const updated = nextEvent(waiter.client, 'meeting-updated');
    const hostStart = Date.now();
    const host = await h.enter('therapist', meetingId, 'host');
    expect(serverClock(host.answer.ok ? host.answer.data.serverTime : undefined, hostStart)).toBe(true);
    expect(serverClock((await updated).serverTime, hostStart)).toBe(true);
  });
});
