import type { MeetingsSocket } from './types';

/** The parts of engine.io's socket and transports this unit reads (not in its public types). */
interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', listener: () => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  close(discard?: boolean): void;
  transport?: { name?: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
}

const sizeOf = (data: unknown): number => {
  if (typeof data === 'string') return data.length;
  if (data && typeof (data as ArrayBufferLike).byteLength === 'number') return (data as ArrayBufferLike).byteLength;
  return 0;
};

/**
 * Bounds what the server holds for one client that does not read: engine.io queues outgoing
 * packets while the transport is busy, and a WebSocket whose peer stops reading keeps every frame
 * in memory. When the packets waiting in the queue plus the WebSocket's buffered bytes pass
 * `maxBytes`, `onOverflow` runs once and the connection is dropped at once — discarding the
 * backlog, which a polite close would first try to send. Returns the disposer.
 */
export function watchOutgoingBuffer(socket: MeetingsSocket, maxBytes: number, onOverflow: (bufferedBytes: number) => void): () => void {
  const conn = socket.conn as unknown as EngineConnection;
  /** Characters (≈ bytes) of packets created since the last flush to the transport. */
  let queued = 0;
  let overflowed = false;
  const buffered = (): number => conn.transport?.socket?.bufferedAmount ?? 0;
  const onPacket = (packet: { data?: unknown }): void => {
    queued += sizeOf(packet.data);
    if (overflowed) return;
    // The cheap count first: `bufferedAmount` is only read once the queue alone is not decisive.
    const total = queued > maxBytes ? queued : queued + buffered();
    if (total <= maxBytes) return;
    overflowed = true;
    onOverflow(total);
    const ws = conn.transport?.name === 'websocket' ? conn.transport.socket : undefined;
    if (ws?.terminate) ws.terminate();
    else conn.close(true);
  };
  const onFlush = (): void => {
    queued = 0;
  };
  conn.on('packetCreate', onPacket);
  conn.on('flush', onFlush);
  return () => {
    conn.off('packetCreate', onPacket as never);
    conn.off('flush', onFlush as never);
  };
}
