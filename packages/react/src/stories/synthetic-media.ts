/**
 * Synthetic camera streams for stories: a calm gradient with the person's initials, drawn on a
 * canvas and captured as a MediaStream — no camera, no server. `null` where canvas capture is
 * unavailable (tests, SSR).
 */
const PALETTE = ['#7fa99b', '#a3b8c8', '#c8b6a6', '#9fb7a0', '#b8a9c9', '#d4b483'];

const cache = new Map<string, MediaStream | null>();

/** One shared stream per name, so switching stories does not pile up canvases. */
export function syntheticStream(name: string): MediaStream | null {
  if (!cache.has(name)) cache.set(name, createStream(name));
  return cache.get(name) ?? null;
}

function createStream(name: string): MediaStream | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  if (typeof canvas.captureStream !== 'function') return null;
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const hue = PALETTE[[...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % PALETTE.length] ?? '#7fa99b';
  let frame = 0;
  const draw = () => {
    frame += 1;
    const gradient = ctx.createLinearGradient(0, 0, 640, 360);
    gradient.addColorStop(0, hue);
    gradient.addColorStop(1, '#2c3532');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 640, 360);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.beginPath();
    ctx.arc(320, 150 + Math.sin(frame / 20) * 4, 60, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#2c3532';
    ctx.font = '600 48px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(name.slice(0, 2).toUpperCase(), 320, 150 + Math.sin(frame / 20) * 4);
  };
  draw();
  setInterval(draw, 100);
  return canvas.captureStream(10);
}
