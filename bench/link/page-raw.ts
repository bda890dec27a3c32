// Baseline page for `npm run bench:link`: one RTCPeerConnection, camera + microphone with the
// client's constraints, relay-only through the same TURN URL, nothing else — what the browser's
// own congestion control does without any policy on top.
import { io, type Socket } from 'socket.io-client';
import type { LinkBenchPage } from './page-types';

const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

let socket: Socket | null = null;
let stream: MediaStream | null = null;
const peers = new Map<string, RTCPeerConnection>();
let framed: () => void = () => undefined;
const firstFrame = new Promise<void>((resolve) => (framed = resolve));
type Signal = { sdp?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };

const page: LinkBenchPage = {
  async join({ meetingId, turn }) {
    stream = await navigator.mediaDevices.getUserMedia({ audio: AUDIO, video: VIDEO });
    socket = io('/raw', { transports: ['websocket'], forceNew: true });
    const connect = (remoteId: string) => {
      const pc = new RTCPeerConnection({ iceServers: [turn], iceTransportPolicy: 'relay' });
      peers.set(remoteId, pc);
      for (const track of stream!.getTracks()) pc.addTrack(track, stream!);
      pc.onicecandidate = (e) => e.candidate && socket!.emit('signal', { to: remoteId, data: { candidate: e.candidate.toJSON() } });
      pc.ontrack = (e) => {
        if (e.track.kind !== 'video') return;
        const remote = e.streams[0] ?? new MediaStream([e.track]);
        window.linkMetrics.watch(remote);
        framed();
      };
      return pc;
    };
    const queues = new Map<string, Promise<void>>();
    socket.on('signal', ({ from, data }: { from: string; data: Signal }) => {
      const next = (queues.get(from) ?? Promise.resolve()).then(async () => {
        const pc = peers.get(from) ?? connect(from);
        if (data.sdp) {
          await pc.setRemoteDescription(data.sdp);
          if (data.sdp.type === 'offer') {
            await pc.setLocalDescription(await pc.createAnswer());
            socket!.emit('signal', { to: from, data: { sdp: pc.localDescription!.toJSON() } });
          }
        } else if (data.candidate) await pc.addIceCandidate(data.candidate);
      });
      queues.set(from, next.catch(() => undefined));
    });
    const existing: string[] = await socket.emitWithAck('join', meetingId);
    for (const remoteId of existing) {
      const pc = connect(remoteId);
      await pc.setLocalDescription(await pc.createOffer());
      socket.emit('signal', { to: remoteId, data: { sdp: pc.localDescription!.toJSON() } });
    }
  },
  firstFrame: () => firstFrame,
  qualityChanges: () => [],
  applied: () => ({ sending: [], peerStates: [] }),
  async leave() {
    for (const pc of peers.values()) pc.close();
    stream?.getTracks().forEach((t) => t.stop());
    socket?.disconnect();
  },
};
window.linkBench = page;
