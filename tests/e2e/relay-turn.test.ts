import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { startCoturn, type CoturnInstance } from '../support/coturn';
import { REMOTE_VIDEO_SELECTOR, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { RECORD_PEER_CONNECTIONS_SCRIPT, selectedCandidatePairs, type SelectedPair } from '../support/peer-connections';
import { startQuickstart, type QuickstartProcess } from '../support/quickstart';

describe('quickstart: relay-only call through a real coturn', () => {
  let turn: CoturnInstance;
  let server: QuickstartProcess;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    const secret = randomBytes(24).toString('base64url');
    turn = await startCoturn({ secret });
    // The server hands out time-limited HMAC credentials for this coturn (TURN REST API).
    server = await startQuickstart({ TURN_SERVER_URL: turn.url, TURN_SECRET: secret });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await turn?.stop();
  });

  it('serves HMAC TURN credentials and both sides select a relay candidate pair', async () => {
    const created = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { meetingId, url, hostUrl } = (await created.json()) as { meetingId: string; url: string; hostUrl: string };

    const session = await fetch(`${server.origin}/api/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingId, displayName: 'Probe' }),
    });
    const { token, userId } = (await session.json()) as { token: string; userId: string };
    const configResponse = await fetch(`${server.origin}/api/meetings/webrtc-config`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const config = (await configResponse.json()) as {
      iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }>;
    };
    // Exactly our TURN server: no STUN, nothing outside this machine.
    expect(config.iceServers).toHaveLength(1);
    expect([config.iceServers[0]?.urls].flat()).toEqual([turn.url]);
    expect(config.iceServers[0]?.username).toMatch(new RegExp(`^\\d+:${userId}$`));

    // `?relay=1` turns on the client's relayOnly option (iceTransportPolicy 'relay').
    const options = { query: 'relay=1', initScript: RECORD_PEER_CONNECTIONS_SCRIPT };
    tabs.push(await openMeetingTab(browser, hostUrl, 'Therapist', options));
    tabs.push(await openMeetingTab(browser, url, 'Client', { ...options, admitBy: tabs[0] }));

    try {
      await Promise.all(tabs.map((tab) => waitForRemoteVideoFrame(tab.page, REMOTE_VIDEO_SELECTOR, 30_000)));
      for (const tab of tabs) {
        let pairs: SelectedPair[] = [];
        for (let attempt = 0; attempt < 50 && pairs.length === 0; attempt += 1) {
          pairs = await selectedCandidatePairs(tab.page);
          if (pairs.length === 0) await tab.page.waitForTimeout(100);
        }
        expect(pairs, `${tab.name}: selected pairs`).toHaveLength(1);
        for (const pair of pairs) {
          expect(pair.iceTransportPolicy).toBe('relay');
          expect(pair.localCandidateType).toBe('relay');
          expect(pair.remoteCandidateType).toBe('relay');
          expect(pair.relayProtocol).toBe('udp');
          expect(pair.bytesReceived).toBeGreaterThan(0);
        }
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}\n--- coturn\n${turn.output().slice(-2000)}`);
    }
    for (const tab of tabs) expect(tab.errors.pageErrors).toEqual([]);
  });
});
