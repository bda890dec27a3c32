// Baseline page for `npm run bench:connect`: the same call as ours — Socket.IO signalling,
// one RTCPeerConnection per remote, camera + microphone, no ICE servers — with nothing else.
import { io, type Socket } from 'socket.io-client';
import { createFrameLog, createMarks, watchFirstFrame, type BenchPage } from './page-common';

const marks = createMarks();
const VIDEO_CONSTRAINTS: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
const AUDIO_CONSTRAINTS: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

const peers = new Map<string, RTCPeerConnection>();
const firstFrames = createFrameLog();
let socket: Socket | null = null;
let stream: MediaStream | null = null;

type Signal = { sdp?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };

function connect(remoteId: string): RTCPeerConnection {
  const pc = new RTCPeerConnection({ iceServers: [] });
  peers.set(remoteId, pc);
  for (const track of stream!.getTracks()) pc.addTrack(track, stream!);
  pc.onicecandidate = (e) => {
    if (e.candidate) socket!.emit('signal', { to: remoteId, data: { candidate: e.candidate.toJSON() } });
  };
  pc.onconnectionstatechange = () => marks.mark(`peer-${pc.connectionState}`);
  pc.ontrack = (e) => {
    marks.mark('remote-stream');
    if (e.track.kind === 'video') watchFirstFrame(e.streams[0] ?? new MediaStream([e.track]), remoteId, firstFrames);
  };
  return pc;
}

async function onSignal({ from, data }: { from: string; data: Signal }): Promise<void> {
  const pc = peers.get(from) ?? connect(from);
  if (data.sdp) {
    await pc.setRemoteDescription(data.sdp);
    if (data.sdp.type === 'offer') {
      await pc.setLocalDescription(await pc.createAnswer());
      socket!.emit('signal', { to: from, data: { sdp: pc.localDescription!.toJSON() } });
    }
  } else if (data.candidate) {
    await pc.addIceCandidate(data.candidate);
  }
}

const page: BenchPage = {
  async join(meetingId: string) {
    marks.mark('join-called');
    const params = new URLSearchParams(location.search);
    // Same capture constraints as the client's `captureTrack`, unless `?capture=default`.
    stream = await navigator.mediaDevices.getUserMedia(
      params.get('capture') === 'default' ? { audio: true, video: true } : { audio: AUDIO_CONSTRAINTS, video: VIDEO_CONSTRAINTS },
    );
    // Same Socket.IO options as the client's signalling channel, unless `?socket=default`.
    socket = params.get('socket') === 'default' ? io('/raw') : io('/raw', { transports: ['websocket'], forceNew: true });
    // Signals for one peer are applied in order, as simple-peer does.
    const queues = new Map<string, Promise<void>>();
    socket.on('signal', (msg: { from: string; data: Signal }) => {
      const next = (queues.get(msg.from) ?? Promise.resolve()).then(() => onSignal(msg));
      queues.set(msg.from, next.catch(() => undefined));
    });
    marks.mark('media');
    const existing: string[] = await socket.emitWithAck('join', meetingId);
    marks.mark('joined');
    // The newcomer offers to everyone already there, so two peers never both offer.
    for (const remoteId of existing) {
      const pc = connect(remoteId);
      // `?datachannel=1`: also negotiate a data channel, as simple-peer always does (diagnostic).
      if (params.get('datachannel') === '1') pc.createDataChannel('bench');
      await pc.setLocalDescription(await pc.createOffer());
      socket.emit('signal', { to: remoteId, data: { sdp: pc.localDescription!.toJSON() } });
    }
  },
  frames: firstFrames.read,
  whenFrames: firstFrames.when,
  marks: marks.read,
  async leave() {
    for (const pc of peers.values()) pc.close();
    peers.clear();
    stream?.getTracks().forEach((t) => t.stop());
    socket?.disconnect();
  },
};
window.bench = page;
