import { performance } from 'node:perf_hooks';
import { createDirection, type DirectionStats, type ShapedDirection } from './direction';
import { symmetric, type LinkProfile, type LinkShape } from './shape';
import { startTcpRelay, type TcpRelay } from './tcp-relay';
import { startUdpRelay, type UdpRelay } from './udp-relay';

/** Options of {@link createLinkShaper}. */
export interface LinkShaperOptions {
  /** UDP port every endpoint relays to (a TURN server's listening port). */
  udpTarget: number;
  /** TCP port every endpoint relays to (the web/signalling server), if any. */
  tcpTarget?: number;
  /** Random source for loss and jitter; a seeded one makes runs repeatable. @default Math.random */
  random?: () => number;
}

/** One person's home link: a UDP (TURN) and optionally a TCP (HTTP + Socket.IO) port sharing one queue per direction. */
export interface ShaperEndpoint {
  readonly name: string;
  /** Loopback UDP port to use as the TURN server's port. */
  readonly udpPort: number;
  /** `turn:127.0.0.1:<udpPort>?transport=udp` */
  readonly turnUrl: string;
  /** Loopback TCP port in front of `tcpTarget`, or `null`. */
  readonly tcpPort: number | null;
  /** `http://127.0.0.1:<tcpPort>`: load the page and signal through the shaped link. */
  readonly origin: string | null;
  /** Change the link at run time: a `LinkShape` applies both ways, a profile per direction. */
  set(shape: LinkShape | Partial<LinkProfile>): void;
  profile(): LinkProfile;
  stats(): { up: DirectionStats; down: DirectionStats };
  /**
   * Cross traffic (someone else at home downloading or uploading): dummy datagrams of
   * `packetBytes` at `bps` pushed into the link's queue, so it fills to its bound and stays
   * there. Stops after `maxMs` at the latest; returns the stopper.
   */
  flood(options: FloodOptions): () => void;
}

/** Options of {@link ShaperEndpoint.flood}. */
export interface FloodOptions {
  bps: number;
  /** Which way the cross traffic goes. @default 'both' */
  direction?: 'up' | 'down' | 'both';
  /** Safety bound: the flood stops by itself after this long. @default 60000 */
  maxMs?: number;
  /** @default 1200 */
  packetBytes?: number;
}

/** A user-space link shaper on loopback: endpoints in front of a TURN server (and a web server). */
export interface LinkShaper {
  /** Open an endpoint with its own link (two shaped directions). */
  addEndpoint(name: string, shape?: LinkShape | Partial<LinkProfile>): Promise<ShaperEndpoint>;
  /** Stop every relay and drop whatever is still in flight. */
  close(): Promise<void>;
}

const isProfile = (s: LinkShape | Partial<LinkProfile>): s is Partial<LinkProfile> => 'up' in s || 'down' in s;

/**
 * A shaper for tests and benchmarks without `netem` or privileges. Point a browser's TURN URL at
 * an endpoint's `turnUrl` with `iceTransportPolicy: 'relay'` and all its media crosses the
 * endpoint's link; open the page at the endpoint's `origin` and its signalling crosses the same
 * queue. Media between two browsers crosses the sender's `up` and the receiver's `down`.
 *
 * @example
 * const shaper = createLinkShaper({ udpTarget: turn.port, tcpTarget: serverPort });
 * const client = await shaper.addEndpoint('client', LINK_PRESETS.poor);
 * // …later, in the middle of the call:
 * client.set({ rateBps: 150_000, queueMs: 8_000 }); // a deep queue
 */
export function createLinkShaper(options: LinkShaperOptions): LinkShaper {
  const relays: Array<UdpRelay | TcpRelay> = [];
  const directions: ShapedDirection[] = [];
  const floods = new Set<() => void>();
  let closed = false;

  return {
    async addEndpoint(name, shape = {}) {
      if (closed) throw new Error('link shaper is closed');
      const initial = isProfile(shape) ? { up: shape.up ?? {}, down: shape.down ?? {} } : symmetric(shape);
      const random = options.random ? { random: options.random } : {};
      const up = createDirection(initial.up, random);
      const down = createDirection(initial.down, random);
      directions.push(up, down);
      const udp = await startUdpRelay(options.udpTarget, up, down);
      relays.push(udp);
      const tcp = options.tcpTarget === undefined ? null : await startTcpRelay(options.tcpTarget, up, down);
      if (tcp) relays.push(tcp);
      return {
        name,
        udpPort: udp.port,
        turnUrl: `turn:127.0.0.1:${udp.port}?transport=udp`,
        tcpPort: tcp?.port ?? null,
        origin: tcp ? `http://127.0.0.1:${tcp.port}` : null,
        set(next) {
          if (isProfile(next)) {
            if (next.up) up.set(next.up);
            if (next.down) down.set(next.down);
          } else {
            up.set(next);
            down.set(next);
          }
        },
        profile: () => ({ up: up.shape(), down: down.shape() }),
        stats: () => ({ up: up.stats(), down: down.stats() }),
        flood(o) {
          const targets = o.direction === 'up' ? [up] : o.direction === 'down' ? [down] : [up, down];
          const bytes = o.packetBytes ?? 1_200;
          let owed = 0;
          let last = performance.now();
          // By elapsed time, not by tick count: late timers on a busy machine must not thin the flood.
          const tick = setInterval(() => {
            const now = performance.now();
            owed += (o.bps * (now - last)) / 1000 / 8;
            last = now;
            for (; owed >= bytes; owed -= bytes) for (const d of targets) d.push(bytes, () => undefined);
          }, 10);
          const stop = () => {
            clearInterval(tick);
            clearTimeout(limit);
          };
          const limit = setTimeout(stop, o.maxMs ?? 60_000);
          floods.add(stop);
          return stop;
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const stop of floods) stop();
      for (const d of directions) d.close();
      await Promise.all(relays.map((r) => r.close()));
    },
  };
}

/** One step of a scripted link: from `atMs` after the start, the endpoint has `shape`. */
export interface ShapeStep {
  atMs: number;
  shape: LinkShape | Partial<LinkProfile>;
  /** Name printed by benchmarks (e.g. `deep queue`). */
  label?: string;
}

/**
 * Play a script of shapes on an endpoint ("good → poor → good"); returns the disposer that
 * cancels the steps not yet applied. `onStep` is told each step as it is applied.
 */
export function playShapeScript(endpoint: ShaperEndpoint, steps: readonly ShapeStep[], onStep?: (step: ShapeStep) => void): () => void {
  const timers = steps.map((step) =>
    setTimeout(() => {
      endpoint.set(step.shape);
      onStep?.(step);
    }, Math.max(0, step.atMs)),
  );
  return () => timers.forEach(clearTimeout);
}

