/**
 * `npm run bench:abuse`: what one abusive participant costs the server and another meeting, with
 * the hardening limits on (defaults) and off (the baseline). Three attacks, each bounded in time:
 *  1. join amplification — fill the meeting's chat (within the limits), then re-join in a loop;
 *  2. many sockets on one token, each flooding chat just under the per-socket limit;
 *  3. a slow reader — a participant that stops reading while its meeting's chat is busy.
 * Printed per attack: bytes the server sent the attacker per byte received (amplification), the
 * server's peak RSS, and the chat delivery p99 in ANOTHER meeting during the attack; plus the
 * load average, since the machine is shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Socket as TcpSocket } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { issueMeetingToken } from '@mentara/meetings-server';

const SECRET = 'abuse-bench-secret-0123456789abcdef';
const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startServer(limits: 'on' | 'off'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=@mentara/source', '--import', 'tsx', joinPath(here, 'server.ts')], {
    env: { ...process.env, BENCH_LIMITS: limits, BENCH_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /"port":(\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
  });
}

async function connect(url: string, userId: string, meetingId: string): Promise<Socket> {
  const token = await issueMeetingToken({ secret: SECRET, userId, displayName: userId, meetingId });
  const socket = io(`${url}/meetings`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 10_000);
    socket.once('connect', () => (clearTimeout(timer), resolve()));
    socket.once('connect_error', (e) => (clearTimeout(timer), reject(e)));
  });
  return socket;
}

const join = (socket: Socket, meetingId: string): Promise<{ ok: boolean }> =>
  socket.timeout(10_000).emitWithAck('join-meeting', { meetingId }).catch(() => ({ ok: false }));

const tcpOf = (socket: Socket): TcpSocket | undefined => (socket.io.engine.transport as unknown as { ws?: { _socket?: TcpSocket } }).ws?._socket;

const rss = async (url: string): Promise<{ rss: number; peak: number }> => (await fetch(`${url}/rss`)).json() as Promise<{ rss: number; peak: number }>;

const p = (values: number[], q: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

/** Another meeting chatting at 20 messages/s while `during` runs; returns delivery latencies (ms). */
async function otherMeetingChat(url: string, during: Promise<unknown>): Promise<{ latencies: number[]; lost: number }> {
  const meetingId = randomUUID();
  const [a, b] = [await connect(url, `other-a-${meetingId}`, meetingId), await connect(url, `other-b-${meetingId}`, meetingId)];
  await join(a, meetingId);
  await join(b, meetingId);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  b.on('chat-message', (m: { text: string }) => {
    const t = sentAt.get(m.text);
    if (t !== undefined) latencies.push(performance.now() - t);
  });
  let done = false;
  void during.finally(() => (done = true));
  let sent = 0;
  for (let i = 0; !done && i < 2_000; i += 1) {
    const text = `ping ${i}`;
    sentAt.set(text, performance.now());
    a.emit('chat-message', { text });
    sent += 1;
    await sleep(50);
  }
  await sleep(500);
  a.close();
  b.close();
  return { latencies, lost: sent - latencies.length };
}

type Figures = { bytesOut: number; bytesIn: number; notes: string };

/** 1. Fill the chat with 200 × 2,000 characters, then re-join as fast as answers come, for 8 s. */
async function joinAmplification(url: string): Promise<Figures> {
  const meetingId = randomUUID();
  const attacker = await connect(url, 'amplifier', meetingId);
  await join(attacker, meetingId);
  const text = 'x'.repeat(2_000);
  for (let i = 0; i < 200; i += 1) {
    attacker.emit('chat-message', { text });
    await sleep(22); // under 50 events/s
  }
  const tcp = tcpOf(attacker);
  const [read0, written0] = [tcp?.bytesRead ?? 0, tcp?.bytesWritten ?? 0];
  let joins = 0;
  let refused = 0;
  const until = Date.now() + 8_000;
  while (Date.now() < until && attacker.connected) {
    const answer = await join(attacker, meetingId);
    if (answer.ok) joins += 1;
    else refused += 1;
  }
  const figures = { bytesOut: (tcp?.bytesRead ?? 0) - read0, bytesIn: (tcp?.bytesWritten ?? 0) - written0, notes: `${joins} joins answered in full, ${refused} refused` };
  attacker.close();
  return figures;
}

