import type { MeetingEvents } from '../meeting/events';

/**
 * Prometheus metrics without a hard dependency on `prom-client`: each metric is a small object
 * speaking prom-client's collector protocol (`name`, `help`, `type`, `get()`), registered into
 * the host's own `Registry`. Hosts that do not pass `metrics` pay nothing.
 */

/** The part of a prom-client `Registry` the server uses. */
export interface MetricsRegistryLike {
  registerMetric(metric: never): void;
  removeSingleMetric(name: string): void;
}

/** Options of the `metrics` setting. */
export interface MetricsOptions {
  /** A prom-client `Registry` (e.g. `register` from `prom-client`). */
  registry: MetricsRegistryLike;
  /** Metric name prefix. @default 'mentara_meetings_' */
  prefix?: string;
}

/** What the server records directly; joins and leaves come from the meeting events. */
export interface MeetingsMetrics {
  error(code: string): void;
  relayed(event: string): void;
  /** Removes every metric this instance registered. */
  close(): void;
}

type LabelValues = Record<string, string>;

interface Collector {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  aggregator: 'sum';
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Array<{ value: number; labels: LabelValues }> }>;
  reset(): void;
}

function collector(
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  read: () => Array<{ value: number; labels: LabelValues }>,
  reset: () => void = () => undefined,
): Collector {
  return {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: read() }),
    reset,
  };
}

function labelledCounter(label: string): { inc(value: string): void; read(): Array<{ value: number; labels: LabelValues }>; reset(): void } {
  const counts = new Map<string, number>();
  return {
    inc: (value) => counts.set(value, (counts.get(value) ?? 0) + 1),
    read: () => [...counts].map(([key, value]) => ({ value, labels: { [label]: key } })),
    reset: () => counts.clear(),
  };
}

/** Where the metrics come from: gauges read live from this node's presence, counters from the events. */
export interface MetricsSources {
  activeMeetings(): number;
  participants(): number;
  events: Pick<MeetingEvents, 'on'>;
}

/**
 * Creates and registers the metrics, subscribed to the meeting events, or a no-op recorder
 * when `options` is undefined. Each join and leave is counted once across all nodes: by the
 * node that announced it.
 */
export function createMetrics(options: MetricsOptions | undefined, sources: MetricsSources): MeetingsMetrics {
  if (!options) return { error() {}, relayed() {}, close() {} };
  const prefix = options.prefix ?? 'mentara_meetings_';
  let joins = 0;
  const leaves = labelledCounter('reason');
  const errors = labelledCounter('code');
  const signals = labelledCounter('event');
  const collectors = [
    collector(`${prefix}active_meetings`, 'Meetings with at least one participant on this node', 'gauge', () => [
      { value: sources.activeMeetings(), labels: {} },
    ]),
    collector(`${prefix}participants`, 'People in meetings on this node, waiting room included', 'gauge', () => [
      { value: sources.participants(), labels: {} },
    ]),
    collector(`${prefix}joins_total`, 'Successful meeting joins', 'counter', () => [{ value: joins, labels: {} }], () => {
      joins = 0;
    }),
    collector(`${prefix}leaves_total`, 'Participants leaving, by reason', 'counter', leaves.read, leaves.reset),
    collector(`${prefix}errors_total`, 'Errors answered to clients, by code', 'counter', errors.read, errors.reset),
    collector(`${prefix}relayed_signals_total`, 'Signalling messages relayed, by event', 'counter', signals.read, signals.reset),
  ];
  for (const c of collectors) options.registry.registerMetric(c as never);
  const unsubscribe = [
    sources.events.on('participant-joined', () => {
      joins += 1;
    }),
    sources.events.on('participant-left', (event) => leaves.inc(event.reason)),
  ];
  return {
    error: (code) => errors.inc(code),
    relayed: (event) => signals.inc(event),
    close: () => {
      for (const off of unsubscribe) off();
      for (const c of collectors) options.registry.removeSingleMetric(c.name);
    },
  };
}
