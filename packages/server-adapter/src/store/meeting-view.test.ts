import { describe, expect, it } from 'vitest';
import { chat, participant, uid } from './contract-records';
import { MemoryRoomStore } from './memory-store';
import { readMeetingView } from './meeting-view';
import type { RoomStore } from './room-store';

/** The same store seen through the required methods only, as a custom store without the one-read view. */
function withoutView(store: RoomStore): RoomStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'readMeetingView') return undefined;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('readMeetingView', () => {
  it('falls back to the four reads for a store without the one-read view, with the same answer', async () => {
    const store = new MemoryRoomStore();
    const meetingId = uid('m');
    await store.ensureMeeting({ meetingId, createdAt: 1 });
    await store.addParticipant(participant(meetingId, { role: 'host' }), { maxParticipants: 6 });
    await store.addParticipant(participant(meetingId), { maxParticipants: 6 });
    await store.appendChat(meetingId, chat(meetingId, 'hello'), 10);
    await store.knock(participant(meetingId), { now: 5, graceMs: 0, denialCooldownMs: 0, maxDenials: 3 });
    const plain = withoutView(store);
    expect(plain.readMeetingView).toBeUndefined();

    for (const include of [
      { chat: true, waiting: true },
      { chat: false, waiting: true },
      { chat: true, waiting: false },
      { chat: false, waiting: false },
    ]) {
      const fallback = await readMeetingView(plain, meetingId, include);
      expect(fallback).toEqual(await readMeetingView(store, meetingId, include));
      expect(fallback.chat).toHaveLength(include.chat ? 1 : 0);
      expect(fallback.waiting).toHaveLength(include.waiting ? 1 : 0);
      expect(fallback.participants).toHaveLength(2);
    }
  });
});