/** 2. 50 sockets on one token, each sending chat at 45/s for 6 s. */
async function manySockets(url: string): Promise<Figures> {
  const meetingId = randomUUID();
  const sockets: Socket[] = [];
  for (let i = 0; i < 50; i += 1) sockets.push(await connect(url, 'flooder', meetingId).catch(() => null as never));
  await sleep(300);
  const open = sockets.filter((s) => s?.connected);
  for (const s of open) await join(s, meetingId);
  const until = Date.now() + 6_000;
  let sent = 0;
  while (Date.now() < until) {
    for (const s of open) if (s.connected) (s.emit('chat-message', { text: 'flood' }), (sent += 1));
    await sleep(22);
  }
  const still = open.filter((s) => s.connected).length;
  for (const s of sockets) s?.close();
  return { bytesOut: 0, bytesIn: 0, notes: `${open.length} of 50 sockets kept, ${still} connected at the end, ${sent} events sent` };
}

/** 3. A participant stops reading while an accomplice sends it 60 kB signals at 45/s for 6 s (≈ 16 MB). */
async function slowReader(url: string): Promise<Figures> {
  const meetingId = randomUUID();
  const reader = await connect(url, 'slow-reader', meetingId);
  const joined = (await reader.timeout(10_000).emitWithAck('join-meeting', { meetingId })) as { ok: boolean; data?: { self: { id: string } } };
  const sender = await connect(url, 'accomplice', meetingId);
  await join(sender, meetingId);
  let dropped = false;
  sender.on('participant-left', () => (dropped = true));
  tcpOf(reader)?.pause();
  const sdp = 'y'.repeat(60_000);
  const until = Date.now() + 6_000;
  let sent = 0;
  while (Date.now() < until) {
    sender.emit('webrtc-signal', { to: joined.data?.self.id ?? '', signal: { type: 'offer', sdp } });
    sent += 1;
    await sleep(22);
  }
  await sleep(300);
  reader.close();
  sender.close();
  return { bytesOut: 0, bytesIn: 0, notes: `${((sent * 60_000) / 1024 / 1024).toFixed(0)} MB addressed to it; ${dropped ? 'dropped by the server' : 'never dropped'}` };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function run(limits: 'on' | 'off'): Promise<void> {
  const { child, url } = await startServer(limits);
  try {
    const idle = await rss(url);
    const baseline = await otherMeetingChat(url, sleep(4_000));
    console.log(`\n[limits ${limits}] idle RSS ${mb(idle.rss)}; other meeting chat p50/p99 without attack: ${p(baseline.latencies, 0.5).toFixed(1)} / ${p(baseline.latencies, 0.99).toFixed(1)} ms`);
    for (const [name, attack] of [
      ['join amplification', joinAmplification],
      ['50 sockets on one token', manySockets],
      ['slow reader', slowReader],
    ] as const) {
      await rss(url); // reset the peak
      const attackRun = attack(url);
      const other = otherMeetingChat(url, attackRun);
      const [figures, chat] = await Promise.all([attackRun, other]);
      const memory = await rss(url);
      const ratio = figures.bytesIn > 0 ? ` amplification ${(figures.bytesOut / figures.bytesIn).toFixed(1)}× (${mb(figures.bytesOut)} out / ${(figures.bytesIn / 1024).toFixed(0)} kB in);` : '';
      console.log(
        `[limits ${limits}] ${name}:${ratio} peak RSS ${mb(memory.peak)}; other meeting chat p99 ${p(chat.latencies, 0.99).toFixed(1)} ms (${chat.lost} lost); ${figures.notes}`.replace(/; $/, ''),
      );
      await sleep(1_000);
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const [one, five] = loadavg();
console.log(`abuse bench — load average before: ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min); 2 shared cores`);
await run('off');
await run('on');
const [after] = loadavg();
console.log(`\nload average after: ${after?.toFixed(2)} (1 min)`);
process.exit(0);
