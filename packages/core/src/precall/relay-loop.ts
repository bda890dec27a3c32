import type { PrecallFigures, PrecallReason } from './types';

/** Two local connections joined only through the TURN relay. */
export interface RelayLoop {
  sender: RTCPeerConnection;
  receiver: RTCPeerConnection;
  connectMs: number;
  close(): void;
}

/** Outcome of {@link openRelayLoop}. */
export type RelayLoopResult =
  | { ok: true; loop: RelayLoop }
  | { ok: false; reason: PrecallReason; detail: string };

/** Options of {@link openRelayLoop}. */
export interface RelayLoopOptions {
  iceServers: RTCIceServer[];
  Connection: typeof RTCPeerConnection;
  /** Tracks the sender sends for the measurement (camera, microphone; may be empty). */
  tracks: readonly MediaStreamTrack[];
  timeoutMs: number;
  /** Settles early when the check is cancelled. */
  cancelled: Promise<void>;
}

/**
 * Connect a sender and a receiver on this device with `iceTransportPolicy: 'relay'` on both, so
 * every packet goes to the TURN server and back: it proves the relay works from here and lets
 * the caller measure the path a call would take when direct connections are blocked.
 */
export async function openRelayLoop(o: RelayLoopOptions): Promise<RelayLoopResult> {
  const config: RTCConfiguration = { iceServers: o.iceServers, iceTransportPolicy: 'relay' };
  const sender = new o.Connection(config);
  const receiver = new o.Connection(config);
  const close = () => {
    sender.close();
    receiver.close();
  };
  const relayCandidates = { sender: 0, receiver: 0 };
  const errors: string[] = [];
  const wire = (from: RTCPeerConnection, to: RTCPeerConnection, side: 'sender' | 'receiver') => {
    from.addEventListener('icecandidate', (e) => {
      if (!e.candidate) return;
      if (e.candidate.type === 'relay' || / typ relay/.test(e.candidate.candidate)) relayCandidates[side] += 1;
      void to.addIceCandidate(e.candidate).catch(() => undefined);
    });
    from.addEventListener('icecandidateerror', (e) => {
      const err = e as RTCPeerConnectionIceErrorEvent;
      errors.push(`${err.url ?? ''} ${err.errorCode ?? ''} ${err.errorText ?? ''}`.trim());
    });
  };
  wire(sender, receiver, 'sender');
  wire(receiver, sender, 'receiver');
  // Chromium decodes (and reports the energy of) received audio only while something plays it.
  receiver.addEventListener('track', (e) => {
    if (e.track.kind !== 'audio' || typeof document === 'undefined') return;
    const audio = document.createElement('audio');
    audio.muted = true;
    audio.srcObject = new MediaStream([e.track]);
    void audio.play().catch(() => undefined);
  });
  // A data channel makes the loop connect even without media tracks.
  sender.createDataChannel('precall');
  for (const track of o.tracks) sender.addTrack(track);
  const started = performance.now();
  const connected = new Promise<'connected' | 'failed'>((resolve) => {
    const check = () => {
      if (sender.connectionState === 'failed' || receiver.connectionState === 'failed') resolve('failed');
      else if (sender.connectionState === 'connected' && receiver.connectionState === 'connected') resolve('connected');
    };
    sender.addEventListener('connectionstatechange', check);
    receiver.addEventListener('connectionstatechange', check);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), o.timeoutMs)));
  try {
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription!);
    const outcome = await Promise.race([connected, timeout, o.cancelled.then(() => 'cancelled' as const)]);
    if (outcome === 'connected') return { ok: true, loop: { sender, receiver, connectMs: Math.round(performance.now() - started), close } };
    close();
    const detail = errors.length ? errors.slice(0, 3).join('; ') : `${outcome}; relay candidates ${relayCandidates.sender}/${relayCandidates.receiver}`;
    if (relayCandidates.sender === 0 || relayCandidates.receiver === 0) return { ok: false, reason: 'no-relay-candidates', detail };
    return { ok: false, reason: outcome === 'timeout' ? 'timeout' : 'ice-failed', detail };
  } catch (error) {
    close();
    return { ok: false, reason: 'ice-failed', detail: String((error as Error)?.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

type Entry = Record<string, unknown> & { type: string; id: string };
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = async (pc: RTCPeerConnection) => {
  const out: Entry[] = [];
  (await pc.getStats()).forEach((e) => out.push(e as Entry));
  return out;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? undefined : s[s.length >> 1];
};

interface Reading {
  rtt: number | null;
  available: number | null;
  lost: number;
  received: number;
  jitter: number | null;
  energy: number;
  duration: number;
}

async function read(loop: RelayLoop): Promise<Reading> {
  const [out, inn] = await Promise.all([list(loop.sender), list(loop.receiver)]);
  const byId = new Map(out.map((e) => [e.id, e]));
  const transport = out.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
  const pair = transport ? byId.get(transport.selectedCandidatePairId as string) : out.find((e) => e.type === 'candidate-pair' && e.nominated === true);
  const r: Reading = { rtt: num(pair?.currentRoundTripTime), available: num(pair?.availableOutgoingBitrate), lost: 0, received: 0, jitter: null, energy: 0, duration: 0 };
  for (const e of inn) {
    if (e.type !== 'inbound-rtp') continue;
    r.lost += Math.max(0, num(e.packetsLost) ?? 0);
    r.received += num(e.packetsReceived) ?? 0;
    if (e.kind === 'video') r.jitter = num(e.jitter);
    if (e.kind === 'audio') {
      r.energy += num(e.totalAudioEnergy) ?? 0;
      r.duration += num(e.totalSamplesDuration) ?? 0;
    }
  }
  return r;
}

/** What the relay-path test measured. */
export interface LoopMeasurement {
  figures: PrecallFigures;
  /** RMS level of the microphone as received over the loop (`null` without audio). */
  receivedAudioLevel: number | null;
}

/**
 * Send over the loop for `durationMs` and measure it every 500 ms: median round trip, loss over
 * the whole window, the browser's send estimate (the highest of the test).
 */
export async function measureRelayLoop(loop: RelayLoop, durationMs: number, cancelled: Promise<void>): Promise<LoopMeasurement> {
  let stop = false;
  void cancelled.then(() => (stop = true));
  const readings: Reading[] = [await read(loop)];
  const started = performance.now();
  while (!stop && performance.now() - started < durationMs) {
    await new Promise((r) => setTimeout(r, 500));
    if (!stop) readings.push(await read(loop));
  }
  const first = readings[0]!;
  const last = readings.at(-1)!;
  const lost = last.lost - first.lost;
  const received = last.received - first.received;
  const rtts = readings.map((r) => r.rtt).filter((v): v is number => v !== null);
  const estimates = readings.map((r) => r.available).filter((v): v is number => v !== null);
  const figures: PrecallFigures = {};
  const rtt = median(rtts);
  if (rtt !== undefined) figures.rttMs = Math.round(rtt * 1000);
  if (lost + received > 0) figures.packetLoss = Math.round((Math.max(0, lost) / (lost + received)) * 1000) / 1000;
  // The highest estimate of the test (its start-up probes measure the link's capacity): a busy
  // device's own scheduling jitter makes the estimator back off afterwards, which is not the link.
  const estimate = estimates.length ? Math.max(...estimates) : undefined;
  if (estimate !== undefined) figures.availableBitrate = Math.round(estimate);
  if (last.jitter !== null) figures.jitterMs = Math.round(last.jitter * 1000);
  const duration = last.duration - first.duration;
  const receivedAudioLevel = duration > 0 ? Math.sqrt(Math.max(0, last.energy - first.energy) / duration) : null;
  return { figures, receivedAudioLevel };
}
