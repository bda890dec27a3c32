import { createHash, type Hash } from 'node:crypto';

/** SHA-256's block size: HMAC pads the key to it. */
const BLOCK_BYTES = 64;

/** The hash states after the inner and the outer padded key, ready to be copied per message. */
interface KeyedHashes {
  inner: Hash;
  outer: Hash;
}

const prepared = new WeakMap<Uint8Array, KeyedHashes>();

function keyedHashes(key: Uint8Array): KeyedHashes {
  const known = prepared.get(key);
  if (known) return known;
  const block = key.length > BLOCK_BYTES ? createHash('sha256').update(key).digest() : key;
  const innerPad = Buffer.alloc(BLOCK_BYTES, 0x36);
  const outerPad = Buffer.alloc(BLOCK_BYTES, 0x5c);
  for (let i = 0; i < block.length; i += 1) {
    innerPad[i] = (innerPad[i] as number) ^ (block[i] as number);
    outerPad[i] = (outerPad[i] as number) ^ (block[i] as number);
  }
  const hashes = { inner: createHash('sha256').update(innerPad), outer: createHash('sha256').update(outerPad) };
  prepared.set(key, hashes);
  return hashes;
}

/**
 * HMAC-SHA256 of `message` under `key`, base64url — the same value as
 * `createHmac('sha256', key).update(message).digest('base64url')` (RFC 2104), computed from copies
 * of hash states prepared once per key. A server signs a ticket on every join; setting up an HMAC
 * context from the key each time (OpenSSL looks the algorithm up again) cost several times the
 * hashing itself there. Keep `key` the same object across calls: it is what the states are cached by.
 */
export function hmacSha256(key: Uint8Array, message: string): string {
  const { inner, outer } = keyedHashes(key);
  const innerDigest = inner.copy().update(message).digest();
  return outer.copy().update(innerDigest).digest('base64url');
}
