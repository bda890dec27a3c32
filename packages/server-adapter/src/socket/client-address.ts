import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

/** What {@link ClientAddressHook} sees of a handshake. */
export interface HandshakeAddress {
  /** The peer address of the connection (`handshake.address`). */
  address: string;
  headers: IncomingHttpHeaders;
}

/**
 * Which address the per-address limits count a connection against. Behind a reverse proxy every
 * connection comes from the proxy: return the client address the proxy reports instead.
 *
 * @example
 * ```ts
 * // One trusted proxy in front, which appends the client's address to X-Forwarded-For:
 * clientAddress: ({ address, headers }) => String(headers['x-forwarded-for'] ?? address).split(',').pop()!.trim(),
 * ```
 */
export type ClientAddressHook = (handshake: HandshakeAddress) => string;

/** The default: the connection's own peer address. */
export const peerAddress: ClientAddressHook = ({ address }) => address;

/** The last `X-Forwarded-For` entry (the one the nearest, trusted proxy appended), else the peer address. */
export const lastForwardedAddress: ClientAddressHook = ({ address, headers }) => {
  const forwarded = headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded;
  const last = value?.split(',').pop()?.trim();
  return last ? last : address;
};

/** Expands an IPv6 address to its eight groups (`::` filled with zeros). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes two groups.
  const last = right.length ? right[right.length - 1] : left[left.length - 1];
  const v4 = last && isIPv4(last) ? 1 : 0;
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length - v4 }, () => '0');
  return [...left, ...fill, ...right].map((g) => (isIPv4(g) ? g : g.toLowerCase().replace(/^0+(?=.)/, '')));
}

/**
 * The key an address is counted under: an IPv4 address as it is (also when IPv4-mapped), an
 * IPv6 address by its /64 prefix — one subscriber usually holds a whole /64, so counting single
 * IPv6 addresses would let one client spread over billions of them.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (isIPv6(bare)) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
  return bare || 'unknown';
}
