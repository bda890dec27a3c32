/**
 * `GET /cpu` on a bench server: CPU time used so far. `GET /mem`: CPU time used so far, and process memory after a full GC (the
 * server runs with `--expose-gc`), so per-socket memory is measured on live objects, not garbage.
 */
export function memoryResponder(req, res) {
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
