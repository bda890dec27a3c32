/**
 * Runs in Chromium for effects.test.ts (bundled with esbuild from the core's source): drives the
 * background and noise processors on Chromium's fake camera and microphone (the test's y4m and
 * wav files) and hands back frames and recordings for the test to measure.
 */
import { MeetingError } from '@mentara/meetings-core';
import {
  createBackgroundProcessor,
  createNoiseSuppressor,
  createProcessedTrack,
  type BackgroundProcessor,
  type BackgroundProcessorOptions,
} from '@mentara/meetings-core/effects';

const ASSETS = '/fx/';

/** A frame as the test reads it: size and base64 RGBA. */
export interface Grab {
  width: number;
  height: number;
  rgba: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toBase64(bytes: Uint8Array | Uint8ClampedArray): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** A playing <video> for `track`, reused per track. */
const videos = new Map<MediaStreamTrack, HTMLVideoElement>();
async function videoFor(track: MediaStreamTrack): Promise<HTMLVideoElement> {
  let video = videos.get(track);
  if (!video) {
    video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([track]);
    document.body.append(video);
    videos.set(track, video);
    await video.play();
  }
  return video;
}

/** Resolves after `count` new frames were presented on `track` (rejects after `timeoutMs`). */
async function frames(track: MediaStreamTrack, count: number, timeoutMs = 20_000): Promise<number> {
  const video = await videoFor(track);
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => reject(new Error(`only ${seen} of ${count} frames within ${timeoutMs} ms`)), timeoutMs);
    const next = () =>
      video.requestVideoFrameCallback(() => {
        seen += 1;
        if (seen >= count) {
          clearTimeout(timer);
          resolve(seen);
        } else next();
      });
    next();
  });
}

/** The next presented frame of `track`, read back as RGBA. */
async function grab(track: MediaStreamTrack): Promise<Grab> {
  await frames(track, 2);
  const video = await videoFor(track);
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [video.videoWidth, video.videoHeight];
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  return { width: canvas.width, height: canvas.height, rgba: toBase64(context.getImageData(0, 0, canvas.width, canvas.height).data) };
}

async function camera(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, frameRate: 30 } });
  return stream.getVideoTracks()[0]!;
}

/** Waits until the model has segmented a few frames of the current view. */
async function segmented(processor: BackgroundProcessor, more: number): Promise<void> {
  const target = processor.getStats().segmentations + more;
  for (let i = 0; i < 300 && processor.getStats().segmentations < target; i++) await sleep(100);
  if (processor.getStats().segmentations < target) throw new Error(`segmentation stalled at ${processor.getStats().segmentations}`);
}

/** Blur → none → blur → image on one running output; frames and facts at each step. */
async function backgroundScenario(pipeline: BackgroundProcessorOptions['pipeline']) {
  const raw = await camera();
  const processor = createBackgroundProcessor({ assetsUrl: ASSETS, effect: { mode: 'blur' }, pipeline });
  const output = await processor.start(raw);
  await segmented(processor, 3);
  const result: Record<string, unknown> = {
    pipeline: processor.pipeline,
    raw: await grab(raw),
    blur: await grab(output),
    rawSettings: raw.getSettings(),
  };
  await processor.setEffect({ mode: 'none' });
  result.none = await grab(output);
  result.framesAfterNone = await frames(output, 10);
  await processor.setEffect({ mode: 'blur' });
  await segmented(processor, 2);
  result.blurAgain = await grab(output);
  result.framesAfterBlur = await frames(output, 10);
  await processor.setEffect({ mode: 'image', image: '/background.png' });
  await segmented(processor, 2);
  result.image = await grab(output);
  result.sameOutput = processor.output === output;
  result.outputLive = output.readyState;
  result.stats = processor.getStats();
  processor.stop();
  result.outputAfterStop = output.readyState;
  result.rawAfterStop = raw.readyState;
  result.state = processor.state;
  raw.stop();
  return result;
}

/**
 * The canvas pipeline as in a hidden tab, where the browser runs no video-frame callbacks: they are
 * switched off for elements outside the document (the pipeline's own <video>) while the page's
 * measuring <video> keeps them. Frames of the output per second, over two seconds.
 */
async function hiddenCanvasScenario() {
  const proto = HTMLVideoElement.prototype;
  const original = proto.requestVideoFrameCallback;
  proto.requestVideoFrameCallback = function (this: HTMLVideoElement, callback: VideoFrameRequestCallback) {
    return this.isConnected ? original.call(this, callback) : 0;
  };
  const raw = await camera();
  const processor = createBackgroundProcessor({ assetsUrl: ASSETS, effect: { mode: 'blur' }, pipeline: 'canvas' });
  try {
    const output = await Promise.race([
      processor.start(raw),
      sleep(15_000).then(() => Promise.reject(new Error('the processor gave no output within 15 s'))),
    ]);
    await frames(output, 1, 10_000);
    const video = await videoFor(output);
    let presented = 0;
    const count = () => video.requestVideoFrameCallback(() => ((presented += 1), count()));
    count();
    await sleep(2_000);
    return { pipeline: processor.pipeline, framesPerSecond: presented / 2, segmentations: processor.getStats().segmentations };
  } finally {
    processor.stop();
    raw.stop();
    proto.requestVideoFrameCallback = original;
  }
}

