import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoturn, type CoturnProcess } from '../test-utils/coturn-process';
import { openTurnSession, type PeerAddress, type TurnSession } from '../test-utils/turn-session';
import { coturnCredentials } from './coturn';

const TURN_SECRET = 'coturn-peer-ranges-secret-for-tests';

/** The peer-range lines of the recommended configuration in docs/turn.md, as command-line flags. */
function recommendedPeerRules(): string[] {
  const doc = readFileSync(new URL('../../../../docs/turn.md', import.meta.url), 'utf8');
  const block = /```conf\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line === 'no-multicast-peers' || line.startsWith('denied-peer-ip='))
    .map((line) => `--${line}`);
}

/** A UDP socket on `ip` that records what arrives. */
function listen(ip: string): Promise<{ address: PeerAddress; received: Buffer[]; socket: Socket }> {
  const socket = createSocket('udp4');
  const received: Buffer[] = [];
  socket.on('message', (msg) => received.push(msg));
  return new Promise((resolve) => socket.bind(0, ip, () => resolve({ address: { ip, port: socket.address().port }, received, socket })));
}

describe('coturn with the recommended peer rules refuses to relay to private ranges', () => {
  const rules = recommendedPeerRules();
  let coturn: CoturnProcess;
  let session: TurnSession;
  beforeAll(async () => {
    // Loopback-only test machine: loopback peers on, then one loopback address let through as the
    // "public" peer. Everything else of 127/8 stays denied by the recommended rules.
    coturn = await startCoturn(TURN_SECRET, 'meetings.test', [...rules, '--allowed-peer-ip=127.0.0.1']);
    const { username, credential } = coturnCredentials(TURN_SECRET, 'client-1', 600);
    session = await openTurnSession(coturn.port, username, credential);
  });
  afterAll(async () => {
    session?.close();
    await coturn?.stop();
  });

  it('takes its rules from docs/turn.md: every private, loopback and link-local range, and no multicast', () => {
    expect(rules).toContain('--no-multicast-peers');
    for (const range of ['10.0.0.0-10.255.255.255', '127.0.0.0-127.255.255.255', '169.254.0.0-169.254.255.255', '172.16.0.0-172.31.255.255', '192.168.0.0-192.168.255.255', '100.64.0.0-100.127.255.255', '::1', 'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) {
      expect(rules).toContain(`--denied-peer-ip=${range}`);
    }
  });

  it('grants a permission toward an allowed peer, and relays data to it', async () => {
    expect(session.relayed).toMatch(/^127\.0\.0\.1:\d+$/);
    const peer = await listen('127.0.0.1');
    try {
      expect(await session.permit(peer.address)).toEqual({ ok: true });
      const until = Date.now() + 3_000;
      while (peer.received.length === 0 && Date.now() < until) {
        session.send(peer.address, Buffer.from('hello through the relay'));
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(peer.received[0]?.toString()).toBe('hello through the relay');
    } finally {
      peer.socket.close();
    }
  });

  it('refuses permissions toward denied ranges with 403, and relays nothing there', async () => {
    const target = await listen('127.0.0.2');
    try {
      expect(await session.permit(target.address)).toEqual({ ok: false, code: 403 });
      for (const ip of ['10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.1', '224.0.0.1']) {
        expect(await session.permit({ ip, port: 9 }), ip).toEqual({ ok: false, code: 403 });
      }
      // Without a permission the relay drops whatever is sent toward the address.
      for (let i = 0; i < 5; i += 1) session.send(target.address, Buffer.from('must not arrive'));
      await new Promise((r) => setTimeout(r, 500));
      expect(target.received).toEqual([]);
    } finally {
      target.socket.close();
    }
  });
});
