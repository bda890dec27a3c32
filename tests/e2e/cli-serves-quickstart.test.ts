import { spawn, type ChildProcess } from 'node:child_process';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { WEB_DIST_DIR } from '../../examples/quickstart/src/server/web-build';
import { launchChromium, waitForRemoteVideoFrame } from '../support/chromium';
import { freeLoopbackPort } from '../support/free-port';
import { REMOTE_VIDEO_SELECTOR, createMeetingFromLanding, describeTabs, openMeetingTab, type MeetingTab } from '../support/meeting-page';
import { REPO_ROOT } from '../support/quickstart';

// Users without a Node backend: the package's CLI, configured by environment variables alone,
// serves the quickstart web app and its meetings. Development mode (anonymous joins), no STUN.
// It runs exactly the command the quickstart README documents, from the repository root:
// `npx @mentara/meetings-server` must find the workspace package and its bin, which runs the
// CLI from source (no package build needed). npm is offline, so a registry lookup would fail
// here instead of fetching a package.
describe('mentara-meetings-server CLI serving the quickstart web app', () => {
  let cli: ChildProcess;
  let origin: string;
  let browser: Browser;
  const tabs: MeetingTab[] = [];

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    origin = `http://127.0.0.1:${port}`;
    cli = spawn('npx', ['@mentara/meetings-server'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        npm_config_offline: 'true',
        MEETINGS_ALLOW_ANONYMOUS: 'true',
        STATIC_DIR: relative(REPO_ROOT, WEB_DIST_DIR),
        STUN_SERVER_URL: 'none',
        PORT: String(port),
        HOST: '127.0.0.1',
        FRONTEND_URL: origin,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npx runs the bin in a child shell, and the group is stopped whole.
      detached: true,
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the CLI did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('meetings server listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      cli.stdout?.on('data', onData);
      cli.stderr?.on('data', onData);
      cli.once('exit', (code) => reject(new Error(`the CLI exited with ${code}:\n${output}`)));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all(tabs.map((tab) => tab.context.close()));
    await browser?.close();
    if (cli?.pid !== undefined && cli.exitCode === null) {
      const exited = new Promise((resolve) => cli.once('exit', resolve));
      process.kill(-cli.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
  });

  it('creates a meeting from the landing page and connects two tabs with video both ways', async () => {
    const { url: meetingUrl } = await createMeetingFromLanding(browser, origin);
    expect(meetingUrl).toMatch(new RegExp(`^${origin}/meeting/[0-9a-f-]{36}$`));
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Therapist'));
    tabs.push(await openMeetingTab(browser, meetingUrl, 'Client'));
    try {
      const frames = await Promise.all(tabs.map((tab) => waitForRemoteVideoFrame(tab.page, REMOTE_VIDEO_SELECTOR)));
      for (const frame of frames) expect(frame.videoWidth).toBeGreaterThan(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${describeTabs(tabs)}`);
    }
    for (const tab of tabs) expect(tab.errors.pageErrors).toEqual([]);
  });
});
