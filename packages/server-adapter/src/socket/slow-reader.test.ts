import { randomUUID } from 'node:crypto';
import type { Socket as TcpSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { emitRaw, nextEvent, settle, startHarness, type Harness, type TestClient } from '../test-utils/harness';

/** Stops reading a client's TCP connection (the kernel buffers fill, then the server's). */
function stopReading(client: TestClient): void {
  const transport = client.io.engine.transport as unknown as { ws?: { _socket?: TcpSocket } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error('no WebSocket transport to pause');
  tcp.pause();
}

describe('slow readers', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('drops a connection that stops reading once what the server holds for it passes maxBufferedBytes', async () => {
    // The event budgets are opened wide so only the buffer bound can end this.
    const wide = { eventsPerSecond: 10_000, eventsBurst: 10_000, eventsPerSecondPerUser: 10_000, eventsPerSecondPerIp: 10_000 };
    h = await startHarness({ limits: { ...wide, maxBufferedBytes: 256 * 1024 } });
    const meetingId = randomUUID();
    const { client: reader, joined: atReader } = await h.joinAs('client', meetingId);
    const { client: sender } = await h.joinAs('therapist', meetingId, 'host');
    const left = nextEvent(sender, 'participant-left', 20_000);
    stopReading(reader);
    const sdp = 'a'.repeat(48 * 1024);
    // Bounded: at most 800 × 48 KiB (≈ 38 MB) offered, in batches, until the reader is gone.
    let gone = false;
    void left.then(() => (gone = true), () => undefined);
    for (let batch = 0; batch < 40 && !gone; batch += 1) {
      for (let i = 0; i < 20; i += 1) emitRaw(sender, 'webrtc-signal', { to: atReader.self.id, signal: { type: 'offer', sdp } });
      await settle(50);
    }
    expect(await left).toMatchObject({ participantId: atReader.self.id });
    expect(h.meetings.namespace.sockets.size).toBe(1);
    // The sender is unaffected.
    expect(sender.connected).toBe(true);
  });
});
