import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { ack, startHarness, type Harness } from '../test-utils/harness';
import { issueRejoinTicket, readRejoinTicket } from './rejoin-ticket';

describe('rejoin tickets', () => {
  const harnesses: Harness[] = [];
  const start = async () => {
    const h = await startHarness();
    harnesses.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close().catch(() => undefined);
  });

  it('after a restart that lost the meeting, the same user gets the same participant id back', async () => {
    const meetingId = randomUUID();
    const before = await start();
    const { joined: first } = await before.joinAs('client', meetingId);
    const { joined: other } = await before.joinAs('therapist', meetingId, 'host');
    expect(first.rejoinTicket).toEqual(expect.any(String));
    await before.close();

    // A new process with the same secret: an empty in-memory store.
    const after = await start();
    const therapist = await after.connect({ token: await after.token('therapist', meetingId, 'host') });
    const back = await ack<MeetingJoinedPayload>(therapist, 'join-meeting', { meetingId, previousParticipantId: other.self.id, rejoinTicket: other.rejoinTicket });
    const client = await after.connect({ token: await after.token('client', meetingId) });
    const again = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId, previousParticipantId: first.self.id, rejoinTicket: first.rejoinTicket });
    expect(back).toMatchObject({ ok: true, data: { self: { id: other.self.id } } });
    expect(again).toMatchObject({ ok: true, data: { self: { id: first.self.id } } });
    expect((again as { data: MeetingJoinedPayload }).data.participants.map((p) => p.id)).toContain(other.self.id);
  });

  it('is ignored when the meeting was not lost, when forged, or when it is another user’s', async () => {
    const meetingId = randomUUID();
    const h = await start();
    const { client, joined } = await h.joinAs('client', meetingId);
    // The store still knows the meeting: a rejoin is a normal rejoin, with a new id.
    const rejoin = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId, previousParticipantId: joined.self.id, rejoinTicket: joined.rejoinTicket });
    expect(rejoin.ok && rejoin.data.self.id).not.toBe(joined.self.id);

    const key = new Uint8Array(32).fill(7);
    const ticket = issueRejoinTicket(key, meetingId, 'client', { participantId: 'p1', admittedAt: 1_000 }, 2_000);
    expect(readRejoinTicket(key, ticket, meetingId, 'client', 3_000)).toEqual({ participantId: 'p1', admittedAt: 1_000 });
    expect(readRejoinTicket(key, ticket, meetingId, 'someone-else', 3_000)).toBeNull();
    expect(readRejoinTicket(key, ticket, randomUUID(), 'client', 3_000)).toBeNull();
    expect(readRejoinTicket(new Uint8Array(32).fill(8), ticket, meetingId, 'client', 3_000)).toBeNull();
    expect(readRejoinTicket(key, ticket.replace('.p1.', '.p2.'), meetingId, 'client', 3_000)).toBeNull();
    expect(readRejoinTicket(key, ticket, meetingId, 'client', 2_000 + 25 * 3600_000)).toBeNull();
    expect(readRejoinTicket(key, 'garbage', meetingId, 'client', 3_000)).toBeNull();
  });
});
