import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@mentara/meetings-core/protocol';
import { ack, collect, emitRaw, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('chat-message', () => {
  let h: Harness;
  let meetingId: string;
  beforeEach(async () => {
    h = await startHarness({ limits: { maxChatLength: 20, chatHistory: 2 } });
    meetingId = randomUUID();
  });
  afterEach(() => h.close());

  it('stamps id, sender and time, acks the stored message and sends it to the others only', async () => {
    const { client: a, joined: ja } = await h.joinAs('interpreter', meetingId);
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const { client: x } = await h.joinAs('xavier', randomUUID());
    const atA = collect(a, 'chat-message');
    const atX = collect(x, 'chat-message');
    const atB = nextEvent(b, 'chat-message');
    const before = Date.now();
    const result = await ack<ChatMessage>(a, 'chat-message', { text: '  hi there ', clientMessageId: 'c-1' });
    expect(result.ok).toBe(true);
    const stored = result.ok ? result.data : undefined;
    expect(stored).toMatchObject({ meetingId, from: ja.self.id, fromName: 'interpreter', text: 'hi there', clientMessageId: 'c-1' });
    expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored?.sentAt).toBeGreaterThanOrEqual(before);
    expect(await atB).toEqual(stored);
    await settle();
    expect(atA).toEqual([]);
    expect(atX).toEqual([]);
  });

  it('echoes the message to a sender that did not ask for an acknowledgement', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const echo = nextEvent(a, 'chat-message');
    emitRaw(a, 'chat-message', { text: 'no ack' });
    expect((await echo).text).toBe('no ack');
  });

  it('refuses text above maxChatLength with payload-too-large, and keeps a bounded history', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    expect(await ack(a, 'chat-message', { text: 'x'.repeat(21) })).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
    for (const text of ['one', 'two', 'three']) await ack(a, 'chat-message', { text });
    expect((await h.meetings.store.listChat(meetingId)).map((m) => m.text)).toEqual(['two', 'three']);
  });

  it('de-duplicates a retry with the same clientMessageId', async () => {
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const atB = collect(b, 'chat-message');
    const first = await ack<ChatMessage>(a, 'chat-message', { text: 'once', clientMessageId: 'retry-1' });
    const retry = await ack<ChatMessage>(a, 'chat-message', { text: 'once', clientMessageId: 'retry-1' });
    expect(retry).toEqual(first);
    await settle();
    expect(atB).toHaveLength(1);
    expect(await h.meetings.store.listChat(meetingId)).toHaveLength(1);
  });

  it('refuses chat before joining', async () => {
    const c = await h.connect({ token: await h.token('interpreter', meetingId) });
    expect(await ack(c, 'chat-message', { text: 'hi' })).toMatchObject({ ok: false, error: { code: 'not-in-meeting' } });
  });
});
