import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectVideoAdvancing, launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_VIDEO_SELECTOR, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
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
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist', { initScript: RECORD_PEER_CONNECTIONS_SCRIPT }));
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

      await therapist.page.getByRole('button', { name: 'Devices' }).click();
      await therapist.page.getByRole('region', { name: 'Devices' }).getByLabel('Camera').selectOption({ label: 'fake_device_2' });

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
});
