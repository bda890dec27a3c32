/** The part of `@roamhq/wrtc` the Node fake tracks need (pass `require('@roamhq/wrtc')`). */
export interface WrtcWithSources {
  MediaStream: unknown;
  nonstandard: {
    RTCVideoSource: new (init?: { isScreencast?: boolean }) => {
      createTrack(): MediaStreamTrack;
      onFrame(frame: { width: number; height: number; data: Uint8Array }): void;
    };
    RTCAudioSource: new () => {
      createTrack(): MediaStreamTrack;
      onData(data: { samples: Int16Array; sampleRate: number; bitsPerSample?: number; channelCount?: number; numberOfFrames?: number }): void;
    };
  };
}

/** Options of the synthetic tracks. */
export interface FakeTrackOptions {
  width?: number;
  height?: number;
  fps?: number;
  /** Tone frequency in Hz; `0` sends silence. @default 440 */
  frequency?: number;
  /** Tone volume 0–1. @default 0.3 */
  volume?: number;
  /** Video: while this returns `true` the track stays live and gives no frames (a frozen camera). */
  frozen?: () => boolean;
}

/**
 * Run `tick` every `ms` until the track ends. wrtc tracks fire no `ended` on `stop()` and their
 * `stop` cannot be wrapped, so the generator checks `readyState` on each tick.
 */
function generate(track: MediaStreamTrack, ms: number, tick: () => void): MediaStreamTrack {
  const timer = setInterval(() => {
    if (track.readyState === 'ended') clearInterval(timer);
    else tick();
  }, ms);
  return track;
}

/**
 * A synthetic video track in Node (wrtc `RTCVideoSource`): a moving gradient in I420 frames.
 * The generator stops when the track is stopped.
 */
export function createNodeVideoTrack(wrtc: WrtcWithSources, o: FakeTrackOptions & { screen?: boolean } = {}): MediaStreamTrack {
  const width = o.width ?? 160;
  const height = o.height ?? 120;
  const source = new wrtc.nonstandard.RTCVideoSource({ isScreencast: o.screen ?? false });
  const track = source.createTrack();
  const data = new Uint8Array(width * height * 1.5);
  let frame = 0;
  return generate(track, Math.round(1000 / (o.fps ?? 10)), () => {
    if (o.frozen?.()) return;
    frame += 1;
    const luma = width * height;
    for (let i = 0; i < luma; i++) data[i] = (i % width) + frame * 4;
    data.fill(128, luma);
    source.onFrame({ width, height, data });
  });
}

/** A synthetic audio track in Node (wrtc `RTCAudioSource`): a sine tone in 10 ms chunks at 48 kHz. */
export function createNodeAudioTrack(wrtc: WrtcWithSources, o: FakeTrackOptions = {}): MediaStreamTrack {
  const sampleRate = 48_000;
  const frames = sampleRate / 100;
  const source = new wrtc.nonstandard.RTCAudioSource();
  const track = source.createTrack();
  const samples = new Int16Array(frames);
  const amplitude = 32767 * (o.volume ?? 0.3);
  const frequency = o.frequency ?? 440;
  let t = 0;
  return generate(track, 10, () => {
    for (let i = 0; i < frames; i++) {
      samples[i] = frequency === 0 ? 0 : Math.round(amplitude * Math.sin((2 * Math.PI * frequency * t++) / sampleRate));
    }
    source.onData({ samples, sampleRate, bitsPerSample: 16, channelCount: 1, numberOfFrames: frames });
  });
}
