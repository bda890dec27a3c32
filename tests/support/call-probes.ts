import { WAIT_FOR_FRAME_SOURCE, type DecodedFrameInfo } from './chromium';

/**
 * A page of any driver: playwright-core (Chromium) and puppeteer-core (Firefox over WebDriver
 * BiDi) both evaluate a string as an expression in the page and await the promise it returns.
 * The probes below are plain JavaScript strings for that reason (and so no TypeScript loader
 * helper ends up serialised into the page).
 */
export interface InPage {
  evaluate(expression: string): Promise<unknown>;
}

const js = (value: unknown) => JSON.stringify(value);

/** Selector of the remote camera tile of `name` (its `aria-label` is the display name). */
export const remoteTileOf = (name: string) => `.mm-tile[data-local="false"][data-source="camera"][aria-label=${js(name)}]`;

/**
 * Waits for an element matching `selector` to show a freshly decoded frame of a live, unmuted
 * track (the same waiter as `waitForRemoteVideoFrame`, for any driver). A layout change (someone
 * joined or left) may put the tile's video in a new element meanwhile: the wait runs in slices of
 * at most 2 s and looks the element up again for each, so it follows the tile, not a detached
 * element that will never play again.
 */
export async function waitForDecodedFrame(page: InPage, selector: string, timeoutMs = 15_000): Promise<DecodedFrameInfo> {
  return (await page.evaluate(`(async () => {
    const deadline = Date.now() + ${timeoutMs};
    const waitForFrame = ${WAIT_FOR_FRAME_SOURCE};
    let lastError = new Error('no element ' + ${js(selector)} + ' within ${timeoutMs} ms');
    while (Date.now() < deadline) {
      const element = document.querySelector(${js(selector)});
      if (!element) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      try {
        return await waitForFrame(element, Math.max(200, Math.min(2000, deadline - Date.now())));
      } catch (error) {
        lastError = error;
        if (!(error instanceof Error) || !error.message.startsWith('no decoded frame')) throw error;
      }
    }
    throw new Error(String(lastError.message).replace(/within \\d+ ms/, 'within ${timeoutMs} ms'));
  })()`)) as DecodedFrameInfo;
}

/**
 * Asserts frames keep coming: over `windowMs` the video's `currentTime` advances while its track
 * is live and unmuted with a real size (a stalled or placeholder stream fails this).
 */
export async function expectFramesAdvancing(page: InPage, selector: string, windowMs = 1_500): Promise<void> {
  // A layout change (someone left: grid → spotlight) may put the tile's video in a new element
  // during the window; the old one is then detached. Measure again on the current element (up to
  // three windows): the frames must flow, whichever element shows them.
  let result = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    result = (await page.evaluate(`(async () => {
      const video = document.querySelector(${js(selector)});
      if (!(video instanceof HTMLVideoElement)) return 'no <video> for ' + ${js(selector)};
      const start = video.currentTime;
      const shown = video.srcObject;
      await new Promise((resolve) => setTimeout(resolve, ${windowMs}));
      // A new element, a new stream on the same element, or a change of the stream's tracks: the
      // element's clock starts again (currentTime drops), so measure again.
      if (!video.isConnected || video.srcObject !== shown || video.currentTime < start) return 'replaced';
      const track = video.srcObject && video.srcObject.getVideoTracks()[0];
      const live = !!track && track.readyState === 'live' && !track.muted;
      if (live && video.videoWidth >= 16 && video.currentTime > start) return 'ok';
      return 'not advancing: live=' + live + ' width=' + video.videoWidth + ' currentTime ' + start + ' -> ' + video.currentTime;
    })()`)) as string;
    if (result !== 'replaced') break;
  }
  if (result !== 'ok') throw new Error(`${selector}: ${result} within ${windowMs} ms`);
}

/** The audio tracks of the stream a video element shows: `live`/`ended`, muted or not. */
export interface AudioTrackState {
  readyState: string;
  muted: boolean;
}

/** Audio tracks of the stream shown by the `<video>` matching `selector`. */
export async function audioTracksOf(page: InPage, selector: string): Promise<AudioTrackState[]> {
  return (await page.evaluate(`(() => {
    const video = document.querySelector(${js(selector)});
    const stream = video && video.srcObject;
    if (!stream || typeof stream.getAudioTracks !== 'function') return [];
    return stream.getAudioTracks().map((track) => ({ readyState: track.readyState, muted: track.muted }));
  })()`)) as AudioTrackState[];
}

/**
 * Waits until the stream shown by `selector` carries exactly one audio track that is live and
 * unmuted (a remote track unmutes once RTP arrives).
 */
export async function waitForLiveAudio(page: InPage, selector: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: AudioTrackState[] = [];
  while (Date.now() < deadline) {
    last = await audioTracksOf(page, selector);
    if (last.length === 1 && last[0]!.readyState === 'live' && !last[0]!.muted) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${selector}: no live, unmuted audio track within ${timeoutMs} ms (${js(last)})`);
}

/** Display names of the remote camera tiles on the page, sorted. */
export async function remoteTileNames(page: InPage): Promise<string[]> {
  const names = (await page.evaluate(
    `[...document.querySelectorAll('.mm-tile[data-local="false"][data-source="camera"]')].map((tile) => tile.getAttribute('aria-label'))`,
  )) as string[];
  return names.sort();
}
