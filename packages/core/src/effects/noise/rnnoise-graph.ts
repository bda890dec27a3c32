import { MeetingError } from '../../errors/meeting-error';
import { effectAssetUrl } from '../assets/manifest';
import { hasWasmSimd } from '../support';

/** Name the RNNoise worklet module registers its processor under. */
const PROCESSOR = '@sapphi-red/web-noise-suppressor/rnnoise';
/** RNNoise works on 48 kHz audio in 480-sample frames. */
const SAMPLE_RATE = 48_000;
const RESUME_TIMEOUT_MS = 2_000;

/** An audio graph: microphone → (RNNoise or nothing) → one output track. */
export interface RnnoiseGraph {
  readonly output: MediaStreamTrack;
  /** Read from `track` from now on (first start, or a switched microphone). */
  setInput(track: MediaStreamTrack): void;
  /** Route through RNNoise (`true`) or straight through (`false`), on the same output. */
  setSuppressing(on: boolean): void;
  /** Disconnect, free the worklet's wasm memory, close the AudioContext, end the output. */
  close(): void;
}

/** Fetches the RNNoise wasm (SIMD build where supported) and checks it is one. */
export async function loadRnnoiseWasm(assetsUrl: string): Promise<ArrayBuffer> {
  const url = effectAssetUrl(assetsUrl, hasWasmSimd() ? 'rnnoise_simd.wasm' : 'rnnoise.wasm');
  const response = await fetch(url);
  const bytes = response.ok ? await response.arrayBuffer() : null;
  // A server answering unknown paths with its app page returns 200 and HTML: check the bytes.
  if (!bytes || !WebAssembly.validate(bytes)) throw new MeetingError('media-failed', `noise suppression: no RNNoise wasm at ${url}: serve the effect assets there`);
  return bytes;
}

/**
 * Builds the graph in a 48 kHz AudioContext with the RNNoise AudioWorklet (module from
 * `assetsUrl`). Rejects with `media-failed` when the worklet does not load or the context cannot
 * run (a page that had no user gesture yet): sending silence would be worse than no suppression.
 */
export async function createRnnoiseGraph(assetsUrl: string, wasm: ArrayBuffer, onFailure: (error: MeetingError) => void): Promise<RnnoiseGraph> {
  const context = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: 'interactive' });
  try {
    await context.audioWorklet.addModule(effectAssetUrl(assetsUrl, 'rnnoise-worklet.js'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([context.resume(), new Promise((resolve) => (timer = setTimeout(resolve, RESUME_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (context.state !== 'running') throw new MeetingError('media-failed', 'noise suppression: audio processing is not allowed before the user interacts with the page');
  } catch (error) {
    void context.close();
    throw error instanceof MeetingError ? error : new MeetingError('media-failed', `noise suppression: RNNoise worklet did not load: ${String((error as Error)?.message ?? error)}`, { cause: error });
  }
  const rnnoise = new AudioWorkletNode(context, PROCESSOR, {
    processorOptions: { maxChannels: 1, wasmBinary: wasm },
    channelCount: 1,
    channelCountMode: 'explicit',
    outputChannelCount: [1],
  });
  const destination = context.createMediaStreamDestination();
  destination.channelCount = 1;
  rnnoise.connect(destination);
  let source: MediaStreamAudioSourceNode | null = null;
  let suppressing = true;
  let closed = false;

  const wire = () => {
    if (!source) return;
    source.disconnect();
    source.connect(suppressing ? rnnoise : destination);
  };
  rnnoise.addEventListener('processorerror', () => onFailure(new MeetingError('media-failed', 'noise suppression: the RNNoise processor crashed')));
  // A context the system suspends (another app took the audio device) carries silence: resume it.
  context.addEventListener('statechange', () => {
    if (closed) return;
    if (context.state === 'suspended') void context.resume();
    else if (context.state === 'closed') onFailure(new MeetingError('media-failed', 'noise suppression: the audio context closed'));
  });

  return {
    output: destination.stream.getAudioTracks()[0]!,
    setInput(track) {
      source?.disconnect();
      source = context.createMediaStreamSource(new MediaStream([track]));
      wire();
    },
    setSuppressing(on) {
      suppressing = on;
      wire();
    },
    close() {
      if (closed) return;
      closed = true;
      source?.disconnect();
      rnnoise.disconnect();
      // Frees the RNNoise state inside the worklet before the context goes away.
      rnnoise.port.postMessage('destroy');
      destination.stream.getTracks().forEach((t) => t.stop());
      void context.close();
    },
  };
}
