import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startQuickstartServer, type QuickstartServer } from '../../examples/quickstart/src/server/create-quickstart-server';
import { expectVideoAdvancing, launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import {
  REMOTE_TILE_SELECTOR,
  REMOTE_VIDEO_SELECTOR,
  describeTabs,
  openMeetingTab,
  readConnectionStates,
  recordConnectionStates,
  type MeetingTab,
} from '../support/meeting-page';

/** Polls `check` every 100 ms until it returns a value, or fails after `timeoutMs`. */
async function waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('quickstart: reconnect after the signalling connection drops', () => {
  let server: QuickstartServer;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    // In-process, so the test can cut one browser's socket from the server side.
    server = await startQuickstartServer({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const socketOf = (name: string) =>
    [...server.meetings.namespace.sockets.values()].find((socket) => socket.data.session?.displayName === name);

  it('rejoins on its own and media flows both ways again', async () => {
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url, hostUrl } = (await response.json()) as { url: string; hostUrl: string };
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist'));
    tabs.push(await openMeetingTab(browser, url, 'Client', { admitBy: tabs[0] }));
    const [therapist, clientTab] = tabs as [MeetingTab, MeetingTab];

    try {
      await Promise.all([
        waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR),
        waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR),
      ]);
      await recordConnectionStates(therapist.page);

      // Drop Therapist's transport as a network failure would (not a clean leave).
      const before = await waitUntil(() => socketOf('Therapist'), 5_000, "Therapist's socket");
      before.conn.close();

      const after = await waitUntil(
        () => {
          const socket = socketOf('Therapist');
          return socket && socket.id !== before.id ? socket : undefined;
        },
        20_000,
        'Therapist to rejoin on a new socket',
      );
      expect(after.id).not.toBe(before.id);

      await therapist.page.locator('.mm-room .mm-status[data-state="connected"]').waitFor({ state: 'attached', timeout: 20_000 });
      const states = await readConnectionStates(therapist.page);
      expect(states).toContain('reconnecting');
      expect(states[states.length - 1]).toBe('connected');

      // Media resumes: one remote tile each (no ghost of the old session), frames advancing.
      await Promise.all([
        waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR, 20_000),
        waitForRemoteVideoFrame(clientTab.page, REMOTE_VIDEO_SELECTOR, 20_000),
      ]);
      await expectVideoAdvancing(therapist.page, REMOTE_VIDEO_SELECTOR);
      await expectVideoAdvancing(clientTab.page, REMOTE_VIDEO_SELECTOR);
      await expect(therapist.page.locator(REMOTE_TILE_SELECTOR).count()).resolves.toBe(1);
      await expect(clientTab.page.locator(REMOTE_TILE_SELECTOR).count()).resolves.toBe(1);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
    expect(clientTab.errors.pageErrors).toEqual([]);
  });
});
