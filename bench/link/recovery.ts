// `npm run bench:recovery` — how long a call takes to get its media back after its path was
// cut: an ICE restart on the same connection (the client's default) against a full rebuild
// (`peerReconnection: { iceRestart: false }`), in Node (@roamhq/wrtc clients against the real
// server) and in Chromium (two pages), both relay-only through coturn and the link shaper.
//
// One run: a two-party call; block the media path (100 % loss both ways on both links); wait
// until a side starts recovering (its peer state turns `reconnecting`: the ICE restart, or the
// rebuild's backoff); restore the path at once; time until media flows again on both sides.
// Printed per variant: detection (block → recovering), recovery (restore → media on both
// sides), outage (block → media) and connections created — medians and every run, with the
// 1-minute load average. In Node only media crosses the shaper (signalling is direct); in
// Chromium the page's signalling crosses the same cut link, as at home.
//
// Flags: --runs=N (default 3)  --only=node,chromium  --json=<file>
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import type { MeetingClient } from '../../packages/core/src/client/types';
import type { PeerTransport } from '../../packages/core/src/peers/transport';
import { bytesReceived, recordingTransports, startRelayPath } from '../../packages/core/src/test-support/relay-path';
import { createNodeClient, startTestServer } from '../../packages/core/src/test-support/server-harness';
import { launchChromium } from '../../tests/support/chromium';
import { LINK_PRESETS } from '../../tests/support/link-shaper/index';
import type { LinkJoin } from './page-types';
import { startLinkServers } from './servers';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(flag('runs') ?? 3);
const only = (flag('only') ?? 'node,chromium').split(',');
const VARIANTS = [
  { name: 'ICE restart', iceRestart: true },
  { name: 'full rebuild', iceRestart: false },
] as const;
const STEP_TIMEOUT_MS = 90_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | null> | T | null, everyMs = 100): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await sleep(everyMs);
  }
  throw new Error(`${what} within ${STEP_TIMEOUT_MS / 1000} s`);
}

/** One measured run, ms. */
interface Run {
  detectMs: number;
  recoverMs: number;
  outageMs: number;
  connections: number;
  load: number;
}

// ---- Node: wrtc clients against the real server, media through the shaper
async function nodeRun(meetingId: string, iceRestart: boolean): Promise<Run> {
  const server = await startTestServer();
  const path = await startRelayPath();
  const sides: Array<{ client: MeetingClient; made: PeerTransport[]; block(loss: number): void }> = [];
  try {
    for (const name of ['Therapist', 'Client']) {
      const { link, iceServers } = await path.endpoint(`${meetingId}-${name}`);
      const transports = recordingTransports();
      const { client } = createNodeClient(server.url, name, {
        iceServers, relayOnly: true, peerTransport: transports.factory, peerReconnection: { iceRestart },
      });
      sides.push({ client, made: transports.made, block: (loss) => link.set({ loss }) });
    }
    for (const s of sides) await s.client.join(meetingId);
    const flowing = async () => {
      const before = await Promise.all(sides.map((s) => bytesReceived(s.made.at(-1))));
      await sleep(100);
      const after = await Promise.all(sides.map((s) => bytesReceived(s.made.at(-1))));
      return after.every((b, i) => b > before[i]!) && sides.every((s) => s.client.getSnapshot().remoteParticipants[0]?.peerState === 'connected') ? true : null;
    };
    await until('connected', flowing);
    await sleep(2_000);
    const reconnecting = () => (sides.some((s) => s.client.getSnapshot().remoteParticipants[0]?.peerState === 'reconnecting') ? true : null);
    const made = sides.map((s) => s.made.length);
    const blocked = Date.now();
    sides.forEach((s) => s.block(1));
    await until('recovering', reconnecting, 20);
    const restored = Date.now();
    sides.forEach((s) => s.block(0));
    await until('media back', flowing, 0);
    const back = Date.now();
    return {
      detectMs: restored - blocked, recoverMs: back - restored, outageMs: back - blocked,
      connections: sides.reduce((n, s, i) => n + s.made.length - made[i]!, 0), load: loadavg()[0]!,
    };
  } finally {
    for (const s of sides) s.client.destroy();
    await path.close();
    await server.close();
  }
}

