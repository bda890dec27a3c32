import type { FakeTrackOptions } from './fake-tracks-node';

/**
 * A synthetic video track in a browser: a canvas with a moving bar and a label, captured with
 * `canvas.captureStream()`. The animation stops when the track is stopped.
 */
export function createBrowserVideoTrack(o: FakeTrackOptions & { label?: string; color?: string } = {}): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = o.width ?? 320;
  canvas.height = o.height ?? 240;
  const ctx = canvas.getContext('2d');
  const stream = (canvas as HTMLCanvasElement & { captureStream(fps?: number): MediaStream }).captureStream(o.fps ?? 15);
  const [track] = stream.getVideoTracks();
  if (!track || !ctx) throw new Error('canvas.captureStream is not available');
  let x = 0;
  const timer = setInterval(() => {
    if (o.frozen?.()) return;
    x = (x + 4) % canvas.width;
    ctx.fillStyle = o.color ?? '#2f4f4f';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = 'rgba(255,255,255,0.6)';
    ctx.fillRect(x, 0, 12, canvas.height);
    ctx.font = '20px sans-serif';
    ctx.fillText(o.label ?? 'Test video', 12, canvas.height - 16);
  }, Math.round(1000 / (o.fps ?? 15)));
  track.addEventListener('ended', () => clearInterval(timer));
  const stop = track.stop.bind(track);
  track.stop = () => {
    clearInterval(timer);
    stop();
  };
  return track;
}

/**
 * A synthetic audio track in a browser: a WebAudio oscillator into a `MediaStreamAudioDestinationNode`.
 * Under the autoplay policy the AudioContext may start suspended, so the track is silent until
 * the page had a user gesture (or Chromium runs with `--autoplay-policy=no-user-gesture-required`).
 */
export function createBrowserAudioTrack(o: FakeTrackOptions = {}): MediaStreamTrack {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) throw new Error('AudioContext is not available');
  const ctx = new Ctx();
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.frequency.value = o.frequency ?? 440;
  gain.gain.value = o.volume ?? 0.05;
  const destination = ctx.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  void ctx.resume().catch(() => {});
  const [track] = destination.stream.getAudioTracks();
  if (!track) throw new Error('WebAudio produced no track');
  const stop = track.stop.bind(track);
  track.stop = () => {
    oscillator.stop();
    void ctx.close();
    stop();
  };
  return track;
}
