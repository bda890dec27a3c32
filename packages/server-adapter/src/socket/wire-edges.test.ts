import { randomUUID } from 'node:crypto';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '@mentara/meetings-core/protocol';
import { collect, settle, startHarness, type Harness, type TestClient } from '../test-utils/harness';

/** Emits with any arguments and resolves with the acknowledgement (or rejects after 3 s). */
function emitWithAck(client: TestClient, event: string, ...args: unknown[]): Promise<Ack<unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no acknowledgement for ${event}`)), 3000);
    (client as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args, (answer: Ack<unknown>) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

describe('wire contract edges', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers every acknowledgement: without a payload, and with extra arguments (not processed)', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b } = await h.joinAs('supervisor', meetingId);
    const atB = collect(b, 'chat-message');
    const errors = collect(a, 'webrtc-error');
    for (const event of ['join-meeting', 'leave-meeting', 'toggle-media', 'participant-ready', 'chat-message', 'lock-meeting', 'refresh-token']) {
      expect(await emitWithAck(a, event)).toMatchObject({ ok: false, error: { code: 'invalid-payload', event } });
    }
    expect(await emitWithAck(a, 'chat-message', { text: 'hello' }, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await emitWithAck(a, 'toggle-media', { source: 'camera', enabled: true }, 1, 2)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await settle();
    expect(atB).toEqual([]);
    // Each failure was answered once, in its acknowledgement, never also as an event.
    expect(errors).toEqual([]);
    expect(await emitWithAck(a, 'chat-message', { text: 'still works' })).toMatchObject({ ok: true });
  });

  it('closes a connection that sends more than the transport accepts (1 MB) with the WebSocket code 1009', async () => {
    h = await startHarness();
    const meetingId = randomUUID();
    const { client } = await h.joinAs('interpreter', meetingId);
    const closed = new Promise<{ reason: string; code: unknown }>((resolve) =>
      client.once('disconnect', (reason, details) => resolve({ reason, code: (details as { context?: { code?: number } } | undefined)?.context?.code })),
    );
    (client as unknown as { emit(e: string, p: unknown): void }).emit('chat-message', { text: 'x'.repeat(1_100_000) });
    // The typed part the transport allows: "message too big" (RFC 6455); the core maps it to payload-too-large.
    expect(await closed).toEqual({ reason: 'transport close', code: 1009 });
  });

  it('refuses connections to the root namespace, with or without a token', async () => {
    h = await startHarness();
    const token = await h.token('interpreter', randomUUID());
    for (const auth of [{}, { token }]) {
      const root = ioClient(`${h.url}/`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      const error = await new Promise<Error & { data?: unknown }>((resolve) => root.once('connect_error', resolve));
      root.close();
      expect(error).toMatchObject({ message: 'forbidden', data: { code: 'forbidden' } });
    }
  });
});
