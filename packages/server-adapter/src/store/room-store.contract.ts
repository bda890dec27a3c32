import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chat, participant, uid } from './contract-records';
import { readMeetingView } from './meeting-view';
import { openAndAddParticipant } from './open-and-add';
import type { RoomStore } from './room-store';
import { runSessionFlowContract } from './room-store.session-contract';

/**
 * The behaviour every {@link RoomStore} must have. Run it against each implementation:
 *
 * @example
 * ```ts
 * runRoomStoreContract('MemoryRoomStore', () => new MemoryRoomStore());
 * ```
 */
export function runRoomStoreContract(name: string, createStore: () => Promise<RoomStore> | RoomStore): void {
  describe(`RoomStore contract: ${name}`, () => {
    let store: RoomStore;
    let meetingId: string;
    beforeEach(async () => {
      store = await createStore();
      meetingId = uid('m');
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a waiting meeting once and returns the existing record afterwards', async () => {
      expect(await store.getMeeting(meetingId)).toBeUndefined();
      const first = await store.ensureMeeting({ meetingId, createdAt: 1000, endsAt: 5000 });
      expect(first).toMatchObject({ meetingId, status: 'waiting', createdAt: 1000, endsAt: 5000, locked: false });
      const again = await store.ensureMeeting({ meetingId, createdAt: 2000 });
      expect(again.createdAt).toBe(1000);
      expect(again.endsAt).toBe(5000);
    });

    it('sets and clears the scheduled end', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      expect((await store.setMeetingEndsAt(meetingId, 99))?.endsAt).toBe(99);
      expect((await store.setMeetingEndsAt(meetingId, undefined))?.endsAt).toBeUndefined();
      expect(await store.setMeetingEndsAt(uid('missing'), 1)).toBeUndefined();
    });

    it('starts a meeting exactly once', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const results = await Promise.all([store.startMeeting(meetingId, 10), store.startMeeting(meetingId, 11)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.getMeeting(meetingId)).toMatchObject({ status: 'active' });
      expect(await store.startMeeting(uid('missing'), 1)).toBeUndefined();
    });

    it('adds participants in join order and lists the others', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId);
      const b = participant(meetingId);
      const ra = await store.addParticipant(a, { maxParticipants: 6 });
      expect(ra).toMatchObject({ ok: true, others: [] });
      const rb = await store.addParticipant(b, { maxParticipants: 6 });
      expect(rb.ok && rb.others.map((p) => p.id)).toEqual([a.id]);
      expect((await store.listParticipants(meetingId)).map((p) => p.id)).toEqual([a.id, b.id]);
      expect(await store.getParticipant(meetingId, b.id)).toEqual(b);
    });

    it('refuses participants for unknown meetings', async () => {
      const result = await store.addParticipant(participant(meetingId), { maxParticipants: 6 });
      expect(result).toEqual({ ok: false, reason: 'meeting-not-found' });
    });

    it('enforces the cap atomically under concurrent adds', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.addParticipant(participant(meetingId), { maxParticipants: 3 })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok && r.reason === 'meeting-full')).toHaveLength(5);
      expect(await store.listParticipants(meetingId)).toHaveLength(3);
    });

    it('replaces a stale session of the same user even when the meeting is full', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const stale = participant(meetingId, { userId: 'same-user' });
      await store.addParticipant(stale, { maxParticipants: 1 });
      const fresh = participant(meetingId, { userId: 'same-user' });
      const result = await store.addParticipant(fresh, { maxParticipants: 1 });
      expect(result).toMatchObject({ ok: true, replaced: { id: stale.id } });
      expect((await store.listParticipants(meetingId)).map((p) => p.id)).toEqual([fresh.id]);
    });

    it('never replaces a session of another user', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const victim = participant(meetingId);
      await store.addParticipant(victim, { maxParticipants: 6 });
      const result = await store.addParticipant(participant(meetingId), { maxParticipants: 6 });
      expect(result.ok && result.replaced).toBeFalsy();
      expect(await store.getParticipant(meetingId, victim.id)).toBeDefined();
    });

    it('removes a participant once', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId);
      await store.addParticipant(a, { maxParticipants: 6 });
      expect((await store.removeParticipant(meetingId, a.id))?.id).toBe(a.id);
      expect(await store.removeParticipant(meetingId, a.id)).toBeUndefined();
      expect(await store.listParticipants(meetingId)).toEqual([]);
    });

    it('updates media and readiness, and ignores missing participants', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId);
      await store.addParticipant(a, { maxParticipants: 6 });
      const media = { microphone: false, camera: true, screen: true };
      expect(await store.updateParticipant(meetingId, a.id, { media })).toMatchObject({ media, ready: false });
      expect(await store.updateParticipant(meetingId, a.id, { ready: true })).toMatchObject({ media, ready: true });
      expect(await store.updateParticipant(meetingId, 'nobody', { ready: true })).toBeUndefined();
    });

    it('does not leak mutations of returned records into the store', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId);
      await store.addParticipant(a, { maxParticipants: 6 });
      const got = await store.getParticipant(meetingId, a.id);
      if (got) got.media.microphone = false;
      expect((await store.getParticipant(meetingId, a.id))?.media.microphone).toBe(true);
    });

    it('lists participants by node', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const node = uid('node');
      const a = participant(meetingId, { nodeId: node });
      await store.addParticipant(a, { maxParticipants: 6 });
      await store.addParticipant(participant(meetingId), { maxParticipants: 6 });
      expect((await store.listParticipantsByNode(node)).map((p) => p.id)).toEqual([a.id]);
    });

    it('keeps a bounded chat history, oldest first', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      for (let i = 0; i < 5; i += 1) expect(await store.appendChat(meetingId, chat(meetingId, `m${i}`), 3)).toBe(true);
      expect((await store.listChat(meetingId)).map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
      expect(await store.appendChat(uid('missing'), chat(meetingId, 'x'), 3)).toBe(false);
    });

    it('opens the meeting and takes the seat in one step, with the checks in between', async () => {
      const now = 1_000_000;
      const base = { maxParticipants: 6, graceMs: 0, now, earlyJoinMarginMs: 1_000, mayWait: false, waitingRoomDefault: false };
      // Created on first use, schedule included; the seat is taken.
      const first = participant(meetingId);
      const created = await openAndAddParticipant(store, { meetingId, createdAt: now, endsAt: now + 60_000 }, first, base);
      expect(created.meeting).toMatchObject({ meetingId, status: 'waiting', createdAt: now, endsAt: now + 60_000 });
      expect(created.result).toMatchObject({ ok: true, others: [] });
      // An open meeting gets the start it lacked; the next seat sees the first.
      const second = participant(meetingId);
      const again = await openAndAddParticipant(store, { meetingId, createdAt: now + 5, startsAt: now - 10 }, second, base);
      expect(again.meeting).toMatchObject({ createdAt: now, startsAt: now - 10, endsAt: now + 60_000 });
      expect(again.result.ok && again.result.others.map((p) => p.id)).toEqual([first.id]);
      // The others come as they are now (a join answers from them): media and readiness included.
      const media = { microphone: true, camera: true, screen: false };
      await store.updateParticipant(meetingId, first.id, { media, ready: true });
      const third = participant(meetingId);
      const later = await openAndAddParticipant(store, { meetingId, createdAt: now + 6 }, third, base);
      expect(later.result.ok && later.result.others).toEqual([
        { ...first, media, ready: true },
        await store.getParticipant(meetingId, second.id),
      ]);

      // Too early: a participant is refused with nothing added, a host is not.
      const early = uid('m');
      const soon = { meetingId: early, createdAt: now, startsAt: now + 10_000 };
      expect((await openAndAddParticipant(store, soon, participant(early), base)).result).toEqual({ ok: false, reason: 'meeting-not-started' });
      expect(await store.listParticipants(early)).toEqual([]);
      expect((await openAndAddParticipant(store, soon, participant(early, { role: 'host' }), base)).result.ok).toBe(true);
      expect((await openAndAddParticipant(store, soon, participant(early), { ...base, now: now + 9_500 })).result.ok).toBe(true);

      // Past its scheduled end: refused, nothing added (the server then ends it); ended: refused.
      const over = uid('m');
      await store.ensureMeeting({ meetingId: over, createdAt: 1, endsAt: now });
      const late = await openAndAddParticipant(store, { meetingId: over, createdAt: now }, participant(over), base);
      expect(late).toMatchObject({ meeting: { endsAt: now }, result: { ok: false, reason: 'scheduled-end' } });
      expect(await store.listParticipants(over)).toEqual([]);
      await store.endMeeting(over, { reason: 'ended-by-host', endedAt: now, retainMs: 60_000 });
      expect((await openAndAddParticipant(store, { meetingId: over, createdAt: now }, participant(over), base)).result).toEqual({ ok: false, reason: 'meeting-ended' });

      // The waiting room: the meeting's own setting wins over the default, and only for those who may wait.
      const waiting = uid('m');
      const init = { meetingId: waiting, createdAt: now };
      expect((await openAndAddParticipant(store, init, participant(waiting), { ...base, mayWait: true, waitingRoomDefault: true })).result).toEqual({ ok: false, reason: 'not-admitted' });
      expect((await openAndAddParticipant(store, init, participant(waiting), { ...base, mayWait: false, waitingRoomDefault: true })).result.ok).toBe(true);
      expect((await openAndAddParticipant(store, init, participant(waiting), { ...base, mayWait: true, waitingRoomDefault: false })).result.ok).toBe(true);
      const open = uid('m');
      await store.ensureMeeting({ meetingId: open, createdAt: now, waitingRoom: false });
      expect((await openAndAddParticipant(store, { meetingId: open, createdAt: now }, participant(open), { ...base, mayWait: true, waitingRoomDefault: true })).result.ok).toBe(true);
      const closed = uid('m');
      await store.ensureMeeting({ meetingId: closed, createdAt: now, waitingRoom: true });
      expect((await openAndAddParticipant(store, { meetingId: closed, createdAt: now }, participant(closed), { ...base, mayWait: true })).result).toEqual({ ok: false, reason: 'not-admitted' });
    });

    it('starts the meeting in the seat step that reaches the start head count, once', async () => {
      const now = 2_000_000;
      const base = { maxParticipants: 2, graceMs: 0, now, earlyJoinMarginMs: 0, mayWait: false, waitingRoomDefault: false, startAt: 2 };
      const init = { meetingId, createdAt: now };
      const first = await openAndAddParticipant(store, init, participant(meetingId), base);
      expect(first.started).toBeUndefined();
      expect(first.meeting.status).toBe('waiting');
      const second = await openAndAddParticipant(store, init, participant(meetingId), { ...base, now: now + 7 });
      expect(second.started).toBe(true);
      expect(second.meeting).toMatchObject({ meetingId, status: 'active', startedAt: now + 7, createdAt: now });
      expect(await store.getMeeting(meetingId)).toMatchObject({ status: 'active', startedAt: now + 7 });
      // Already started: neither another seat nor startMeeting starts it again.
      const host = await openAndAddParticipant(store, init, participant(meetingId, { role: 'host' }), { ...base, now: now + 9 });
      expect(host.started).toBeUndefined();
      expect(host.meeting.startedAt).toBe(now + 7);
      expect(await store.startMeeting(meetingId, now + 10)).toBeUndefined();

      // A refused seat starts nothing; without `startAt` the store leaves starting to startMeeting.
      const full = uid('m');
      await openAndAddParticipant(store, { meetingId: full, createdAt: now }, participant(full), { ...base, startAt: 3, maxParticipants: 1 });
      const refused = await openAndAddParticipant(store, { meetingId: full, createdAt: now }, participant(full), { ...base, startAt: 2, maxParticipants: 1 });
      expect(refused).toMatchObject({ result: { ok: false, reason: 'meeting-full' } });
      expect(refused.started).toBeUndefined();
      expect((await store.getMeeting(full))?.status).toBe('waiting');
      const unset = uid('m');
      const { startAt: _startAt, ...withoutStart } = base;
      await openAndAddParticipant(store, { meetingId: unset, createdAt: now }, participant(unset), withoutStart);
      expect((await openAndAddParticipant(store, { meetingId: unset, createdAt: now }, participant(unset), withoutStart)).started).toBeUndefined();
      expect((await store.getMeeting(unset))?.status).toBe('waiting');

      // The first-join policy: one is enough.
      const solo = uid('m');
      const alone = await openAndAddParticipant(store, { meetingId: solo, createdAt: now }, participant(solo), { ...base, startAt: 1 });
      expect(alone).toMatchObject({ started: true, meeting: { status: 'active', startedAt: now } });
    });

    it('reads the meeting, its participants, chat and waiting room in one view, as the separate reads see them', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const host = participant(meetingId, { role: 'host' });
      const guest = participant(meetingId);
      await store.addParticipant(host, { maxParticipants: 6 });
      await store.addParticipant(guest, { maxParticipants: 6 });
      await store.appendChat(meetingId, chat(meetingId, 'hello'), 10);
      await store.appendChat(meetingId, chat(meetingId, 'there'), 10);
      const late = participant(meetingId);
      const early = participant(meetingId);
      await store.knock(late, { now: 200, graceMs: 0, denialCooldownMs: 0, maxDenials: 3 });
      await store.knock(early, { now: 100, graceMs: 0, denialCooldownMs: 0, maxDenials: 3 });

      const full = await readMeetingView(store, meetingId, { chat: true, waiting: true });
      expect(full).toEqual({
        meeting: await store.getMeeting(meetingId),
        participants: await store.listParticipants(meetingId),
        chat: await store.listChat(meetingId),
        waiting: await store.listWaiting(meetingId),
      });
      expect(full.participants.map((p) => p.id)).toEqual([host.id, guest.id]);
      expect(full.chat.map((m) => m.text)).toEqual(['hello', 'there']);
      expect(full.waiting.map((w) => w.id)).toEqual([early.id, late.id]);

      const bare = await readMeetingView(store, meetingId, { chat: false, waiting: false });
      expect(bare).toEqual({ meeting: full.meeting, participants: full.participants, chat: [], waiting: [] });
      expect(await readMeetingView(store, uid('missing'), { chat: true, waiting: true })).toEqual({
        meeting: undefined,
        participants: [],
        chat: [],
        waiting: [],
      });
    });

    it('ends a meeting once, clears it, and refuses joins and chat afterwards', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId);
      await store.addParticipant(a, { maxParticipants: 6 });
      await store.appendChat(meetingId, chat(meetingId, 'hi'), 10);
      const end = { reason: 'ended-by-host' as const, endedAt: 50, retainMs: 60_000 };
      const [first, second] = await Promise.all([store.endMeeting(meetingId, end), store.endMeeting(meetingId, end)]);
      const winners = [first, second].filter(Boolean);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.map((p) => p.id)).toEqual([a.id]);
      expect(await store.getMeeting(meetingId)).toMatchObject({ status: 'ended', endReason: 'ended-by-host', endedAt: 50 });
      expect(await store.listParticipants(meetingId)).toEqual([]);
      expect(await store.listChat(meetingId)).toEqual([]);
      expect(await store.addParticipant(participant(meetingId), { maxParticipants: 6 })).toEqual({
        ok: false,
        reason: 'meeting-ended',
      });
      expect(await store.appendChat(meetingId, chat(meetingId, 'late'), 10)).toBe(false);
      expect(await store.startMeeting(meetingId, 60)).toBeUndefined();
      expect(await store.setMeetingEndsAt(meetingId, 70)).toBeUndefined();
    });

    it('forgets an ended meeting after its retention', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.endMeeting(meetingId, { reason: 'empty', endedAt: 2, retainMs: 50 });
      const deadline = Date.now() + 3000;
      while ((await store.getMeeting(meetingId)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(await store.getMeeting(meetingId)).toBeUndefined();
    });

    it('deletes a meeting entirely', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.addParticipant(participant(meetingId), { maxParticipants: 6 });
      await store.deleteMeeting(meetingId);
      expect(await store.getMeeting(meetingId)).toBeUndefined();
      expect(await store.listParticipants(meetingId)).toEqual([]);
    });

    it('closes idempotently', async () => {
      await store.close();
      await store.close();
    });
  });

  runSessionFlowContract(name, createStore);
}
