import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxLimits, WebhookOutbox } from './outbox';

/** An outbox under test and how to dispose of it. */
export interface OutboxUnderTest {
  outbox: WebhookOutbox;
  dispose(): Promise<void>;
}

const NOW = 1_700_000_000_000;

/**
 * The behaviour every {@link WebhookOutbox} must have: per-meeting FIFO queues per endpoint,
 * leases that expire (a dead deliverer's queue is taken over), failures that hold back only their
 * own meeting, stale completions that change nothing, and the attendance spliced into `meeting.ended`.
 */
export function runWebhookOutboxContract(name: string, create: (limits?: OutboxLimits) => Promise<OutboxUnderTest>): void {
  describe(`WebhookOutbox contract: ${name}`, () => {
    let current: OutboxUnderTest | undefined;
    let outbox: WebhookOutbox;
    const make = async (limits?: OutboxLimits): Promise<WebhookOutbox> => {
      await current?.dispose();
      current = await create(limits);
      return current.outbox;
    };
    beforeEach(async () => {
      outbox = await make();
    });
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });

    // Unique per test, so a shared Redis never mixes runs.
    const ids = () => ({ ep: `ep-${randomUUID().slice(0, 8)}`, m1: `m-${randomUUID()}`, m2: `m-${randomUUID()}` });
    const add = (ep: string, meetingId: string, eventId: string, now = NOW) =>
      outbox.append({ meetingId, eventId, endpointIds: [ep], now, body: JSON.stringify({ id: eventId }) });

    it('gives each meeting its events in order, one at a time, and nothing before it is due', async () => {
      const { ep, m1 } = ids();
      expect(await add(ep, m1, 'e1')).toBe(1);
      await add(ep, m1, 'e2');
      await add(ep, m1, 'e3');
      expect(await outbox.claim(ep, { now: NOW - 1, leaseUntil: NOW + 10_000, limit: 10 })).toEqual([]);
      const first = await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 10_000, limit: 10 });
      expect(first).toEqual([{ endpointId: ep, meetingId: m1, eventId: 'e1', body: '{"id":"e1"}', failedAttempts: 0 }]);
      // Leased: nobody else gets this meeting's queue meanwhile.
      expect(await outbox.claim(ep, { now: NOW + 1, leaseUntil: NOW + 10_000, limit: 10 })).toEqual([]);
      expect(await outbox.complete(ep, m1, 'e1', NOW + 2)).toBe(true);
      const order: string[] = ['e1'];
      for (let i = 0; i < 2; i += 1) {
        const [next] = await outbox.claim(ep, { now: NOW + 2, leaseUntil: NOW + 10_000, limit: 10 });
        order.push(next!.eventId);
        await outbox.complete(ep, m1, next!.eventId, NOW + 2);
      }
      expect(order).toEqual(['e1', 'e2', 'e3']);
      expect(await outbox.claim(ep, { now: NOW + 60_000, leaseUntil: NOW + 70_000, limit: 10 })).toEqual([]);
    });

    it('a postponed event holds back later events of its meeting only, and counts its failures', async () => {
      const { ep, m1, m2 } = ids();
      await add(ep, m1, 'a1');
      await add(ep, m1, 'a2');
      await add(ep, m2, 'b1');
      const claimed = await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 10_000, limit: 10 });
      expect(claimed.map((c) => c.eventId).sort()).toEqual(['a1', 'b1']);
      expect(await outbox.postpone(ep, m1, 'a1', NOW + 5_000)).toBe(1);
      await outbox.complete(ep, m2, 'b1', NOW + 1);
      expect(await outbox.claim(ep, { now: NOW + 1, leaseUntil: NOW + 10_000, limit: 10 })).toEqual([]);
      const retried = await outbox.claim(ep, { now: NOW + 5_000, leaseUntil: NOW + 20_000, limit: 10 });
      expect(retried).toEqual([{ endpointId: ep, meetingId: m1, eventId: 'a1', body: '{"id":"a1"}', failedAttempts: 1 }]);
      expect(await outbox.postpone(ep, m1, 'a1', NOW + 6_000)).toBe(2);
      const again = await outbox.claim(ep, { now: NOW + 6_000, leaseUntil: NOW + 20_000, limit: 10 });
      expect(again[0]).toMatchObject({ eventId: 'a1', failedAttempts: 2 });
      // Completing (delivered or given up) resets the count for the next event.
      await outbox.complete(ep, m1, 'a1', NOW + 6_001);
      const next = await outbox.claim(ep, { now: NOW + 6_001, leaseUntil: NOW + 20_000, limit: 10 });
      expect(next).toEqual([{ endpointId: ep, meetingId: m1, eventId: 'a2', body: '{"id":"a2"}', failedAttempts: 0 }]);
    });

    it('a lease that ran out is claimed again (its holder died), and the late holder changes nothing', async () => {
      const { ep, m1 } = ids();
      await add(ep, m1, 'e1');
      await add(ep, m1, 'e2');
      await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 1_000, limit: 1 });
      const takeover = await outbox.claim(ep, { now: NOW + 1_000, leaseUntil: NOW + 2_000, limit: 1 });
      expect(takeover).toEqual([{ endpointId: ep, meetingId: m1, eventId: 'e1', body: '{"id":"e1"}', failedAttempts: 0 }]);
      expect(await outbox.complete(ep, m1, 'e1', NOW + 1_100)).toBe(true);
      // The first holder answers late, for an event that is gone: nothing moves.
      expect(await outbox.complete(ep, m1, 'e1', NOW + 1_200)).toBe(false);
      expect(await outbox.postpone(ep, m1, 'e1', NOW + 9_000)).toBeUndefined();
      const [next] = await outbox.claim(ep, { now: NOW + 1_200, leaseUntil: NOW + 3_000, limit: 1 });
      expect(next?.eventId).toBe('e2');
    });

    it('keeps one queue per endpoint: one endpoint failing never holds back another', async () => {
      const { ep, m1 } = ids();
      const other = `${ep}-b`;
      await outbox.append({ meetingId: m1, eventId: 'e1', endpointIds: [ep, other], now: NOW, body: '{}' });
      const [a] = await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 1_000, limit: 5 });
      await outbox.postpone(ep, m1, a!.eventId, NOW + 60_000);
      const [b] = await outbox.claim(other, { now: NOW, leaseUntil: NOW + 1_000, limit: 5 });
      expect(b).toMatchObject({ endpointId: other, eventId: 'e1', failedAttempts: 0 });
      expect(await outbox.complete(other, m1, 'e1', NOW)).toBe(true);
      expect(await outbox.claim(ep, { now: NOW + 1, leaseUntil: NOW + 1_000, limit: 5 })).toEqual([]);
    });

    it('claims at most `limit` queues, the longest due first', async () => {
      const { ep } = ids();
      const meetings = [0, 1, 2].map(() => `m-${randomUUID()}`);
      await add(ep, meetings[2]!, 'c', NOW + 2);
      await add(ep, meetings[0]!, 'a', NOW);
      await add(ep, meetings[1]!, 'b', NOW + 1);
      const claimed = await outbox.claim(ep, { now: NOW + 10, leaseUntil: NOW + 1_000, limit: 2 });
      expect(claimed.map((c) => c.eventId)).toEqual(['a', 'b']);
    });

    it('splices the attendance into meeting.ended in join order, with the latest record of each session, then forgets it', async () => {
      const { ep, m1 } = ids();
      const session = (id: string, extra = '') => `{"participantId":"${id}"${extra}}`;
      await outbox.append({ meetingId: m1, eventId: 'j1', endpointIds: [ep], now: NOW, body: '{"j":1}', attendance: { participantId: 'p1', record: session('p1') } });
      await outbox.append({ meetingId: m1, eventId: 'j2', endpointIds: [ep], now: NOW, body: '{"j":2}', attendance: { participantId: 'p2', record: session('p2') } });
      await outbox.append({ meetingId: m1, eventId: 'l1', endpointIds: [], now: NOW, body: '{}', attendance: { participantId: 'p1', record: session('p1', ',"leftAt":5') } });
      await outbox.append({ meetingId: m1, eventId: 'end', endpointIds: [ep], now: NOW, body: { before: '{"participants":', after: '}' } });
      const bodies: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const [c] = await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 1_000, limit: 1 });
        bodies.push(c!.body);
        await outbox.complete(ep, m1, c!.eventId, NOW);
      }
      expect(bodies).toEqual(['{"j":1}', '{"j":2}', '{"participants":[{"participantId":"p1","leftAt":5},{"participantId":"p2"}]}']);
      expect(JSON.parse(bodies[2]!)).toEqual({ participants: [{ participantId: 'p1', leftAt: 5 }, { participantId: 'p2' }] });
      await outbox.append({ meetingId: m1, eventId: 'end2', endpointIds: [ep], now: NOW, body: { before: '{"participants":', after: '}' } });
      const [again] = await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 1_000, limit: 1 });
      expect(again?.body).toBe('{"participants":[]}');
    });

    it('bounds each queue and each attendance', async () => {
      outbox = await make({ maxQueuedPerMeeting: 2, maxAttendance: 1 });
      const { ep, m1 } = ids();
      expect(await add(ep, m1, 'e1')).toBe(1);
      expect(await add(ep, m1, 'e2')).toBe(1);
      expect(await add(ep, m1, 'e3')).toBe(0);
      const { m2 } = ids();
      await outbox.append({ meetingId: m2, eventId: 'j1', endpointIds: [], now: NOW, body: '{}', attendance: { participantId: 'p1', record: '{"p":1}' } });
      await outbox.append({ meetingId: m2, eventId: 'j2', endpointIds: [], now: NOW, body: '{}', attendance: { participantId: 'p2', record: '{"p":2}' } });
      await outbox.append({ meetingId: m2, eventId: 'l1', endpointIds: [], now: NOW, body: '{}', attendance: { participantId: 'p1', record: '{"p":1,"left":true}' } });
      await outbox.append({ meetingId: m2, eventId: 'end', endpointIds: [ep], now: NOW, body: { before: '', after: '' } });
      const [ended] = (await outbox.claim(ep, { now: NOW, leaseUntil: NOW + 1_000, limit: 5 })).filter((x) => x.meetingId === m2);
      expect(ended?.body).toBe('[{"p":1,"left":true}]');
    });
  });
}
