/**
 * Write coalescing: the packets one connection is sent in the same tick leave in one socket write.
 *
 * Engine.IO writes every packet as soon as it is emitted: each one a WebSocket frame and a
 * `writev` system call, which on a busy server is the largest single cost of a packet (on
 * loopback the sender also pays for the receiving side of TCP). A join answers the joiner and
 * tells the others, and a burst of ICE candidates read from one TCP segment is relayed one by one;
 * those packets are written one call each. Here the connection's flush waits until the current
 * tick's work (its promise chains included) is done, and the frames are written with the TCP socket
 * corked, so they leave in one `writev`. Order is unchanged, nothing waits for I/O or a timer, and
 * a connection on HTTP long-polling (no TCP socket of its own) only gets the deferred flush.
 */

/** The part of an Engine.IO connection (`socket.conn`) this works with. */
interface EngineConnection {
  flush(): void;
  transport?: { socket?: { _socket?: CorkableSocket } };
}

/** The TCP socket under a WebSocket transport. */
interface CorkableSocket {
  cork(): void;
  uncork(): void;
  destroyed?: boolean;
}

const installed = new WeakSet<object>();

/**
 * Makes `connection` (a Socket.IO socket's `conn`) write what it is sent within one tick in one
 * system call. Idempotent; a connection without the expected shape is left as it is.
 */
export function coalesceWrites(connection: unknown): void {
  const conn = connection as EngineConnection | undefined;
  if (!conn || typeof conn.flush !== 'function' || installed.has(conn)) return;
  installed.add(conn);
  const flushNow = conn.flush.bind(conn);
  let scheduled = false;
  const flushCorked = (): void => {
    scheduled = false;
    // `ws` keeps its TCP socket in `_socket`; without one (polling), the flush alone is deferred.
    const tcp = conn.transport?.socket?._socket;
    const cork = tcp !== undefined && typeof tcp.cork === 'function' && tcp.destroyed !== true;
    if (cork) tcp.cork();
    try {
      flushNow();
    } finally {
      if (cork) tcp.uncork();
    }
  };
  conn.flush = (): void => {
    if (scheduled) return;
    scheduled = true;
    // After the microtasks of this tick: an answer built through a few awaits goes out with them.
    process.nextTick(flushCorked);
  };
}
