/**
 * Runs in Chromium for bench/effects/run.ts: starts one variant on the fake camera or
 * microphone, counts the frames a preview shows, and reports the processor's own timings.
 */
import { createBackgroundProcessor, createNoiseSuppressor, type BackgroundProcessor, type NoiseSuppressor } from '@mentara/meetings-core/effects';

export type VideoVariant = 'raw' | 'passthrough' | 'blur' | 'blur-canvas' | 'image';
let stopCurrent: (() => Record<string, unknown>) | null = null;
/** Restarts the counters on a warm pipeline. */
let markCurrent: (() => void) | null = null;

async function startVideo(variant: VideoVariant) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
  const raw = stream.getVideoTracks()[0]!;
  let processor: BackgroundProcessor | null = null;
  let output = raw;
  if (variant !== 'raw') {
    const effect = variant === 'passthrough' ? { mode: 'none' as const } : variant === 'image' ? { mode: 'image' as const, image: '/background.png' } : { mode: 'blur' as const };
    processor = createBackgroundProcessor({ assetsUrl: '/fx/', effect, pipeline: variant === 'blur-canvas' ? 'canvas' : 'auto' });
    output = await processor.start(raw);
  }
  // The consumer is a preview <video>, as in a call.
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([output]);
  document.body.append(video);
  await video.play();
  let frames = 0;
  let counting = true;
  const count = () => {
    frames += 1;
    if (counting) video.requestVideoFrameCallback(count);
  };
  video.requestVideoFrameCallback(count);
  let started = performance.now();
  let before = processor?.getStats();
  markCurrent = () => {
    [frames, started, before] = [0, performance.now(), processor?.getStats()];
  };
  stopCurrent = () => {
    counting = false;
    const seconds = (performance.now() - started) / 1000;
    const after = processor?.getStats();
    // Counters of the window only: totals now minus totals at the mark.
    const stats = after && before && {
      frames: after.frames - before.frames,
      segmentations: after.segmentations - before.segmentations,
      segmentationMs: after.segmentations - before.segmentations > 0 ? (after.segmentationMs * after.segmentations - before.segmentationMs * before.segmentations) / (after.segmentations - before.segmentations) : 0,
      compositeMs: after.frames - before.frames > 0 ? (after.compositeMs * after.frames - before.compositeMs * before.frames) / (after.frames - before.frames) : 0,
    };
    const result = { frames, seconds, width: video.videoWidth, height: video.videoHeight, stats };
    processor?.stop();
    raw.stop();
    video.remove();
    return result;
  };
}

async function startAudio(mode: 'off' | 'rnnoise') {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
  const raw = stream.getAudioTracks()[0]!;
  const suppressor: NoiseSuppressor = createNoiseSuppressor({ assetsUrl: '/fx/', mode });
  const output = await suppressor.start(raw);
  // The consumer: an audio element playing the output (muted), as a sender would pull it.
  const audio = new Audio();
  audio.muted = true;
  audio.srcObject = new MediaStream([output]);
  await audio.play();
  let started = performance.now();
  markCurrent = () => {
    started = performance.now();
  };
  stopCurrent = () => {
    const result = { seconds: (performance.now() - started) / 1000, active: suppressor.active };
    suppressor.stop();
    raw.stop();
    audio.srcObject = null;
    return result;
  };
}

Object.assign(window, {
  __bench: {
    startVideo,
    startAudio,
    mark: async () => markCurrent?.(),
    stop: async () => stopCurrent?.(),
  },
  __benchReady: true,
});
