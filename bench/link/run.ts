// `npm run bench:link` — how a call holds up on a weak home link, ours against a raw
// RTCPeerConnection page in the same run. Two Chromium pages (therapist on a good link, client
// on the shaped one) meet through a real coturn; each page's TURN URL and its page/signalling
// origin lead through its own endpoint of the user-space link shaper (tests/support/link-shaper),
// so media and signalling of the client cross the same shaped queue.
//
// Per shape and variant: join under the shape, measure a window (received audio concealment,
// video freezes, encoder reconfigurations, quality-bucket changes), then a deep-queue episode
// (cross traffic at 3× the link rate — someone at home downloading and uploading — fills the
// client's 10 s router buffer for 10 s) and the longest media gap until 30 s after it stopped. The 1-minute load average is printed beside each figure.
//
// Flags: --shapes=good,poor,harsh  --variants=ours,raw  --measure=s (default 40)  --quick
// (20 s windows)  --no-deep-queue  --json=<file>  --verbose (the shadow policy's level changes). Ours is bundled from the core sources, so the
// same command measures the code as it is after each change.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/chromium';
import { LINK_PRESETS, type LinkPresetName } from '../../tests/support/link-shaper/index';
import { appliedFigures, longestGap, windowFigures, type AppliedFigures, type PageReading, type WindowFigures } from './metrics';
import type { LinkJoin } from './page-types';
import { startLinkServers } from './servers';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const shapes = (flag('shapes') ?? 'good,poor,harsh').split(',') as LinkPresetName[];
for (const s of shapes) if (!(s in LINK_PRESETS)) throw new Error(`unknown shape ${s}; known: ${Object.keys(LINK_PRESETS).join(', ')}`);
const variants = (flag('variants') ?? 'ours,raw').split(',');
for (const v of variants) if (v !== 'ours' && v !== 'raw') throw new Error(`unknown variant ${v}`);
const MEASURE_MS = Number(flag('measure') ?? (quick ? 20 : 40)) * 1000;
const DEEP_QUEUE = !args.includes('--no-deep-queue');
const EPISODE_MS = 10_000;
const RECOVERY_MS = quick ? 20_000 : 30_000;
const CONNECT_TIMEOUT_MS = 60_000;

// ---- servers: coturn, the pages + Socket.IO, the shaper in front of both
const servers = await startLinkServers();
const { shaper } = servers;
const turnServer = (url: string) => servers.turnServer(url);

async function read(page: Page): Promise<PageReading> {
  return page.evaluate(() => ({
    at: Date.now(),
    counters: window.linkMetrics.counters(),
    setParameters: window.linkMetrics.setParametersCalls(),
    connections: window.linkMetrics.connections(),
    qualityChanges: window.linkBench.qualityChanges().length,
    frameTimes: window.linkMetrics.frameTimes(),
  }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`${what} within ${ms / 1000} s`)))]);

/** One page's results in one scenario. */
interface PageResult {
  page: 'therapist' | 'client';
  window: WindowFigures | null;
  loadWindow: number;
  gapMs: number | null;
  rebuiltInEpisode: number | null;
  loadEpisode: number | null;
  /** The shadow policy over the episode and its recovery. */
  episode: WindowFigures | null;
  /** Ours: what the client applied to its own video in the window, and over the episode. */
  applied: AppliedFigures | null;
  appliedEpisode: AppliedFigures | null;
}
interface ScenarioResult {
  shape: LinkPresetName;
  variant: string;
  error: string | null;
  pages: PageResult[];
}

