import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectFramesAdvancing, remoteTileNames, remoteTileOf } from '../support/call-probes';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { freeLoopbackPort } from '../support/free-port';
import {
  REMOTE_VIDEO_SELECTOR,
  createMeetingFromLanding,
  describeTabs,
  openMeetingTab,
  readConnectionStates,
  recordConnectionStates,
  type MeetingTab,
} from '../support/meeting-page';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

/** Kills a process by its id as a crash would (no goodbye to anyone) and waits until it is gone. */
async function crash(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`process ${pid} still alive after SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a person sees of the room: its state, the connection notice and the controls that are disabled. */
function roomView(page: Page) {
  return page.evaluate(() => ({
    room: document.querySelector('.mm-room')?.getAttribute('data-state') ?? 'none',
    status: document.querySelector('.mm-room .mm-status')?.getAttribute('data-state') ?? 'none',
    notice: document.querySelector('.mm-room .mm-status')?.textContent ?? '',
    disabled: [...document.querySelectorAll('.mm-room button:disabled')].map((b) => b.textContent ?? ''),
    text: document.body.innerText,
  }));
}

/**
 * What each suite here shares: a Chromium, a state folder for the quickstart, and the servers and
 * tabs it started — all closed or removed after the suite. Read the fields inside tests only.
 */
function outageFixture(prefix: string) {
  const fixture = { browser: undefined as unknown as Browser, dir: '', servers: [] as QuickstartProcess[], tabs: [] as MeetingTab[] };
  beforeAll(async () => {
    fixture.dir = mkdtempSync(join(tmpdir(), prefix));
    fixture.browser = await launchChromium();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    for (const server of fixture.servers) await server.stop().catch(() => undefined);
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}

describe('quickstart: the signalling server restarts mid-call', () => {
  const fixture = outageFixture('server-restart-');
  const { servers, tabs } = fixture;

  it('both tabs say they are reconnecting, then recover by themselves: same meeting, same people, video both ways', async () => {
    const port = await freeLoopbackPort();
    const env = { PORT: String(port), QUICKSTART_STATE_FILE: join(fixture.dir, 'dev-state.json') };
    const first = await startQuickstart(env);
    servers.push(first);
    const { url, hostUrl } = await createMeetingFromLanding(fixture.browser, first.origin);
    tabs.push(await openMeetingTab(fixture.browser, hostUrl, 'Therapist'));
    tabs.push(await openMeetingTab(fixture.browser, url, 'Client', { admitBy: tabs[0] }));
    const [therapist, client] = tabs as [MeetingTab, MeetingTab];
    const pages = [therapist.page, client.page];

    try {
      await Promise.all(pages.map((page) => waitForRemoteVideoFrame(page, REMOTE_VIDEO_SELECTOR, 20_000)));
      const meetingPath = await Promise.all(pages.map((page) => page.evaluate(() => location.pathname)));
      await Promise.all(pages.map((page) => recordConnectionStates(page)));
      // Disabled while connected too (e.g. Send with an empty draft): the outage must disable nothing more.
      const disabledBefore = await Promise.all(pages.map(async (page) => (await roomView(page)).disabled));

      await crash(first.pid);
      // Both say so, and nothing the person can press is dead: only the state notice changes.
      await Promise.all(pages.map((page) => page.locator('.mm-room .mm-status[data-state="reconnecting"]').waitFor({ state: 'attached', timeout: 30_000 })));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      for (const [i, page] of pages.entries()) {
        const view = await roomView(page);
        expect(view.room).toBe('joined');
        expect(view.status).toBe('reconnecting');
        expect(view.notice).toMatch(/reconnecting/i);
        expect(view.disabled).toEqual(disabledBefore[i]);
      }

      const second = await startQuickstart(env);
      servers.push(second);
      const back = Date.now();
      const rosterAt = await Promise.all(
        [
          [therapist.page, 'Client'],
          [client.page, 'Therapist'],
        ].map(async ([page, other]) => {
          const p = page as Page;
          await p.locator('.mm-room .mm-status[data-state="connected"]').waitFor({ state: 'attached', timeout: 45_000 });
          await p.locator(remoteTileOf(other as string)).waitFor({ state: 'attached', timeout: 45_000 });
          return Date.now();
        }),
      );
      await Promise.all(pages.map((page) => waitForRemoteVideoFrame(page, REMOTE_VIDEO_SELECTOR, 45_000)));
      await Promise.all(pages.map((page) => expectFramesAdvancing(page, REMOTE_VIDEO_SELECTOR)));
      const framesAt = Date.now();
      console.log(
        `server restart: rosters complete ${Math.max(...rosterAt) - back} ms after the server was back, ` +
          `frames advancing both ways after ${framesAt - back} ms`,
      );

      // The same meeting, without a reload, each person once, and nobody sent to the waiting room or asked to sign in.
      expect(await Promise.all(pages.map((page) => page.evaluate(() => location.pathname)))).toEqual(meetingPath);
      expect(await remoteTileNames(therapist.page)).toEqual(['Client']);
      expect(await remoteTileNames(client.page)).toEqual(['Therapist']);
      for (const page of pages) {
        const view = await roomView(page);
        expect(view.room).toBe('joined');
        expect(view.text).not.toMatch(/sign-in|sign in again|let you in soon/i);
        const states = await readConnectionStates(page);
        expect(states).toContain('reconnecting');
        expect(states).not.toContain('failed');
        expect(states.at(-1)).toBe('connected');
      }
    } catch (error) {
      const seen = await Promise.all(pages.map((page) => roomView(page).then((v) => `${v.room}/${v.status}: ${v.text.slice(0, 400)}`, () => '')));
      throw new Error(`${(error as Error).message}\n${seen.join('\n')}\n${describeTabs(tabs)}\n--- server\n${servers.map((s) => s.output()).join('\n')}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
    expect(client.errors.pageErrors).toEqual([]);
  });
});

