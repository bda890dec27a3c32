// Loops a call against the quickstart and catches first peer connections that stall (offer and
// answer exchanged, never connected, rebuilt only by the connect timeout). Every page carries
// `tests/support/signal-trace.ts`; a round whose mesh takes longer than --stall-ms, or where any
// page built more connections than it has remotes, is written to
// /tmp/first-connect-<scenario>-<round>.json with both sides' traces on one clock. Findings: FIRST-CONNECT.md.
//
//   npm run bench:first-connect -- --scenario=chromium2 --rounds=30
//
// Scenarios: chromium2, chromium3 (Chromium tabs), mixed2 (Chromium + Firefox), mixed3 (one
// Chromium, two Firefox). --fresh relaunches the browsers every round (as every test file does);
// --stall-ms (8000) and --snapshot-ms (6000, when a getStats() summary of every page is taken).
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { waitForDecodedFrame, remoteTileOf, type InPage } from '../../tests/support/call-probes';
import { launchChromium, type PageErrors } from '../../tests/support/chromium';
import { launchFirefox, type FirefoxInstance } from '../../tests/support/firefox';
import { openFirefoxMeetingTab } from '../../tests/support/firefox-meeting-page';
import { openMeetingTab } from '../../tests/support/meeting-page';
import { startQuickstart } from '../../tests/support/quickstart';
import { ensureWebBuild } from '../../examples/quickstart/src/server/web-build';
import { SIGNAL_TRACE_SCRIPT, STATS_SNAPSHOT_EXPRESSION, type SignalTraceEvent } from '../../tests/support/signal-trace';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const scenario = flag('scenario', 'chromium2');
const rounds = Number(flag('rounds', '10'));
const stallMs = Number(flag('stall-ms', '8000'));
const fresh = args.includes('--fresh');
const PARTIES: Record<string, Array<'chromium' | 'firefox'>> = {
  chromium2: ['chromium', 'chromium'],
  mixed2: ['chromium', 'firefox'],
  mixed3: ['chromium', 'firefox', 'firefox'],
  chromium3: ['chromium', 'chromium', 'chromium'],
};
const parties = PARTIES[scenario];
if (!parties) throw new Error(`unknown scenario ${scenario}`);
const NAMES = ['Therapist', 'Client', 'Interpreter', 'Nurse'];

interface Tab {
  name: string;
  kind: 'chromium' | 'firefox';
  page: InPage;
  errors: PageErrors;
  close(): Promise<unknown>;
}

// The quickstart serves its built web app: rebuild it when the core sources changed.
await ensureWebBuild({ log: (line) => console.log(line) });
const server = await startQuickstart();
let chromium: Browser | null = null;
let firefox: FirefoxInstance | null = null;
const launch = async () => {
  // CHROMIUM_LOG=<vmodule patterns>: Chromium's own WebRTC logging on stderr (DEBUG=pw:browser prints it).
  const vmodule = process.env.CHROMIUM_LOG;
  if (!chromium && parties.includes('chromium')) {
    chromium = await launchChromium(vmodule ? { extraArgs: ['--enable-logging=stderr', `--vmodule=${vmodule}`] } : {});
  }
  if (!firefox && parties.includes('firefox')) firefox = await launchFirefox();
};
const closeBrowsers = async () => {
  await chromium?.close();
  await firefox?.close();
  chromium = null;
  firefox = null;
};

