import { createConnection, createServer, type Socket } from 'node:net';
import type { ShapedDirection } from './direction';

/** A TCP relay in front of `target` whose bytes cross the same shaped directions as the UDP relay. */
export interface TcpRelay {
  port: number;
  /** Open client connections. */
  connections(): number;
  close(): Promise<void>;
}

/** Segments are cut to about one MTU so TCP and UDP packets interleave in the queue fairly. */
const SEGMENT = 1_200;

/**
 * Forward `from` to `to` through `direction`: data is cut into segments queued behind the UDP
 * traffic of the same link (so signalling sits in the same queue as media); reading pauses while
 * the queue is over its bound, as a TCP sender's window would.
 */
function pipeShaped(from: Socket, to: Socket, direction: ShapedDirection) {
  let resumeTimer: NodeJS.Timeout | null = null;
  from.on('data', (chunk: Buffer) => {
    for (let offset = 0; offset < chunk.length; offset += SEGMENT) {
      const segment = chunk.subarray(offset, offset + SEGMENT);
      direction.push(segment.length, () => {
        if (!to.destroyed) to.write(segment);
      }, true);
    }
    const over = direction.backlogMs() - direction.shape().queueMs;
    if (over > 0 && !resumeTimer) {
      from.pause();
      resumeTimer = setTimeout(() => {
        resumeTimer = null;
        if (!from.destroyed) from.resume();
      }, over);
    }
  });
  // The end travels behind the data it follows.
  from.on('end', () => direction.push(0, () => to.end(), true));
  from.on('close', () => {
    if (resumeTimer) clearTimeout(resumeTimer);
  });
}

/** Listen on a free loopback TCP port and relay every connection to `127.0.0.1:target`. */
export async function startTcpRelay(target: number, up: ShapedDirection, down: ShapedDirection): Promise<TcpRelay> {
  const open = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: target, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    pipeShaped(client, upstream, up);
    pipeShaped(upstream, client, down);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('tcp relay has no address');
  return {
    port: address.port,
    connections: () => open.size / 2,
    async close() {
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
