import { createHash } from 'node:crypto';
import { ATTR, channel, encode, errorCode, MAGIC, type Attr } from './turn-client';

/**
 * One TURN allocation kept open over UDP (RFC 5766), to ask the server for permissions toward
 * peers and send them data through the relay: what a WebRTC client does before relaying.
 */

const CREATE_PERMISSION = 0x0008;
const SEND_INDICATION = 0x0016;
const XOR_PEER_ADDRESS = 0x0012;
const DATA = 0x0013;

/** A peer transport address (IPv4). */
export interface PeerAddress {
  ip: string;
  port: number;
}

/** An open allocation on a TURN server. */
export interface TurnSession {
  /** `ip:port` of the relay the server allocated. */
  relayed: string;
  /** CreatePermission toward `peer`: `ok`, or the TURN error code (403: the server forbids that address). */
  permit(peer: PeerAddress): Promise<{ ok: true } | { ok: false; code: number }>;
  /** Sends `data` to `peer` through the relay (a Send indication: no answer either way). */
  send(peer: PeerAddress, data: Buffer): void;
  close(): void;
}

function xorPeerAddress({ ip, port }: PeerAddress): Attr {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1);
  value.writeUInt16BE(port ^ (MAGIC >>> 16), 2);
  ip.split('.').forEach((octet, i) => value.writeUInt8(Number(octet) ^ ((MAGIC >>> (24 - 8 * i)) & 0xff), 4 + i));
  return [XOR_PEER_ADDRESS, value];
}

/** Allocates a UDP relay with long-term credentials (401 challenge, then signed requests). */
export async function openTurnSession(port: number, username: string, password: string): Promise<TurnSession> {
  const ch = channel(port);
  const transport: Attr = [ATTR.REQUESTED_TRANSPORT, Buffer.from([17, 0, 0, 0])];
  try {
    const challenge = await ch.request(encode(0x0003, [transport]));
    const realm = challenge.attrs.get(ATTR.REALM);
    const nonce = challenge.attrs.get(ATTR.NONCE);
    if (!realm || !nonce) throw new Error(`no TURN challenge (error ${errorCode(challenge)})`);
    const key = createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    const auth: Attr[] = [
      [ATTR.USERNAME, Buffer.from(username)],
      [ATTR.REALM, realm],
      [ATTR.NONCE, nonce],
    ];
    const allocated = await ch.request(encode(0x0003, [transport, ...auth], key));
    const xor = allocated.attrs.get(ATTR.XOR_RELAYED_ADDRESS);
    if (allocated.type !== 0x0103 || !xor) throw new Error(`TURN allocation refused (error ${errorCode(allocated)})`);
    const relayPort = xor.readUInt16BE(2) ^ (MAGIC >>> 16);
    const relayIp = [0, 1, 2, 3].map((i) => (xor[4 + i] ?? 0) ^ ((MAGIC >>> (24 - 8 * i)) & 0xff)).join('.');
    return {
      relayed: `${relayIp}:${relayPort}`,
      async permit(peer) {
        const answer = await ch.request(encode(CREATE_PERMISSION, [xorPeerAddress(peer), ...auth], key));
        return answer.type === 0x0108 ? { ok: true } : { ok: false, code: errorCode(answer) };
      },
      send(peer, data) {
        ch.send(encode(SEND_INDICATION, [xorPeerAddress(peer), [DATA, data]]));
      },
      close: () => ch.close(),
    };
  } catch (error) {
    ch.close();
    throw error;
  }
}
