import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { ShapedDirection } from './direction';

/** A UDP relay: one listening port in front of `target`, every datagram crossing a shaped direction. */
export interface UdpRelay {
  port: number;
  /** Client addresses seen so far (one upstream socket each). */
  sessions(): number;
  close(): Promise<void>;
}

interface Session {
  upstream: Socket;
  lastSeen: number;
}

/** Sessions silent this long are closed (a browser that left without a TURN refresh). */
const IDLE_MS = 120_000;

/**
 * Listen on a free loopback UDP port and relay to `127.0.0.1:target`. Each client address gets its
 * own upstream socket, so the server (coturn) sees one distinct 5-tuple per client, exactly as it
 * would without the relay. Client → target crosses `up`, target → client crosses `down`.
 */
export async function startUdpRelay(target: number, up: ShapedDirection, down: ShapedDirection): Promise<UdpRelay> {
  const listener = createSocket('udp4');
  const sessions = new Map<string, Session>();
  let closed = false;

  function sessionFor(from: RemoteInfo): Session {
    const key = `${from.address}:${from.port}`;
    let session = sessions.get(key);
    if (session) return session;
    const upstream = createSocket('udp4');
    upstream.on('message', (msg) => {
      if (closed) return;
      session!.lastSeen = Date.now();
      down.push(msg.length, () => {
        if (!closed) listener.send(msg, from.port, from.address);
      });
    });
    // An ICMP "port unreachable" from a stopped server surfaces here: the datagram is just lost.
    upstream.on('error', () => undefined);
    upstream.bind(0, '127.0.0.1');
    session = { upstream, lastSeen: Date.now() };
    sessions.set(key, session);
    return session;
  }

  listener.on('message', (msg, from) => {
    if (closed) return;
    const session = sessionFor(from);
    session.lastSeen = Date.now();
    up.push(msg.length, () => {
      if (!closed) session.upstream.send(msg, target, '127.0.0.1');
    });
  });
  listener.on('error', () => undefined);

  const sweep = setInterval(() => {
    const cutoff = Date.now() - IDLE_MS;
    for (const [key, session] of sessions) {
      if (session.lastSeen >= cutoff) continue;
      session.upstream.close();
      sessions.delete(key);
    }
  }, 10_000);
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.bind(0, '127.0.0.1', () => resolve());
  });

  return {
    port: listener.address().port,
    sessions: () => sessions.size,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      const closing = [listener, ...[...sessions.values()].map((s) => s.upstream)].map(
        (socket) => new Promise<void>((resolve) => socket.close(() => resolve())),
      );
      sessions.clear();
      await Promise.all(closing);
    },
  };
}