describe('quickstart: someone leaves while the signalling server is down', () => {
  const fixture = outageFixture('server-down-leave-');
  const { servers, tabs } = fixture;

  /** A call of the therapist and one person, then the server dies. */
  async function callThenOutage(name: string) {
    const server = await startQuickstart({ QUICKSTART_STATE_FILE: join(fixture.dir, `${name}.json`) });
    servers.push(server);
    const { url, hostUrl } = await createMeetingFromLanding(fixture.browser, server.origin);
    const therapist = await openMeetingTab(fixture.browser, hostUrl, 'Therapist');
    tabs.push(therapist);
    const other = await openMeetingTab(fixture.browser, url, name, { admitBy: therapist });
    tabs.push(other);
    await Promise.all([therapist.page, other.page].map((page) => waitForRemoteVideoFrame(page, REMOTE_VIDEO_SELECTOR, 20_000)));
    await crash(server.pid);
    await Promise.all(
      [therapist.page, other.page].map((page) => page.locator('.mm-room .mm-status[data-state="reconnecting"]').waitFor({ state: 'attached', timeout: 30_000 })),
    );
    return { therapist, other };
  }

  it('a tab closed normally says goodbye over the peer link: its tile goes at once', async () => {
    const { therapist, other } = await callThenOutage('Client');
    try {
      await other.context.close();
      // The outage bound is 20 s and ICE takes seconds to notice: only the goodbye explains this.
      await therapist.page.locator(remoteTileOf('Client')).waitFor({ state: 'detached', timeout: 5_000 });
      expect(await roomView(therapist.page)).toMatchObject({ room: 'joined', status: 'reconnecting' });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
  });

  it('a tab that vanishes shows as reconnecting, then its tile goes within the bound', async () => {
    const { therapist, other } = await callThenOutage('Interpreter');
    const tile = therapist.page.locator(remoteTileOf('Interpreter'));
    try {
      // The renderer dies: no pagehide, no goodbye, no close of the peer connection.
      const cdp = await other.context.newCDPSession(other.page);
      // Its answer never comes (the page is gone), so it is not awaited.
      void cdp.send('Page.crash').catch(() => undefined);
      const crashedAt = Date.now();
      await therapist.page.locator(`${remoteTileOf('Interpreter')}[data-state="reconnecting"]`).waitFor({ state: 'attached', timeout: 30_000 });
      const reconnectingAt = Date.now();
      // The bound (20 s from the link counting as lost) plus room for a busy machine.
      await tile.waitFor({ state: 'detached', timeout: 40_000 });
      console.log(
        `vanished during an outage: tile reconnecting after ${reconnectingAt - crashedAt} ms, gone after ${Date.now() - crashedAt} ms`,
      );
      expect(await roomView(therapist.page)).toMatchObject({ room: 'joined' });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(therapist.errors.pageErrors).toEqual([]);
  });
});
