import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ack, nextEvent, startHarness, type Harness } from '../test-utils/harness';
import type { MeetingsLogger } from './logger';

describe('meeting events in the log', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('logs joins, the start, every leave and the end with their durations, and no names', async () => {
    const lines: Array<[string | undefined, object]> = [];
    const logger: MeetingsLogger = { debug() {}, info: (fields, message) => void lines.push([message, fields]), warn() {}, error() {} };
    let now = 1_000;
    h = await startHarness({ logger, now: () => now });
    const meetingId = randomUUID();
    const { client: host, joined: asHost } = await h.joinAs('therapist', meetingId, 'host');
    now = 2_000;
    const started = nextEvent(host, 'meeting-started');
    const { client: guest, joined: asGuest } = await h.joinAs('client', meetingId);
    await started;
    now = 5_000;
    await ack(guest, 'leave-meeting', {});
    now = 9_000;
    const ended = nextEvent(host, 'meeting-ended');
    await ack(host, 'leave-meeting', { endForAll: true });
    await ended;

    const hostId = asHost.self.id;
    const guestId = asGuest.self.id;
    const meetingLines = lines.filter(([message]) => message?.startsWith('participant ') || message?.startsWith('meeting s') || message === 'meeting ended');
    expect(meetingLines).toEqual([
      ['participant joined', { meetingId, participantId: hostId }],
      ['participant joined', { meetingId, participantId: guestId }],
      ['meeting started', { meetingId, participants: 2 }],
      ['participant left', { meetingId, participantId: guestId, reason: 'left', durationMs: 3_000 }],
      ['participant left', { meetingId, participantId: hostId, reason: 'meeting-ended', durationMs: 8_000 }],
      ['meeting ended', { meetingId, reason: 'ended-by-host', durationMs: 7_000 }],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/"therapist"|"client"/);
  });
});
