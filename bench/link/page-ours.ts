// Our page for `npm run bench:link`: the client as an app uses it, relay-only through the TURN
// URL of this page's shaped link.
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';
import type { LinkBenchPage } from './page-types';

let client: MeetingClient | null = null;
let framed: () => void = () => undefined;
const firstFrame = new Promise<void>((resolve) => (framed = resolve));
const changes: string[] = [];
const sending: string[] = [];
const peerStates: string[] = [];

const page: LinkBenchPage = {
  async join({ meetingId, turn, iceRestart }) {
    client = createMeetingClient({
      serverUrl: location.origin,
      displayName: `bench-${Math.random().toString(36).slice(2, 8)}`,
      iceServers: [turn],
      relayOnly: true,
      webrtcConfigUrl: false,
      media: { camera: true, microphone: true },
      ...(iceRestart === undefined ? {} : { peerReconnection: { iceRestart } }),
    });
    client.on('remote-stream', ({ source, stream }) => {
      if (source !== 'camera') return;
      window.linkMetrics.watch(stream);
      const video = stream.getVideoTracks()[0];
      if (video) framed();
    });
    let last = '';
    let lastSending = '';
    let lastPeers = '';
    client.subscribe((snapshot) => {
      const now = Object.values(snapshot.remotes).map((r) => r.quality).join(',');
      if (now !== last) {
        last = now;
        changes.push(`${Date.now()} ${now}`);
      }
      const video = `${snapshot.localVideo.sending.level} ${snapshot.localVideo.sending.reason}`;
      if (video !== lastSending) {
        lastSending = video;
        sending.push(`${Date.now()} ${video}`);
      }
      const peers = Object.values(snapshot.remotes).map((r) => r.peerState).join(',');
      if (peers !== lastPeers) {
        lastPeers = peers;
        peerStates.push(`${Date.now()} ${peers}`);
      }
    });
    await client.join(meetingId);
  },
  firstFrame: () => firstFrame,
  qualityChanges: () => [...changes],
  applied: () => ({ sending: [...sending], peerStates: [...peerStates] }),
  async leave() {
    await client?.leave();
    client?.destroy();
  },
};
window.linkBench = page;
