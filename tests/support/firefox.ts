import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Path of the system Firefox ESR; override with `FIREFOX_PATH`. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Preferences every Firefox test uses (on top of the ones puppeteer writes to keep Firefox quiet:
 * no updates, telemetry or safe-browsing traffic).
 *
 * - `media.navigator.streams.fake`: a synthetic camera and microphone (Firefox's counterpart of
 *   Chromium's `--use-fake-device-for-media-stream`).
 * - `media.navigator.permission.disabled`, `permissions.default.camera`,
 *   `permissions.default.microphone`: grant capture without a prompt. They matter for ICE too:
 *   without a capture permission Firefox hides host addresses behind mDNS names, which nothing
 *   resolves on a loopback-only network, so no usable candidate would be gathered.
 * - `media.peerconnection.ice.loopback`: gather 127.0.0.1 / ::1 candidates (Firefox skips
 *   loopback interfaces by default; the test network has nothing else).
 */
export const FIREFOX_PREFS: Readonly<Record<string, boolean | number | string>> = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  'media.peerconnection.ice.loopback': true,
};

/** A Firefox driven over WebDriver BiDi, with its own throw-away profile. */
export interface FirefoxInstance {
  browser: Browser;
  /** PID of the main Firefox process (content processes are its children). */
  pid: number;
  /** The fresh profile directory, removed by `close()`. */
  profileDir: string;
  /** Closes the browser (killed by PID if it does not exit in time) and removes the profile. */
  close(): Promise<void>;
}

/** Options of {@link launchFirefox}. */
export interface LaunchFirefoxOptions {
  /** More preferences, merged over {@link FIREFOX_PREFS}. */
  prefs?: Record<string, boolean | number | string>;
}

const CLOSE_GRACE_MS = 5_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Launches the system Firefox ESR headless with {@link FIREFOX_PREFS} and a fresh profile, driven
 * by puppeteer-core over WebDriver BiDi (Firefox has no CDP; playwright-core needs its own patched
 * Firefox build, which the system one is not).
 *
 * @example
 * const firefox = await launchFirefox();
 * try {
 *   const page = await (await firefox.browser.createBrowserContext()).newPage();
 * } finally {
 *   await firefox.close();
 * }
 */
export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxInstance> {
  const profileDir = await mkdtemp(join(tmpdir(), 'mentara-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...options.prefs },
      // Our own teardown below ends the process; puppeteer's signal handlers would kill it early.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const pid = browser.process()?.pid;
  if (pid === undefined) {
    await browser.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true });
    throw new Error('Firefox started without a process id');
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // A BiDi session can hang while closing a browser with live peer connections: bounded.
      await Promise.race([browser.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS))]);
      if (!(await waitForExit(pid, 1_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, CLOSE_GRACE_MS);
      }
      await rm(profileDir, { recursive: true, force: true });
    })());

  return { browser, pid, profileDir, close };
}
