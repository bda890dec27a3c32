import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/**
 * A minimal TURN client over UDP (RFC 5766 Allocate with RFC 5389 long-term credentials), used
 * to check credentials against a real coturn process.
 */

export const MAGIC = 0x2112a442;
const ALLOCATE = 0x0003;
const BINDING = 0x0001;
export const ATTR = { USERNAME: 0x0006, MESSAGE_INTEGRITY: 0x0008, ERROR_CODE: 0x0009, LIFETIME: 0x000d, REALM: 0x0014, NONCE: 0x0015, XOR_RELAYED_ADDRESS: 0x0016, REQUESTED_TRANSPORT: 0x0019 };

export type Attr = [type: number, value: Buffer];

export function encode(type: number, attrs: Attr[], integrityKey?: Buffer): Buffer {
  const tid = randomBytes(12);
  const body = Buffer.concat(
    attrs.map(([t, v]) => {
      const head = Buffer.alloc(4);
      head.writeUInt16BE(t, 0);
      head.writeUInt16BE(v.length, 2);
      return Buffer.concat([head, v, Buffer.alloc((4 - (v.length % 4)) % 4)]);
    }),
  );
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length + (integrityKey ? 24 : 0), 2);
  header.writeUInt32BE(MAGIC, 4);
  tid.copy(header, 8);
  const message = Buffer.concat([header, body]);
  if (!integrityKey) return message;
  const mac = createHmac('sha1', integrityKey).update(message).digest();
  const mi = Buffer.alloc(4);
  mi.writeUInt16BE(ATTR.MESSAGE_INTEGRITY, 0);
  mi.writeUInt16BE(20, 2);
  return Buffer.concat([message, mi, mac]);
}

export interface Decoded {
  type: number;
  attrs: Map<number, Buffer>;
}

export function decode(buf: Buffer): Decoded {
  const attrs = new Map<number, Buffer>();
  let offset = 20;
  const end = 20 + buf.readUInt16BE(2);
  while (offset + 4 <= end) {
    const t = buf.readUInt16BE(offset);
    const len = buf.readUInt16BE(offset + 2);
    attrs.set(t, buf.subarray(offset + 4, offset + 4 + len));
    offset += 4 + len + ((4 - (len % 4)) % 4);
  }
  return { type: buf.readUInt16BE(0), attrs };
}

/** A UDP socket to the server; nonces are bound to the 5-tuple, so one socket per exchange. */
export function channel(port: number) {
  const socket = createSocket('udp4');
  return {
    request(message: Buffer, timeoutMs = 1500): Promise<Decoded> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.removeAllListeners('message');
          reject(new Error('TURN request timed out'));
        }, timeoutMs);
        socket.once('message', (msg) => {
          clearTimeout(timer);
          resolve(decode(msg));
        });
        socket.send(message, port, '127.0.0.1');
      });
    },
    /** Sends a message that gets no answer (an indication). */
    send: (message: Buffer) => socket.send(message, port, '127.0.0.1'),
    close: () => socket.close(),
  };
}

/** Sends a STUN Binding request; resolves when the server answers (used to wait for start-up). */
export async function stunPing(port: number): Promise<boolean> {
  const ch = channel(port);
  try {
    return (await ch.request(encode(BINDING, []), 300)).type === 0x0101;
  } catch {
    return false;
  } finally {
    ch.close();
  }
}

/** Result of an Allocate: the relayed address, or the TURN error code. */
export type AllocateResult = { ok: true; relayed: string; lifetime: number } | { ok: false; code: number };

export const errorCode = (d: Decoded): number => {
  const v = d.attrs.get(ATTR.ERROR_CODE);
  return v ? (v[2] ?? 0) * 100 + (v[3] ?? 0) : 0;
};

/** Performs the two-step authenticated Allocate (401 challenge, then signed request). */
export async function allocate(port: number, username: string, password: string): Promise<AllocateResult> {
  const ch = channel(port);
  try {
    return await allocateOn(ch, username, password);
  } finally {
    ch.close();
  }
}

async function allocateOn(ch: ReturnType<typeof channel>, username: string, password: string): Promise<AllocateResult> {
  const transport: Attr = [ATTR.REQUESTED_TRANSPORT, Buffer.from([17, 0, 0, 0])];
  const challenge = await ch.request(encode(ALLOCATE, [transport]));
  const realm = challenge.attrs.get(ATTR.REALM);
  const nonce = challenge.attrs.get(ATTR.NONCE);
  if (errorCode(challenge) !== 401 || !realm || !nonce) return { ok: false, code: errorCode(challenge) };
  const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
  const signed = encode(ALLOCATE, [transport, [ATTR.USERNAME, Buffer.from(username)], [ATTR.REALM, realm], [ATTR.NONCE, nonce]], key);
  const answer = await ch.request(signed);
  if (answer.type !== 0x0103) return { ok: false, code: errorCode(answer) };
  const xor = answer.attrs.get(ATTR.XOR_RELAYED_ADDRESS);
  if (!xor) return { ok: false, code: 0 };
  const relayPort = xor.readUInt16BE(2) ^ (MAGIC >>> 16);
  const ip = [0, 1, 2, 3].map((i) => (xor[4 + i] ?? 0) ^ ((MAGIC >>> (24 - 8 * i)) & 0xff)).join('.');
  return { ok: true, relayed: `${ip}:${relayPort}`, lifetime: answer.attrs.get(ATTR.LIFETIME)?.readUInt32BE(0) ?? 0 };
}
