// Turns the per-page logs of `rtc-trace.ts` into per-phase medians for `--trace`: for every
// peer connection, when each WebRTC milestone first happened after t0, split by role
// (offerer / answerer), plus page-level phases (media, socket, joined). Printed side by side
// for every variant so the phase where one loses time against the other stands out.
import type { TraceEvent } from './rtc-trace';

/** Milestones of one connection, first occurrence, ms after t0 (prefix match on the event). */
const PC_PHASES: Array<[label: string, prefix: string]> = [
  ['pc created', 'pc-created'],
  ['offer set local', 'sld-offer ['],
  ['offer set remote', 'srd-offer'],
  ['answer set local', 'sld-answer ['],
  ['answer set remote', 'srd-answer'],
  ['first local candidate', 'local-candidate'],
  ['first remote candidate', 'addIceCandidate'],
  ['track (video)', 'track-video'],
  ['ICE connected', 'ice-connected'],
  ['DTLS connected', 'conn-connected'],
  ['data channel open', 'datachannel-open'],
  ['first frame', 'first-frame'],
];

const PAGE_PHASES: Array<[label: string, prefix: string]> = [
  ['join called', 'join-called'],
  ['getUserMedia done (last)', 'gum-'],
  ['socket open', 'ws-open'],
  ['joined', 'joined'],
];

/** Everything measured for one variant of one scenario. */
export interface TraceSamples {
  phases: Map<string, number[]>;
  /** Offers per connection (> 1: renegotiation before media flowed). */
  offers: number[];
  setParameters: number;
  frameSizes: Map<string, number>;
}

export const emptySamples = (): TraceSamples => ({ phases: new Map(), offers: [], setParameters: 0, frameSizes: new Map() });

const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);

/** Add one page's log (events after t0) to `into`. */
export function collect(into: TraceSamples, log: TraceEvent[], t0: number): void {
  for (const [label, prefix] of PAGE_PHASES) {
    const hits = log.filter(([, pc, what]) => pc === -1 && what.startsWith(prefix) && (prefix !== 'gum-' || what.includes('-done')));
    // getUserMedia: the last capture to finish is when all local media exists.
    const hit = prefix === 'gum-' ? hits.at(-1) : hits[0];
    if (hit) push(into.phases, `page: ${label}`, hit[0] - t0);
  }
  const pcs = new Set(log.filter(([, pc]) => pc >= 0).map(([, pc]) => pc));
  for (const pc of pcs) {
    const events = log.filter(([, p]) => p === pc);
    const role = events.some(([, , w]) => w.startsWith('sld-offer [')) ? 'offerer' : 'answerer';
    for (const [label, prefix] of PC_PHASES) {
      const hit = events.find(([, , w]) => w.startsWith(prefix));
      if (hit) push(into.phases, `${role}: ${label}`, hit[0] - t0);
    }
    into.offers.push(events.filter(([, , w]) => w.startsWith('sld-offer [')).length);
    into.setParameters += events.filter(([, , w]) => w.startsWith('setParameters')).length;
    for (const [, , w] of events.filter(([, , w]) => w.startsWith('first-frame'))) {
      const size = w.split(' ')[1] ?? '?';
      into.frameSizes.set(size, (into.frameSizes.get(size) ?? 0) + 1);
    }
  }
  into.setParameters += log.filter(([, pc, w]) => pc === -1 && w.startsWith('setParameters')).length;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Markdown table: one row per phase, one column per variant (median ms after t0, samples). */
export function report(title: string, byVariant: Record<string, TraceSamples>): string {
  const names = Object.keys(byVariant);
  const labels = [...PAGE_PHASES.map(([l]) => `page: ${l}`), ...['offerer', 'answerer'].flatMap((r) => PC_PHASES.map(([l]) => `${r}: ${l}`))];
  const lines = [`\n${title} — phase medians, ms after t0 (n)`, '', `| phase | ${names.join(' | ')} |`, `| --- |${names.map(() => ' ---: |').join('')}`];
  for (const label of labels) {
    if (!names.some((n) => byVariant[n]!.phases.has(label))) continue;
    const cells = names.map((n) => {
      const xs = byVariant[n]!.phases.get(label) ?? [];
      return xs.length ? `${median(xs).toFixed(0)} (${xs.length})` : '–';
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  const extra = (f: (s: TraceSamples) => string) => names.map((n) => f(byVariant[n]!)).join(' | ');
  lines.push(`| offers per connection (max) | ${extra((s) => String(Math.max(0, ...s.offers)))} |`);
  lines.push(`| connections renegotiated | ${extra((s) => `${s.offers.filter((o) => o > 1).length}/${s.offers.length}`)} |`);
  lines.push(`| setParameters calls | ${extra((s) => String(s.setParameters))} |`);
  lines.push(`| first frame sizes | ${extra((s) => [...s.frameSizes].map(([k, v]) => `${k}×${v}`).join(' '))} |`);
  return lines.join('\n');
}
