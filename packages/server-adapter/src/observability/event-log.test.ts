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

  it('logs the session flow: waiting, admitted, denied, stopped waiting, removed, locked and extended (ids only)', async () => {
    const lines: Array<[string | undefined, object]> = [];
    const logger: MeetingsLogger = { debug() {}, info: (fields, message) => void lines.push([message, fields]), warn() {}, error() {} };
    h = await startHarness({ logger, waitingRoom: true });
    const meetingId = randomUUID();
    const { client: host, joined } = await h.joinAs('therapist', meetingId, 'host');
    const hostId = joined.self.id;
    const ids: string[] = [];
    for (const user of ['client', 'family-member', 'interpreter']) {
      const { answer } = await h.enter(user, meetingId);
      if (!answer.ok) throw new Error(answer.error.code);
      ids.push(answer.data.self.id);
    }
    const [admitted, denied, gaveUp] = ids as [string, string, string];
    await ack(host, 'admit-participant', { participantId: admitted });
    await ack(host, 'deny-participant', { participantId: denied });
    for (const socket of h.meetings.namespace.sockets.values()) if (socket.data.session?.participantId === gaveUp) socket.disconnect(true);
    await nextEvent(host, 'participant-left');
    await ack(host, 'remove-participant', { participantId: admitted });
    await ack(host, 'lock-meeting', { locked: true });
    await ack(host, 'extend-meeting', { minutes: 15 });
    const flow = lines.filter(([message]) =>
      ['participant waiting', 'participant admitted', 'participant denied', 'participant stopped waiting', 'participant removed', 'meeting locked', 'meeting extended'].includes(message ?? ''),
    );
    expect(flow).toEqual([
      ['participant waiting', { meetingId, participantId: admitted }],
      ['participant waiting', { meetingId, participantId: denied }],
      ['participant waiting', { meetingId, participantId: gaveUp }],
      ['participant admitted', { meetingId, participantId: admitted, by: hostId }],
      ['participant denied', { meetingId, participantId: denied, by: hostId }],
      ['participant stopped waiting', { meetingId, participantId: gaveUp, reason: 'disconnected', waitedMs: expect.any(Number) }],
      ['participant removed', { meetingId, participantId: admitted, by: hostId }],
      ['meeting locked', { meetingId, locked: true, by: hostId }],
      ['meeting extended', { meetingId, endsAt: expect.any(Number), by: hostId }],
    ]);
    expect(lines).toContainEqual(['participant left', expect.objectContaining({ participantId: admitted, reason: 'removed' })]);
    expect(JSON.stringify(lines)).not.toMatch(/"therapist"|"client"|"family-member"|"interpreter"/);
  });
});
