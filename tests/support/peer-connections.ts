import type { Page } from 'playwright-core';

/**
 * Init script (run before the page's own scripts) that records every `RTCPeerConnection` the
 * page creates in `window.__peerConnections`, so tests can read `getStats()` independently of
 * the SDK. The subclass keeps the native prototype chain, so the SDK sees a normal connection.
 */
export const RECORD_PEER_CONNECTIONS_SCRIPT = `(() => {
  const Native = window.RTCPeerConnection;
  const recorded = [];
  Object.defineProperty(window, '__peerConnections', { value: recorded });
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      recorded.push(this);
    }
  };
})();`;

/** The selected ICE candidate pair of one open peer connection. */
export interface SelectedPair {
  iceTransportPolicy: string;
  connectionState: string;
  localCandidateType: string;
  remoteCandidateType: string;
  localAddress: string;
  localPort: number;
  /** `udp` / `tcp` / `tls` for relay candidates (how the browser reached the TURN server). */
  relayProtocol: string | null;
  bytesReceived: number;
}

/**
 * The selected candidate pair of every connected peer connection on the page, read from
 * `getStats()` (transport's `selectedCandidatePairId`, else the nominated succeeded pair).
 */
export async function selectedCandidatePairs(page: Page): Promise<SelectedPair[]> {
  return page.evaluate(async () => {
    const list = (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    const result = [];
    for (const pc of list) {
      if (pc.connectionState !== 'connected') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((report: Record<string, unknown>) => byId.set(report.id as string, report));
      let pair: Record<string, unknown> | undefined;
      for (const report of byId.values()) {
        if (report.type === 'transport' && typeof report.selectedCandidatePairId === 'string') {
          pair = byId.get(report.selectedCandidatePairId);
        }
      }
      pair ??= [...byId.values()].find((r) => r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded');
      if (!pair) continue;
      const local = byId.get(pair.localCandidateId as string) ?? {};
      const remote = byId.get(pair.remoteCandidateId as string) ?? {};
      result.push({
        iceTransportPolicy: pc.getConfiguration().iceTransportPolicy ?? 'all',
        connectionState: pc.connectionState,
        localCandidateType: String(local.candidateType),
        remoteCandidateType: String(remote.candidateType),
        localAddress: String(local.address ?? local.ip),
        localPort: Number(local.port),
        relayProtocol: typeof local.relayProtocol === 'string' ? local.relayProtocol : null,
        bytesReceived: Number(pair.bytesReceived ?? 0),
      });
    }
    return result;
  });
}

/**
 * The audio codec each connected peer connection on the page sends with: the first format of the
 * audio section in its remote description (the other side's order, which the sender follows).
 * Read from the SDP because Chromium's `getStats()` names the inner Opus codec even when RED wraps it.
 */
export async function sentAudioCodecs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? [];
    return list
      .filter((pc) => pc.connectionState === 'connected' && pc.currentRemoteDescription)
      .map((pc) => {
        const sdp = pc.currentRemoteDescription!.sdp;
        const first = /^m=audio \S+ \S+ (\d+)/m.exec(sdp)?.[1];
        return new RegExp(`^a=rtpmap:${first} ([^/\\s]+)/`, 'm').exec(sdp)?.[1]?.toLowerCase() ?? 'none';
      });
  });
}
