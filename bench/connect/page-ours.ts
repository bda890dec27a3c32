// Our page for `npm run bench:connect`: the packaged client, as an app would use it.
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';
import { watchFirstFrame, type BenchPage } from './page-common';

const firstFrames: Record<string, number> = {};
let client: MeetingClient | null = null;

const page: BenchPage = {
  async join(meetingId: string) {
    client = createMeetingClient({
      serverUrl: location.origin,
      displayName: `bench-${Math.random().toString(36).slice(2, 8)}`,
      iceServers: [],
      webrtcConfigUrl: false,
      media: { camera: true, microphone: true },
    });
    client.on('remote-stream', ({ participantId, source, stream }) => {
      if (source === 'camera') watchFirstFrame(stream, participantId, firstFrames);
    });
    await client.join(meetingId);
  },
  frames: () => ({ ...firstFrames }),
  async leave() {
    await client?.leave();
    client?.destroy();
  },
};
window.bench = page;
