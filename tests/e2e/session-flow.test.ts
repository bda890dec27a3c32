import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { REMOTE_VIDEO_SELECTOR, createMeetingFromLanding, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { RECORD_PEER_CONNECTIONS_SCRIPT, sentAudioCodecs } from '../support/peer-connections';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

const peerConnectionCount = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __peerConnections?: unknown[] }).__peerConnections ?? []).length);

/** Opens a link and presses Join, without waiting to be in (the person may wait or be refused). */
async function knock(browser: Browser, url: string, name: string): Promise<MeetingTab> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(RECORD_PEER_CONNECTIONS_SCRIPT);
  const errors = collectPageErrors(page);
  await page.goto(url);
  await page.getByLabel('Your name').fill(name, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Join meeting' }).click();
  return { name, context, page, errors };
}

describe('quickstart: a therapy session in real Chromium (waiting room, admit, remove, lock, early arrival)', () => {
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    server = await startQuickstart();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.context.close()));
    await browser?.close();
    await server?.stop();
  });

  it('the client waits with no peer connection, the therapist admits, both see each other, then removes the client', async () => {
    const { url, hostUrl } = await createMeetingFromLanding(browser, server.origin);
    const therapist = await openMeetingTab(browser, hostUrl, 'Therapist', { initScript: RECORD_PEER_CONNECTIONS_SCRIPT });
    tabs.push(therapist);
    const client = await knock(browser, url, 'Client');
    tabs.push(client);

    // Waiting: the calm screen, and nothing of the room — not even a peer connection.
    await client.page.getByRole('region', { name: 'Your host will let you in soon' }).waitFor({ timeout: 20_000 });
    const knocking = therapist.page.getByRole('region', { name: 'Waiting to join' });
    await knocking.getByText('Client is waiting').waitFor({ timeout: 10_000 });
    expect(await peerConnectionCount(client.page)).toBe(0);
    expect(await peerConnectionCount(therapist.page)).toBe(0);

    await knocking.getByRole('button', { name: 'Admit Client' }).click();
    await client.page.locator('.mm-room[data-state="joined"]').waitFor({ timeout: 20_000 });
    try {
      const frames = await Promise.all([waitForRemoteVideoFrame(therapist.page, REMOTE_VIDEO_SELECTOR), waitForRemoteVideoFrame(client.page, REMOTE_VIDEO_SELECTOR)]);
      for (const frame of frames) expect(frame.videoWidth).toBeGreaterThan(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    expect(await peerConnectionCount(client.page)).toBeGreaterThan(0);
    // Both send their voice with redundancy (RED over Opus): one lost packet is rebuilt, not concealed.
    await expect.poll(() => sentAudioCodecs(therapist.page), { timeout: 10_000 }).toEqual(['red']);
    await expect.poll(() => sentAudioCodecs(client.page), { timeout: 10_000 }).toEqual(['red']);

    // Remove: after a confirmation; the client is told why and offered no way back in.
    await therapist.page.getByRole('button', { name: 'People' }).click();
    await therapist.page.locator('.mm-room__people li', { hasText: 'Client' }).getByRole('button', { name: 'Remove' }).click();
    await therapist.page.getByRole('alertdialog', { name: 'Remove Client from the session?' }).getByRole('button', { name: 'Remove' }).click();
    await client.page.getByRole('heading', { name: 'You were removed from this session' }).waitFor({ timeout: 10_000 });
    await client.page.getByRole('button', { name: 'Close' }).click();
    await client.page.locator('.mm-room[data-state="left"]').waitFor({ timeout: 10_000 });
    expect(await client.page.getByRole('button', { name: 'Rejoin' }).count()).toBe(0);

    // Lock: a new person is refused.
    await therapist.page.getByRole('button', { name: 'Lock session' }).click();
    await therapist.page.getByRole('button', { name: 'Unlock session' }).waitFor({ timeout: 10_000 });
    const late = await knock(browser, url, 'Family member');
    tabs.push(late);
    await late.page.getByRole('heading', { name: 'This session is locked' }).waitFor({ timeout: 20_000 });
    expect(await peerConnectionCount(late.page)).toBe(0);
  });

  it('a client an hour early sees when the session starts', async () => {
    const startsAt = Date.now() + 60 * 60_000;
    const created = (await (
      await fetch(`${server.origin}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ startsAt }) })
    ).json()) as { url: string };
    const early = await knock(browser, created.url, 'Client');
    tabs.push(early);
    await early.page.getByRole('heading', { name: 'This session has not started yet' }).waitFor({ timeout: 20_000 });
    const text = await early.page.locator('.mm-waiting--notice').innerText();
    expect(text).toMatch(/Starts|start/i);
    expect(await peerConnectionCount(early.page)).toBe(0);
  });
});
