import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chat, participant, uid } from './contract-records';
import type { KnockOptions, RoomStore } from './room-store';

const T = 1_800_000_000_000;
const knockAt = (now: number, over: Partial<KnockOptions> = {}): KnockOptions => ({
  now,
  graceMs: 120_000,
  denialCooldownMs: 30_000,
  maxDenials: 3,
  ...over,
});

/**
 * The session flow part of the {@link RoomStore} contract: meeting settings, one seat per user,
 * hosts outside the cap, the waiting room, denials, removals, the grace period, per-sender chat.
 * Run through `runRoomStoreContract`.
 */
export function runSessionFlowContract(name: string, createStore: () => Promise<RoomStore> | RoomStore): void {
  describe(`RoomStore contract, session flow: ${name}`, () => {
    let store: RoomStore;
    let meetingId: string;
    beforeEach(async () => {
      store = await createStore();
      meetingId = uid('m');
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates meetings unlocked, with the settings asked for (absent ones left to the server)', async () => {
      const plain = await store.ensureMeeting({ meetingId, createdAt: 1 });
      expect(plain.locked).toBe(false);
      expect(plain.waitingRoom).toBeUndefined();
      expect(plain.chatHistory).toBeUndefined();
      const other = uid('m');
      const created = await store.ensureMeeting({ meetingId: other, createdAt: 1, startsAt: 10, endsAt: 20, waitingRoom: false, chatHistory: 'all' });
      expect(created).toMatchObject({ startsAt: 10, endsAt: 20, waitingRoom: false, chatHistory: 'all' });
    });

    it('fills in a schedule the record lacks, and never overwrites one', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const filled = await store.ensureMeeting({ meetingId, createdAt: 2, startsAt: 100, endsAt: 200, chatHistory: 'all', waitingRoom: false });
      expect(filled).toMatchObject({ startsAt: 100, endsAt: 200, createdAt: 1 });
      expect(filled.chatHistory).toBeUndefined();
      expect(filled.waitingRoom).toBeUndefined();
      expect(await store.ensureMeeting({ meetingId, createdAt: 3, startsAt: 1, endsAt: 2 })).toMatchObject({ startsAt: 100, endsAt: 200 });
    });

    it('extends the end from the end, or from now when there is none or it passed; concurrent extensions both count', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1, endsAt: T });
      expect((await store.extendMeeting(meetingId, 60_000, T - 10_000))?.endsAt).toBe(T + 60_000);
      await Promise.all([store.extendMeeting(meetingId, 1_000, T), store.extendMeeting(meetingId, 1_000, T)]);
      expect((await store.getMeeting(meetingId))?.endsAt).toBe(T + 62_000);
      const open = uid('m');
      await store.ensureMeeting({ meetingId: open, createdAt: 1 });
      expect((await store.extendMeeting(open, 5_000, T))?.endsAt).toBe(T + 5_000);
      expect((await store.extendMeeting(open, 5_000, T + 60_000))?.endsAt).toBe(T + 65_000);
      expect(await store.extendMeeting(uid('missing'), 1, T)).toBeUndefined();
    });

    it('locks and unlocks', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      expect((await store.setMeetingLocked(meetingId, true))?.locked).toBe(true);
      expect((await store.getMeeting(meetingId))?.locked).toBe(true);
      expect((await store.setMeetingLocked(meetingId, false))?.locked).toBe(false);
      expect(await store.setMeetingLocked(uid('missing'), true)).toBeUndefined();
    });

    it('gives one seat per user: a second session replaces the first, also when they race', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const first = participant(meetingId, { userId: 'one-user' });
      await store.addParticipant(first, { maxParticipants: 6 });
      const second = participant(meetingId, { userId: 'one-user' });
      const result = await store.addParticipant(second, { maxParticipants: 6 });
      expect(result).toMatchObject({ ok: true, replaced: { id: first.id }, others: [] });
      await Promise.all(Array.from({ length: 6 }, () => store.addParticipant(participant(meetingId, { userId: 'one-user' }), { maxParticipants: 6 })));
      expect((await store.listParticipants(meetingId)).filter((p) => p.userId === 'one-user')).toHaveLength(1);
    });

    it('lets hosts in when full, and does not count them against the cap', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.addParticipant(participant(meetingId), { maxParticipants: 1 });
      expect(await store.addParticipant(participant(meetingId), { maxParticipants: 1 })).toEqual({ ok: false, reason: 'meeting-full' });
      const host = await store.addParticipant(participant(meetingId, { role: 'host' }), { maxParticipants: 1 });
      expect(host.ok).toBe(true);
      const other = uid('m');
      await store.ensureMeeting({ meetingId: other, createdAt: 1 });
      await store.addParticipant(participant(other, { role: 'host' }), { maxParticipants: 1 });
      expect((await store.addParticipant(participant(other), { maxParticipants: 1 })).ok).toBe(true);
    });

    it("'returning' lets in only someone who is in or left within the grace, and keeps their first admission", async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const stranger = participant(meetingId);
      expect(await store.addParticipant(stranger, { maxParticipants: 6, admit: 'returning', graceMs: 1000, now: T })).toEqual({ ok: false, reason: 'not-admitted' });
      const first = participant(meetingId, { userId: 'back' });
      expect(await store.addParticipant(first, { maxParticipants: 6, now: T })).toMatchObject({ ok: true, admittedAt: T });
      const tab = participant(meetingId, { userId: 'back' });
      expect(await store.addParticipant(tab, { maxParticipants: 6, admit: 'returning', graceMs: 1000, now: T + 10 })).toMatchObject({ ok: true, admittedAt: T });
      await store.removeParticipant(meetingId, tab.id, T + 100);
      const reload = participant(meetingId, { userId: 'back' });
      expect(await store.addParticipant(reload, { maxParticipants: 6, admit: 'returning', graceMs: 1000, now: T + 1100 })).toMatchObject({ ok: true, admittedAt: T });
      await store.removeParticipant(meetingId, reload.id, T + 2000);
      const late = participant(meetingId, { userId: 'back' });
      expect(await store.addParticipant(late, { maxParticipants: 6, admit: 'returning', graceMs: 1000, now: T + 3001 })).toEqual({ ok: false, reason: 'not-admitted' });
    });

    it('a locked meeting refuses newcomers but not hosts or people within the grace', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const inside = participant(meetingId, { userId: 'inside' });
      await store.addParticipant(inside, { maxParticipants: 6, now: T });
      await store.removeParticipant(meetingId, inside.id, T);
      await store.setMeetingLocked(meetingId, true);
      expect(await store.addParticipant(participant(meetingId), { maxParticipants: 6, now: T })).toEqual({ ok: false, reason: 'meeting-locked' });
      expect((await store.addParticipant(participant(meetingId, { role: 'host' }), { maxParticipants: 6, now: T })).ok).toBe(true);
      const back = participant(meetingId, { userId: 'inside' });
      expect((await store.addParticipant(back, { maxParticipants: 6, admit: 'returning', graceMs: 1000, now: T + 10 })).ok).toBe(true);
      expect(await store.knock(participant(meetingId), knockAt(T))).toEqual({ ok: false, reason: 'meeting-locked' });
    });

    it('keeps one waiting entry per user, longest waiting first; a second knock keeps the place', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId, { userId: 'a' });
      const b = participant(meetingId, { userId: 'b' });
      expect(await store.knock(a, knockAt(T))).toMatchObject({ ok: true, entry: { id: a.id, since: T } });
      await store.knock(b, knockAt(T + 5));
      const again = participant(meetingId, { userId: 'a' });
      expect(await store.knock(again, knockAt(T + 10))).toMatchObject({ ok: true, entry: { id: again.id, since: T }, replaced: { id: a.id } });
      expect((await store.listWaiting(meetingId)).map((w) => w.id)).toEqual([again.id, b.id]);
      await Promise.all(Array.from({ length: 5 }, () => store.knock(participant(meetingId, { userId: 'c' }), knockAt(T + 20))));
      expect((await store.listWaiting(meetingId)).filter((w) => w.userId === 'c')).toHaveLength(1);
    });

    it('keeps the place of someone who stopped waiting within the grace only', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const a = participant(meetingId, { userId: 'a' });
      await store.knock(a, knockAt(T));
      expect((await store.leaveWaiting(meetingId, a.id, T + 100))?.id).toBe(a.id);
      expect(await store.leaveWaiting(meetingId, a.id, T + 100)).toBeUndefined();
      expect(await store.listWaiting(meetingId)).toEqual([]);
      const reload = participant(meetingId, { userId: 'a' });
      expect(await store.knock(reload, knockAt(T + 200, { graceMs: 1000 }))).toMatchObject({ ok: true, entry: { since: T } });
      await store.leaveWaiting(meetingId, reload.id, T + 300);
      expect(await store.knock(participant(meetingId, { userId: 'a' }), knockAt(T + 5000, { graceMs: 1000 }))).toMatchObject({ ok: true, entry: { since: T + 5000 } });
    });

    it('admits one, or everyone as seats allow; an admitted user is in and returns within the grace', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.addParticipant(participant(meetingId, { role: 'host' }), { maxParticipants: 2 });
      const [a, b, c] = ['a', 'b', 'c'].map((userId) => participant(meetingId, { userId }));
      for (const [i, p] of [a, b, c].entries()) await store.knock(p!, knockAt(T + i));
      const one = await store.admitWaiting(meetingId, { participantId: b!.id }, { maxParticipants: 2, now: T + 50 });
      expect(one).toEqual({ admitted: [{ participant: expect.objectContaining({ id: b!.id, joinedAt: T + 50 }), admittedAt: T + 50 }], full: false });
      expect((one.admitted[0]!.participant as { since?: number }).since).toBeUndefined();
      const all = await store.admitWaiting(meetingId, { all: true }, { maxParticipants: 2, now: T + 60 });
      expect(all.admitted.map((x) => x.participant.id)).toEqual([a!.id]);
      expect(all.full).toBe(true);
      expect((await store.listWaiting(meetingId)).map((w) => w.id)).toEqual([c!.id]);
      expect(await store.admitWaiting(meetingId, { participantId: c!.id }, { maxParticipants: 2, now: T + 70 })).toEqual({ admitted: [], full: true });
      expect(await store.admitWaiting(meetingId, { participantId: 'nobody' }, { maxParticipants: 9, now: T })).toEqual({ admitted: [], full: false });
      expect((await store.listParticipants(meetingId)).map((p) => p.userId).slice(1)).toEqual(['b', 'a']);
      await store.removeParticipant(meetingId, b!.id, T + 100);
      const back = participant(meetingId, { userId: 'b' });
      expect(await store.addParticipant(back, { maxParticipants: 9, admit: 'returning', graceMs: 1000, now: T + 200 })).toMatchObject({ ok: true, admittedAt: T + 50 });
    });

    it('never admits beyond the cap when hosts on two nodes admit at once', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      for (let i = 0; i < 4; i += 1) await store.knock(participant(meetingId), knockAt(T + i));
      const results = await Promise.all([
        store.admitWaiting(meetingId, { all: true }, { maxParticipants: 3, now: T }),
        store.admitWaiting(meetingId, { all: true }, { maxParticipants: 3, now: T }),
      ]);
      expect(results.flatMap((r) => r.admitted)).toHaveLength(3);
      expect(await store.listParticipants(meetingId)).toHaveLength(3);
      expect(await store.listWaiting(meetingId)).toHaveLength(1);
    });

    it('bounds denied knocks: a cool-down after each denial, then refused after maxDenials', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const options = { denialCooldownMs: 1000, maxDenials: 2 };
      const first = participant(meetingId, { userId: 'knocker' });
      await store.knock(first, knockAt(T, options));
      expect((await store.denyWaiting(meetingId, first.id, T + 10))?.id).toBe(first.id);
      expect(await store.denyWaiting(meetingId, first.id, T + 10)).toBeUndefined();
      expect(await store.listWaiting(meetingId)).toEqual([]);
      expect(await store.knock(participant(meetingId, { userId: 'knocker' }), knockAt(T + 400, options))).toEqual({
        ok: false,
        reason: 'admission-denied',
        retryAfterMs: 610,
      });
      const second = participant(meetingId, { userId: 'knocker' });
      expect((await store.knock(second, knockAt(T + 1010, options))).ok).toBe(true);
      await store.denyWaiting(meetingId, second.id, T + 1100);
      expect(await store.knock(participant(meetingId, { userId: 'knocker' }), knockAt(T + 999_999, options))).toEqual({ ok: false, reason: 'admission-denied' });
      expect((await store.knock(participant(meetingId, { userId: 'someone-else' }), knockAt(T + 1200, options))).ok).toBe(true);
    });

    it('bars a removed user from joining and knocking until the meeting ends', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const p = participant(meetingId, { userId: 'removed' });
      await store.addParticipant(p, { maxParticipants: 6 });
      expect((await store.banParticipant(meetingId, p.id))?.id).toBe(p.id);
      expect(await store.banParticipant(meetingId, p.id)).toBeUndefined();
      expect(await store.listParticipants(meetingId)).toEqual([]);
      expect(await store.addParticipant(participant(meetingId, { userId: 'removed' }), { maxParticipants: 6 })).toEqual({ ok: false, reason: 'removed-from-meeting' });
      expect(await store.knock(participant(meetingId, { userId: 'removed' }), knockAt(T))).toEqual({ ok: false, reason: 'removed-from-meeting' });
    });

    it('lists waiting entries by node', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      const node = uid('node');
      const here = participant(meetingId, { nodeId: node });
      await store.knock(here, knockAt(T));
      await store.knock(participant(meetingId), knockAt(T));
      expect((await store.listWaitingByNode(node)).map((w) => w.id)).toEqual([here.id]);
      await store.leaveWaiting(meetingId, here.id, T);
      expect(await store.listWaitingByNode(node)).toEqual([]);
    });

    it('keeps the sender of chat messages (per-sender de-duplication)', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.appendChat(meetingId, { ...chat(meetingId, 'hi'), senderUserId: 'sender-1', clientMessageId: 'x' }, 10);
      expect(await store.listChat(meetingId)).toEqual([expect.objectContaining({ text: 'hi', senderUserId: 'sender-1', clientMessageId: 'x' })]);
    });

    it('ending clears the waiting list and every standing; a meeting deleted and created again starts fresh', async () => {
      await store.ensureMeeting({ meetingId, createdAt: 1 });
      await store.knock(participant(meetingId), knockAt(T));
      await store.endMeeting(meetingId, { reason: 'ended-by-host', endedAt: T, retainMs: 60_000 });
      expect(await store.listWaiting(meetingId)).toEqual([]);
      expect(await store.knock(participant(meetingId), knockAt(T))).toEqual({ ok: false, reason: 'meeting-ended' });
      expect(await store.admitWaiting(meetingId, { all: true }, { maxParticipants: 6, now: T })).toEqual({ admitted: [], full: false });
      expect(await store.knock(participant(uid('missing')), knockAt(T))).toEqual({ ok: false, reason: 'meeting-not-found' });

      const again = uid('m');
      await store.ensureMeeting({ meetingId: again, createdAt: 1 });
      const p = participant(again, { userId: 'barred' });
      await store.addParticipant(p, { maxParticipants: 6 });
      await store.banParticipant(again, p.id);
      await store.knock(participant(again), knockAt(T));
      await store.deleteMeeting(again);
      expect(await store.listWaiting(again)).toEqual([]);
      await store.ensureMeeting({ meetingId: again, createdAt: 2 });
      expect((await store.addParticipant(participant(again, { userId: 'barred' }), { maxParticipants: 6 })).ok).toBe(true);
    });
  });
}
