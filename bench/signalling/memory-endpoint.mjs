/**
 * `GET /cpu` on a bench server: CPU time used so far, the GC pauses so far and the write system calls so far. `GET /mem`: CPU time used so far, and process memory after a full GC (the
 * server runs with `--expose-gc`), so per-socket memory is measured on live objects, not garbage.
 * `GET /profile/start` and `GET /profile/stop?file=<path>` (a V8 CPU profile), `GET /heap/start` and
 * `GET /heap/stop?file=<path>` (the sampling heap profiler): one phase (joins, a signal storm) profiled
 * apart from start-up and the others (see `PROFILERS`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants } from 'node:perf_hooks';

/** Main-thread GC pauses so far (ms): scavenges apart from mark-compacts, to tell a phase's own garbage from a full collection that fell in it. */
const gcPauses = { minorMillis: 0, majorMillis: 0, majorCount: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gcPauses.majorMillis += entry.duration;
      gcPauses.majorCount += 1;
    } else gcPauses.minorMillis += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

/** A figure read from a /proc file of this process; `undefined` where the kernel does not give it. */
function procFigure(path, parse) {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Write system calls so far (`write`, `writev`; the kernel's count in /proc/self/io, so nothing in
 * the process is wrapped): on loopback each one also runs the receiver's side of TCP, a large part of
 * a small packet's cost, and their count does not depend on the machine's load (see write
 * coalescing in the server adapter).
 */
const writeCalls = () =>
  procFigure('/proc/self/io', (text) => {
    const count = /^syscw: (\d+)$/m.exec(text)?.[1];
    return count === undefined ? undefined : Number(count);
  });

/**
 * CPU time of the main (JavaScript) thread so far, µs, from the kernel's scheduler statistics; the
 * rest of `process.cpuUsage()` is V8's and libuv's helper threads (concurrent GC, JIT compilation).
 */
const mainThreadMicros = () => procFigure(`/proc/self/task/${process.pid}/schedstat`, (text) => Number(text.split(' ')[0]) / 1000);

let profiler;

/**
 * The two profilers a bench phase can run under, by the path's first part: `/profile/start` and
 * `/profile/stop?file=<path>`, a V8 CPU profile (`.cpuprofile`); `/heap/start` and
 * `/heap/stop?file=<path>`, V8's sampling heap profiler with garbage included (what a scavenge or
 * a full collection freed still counts: the bytes a phase allocated, by the stack that allocated
 * them; `.heapprofile`).
 */
const PROFILERS = {
  profile: {
    start: [['Profiler.enable'], ['Profiler.setSamplingInterval', { interval: 200 }], ['Profiler.start']],
    stop: ['Profiler.stop', 'Profiler.disable'],
  },
  heap: {
    start: [['HeapProfiler.enable'], ['HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }]],
    stop: ['HeapProfiler.stopSampling', 'HeapProfiler.disable'],
  },
};

async function profile(kind, req, res) {
  const url = new URL(req.url, 'http://localhost');
  res.setHeader('content-type', 'application/json');
  if (!profiler) {
    profiler = new Session();
    profiler.connect();
  }
  const { start, stop } = PROFILERS[kind];
  if (url.pathname.endsWith('/start')) {
    for (const [method, params] of start) await profiler.post(method, params);
    res.end('{"ok":true}');
    return;
  }
  const [stopMethod, disableMethod] = stop;
  const { profile: result } = await profiler.post(stopMethod);
  await profiler.post(disableMethod);
  writeFileSync(url.searchParams.get('file'), JSON.stringify(result));
  res.end('{"ok":true}');
}

export function memoryResponder(req, res) {
  const kind = req.url.split('/')[1];
  if (Object.hasOwn(PROFILERS, kind)) {
    profile(kind, req, res).catch((error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: String(error) }));
    });
    return;
  }
  if (req.url === '/cpu') {
    // CPU time only, no GC: for phases measured back to back.
    const { user, system } = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ cpuMicros: user + system, systemMicros: system, mainThreadMicros: mainThreadMicros(), gc: gcPauses, writes: writeCalls() }));
    return;
  }
  if (req.url !== '/mem') {
    res.statusCode = 404;
    res.end();
    return;
  }
  // CPU first, so the forced GCs below are not billed to the step that just ended.
  const { user, system } = process.cpuUsage();
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ rss, heapUsed, external, arrayBuffers, cpuMicros: user + system }));
}

/** Prints the ready line the bench waits for. */
export function announceReady(server) {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ ready: true, port: address.port })}\n`);
}
