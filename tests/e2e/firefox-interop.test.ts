import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectFramesAdvancing,
  remoteTileNames,
  remoteTileOf,
  waitForDecodedFrame,
  waitForLiveAudio,
  type InPage,
} from '../support/call-probes';
import { launchChromium } from '../support/chromium';
import { launchFirefox, type FirefoxInstance } from '../support/firefox';
import { leaveFromFirefox, openFirefoxMeetingTab, type FirefoxMeetingTab } from '../support/firefox-meeting-page';
import { describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';
import { SIGNAL_TRACE_SCRIPT, describeConnections } from '../support/signal-trace';

/**
 * How long a tab may take to show another's first frame. Generous on purpose: on a loaded 2-core
 * host a tab that encodes for two peers can take seconds per offer/answer step, and a connection
 * that misses the 15 s connect timeout is rebuilt (see bench/connect/FIRST-CONNECT.md).
 */
const FIRST_FRAME_WAIT_MS = 45_000;

/** A participant's tab in either browser, as the probes see it. */
interface CallTab {
  name: string;
  page: InPage;
  errors: MeetingTab['errors'];
}

/** Every tab decodes video advancing and plays live audio from every other tab. */
async function expectFullMesh(tabs: readonly CallTab[]): Promise<void> {
  await Promise.all(
    tabs.flatMap((tab) =>
      tabs
        .filter((other) => other !== tab)
        .map(async (other) => {
          const video = `${remoteTileOf(other.name)} video`;
          try {
            await waitForDecodedFrame(tab.page, video, FIRST_FRAME_WAIT_MS);
            await expectFramesAdvancing(tab.page, video);
            await waitForLiveAudio(tab.page, video);
          } catch (error) {
            throw new Error(`${tab.name} ← ${other.name}: ${(error as Error).message}`);
          }
        }),
    ),
  );
  for (const tab of tabs) {
    const others = tabs.filter((other) => other !== tab).map((other) => other.name);
    await expect(remoteTileNames(tab.page)).resolves.toEqual(others.sort());
  }
}

/**
 * A new meeting's host link. Everyone here joins through it, so nobody waits in the waiting room:
 * these tests are about media between browsers (admission has its own, `session-flow.test.ts`).
 */
async function newMeetingUrl(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/meetings`, { method: 'POST' });
  return ((await response.json()) as { hostUrl: string }).hostUrl;
}

describe('quickstart: calls between Chromium and Firefox', () => {
  let server: QuickstartProcess;
  let chromium: Browser;
  let firefox: FirefoxInstance;
  const chromiumTabs: MeetingTab[] = [];
  const firefoxTabs: FirefoxMeetingTab[] = [];

  beforeAll(async () => {
    server = await startQuickstart();
    [chromium, firefox] = await Promise.all([launchChromium(), launchFirefox()]);
  });

  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
    await server?.stop();
  });

  // Every tab records its connections, so a failure says which side stalled and where.
  const traced = { initScript: SIGNAL_TRACE_SCRIPT };
  const failure = async (error: unknown, tabs: readonly CallTab[]) =>
    new Error(`${(error as Error).message}\n${describeTabs(tabs)}\n${await describeConnections(tabs)}`);

  const closeTabs = async () => {
    await Promise.all(chromiumTabs.splice(0).map((tab) => tab.context.close()));
    await Promise.all(firefoxTabs.splice(0).map((tab) => tab.context.close()));
  };

  it('a Chromium tab and a Firefox tab see and hear each other', async () => {
    const url = await newMeetingUrl(server.origin);
    chromiumTabs.push(await openMeetingTab(chromium, url, 'Therapist', traced));
    firefoxTabs.push(await openFirefoxMeetingTab(firefox.browser, url, 'Client', traced));
    const tabs: CallTab[] = [...chromiumTabs, ...firefoxTabs];
    try {
      await expectFullMesh(tabs);
    } catch (error) {
      throw await failure(error, tabs);
    }
    for (const tab of tabs) expect(tab.errors.pageErrors).toEqual([]);
    await closeTabs();
  });

  it('a three-party mesh of one Chromium and two Firefox tabs; a Firefox participant leaves', async () => {
    const url = await newMeetingUrl(server.origin);
    chromiumTabs.push(await openMeetingTab(chromium, url, 'Therapist', traced));
    firefoxTabs.push(await openFirefoxMeetingTab(firefox.browser, url, 'Client', traced));
    firefoxTabs.push(await openFirefoxMeetingTab(firefox.browser, url, 'Interpreter', traced));
    const tabs: CallTab[] = [...chromiumTabs, ...firefoxTabs];
    try {
      await expectFullMesh(tabs);

      const leaving = firefoxTabs[1]!;
      await leaveFromFirefox(leaving);
      const staying = tabs.filter((tab) => tab.name !== leaving.name);
      for (const tab of staying) {
        await expect
          .poll(() => remoteTileNames(tab.page), { timeout: 10_000 })
          .toEqual(staying.filter((other) => other !== tab).map((other) => other.name));
      }
      // The two who stay still see each other.
      const [therapist, client] = staying as [CallTab, CallTab];
      await expectFramesAdvancing(therapist.page, `${remoteTileOf(client.name)} video`);
      await expectFramesAdvancing(client.page, `${remoteTileOf(therapist.name)} video`);
    } catch (error) {
      throw await failure(error, tabs);
    }
    for (const tab of tabs) expect(tab.errors.pageErrors).toEqual([]);
    await closeTabs();
  });
});
