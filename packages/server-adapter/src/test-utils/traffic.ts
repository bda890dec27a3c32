import type { TestClient } from './harness';

/** One Socket.IO packet a client received, as it came off the wire. */
export interface ReceivedPacket {
  /** `event` (server event), `ack` (an answer to the client's own request), or `other`. */
  kind: 'event' | 'ack' | 'other';
  /** Event name, for events. */
  name?: string;
  /** The decoded arguments (events) or answer (acks). */
  data: unknown;
  /** The acknowledgement id, for acks. */
  id?: number;
  /** Bytes of the packet as received. */
  bytes: number;
}

/** What {@link recordTraffic} collects. */
export interface Traffic {
  readonly packets: ReceivedPacket[];
  /** Every byte of every Socket.IO packet received since recording started. */
  bytes(): number;
  /** Names of the events received, in order. */
  events(): string[];
}

/** How Socket.IO encodes a packet of the `/meetings` namespace (inside an Engine.IO message): what its bytes must be. */
export function encodePacket(p: ReceivedPacket): string {
  if (p.kind === 'ack') return `3/meetings,${p.id}${JSON.stringify([p.data])}`;
  return `2/meetings,${JSON.stringify([p.name, ...(p.data as unknown[])])}`;
}

/**
 * Records every Socket.IO packet a connected client receives at the Engine.IO layer — events and
 * acknowledgements alike, with their sizes — so a test can prove what did NOT reach it. Transport
 * keep-alives (Engine.IO ping) are not Socket.IO packets and are left out.
 */
export function recordTraffic(client: TestClient): Traffic {
  const packets: ReceivedPacket[] = [];
  client.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message' || typeof packet.data !== 'string') return;
    const raw = packet.data;
    // Socket.IO encoding: <type>[/<nsp>,][<ack id>]<json>
    const match = /^(\d)(\/[^,]*,)?(\d*)(.*)$/s.exec(raw);
    const type = match?.[1];
    const json = match?.[4] ? (JSON.parse(match[4]) as unknown) : undefined;
    const bytes = Buffer.byteLength(raw);
    if (type === '2' && Array.isArray(json)) packets.push({ kind: 'event', name: String(json[0]), data: json.slice(1), bytes });
    else if (type === '3' && Array.isArray(json)) packets.push({ kind: 'ack', id: Number(match?.[3]), data: json[0], bytes });
    else packets.push({ kind: 'other', data: json, bytes });
  });
  return {
    packets,
    bytes: () => packets.reduce((sum, p) => sum + p.bytes, 0),
    events: () => packets.filter((p) => p.kind === 'event').map((p) => p.name as string),
  };
}
