import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import {
  REMOTE_TILE_SELECTOR,
  REMOTE_VIDEO_SELECTOR,
  createMeetingFromLanding,
  describeTabs,
  openMeetingTab,
  type MeetingTab,
} from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

describe('quickstart: two-party call in real Chromium', () => {
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    server = await startQuickstart();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a meeting link, connects two tabs with video both ways, and shows a leave', async () => {
    const meetingUrl = await createMeetingFromLanding(browser, server.origin);
    const port = new URL(server.origin).port;
    // FRONTEND_URL defaults to http://localhost:$PORT; the link follows the deployment guide's format.
    expect(meetingUrl).toMatch(new RegExp(`^http://localhost:${port}/meeting/[0-9a-f-]{36}$`));

    tabs.push(await openMeetingTab(browser, meetingUrl, 'Therapist'));
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Client'));
    const [therapist, clientTab] = tabs as [MeetingTab, MeetingTab];

    try {
      const frames = await Promise.all([
        waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR),
        waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR),
      ]);
      for (const frame of frames) expect(frame.videoWidth).toBeGreaterThan(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    // A working call shows no error to either person (e.g. ICE settings that failed to load).
    await expect(therapist.page.locator('.mm-room .mm-error').allTextContents()).resolves.toEqual([]);
    await expect(clientTab.page.locator('.mm-room .mm-error').allTextContents()).resolves.toEqual([]);
    // Each tab's remote tile is the other person.
    await expect(therapist.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Client');
    await expect(clientTab.page.locator(REMOTE_TILE_SELECTOR).getAttribute('aria-label')).resolves.toBe('Therapist');

    await clientTab.page.getByRole('button', { name: 'Leave' }).click();
    // Leave asks first: one stray click never ends a call.
    await clientTab.page.getByRole('dialog', { name: 'Leave the meeting?' }).getByRole('button', { name: 'Leave meeting' }).click();
    await clientTab.page.locator('.mm-room[data-state="left"]').waitFor({ timeout: 10_000 });
    // The one who stays sees the tile go (the participant-left event removed them).
    await therapist.page.locator(REMOTE_TILE_SELECTOR).waitFor({ state: 'detached', timeout: 10_000 });
    await expect(therapist.page.locator('.mm-tile').count()).resolves.toBe(1);
    // …and screen readers hear it.
    await therapist.page.locator('.mm-root [aria-live="polite"]', { hasText: 'Client left' }).waitFor({ state: 'attached', timeout: 5_000 });

    expect(therapist.errors.pageErrors).toEqual([]);
    expect(clientTab.errors.pageErrors).toEqual([]);
  });
});
