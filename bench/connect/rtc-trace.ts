// Instrumentation for the bench pages, served as a classic script that runs before the page
// bundle: wraps RTCPeerConnection, RTCRtpSender, getUserMedia and WebSocket so both variants
// log the same WebRTC milestones on the same clock, whatever library sits on top. Always on
// (a closure call per event, paid alike by both variants); `--trace` prints what it logged.

/** One logged event: epoch ms, connection index (-1 for page-level events), what happened. */
export type TraceEvent = [at: number, pc: number, what: string];

const log: TraceEvent[] = [];
const trackToPc = new Map<string, number>();

const add = (pc: number, what: string) => void log.push([Date.now(), pc, what]);

/** Kinds of m-lines in an SDP, e.g. `audio,video,application`. */
const mlines = (sdp: string | undefined) => (sdp ?? '').split('\n').filter((l) => l.startsWith('m=')).map((l) => l.slice(2).split(' ')[0]).join(',');

function wrapAsync<T extends object>(proto: T, name: keyof T & string, before: (self: any, args: any[]) => void, after?: (self: any, args: any[], result: any) => void) {
  const original = (proto as any)[name] as (...args: unknown[]) => Promise<unknown>;
  (proto as any)[name] = function (this: unknown, ...args: unknown[]) {
    before(this, args);
    const p = original.apply(this, args);
    return after ? p.then((r) => (after(this, args, r), r)) : p;
  };
}

/** `42/meetings,17["webrtc-offer",{…` → `42/meetings,17["webrtc-offer"`. */
const packet = (data: unknown) => (typeof data === 'string' ? data.slice(0, 48).replace(/,\{.*$/, '').replace(/"sdp.*$/, '') : 'binary');

/** Install the wrappers (idempotent). */
function installTrace(): void {
  if ((window as any).__benchTrace) return;
  (window as any).__benchTrace = true;
  const Native = window.RTCPeerConnection;
  let next = 0;
  const ids = new WeakMap<RTCPeerConnection, number>();
  class Traced extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      const id = next++;
      ids.set(this, id);
      add(id, 'pc-created');
      this.addEventListener('negotiationneeded', () => add(id, 'negotiationneeded'));
      this.addEventListener('icecandidate', (e) => add(id, e.candidate ? `local-candidate ${e.candidate.type ?? ''}` : 'local-candidates-done'));
      this.addEventListener('iceconnectionstatechange', () => add(id, `ice-${this.iceConnectionState}`));
      this.addEventListener('connectionstatechange', () => add(id, `conn-${this.connectionState}`));
      this.addEventListener('signalingstatechange', () => add(id, `signaling-${this.signalingState}`));
      this.addEventListener('track', (e) => {
        trackToPc.set(e.track.id, id);
        add(id, `track-${e.track.kind}`);
      });
      this.addEventListener('datachannel', (e) => e.channel.addEventListener('open', () => add(id, 'datachannel-open')));
    }
    override createDataChannel(label: string, init?: RTCDataChannelInit) {
      const channel = super.createDataChannel(label, init);
      const id = ids.get(this)!;
      add(id, 'createDataChannel');
      channel.addEventListener('open', () => add(id, 'datachannel-open'));
      return channel;
    }
    override addTrack(track: MediaStreamTrack, ...streams: MediaStream[]) {
      add(ids.get(this)!, `addTrack-${track.kind}`);
      return super.addTrack(track, ...streams);
    }
  }
  const P = Traced.prototype as any;
  const pcOf = (self: RTCPeerConnection) => ids.get(self) ?? -1;
  wrapAsync(P, 'createOffer', (s) => add(pcOf(s), 'createOffer'));
  wrapAsync(P, 'createAnswer', (s) => add(pcOf(s), 'createAnswer'));
  wrapAsync(
    P,
    'setLocalDescription',
    (s, [d]) => add(pcOf(s), `sld-${d?.type ?? 'implicit'}-call`),
    (s) => add(pcOf(s), `sld-${s.localDescription?.type} [${mlines(s.localDescription?.sdp)}]`),
  );
  wrapAsync(
    P,
    'setRemoteDescription',
    (s, [d]) => add(pcOf(s), `srd-${d?.type}-call [${mlines(d?.sdp)}]`),
    (s) => add(pcOf(s), `srd-${s.remoteDescription?.type}`),
  );
  wrapAsync(P, 'addIceCandidate', (s) => add(pcOf(s), 'addIceCandidate'));
  Object.defineProperty(window, 'RTCPeerConnection', { value: Traced, writable: true, configurable: true });

  // Sender-side encoding changes (adaptive bitrate).
  const senderToPc = new WeakMap<RTCRtpSender, number>();
  const getSenders = P.getSenders as () => RTCRtpSender[];
  P.getSenders = function (this: RTCPeerConnection) {
    const senders = getSenders.call(this);
    for (const s of senders) senderToPc.set(s, pcOf(this));
    return senders;
  };
  wrapAsync(RTCRtpSender.prototype, 'setParameters', (s, [p]) =>
    add(senderToPc.get(s) ?? -1, `setParameters ${JSON.stringify(p?.encodings?.map((e: RTCRtpEncodingParameters) => [e.maxBitrate, e.scaleResolutionDownBy]))}`),
  );
  wrapAsync(RTCRtpSender.prototype, 'replaceTrack', (s) => add(senderToPc.get(s) ?? -1, 'replaceTrack'));

  const md = navigator.mediaDevices;
  const gum = md.getUserMedia.bind(md);
  md.getUserMedia = async (c) => {
    const what = `${c?.audio ? 'a' : ''}${c?.video ? 'v' : ''}`;
    add(-1, `gum-${what}-start`);
    const stream = await gum(c);
    // `?cameraDelay=ms` (run.ts `--camera-delay`): a camera that takes this long to open, as real ones do.
    const cameraDelay = Number(new URLSearchParams(location.search).get('cameraDelay') ?? 0);
    if (c?.video && cameraDelay > 0) await new Promise((r) => setTimeout(r, cameraDelay));
    const v = stream.getVideoTracks()[0]?.getSettings();
    add(-1, `gum-${what}-done${v ? ` ${v.width}x${v.height}` : ''}`);
    return stream;
  };

  const NativeWS = window.WebSocket;
  class TracedWS extends NativeWS {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      add(-1, 'ws-create');
      this.addEventListener('open', () => add(-1, 'ws-open'));
      // Socket.IO packets, abbreviated: which event went out / came in when.
      this.addEventListener('message', (e) => add(-1, `ws-recv ${packet(e.data)}`));
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      add(-1, `ws-send ${packet(data)}`);
      super.send(data);
    }
  }
  Object.defineProperty(window, 'WebSocket', { value: TracedWS, writable: true, configurable: true });
}

/** What the pages and the driver use; `window.benchTrace`. */
export interface BenchTrace {
  /** Page-level mark (join called, joined, …). */
  mark(what: string): void;
  /** First decoded frame of a remote video track, attributed to its connection. */
  frame(trackId: string, size: string): void;
  read(): TraceEvent[];
}

installTrace();
(window as unknown as { benchTrace: BenchTrace }).benchTrace = {
  mark: (what) => add(-1, what),
  frame: (trackId, size) => add(trackToPc.get(trackId) ?? -1, `first-frame ${size}`),
  read: () => log.slice(),
};
