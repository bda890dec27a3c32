/**
 * Runs in Chromium for session-effects.test.ts: the React package's `<SelfPreview>` and
 * `<BackgroundEffectPicker>` on a real meeting client (not joined: the lobby preview), the camera
 * being Chromium's fake camera playing the test's person-in-a-room file. Bundled with code
 * splitting, so the effects entry arrives as a chunk of its own when the picker is used.
 */
import { createRoot } from 'react-dom/client';
import { BackgroundEffectPicker, MeetingProvider, SelfPreview, createMeetingClient } from '@mentara/meetings';

const params = new URLSearchParams(location.search);
const client = createMeetingClient({ serverUrl: location.origin, meetingId: 'lobby-only' });

function toBase64(bytes: Uint8ClampedArray): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The preview's picture after `count` more frames: what the person sees of themselves (and what is sent). */
async function grab(count = 12): Promise<{ width: number; height: number; rgba: string }> {
  const video = document.querySelector<HTMLVideoElement>('.mm-preview video')!;
  await new Promise<void>((resolve) => {
    let seen = 0;
    const next = () => video.requestVideoFrameCallback(() => (++seen >= count ? resolve() : next()));
    next();
  });
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  return { width: canvas.width, height: canvas.height, rgba: toBase64(context.getImageData(0, 0, canvas.width, canvas.height).data) };
}

declare global {
  interface Window {
    __session: { processor: () => string | null; error: () => string | null; grab: typeof grab };
  }
}

window.__session = {
  processor: () => client.getSnapshot().media.camera.processor,
  error: () => client.getSnapshot().error?.code ?? null,
  grab,
};

await client.camera.enable();
const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(
  <div className="mm-root" style={{ width: 640 }}>
    <MeetingProvider client={client} join={false}>
      <SelfPreview />
      <BackgroundEffectPicker assetsUrl={params.get('assets') ?? '/fx/'} />
    </MeetingProvider>
  </div>,
);
