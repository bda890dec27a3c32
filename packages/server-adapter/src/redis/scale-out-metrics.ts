import type { MetricsOptions } from '../observability/metrics';

/** One collector in prom-client's protocol (the same shape the server's own metrics use). */
interface Collector {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Array<{ value: number; labels: Record<string, string> }> }>;
  reset(): void;
}

/** A metric read live from a counter source. */
export interface ScaleOutMetric {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  read(): number;
}

/**
 * Registers the scale-out metrics (stream gaps, lost messages, reader reconnects, lag, swept
 * nodes, resynced clients) into the host's prom-client registry. Returns the function that
 * removes exactly those metrics.
 */
export function registerScaleOutMetrics(options: MetricsOptions, metrics: ScaleOutMetric[]): () => void {
  const prefix = options.prefix ?? 'mentara_meetings_';
  const names: string[] = [];
  for (const metric of metrics) {
    const name = `${prefix}${metric.name}`;
    const collector: Collector = {
      name,
      help: metric.help,
      type: metric.type,
      aggregator: 'sum',
      get: async () => ({ name, help: metric.help, type: metric.type, aggregator: 'sum', values: [{ value: metric.read(), labels: {} }] }),
      reset: () => undefined,
    };
    options.registry.registerMetric(collector as never);
    names.push(name);
  }
  return () => {
    for (const name of names) options.registry.removeSingleMetric(name);
  };
}
