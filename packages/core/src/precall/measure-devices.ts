import type { PrecallReason } from './types';

/** Map a `getUserMedia` failure to a step reason. */
export function mediaFailureReason(error: unknown): PrecallReason {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') return 'permission-denied';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'device-busy';
  return 'no-device';
}

/** What the camera measurement saw. */
export interface CameraMeasurement {
  frames: number;
  frameRate: number;
  width: number;
  height: number;
  /** Mean luma (0–255) of a small copy of the last frame, `null` when it could not be read. */
  meanLuma: number | null;
}

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number };

/**
 * Play `track` in a detached, muted video element and count decoded frames over `windowMs`
 * (after the first frame, waited for at most `firstFrameTimeoutMs`).
 */
export async function measureCamera(track: MediaStreamTrack, doc: Document, windowMs: number, firstFrameTimeoutMs: number): Promise<CameraMeasurement> {
  const video = doc.createElement('video') as FrameVideo;
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  let frames = 0;
  let first = 0;
  let last = 0;
  let stopped = false;
  const onFrame = () => {
    if (stopped) return;
    const now = performance.now();
    if (frames === 0) first = now;
    frames += 1;
    last = now;
    video.requestVideoFrameCallback?.(onFrame);
  };
  try {
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(onFrame);
    await video.play().catch(() => undefined);
    const started = performance.now();
    let lastTime = -1;
    // Without rVFC (older browsers) an advancing currentTime stands in for frames.
    while (performance.now() - started < firstFrameTimeoutMs + windowMs) {
      await new Promise((r) => setTimeout(r, 50));
      if (!video.requestVideoFrameCallback && video.currentTime !== lastTime && video.videoWidth > 0) {
        lastTime = video.currentTime;
        onFrame();
      }
      if (frames === 0 && performance.now() - started >= firstFrameTimeoutMs) break;
      if (frames > 0 && performance.now() - first >= windowMs) break;
      if (track.readyState === 'ended') break;
    }
    const seconds = (last - first) / 1000;
    return {
      frames,
      frameRate: frames > 1 && seconds > 0 ? Math.round((frames - 1) / seconds) : 0,
      width: video.videoWidth,
      height: video.videoHeight,
      meanLuma: frames > 0 ? meanLuma(video, doc) : null,
    };
  } finally {
    stopped = true;
    video.pause();
    video.srcObject = null;
  }
}

function meanLuma(video: HTMLVideoElement, doc: Document): number | null {
  try {
    const canvas = doc.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, 16, 16);
    const { data } = ctx.getImageData(0, 0, 16, 16);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    return sum / (data.length / 4);
  } catch {
    return null;
  }
}

/**
 * Loudest RMS level of `track` over `windowMs`, read with a WebAudio analyser every 40 ms (its
 * 2 048-sample window covers the gap). `null` when audio cannot run here — an `AudioContext`
 * started without a user gesture stays suspended; start the check from a click.
 */
export async function measureMicrophone(track: MediaStreamTrack, Context: typeof AudioContext | undefined, windowMs: number): Promise<number | null> {
  if (!Context) return null;
  const context = new Context();
  try {
    if (context.state === 'suspended') await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 300))]);
    if (context.state !== 'running') return null;
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    source.connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    let loudest = 0;
    const started = performance.now();
    while (performance.now() - started < windowMs && track.readyState === 'live') {
      await new Promise((r) => setTimeout(r, 40));
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const v of buffer) sum += v * v;
      loudest = Math.max(loudest, Math.sqrt(sum / buffer.length));
    }
    source.disconnect();
    return loudest;
  } finally {
    void context.close().catch(() => undefined);
  }
}