/** The seam's fallback: a processor whose assets are missing leaves the raw track in place. */
async function fallbackScenario() {
  const raw = await camera();
  const changes: Array<string | null> = [];
  const errors: string[] = [];
  const slot = createProcessedTrack({
    onTrackChange: (track) => changes.push(track === raw ? 'raw' : track === null ? null : 'processed'),
    onError: (error) => errors.push(`${error instanceof MeetingError ? error.code : 'not a MeetingError'}: ${error.message}`),
  });
  await slot.setInput(raw);
  const broken = createBackgroundProcessor({ assetsUrl: '/missing/', effect: { mode: 'blur' } });
  await slot.setProcessor(broken);
  const afterBroken = slot.output === raw;
  const brokenState = broken.state;
  // Record the WebGL contexts the working processor creates, to lose them later as a GPU reset would.
  const contexts: WebGL2RenderingContext[] = [];
  const getContext = OffscreenCanvas.prototype.getContext;
  OffscreenCanvas.prototype.getContext = function (this: OffscreenCanvas, ...args: Parameters<typeof getContext>) {
    const context = getContext.apply(this, args);
    if (args[0] === 'webgl2' && context) contexts.push(context as WebGL2RenderingContext);
    return context;
  } as typeof getContext;
  const working = createBackgroundProcessor({ assetsUrl: ASSETS, effect: { mode: 'blur' } });
  try {
    await slot.setProcessor(working);
  } finally {
    OffscreenCanvas.prototype.getContext = getContext;
  }
  const processed = slot.output;
  await frames(processed!, 5);
  const workingState = working.state;
  // The GPU drops the context mid-call: the slot goes back to the raw camera and says why.
  for (const gl of contexts) gl.getExtension('WEBGL_lose_context')?.loseContext();
  for (let i = 0; i < 100 && slot.output !== raw; i++) await sleep(50);
  const afterLoss = slot.output === raw;
  const lostState = working.state;
  const processedEnded = processed?.readyState;
  await slot.setProcessor(null);
  const afterRemove = slot.output === raw;
  slot.dispose();
  raw.stop();
  return { changes, errors, afterBroken, brokenState, workingState, afterLoss, lostState, afterRemove, processedEnded, contexts: contexts.length };
}

/** Starts and stops processors `count` times (the test watches for leaked GL contexts). */
async function cyclesScenario(count: number) {
  const raw = await camera();
  for (let i = 0; i < count; i++) {
    const processor = createBackgroundProcessor({ assetsUrl: ASSETS, effect: { mode: 'blur' } });
    const output = await processor.start(raw);
    await frames(output, 2);
    processor.stop();
  }
  raw.stop();
  return { cycles: count };
}

/** Records `seconds` of each track at 48 kHz, sample-aligned (one context, one start). */
async function record(tracks: MediaStreamTrack[], seconds: number): Promise<string[]> {
  const context = new AudioContext({ sampleRate: 48_000 });
  await context.audioWorklet.addModule('/recorder-worklet.js');
  const sink = context.createGain();
  sink.gain.value = 0;
  sink.connect(context.destination);
  const chunks = tracks.map(() => [] as Float32Array[]);
  const nodes = tracks.map((track, i) => {
    const node = new AudioWorkletNode(context, 'recorder', { channelCount: 1, channelCountMode: 'explicit' });
    node.port.onmessage = (event) => chunks[i]!.push(event.data as Float32Array);
    context.createMediaStreamSource(new MediaStream([track])).connect(node);
    node.connect(sink);
    return node;
  });
  await context.resume();
  await sleep(seconds * 1000);
  nodes.forEach((n) => n.port.postMessage('stop'));
  await context.close();
  return chunks.map((list) => {
    const length = Math.min(...chunks.map((c) => c.length)) * 128;
    const all = new Float32Array(length);
    list.slice(0, length / 128).forEach((c, i) => all.set(c, i * 128));
    return toBase64(new Uint8Array(all.buffer));
  });
}

/** Raw and suppressed microphone side by side, then with suppression switched off. */
async function noiseScenario(seconds: number) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
  const raw = stream.getAudioTracks()[0]!;
  const suppressor = createNoiseSuppressor({ assetsUrl: ASSETS });
  const output = await suppressor.start(raw);
  const [rawOn, processedOn] = await record([raw, output], seconds);
  const active = suppressor.active;
  await suppressor.setMode('off');
  const [rawOff, processedOff] = await record([raw, output], 3);
  const sameOutput = suppressor.output === output;
  suppressor.stop();
  const result = { active, activeAfterOff: suppressor.active, sameOutput, outputAfterStop: output.readyState, rawAfterStop: raw.readyState, state: suppressor.state, rawOn, processedOn, rawOff, processedOff };
  raw.stop();
  return result;
}

/** Asks another origin for a file and a worklet module (both fail): the test's proxy must see them. */
async function canaryScenario() {
  await fetch('http://cdn.invalid.test/probe.wasm').catch(() => undefined);
  const context = new AudioContext();
  await context.audioWorklet.addModule('http://cdn.invalid.test/worklet.js').catch(() => undefined);
  await context.close();
  return true;
}

function expose<T>(name: string, run: (...args: never[]) => Promise<T>) {
  return (...args: never[]) =>
    run(...args).catch((error: unknown) => {
      throw new Error(`${name}: ${(error as Error)?.stack ?? String(error)}`);
    });
}

Object.assign(window, {
  __fx: {
    background: expose('background', backgroundScenario),
    fallback: expose('fallback', fallbackScenario),
    hiddenCanvas: expose('hiddenCanvas', hiddenCanvasScenario),
    cycles: expose('cycles', cyclesScenario),
    noise: expose('noise', noiseScenario),
    canary: expose('canary', canaryScenario),
  },
  __fxReady: true,
});
