// Our page for `npm run bench:connect`: the packaged client, as an app would use it. Like the
// pre-join screen of `<MeetingRoom/>`, the page opens and authenticates the signalling connection
// (`prepare()`) and starts the camera and microphone for the preview as soon as it loads; the
// join hands both to the call. `?prejoin=0` starts everything only at the click (the `ours-cold` variant).
import { createMeetingClient, type MeetingClient } from '@mentara/meetings-core';
import { createFrameLog, createMarks, watchFirstFrame, type BenchPage } from './page-common';

const marks = createMarks();
const firstFrames = createFrameLog();
const preJoin = new URLSearchParams(location.search).get('prejoin') !== '0';

const create = (): MeetingClient => {
  const created = createMeetingClient({
    serverUrl: location.origin,
    displayName: `bench-${Math.random().toString(36).slice(2, 8)}`,
    iceServers: [],
    webrtcConfigUrl: false,
    media: { camera: true, microphone: true },
  });
  created.on('joined', () => marks.mark('joined'));
  created.on('peer-state-changed', ({ state }) => marks.mark(`peer-${state}`));
  created.on('remote-stream', ({ participantId, source, stream }) => {
    marks.mark('remote-stream');
    if (source === 'camera') watchFirstFrame(stream, participantId, firstFrames);
  });
  return created;
};

let client: MeetingClient | null = null;
if (preJoin) {
  client = create();
  void client.prepare().then(() => marks.mark('prepared'), () => undefined);
  void Promise.all([client.camera.enable(), client.microphone.enable()]).then(() => marks.mark('preview'), () => undefined);
}

const page: BenchPage = {
  async join(meetingId: string) {
    marks.mark('join-called');
    client ??= create();
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
