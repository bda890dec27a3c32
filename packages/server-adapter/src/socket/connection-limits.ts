import { PROTOCOL_ERROR_CODES } from '@mentara/meetings-core/protocol';
import type { MeetingLimits } from '../options';
import { addressKey, type ClientAddressHook } from './client-address';
import { TokenBucket } from './rate-limiter';
import type { MeetingsSocket } from './types';

/** The limits this unit enforces (see the README's limits table). */
export type ClientLimitSettings = Pick<
  MeetingLimits,
  'connectionsPerUser' | 'connectionsPerIp' | 'eventsPerSecondPerUser' | 'eventsPerSecondPerIp' | 'joinsPerMinute' | 'joinsBurst'
>;

/** A shared budget: how many sockets hold it, its event bucket, and (users) its join bucket. */
interface Holder {
  sockets: Set<MeetingsSocket>;
  events: TokenBucket | null;
  joins: TokenBucket | null;
}

/** The limits over all sockets of one user and of one address, beside each socket's own bucket. */
export interface ClientLimits {
  /** Namespace middleware, before authentication: refuses an address over its connection cap (`server-busy`). */
  middleware(socket: MeetingsSocket, next: (err?: Error) => void): void;
  /**
   * Counts a connected socket against its user and address: the user's oldest socket is
   * disconnected when the user is over the cap (the newest connection wins, as with seats);
   * an address over the cap (handshakes racing the middleware) refuses this one. Returns the
   * release to call on disconnect, or `null` when the socket was refused.
   */
  accept(socket: MeetingsSocket): (() => void) | null;
  /** Takes one event from the socket's user and address budgets; `false`: drop it (rate-limited). */
  takeEvent(socket: MeetingsSocket): boolean;
  /** Takes one join from the user's budget: 0 when allowed, else the milliseconds until one is. */
  takeJoin(socket: MeetingsSocket): number;
  /**
   * How many user and address budgets are still held: idle ones (no socket, buckets full again)
   * are forgotten first, as the periodic sweep would, since keeping them changes nothing.
   */
  size(): number;
  /** Stops the sweep of idle budgets. */
  close(): void;
}

/** How often idle budgets are forgotten. */
const SWEEP_MS = 60_000;

const bucket = (perSecond: number, burst: number, clock: () => number): TokenBucket | null =>
  Number.isFinite(perSecond) ? new TokenBucket(perSecond, burst, clock) : null;

const busy = (retryAfterMs: number): Error & { data: unknown } =>
  Object.assign(new Error('server-busy'), {
    data: { code: 'server-busy', message: PROTOCOL_ERROR_CODES['server-busy'], recoverable: true, retryAfterMs },
  });

/**
 * Creates the per-user and per-address limits of one attached server. The budgets of a user or
 * an address outlive its sockets until they are full again, so reconnecting never resets them.
 */
export function createClientLimits(limits: ClientLimitSettings, clientAddress: ClientAddressHook, clock: () => number): ClientLimits {
  const users = new Map<string, Holder>();
  const addresses = new Map<string, Holder>();
  const keys = new WeakMap<MeetingsSocket, { user: string; address: string }>();
  const addressOf = (socket: MeetingsSocket): string =>
    addressKey(clientAddress({ address: socket.handshake.address, headers: socket.handshake.headers }));

  const holder = (map: Map<string, Holder>, key: string, perSecond: number, joins: boolean): Holder => {
    let entry = map.get(key);
    if (!entry) {
      entry = {
        sockets: new Set(),
        events: bucket(perSecond, perSecond * 2, clock),
        joins: joins ? bucket(limits.joinsPerMinute / 60, limits.joinsBurst, clock) : null,
      };
      map.set(key, entry);
    }
    return entry;
  };
  const idle = (entry: Holder): boolean => entry.sockets.size === 0 && (entry.events?.full() ?? true) && (entry.joins?.full() ?? true);
  const forgetIdle = (): void => {
    for (const map of [users, addresses]) for (const [key, entry] of map) if (idle(entry)) map.delete(key);
  };
  const sweep = setInterval(forgetIdle, SWEEP_MS);
  sweep.unref?.();

  return {
    middleware(socket, next) {
      const count = addresses.get(addressOf(socket))?.sockets.size ?? 0;
      next(count >= limits.connectionsPerIp ? busy(5_000) : undefined);
    },
    accept(socket) {
      const address = addressOf(socket);
      const byAddress = holder(addresses, address, limits.eventsPerSecondPerIp, false);
      if (byAddress.sockets.size >= limits.connectionsPerIp) {
        socket.emit('webrtc-error', { code: 'server-busy', message: PROTOCOL_ERROR_CODES['server-busy'], recoverable: true, retryAfterMs: 5_000 });
        socket.disconnect(true);
        return null;
      }
      const user = socket.data.user.userId;
      const byUser = holder(users, user, limits.eventsPerSecondPerUser, true);
      // The newest connection wins: the oldest is most likely a tab or network that is gone.
      while (byUser.sockets.size >= limits.connectionsPerUser) {
        const [oldest] = byUser.sockets;
        if (!oldest) break;
        byUser.sockets.delete(oldest);
        addresses.get(keys.get(oldest)?.address ?? '')?.sockets.delete(oldest);
        oldest.disconnect(true);
      }
      byUser.sockets.add(socket);
      byAddress.sockets.add(socket);
      keys.set(socket, { user, address });
      return () => {
        users.get(user)?.sockets.delete(socket);
        addresses.get(address)?.sockets.delete(socket);
      };
    },
    takeEvent(socket) {
      const key = keys.get(socket);
      if (!key) return true;
      const byUser = users.get(key.user)?.events;
      const byAddress = addresses.get(key.address)?.events;
      return (byUser?.take() ?? true) && (byAddress?.take() ?? true);
    },
    takeJoin(socket) {
      const joins = users.get(keys.get(socket)?.user ?? '')?.joins;
      if (!joins || joins.take()) return 0;
      return Math.max(1, joins.waitMs());
    },
    size() {
      forgetIdle();
      return users.size + addresses.size;
    },
    close() {
      clearInterval(sweep);
      users.clear();
      addresses.clear();
    },
  };
}
