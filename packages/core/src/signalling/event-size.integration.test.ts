import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import { MAX_EVENT_BYTES } from '../protocol/events';
import { createNodeClient, startTestServer, waitForState, type NodeTestClient, type TestServer } from '../test-support/server-harness';

describe('events too large for the server', () => {
  let server: TestServer | undefined;
  const clients: NodeTestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.client.destroy();
    await server?.close();
    server = undefined;
  });

  const joined = async (name: string, meetingId: string): Promise<NodeTestClient> => {
    const node = createNodeClient(server!.url, name, { reconnection: { initialDelayMs: 100, maxDelayMs: 500 } });
    clients.push(node);
    await node.client.join(meetingId);
    return node;
  };

  it('are refused before sending with payload-too-large; the connection stays up and nothing reaches the server', async () => {
    // A server whose own limits would let the text through: only the frame limit stands in the way.
    server = await startTestServer({ limits: { maxChatLength: 3 * MAX_EVENT_BYTES, maxPayloadBytes: 4 * MAX_EVENT_BYTES } });
    const meetingId = randomUUID();
    const { client } = await joined('Client', meetingId);
    const states: string[] = [];
    client.on('connection-changed', ({ state }) => states.push(state));
    const sent = client.chat.send('x'.repeat(MAX_EVENT_BYTES + 10));
    await expect(sent).rejects.toBeInstanceOf(MeetingError);
    await expect(sent).rejects.toMatchObject({ code: 'payload-too-large', recoverable: false });
    // Multi-byte text counts by its UTF-8 bytes: 400,000 characters of 3 bytes each are over 1 MB.
    await expect(client.chat.send('€'.repeat(400_000))).rejects.toMatchObject({ code: 'payload-too-large' });
    expect(await client.chat.send('still here')).toMatchObject({ text: 'still here' });
    expect(states).toEqual([]);
    expect(client.getSnapshot().connection).toBe('connected');
    expect((await server.meetings.store.listChat(meetingId)).map((m) => m.text)).toEqual(['still here']);
  });

  it('closed by a server with a smaller frame limit surface as payload-too-large, then the client reconnects and rejoins', async () => {
    // The host lowered Socket.IO's frame limit below the protocol's: the server drops the WebSocket (1009).
    server = await startTestServer({ limits: { maxChatLength: 90_000 }, socketServerOptions: { maxHttpBufferSize: 20_000 } });
    const meetingId = randomUUID();
    const { client } = await joined('Client', meetingId);
    const errors: string[] = [];
    client.on('error', ({ error }) => errors.push(error.code));
    const sent = client.chat.send('y'.repeat(80_000));
    await expect(sent).rejects.toMatchObject({ code: 'payload-too-large' });
    await waitForState(client, (s) => s.error?.code === 'payload-too-large', 5_000, 'the error in state');
    expect(errors).toContain('payload-too-large');
    expect(errors).not.toContain('signalling-unreachable');
    await waitForState(client, (s) => s.connection === 'connected' && s.localParticipant !== null, 10_000, 'rejoined');
    expect(await client.chat.send('smaller')).toMatchObject({ text: 'smaller' });
  });
});
