/**
 * Where a server's CPU went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time by package
 * (socket.io, engine.io, ws, zod, redis, ours by file, Node internals, GC) and by function, and
 * the inclusive time of our entry points. Idle time is left out. The same file opens as a flame
 * graph in Chrome DevTools (Performance → Load profile) or speedscope.
 *
 * `node bench/signalling/profile-summary.mjs <file.cpuprofile> [--top=25]`
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './processes.mjs';
import { PAIRS } from './variants.mjs';

/** Source maps of bundled files (our bench server), so frames are attributed to their source file. */
const maps = new Map();
function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map;
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The frame with its url replaced by the original source file, when a source map says it. */
export function original(frame) {
  const map = frame.url ? sourceMapOf(frame.url) : undefined;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return frame;
  return { ...frame, url: entry.originalSource, lineNumber: entry.originalLine };
}

/** The bucket a frame's self time goes to. */
export function bucketOf({ functionName, url }) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return '(program: native, unattributed)';
    if (functionName === '(idle)' || functionName === '(root)') return '(idle)';
    return 'V8 builtins (JSON, RegExp, …)';
  }
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (modules) return modules[modules.length - 1].replace(/^node_modules\/|\/$/g, '');
  const ours = url.match(/packages\/([^/]+)\/src\/(.+)$/);
  if (ours) return `ours: ${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return url.split('/').slice(-2).join('/');
}

/**
 * Frames that are not the server's work: idle, and `dispatch` without a script (the in-process
 * inspector session of the bench's `/profile` endpoints waiting; idle is not flagged there).
 */
const isIdle = ({ functionName, url }) => !url && (functionName === '(idle)' || functionName === '(root)' || functionName === 'dispatch');

/**
 * Reads a profile and returns self and inclusive times in µs. With `bySamples`, each sample
 * weighs the same (`interval` µs) instead of the wall time since the previous one: on a loaded
 * machine a process that is scheduled out bills the whole gap to whatever ran before it (often a
 * `writev` that woke the receiver), and counting samples keeps that out.
 */
export function analyzeProfile(file, { bySamples = false, interval = 200 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, callFrame: original(n.callFrame) }]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (bySamples ? interval : (profile.timeDeltas[i] ?? 0)));
  }
  const buckets = new Map();
  const functions = new Map();
  const inclusive = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id);
    const bucket = bucketOf(node.callFrame);
    if (bucket === '(idle)' || isIdle(node.callFrame)) continue;
    busy += micros;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + micros);
    // Inclusive time of our own functions: every distinct one on the sample's stack.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (!frame.url.includes('/packages/')) continue;
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  return { busy, buckets, functions, inclusive, durationMicros: profile.endTime - profile.startTime };
}

/** Prints the summary of one profile. */
export function summarizeProfile(file, { top = 25, log = console.log } = {}) {
  const { busy, buckets, functions, inclusive, durationMicros } = analyzeProfile(file);
  const pct = (n) => `${((100 * n) / busy).toFixed(1).padStart(5)} %`;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  log(`busy ${(busy / 1e6).toFixed(2)} s of ${(durationMicros / 1e6).toFixed(1)} s profiled`);
  log('self time by package:');
  for (const [name, micros] of sorted(buckets).slice(0, top)) log(`  ${pct(micros)}  ${name}`);
  log('self time by function:');
  for (const [name, micros] of sorted(functions).slice(0, top)) log(`  ${pct(micros)}  ${name}`);
  log('inclusive time of our functions:');
  for (const [name, micros] of sorted(inclusive).slice(0, top)) log(`  ${pct(micros)}  ${name}`);
}

/** Self time of several profiles (the nodes of one variant) summed, by package and by function. */
function mergedSelfTimes(files) {
  const buckets = new Map();
  const functions = new Map();
  let busy = 0;
  for (const file of files) {
    const one = analyzeProfile(file.startsWith('/') ? file : `${REPO_ROOT}${file}`, { bySamples: true });
    busy += one.busy;
    for (const [k, v] of one.buckets) buckets.set(k, (buckets.get(k) ?? 0) + v);
    for (const [k, v] of one.functions) functions.set(k, (functions.get(k) ?? 0) + v);
  }
  return { busy, buckets, functions };
}

const PHASES = [
  ['join', 'joinMicros', 'join'],
  ['rounds', 'messageMicros', 'message'],
];

/**
 * Prints, per phase (joins; the signal storm), where a join's and a message's CPU went: self time
 * per operation by package (our own code by file) and the heaviest functions, ours beside its bare
 * baseline, from the profiled pass of `measureCpuCost` (`result[variant].profiles`). Each entry is
 * its share of the profile's samples times the CPU per operation measured (`process.cpuUsage`,
 * median of the unprofiled passes), so the columns add up to the measured figures.
 */
export function printPhaseProfiles(result, { top = 12, log = console.log } = {}) {
  const f = (n) => (n === undefined ? '–' : n.toFixed(1));
  for (const [ours, bare] of PAIRS) {
    const a = result[ours]?.profiles;
    const b = result[bare]?.profiles;
    if (!a || !b) continue;
    for (const [phase, count, unit] of PHASES) {
      const mine = mergedSelfTimes(a[phase]);
      const theirs = mergedSelfTimes(b[phase]);
      const measured = { [ours]: result[ours][count], [bare]: result[bare][count] };
      const perOpOf = (variant, totals) => (micros) => (micros === undefined ? undefined : (micros / totals.busy) * measured[variant]);
      const mineOf = perOpOf(ours, mine);
      const theirsOf = perOpOf(bare, theirs);
      log(
        `\nwhere a ${unit}'s CPU goes (P=${result[ours].P}; µs of CPU per ${unit}: measured total × share of the profiled pass's samples; ` +
          `${ours} ${f(measured[ours])} µs, profiled at load ${a.loadAverage}; ${bare} ${f(measured[bare])} µs, at load ${b.loadAverage})`,
      );
      for (const [title, key] of [['by package (ours by file)', 'buckets'], ['by function', 'functions']]) {
        log(`| ${title} | ${ours} | ${bare} |`);
        log('|---|---|---|');
        const rows = [...mine[key]].sort((x, y) => y[1] - x[1]).slice(0, top);
        for (const [name, micros] of rows) log(`| ${name} | ${f(mineOf(micros))} | ${f(theirsOf(theirs[key].get(name)))} |`);
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 25);
  summarizeProfile(file, { top });
}
