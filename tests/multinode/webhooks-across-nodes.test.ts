import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '@mentara/meetings-server';
import { startWebhookReceiver, type WebhookReceiver } from '../../packages/server-adapter/src/test-utils/webhook-receiver';
import { webhookEventSchemas } from '../../packages/server-adapter/src/rest/webhook-schemas';
import { startCluster, type TestCluster } from './support/cluster';
import { MeetingPeer, waitFor } from './support/meeting-peer';

const API_KEY = 'multinode-api-key-0123456789abcdef';
const WEBHOOK_SECRET = 'multinode-webhook-secret-0123456789';

let cluster: TestCluster;
let receiver: WebhookReceiver;
const peers: MeetingPeer[] = [];
/** meeting.started fails its first attempt: a 500, then the meeting's queue must wait for its retry. */
let failedStarted = false;

beforeAll(async () => {
  receiver = await startWebhookReceiver(WEBHOOK_SECRET, (event, attempt) => {
    if (event.type === 'meeting.started' && attempt === 1) {
      failedStarted = true;
      return 500;
    }
    return 200;
  });
  cluster = await startCluster(2, { env: { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET, API_KEY } });
});

afterAll(async () => {
  for (const peer of peers) peer.close();
  await cluster?.stop();
  await receiver?.close();
});

/** One REST call to a node, as a backend with nothing but HTTP would make it. */
async function call(node: number, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${cluster.nodes[node]!.url}/api/meetings${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as Record<string, any>;
}

async function joinOn(node: number, meetingId: string, userId: string, role: 'host' | 'participant'): Promise<MeetingPeer> {
  const { token } = await call(node, 'POST', `/${meetingId}/tokens`, { userId, displayName: userId, role });
  const peer = await MeetingPeer.join({ url: cluster.nodes[node]!.url, token, meetingId, displayName: userId, reconnect: false });
  peers.push(peer);
  return peer;
}

describe('webhooks and the REST API across two nodes on one Redis', () => {
  it('delivers each event once, signed, in order within the meeting, retrying a 500 on whichever node claims it', async () => {
    const meeting = await call(0, 'POST', '', { waitingRoom: false });
    const id = meeting.meetingId as string;
    const host = await joinOn(0, id, 'therapist', 'host');
    await joinOn(1, id, 'client', 'participant');
    const interpreter = await joinOn(1, id, 'interpreter', 'participant');
    // Node B reads what node A created and who joined on either node.
    const now = await call(1, 'GET', `/${id}`);
    expect(now.participants.map((p: { userId: string }) => p.userId)).toEqual(['therapist', 'client', 'interpreter']);
    await interpreter.leave();
    await waitFor(() => !host.roster.has(interpreter.id), 5000, 'the interpreter left');
    expect((await call(1, 'POST', `/${id}/end`)).status).toBe('ended');

    await receiver.until(() => receiver.of(id).some((e) => e.type === 'meeting.ended'), 30_000);
    const events = receiver.of(id);
    expect(events.map((e) => e.type)).toEqual([
      'participant.joined',
      'participant.joined',
      'meeting.started',
      'participant.joined',
      'participant.left',
      'participant.left',
      'participant.left',
      'meeting.ended',
    ]);
    const leftFirst = events[4] as WebhookEvent<'participant.left'>;
    expect(leftFirst.data).toMatchObject({ participant: { userId: 'interpreter' }, reason: 'left' });
    expect(events.slice(5, 7).map((e) => (e as WebhookEvent<'participant.left'>).data.reason)).toEqual(['meeting-ended', 'meeting-ended']);
    // Every body is what the OpenAPI document promises.
    for (const event of events) webhookEventSchemas[event.type].parse(event);

    // The failed attempt was retried with the same id, and nothing of the meeting went out in between.
    expect(failedStarted).toBe(true);
    const started = events[2]!;
    const attempts = receiver.deliveries.filter((d) => d.eventId === started.id);
    expect(attempts.map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 200]]);
    const firstFailure = receiver.deliveries.findIndex((d) => d.eventId === started.id);
    const retried = receiver.deliveries.findIndex((d) => d.eventId === started.id && d.status === 200);
    expect(receiver.deliveries.slice(firstFailure + 1, retried).filter((d) => d.event?.data.meetingId === id)).toEqual([]);

    // Once per event: two nodes, one delivery each; every signature verified with the exported helper.
    expect(receiver.duplicates().size).toBe(0);
    expect(receiver.deliveries.filter((d) => d.refused !== undefined)).toEqual([]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    const ended = events[7] as WebhookEvent<'meeting.ended'>;
    expect(ended.data).toMatchObject({ meetingId: id, reason: 'ended-by-host', durationMs: expect.any(Number) });
    expect(ended.data.durationMs).toBe(ended.data.endedAt - ended.data.startedAt!);
    expect(ended.data.participants.map((p) => [p.userId, p.leftReason])).toEqual([
      ['therapist', 'meeting-ended'],
      ['client', 'meeting-ended'],
      ['interpreter', 'left'],
    ]);
  });
});