// ---- Chromium: two pages of the bench (ours bundled from the sources), page and media through the shaper
async function chromiumRun(browser: Browser, servers: Awaited<ReturnType<typeof startLinkServers>>, meetingId: string, iceRestart: boolean): Promise<Run> {
  const links = await Promise.all(['therapist', 'client'].map((n) => servers.shaper.addEndpoint(`${meetingId}-${n}`, LINK_PRESETS.good)));
  const contexts = await Promise.all(links.map(() => browser.newContext()));
  try {
    const pages: Page[] = [];
    for (const [i, link] of links.entries()) {
      const page = await contexts[i]!.newPage();
      await page.goto(`${link.origin}/ours.html`);
      await page.waitForFunction(() => typeof window.linkBench === 'object');
      const join: LinkJoin = { meetingId, turn: servers.turnServer(link.turnUrl), iceRestart };
      await page.evaluate((j) => window.linkBench.join(j), join);
      pages.push(page);
    }
    await Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.firstFrame())));
    // Connected (data channel open too), not only decoding media.
    await until('connected', async () => {
      const states = await Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.applied().peerStates.at(-1) ?? '')));
      return states.every((s) => s.endsWith(' connected')) ? true : null;
    });
    await sleep(3_000);
    const connections = () => Promise.all(pages.map((p) => p.evaluate(() => window.linkMetrics.connections())));
    const before = await connections();
    const blocked = Date.now();
    links.forEach((l) => l.set({ loss: 1 }));
    await until('recovering', async () => {
      const states = await Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.applied().peerStates.at(-1) ?? '')));
      return states.some((s) => s.endsWith('reconnecting')) ? true : null;
    }, 50);
    const restored = Date.now();
    links.forEach((l) => l.set(LINK_PRESETS.good));
    // Media is back when both pages decoded a frame sent after the restore.
    const back = await until('media back', async () => {
      const firsts = await Promise.all(pages.map((p) => p.evaluate((t) => window.linkMetrics.frameTimes().find((f) => f > t + 200) ?? null, restored)));
      return firsts.every((f) => f !== null) ? Math.max(...(firsts as number[])) : null;
    }, 100);
    const after = await connections();
    return {
      detectMs: restored - blocked, recoverMs: back - restored, outageMs: back - blocked,
      connections: after.reduce((n, c, i) => n + c - before[i]!, 0), load: loadavg()[0]!,
    };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(1);
const results: Record<string, Record<string, Run[]>> = {};
const errors: string[] = [];

async function measure(stack: string, run: (variant: (typeof VARIANTS)[number], i: number) => Promise<Run>) {
  results[stack] = {};
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate which variant goes first, so neither always gets the warmer machine.
    for (const variant of i % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      console.log(`… ${stack} / ${variant.name} / run ${i + 1}`);
      try {
        (results[stack]![variant.name] ??= []).push(await run(variant, i));
      } catch (error) {
        errors.push(`${stack} / ${variant.name} / run ${i + 1}: ${(error as Error).message}`);
      }
    }
  }
}

const started = Date.now();
if (only.includes('node')) {
  await measure('Node (wrtc)', (v, i) => nodeRun(`recovery-node-${v.iceRestart ? 'restart' : 'rebuild'}-${i}-${Date.now()}`, v.iceRestart));
}
if (only.includes('chromium')) {
  const servers = await startLinkServers();
  const browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    await measure('Chromium', (v, i) => chromiumRun(browser, servers, `recovery-chromium-${v.iceRestart ? 'restart' : 'rebuild'}-${i}-${Date.now()}`, v.iceRestart));
  } finally {
    await browser.close();
    await servers.close();
  }
}

console.log('\nRecovery after the media path was cut (100 % loss both ways) and restored as soon as a side started recovering.');
console.log('detection: cut → a side recovering; recovery: restored → media on both sides; outage: cut → media. Medians (s), then every run. Load = 1-minute load average (2 cores).\n');
console.log('| stack | variant | runs | detection (s) | recovery (s) | outage (s) | new connections | every run: recovery (s) / load |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [stack, byVariant] of Object.entries(results)) {
  for (const [variant, runs] of Object.entries(byVariant)) {
    console.log(
      `| ${stack} | ${variant} | ${runs.length} | ${sec(median(runs.map((r) => r.detectMs)))} | ${sec(median(runs.map((r) => r.recoverMs)))} | ` +
        `${sec(median(runs.map((r) => r.outageMs)))} | ${median(runs.map((r) => r.connections))} | ${runs.map((r) => `${sec(r.recoverMs)} / ${r.load.toFixed(1)}`).join(', ')} |`,
    );
  }
}
for (const e of errors) console.log(`failed: ${e}`);
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
const json = flag('json');
if (json) writeFileSync(json, JSON.stringify({ at: new Date().toISOString(), results, errors }, null, 2));
process.exit(0);
