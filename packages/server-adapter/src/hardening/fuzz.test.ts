import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, clientEventSchemas, PROTOCOL_ERROR_CODES, type Ack } from '@mentara/meetings-core/protocol';
import { ack, startHarness, type Harness, type TestClient } from '../test-utils/harness';

/** Emits any arguments with an acknowledgement; resolves with it, or `'no-ack'` after 3 s. */
function emitAny(client: TestClient, event: string, args: unknown[]): Promise<Ack<unknown> | 'no-ack'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no-ack'), 3000);
    (client as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args, (answer: Ack<unknown>) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

const anything = fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, withObjectString: true });

/** Payloads for one event: anything at all, the event's own keys with wrong values, huge strings, extra arguments. */
function payloads(event: keyof typeof clientEventSchemas): fc.Arbitrary<unknown[]> {
  const keys = Object.keys((clientEventSchemas[event] as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const shaped = keys.length > 0 ? fc.record(Object.fromEntries(keys.map((k) => [k, anything])), { requiredKeys: [] }) : anything;
  return fc.oneof(
    anything.map((p) => [p]),
    shaped.map((p) => [p]),
    fc.string({ minLength: 0, maxLength: 70_000 }).map((s) => [{ [keys[0] ?? 'text']: s }]),
    fc.tuple(shaped, anything).map((args) => [...args]),
    fc.constant<unknown[]>([]),
  );
}

describe('fuzzing every client event (bounded: 40 runs per event, 20 s per event)', () => {
  let h: Harness;
  let host: TestClient;
  let meetingId: string;
  beforeAll(async () => {
    // Budgets opened wide: the fuzzer tests validation, not the rate limits.
    const wide = { eventsPerSecond: 10_000, eventsBurst: 10_000, eventsPerSecondPerUser: 10_000, eventsPerSecondPerIp: 10_000, joinsPerMinute: 100_000, joinsBurst: 10_000 };
    h = await startHarness({ limits: wide });
    meetingId = randomUUID();
    ({ client: host } = await h.joinAs('therapist', meetingId, 'host'));
  });
  afterAll(() => h.close());

  for (const event of CLIENT_EVENTS) {
    it(`${event}: every answer is ok or a typed, non-internal error; the server stays up`, async () => {
      const fuzzer = await h.connect({ token: await h.token('fuzzer', meetingId) });
      expect((await ack(fuzzer, 'join-meeting', { meetingId })).ok).toBe(true);
      const codes = new Set<string>();
      await fc.assert(
        fc.asyncProperty(payloads(event), async (args) => {
          if (!fuzzer.connected) fuzzer.connect();
          const answer = await emitAny(fuzzer, event, args);
          if (answer === 'no-ack') return fuzzer.disconnected; // only a transport close (1009) goes unanswered
          if (answer.ok) return true;
          codes.add(answer.error.code);
          return answer.error.code in PROTOCOL_ERROR_CODES && answer.error.code !== 'internal';
        }),
        { numRuns: 40, interruptAfterTimeLimit: 20_000, seed: 14 },
      );
      expect(codes.has('internal')).toBe(false);
      // Still serving: the host can chat in the meeting.
      expect((await ack(host, 'chat-message', { text: `after ${event}` })).ok).toBe(true);
      fuzzer.close();
    });
  }

  it('memory stays bounded after the fuzzing', () => {
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 * 1024 * 1024);
  });
});
