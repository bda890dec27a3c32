// Our page for `npm run bench:link`: the client as an app uses it, relay-only through the TURN
// URL of this page's shaped link.
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';
import type { LinkBenchPage } from './page-types';

let client: MeetingClient | null = null;
let framed: () => void = () => undefined;
const firstFrame = new Promise<void>((resolve) => (framed = resolve));
const changes: string[] = [];

const page: LinkBenchPage = {
  async join({ meetingId, turn }) {
    client = createMeetingClient({
      serverUrl: location.origin,
      displayName: `bench-${Math.random().toString(36).slice(2, 8)}`,
      iceServers: [turn],
      relayOnly: true,
      webrtcConfigUrl: false,
      media: { camera: true, microphone: true },
    });
    client.on('remote-stream', ({ source, stream }) => {
      if (source !== 'camera') return;
      window.linkMetrics.watch(stream);
      const video = stream.getVideoTracks()[0];
      if (video) framed();
    });
    let last = '';
    client.subscribe((snapshot) => {
      const now = Object.values(snapshot.remotes).map((r) => r.quality).join(',');
      if (now !== last) {
        last = now;
        changes.push(`${Date.now()} ${now}`);
      }
    });
    await client.join(meetingId);
  },
  firstFrame: () => firstFrame,
  qualityChanges: () => [...changes],
  async leave() {
    await client?.leave();
    client?.destroy();
  },
};
window.linkBench = page;