let stalls = 0;
let gatherStallRounds = 0;
const times: number[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    if (fresh) await closeBrowsers();
    await launch();
    const response = await fetch(`${server.origin}/api/meetings`, { method: 'POST' });
    const { url } = (await response.json()) as { url: string };
    const tabs: Tab[] = [];
    const joinedAt: number[] = [];
    for (const [i, kind] of parties.entries()) {
      const name = NAMES[i]!;
      if (kind === 'chromium') {
        const tab = await openMeetingTab(chromium!, url, name, { initScript: SIGNAL_TRACE_SCRIPT });
        tabs.push({ name, kind, page: tab.page, errors: tab.errors, close: () => tab.context.close() });
      } else {
        const tab = await openFirefoxMeetingTab(firefox!.browser, url, name, { initScript: SIGNAL_TRACE_SCRIPT });
        tabs.push({ name, kind, page: tab.page, errors: tab.errors, close: () => tab.context.close() });
      }
      joinedAt.push(Date.now());
    }
    const pairs: Array<{ at: string; from: string; ms: number | null; error?: string }> = [];
    // While a pair is still missing after --snapshot-ms, what each agent knows (webrtc-internals' view).
    const snapshots: Array<{ name: string; at: number; stats: unknown }> = [];
    const snapshotTimer = setTimeout(() => {
      if (pairs.length === tabs.length * (tabs.length - 1)) return;
      for (const tab of tabs) {
        void tab.page.evaluate(STATS_SNAPSHOT_EXPRESSION).then(
          (stats) => snapshots.push({ name: tab.name, at: Date.now(), stats }),
          () => undefined,
        );
      }
    }, Number(flag('snapshot-ms', '6000')));
    await Promise.all(
      tabs.flatMap((tab) =>
        tabs
          .filter((other) => other !== tab)
          .map(async (other) => {
            const start = Math.max(joinedAt[tabs.indexOf(tab)]!, joinedAt[tabs.indexOf(other)]!);
            try {
              await waitForDecodedFrame(tab.page, `${remoteTileOf(other.name)} video`, 45_000);
              pairs.push({ at: tab.name, from: other.name, ms: Date.now() - start });
            } catch (error) {
              pairs.push({ at: tab.name, from: other.name, ms: null, error: (error as Error).message });
            }
          }),
      ),
    );
    clearTimeout(snapshotTimer);
    const traces = await Promise.all(
      tabs.map(async (tab) => ({ name: tab.name, kind: tab.kind, events: (await tab.page.evaluate('window.__signalTrace || []')) as SignalTraceEvent[] })),
    );
    const pcs = traces.map((t) => new Set(t.events.filter(([, pc, what]) => pc >= 0 && what.startsWith('created')).map(([, pc]) => pc)).size);
    // Connections that set their offer/answer but never surfaced a local candidate (the ICE agent had nothing to check from).
    const gatherStalls = traces.flatMap((t) => {
      const described = new Set(t.events.filter(([, pc, what]) => pc >= 0 && what.startsWith('SLD done')).map(([, pc]) => pc));
      const gathered = new Set(t.events.filter(([, pc, what]) => pc >= 0 && what.startsWith('local-candidate candidate')).map(([, pc]) => pc));
      return [...described].filter((pc) => !gathered.has(pc)).map((pc) => `${t.name}/pc${pc}`);
    });
    if (gatherStalls.length > 0) gatherStallRounds += 1;
    const worst = Math.max(...pairs.map((p) => p.ms ?? Number.POSITIVE_INFINITY));
    const stalled = worst > stallMs || pcs.some((n) => n > tabs.length - 1);
    times.push(worst);
    console.log(
      `round ${round}: worst pair ${Number.isFinite(worst) ? `${worst} ms` : 'never'}; pcs per page ${pcs.join('/')}` +
        (gatherStalls.length > 0 ? `; no local candidate: ${gatherStalls.join(', ')}` : '') +
        (stalled ? '  STALL' : ''),
    );
    if (stalled) {
      stalls += 1;
      const file = `/tmp/first-connect-${scenario}-${process.pid}-${round}.json`;
      writeFileSync(
        file,
        JSON.stringify({ scenario, round, joinedAt, pairs, pcs, snapshots, traces, logs: tabs.map((t) => ({ name: t.name, log: t.errors.log })) }, null, 1),
      );
      console.log(`  pairs: ${JSON.stringify(pairs)}\n  trace: ${file}`);
      for (const snapshot of snapshots) console.log(`  ${snapshot.name}: ${JSON.stringify(snapshot.stats)}`);
    }
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
  }
} finally {
  await closeBrowsers();
  await server.stop();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `${scenario}: ${stalls} of ${rounds} rounds stalled (> ${stallMs} ms or a rebuilt connection); ` +
    `median worst pair ${sorted[Math.floor(sorted.length / 2)]} ms`,
);
