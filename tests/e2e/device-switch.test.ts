import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectVideoAdvancing, launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_TILE_SELECTOR, REMOTE_VIDEO_SELECTOR, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { RECORD_PEER_CONNECTIONS_SCRIPT } from '../support/peer-connections';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

/** Label of the camera track shown in the local tile. */
const localCameraLabel = (page: Page) =>
  page.$eval('.mm-tile[data-local="true"][data-source="camera"] video', (video) => {
    const stream = (video as HTMLVideoElement).srcObject as MediaStream | null;
    return stream?.getVideoTracks()[0]?.label ?? null;
  });

/** Labels of the video tracks the page is sending on its peer connections. */
const sentVideoLabels = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [])
      .filter((pc) => pc.connectionState === 'connected')
      .flatMap((pc) => pc.getSenders())
      .filter((sender) => sender.track?.kind === 'video')
      .map((sender) => sender.track?.label ?? ''),
  );

/** How many camera captures the page asked for (counted by `COUNT_CAPTURES_SCRIPT`). */
const captureCount = (page: Page) => page.evaluate(() => (window as unknown as { __cameraCaptures?: number }).__cameraCaptures ?? 0);

/** Counts `getUserMedia` calls that ask for video. */
const COUNT_CAPTURES_SCRIPT = `(() => {
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  window.__cameraCaptures = 0;
  devices.getUserMedia = (constraints) => {
    if (constraints && constraints.video) window.__cameraCaptures += 1;
    return original(constraints);
  };
})();`;

/** The room's error notice: its code (`data-code`) and text, or `null` while there is none. */
const roomNotice = (page: Page) =>
  page.evaluate(() => {
    const alert = document.querySelector('.mm-room__notice [role="alert"]');
    return alert ? { code: alert.getAttribute('data-code'), text: alert.textContent } : null;
  });

/** What a camera tile shows: `data-camera` and its state line. */
const tileShows = (page: Page, selector: string) =>
  page.$eval(selector, (tile) => ({
    camera: tile.getAttribute('data-camera'),
    state: tile.querySelector('.mm-tile__state')?.textContent ?? null,
  }));

const LOCAL_TILE_SELECTOR = '.mm-tile[data-local="true"][data-source="camera"]';

/** Screenshots of the no-picture state, to look at. */
const OUT = join(process.cwd(), 'test-results', 'device-switch');

/**
 * Screenshots of `page` at desktop and phone sizes, light and dark, each checked for content
 * wider than the window (the notice must wrap, not push the room sideways).
 */
async function shootSizes(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  // The room itself, not a side panel (on a phone an open panel covers the call).
  for (const close of await page.locator('.mm-room__panel').getByRole('button', { name: /^Close/ }).all()) await close.click();
  await page.locator('.mm-room__panel').waitFor({ state: 'detached' });
  const before = page.viewportSize();
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
      await page.screenshot({ path: join(OUT, `${name}-${viewport.width}x${viewport.height}-${scheme}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${viewport.width}×${viewport.height}, ${scheme}`).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

/** Pick a camera in the Devices panel (opening it when closed). */
async function chooseCamera(page: Page, label: string) {
  const panel = page.getByRole('region', { name: 'Devices' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Devices' }).click();
  await panel.getByLabel('Camera').selectOption({ label });
}

/** Id of the remote camera track the page is showing. */
const remoteVideoTrackId = (page: Page) =>
  page.$eval(REMOTE_VIDEO_SELECTOR, (video) => {
    const stream = (video as HTMLVideoElement).srcObject as MediaStream | null;
    return stream?.getVideoTracks()[0]?.id ?? null;
  });

describe('quickstart: switching camera mid-call', () => {
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    server = await startQuickstart();
    // Three fake cameras: on Chromium 150 `fake_device_1` is a depth camera (16-bit Y16 frames),
    // which WebRTC refuses to send ("We cannot send frame with storage type … Y16"), so the call
    // switches to `fake_device_2`, an ordinary colour camera.
    browser = await launchChromium({ cameras: 3 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('replaces the sent track and the other side keeps receiving frames on the same track', async () => {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url, hostUrl } = (await response.json()) as { url: string; hostUrl: string };
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist', { initScript: `${RECORD_PEER_CONNECTIONS_SCRIPT}\n${COUNT_CAPTURES_SCRIPT}` }));
    tabs.push(await openMeetingTab(browser, url, 'Client', { admitBy: tabs[0] }));
    const [therapist, clientTab] = tabs as [MeetingTab, MeetingTab];

    try {
      await Promise.all([
        waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR),
        waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR),
      ]);
      expect(await localCameraLabel(therapist.page)).toBe('fake_device_0');
      await expect.poll(() => sentVideoLabels(therapist.page)).toEqual(['fake_device_0']);
      const trackBefore = await remoteVideoTrackId(clientTab.page);

      await chooseCamera(therapist.page, 'fake_device_2');

      await expect.poll(() => localCameraLabel(therapist.page), { timeout: 10_000 }).toBe('fake_device_2');
      await expect.poll(() => sentVideoLabels(therapist.page), { timeout: 10_000 }).toEqual(['fake_device_2']);
      // replaceTrack: same receiver track on the other side (no renegotiation), still decoding.
      await waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR);
      await expectVideoAdvancing(clientTab.page, REMOTE_VIDEO_SELECTOR);
      expect(await remoteVideoTrackId(clientTab.page)).toBe(trackBefore);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
    expect(clientTab.errors.pageErrors).toEqual([]);
  });

  it('tells both sides when the chosen camera gives the call no picture, and takes it back on a working one', async () => {
    const [therapist, clientTab] = tabs as [MeetingTab, MeetingTab];
    try {
      // The depth camera: the self view plays, but WebRTC gets no frame it can send.
      const capturesBefore = await captureCount(therapist.page);
      await chooseCamera(therapist.page, 'fake_device_1');
      await expect.poll(() => localCameraLabel(therapist.page), { timeout: 10_000 }).toBe('fake_device_1');
      // Told after the camera gave nothing for 4 s, was captured again once, and gave nothing for 4 s more.
      await expect
        .poll(() => roomNotice(therapist.page), { timeout: 30_000 })
        .toEqual({ code: 'camera-stalled', text: expect.stringContaining('Choose another camera') });
      expect(await tileShows(therapist.page, LOCAL_TILE_SELECTOR)).toEqual({ camera: 'on', state: 'No picture from camera' });
      // The switch, and one capture again of the same camera: not a loop.
      expect((await captureCount(therapist.page)) - capturesBefore).toBe(2);
      // The other side is told over the connection: initials instead of a still frame, and why.
      await expect.poll(() => tileShows(clientTab.page, REMOTE_TILE_SELECTOR), { timeout: 10_000 }).toEqual({ camera: 'off', state: 'No picture from camera' });
      await shootSizes(therapist.page, 'camera-stalled-own');
      await shootSizes(clientTab.page, 'camera-stalled-theirs');

      await chooseCamera(therapist.page, 'fake_device_0');
      await expect.poll(() => roomNotice(therapist.page), { timeout: 10_000 }).toBeNull();
      expect(await tileShows(therapist.page, LOCAL_TILE_SELECTOR)).toEqual({ camera: 'on', state: null });
      await expect.poll(() => tileShows(clientTab.page, REMOTE_TILE_SELECTOR), { timeout: 10_000 }).toEqual({ camera: 'on', state: null });
      await expectVideoAdvancing(clientTab.page, REMOTE_VIDEO_SELECTOR);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
    expect(clientTab.errors.pageErrors).toEqual([]);
  });
});
