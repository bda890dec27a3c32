import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRoomStore } from '../store/memory-store';
import { ack, emitRaw, nextEvent, startHarness, type Harness } from '../test-utils/harness';

/** A real store whose chat append fails, as a broken backend would. */
class FailingChatStore extends MemoryRoomStore {
  override appendChat(): boolean {
    throw new Error('backend down');
  }
}

describe('unexpected failures', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answer internal (no details), log the error, and keep the socket usable', async () => {
    const logged: unknown[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (obj: object) => logged.push(obj) };
    h = await startHarness({ store: new FailingChatStore(), logger });
    const meetingId = randomUUID();
    const { client } = await h.joinAs('interpreter', meetingId);
    const failed = await ack(client, 'chat-message', { text: 'hello' });
    expect(failed).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on the server.', event: 'chat-message', recoverable: true },
    });
    expect(JSON.stringify(failed)).not.toContain('backend down');
    expect(logged).toHaveLength(1);
    expect((await ack(client, 'toggle-media', { source: 'microphone', enabled: true })).ok).toBe(true);
  });

  it('report errors of un-acknowledged events as webrtc-error, including join-meeting', async () => {
    h = await startHarness();
    const client = await h.connect({ token: await h.token('interpreter', randomUUID()) });
    const error = nextEvent(client, 'webrtc-error');
    emitRaw(client, 'join-meeting', { meetingId: randomUUID() });
    expect(await error).toMatchObject({ code: 'meeting-not-found', event: 'join-meeting' });
  });
});
