/**
 * Write coalescing: the packets one connection is sent in the same tick leave in one socket write.
 *
 * Engine.IO writes every packet as soon as it is emitted: each one a WebSocket frame and a
 * `writev` system call, which on a busy server is the largest single cost of a packet (on
 * loopback the sender also pays for the receiving side of TCP). A join answers the joiner and
 * tells the others, and a burst of ICE candidates read from one TCP segment is relayed one by one;
 * those packets are written one call each. Here a connection's flush waits until the current
 * tick's work (its promise chains included) is done, and when more than one packet is waiting the
 * frames are written with the TCP socket corked, so they leave in one `writev`. Order is
 * unchanged, nothing waits for I/O or a timer, and a connection on HTTP long-polling (no TCP
 * socket of its own) only gets the deferred flush. All connections touched in a tick share one
 * deferred callback.
 */

/** The part of an Engine.IO connection (`socket.conn`) this works with. */
interface EngineConnection {
  flush(): void;
  /** Engine.IO's packets not yet handed to the transport (private there: read defensively). */
  writeBuffer?: unknown[];
  transport?: { socket?: { _socket?: CorkableSocket } };
}

/** The TCP socket under a WebSocket transport. */
interface CorkableSocket {
  cork(): void;
  uncork(): void;
  destroyed?: boolean;
}

const installed = new WeakSet<object>();
/** The flushes of connections sent something this tick, in the order they were first sent one. */
let pending: Array<() => void> = [];
let scheduled = false;

/** Engine.IO's own flush of `conn`, corked when it writes more than one frame. */
function flushCorked(conn: EngineConnection, flush: () => void): void {
  // `ws` keeps its TCP socket in `_socket`; one packet is one frame, which `ws` writes in one call.
  const tcp = (conn.writeBuffer?.length ?? 0) > 1 ? conn.transport?.socket?._socket : undefined;
  const cork = tcp !== undefined && typeof tcp.cork === 'function' && tcp.destroyed !== true;
  if (cork) tcp.cork();
  try {
    flush();
  } finally {
    if (cork) tcp.uncork();
  }
}

function flushPending(): void {
  scheduled = false;
  const due = pending;
  pending = [];
  // A flush can send more (a drain handler): those connections are queued for the next round.
  let failure: { error: unknown } | undefined;
  for (const flush of due) {
    try {
      flush();
    } catch (error) {
      // One connection's failure must not keep the others' packets back; it surfaces as before.
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * Makes `connection` (a Socket.IO socket's `conn`) write what it is sent within one tick in one
 * system call. Idempotent; a connection without the expected shape is left as it is.
 */
export function coalesceWrites(connection: unknown): void {
  const conn = connection as EngineConnection | undefined;
  if (!conn || typeof conn.flush !== 'function' || installed.has(conn)) return;
  installed.add(conn);
  const flushNow = conn.flush.bind(conn);
  let queued = false;
  const due = (): void => {
    queued = false;
    flushCorked(conn, flushNow);
  };
  conn.flush = (): void => {
    if (queued) return;
    queued = true;
    pending.push(due);
    if (scheduled) return;
    scheduled = true;
    // After the microtasks of this tick: an answer built through a few awaits goes out with them.
    process.nextTick(flushPending);
  };
}
