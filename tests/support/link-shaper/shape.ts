/**
 * What one direction of a shaped link does to the traffic crossing it. Every field is optional;
 * an empty shape forwards packets untouched.
 */
export interface LinkShape {
  /** Probability (0–1) that a datagram is dropped, independently of the others (netem `loss`). @default 0 */
  loss?: number;
  /** One-way delay added to every packet, ms. @default 0 */
  delayMs?: number;
  /** Uniform jitter (± ms) around `delayMs`. Packet order is kept (no reordering). @default 0 */
  jitterMs?: number;
  /** Bottleneck rate in bit/s; `0` is unlimited. @default 0 */
  rateBps?: number;
  /**
   * Bottleneck queue limit, in ms of data at `rateBps`; a datagram that would wait longer is
   * tail-dropped. A large value reproduces a deep (bufferbloated) queue. @default 300
   */
  queueMs?: number;
}

/** A shape for each direction of one endpoint's link. */
export interface LinkProfile {
  /** Endpoint → server (what the browser sends). */
  up: LinkShape;
  /** Server → endpoint (what the browser receives). */
  down: LinkShape;
}

/** The same shape both ways. */
export const symmetric = (shape: LinkShape): LinkProfile => ({ up: { ...shape }, down: { ...shape } });

/**
 * Named shapes of a home link, used by the tests and `bench:link`: `good` (a clean broadband
 * line), `poor` (weak Wi-Fi: 400 kbit/s, 80 ms, 3 % loss) and `harsh` (mobile data at the edge
 * of coverage: 150 kbit/s, 150 ms, 8 % loss).
 */
export const LINK_PRESETS = {
  good: { rateBps: 20_000_000, delayMs: 10, jitterMs: 2, loss: 0, queueMs: 100 },
  poor: { rateBps: 400_000, delayMs: 80, jitterMs: 10, loss: 0.03, queueMs: 300 },
  harsh: { rateBps: 150_000, delayMs: 150, jitterMs: 20, loss: 0.08, queueMs: 400 },
} as const satisfies Record<string, LinkShape>;

/** Name of a preset shape. */
export type LinkPresetName = keyof typeof LINK_PRESETS;

/** The shape with every default filled in and values clamped to their range. */
export function normaliseShape(shape: LinkShape): Required<LinkShape> {
  const nonNegative = (v: number | undefined, d: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : d);
  return {
    loss: Math.min(1, nonNegative(shape.loss, 0)),
    delayMs: nonNegative(shape.delayMs, 0),
    jitterMs: nonNegative(shape.jitterMs, 0),
    rateBps: nonNegative(shape.rateBps, 0),
    queueMs: nonNegative(shape.queueMs, 300),
  };
}
