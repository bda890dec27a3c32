import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ack, startHarness, type Harness } from '../test-utils/harness';
import { startWebhookReceiver, type Responder, type WebhookReceiver } from '../test-utils/webhook-receiver';
import type { WebhookOptions } from './options';
import type { WebhookEvent } from './types';

const SECRET = 'whsec-integration-0123456789abcdef';

describe('webhooks from a real server to a loopback receiver', () => {
  let harness: Harness | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await harness?.close();
    await receiver?.close();
    harness = receiver = undefined;
  });

  const start = async (respond?: Responder, webhooks: Partial<WebhookOptions> = {}) => {
    receiver = await startWebhookReceiver(SECRET, respond);
    harness = await startHarness({ webhooks: { url: receiver.url, secret: SECRET, retry: { initialDelayMs: 40, maxDelayMs: 200 }, ...webhooks } });
    return { receiver, harness };
  };
  const types = (events: WebhookEvent[]) => events.map((e) => e.type);

  /** Therapist and client join; the client leaves; the therapist ends the session. */
  async function session(h: Harness, meetingId = randomUUID()) {
    const host = await h.joinAs('therapist', meetingId, 'host');
    const client = await h.joinAs('client', meetingId);
    await ack(client.client, 'leave-meeting', {});
    await ack(host.client, 'leave-meeting', { endForAll: true });
    return { meetingId, hostId: host.joined.self.id, clientId: client.joined.self.id };
  }

  it('sends a session as joined, joined, started, left, left, ended — each signed, ended with duration and attendance', async () => {
    const { receiver, harness } = await start();
    const { meetingId, hostId, clientId } = await session(harness);
    await receiver.until(() => receiver.of(meetingId).some((e) => e.type === 'meeting.ended'));
    // Every request passed the exported verifier (the receiver answers 400 otherwise).
    expect(receiver.deliveries.every((d) => d.status === 200 && d.attempt === 1)).toBe(true);
    const events = receiver.of(meetingId);
    expect(types(events)).toEqual(['participant.joined', 'participant.joined', 'meeting.started', 'participant.left', 'participant.left', 'meeting.ended']);
    const [joinedHost, joinedClient, started, leftClient, leftHost, ended] = events as [WebhookEvent, WebhookEvent, WebhookEvent, WebhookEvent, WebhookEvent, Extract<WebhookEvent, { type: 'meeting.ended' }>];
    expect(joinedHost.data).toMatchObject({ meetingId, participant: { participantId: hostId, userId: 'therapist', role: 'host' } });
    expect(joinedClient.data).toMatchObject({ participant: { participantId: clientId, userId: 'client', role: 'participant' } });
    expect(started.data).toMatchObject({ meetingId, participants: [{ participantId: hostId }, { participantId: clientId }] });
    expect(leftClient.data).toMatchObject({ participant: { participantId: clientId }, reason: 'left', durationMs: expect.any(Number) });
    expect(leftHost.data).toMatchObject({ participant: { participantId: hostId }, reason: 'meeting-ended' });
    expect(ended.data).toEqual({
      meetingId,
      reason: 'ended-by-host',
      endedAt: expect.any(Number),
      startedAt: expect.any(Number),
      durationMs: ended.data.endedAt - ended.data.startedAt!,
      participants: [
        { participantId: hostId, userId: 'therapist', displayName: 'therapist', role: 'host', joinedAt: expect.any(Number), leftAt: ended.data.endedAt, durationMs: expect.any(Number), leftReason: 'meeting-ended' },
        { participantId: clientId, userId: 'client', displayName: 'client', role: 'participant', joinedAt: expect.any(Number), leftAt: expect.any(Number), durationMs: expect.any(Number), leftReason: 'left' },
      ],
    });
    // Ids are unique; createdAt never goes back within the meeting.
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.map((e) => e.createdAt)).toEqual([...events.map((e) => e.createdAt)].sort((a, b) => a - b));
  });

  it('retries a 500 with the same id and a fresh signature, holding back that meeting only', async () => {
    let failuresLeft = 3;
    let blockedMeeting: string | undefined;
    const { receiver, harness } = await start((event, attempt) => {
      // The first event of the first meeting fails three times.
      blockedMeeting ??= event.data.meetingId;
      return event.data.meetingId === blockedMeeting && failuresLeft > 0 && attempt <= 3 ? (failuresLeft--, 500) : 200;
    });
    const first = randomUUID();
    const blocked = await harness.joinAs('therapist', first, 'host');
    await receiver.until(() => receiver.deliveries.length >= 1);
    const other = await session(harness);
    await receiver.until(() => receiver.of(other.meetingId).some((e) => e.type === 'meeting.ended'));
    await ack(blocked.client, 'leave-meeting', { endForAll: true });
    await receiver.until(() => receiver.of(first).some((e) => e.type === 'meeting.ended'));
    const tries = receiver.deliveries.filter((d) => d.event?.data.meetingId === first && d.event.type === 'participant.joined');
    expect(tries.map((t) => [t.attempt, t.status])).toEqual([[1, 500], [2, 500], [3, 500], [4, 200]]);
    expect(new Set(tries.map((t) => t.eventId)).size).toBe(1);
    // The other meeting went through meanwhile, in its own order.
    expect(types(receiver.of(other.meetingId))).toEqual(['participant.joined', 'participant.joined', 'meeting.started', 'participant.left', 'participant.left', 'meeting.ended']);
    expect(types(receiver.of(first))).toEqual(['participant.joined', 'participant.left', 'meeting.ended']);
  });

  it('gives up at once on a 4xx, after maxAttempts on 503s, and moves on to the next event', async () => {
    const { receiver, harness } = await start(
      (event) => (event.type === 'participant.joined' && event.data.participant.role === 'host' ? 410 : event.type === 'meeting.started' ? 503 : 200),
      { retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 50 } },
    );
    const { meetingId } = await session(harness);
    await receiver.until(() => receiver.of(meetingId).some((e) => e.type === 'meeting.ended'));
    const attemptsOf = (type: string) => receiver.deliveries.filter((d) => d.event?.data.meetingId === meetingId && d.event.type === type).map((d) => d.status);
    expect(attemptsOf('meeting.started')).toEqual([503, 503, 503]);
    expect(receiver.deliveries.filter((d) => d.event?.type === 'participant.joined').map((d) => d.status)).toEqual([410, 200]);
    expect(types(receiver.of(meetingId))).toEqual(['participant.joined', 'participant.left', 'participant.left', 'meeting.ended']);
  });

  it('retries a 429 after its Retry-After and an attempt that timed out', async () => {
    const { receiver, harness } = await start(
      (event, attempt) => {
        if (event.type !== 'participant.joined') return 200;
        if (attempt === 1) return { status: 429, headers: { 'retry-after': '0' } };
        if (attempt === 2) return { status: 200, delayMs: 600 };
        return 200;
      },
      { timeoutMs: 200 },
    );
    const meetingId = randomUUID();
    await harness.joinAs('therapist', meetingId, 'host');
    const tries = () => receiver.deliveries.filter((d) => d.event?.type === 'participant.joined');
    await receiver.until(() => tries().length === 3);
    // Attempt 2 took longer than timeoutMs: the sender hung up (status 0 here) and tried a third time.
    expect(tries().map((d) => [d.attempt, d.status]).sort()).toEqual([[1, 429], [2, 0], [3, 200]]);
    expect(receiver.of(meetingId)).toHaveLength(1);
  });

  it('sends only the events asked for; meeting.ended still lists the whole attendance', async () => {
    const { receiver, harness } = await start(undefined, { events: ['meeting.ended'] });
    const { meetingId, hostId, clientId } = await session(harness);
    await receiver.until(() => receiver.accepted.length === 1);
    expect(types(receiver.accepted)).toEqual(['meeting.ended']);
    const ended = receiver.accepted[0] as Extract<WebhookEvent, { type: 'meeting.ended' }>;
    expect(ended.data.meetingId).toBe(meetingId);
    expect(ended.data.participants.map((p) => [p.participantId, p.leftReason])).toEqual([[hostId, 'meeting-ended'], [clientId, 'left']]);
  });

  it('refuses options that cannot work', async () => {
    await expect(startHarness({ webhooks: { secret: SECRET } })).rejects.toThrow('webhooks needs a url');
    await expect(startHarness({ webhooks: { url: 'ftp://x', secret: SECRET } })).rejects.toThrow('not an http(s) URL');
    await expect(startHarness({ webhooks: { url: 'http://127.0.0.1:9/x', secret: 'short' } })).rejects.toThrow('at least 16 characters');
    await expect(startHarness({ webhooks: { url: 'http://127.0.0.1:9/x', secret: SECRET, events: ['meeting.paused' as never] } })).rejects.toThrow('unknown event');
  });
});
