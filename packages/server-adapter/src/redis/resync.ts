/** The parts of a Socket.IO socket a resync touches. */
interface ResyncableSocket {
  rooms: Set<string>;
  connected: boolean;
  conn: { close(): void };
}

/** The parts of a Socket.IO namespace a resync touches. */
interface ResyncableNamespace {
  sockets: Map<string, ResyncableSocket>;
}

/** Options of {@link resyncLocalSockets}. */
export interface ResyncOptions {
  /**
   * Connections are closed at random moments within this window, so a resync of many clients
   * does not turn into a burst of simultaneous rejoins.
   * @default 2_000
   */
  spreadMs?: number;
}

const scheduled = new WeakSet<ResyncableSocket>();

/**
 * Makes every client of this node that is in a meeting reload the meeting state: its connection
 * is closed (not the Socket.IO session: the client sees `transport close`), so the client
 * reconnects and rejoins (straight back in within the grace period) and receives a fresh roster,
 * media states and chat in its join answer. Used after cross-node messages were lost.
 * Returns how many connections will be closed; each one at most once.
 *
 * @example
 * ```ts
 * cluster.onGap(() => resyncLocalSockets(io.of('/meetings')));
 * ```
 */
export function resyncLocalSockets(namespace: ResyncableNamespace, options: ResyncOptions = {}): number {
  const spreadMs = options.spreadMs ?? 2_000;
  let count = 0;
  for (const socket of namespace.sockets.values()) {
    // A socket is always in the room of its own id; any other room means it joined a meeting.
    if (socket.rooms.size < 2 || scheduled.has(socket)) continue;
    scheduled.add(socket);
    count += 1;
    const timer = setTimeout(() => {
      if (socket.connected) socket.conn.close();
    }, Math.floor(Math.random() * spreadMs));
    timer.unref?.();
  }
  return count;
}
