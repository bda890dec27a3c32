/**
 * Runs in Chromium (bundled from the published dist by browser-smoke.ts): two meeting clients in
 * one page — one on Chromium's fake camera/microphone, one on the testing kit's canvas/WebAudio
 * fake devices — join the real server, connect, and decode each other's video.
 */
import { createMeetingClient, createSimplePeerTransport, type MeetingClient, type MeetingSnapshot, type PeerTransport } from '@mentara/meetings-core';
import { createFakeMediaDevices, createSimulatedClient } from '@mentara/meetings-core/testing';

type Result = { ok: true; details: Record<string, unknown> } | { ok: false; error: string; details: Record<string, unknown> };
const details: Record<string, unknown> = {};

function until(client: MeetingClient, predicate: (s: MeetingSnapshot) => boolean, label: string, ms = 15_000): Promise<MeetingSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(client.getSnapshot())) return resolve(client.getSnapshot());
    const timer = setTimeout(() => reject(new Error(`timeout: ${label}`)), ms);
    const off = client.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

function decodedFrame(stream: MediaStream, label: string): Promise<{ width: number; height: number }> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  void video.play();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no decoded frame: ${label}`)), 10_000);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve({ width: video.videoWidth, height: video.videoHeight });
    });
  });
}

const connected = (s: MeetingSnapshot) =>
  s.remoteParticipants.length === 1 && s.remoteParticipants[0]!.peerState === 'connected' && (s.remoteParticipants[0]!.stream?.getVideoTracks().length ?? 0) > 0;

async function run(): Promise<void> {
  const serverUrl = location.origin;
  const transports: PeerTransport[] = [];
  const a = createMeetingClient({
    serverUrl,
    displayName: 'Chromium camera',
    webrtcConfigUrl: false,
    statsIntervalMs: 500,
    peerTransport: (o) => {
      const t = createSimplePeerTransport(o);
      transports.push(t);
      return t;
    },
  });
  const b = createMeetingClient({ serverUrl, displayName: 'Testing kit', webrtcConfigUrl: false, mediaDevices: createFakeMediaDevices({ track: { volume: 0.3 } }), statsIntervalMs: 500 });
  await a.join('browser-smoke');
  await b.join('browser-smoke');
  const sa = await until(a, connected, 'A connected');
  const sb = await until(b, connected, 'B connected');
  details.frameAtA = await decodedFrame(sa.remoteParticipants[0]!.stream!, 'testing-kit video at A');
  details.frameAtB = await decodedFrame(sb.remoteParticipants[0]!.stream!, 'chromium video at B');
  const stats = await until(a, (s) => s.remoteParticipants[0]?.quality !== 'unknown', 'quality', 8_000);
  details.quality = stats.remoteParticipants[0]!.quality;
  // Adaptive bitrate: the camera sender got the one-peer budget through setParameters.
  await new Promise((r) => setTimeout(r, 1000));
  const video = transports.at(-1)!.connection!.getSenders().find((x) => x.track?.kind === 'video');
  details.cameraEncoding = video?.getParameters().encodings[0];
  if (details.cameraEncoding === undefined || (details.cameraEncoding as RTCRtpEncodingParameters).maxBitrate === undefined) throw new Error('no adaptive bitrate on the camera sender');
  details.stats = stats.peerStats[stats.remoteParticipants[0]!.id];
  await b.screen.enable();
  const shared = await until(a, (s) => s.remoteParticipants[0]?.screenStream != null, 'screen at A');
  details.screenFrame = await decodedFrame(shared.remoteParticipants[0]!.screenStream!, 'screen at A');
  details.cameraStillThere = shared.remoteParticipants[0]!.stream !== null;
  // The kit's oscillator sounds continuously (Chromium's fake microphone only beeps now and then).
  details.speakerAtA = (await until(a, (x) => x.activeSpeakerId !== null, 'active speaker at A', 10_000)).activeSpeakerId;
  await a.camera.disable();
  await until(b, (s) => s.remoteParticipants[0]?.media.camera === false, 'video off at B', 5_000);
  const levelOf = (s: MeetingSnapshot) => s.audioLevels[s.remoteParticipants[0]?.id ?? ''] ?? 0;
  details.levelAtA = levelOf(await until(a, (s) => levelOf(s) > 0, 'kit audio level at A', 8_000));
  a.destroy();
  b.destroy();
  // The testing kit's simulated meeting with synthetic streams (Storybook's setup).
  const sim = createSimulatedClient({ fakeStreams: true, participants: [{ displayName: 'Therapist' }, { displayName: 'Caregiver', media: { camera: false } }] });
  await sim.join();
  const simState = sim.getSnapshot();
  details.simulatedFrame = await decodedFrame(simState.remoteParticipants[0]!.stream!, 'simulated participant');
  details.simulatedLocalPreview = (simState.localStream?.getVideoTracks().length ?? 0) === 1;
  details.simulatedNoVideoForCaregiver = simState.remoteParticipants[1]!.stream === null;
  sim.destroy();
}

run().then(
  () => ((window as unknown as { __smoke: Result }).__smoke = { ok: true, details }),
  (e: unknown) => ((window as unknown as { __smoke: Result }).__smoke = { ok: false, error: String((e as Error)?.stack ?? e), details }),
);
