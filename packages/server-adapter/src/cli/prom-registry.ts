import type { Registry } from 'prom-client';

/**
 * A prom-client `Registry` with the default process metrics, loaded lazily so `prom-client`
 * stays an optional peer dependency.
 *
 * @throws a clear message when `prom-client` is not installed.
 */
export async function createPromRegistry(): Promise<Registry> {
  let prom: typeof import('prom-client');
  try {
    prom = await import('prom-client');
  } catch {
    throw new Error('METRICS=true needs the optional peer dependency prom-client (npm install prom-client)');
  }
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry });
  return registry;
}
