import { createHmac, randomBytes } from 'node:crypto';
import { createLinkShaper, type LinkShaper, type ShaperEndpoint } from '../../../../tests/support/link-shaper/index';
import type { PeerTransport, PeerTransportFactory } from '../peers/transport';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import { startCoturn, type Coturn } from './coturn';

/**
 * A media path Node clients can be forced through and cut: a real coturn with each client
 * relay-only through its own endpoint of the user-space link shaper. `endpoint.set({ loss: 1 })`
 * blocks everything that client sends and receives; `{ loss: 0 }` restores it.
 */
export interface RelayPath {
  /** A new endpoint and the ICE servers (TURN REST credentials) that lead through it. */
  endpoint(name: string): Promise<{ link: ShaperEndpoint; iceServers: RTCIceServer[] }>;
  close(): Promise<void>;
}

/** Start coturn and the shaper in front of it. */
export async function startRelayPath(): Promise<RelayPath> {
  const secret = randomBytes(24).toString('base64url');
  const turn: Coturn = await startCoturn(secret);
  const shaper: LinkShaper = createLinkShaper({ udpTarget: turn.port });
  return {
    async endpoint(name) {
      const link = await shaper.addEndpoint(name);
      const username = `${Math.floor(Date.now() / 1000) + 3600}:${name}`;
      const credential = createHmac('sha1', secret).update(username).digest('base64');
      return { link, iceServers: [{ urls: link.turnUrl, username, credential }] };
    },
    async close() {
      await shaper.close();
      await turn.stop();
    },
  };
}

/** A simple-peer transport factory that keeps every transport it made, in order. */
export function recordingTransports(): { factory: PeerTransportFactory; made: PeerTransport[] } {
  const made: PeerTransport[] = [];
  return {
    made,
    factory: (options) => {
      const t = createSimplePeerTransport(options);
      made.push(t);
      return t;
    },
  };
}

/** RTP bytes received so far on a transport's connection (0 once it is gone). */
export async function bytesReceived(transport: PeerTransport | undefined): Promise<number> {
  const report = await transport?.connection?.getStats().catch(() => undefined);
  let bytes = 0;
  report?.forEach((e: Record<string, unknown>) => {
    if (e.type === 'inbound-rtp') bytes += Number(e.bytesReceived ?? 0);
  });
  return bytes;
}

/** The ICE username fragment of a connection's current local description (changes with an ICE restart). */
export function localUfrag(transport: PeerTransport | undefined): string | null {
  return /a=ice-ufrag:(\S+)/.exec(transport?.connection?.localDescription?.sdp ?? '')?.[1] ?? null;
}
