// Instrumentation for the `bench:link` pages, served as a classic script that runs before the
// page bundle: records every RTCPeerConnection and every `setParameters` call, samples each
// connection's getStats once a second (so a connection that was torn down still counts), and
// records when each remote video frame was decoded. Both variants get the same script.

/** Cumulative counters of one connection, as last sampled. */
export interface PcCounters {
  concealed: number;
  samplesReceived: number;
  freezeCount: number;
  freezesSeconds: number;
  framesDecoded: number;
  /** Changes of the sent camera height seen between samples (ours and the browser's own steps). */
  resolutionChanges: number;
  sentHeight: number;
}

/** What the driver reads through `window.linkMetrics`. */
export interface LinkMetrics {
  /** Counters of every connection ever created, by index. */
  counters(): PcCounters[];
  setParametersCalls(): number;
  /** Peer connections created so far. */
  connections(): number;
  /** Epoch ms of every decoded remote camera frame. */
  frameTimes(): number[];
  watch(stream: MediaStream): void;
}

declare global {
  interface Window {
    linkMetrics: LinkMetrics;
  }
}

const zero = (): PcCounters => ({ concealed: 0, samplesReceived: 0, freezeCount: 0, freezesSeconds: 0, framesDecoded: 0, resolutionChanges: 0, sentHeight: 0 });

(() => {
  const Native = window.RTCPeerConnection;
  const pcs: RTCPeerConnection[] = [];
  const latest: PcCounters[] = [];
  let setParameters = 0;
  const frames: number[] = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
      latest.push(zero());
    }
  } as typeof RTCPeerConnection;
  const original = RTCRtpSender.prototype.setParameters;
  RTCRtpSender.prototype.setParameters = function (this: RTCRtpSender, ...args: Parameters<typeof original>) {
    setParameters += 1;
    return original.apply(this, args);
  };

  async function sample(pc: RTCPeerConnection, index: number) {
    if (pc.connectionState === 'closed') return;
    const c = zero();
    (await pc.getStats()).forEach((e: Record<string, any>) => {
      const kind = e.kind ?? e.mediaType;
      if (e.type === 'inbound-rtp' && kind === 'audio') {
        c.concealed += (e.concealedSamples ?? 0) - (e.silentConcealedSamples ?? 0);
        c.samplesReceived += e.totalSamplesReceived ?? 0;
      } else if (e.type === 'inbound-rtp' && kind === 'video') {
        c.freezeCount += e.freezeCount ?? 0;
        c.freezesSeconds += e.totalFreezesDuration ?? 0;
        c.framesDecoded += e.framesDecoded ?? 0;
      } else if (e.type === 'outbound-rtp' && kind === 'video') {
        c.sentHeight = Math.max(c.sentHeight, e.frameHeight ?? 0);
      }
    });
    const before = latest[index]!;
    c.resolutionChanges = before.resolutionChanges + (before.sentHeight > 0 && c.sentHeight > 0 && c.sentHeight !== before.sentHeight ? 1 : 0);
    latest[index] = c;
  }
  setInterval(() => pcs.forEach((pc, i) => void sample(pc, i).catch(() => undefined)), 1_000);

  window.linkMetrics = {
    counters: () => latest.map((c) => ({ ...c })),
    setParametersCalls: () => setParameters,
    connections: () => pcs.length,
    frameTimes: () => [...frames],
    watch(stream) {
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream(stream.getVideoTracks());
      const onFrame = () => {
        frames.push(Date.now());
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      void video.play().catch(() => undefined);
      // Chromium decodes received audio (and counts its concealment) only while it plays.
      if (stream.getAudioTracks().length) {
        const audio = document.createElement('audio');
        audio.muted = true;
        audio.srcObject = new MediaStream(stream.getAudioTracks());
        void audio.play().catch(() => undefined);
        document.body.append(audio);
      }
      document.body.append(video);
    },
  };
})();
