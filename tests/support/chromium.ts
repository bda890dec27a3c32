import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

/** Path of the system Chromium; override with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags every browser test uses: headless, no outbound traffic of Chromium's own, fake camera
 * and microphone with auto-accepted permission prompts, and loopback ICE candidates (without
 * `--allow-loopback-in-peer-connection` ICE gathers zero candidates on a loopback-only host).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/** Options of {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /**
   * Number of fake cameras (`fake_device_0`, `fake_device_1`, …), for device-switch tests.
   * @default 1
   */
  cameras?: number;
  /** More Chromium flags. */
  extraArgs?: readonly string[];
  /** Passed to Playwright (executable path, headless and args are always ours). */
  launch?: LaunchOptions;
}

/**
 * Launches the system Chromium with {@link CHROMIUM_ARGS}. Screen share needs nothing more:
 * with the fake UI and fake devices, `getDisplayMedia` (after a click) returns a 1280×720 fake
 * screen (`displaySurface: 'monitor'`) — verified on Chromium 156.
 */
export function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const cameras = options.cameras ?? 1;
  const args = CHROMIUM_ARGS.map((flag) =>
    flag === '--use-fake-device-for-media-stream' && cameras !== 1 ? `${flag}=device-count=${cameras}` : flag,
  );
  return chromium.launch({
    ...options.launch,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...args, ...(options.extraArgs ?? [])],
  });
}

/** Errors a page reported: uncaught exceptions and `console.error` lines. */
export interface PageErrors {
  /** Uncaught exceptions and unhandled rejections (`pageerror`). */
  readonly pageErrors: string[];
  /** `console.error(...)` messages. */
  readonly consoleErrors: string[];
  /** Every console line, `[type] text`, for diagnostics when a test fails. */
  readonly log: string[];
}

/**
 * Starts collecting a page's errors. Read the returned arrays at any time; they keep filling
 * until the page closes.
 */
export function collectPageErrors(page: Page): PageErrors {
  const collected: PageErrors = { pageErrors: [], consoleErrors: [], log: [] };
  page.on('pageerror', (error) => {
    collected.pageErrors.push(String(error.stack ?? error.message ?? error));
    collected.log.push(`[pageerror] ${error.message}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    collected.log.push(`[${message.type()}] ${text}`);
    if (message.type() === 'error') collected.consoleErrors.push(text);
  });
  return collected;
}

/** What {@link waitForRemoteVideoFrame} observed on the video element. */
export interface DecodedFrameInfo {
  videoWidth: number;
  videoHeight: number;
  /** `'rvfc'`: a requestVideoFrameCallback fired; `'time'`: currentTime advanced with a size. */
  evidence: 'rvfc' | 'time';
  /** `presentedFrames` from the callback metadata, when the callback fired. */
  presentedFrames: number | null;
}

/**
 * In-page frame waiter, kept as plain JavaScript source: TypeScript loaders that rename
 * functions (`__name(...)` helpers) would otherwise break it once serialised into the page.
 * Resolves with a {@link DecodedFrameInfo}, rejects with the element's state after `timeout`.
 * Exported for other drivers (Firefox over puppeteer, see `call-probes.ts`).
 */
export const WAIT_FOR_FRAME_SOURCE = `(video, timeout) => new Promise((resolve, reject) => {
  if (!(video instanceof HTMLVideoElement)) {
    reject(new Error('element is a <' + video.tagName.toLowerCase() + '>, not a <video>'));
    return;
  }
  let done = false;
  let poll = 0;
  let timer = 0;
  const startTime = video.currentTime;
  // An ended track leaves a 2×2 placeholder frame behind: only count frames of a live, unmuted
  // track (a remote track unmutes when RTP arrives) with a real size.
  const live = (width) => {
    const stream = video.srcObject;
    const track = stream && typeof stream.getVideoTracks === 'function' ? stream.getVideoTracks()[0] : undefined;
    return width >= 16 && track !== undefined && track.readyState === 'live' && !track.muted;
  };
  const trackState = () => {
    const stream = video.srcObject;
    const track = stream && typeof stream.getVideoTracks === 'function' ? stream.getVideoTracks()[0] : undefined;
    return track === undefined ? 'none' : track.readyState + (track.muted ? ' muted' : ' unmuted');
  };
  const finish = (info) => {
    if (done) return;
    done = true;
    clearInterval(poll);
    clearTimeout(timer);
    if (info instanceof Error) reject(info); else resolve(info);
  };
  timer = setTimeout(() => finish(new Error('no decoded frame within ' + timeout + ' ms (videoWidth=' + video.videoWidth +
    ', readyState=' + video.readyState + ', currentTime=' + video.currentTime + ', hasSrcObject=' +
    (video.srcObject !== null) + ', paused=' + video.paused + ', track=' + trackState() + ')')), timeout);
  // Both signals: rvfc is precise, the time check covers pipelines that do not run callbacks.
  poll = setInterval(() => {
    if (live(video.videoWidth) && video.currentTime > startTime) {
      finish({ videoWidth: video.videoWidth, videoHeight: video.videoHeight, evidence: 'time', presentedFrames: null });
    }
  }, 100);
  if (typeof video.requestVideoFrameCallback === 'function') {
    const onFrame = (now, metadata) => {
      if (live(metadata.width)) {
        finish({ videoWidth: metadata.width, videoHeight: metadata.height, evidence: 'rvfc', presentedFrames: metadata.presentedFrames });
      } else if (!done) {
        video.requestVideoFrameCallback(onFrame);
      }
    };
    video.requestVideoFrameCallback(onFrame);
  }
})`;

/**
 * Waits until the first element matching `selector` shows a freshly decoded frame:
 * a `requestVideoFrameCallback` fires for a new frame, or `videoWidth > 0` while `currentTime`
 * advances — in both cases from a live, unmuted track. Resolves with what it saw; rejects after
 * `timeoutMs`.
 */
export async function waitForRemoteVideoFrame(
  page: Page,
  selector: string,
  timeoutMs = 15_000,
): Promise<DecodedFrameInfo> {
  const started = Date.now();
  const handle = await page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs });
  try {
    // A real function object whose source is the string above, so no loader rewrites it.
    const waitForFrame = new Function(`return ${WAIT_FOR_FRAME_SOURCE}`)() as (
      video: Element,
      timeout: number,
    ) => Promise<DecodedFrameInfo>;
    return await handle.evaluate(waitForFrame, Math.max(1_000, timeoutMs - (Date.now() - started)));
  } finally {
    await handle.dispose();
  }
}

/**
 * Asserts frames keep arriving on a video element: its track is live and unmuted and
 * `currentTime` advances over `windowMs`. Used after a track change or reconnect to prove the
 * remote side still receives media.
 */
export async function expectVideoAdvancing(page: Page, selector: string, windowMs = 1_500): Promise<void> {
  const advanced = await page.$eval(
    selector,
    (element, windowLength) =>
      new Promise<boolean>((resolve) => {
        const video = element as HTMLVideoElement;
        const start = video.currentTime;
        setTimeout(() => {
          const track = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
          const live = track?.readyState === 'live' && !track.muted;
          resolve(live && video.videoWidth >= 16 && video.currentTime > start);
        }, windowLength);
      }),
    windowMs,
  );
  if (!advanced) throw new Error(`video ${selector} did not advance within ${windowMs} ms`);
}
