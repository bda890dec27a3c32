/**
 * `GET /cpu` on a bench server: CPU time used so far. `GET /mem`: CPU time used so far, and process memory after a full GC (the
 * server runs with `--expose-gc`), so per-socket memory is measured on live objects, not garbage.
 * `GET /profile/start` and `GET /profile/stop?file=<path>`: a V8 CPU profile of one phase (joins,
 * a signal storm) written as a `.cpuprofile`, so a phase is profiled apart from start-up and the others.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

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

export function memoryResponder(req, res) {
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
    res.end(JSON.stringify({ cpuMicros: user + system }));
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
