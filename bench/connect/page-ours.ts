// Our page for `npm run bench:connect`: the packaged client, as an app would use it.
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';
import { createFrameLog, createMarks, watchFirstFrame, type BenchPage } from './page-common';

const marks = createMarks();

const firstFrames = createFrameLog();
let client: MeetingClient | null = null;

const page: BenchPage = {
  async join(meetingId: string) {
    marks.mark('join-called');
    client = createMeetingClient({
      serverUrl: location.origin,
      displayName: `bench-${Math.random().toString(36).slice(2, 8)}`,
      iceServers: [],
      webrtcConfigUrl: false,
      media: { camera: true, microphone: true },
    });
    client.on('joined', () => marks.mark('joined'));
    client.on('peer-state-changed', ({ state }) => marks.mark(`peer-${state}`));
    client.on('remote-stream', ({ participantId, source, stream }) => {
      marks.mark('remote-stream');
      if (source === 'camera') watchFirstFrame(stream, participantId, firstFrames);
    });
    await client.join(meetingId);
  },
  frames: firstFrames.read,
  whenFrames: firstFrames.when,
  marks: marks.read,
  async leave() {
    await client?.leave();
    client?.destroy();
  },
};
window.bench = page;