async function scenario(browser: Browser, variant: string, shape: LinkPresetName): Promise<ScenarioResult> {
  const links = {
    therapist: await shaper.addEndpoint(`therapist-${variant}-${shape}`, LINK_PRESETS.good),
    client: await shaper.addEndpoint(`client-${variant}-${shape}`, LINK_PRESETS.good),
  };
  const names = ['therapist', 'client'] as const;
  const contexts = await Promise.all(names.map(() => browser.newContext()));
  try {
    // Pages load on a good link (a 150 kbit/s link would take longer to load the page than to call).
    const pages = await Promise.all(names.map(async (name, i) => {
      const page = await contexts[i]!.newPage();
      await page.goto(`${links[name].origin}/${variant}.html`);
      await page.waitForFunction(() => typeof window.linkBench === 'object');
      return page;
    }));
    links.client.set(LINK_PRESETS[shape]);
    const meetingId = `link-${variant}-${shape}-${Date.now()}`;
    for (const [i, name] of names.entries()) {
      const join: LinkJoin = { meetingId, turn: turnServer(links[name].turnUrl) };
      await withTimeout(pages[i]!.evaluate((j) => window.linkBench.join(j), join), CONNECT_TIMEOUT_MS, `${name} did not join`);
    }
    await withTimeout(Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.firstFrame()))), CONNECT_TIMEOUT_MS, 'no remote frame on both pages');
    await sleep(3_000);
    const start = await Promise.all(pages.map(read));
    await sleep(MEASURE_MS);
    const end = await Promise.all(pages.map(read));
    const loadWindow = loadavg()[0]!;
    const sent = () => Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.applied().sending)));
    const sentWindow = await sent();
    const results: PageResult[] = names.map((page, i) => ({
      page, window: windowFigures(start[i]!, end[i]!), loadWindow, gapMs: null, rebuiltInEpisode: null, loadEpisode: null, episode: null,
      applied: variant === 'ours' ? appliedFigures(sentWindow[i]!, start[i]!.at, end[i]!.at) : null,
      appliedEpisode: null,
    }));
    if (DEEP_QUEUE) {
      const from = Date.now();
      // A home router with a deep buffer; the link keeps it after the cross traffic stops (the
      // queue drains at the link rate, as it would).
      const rateBps = Math.min(LINK_PRESETS[shape].rateBps, 1_000_000);
      links.client.set({ ...LINK_PRESETS[shape], rateBps, queueMs: 10_000 });
      const stopFlood = links.client.flood({ bps: 3 * rateBps, maxMs: EPISODE_MS });
      await sleep(EPISODE_MS);
      stopFlood();
      await sleep(RECOVERY_MS);
      links.client.set(LINK_PRESETS[shape]);
      const after = await Promise.all(pages.map(read));
      const to = Date.now();
      const sentEpisode = await sent();
      results.forEach((r, i) => {
        r.gapMs = longestGap(after[i]!.frameTimes, from, to);
        r.rebuiltInEpisode = after[i]!.connections - end[i]!.connections;
        r.episode = windowFigures(end[i]!, after[i]!);
        r.loadEpisode = loadavg()[0]!;
        if (variant === 'ours') r.appliedEpisode = appliedFigures(sentEpisode[i]!, from, to);
      });
    }
    if (args.includes('--verbose')) {
      for (const [i, page] of pages.entries()) {
        for (const line of await page.evaluate(() => window.linkMetrics.policyLog())) console.log(`  ${names[i]} ${line}`);
      }
    }
    await Promise.all(pages.map((p) => p.evaluate(() => window.linkBench.leave()).catch(() => undefined)));
    return { shape, variant, error: null, pages: results };
  } catch (error) {
    return { shape, variant, error: (error as Error).message, pages: [] };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

const browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
const results: ScenarioResult[] = [];
const started = Date.now();
try {
  for (const [k, shape] of shapes.entries()) {
    // Alternate which variant runs first, so neither always gets the warmer machine.
    const order = k % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      console.log(`… ${shape} / ${variant}`);
      results.push(await scenario(browser, variant, shape));
    }
  }
} finally {
  await browser.close();
  await servers.close();
}

const f1 = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const load = (v: number | null) => (v === null ? '' : ` (load ${v.toFixed(1)})`);
console.log(
  `\nLink quality on shaped links, ${MEASURE_MS / 1000} s window after connecting; deep queue: cross traffic at 3× the link rate ` +
    `(≤ 1 Mbit/s) fills a 10 s buffer for ${EPISODE_MS / 1000} s, gap measured until ${RECOVERY_MS / 1000} s after it stopped.`,
);
console.log('Rows are the receiving page; "own" columns are that page\'s sender. Load = 1-minute load average (2 cores).\n');
console.log('| shape | variant | page | audio concealed % | video freezes (n / s) | own setParameters | own sent-resolution changes | quality changes | longest video gap, deep queue (s) | connections rebuilt |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  if (r.error) {
    console.log(`| ${r.shape} | ${r.variant} | – | failed: ${r.error} | | | | | | |`);
    continue;
  }
  for (const p of r.pages) {
    const w = p.window!;
    console.log(
      `| ${r.shape} | ${r.variant} | ${p.page} | ${f1(w.concealedPct)}${load(p.loadWindow)} | ${w.freezes} / ${f1(w.freezeSeconds)}${load(p.loadWindow)} | ` +
        `${w.setParameters} | ${w.resolutionChanges} | ${r.variant === 'raw' ? '–' : w.qualityChanges} | ` +
        `${p.gapMs === null ? '–' : f1(p.gapMs / 1000)}${load(p.loadEpisode)} | ${p.rebuiltInEpisode ?? '–'} |`,
    );
  }
}
console.log('\nThe link policy in the shadow (fed the same samples, never applied): what it would have decided on these traces.\n');
console.log('| shape | variant | page | policy level changes | policy quality changes | video paused (% of samples) | deep queue: kept alive (congested) / rebuild allowed (silent) |');
console.log('| --- | --- | --- | ---: | ---: | ---: | --- |');
for (const r of results) {
  for (const p of r.pages) {
    const w = p.window!;
    const e = p.episode;
    console.log(
      `| ${r.shape} | ${r.variant} | ${p.page} | ${w.policyLevelChanges} | ${w.policyQualityChanges} | ${f1(w.policyPausedPct, 0)} | ` +
        `${e ? `${e.policyCongested} / ${e.policySilent}` : '–'} |`,
    );
  }
}
console.log('\nOur link policy, applied to each page\'s own camera video (what its snapshot showed): window, then deep queue and recovery.\n');
console.log('| shape | page | window: level changes | window: pauses / resumes | window: video paused % | deep queue: level changes | deep queue: pauses / resumes | deep queue: video paused % |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  if (r.variant !== 'ours') continue;
  for (const p of r.pages) {
    const a = p.applied;
    const e = p.appliedEpisode;
    console.log(
      `| ${r.shape} | ${p.page} | ${a ? a.levelChanges : '–'} | ${a ? `${a.pauses} / ${a.resumes}` : '–'} | ${a ? f1(a.pausedPct, 0) : '–'} | ` +
        `${e ? e.levelChanges : '–'} | ${e ? `${e.pauses} / ${e.resumes}` : '–'} | ${e ? f1(e.pausedPct, 0) : '–'} |`,
    );
  }
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
const json = flag('json');
if (json) writeFileSync(json, JSON.stringify({ at: new Date().toISOString(), measureMs: MEASURE_MS, results }, null, 2));
process.exit(0);
