import { afterAll, expect, it } from 'vitest';
import { MemoryRoomStore, type RoomStore } from '@mentara/meetings-server';
import { useTestServer, waitForState } from '../test-support/server-harness';

// A join answer is read from the store while the room keeps changing. Here the chat read of one
// join is held back on purpose, so a second person's `participant-joined` reaches the first joiner
// before its own answer — the order that occurs when a whole node's clients rejoin at once on Redis.
// The roster in the answer is then older than that event, and must not overwrite it.
const memory = new MemoryRoomStore();
let delayNextChatRead: Promise<void> | null = null;
const store: RoomStore = new Proxy(memory, {
  get(target, property) {
    if (property === 'listChat') {
      return async (meetingId: string) => {
        const delay = delayNextChatRead;
        delayNextChatRead = null;
        if (delay) await delay;
        return target.listChat(meetingId);
      };
    }
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

const fixture = useTestServer({ store });
afterAll(async () => {
  await store.close();
});

it('an event that overtakes the join answer is applied after the roster, not lost', async () => {
  const first = fixture.node('First');
  const second = fixture.node('Second');
  let releaseChat!: () => void;
  delayNextChatRead = new Promise<void>((resolve) => (releaseChat = resolve));

  const joiningFirst = first.client.join('race');
  // Wait until the first join is in the store (its answer is now held at the chat read)…
  await expect.poll(async () => (await store.listParticipants('race')).length, { timeout: 5_000 }).toBe(1);
  // …then the second person joins and the first receives `participant-joined` before its answer.
  await second.client.join('race');
  releaseChat();
  await joiningFirst;

  const s = await waitForState(first.client, (x) => x.remoteParticipants.length === 1, 5_000, 'second listed');
  expect(s.remoteParticipants.map((p) => p.displayName)).toEqual(['Second']);
  expect(second.client.getSnapshot().remoteParticipants.map((p) => p.displayName)).toEqual(['First']);
});
