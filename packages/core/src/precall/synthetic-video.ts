/**
 * A moving test pattern from a canvas, for the relay-path test when no camera is available: the
 * bandwidth estimate only ramps up while video is sent.
 */
export function syntheticVideoTrack(doc: Document): { track: MediaStreamTrack; stop(): void } | null {
  const canvas = doc.createElement('canvas') as HTMLCanvasElement & { captureStream?: (fps: number) => MediaStream };
  if (!canvas.captureStream) return null;
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const track = canvas.captureStream(30).getVideoTracks()[0];
  if (!track) return null;
  let frame = 0;
  // Changing content every frame, so the encoder has something to send.
  const timer = setInterval(() => {
    frame += 1;
    for (let i = 0; i < 12; i += 1) {
      ctx.fillStyle = `hsl(${(frame * 7 + i * 30) % 360} 70% 50%)`;
      ctx.fillRect(((frame * 13 + i * 53) % 600), ((frame * 7 + i * 31) % 330), 40, 30);
    }
  }, 33);
  return {
    track,
    stop() {
      clearInterval(timer);
      track.stop();
    },
  };
}
