/**
 * `GET /cpu` on a bench server: CPU time used so far, and the GC pauses so far. `GET /mem`: CPU time used so far, and process memory after a full GC (the
 * server runs with `--expose-gc`), so per-socket memory is measured on live objects, not garbage.
 * `GET /profile/start` and `GET /profile/stop?file=<path>`: a V8 CPU profile of one phase (joins,
 * a signal storm) written as a `.cpuprofile`, so a phase is profiled apart from start-up and the others.
 */
import { writeFileSync } from 'node:fs';
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

let profiler;

async function profile(req, res) {
  const url = new URL(req.url, 'http://localhost');
  res.setHeader('content-type', 'application/json');
  if (url.pathname === '/profile/start') {
    if (!profiler) {
      profiler = new Session();
      profiler.connect();
    }
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
    res.end('{"ok":true}');
    return;
  }
  const { profile: result } = await profiler.post('Profiler.stop');
  await profiler.post('Profiler.disable');
  writeFileSync(url.searchParams.get('file'), JSON.stringify(result));
  res.end('{"ok":true}');
}

/**
 * `GET /heap/start` and `GET /heap/stop?file=<path>`: V8's sampling heap profiler over one phase,
 * garbage included (what a scavenge or a full collection freed is still counted), written as a
 * `.heapprofile`: the bytes a phase allocated, by the stack that allocated them.
 */
async function heapProfile(req, res) {
  const url = new URL(req.url, 'http://localhost');
  res.setHeader('content-type', 'application/json');
  if (!profiler) {
    profiler = new Session();
    profiler.connect();
  }
  if (url.pathname === '/heap/start') {
    await profiler.post('HeapProfiler.enable');
    await profiler.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    res.end('{"ok":true}');
    return;
  }
  const { profile: result } = await profiler.post('HeapProfiler.stopSampling');
  await profiler.post('HeapProfiler.disable');
  writeFileSync(url.searchParams.get('file'), JSON.stringify(result));
  res.end('{"ok":true}');
}

export function memoryResponder(req, res) {
  if (req.url.startsWith('/heap/')) {
    heapProfile(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: String(error) }));
    });
    return;
  }
  if (req.url.startsWith('/profile/')) {
    profile(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: String(error) }));
    });
    return;
  }
  if (req.url === '/cpu') {
    // CPU time only, no GC: for phases measured back to back.
    const { user, system } = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ cpuMicros: user + system, gc: gcPauses }));
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
