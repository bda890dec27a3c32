import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@mentara/meetings-core/protocol';
import { ack, settle, startHarness, type Harness } from '../test-utils/harness';

describe('chat history of a joiner', () => {
  let h: Harness;
  afterEach(() => h.close());

  it("'none' (default): a late joiner reads nothing earlier; a reload keeps what they saw since first let in", async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: host } = await h.joinAs('therapist', meetingId, 'host');
    await ack(host, 'chat-message', { text: 'before the client came' });
    await settle(5);
    const { client, joined } = await h.joinAs('client', meetingId);
    expect(joined.meeting.chatHistory).toBe('none');
    expect(joined.chat).toEqual([]);
    await ack(host, 'chat-message', { text: 'welcome' });
    await ack(client, 'chat-message', { text: 'thank you' });
    client.disconnect();
    await settle(100);
    const { joined: reloaded } = await h.joinAs('client', meetingId);
    expect(reloaded.chat.map((m) => m.text)).toEqual(['welcome', 'thank you']);
    // The host was there from the start and reads it all.
    const { joined: hostAgain } = await h.joinAs('therapist', meetingId, 'host');
    expect(hostAgain.chat.map((m) => m.text)).toEqual(['before the client came', 'welcome', 'thank you']);
  });

  it("'all': a late joiner reads the kept history (createMeeting, or the claim of the token that creates the meeting)", async () => {
    h = await startHarness();
    const { meetingId } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', chatHistory: 'all' });
    const { client: host } = await h.joinAs('therapist', meetingId, 'host');
    await ack(host, 'chat-message', { text: 'notes for the interpreter' });
    const { joined } = await h.joinAs('interpreter', meetingId);
    expect(joined.meeting.chatHistory).toBe('all');
    expect(joined.chat.map((m) => m.text)).toEqual(['notes for the interpreter']);

    const byClaim = randomUUID();
    const first = await h.enter('therapist', byClaim, 'host', { chatHistory: 'all' });
    await ack(first.client, 'chat-message', { text: 'kept' });
    const { joined: late } = await h.joinAs('interpreter', byClaim);
    expect(late.chat.map((m) => m.text)).toEqual(['kept']);
  });

  it('de-duplicates per sender: the same clientMessageId from another user is a new message, never the first one', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: a, joined: ja } = await h.joinAs('therapist', meetingId, 'host');
    const { client: b, joined: jb } = await h.joinAs('client', meetingId);
    const fromA = await ack<ChatMessage>(a, 'chat-message', { text: 'private note', clientMessageId: 'shared-id' });
    const fromB = await ack<ChatMessage>(b, 'chat-message', { text: 'hello', clientMessageId: 'shared-id' });
    expect(fromA).toMatchObject({ ok: true, data: { from: ja.self.id, text: 'private note' } });
    expect(fromB).toMatchObject({ ok: true, data: { from: jb.self.id, text: 'hello', clientMessageId: 'shared-id' } });
    expect(JSON.stringify(fromB)).not.toContain('private note');
    // The same user's retry is still answered with its own stored message.
    expect(await ack(b, 'chat-message', { text: 'hello', clientMessageId: 'shared-id' })).toEqual(fromB);
    expect((await h.meetings.store.listChat(meetingId)).map((m) => m.text)).toEqual(['private note', 'hello']);
    // What clients receive never carries the sender's user id.
    expect(JSON.stringify(fromA)).not.toContain('senderUserId');
  });

  it('bounds the chat of a join answer in bytes as well as in count: the newest messages that fit', async () => {
    h = await startHarness({ chatHistory: 'all', limits: { joinChatBytes: 1_200 } });
    const meetingId = randomUUID();
    const { client } = await h.joinAs('therapist', meetingId, 'host');
    for (let i = 0; i < 10; i += 1) await ack(client, 'chat-message', { text: `${i}`.padEnd(200, '.') });
    const { joined } = await h.joinAs('interpreter', meetingId);
    expect(Buffer.byteLength(JSON.stringify(joined.chat))).toBeLessThanOrEqual(1_200);
    expect(joined.chat.length).toBeGreaterThan(0);
    expect(joined.chat.length).toBeLessThan(10);
    expect(joined.chat.map((m) => m.text[0])).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'].slice(0, joined.chat.length).reverse());
    expect(joined.chat).not.toContainEqual(expect.objectContaining({ senderUserId: expect.anything() }));
  });
});
